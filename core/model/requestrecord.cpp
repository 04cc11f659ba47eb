#include "model/requestrecord.h"

#include <array>

namespace tl {

namespace {

constexpr std::array kErrorNames = {
    "none",
    "connection_refused",
    "host_not_found",
    "connect_timeout",
    "read_timeout",
    "total_timeout",
    "http_status",
    "error_event",
    "empty_stream",
    "malformed_stream",
    "network",
    "aborted",
    "unknown",
    "tls",
    "response_too_large",
    "malformed_response",
    "client_resources",
};

} // namespace

QString errorClassName(ErrorClass c)
{
    return QString::fromLatin1(kErrorNames.at(static_cast<size_t>(c)));
}

ErrorClass errorClassFromName(const QString& name)
{
    for (size_t i = 0; i < kErrorNames.size(); ++i) {
        if (name == QLatin1String(kErrorNames.at(i)))
            return static_cast<ErrorClass>(i);
    }
    return ErrorClass::Network;
}

QString tokenSourceName(TokenSource s)
{
    switch (s) {
    case TokenSource::ServerUsage:
        return QStringLiteral("server_usage");
    case TokenSource::ChunkCount:
        return QStringLiteral("chunk_count");
    case TokenSource::Tokenizer:
        return QStringLiteral("tokenizer");
    case TokenSource::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

TokenSource tokenSourceFromName(const QString& name)
{
    for (const TokenSource s : {TokenSource::ServerUsage, TokenSource::ChunkCount, TokenSource::Tokenizer}) {
        if (name == tokenSourceName(s))
            return s;
    }
    return TokenSource::Unknown;
}

qint64 RequestRecord::firstChoicesNs() const
{
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        if (eventFlags.at(i) & EventHasChoices)
            return eventNs.at(i);
    }
    return 0;
}

qint64 RequestRecord::firstContentNs() const
{
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        if (eventFlags.at(i) & EventHasContent)
            return eventNs.at(i);
    }
    return 0;
}

qint64 RequestRecord::completedNs() const
{
    if (stream && !eventNs.isEmpty())
        return eventNs.constLast();
    return endNs;
}

double RequestRecord::latencyS() const
{
    return double(completedNs() - sentNs) / 1e9;
}

double RequestRecord::ttftS() const
{
    if (!stream)
        return latencyS();
    const qint64 first = firstChoicesNs();
    return first ? double(first - sentNs) / 1e9 : 0.0;
}

double RequestRecord::tpotS() const
{
    if (completionTokens <= 1)
        return 0.0;
    return (latencyS() - ttftS()) / double(completionTokens - 1);
}

QVector<double> RequestRecord::itlS() const
{
    QVector<double> out;
    if (!stream)
        return out;
    bool seenFirst = false;
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        if (!(eventFlags.at(i) & EventHasChoices))
            continue;
        if (seenFirst)
            out.append(double(eventNs.at(i) - eventNs.at(i - 1)) / 1e9);
        seenFirst = true;
    }
    return out;
}

qint64 RequestRecord::contentEvents() const
{
    qint64 n = 0;
    for (quint8 f : eventFlags)
        n += (f & EventHasContent) ? 1 : 0;
    return n;
}

bool RequestRecord::hasExactTokenDeltas() const
{
    if (eventTokens.size() != eventNs.size() || eventFlags.size() != eventNs.size())
        return false;
    bool anyContent = false;
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        if (!(eventFlags.at(i) & EventHasContent))
            continue;
        if (eventTokens.at(i) < 0)
            return false;
        anyContent = true;
    }
    return anyContent;
}

} // namespace tl
