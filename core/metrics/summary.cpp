#include "metrics/summary.h"

#include "metrics/metriccatalogue.h"
#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Rounded; a non-finite value kept as it is: dumpOrdered() writes it null, dumpOrderedPython() NaN.
nlohmann::ordered_json number(double v, int decimals)
{
    return std::isfinite(v) ? jsonutil::roundedOrNull(v, decimals) : nlohmann::ordered_json(v);
}

nlohmann::ordered_json summaryObject(const Summary& s)
{
    PointResult r;
    r.summary = s;
    nlohmann::ordered_json j;
    for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Summary)) {
        // EvalScope writes 0.0 for the keys of the other API family (LLM vs embedding/rerank).
        const bool applies = m->family == MetricFamily::Any || (m->family == MetricFamily::Llm) == s.llm;
        if (m->onlyWhenKnown && (!applies || !std::isfinite(MetricCatalogue::value(*m, r))))
            continue;
        j[m->key] = applies ? scalar(*m, MetricCatalogue::value(*m, r)) : nlohmann::ordered_json(0.0);
    }
    return j;
}

double readNumber(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<double>() : kNaN;
}

} // namespace

nlohmann::ordered_json scalar(const MetricDef& metric, double value)
{
    switch (metric.format) {
    case MetricFormat::Integer:
        return std::isfinite(value) ? nlohmann::ordered_json(qint64(value)) : nlohmann::ordered_json(nullptr);
    case MetricFormat::Raw:
        return value;
    case MetricFormat::Decimal:
    case MetricFormat::Text:
        break;
    }
    return number(value, metric.fileDecimals);
}

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
    return jsonutil::dumpOrdered(summaryObject(s), 4);
}

QByteArray summaryToEvalScopeFile(const Summary& s)
{
    return jsonutil::dumpOrderedPython(summaryObject(s), 4);
}

Summary summaryFromJson(const QByteArray& data)
{
    Summary s;
    const auto j = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!j.is_object())
        return s;
    auto read = [&j](MetricId id) { return readNumber(j, MetricCatalogue::get(id).key); };
    s.testDurationS = read(MetricId::TestDuration);
    s.concurrency = int(read(MetricId::Concurrency));
    s.rate = read(MetricId::RequestRate);
    s.totalRequests = int(read(MetricId::TotalRequests));
    s.successRequests = int(read(MetricId::SuccessRequests));
    s.failedRequests = int(read(MetricId::FailedRequests));
    s.streamRequests = int(read(MetricId::StreamRequests));
    s.nonStreamRequests = int(read(MetricId::NonStreamRequests));
    s.reqThroughput = read(MetricId::ReqThroughput);
    s.avgLatencyS = read(MetricId::AvgLatency);
    s.avgInputTokens = read(MetricId::AvgInputTokens);
    s.outputThroughput = read(MetricId::OutputThroughput);
    s.totalThroughput = read(MetricId::TotalThroughput);
    s.avgTtftMs = read(MetricId::AvgTtft);
    s.avgTpotMs = read(MetricId::AvgTpot);
    s.avgItlMs = read(MetricId::AvgItl);
    s.avgOutputTokens = read(MetricId::AvgOutputTokens);
    s.inputThroughput = read(MetricId::InputThroughput);
    s.llm = !(s.inputThroughput > 0);
    s.kvCacheHitRatePct = read(MetricId::KvCacheHitRate);
    s.avgDecodedTokPerIter = read(MetricId::AvgDecodedTokPerIter);
    s.specAcceptRate = read(MetricId::SpecAcceptRate);
    return s;
}

nlohmann::ordered_json percentileRows(const PercentileTable& t, int decimals)
{
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (qsizetype l = 0; l < t.labels.size(); ++l) {
        nlohmann::ordered_json row;
        row[MetricCatalogue::kPercentileLabelKey] = jsonutil::toStd(t.labels.at(l));
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

QByteArray percentilesToEvalScopeFile(const PercentileTable& t)
{
    return jsonutil::dumpOrderedPython(percentileRows(t, 2), 4);
}

PercentileTable percentilesFromJson(const QByteArray& data)
{
    PercentileTable t;
    const auto j = nlohmann::ordered_json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!j.is_array() || j.empty() || !j.front().is_object())
        return t;
    for (const auto& [key, value] : j.front().items()) {
        if (key != MetricCatalogue::kPercentileLabelKey)
            t.metrics.append(QString::fromStdString(key));
    }
    t.values.resize(t.metrics.size());
    for (const auto& row : j) {
        t.labels.append(jsonutil::toQString(row.value(MetricCatalogue::kPercentileLabelKey, nlohmann::ordered_json())));
        for (qsizetype m = 0; m < t.metrics.size(); ++m) {
            const auto it = row.find(jsonutil::toStd(t.metrics.at(m)));
            t.values[m].append((it != row.end() && it->is_number()) ? it->get<double>() : kNaN);
        }
    }
    return t;
}

} // namespace tl
