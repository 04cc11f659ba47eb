#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QByteArray>
#include <QString>

namespace tl::jsonutil {

// nlohmann::json <-> Qt glue. Strings stay UTF-8 end to end.
QString toQString(const nlohmann::json& value);
std::string toStd(const QString& text);
QByteArray dump(const nlohmann::json& value, int indent = -1);
// Rounds to the given number of decimals the way Python's round() prints for our purposes.
double round(double value, int decimals);
// A rounded number, or null when it is not finite (NaN: no sample), as EvalScope's files write them.
nlohmann::ordered_json roundedOrNull(double value, int decimals);
// Text of an ordered JSON value (key order kept), `indent` spaces per level (-1: one line).
QByteArray dumpOrdered(const nlohmann::ordered_json& value, int indent = -1);

} // namespace tl::jsonutil
