// Renderer: statements, names and scopes, and the expression operators. Global functions, macros and methods are in
// jinjacalls.cpp; filters and tests in jinjafilters.cpp.

#include "tokenizer/jinjarenderer.h"

#include "tokenizer/jinjastrings.h"
#include "tokenizer/unicodeutil.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace tl::jinja {

Renderer::Renderer(const Value& context, int64_t maxSteps)
    : m_context(context)
    , m_maxSteps(maxSteps)
{
    m_scopes.emplace_back();
}

void Renderer::step(int line)
{
    if (++m_steps > m_maxSteps)
        fail(line, "the template ran past its budget of " + std::to_string(m_maxSteps) + " steps");
}

void Renderer::checkSize(size_t bytes, int line)
{
    if (bytes > kMaxStringBytes)
        fail(line, "the template made a string larger than " + std::to_string(kMaxStringBytes) + " bytes");
}

Flow Renderer::run(const Body& body, std::string& out)
{
    for (const auto& stmt : body) {
        const Flow flow = exec(*stmt, out);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Flow Renderer::exec(const Stmt& s, std::string& out)
{
    step(s.line);
    switch (s.kind) {
    case Stmt::Kind::Text:
        checkSize(out.size() + s.text.size(), s.line);
        out += s.text;
        return Flow::Normal;
    case Stmt::Kind::Output: {
        const std::string text = pyStr(eval(*s.exprs[0]));
        checkSize(out.size() + text.size(), s.line);
        out += text;
        return Flow::Normal;
    }
    case Stmt::Kind::If:
        for (size_t i = 0; i < s.exprs.size(); ++i) {
            if (truthy(eval(*s.exprs[i])))
                return run(s.bodies[i], out);
        }
        if (s.hasElse)
            return run(s.bodies.back(), out);
        return Flow::Normal;
    case Stmt::Kind::For:
        return execFor(s, out);
    case Stmt::Kind::Set:
        if (s.attr.empty()) {
            m_scopes.back()[s.text] = eval(*s.exprs[0]);
        } else {
            Value* target = lookupRef(s.text);
            if (!target || !target->is_object() || !target->contains("__namespace__"))
                fail(s.line, "cannot set attribute '" + s.attr + "' on '" + s.text + "': it is not a namespace()");
            (*target)[s.attr] = eval(*s.exprs[0]);
        }
        return Flow::Normal;
    case Stmt::Kind::SetBlock: {
        std::string captured;
        run(s.bodies[0], captured);
        m_scopes.back()[s.text] = captured;
        return Flow::Normal;
    }
    case Stmt::Kind::Macro:
        m_macros[s.text] = &s;
        return Flow::Normal;
    case Stmt::Kind::Break:
        return Flow::Break;
    case Stmt::Kind::Continue:
        return Flow::Continue;
    }
    return Flow::Normal;
}

Flow Renderer::execFor(const Stmt& s, std::string& out)
{
    const Value all = iterable(eval(*s.exprs[0]), s.line);
    // The loop filter runs first, so loop.length and loop.last count only the kept items.
    std::vector<Value> items;
    for (const auto& item : all) {
        if (s.exprs[1]) {
            m_scopes.emplace_back();
            bind(s, item);
            const bool keep = truthy(eval(*s.exprs[1]));
            m_scopes.pop_back();
            if (!keep)
                continue;
        }
        items.push_back(item);
    }
    if (items.empty())
        return run(s.bodies[1], out);
    const auto n = static_cast<int64_t>(items.size());
    for (int64_t i = 0; i < n; ++i) {
        m_scopes.emplace_back();
        bind(s, items[static_cast<size_t>(i)]);
        Value loop = Value::object();
        loop["index"] = i + 1;
        loop["index0"] = i;
        loop["revindex"] = n - i;
        loop["revindex0"] = n - i - 1;
        loop["first"] = i == 0;
        loop["last"] = i == n - 1;
        loop["length"] = n;
        loop["previtem"] = i > 0 ? items[static_cast<size_t>(i - 1)] : undefined();
        loop["nextitem"] = i + 1 < n ? items[static_cast<size_t>(i + 1)] : undefined();
        m_scopes.back()["loop"] = std::move(loop);
        const Flow flow = run(s.bodies[0], out);
        m_scopes.pop_back();
        if (flow == Flow::Break)
            break;
    }
    return Flow::Normal;
}

void Renderer::bind(const Stmt& s, const Value& item)
{
    if (s.targets.size() == 1) {
        m_scopes.back()[s.targets[0]] = item;
        return;
    }
    if (!item.is_array() || item.size() != s.targets.size())
        fail(s.line, "cannot unpack " + pyRepr(item) + " into " + std::to_string(s.targets.size()) + " names");
    for (size_t k = 0; k < s.targets.size(); ++k)
        m_scopes.back()[s.targets[k]] = item[k];
}

Value* Renderer::lookupRef(const std::string& name)
{
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        const auto found = it->find(name);
        if (found != it->end())
            return &found->second;
    }
    return nullptr;
}

Value Renderer::lookup(const std::string& name)
{
    if (const Value* v = lookupRef(name))
        return *v;
    if (m_context.is_object()) {
        const auto it = m_context.find(name);
        if (it != m_context.end())
            return *it;
    }
    return undefined();
}

Value Renderer::iterable(const Value& v, int line)
{
    if (v.is_array())
        return v;
    if (isUndefined(v) || v.is_null())
        return v.is_null()
            ? throw std::runtime_error("line " + std::to_string(line) + ": 'NoneType' object is not iterable")
            : Value::array();
    if (v.is_object()) {
        Value keys = Value::array();
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (it.key() != "__namespace__")
                keys.push_back(it.key());
        }
        return keys;
    }
    if (v.is_string()) {
        Value chars = Value::array();
        for (const char32_t c : toU32(v.get<std::string>())) {
            std::string s;
            unicode::appendUtf8(s, c);
            chars.push_back(s);
        }
        return chars;
    }
    fail(line, std::string("cannot iterate over ") + v.type_name());
}

Value Renderer::getAttr(const Value& obj, const std::string& key)
{
    if (obj.is_object()) {
        const auto it = obj.find(key);
        return it == obj.end() ? undefined() : *it;
    }
    if (obj.is_array() && !key.empty() && std::all_of(key.begin(), key.end(), ::isdigit)) {
        const size_t i = std::stoul(key);
        return i < obj.size() ? obj[i] : undefined();
    }
    return undefined();
}

Value Renderer::getItem(const Value& obj, const Value& key, int line)
{
    if (obj.is_object()) {
        if (!key.is_string())
            return undefined();
        return getAttr(obj, key.get<std::string>());
    }
    if (obj.is_array() || obj.is_string()) {
        if (!isIntLike(key))
            fail(line, "indices must be integers, not " + std::string(key.type_name()));
        if (obj.is_array()) {
            const int64_t i = normalizeIndex(asInt(key), static_cast<int64_t>(obj.size()));
            return i >= 0 && i < static_cast<int64_t>(obj.size()) ? obj[static_cast<size_t>(i)] : undefined();
        }
        const std::u32string s = toU32(obj.get<std::string>());
        const int64_t i = normalizeIndex(asInt(key), static_cast<int64_t>(s.size()));
        if (i < 0 || i >= static_cast<int64_t>(s.size()))
            return undefined();
        std::string c;
        unicode::appendUtf8(c, s[static_cast<size_t>(i)]);
        return c;
    }
    return undefined();
}

Value Renderer::eval(const Expr& e)
{
    step(e.line);
    // Not restored on a failure: a Renderer that failed is thrown away.
    if (++m_evalDepth > kMaxEvalDepth)
        fail(e.line, "an expression nests deeper than " + std::to_string(kMaxEvalDepth) + " levels");
    Value v = evalNode(e);
    --m_evalDepth;
    return v;
}

Value Renderer::evalNode(const Expr& e)
{
    switch (e.kind) {
    case Expr::Kind::Literal:
        return e.value;
    case Expr::Kind::Name:
        return lookup(e.name);
    case Expr::Kind::List:
    case Expr::Kind::Tuple: {
        Value list = Value::array();
        for (const auto& a : e.args)
            list.push_back(eval(*a));
        return list;
    }
    case Expr::Kind::Dict: {
        Value dict = Value::object();
        for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
            const Value key = eval(*e.args[i]);
            if (!key.is_string())
                fail(e.line, "dict keys must be strings");
            dict[key.get<std::string>()] = eval(*e.args[i + 1]);
        }
        return dict;
    }
    case Expr::Kind::Attr:
        return getAttr(eval(*e.args[0]), e.name);
    case Expr::Kind::Index:
        return getItem(eval(*e.args[0]), eval(*e.args[1]), e.line);
    case Expr::Kind::Slice: {
        const Value obj = eval(*e.args[0]);
        const Value start = e.args[1] ? eval(*e.args[1]) : Value();
        const Value stop = e.args[2] ? eval(*e.args[2]) : Value();
        const Value step = e.args[3] ? eval(*e.args[3]) : Value();
        if (obj.is_array()) {
            const std::vector<Value> items(obj.begin(), obj.end());
            return Value(sliceSeq(items, start, stop, step));
        }
        if (obj.is_string())
            return fromU32(sliceSeq(toU32(obj.get<std::string>()), start, stop, step));
        fail(e.line, std::string("cannot slice ") + obj.type_name());
    }
    case Expr::Kind::Call:
        return call(e);
    case Expr::Kind::Filter:
        return filter(e);
    case Expr::Kind::Test: {
        const bool result = test(e);
        return e.negated ? !result : result;
    }
    case Expr::Kind::Unary: {
        const Value v = eval(*e.args[0]);
        if (e.name == "not")
            return !truthy(v);
        if (!isNumber(v))
            fail(e.line, "bad operand for unary " + e.name);
        if (e.name == "-")
            return isIntLike(v) ? Value(-asInt(v)) : Value(-asDouble(v));
        return v;
    }
    case Expr::Kind::Binary:
        return binary(e);
    case Expr::Kind::Ternary:
        if (truthy(eval(*e.args[1])))
            return eval(*e.args[0]);
        return e.args[2] ? eval(*e.args[2]) : undefined();
    }
    return undefined();
}

bool Renderer::contains(const Value& container, const Value& item, int line)
{
    if (container.is_string()) {
        if (!item.is_string())
            fail(line, "'in <string>' requires a string on the left");
        return container.get_ref<const std::string&>().find(item.get_ref<const std::string&>()) != std::string::npos;
    }
    if (container.is_array())
        return std::any_of(container.begin(), container.end(), [&](const Value& v) { return equals(v, item); });
    if (container.is_object())
        return item.is_string() && container.contains(item.get<std::string>());
    if (isUndefined(container))
        fail(line, "'in' on an undefined value");
    fail(line, std::string("argument of type ") + container.type_name() + " is not iterable");
}

Value Renderer::binary(const Expr& e)
{
    const std::string& op = e.name;
    if (op == "and") {
        Value l = eval(*e.args[0]);
        return truthy(l) ? eval(*e.args[1]) : l;
    }
    if (op == "or") {
        Value l = eval(*e.args[0]);
        return truthy(l) ? l : eval(*e.args[1]);
    }
    const Value l = eval(*e.args[0]);
    const Value r = eval(*e.args[1]);
    if (op == "~") {
        std::string s = pyStr(l);
        const std::string right = pyStr(r);
        checkSize(s.size() + right.size(), e.line);
        return s + right;
    }
    if (op == "==")
        return equals(l, r);
    if (op == "!=")
        return !equals(l, r);
    if (op == "<")
        return compare(l, r, e.line) < 0;
    if (op == ">")
        return compare(l, r, e.line) > 0;
    if (op == "<=")
        return compare(l, r, e.line) <= 0;
    if (op == ">=")
        return compare(l, r, e.line) >= 0;
    if (op == "in")
        return contains(r, l, e.line);
    if (op == "notin")
        return !contains(r, l, e.line);
    if (op == "+") {
        if (l.is_string() && r.is_string()) {
            checkSize(l.get_ref<const std::string&>().size() + r.get_ref<const std::string&>().size(), e.line);
            return l.get<std::string>() + r.get<std::string>();
        }
        if (l.is_array() && r.is_array()) {
            if (l.size() + r.size() > size_t(kMaxRangeItems))
                fail(e.line, "the template made a list of more than " + std::to_string(kMaxRangeItems) + " items");
            Value out = l;
            for (const auto& v : r)
                out.push_back(v);
            return out;
        }
    }
    if (op == "*" && ((l.is_string() && isIntLike(r)) || (isIntLike(l) && r.is_string()))) {
        const std::string& s = l.is_string() ? l.get_ref<const std::string&>() : r.get_ref<const std::string&>();
        const int64_t times = asInt(l.is_string() ? r : l);
        if (times > 0 && !s.empty() && uint64_t(times) > kMaxStringBytes / s.size())
            fail(e.line, "the template made a string larger than " + std::to_string(kMaxStringBytes) + " bytes");
        std::string out;
        for (int64_t i = times; i > 0; --i)
            out += s;
        return out;
    }
    if (!isNumber(l) || !isNumber(r))
        fail(e.line,
            "unsupported operand types for " + op + ": " + l.type_name() + " and " + r.type_name()
                + (isUndefined(l) || isUndefined(r) ? " (undefined)" : ""));
    const bool ints = isIntLike(l) && isIntLike(r);
    if (ints && (op == "+" || op == "-" || op == "*")) {
        // Python's integers do not overflow; ours are 64-bit, and signed overflow is undefined behaviour.
        int64_t result = 0;
        const int64_t a = asInt(l);
        const int64_t b = asInt(r);
        const bool overflow = op == "+" ? __builtin_add_overflow(a, b, &result)
            : op == "-"                 ? __builtin_sub_overflow(a, b, &result)
                                        : __builtin_mul_overflow(a, b, &result);
        if (overflow)
            fail(e.line, "integer overflow in " + op);
        return result;
    }
    if (op == "+")
        return Value(asDouble(l) + asDouble(r));
    if (op == "-")
        return Value(asDouble(l) - asDouble(r));
    if (op == "*")
        return Value(asDouble(l) * asDouble(r));
    if (op == "/") {
        if (asDouble(r) == 0.0)
            fail(e.line, "division by zero");
        return asDouble(l) / asDouble(r);
    }
    if (op == "//" || op == "%") {
        if (asDouble(r) == 0.0)
            fail(e.line, "division by zero");
        if (ints) {
            const int64_t a = asInt(l);
            const int64_t b = asInt(r);
            if (b == -1) { // INT64_MIN / -1 and INT64_MIN % -1 trap (SIGFPE) on x86
                if (op == "%")
                    return Value(int64_t(0));
                if (a == std::numeric_limits<int64_t>::min())
                    fail(e.line, "integer overflow in //");
                return Value(-a);
            }
            int64_t q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0)))
                --q;
            // The remainder from a % b, not a - q * b: q * b overflows for a near INT64_MIN.
            int64_t m = a % b;
            if (m != 0 && ((m < 0) != (b < 0)))
                m += b;
            return op == "//" ? Value(q) : Value(m);
        }
        const double q = std::floor(asDouble(l) / asDouble(r));
        return op == "//" ? Value(q) : Value(asDouble(l) - q * asDouble(r));
    }
    if (op == "**")
        return ints && asInt(r) >= 0 ? Value(static_cast<int64_t>(std::llround(std::pow(asDouble(l), asDouble(r)))))
                                     : Value(std::pow(asDouble(l), asDouble(r)));
    fail(e.line, "unknown operator " + op);
}

std::vector<Value> Renderer::evalArgs(const Expr& e, size_t from)
{
    std::vector<Value> args;
    for (size_t i = from; i < e.args.size(); ++i)
        args.push_back(eval(*e.args[i]));
    return args;
}

Value Renderer::arg(const Expr& e, const std::vector<Value>& args, size_t i, const char* name, Value fallback)
{
    if (i < args.size())
        return args[i];
    for (const auto& [key, value] : e.kwargs) {
        if (key == name)
            return eval(*value);
    }
    return fallback;
}

} // namespace tl::jinja
