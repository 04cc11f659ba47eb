#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace tl::jsonutil {

QString toQString(const nlohmann::json& value)
{
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }
    return {};
}

std::string toStd(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return {utf8.constData(), static_cast<size_t>(utf8.size())};
}

QByteArray dump(const nlohmann::json& value, int indent)
{
    const std::string s = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    return {s.data(), static_cast<qsizetype>(s.size())};
}

double round(double value, int decimals)
{
    if (!std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

nlohmann::ordered_json roundedOrNull(double value, int decimals)
{
    if (!std::isfinite(value))
        return nullptr;
    return round(value, decimals);
}

QByteArray dumpOrdered(const nlohmann::ordered_json& value, int indent)
{
    const std::string s = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    return {s.data(), static_cast<qsizetype>(s.size())};
}

namespace {

void markNonFinite(nlohmann::ordered_json& v)
{
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d))
            v = std::isnan(d) ? "\x01NaN\x01" : (d > 0 ? "\x01Infinity\x01" : "\x01-Infinity\x01");
    } else if (v.is_structured()) {
        for (auto& e : v)
            markNonFinite(e);
    }
}

} // namespace

QByteArray dumpOrderedPython(nlohmann::ordered_json value, int indent)
{
    markNonFinite(value);
    QByteArray out = dumpOrdered(value, indent);
    // The marks, as dump() escapes them, become Python's bare words.
    out.replace(R"("\u0001NaN\u0001")", "NaN");
    out.replace(R"("\u0001Infinity\u0001")", "Infinity");
    out.replace(R"("\u0001-Infinity\u0001")", "-Infinity");
    return out;
}

bool tooDeep(QByteArrayView text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

namespace {

template <typename Json> std::string stringMember(const Json& obj, const char* key)
{
    if (!obj.is_object())
        return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->template get<std::string>() : std::string();
}

} // namespace

const nlohmann::json& member(const nlohmann::json& obj, const char* key)
{
    static const nlohmann::json null;
    if (!obj.is_object())
        return null;
    const auto it = obj.find(key);
    return it != obj.end() ? *it : null;
}

std::string stringOf(const nlohmann::json& obj, const char* key)
{
    return stringMember(obj, key);
}

std::string stringOf(const nlohmann::ordered_json& obj, const char* key)
{
    return stringMember(obj, key);
}

bool isTrue(const nlohmann::ordered_json& obj, const char* key)
{
    if (!obj.is_object())
        return false;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->template get<bool>();
}

} // namespace tl::jsonutil
