// Renderer: calls. The global functions chat templates use (raise_exception, namespace, dict, range,
// strftime_now), macros, and the str and dict methods.

#include "tokenizer/jinjarenderer.h"

#include "tokenizer/jinjastrings.h"

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace tl::jinja {

Value Renderer::call(const Expr& e)
{
    const Expr& callee = *e.args[0];
    const std::vector<Value> args = evalArgs(e, 1);
    if (callee.kind == Expr::Kind::Attr)
        return method(e, eval(*callee.args[0]), callee.name, args);
    if (callee.kind != Expr::Kind::Name)
        fail(e.line, "this expression cannot be called");
    const std::string& name = callee.name;
    if (name == "raise_exception")
        throw std::runtime_error("template raised an exception: " + (args.empty() ? std::string() : pyStr(args[0])));
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
        // The count in long double: stop - start overflows int64 for range(-2**62, 2**62).
        const long double items = (static_cast<long double>(stop) - start) / step;
        if (items > kMaxRangeItems)
            fail(e.line, "range() of more than " + std::to_string(kMaxRangeItems) + " items");
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

Value Renderer::callMacro(const Stmt& macro, const Expr& e, const std::vector<Value>& args)
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
    if (++m_callDepth > kMaxCallDepth) // a macro that calls itself without end
        fail(e.line, "macro calls nested deeper than " + std::to_string(kMaxCallDepth));
    m_scopes.push_back(std::move(scope));
    std::string out;
    run(macro.bodies[0], out);
    m_scopes.pop_back();
    --m_callDepth;
    return out;
}

Value Renderer::method(const Expr& e, const Value& obj, const std::string& name, const std::vector<Value>& args)
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
        if (name == "replace")
            return replace(e, s, args, "replace()");
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

Value Renderer::replace(const Expr& e, const std::string& s, const std::vector<Value>& args, const char* what)
{
    const Value from = arg(e, args, 0, "old", Value());
    const Value to = arg(e, args, 1, "new", Value());
    if (!from.is_string() || !to.is_string())
        fail(e.line, std::string(what) + " takes two strings");
    return replaceAll(s, from.get<std::string>(), to.get<std::string>(), asInt(arg(e, args, 2, "count", Value(-1))));
}

} // namespace tl::jinja
