// Renderer: the filters (`x | name(...)`) and tests (`x is name(...)`) of the Jinja subset chat templates use.

#include "tokenizer/jinjarenderer.h"

#include "tokenizer/jinjastrings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace tl::jinja {

Value Renderer::filter(const Expr& e)
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
        if (!indent.is_null() && asInt(indent) > kMaxIndent)
            fail(e.line, "tojson() indent of more than " + std::to_string(kMaxIndent) + " spaces");
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
    if (name == "replace")
        return replace(e, pyStr(v), args, "replace");
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
        if (width > kMaxIndent)
            fail(e.line, "indent() of more than " + std::to_string(kMaxIndent) + " spaces");
        const bool first = truthy(arg(e, args, 1, "first", false));
        const std::string pad(static_cast<size_t>(std::max<int64_t>(0, width)), ' ');
        const std::string s = pyStr(v);
        checkSize(s.size() + pad.size() * size_t(std::count(s.begin(), s.end(), '\n') + 1), e.line);
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

Value Renderer::applySimpleFilter(const Expr& e, const std::string& name, const Value& v)
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

bool Renderer::test(const Expr& e)
{
    const Value v = eval(*e.args[0]);
    return applyTest(e, e.name, v, evalArgs(e, 1));
}

bool Renderer::applyTest(const Expr& e, const std::string& name, const Value& v, const std::vector<Value>& args)
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
    if (name == "lt" || name == "lessthan" || name == "gt" || name == "greaterthan" || name == "le" || name == "ge") {
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

} // namespace tl::jinja
