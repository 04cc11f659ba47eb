#include "tokenizer/jinjatemplate.h"

#include "tokenizer/jinjaparser.h"
#include "tokenizer/unicodeutil.h"

#include <QString>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <map>
#include <stdexcept>

namespace tl {

using jinja::Body;
using jinja::Expr;
using jinja::Stmt;
using jinja::Value;

namespace {

[[noreturn]] void fail(int line, const std::string& message)
{
    throw std::runtime_error("line " + std::to_string(line) + ": " + message);
}

Value undefined()
{
    return Value(Value::value_t::discarded);
}

bool isUndefined(const Value& v)
{
    return v.is_discarded();
}

bool truthy(const Value& v)
{
    switch (v.type()) {
    case Value::value_t::null:
    case Value::value_t::discarded:
        return false;
    case Value::value_t::boolean:
        return v.get<bool>();
    case Value::value_t::number_integer:
    case Value::value_t::number_unsigned:
        return v.get<int64_t>() != 0;
    case Value::value_t::number_float:
        return v.get<double>() != 0.0;
    case Value::value_t::string:
        return !v.get_ref<const std::string&>().empty();
    case Value::value_t::array:
    case Value::value_t::object:
        return !v.empty();
    default:
        return true;
    }
}

std::string pyFloat(double d)
{
    if (std::isnan(d))
        return "nan";
    if (std::isinf(d))
        return d > 0 ? "inf" : "-inf";
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, result.ptr);
    if (s.find_first_of(".en") == std::string::npos)
        s += ".0";
    return s;
}

std::string jsonString(const std::string& s, bool ensureAscii);

// Python's repr() of strings inside containers: single quotes unless the text holds one and no double.
std::string pyRepr(const Value& v);

std::string pyStr(const Value& v)
{
    switch (v.type()) {
    case Value::value_t::discarded:
        return {};
    case Value::value_t::null:
        return "None";
    case Value::value_t::boolean:
        return v.get<bool>() ? "True" : "False";
    case Value::value_t::number_integer:
    case Value::value_t::number_unsigned:
        return std::to_string(v.get<int64_t>());
    case Value::value_t::number_float:
        return pyFloat(v.get<double>());
    case Value::value_t::string:
        return v.get<std::string>();
    default:
        return pyRepr(v);
    }
}

std::string pyRepr(const Value& v)
{
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        const char quote = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
        std::string out(1, quote);
        for (const char c : s) {
            if (c == '\\')
                out += "\\\\";
            else if (c == quote)
                out += std::string("\\") + quote;
            else if (c == '\n')
                out += "\\n";
            else if (c == '\t')
                out += "\\t";
            else if (c == '\r')
                out += "\\r";
            else
                out.push_back(c);
        }
        return out + quote;
    }
    if (v.is_array()) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + pyRepr(v[i]);
        return out + "]";
    }
    if (v.is_object()) {
        std::string out = "{";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += (first ? "" : ", ") + pyRepr(Value(it.key())) + ": " + pyRepr(it.value());
            first = false;
        }
        return out + "}";
    }
    return pyStr(v);
}

std::string jsonString(const std::string& s, bool ensureAscii)
{
    std::string out = "\"";
    for (size_t pos = 0; pos < s.size();) {
        const auto c = static_cast<unsigned char>(s[pos]);
        if (c >= 0x80) {
            int len = 0;
            const char32_t cp = unicode::decodeUtf8(s, pos, &len);
            if (!ensureAscii) {
                out.append(s, pos, static_cast<size_t>(len));
            } else {
                const auto hex = [&out](unsigned u) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", u);
                    out += buf;
                };
                if (cp >= 0x10000) {
                    hex(0xD800 + ((cp - 0x10000) >> 10));
                    hex(0xDC00 + ((cp - 0x10000) & 0x3FF));
                } else {
                    hex(cp);
                }
            }
            pos += static_cast<size_t>(len);
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
        ++pos;
    }
    return out + "\"";
}

// Python's json.dumps(v, ensure_ascii=False, indent=indent), the tojson transformers installs.
std::string toJson(const Value& v, int indent, int depth = 0)
{
    const std::string nl = indent >= 0 ? "\n" + std::string(static_cast<size_t>(indent * (depth + 1)), ' ') : "";
    const std::string nlEnd = indent >= 0 ? "\n" + std::string(static_cast<size_t>(indent * depth), ' ') : "";
    const std::string itemSep = indent >= 0 ? "," : ", ";
    switch (v.type()) {
    case Value::value_t::discarded:
    case Value::value_t::null:
        return "null";
    case Value::value_t::boolean:
        return v.get<bool>() ? "true" : "false";
    case Value::value_t::number_float: {
        const double d = v.get<double>();
        if (std::isnan(d))
            return "NaN";
        if (std::isinf(d))
            return d > 0 ? "Infinity" : "-Infinity";
        return pyFloat(d);
    }
    case Value::value_t::string:
        return jsonString(v.get_ref<const std::string&>(), false);
    case Value::value_t::array: {
        if (v.empty())
            return "[]";
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i)
            out += (i ? itemSep : "") + nl + toJson(v[i], indent, depth + 1);
        return out + nlEnd + "]";
    }
    case Value::value_t::object: {
        if (v.empty())
            return "{}";
        std::string out = "{";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += (first ? "" : itemSep) + nl + jsonString(it.key(), false) + ": "
                + toJson(it.value(), indent, depth + 1);
            first = false;
        }
        return out + nlEnd + "}";
    }
    default:
        return pyStr(v);
    }
}

bool isNumber(const Value& v)
{
    return v.is_number() || v.is_boolean();
}

double asDouble(const Value& v)
{
    return v.is_boolean() ? (v.get<bool>() ? 1.0 : 0.0) : v.get<double>();
}

int64_t asInt(const Value& v)
{
    return v.is_boolean()     ? (v.get<bool>() ? 1 : 0)
        : v.is_number_float() ? static_cast<int64_t>(v.get<double>())
                              : v.get<int64_t>();
}

bool isIntLike(const Value& v)
{
    return v.is_number_integer() || v.is_number_unsigned() || v.is_boolean();
}

bool equals(const Value& a, const Value& b)
{
    if (isNumber(a) && isNumber(b))
        return asDouble(a) == asDouble(b);
    if (a.type() != b.type())
        return false;
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!equals(a[i], b[i]))
                return false;
        }
        return true;
    }
    return a == b;
}

int compare(const Value& a, const Value& b, int line)
{
    if (isNumber(a) && isNumber(b)) {
        const double x = asDouble(a);
        const double y = asDouble(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string())
        return a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>()) < 0 ? -1 : a == b ? 0 : 1;
    fail(line, "cannot compare " + std::string(a.type_name()) + " with " + b.type_name());
}

std::u32string toU32(const std::string& s)
{
    std::u32string out;
    for (size_t pos = 0; pos < s.size();) {
        int len = 0;
        out.push_back(unicode::decodeUtf8(s, pos, &len));
        pos += static_cast<size_t>(len);
    }
    return out;
}

std::string fromU32(const std::u32string& s)
{
    std::string out;
    for (const char32_t c : s)
        unicode::appendUtf8(out, c);
    return out;
}

bool isPySpace(char32_t c)
{
    return unicode::isWhitespace(c) || (c >= 0x1C && c <= 0x1F);
}

std::string strip(const std::string& s, const Value& chars, bool left, bool right)
{
    const std::u32string text = toU32(s);
    const std::u32string set = chars.is_string() ? toU32(chars.get<std::string>()) : std::u32string();
    const auto strippable
        = [&](char32_t c) { return chars.is_string() ? set.find(c) != std::u32string::npos : isPySpace(c); };
    size_t b = 0;
    size_t e = text.size();
    while (left && b < e && strippable(text[b]))
        ++b;
    while (right && e > b && strippable(text[e - 1]))
        --e;
    return fromU32(text.substr(b, e - b));
}

Value split(const std::string& s, const Value& sep, int64_t maxSplit)
{
    Value out = Value::array();
    if (sep.is_string()) {
        const std::string& d = sep.get_ref<const std::string&>();
        if (d.empty())
            throw std::runtime_error("split(): empty separator");
        size_t pos = 0;
        for (size_t hit = s.find(d);
             hit != std::string::npos && (maxSplit < 0 || static_cast<int64_t>(out.size()) < maxSplit);
             hit = s.find(d, pos)) {
            out.push_back(s.substr(pos, hit - pos));
            pos = hit + d.size();
        }
        out.push_back(s.substr(pos));
        return out;
    }
    // No separator: runs of whitespace separate, and leading/trailing whitespace yields nothing.
    const std::u32string text = toU32(s);
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isPySpace(text[i]))
            ++i;
        if (i >= text.size())
            break;
        if (maxSplit >= 0 && static_cast<int64_t>(out.size()) >= maxSplit) {
            std::u32string rest = text.substr(i);
            while (!rest.empty() && isPySpace(rest.back()))
                rest.pop_back();
            out.push_back(fromU32(rest));
            break;
        }
        size_t j = i;
        while (j < text.size() && !isPySpace(text[j]))
            ++j;
        out.push_back(fromU32(text.substr(i, j - i)));
        i = j;
    }
    return out;
}

std::string replaceAll(const std::string& s, const std::string& from, const std::string& to, int64_t count)
{
    if (from.empty())
        return s;
    std::string out;
    size_t pos = 0;
    int64_t n = 0;
    for (size_t hit = s.find(from); hit != std::string::npos && (count < 0 || n < count);
         hit = s.find(from, pos), ++n) {
        out.append(s, pos, hit - pos);
        out += to;
        pos = hit + from.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

std::string caseMap(const std::string& s, bool upper)
{
    const QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    const QByteArray b = (upper ? q.toUpper() : q.toLower()).toUtf8();
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

std::string title(const std::string& s, bool onlyFirst)
{
    const std::u32string t = toU32(s);
    std::string out;
    bool startOfWord = true;
    for (size_t i = 0; i < t.size(); ++i) {
        std::string c;
        unicode::appendUtf8(c, t[i]);
        const bool letter = (unicode::charFlags(t[i]) & (unicode::kLetter | unicode::kNumber)) != 0;
        out += caseMap(c, onlyFirst ? i == 0 : startOfWord);
        startOfWord = !letter;
    }
    return out;
}

int64_t normalizeIndex(int64_t i, int64_t size)
{
    return i < 0 ? i + size : i;
}

// Python slice semantics for lists and (code point) strings.
template <typename Seq> Seq sliceSeq(const Seq& seq, const Value& start, const Value& stop, const Value& step)
{
    const auto n = static_cast<int64_t>(seq.size());
    const int64_t st = step.is_null() ? 1 : asInt(step);
    if (st == 0)
        throw std::runtime_error("slice step cannot be zero");
    const auto clamp = [&](const Value& v, int64_t dflt) {
        if (v.is_null())
            return dflt;
        int64_t i = asInt(v);
        if (i < 0)
            i += n;
        if (st > 0)
            return std::clamp<int64_t>(i, 0, n);
        return std::clamp<int64_t>(i, -1, n - 1);
    };
    const int64_t b = clamp(start, st > 0 ? 0 : n - 1);
    const int64_t e = clamp(stop, st > 0 ? n : -1);
    Seq out{};
    for (int64_t i = b; st > 0 ? i < e : i > e; i += st) {
        if constexpr (std::is_same_v<Seq, std::u32string>)
            out.push_back(seq[static_cast<size_t>(i)]);
        else
            out.push_back(seq[static_cast<size_t>(i)]);
    }
    return out;
}

// A lexical scope chain: the innermost scope is at the back.
struct Frame {
    std::vector<std::map<std::string, Value>> scopes;
};

struct Macro {
    const Stmt* stmt;
};

enum class Flow { Normal, Break, Continue };

class Renderer {
public:
    explicit Renderer(const Value& context)
        : m_context(context)
    {
        m_scopes.emplace_back();
    }

    Flow run(const Body& body, std::string& out)
    {
        for (const auto& stmt : body) {
            const Flow flow = exec(*stmt, out);
            if (flow != Flow::Normal)
                return flow;
        }
        return Flow::Normal;
    }

private:
    Flow exec(const Stmt& s, std::string& out)
    {
        switch (s.kind) {
        case Stmt::Kind::Text:
            out += s.text;
            return Flow::Normal;
        case Stmt::Kind::Output:
            out += pyStr(eval(*s.exprs[0]));
            return Flow::Normal;
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

    Value iterable(const Value& v, int line)
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

    Flow execFor(const Stmt& s, std::string& out)
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

    void bind(const Stmt& s, const Value& item)
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

    Value* lookupRef(const std::string& name)
    {
        for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
            const auto found = it->find(name);
            if (found != it->end())
                return &found->second;
        }
        return nullptr;
    }

    Value lookup(const std::string& name)
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

    Value getAttr(const Value& obj, const std::string& key)
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

    Value getItem(const Value& obj, const Value& key, int line)
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

    Value eval(const Expr& e)
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

    bool contains(const Value& container, const Value& item, int line)
    {
        if (container.is_string()) {
            if (!item.is_string())
                fail(line, "'in <string>' requires a string on the left");
            return container.get_ref<const std::string&>().find(item.get_ref<const std::string&>())
                != std::string::npos;
        }
        if (container.is_array())
            return std::any_of(container.begin(), container.end(), [&](const Value& v) { return equals(v, item); });
        if (container.is_object())
            return item.is_string() && container.contains(item.get<std::string>());
        if (isUndefined(container))
            fail(line, "'in' on an undefined value");
        fail(line, std::string("argument of type ") + container.type_name() + " is not iterable");
    }

    Value binary(const Expr& e)
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
        if (op == "~")
            return pyStr(l) + pyStr(r);
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
            if (l.is_string() && r.is_string())
                return l.get<std::string>() + r.get<std::string>();
            if (l.is_array() && r.is_array()) {
                Value out = l;
                for (const auto& v : r)
                    out.push_back(v);
                return out;
            }
        }
        if (op == "*" && ((l.is_string() && isIntLike(r)) || (isIntLike(l) && r.is_string()))) {
            const std::string& s = l.is_string() ? l.get_ref<const std::string&>() : r.get_ref<const std::string&>();
            std::string out;
            for (int64_t i = asInt(l.is_string() ? r : l); i > 0; --i)
                out += s;
            return out;
        }
        if (!isNumber(l) || !isNumber(r))
            fail(e.line,
                "unsupported operand types for " + op + ": " + l.type_name() + " and " + r.type_name()
                    + (isUndefined(l) || isUndefined(r) ? " (undefined)" : ""));
        const bool ints = isIntLike(l) && isIntLike(r);
        if (op == "+")
            return ints ? Value(asInt(l) + asInt(r)) : Value(asDouble(l) + asDouble(r));
        if (op == "-")
            return ints ? Value(asInt(l) - asInt(r)) : Value(asDouble(l) - asDouble(r));
        if (op == "*")
            return ints ? Value(asInt(l) * asInt(r)) : Value(asDouble(l) * asDouble(r));
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
                int64_t q = a / b;
                if ((a % b != 0) && ((a < 0) != (b < 0)))
                    --q;
                return op == "//" ? Value(q) : Value(a - q * b);
            }
            const double q = std::floor(asDouble(l) / asDouble(r));
            return op == "//" ? Value(q) : Value(asDouble(l) - q * asDouble(r));
        }
        if (op == "**")
            return ints && asInt(r) >= 0 ? Value(static_cast<int64_t>(std::llround(std::pow(asDouble(l), asDouble(r)))))
                                         : Value(std::pow(asDouble(l), asDouble(r)));
        fail(e.line, "unknown operator " + op);
    }

    std::vector<Value> evalArgs(const Expr& e, size_t from)
    {
        std::vector<Value> args;
        for (size_t i = from; i < e.args.size(); ++i)
            args.push_back(eval(*e.args[i]));
        return args;
    }

    // Positional argument i, else keyword name, else fallback.
    Value arg(const Expr& e, const std::vector<Value>& args, size_t i, const char* name, Value fallback)
    {
        if (i < args.size())
            return args[i];
        for (const auto& [key, value] : e.kwargs) {
            if (key == name)
                return eval(*value);
        }
        return fallback;
    }

    Value call(const Expr& e)
    {
        const Expr& callee = *e.args[0];
        const std::vector<Value> args = evalArgs(e, 1);
        if (callee.kind == Expr::Kind::Attr)
            return method(e, eval(*callee.args[0]), callee.name, args);
        if (callee.kind != Expr::Kind::Name)
            fail(e.line, "this expression cannot be called");
        const std::string& name = callee.name;
        if (name == "raise_exception")
            throw std::runtime_error(
                "template raised an exception: " + (args.empty() ? std::string() : pyStr(args[0])));
        if (name == "namespace") {
            Value ns = Value::object();
            ns["__namespace__"] = true;
            if (!args.empty() && args[0].is_object()) {
                for (auto it = args[0].begin(); it != args[0].end(); ++it)
                    ns[it.key()] = it.value();
            }
            for (const auto& [key, value] : e.kwargs)
                ns[key] = eval(*value);
            return ns;
        }
        if (name == "dict") {
            Value d = Value::object();
            for (const auto& [key, value] : e.kwargs)
                d[key] = eval(*value);
            return d;
        }
        if (name == "range") {
            if (args.empty() || !std::all_of(args.begin(), args.end(), isIntLike))
                fail(e.line, "range() takes integers");
            const int64_t start = args.size() > 1 ? asInt(args[0]) : 0;
            const int64_t stop = args.size() > 1 ? asInt(args[1]) : asInt(args[0]);
            const int64_t step = args.size() > 2 ? asInt(args[2]) : 1;
            if (step == 0)
                fail(e.line, "range() step must not be zero");
            Value out = Value::array();
            for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
                out.push_back(i);
            return out;
        }
        if (name == "strftime_now") {
            // Templates print today's date in the system prompt (Llama 3.x); local time, like transformers.
            const std::time_t now = std::time(nullptr);
            std::tm tm{};
            localtime_r(&now, &tm);
            char buf[256];
            const std::string format = args.empty() ? std::string() : pyStr(args[0]);
            const size_t n = std::strftime(buf, sizeof buf, format.c_str(), &tm);
            return std::string(buf, n);
        }
        if (const auto it = m_macros.find(name); it != m_macros.end())
            return callMacro(*it->second, e, args);
        fail(e.line, "unknown function '" + name + "'");
    }

    Value callMacro(const Stmt& macro, const Expr& e, const std::vector<Value>& args)
    {
        std::map<std::string, Value> scope;
        for (size_t i = 0; i < macro.targets.size(); ++i) {
            Value v = undefined();
            if (i < args.size())
                v = args[i];
            else if (macro.exprs[i])
                v = eval(*macro.exprs[i]);
            scope[macro.targets[i]] = v;
        }
        for (const auto& [key, value] : e.kwargs) {
            if (std::find(macro.targets.begin(), macro.targets.end(), key) == macro.targets.end())
                fail(e.line, "macro '" + macro.text + "' has no parameter '" + key + "'");
            scope[key] = eval(*value);
        }
        m_scopes.push_back(std::move(scope));
        std::string out;
        run(macro.bodies[0], out);
        m_scopes.pop_back();
        return out;
    }

    Value method(const Expr& e, const Value& obj, const std::string& name, const std::vector<Value>& args)
    {
        if (obj.is_string()) {
            const std::string& s = obj.get_ref<const std::string&>();
            if (name == "startswith" || name == "endswith") {
                const Value what = arg(e, args, 0, "prefix", Value());
                const auto check = [&](const Value& v) {
                    if (!v.is_string())
                        fail(e.line, name + "() takes a string or a tuple of strings");
                    return name == "startswith" ? s.starts_with(v.get_ref<const std::string&>())
                                                : s.ends_with(v.get_ref<const std::string&>());
                };
                if (what.is_array())
                    return std::any_of(what.begin(), what.end(), check);
                return check(what);
            }
            if (name == "strip" || name == "lstrip" || name == "rstrip")
                return strip(s, arg(e, args, 0, "chars", Value()), name != "rstrip", name != "lstrip");
            if (name == "split")
                return split(s, arg(e, args, 0, "sep", Value()), asInt(arg(e, args, 1, "maxsplit", Value(-1))));
            if (name == "upper" || name == "lower")
                return caseMap(s, name == "upper");
            if (name == "title" || name == "capitalize")
                return title(name == "capitalize" ? caseMap(s, false) : s, name == "capitalize");
            if (name == "replace") {
                const Value from = arg(e, args, 0, "old", Value());
                const Value to = arg(e, args, 1, "new", Value());
                if (!from.is_string() || !to.is_string())
                    fail(e.line, "replace() takes two strings");
                return replaceAll(
                    s, from.get<std::string>(), to.get<std::string>(), asInt(arg(e, args, 2, "count", Value(-1))));
            }
            if (name == "find") {
                const Value what = arg(e, args, 0, "sub", Value());
                if (!what.is_string())
                    fail(e.line, "find() takes a string");
                const size_t hit = s.find(what.get<std::string>());
                return hit == std::string::npos ? int64_t(-1) : static_cast<int64_t>(toU32(s.substr(0, hit)).size());
            }
            if (name == "join") {
                const Value items = arg(e, args, 0, "iterable", Value::array());
                std::string out;
                bool first = true;
                for (const auto& v : iterable(items, e.line)) {
                    out += (first ? "" : s) + pyStr(v);
                    first = false;
                }
                return out;
            }
            if (name == "format")
                fail(e.line, "str.format() is not supported");
        } else if (obj.is_object()) {
            if (name == "items") {
                Value out = Value::array();
                for (auto it = obj.begin(); it != obj.end(); ++it) {
                    if (it.key() != "__namespace__")
                        out.push_back(Value::array({it.key(), it.value()}));
                }
                return out;
            }
            if (name == "keys")
                return iterable(obj, e.line);
            if (name == "values") {
                Value out = Value::array();
                for (auto it = obj.begin(); it != obj.end(); ++it) {
                    if (it.key() != "__namespace__")
                        out.push_back(it.value());
                }
                return out;
            }
            if (name == "get") {
                const Value key = arg(e, args, 0, "key", Value());
                const Value found = key.is_string() ? getAttr(obj, key.get<std::string>()) : undefined();
                return isUndefined(found) ? arg(e, args, 1, "default", Value()) : found;
            }
        }
        fail(e.line,
            std::string("unsupported method '") + name + "' on " + (isUndefined(obj) ? "undefined" : obj.type_name()));
    }

    Value filter(const Expr& e)
    {
        const std::string& name = e.name;
        const Value v = eval(*e.args[0]);
        const std::vector<Value> args = evalArgs(e, 1);
        if (name == "default" || name == "d") {
            const bool boolean = truthy(arg(e, args, 1, "boolean", false));
            if (isUndefined(v) || (boolean && !truthy(v)))
                return arg(e, args, 0, "default_value", Value(""));
            return v;
        }
        if (name == "safe" || name == "e" || name == "escape" || name == "forceescape")
            return name == "safe" ? v : Value(pyStr(v)); // no autoescape in chat templates
        if (name == "trim")
            return strip(pyStr(v), arg(e, args, 0, "chars", Value()), true, true);
        if (name == "length" || name == "count") {
            if (v.is_string())
                return static_cast<int64_t>(toU32(v.get<std::string>()).size());
            if (v.is_array() || v.is_object())
                return static_cast<int64_t>(iterable(v, e.line).size());
            if (isUndefined(v))
                return int64_t(0);
            fail(e.line, std::string("object of type ") + v.type_name() + " has no len()");
        }
        if (name == "tojson") {
            const Value indent = arg(e, args, 0, "indent", Value());
            return toJson(v, indent.is_null() ? -1 : static_cast<int>(asInt(indent)));
        }
        if (name == "string")
            return pyStr(v);
        if (name == "upper" || name == "lower")
            return caseMap(pyStr(v), name == "upper");
        if (name == "capitalize")
            return title(caseMap(pyStr(v), false), true);
        if (name == "title")
            return title(pyStr(v), false);
        if (name == "replace") {
            const Value from = arg(e, args, 0, "old", Value());
            const Value to = arg(e, args, 1, "new", Value());
            if (!from.is_string() || !to.is_string())
                fail(e.line, "replace takes two strings");
            return replaceAll(
                pyStr(v), from.get<std::string>(), to.get<std::string>(), asInt(arg(e, args, 2, "count", Value(-1))));
        }
        if (name == "int") {
            if (isNumber(v))
                return asInt(v);
            try {
                return static_cast<int64_t>(std::stoll(pyStr(v)));
            } catch (const std::exception&) {
                return asInt(arg(e, args, 0, "default", Value(0)));
            }
        }
        if (name == "float") {
            if (isNumber(v))
                return asDouble(v);
            try {
                return std::stod(pyStr(v));
            } catch (const std::exception&) {
                return asDouble(arg(e, args, 0, "default", Value(0.0)));
            }
        }
        if (name == "abs") {
            if (!isNumber(v))
                fail(e.line, "abs of a non-number");
            return isIntLike(v) ? Value(std::llabs(asInt(v))) : Value(std::fabs(asDouble(v)));
        }
        if (name == "list")
            return iterable(v, e.line);
        if (name == "first" || name == "last") {
            const Value items = iterable(v, e.line);
            if (items.empty())
                return undefined();
            return name == "first" ? items.front() : items.back();
        }
        if (name == "reverse") {
            if (v.is_string()) {
                std::u32string s = toU32(v.get<std::string>());
                std::reverse(s.begin(), s.end());
                return fromU32(s);
            }
            Value items = iterable(v, e.line);
            std::reverse(items.begin(), items.end());
            return items;
        }
        if (name == "join") {
            const std::string sep = pyStr(arg(e, args, 0, "d", Value("")));
            const Value attribute = arg(e, args, 1, "attribute", Value());
            std::string out;
            bool first = true;
            for (const auto& item : iterable(v, e.line)) {
                out += (first ? "" : sep)
                    + pyStr(attribute.is_string() ? getAttr(item, attribute.get<std::string>()) : item);
                first = false;
            }
            return out;
        }
        if (name == "items") {
            if (!v.is_object())
                fail(e.line, "items needs a mapping");
            return method(e, v, "items", {});
        }
        if (name == "unique") {
            Value out = Value::array();
            for (const auto& item : iterable(v, e.line)) {
                if (std::none_of(out.begin(), out.end(), [&](const Value& x) { return equals(x, item); }))
                    out.push_back(item);
            }
            return out;
        }
        if (name == "map") {
            const Value attribute = arg(e, args, 99, "attribute", Value());
            Value out = Value::array();
            for (const auto& item : iterable(v, e.line)) {
                if (attribute.is_string())
                    out.push_back(getAttr(item, attribute.get<std::string>()));
                else if (!args.empty() && args[0].is_string())
                    out.push_back(applySimpleFilter(e, args[0].get<std::string>(), item));
                else
                    fail(e.line, "map needs attribute= or a filter name");
            }
            return out;
        }
        if (name == "select" || name == "reject" || name == "selectattr" || name == "rejectattr") {
            const bool byAttr = name == "selectattr" || name == "rejectattr";
            const bool keepIf = name == "select" || name == "selectattr";
            Value out = Value::array();
            for (const auto& item : iterable(v, e.line)) {
                size_t next = 0;
                Value subject = item;
                if (byAttr) {
                    if (args.empty() || !args[0].is_string())
                        fail(e.line, name + " needs an attribute name");
                    subject = getAttr(item, args[0].get<std::string>());
                    next = 1;
                }
                bool result = truthy(subject);
                if (next < args.size()) {
                    if (!args[next].is_string())
                        fail(e.line, name + " needs a test name");
                    result = applyTest(e, args[next].get<std::string>(), subject,
                        std::vector<Value>(args.begin() + static_cast<long>(next) + 1, args.end()));
                }
                if (result == keepIf)
                    out.push_back(item);
            }
            return out;
        }
        if (name == "indent") {
            const int64_t width = asInt(arg(e, args, 0, "width", Value(4)));
            const bool first = truthy(arg(e, args, 1, "first", false));
            const std::string pad(static_cast<size_t>(std::max<int64_t>(0, width)), ' ');
            const std::string s = pyStr(v);
            std::string out = first && !s.empty() ? pad : "";
            for (size_t i = 0; i < s.size(); ++i) {
                out.push_back(s[i]);
                if (s[i] == '\n' && i + 1 < s.size() && s[i + 1] != '\n')
                    out += pad;
            }
            return out;
        }
        if (name == "round") {
            const int64_t precision = asInt(arg(e, args, 0, "precision", Value(0)));
            const double scale = std::pow(10.0, static_cast<double>(precision));
            return std::round(asDouble(v) * scale) / scale;
        }
        if (name == "sum") {
            double total = 0;
            bool allInts = true;
            for (const auto& item : iterable(v, e.line)) {
                total += asDouble(item);
                allInts = allInts && isIntLike(item);
            }
            return allInts ? Value(static_cast<int64_t>(total)) : Value(total);
        }
        if (name == "min" || name == "max") {
            const Value items = iterable(v, e.line);
            if (items.empty())
                return undefined();
            Value best = items[0];
            for (const auto& item : items) {
                const int c = compare(item, best, e.line);
                if (name == "min" ? c < 0 : c > 0)
                    best = item;
            }
            return best;
        }
        if (name == "wordcount")
            return static_cast<int64_t>(split(pyStr(v), Value(), -1).size());
        if (name == "dictsort") {
            Value pairs = method(e, v, "items", {});
            std::stable_sort(pairs.begin(), pairs.end(),
                [&](const Value& a, const Value& b) { return compare(a[0], b[0], e.line) < 0; });
            return pairs;
        }
        fail(e.line, "unsupported filter '" + name + "'");
    }

    Value applySimpleFilter(const Expr& e, const std::string& name, const Value& v)
    {
        Expr literal;
        literal.kind = Expr::Kind::Literal;
        literal.value = v;
        literal.line = e.line;
        Expr f;
        f.kind = Expr::Kind::Filter;
        f.name = name;
        f.line = e.line;
        f.args.push_back(std::make_unique<Expr>(std::move(literal)));
        return filter(f);
    }

    bool test(const Expr& e)
    {
        const Value v = eval(*e.args[0]);
        return applyTest(e, e.name, v, evalArgs(e, 1));
    }

    bool applyTest(const Expr& e, const std::string& name, const Value& v, const std::vector<Value>& args)
    {
        if (name == "defined")
            return !isUndefined(v);
        if (name == "undefined")
            return isUndefined(v);
        if (name == "none")
            return v.is_null();
        if (name == "string")
            return v.is_string();
        if (name == "number")
            return v.is_number();
        if (name == "integer")
            return v.is_number_integer() || v.is_number_unsigned();
        if (name == "float")
            return v.is_number_float();
        if (name == "boolean")
            return v.is_boolean();
        if (name == "true")
            return v.is_boolean() && v.get<bool>();
        if (name == "false")
            return v.is_boolean() && !v.get<bool>();
        if (name == "mapping")
            return v.is_object();
        if (name == "sequence")
            return v.is_array() || v.is_string() || v.is_object();
        if (name == "iterable")
            return v.is_array() || v.is_string() || v.is_object();
        if (name == "callable")
            return false;
        if (name == "odd" || name == "even") {
            if (!isIntLike(v))
                fail(e.line, name + " needs an integer");
            return (asInt(v) % 2 != 0) == (name == "odd");
        }
        if (name == "divisibleby") {
            if (args.empty() || !isIntLike(v) || !isIntLike(args[0]) || asInt(args[0]) == 0)
                fail(e.line, "divisibleby needs two integers");
            return asInt(v) % asInt(args[0]) == 0;
        }
        if (name == "eq" || name == "equalto" || name == "==" || name == "sameas")
            return !args.empty() && equals(v, args[0]);
        if (name == "ne" || name == "!=")
            return args.empty() || !equals(v, args[0]);
        if (name == "lt" || name == "lessthan" || name == "gt" || name == "greaterthan" || name == "le"
            || name == "ge") {
            if (args.empty())
                fail(e.line, name + " needs an argument");
            const int c = compare(v, args[0], e.line);
            return name == "lt" || name == "lessthan"   ? c < 0
                : name == "gt" || name == "greaterthan" ? c > 0
                : name == "le"                          ? c <= 0
                                                        : c >= 0;
        }
        if (name == "in")
            return !args.empty() && contains(args[0], v, e.line);
        if (name == "lower" || name == "upper")
            return v.is_string() && caseMap(v.get<std::string>(), name == "upper") == v.get<std::string>();
        fail(e.line, "unsupported test '" + name + "'");
    }

    const Value& m_context;
    std::vector<std::map<std::string, Value>> m_scopes;
    std::map<std::string, const Stmt*> m_macros;
};

} // namespace

JinjaTemplate::JinjaTemplate(const std::string& source)
    : m_body(jinja::JinjaParser::parse(source))
{
}

std::string JinjaTemplate::render(const Value& context) const
{
    Renderer renderer(context);
    std::string out;
    renderer.run(m_body, out);
    return out;
}

} // namespace tl
