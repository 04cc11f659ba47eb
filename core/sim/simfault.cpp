#include "sim/simfault.h"

#include <array>
#include <cmath>
#include <utility>

namespace tl::SimFault {

namespace {

constexpr std::array<std::pair<SimFaultKind, QByteArrayView>, 11> Names = {{
    {SimFaultKind::Http429, "http-429"},
    {SimFaultKind::Http500, "http-500"},
    {SimFaultKind::Http503, "http-503"},
    {SimFaultKind::ResetBeforeHeaders, "reset-before-headers"},
    {SimFaultKind::ResetMidStream, "reset-mid-stream"},
    {SimFaultKind::StallMidStream, "stall-mid-stream"},
    {SimFaultKind::MalformedChunk, "malformed-chunk"},
    {SimFaultKind::ErrorEvent, "error-event"},
    {SimFaultKind::EmptyStream, "empty-stream"},
    {SimFaultKind::SlowHeaders, "slow-headers"},
    {SimFaultKind::TruncatedChunked, "truncated-chunked"},
}};

} // namespace

QByteArrayView name(SimFaultKind kind)
{
    for (const auto& [k, n] : Names) {
        if (k == kind)
            return n;
    }
    return "none";
}

SimFaultKind fromName(QStringView name)
{
    for (const auto& [k, n] : Names) {
        if (name.compare(QLatin1String(n.data(), n.size()), Qt::CaseInsensitive) == 0)
            return k;
    }
    return SimFaultKind::None;
}

QStringList names()
{
    QStringList out;
    for (const auto& entry : Names)
        out.append(QString::fromLatin1(entry.second.data(), entry.second.size()));
    return out;
}

bool parseRule(const QString& text, bool schedule, SimFaultRule* rule, QString* error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    const SimFaultKind kind = colon > 0 ? fromName(QStringView(text).first(colon)) : SimFaultKind::None;
    if (kind == SimFaultKind::None) {
        *error = QStringLiteral("unknown fault in '%1'; kinds: %2").arg(text, names().join(QStringLiteral(", ")));
        return false;
    }
    const QString number = text.mid(colon + 1);
    bool ok = false;
    SimFaultRule result;
    result.kind = kind;
    if (schedule) {
        result.every = number.toInt(&ok);
        if (!ok || result.every < 1) {
            *error = QStringLiteral("'%1': expected KIND:N with N a whole number of at least 1").arg(text);
            return false;
        }
    } else {
        result.probability = number.toDouble(&ok);
        if (!ok || !std::isfinite(result.probability) || result.probability < 0.0 || result.probability > 1.0) {
            *error = QStringLiteral("'%1': expected KIND:PROB with PROB from 0 to 1").arg(text);
            return false;
        }
    }
    *rule = result;
    return true;
}

} // namespace tl::SimFault
