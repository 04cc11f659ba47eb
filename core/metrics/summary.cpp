#include "metrics/summary.h"

#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

nlohmann::ordered_json number(double v, int decimals)
{
    return jsonutil::roundedOrNull(v, decimals);
}

double readNumber(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<double>() : kNaN;
}

} // namespace

Summary computeSummary(const QList<RequestRecord>& records, const RunPoint& point, RunConfig::ApiKind api)
{
    PointAccumulator acc(api, point);
    acc.add(records);
    return acc.summary();
}

PercentileTable computePercentiles(const QList<RequestRecord>& records)
{
    PointAccumulator acc(RunConfig::ApiKind::Chat); // the table is the same for every API family
    acc.add(records);
    return acc.percentiles();
}

QByteArray summaryToJson(const Summary& s)
{
    nlohmann::ordered_json j;
    j["Test Duration (s)"] = number(s.testDurationS, 4);
    j["Concurrency"] = s.concurrency;
    j["Request Rate (req/s)"] = s.rate;
    j["Total Requests"] = s.totalRequests;
    j["Success Requests"] = s.successRequests;
    j["Failed Requests"] = s.failedRequests;
    j["Stream Requests"] = s.streamRequests;
    j["Non-Stream Requests"] = s.nonStreamRequests;
    j["Req Throughput (req/s)"] = number(s.reqThroughput, 4);
    j["Avg Latency (s)"] = number(s.avgLatencyS, 4);
    j["Avg Input Tokens"] = number(s.avgInputTokens, 4);
    const auto llm = [&s](double v, int decimals) { return s.llm ? number(v, decimals) : nlohmann::ordered_json(0.0); };
    j["Output Throughput (tok/s)"] = llm(s.outputThroughput, 4);
    j["Total Throughput (tok/s)"] = llm(s.totalThroughput, 4);
    j["Avg TTFT (ms)"] = llm(s.avgTtftMs, 2);
    j["Avg TPOT (ms)"] = llm(s.avgTpotMs, 2);
    j["Avg ITL (ms)"] = llm(s.avgItlMs, 2);
    j["Avg Output Tokens"] = llm(s.avgOutputTokens, 4);
    j["Input Throughput (tok/s)"] = s.llm ? nlohmann::ordered_json(0.0) : number(s.inputThroughput, 4);
    return jsonutil::dumpOrdered(j, 4);
}

Summary summaryFromJson(const QByteArray& data)
{
    Summary s;
    const auto j = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!j.is_object())
        return s;
    s.testDurationS = readNumber(j, "Test Duration (s)");
    s.concurrency = int(readNumber(j, "Concurrency"));
    s.rate = readNumber(j, "Request Rate (req/s)");
    s.totalRequests = int(readNumber(j, "Total Requests"));
    s.successRequests = int(readNumber(j, "Success Requests"));
    s.failedRequests = int(readNumber(j, "Failed Requests"));
    s.streamRequests = int(readNumber(j, "Stream Requests"));
    s.nonStreamRequests = int(readNumber(j, "Non-Stream Requests"));
    s.reqThroughput = readNumber(j, "Req Throughput (req/s)");
    s.avgLatencyS = readNumber(j, "Avg Latency (s)");
    s.avgInputTokens = readNumber(j, "Avg Input Tokens");
    s.outputThroughput = readNumber(j, "Output Throughput (tok/s)");
    s.totalThroughput = readNumber(j, "Total Throughput (tok/s)");
    s.avgTtftMs = readNumber(j, "Avg TTFT (ms)");
    s.avgTpotMs = readNumber(j, "Avg TPOT (ms)");
    s.avgItlMs = readNumber(j, "Avg ITL (ms)");
    s.avgOutputTokens = readNumber(j, "Avg Output Tokens");
    s.inputThroughput = readNumber(j, "Input Throughput (tok/s)");
    s.llm = !(s.inputThroughput > 0);
    return s;
}

nlohmann::ordered_json percentileRows(const PercentileTable& t, int decimals)
{
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (qsizetype l = 0; l < t.labels.size(); ++l) {
        nlohmann::ordered_json row;
        row["Percentiles"] = jsonutil::toStd(t.labels.at(l));
        for (qsizetype m = 0; m < t.metrics.size(); ++m)
            row[jsonutil::toStd(t.metrics.at(m))] = number(t.values.at(m).at(l), decimals);
        rows.push_back(std::move(row));
    }
    return rows;
}

QByteArray percentilesToJson(const PercentileTable& t)
{
    return jsonutil::dumpOrdered(percentileRows(t, 2), 4);
}

PercentileTable percentilesFromJson(const QByteArray& data)
{
    PercentileTable t;
    const auto j = nlohmann::ordered_json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!j.is_array() || j.empty() || !j.front().is_object())
        return t;
    for (const auto& [key, value] : j.front().items()) {
        if (key != "Percentiles")
            t.metrics.append(QString::fromStdString(key));
    }
    t.values.resize(t.metrics.size());
    for (const auto& row : j) {
        t.labels.append(jsonutil::toQString(row.value("Percentiles", nlohmann::ordered_json())));
        for (qsizetype m = 0; m < t.metrics.size(); ++m) {
            const auto it = row.find(jsonutil::toStd(t.metrics.at(m)));
            t.values[m].append((it != row.end() && it->is_number()) ? it->get<double>() : kNaN);
        }
    }
    return t;
}

} // namespace tl
