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

} // namespace tl::jsonutil
