#include "tokenizer/jinjavalue.h"

#include "tokenizer/unicodeutil.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace tl::jinja {

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

std::string toJson(const Value& v, int indent, int depth)
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
    if (v.is_number_float()) {
        // Converting a double outside int64's range (or NaN) is undefined behaviour: saturate instead.
        const double d = v.get<double>();
        if (std::isnan(d))
            return 0;
        if (d >= 9.2e18)
            return std::numeric_limits<int64_t>::max();
        if (d <= -9.2e18)
            return std::numeric_limits<int64_t>::min();
        return static_cast<int64_t>(d);
    }
    return v.is_boolean() ? (v.get<bool>() ? 1 : 0) : v.get<int64_t>();
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

} // namespace tl::jinja
