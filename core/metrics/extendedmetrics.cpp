#include "metrics/extendedmetrics.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>


namespace tl {

namespace {

nlohmann::ordered_json number(double v, int decimals)
{
    return jsonutil::roundedOrNull(v, decimals);
}

} // namespace

QString tokenDeltaSource(const ExtendedMetrics& m)
{
    if (m.chunkedRequests == 0)
        return QStringLiteral("none");
    if (m.exactTokenRequests == m.chunkedRequests)
        return QStringLiteral("server");
    return m.exactTokenRequests == 0 ? QStringLiteral("even spread") : QStringLiteral("mixed");
}

QByteArray extendedMetricsToJson(const ExtendedMetrics& m)
{
    nlohmann::ordered_json j;
    j["Avg TTFT content (ms)"] = number(m.avgTtftContentMs, 3);
    j["Avg TPOT excl. first (ms)"] = number(m.avgTpotExclFirstMs, 3);
    j["Avg NTPOT (ms)"] = number(m.avgNormTpotMs, 3);
    j["Avg ITL chunk (ms)"] = number(m.avgItlChunkMs, 3);
    j["Avg ITL token (ms)"] = number(m.avgItlTokenMs, 3);
    j["Avg Latency from schedule (s)"] = number(m.avgLatencyFromScheduleS, 4);
    j["Mean Concurrency"] = number(m.meanConcurrency, 3);
    j["Peak Concurrency"] = m.peakConcurrency;
    j["Target Rate (req/s)"] = number(m.targetRate, 4);
    j["Achieved Rate (req/s)"] = number(m.achievedRate, 4);
    j["Avg Schedule lag (ms)"] = number(m.avgScheduleLagMs, 3);
    j["Peak 1-s Output Throughput (tok/s)"] = number(m.peakOutputThroughput, 2);
    j["Avg Chunks/request"] = number(m.avgChunksPerRequest, 3);
    j["Avg Tokens/chunk"] = number(m.avgTokensPerChunk, 3);
    j["Token deltas"] = jsonutil::toStd(tokenDeltaSource(m));
    j["Requests with server token deltas"] = m.exactTokenRequests;
    j["Success Requests"] = m.successRequests;
    j["Failed Requests"] = m.failedRequests;
    j["Retried Requests"] = m.retriedRequests;
    nlohmann::ordered_json errors = nlohmann::ordered_json::object();
    for (const auto& [cls, count] : m.errorsByClass)
        errors[jsonutil::toStd(cls)] = count;
    j["Errors by class"] = std::move(errors);

    j["Percentiles"] = percentileRows(m.percentiles, 3);
    return jsonutil::dumpOrdered(j, 4);
}

} // namespace tl
