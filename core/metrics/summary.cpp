#include "metrics/summary.h"

#include "metrics/percentiles.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double safeDiv(double a, double b, double fallback = -1.0)
{
    return b != 0 ? a / b : fallback;
}

nlohmann::ordered_json number(double v, int decimals)
{
    if (!std::isfinite(v))
        return nullptr;
    return jsonutil::round(v, decimals);
}

double readNumber(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<double>() : kNaN;
}

} // namespace

double PercentileTable::value(const QString& metric, const QString& label) const
{
    const qsizetype m = metrics.indexOf(metric);
    const qsizetype l = labels.indexOf(label);
    if (m < 0 || l < 0 || m >= values.size() || l >= values.at(m).size())
        return kNaN;
    return values.at(m).at(l);
}

Summary computeSummary(const QList<RequestRecord>& records, const RunPoint& point)
{
    Summary s;
    s.concurrency = point.parallel;
    s.rate = point.rate;

    qint64 minStart = std::numeric_limits<qint64>::max();
    qint64 maxEnd = std::numeric_limits<qint64>::min();
    qint64 maxAnyEnd = std::numeric_limits<qint64>::min();
    double sumLatency = 0;
    double sumPrompt = 0;
    double sumCompletion = 0;
    double sumTtftStream = 0;
    double sumTtftAll = 0;
    double sumTpotStream = 0;
    double sumTpotAll = 0;
    double sumTtftContent = 0;
    int streamSuccess = 0;
    int contentCount = 0;
    double sumItl = 0;
    qint64 itlCount = 0;
    QMap<QString, int> errors;

    for (const RequestRecord& r : records) {
        if (r.warmup)
            continue;
        ++s.totalRequests;
        (r.stream ? s.streamRequests : s.nonStreamRequests)++;
        minStart = std::min(minStart, r.sentNs);
        maxAnyEnd = std::max(maxAnyEnd, r.endNs);
        if (!r.success) {
            ++errors[errorClassName(r.errorClass)];
            continue;
        }
        ++s.successRequests;
        maxEnd = std::max(maxEnd, r.completedNs());
        sumLatency += r.latencyS();
        sumPrompt += double(std::max<qint64>(r.promptTokens, 0));
        sumCompletion += double(std::max<qint64>(r.completionTokens, 0));
        const double ttft = r.ttftS();
        const double tpot = r.tpotS();
        sumTtftAll += ttft;
        sumTpotAll += tpot;
        if (r.stream) {
            ++streamSuccess;
            sumTtftStream += ttft;
            sumTpotStream += tpot;
        }
        if (const qint64 fc = r.firstContentNs()) {
            sumTtftContent += double(fc - r.sentNs) / 1e9;
            ++contentCount;
        }
        for (double itl : r.itlS()) {
            sumItl += itl;
            ++itlCount;
        }
    }
    s.failedRequests = s.totalRequests - s.successRequests;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        s.errorsByClass.append({it.key(), it.value()});

    if (s.totalRequests == 0)
        s.testDurationS = 1.0;
    else if (s.successRequests > 0)
        s.testDurationS = double(maxEnd - minStart) / 1e9;
    else
        s.testDurationS = double(maxAnyEnd - minStart) / 1e9; // nothing completed: span of the attempts

    const double n = s.successRequests;
    const double t = s.testDurationS;
    s.reqThroughput = safeDiv(n, t, 0);
    s.avgLatencyS = safeDiv(sumLatency, n);
    s.avgInputTokens = safeDiv(sumPrompt, n);
    s.avgOutputTokens = safeDiv(sumCompletion, n);
    s.outputThroughput = safeDiv(sumCompletion, t, 0);
    s.totalThroughput = safeDiv(sumPrompt + sumCompletion, t, 0);
    if (streamSuccess > 0) {
        s.avgTtftMs = 1000.0 * sumTtftStream / streamSuccess;
        s.avgTpotMs = 1000.0 * sumTpotStream / streamSuccess;
    } else {
        s.avgTtftMs = 1000.0 * safeDiv(sumTtftAll, n);
        s.avgTpotMs = 1000.0 * safeDiv(sumTpotAll, n);
    }
    s.avgItlMs = itlCount > 0 ? 1000.0 * sumItl / double(itlCount) : (n > 0 ? 0.0 : -1000.0);
    s.avgTtftContentMs = contentCount > 0 ? 1000.0 * sumTtftContent / contentCount : kNaN;
    return s;
}

PercentileTable computePercentiles(const QList<RequestRecord>& records)
{
    PercentileTable t;
    t.metrics = {QStringLiteral("TTFT (ms)"),     QStringLiteral("ITL (ms)"),      QStringLiteral("TPOT (ms)"),
                 QStringLiteral("Latency (s)"),   QStringLiteral("Input tokens"),  QStringLiteral("Output tokens"),
                 QStringLiteral("Output (tok/s)"), QStringLiteral("Total (tok/s)"), QStringLiteral("Decode (tok/s)")};
    for (const PercentilePoint& p : evalscopePercentilePoints())
        t.labels.append(QString::fromLatin1(p.label));

    bool anyStream = false;
    for (const RequestRecord& r : records)
        anyStream = anyStream || (!r.warmup && r.success && r.stream);

    QVector<QVector<double>> samples(t.metrics.size());
    auto add = [&samples](int metric, double v) {
        if (!std::isnan(v))
            samples[metric].append(v);
    };
    for (const RequestRecord& r : records) {
        if (r.warmup || !r.success)
            continue;
        const double latency = r.latencyS();
        const double prompt = double(std::max<qint64>(r.promptTokens, 0));
        const double completion = double(std::max<qint64>(r.completionTokens, 0));
        if (r.stream || !anyStream) {
            const double tpot = r.tpotS();
            add(0, r.ttftS() * 1000.0);
            add(2, tpot * 1000.0);
            add(8, tpot > 0 ? 1.0 / tpot : kNaN);
        }
        for (double itl : r.itlS())
            add(1, itl * 1000.0);
        add(3, latency);
        add(4, prompt);
        add(5, completion);
        add(6, latency > 0 ? completion / latency : kNaN);
        add(7, latency > 0 ? (prompt + completion) / latency : kNaN);
    }
    t.values.resize(t.metrics.size());
    for (qsizetype m = 0; m < samples.size(); ++m) {
        std::sort(samples[m].begin(), samples[m].end());
        for (const PercentilePoint& p : evalscopePercentilePoints())
            t.values[m].append(nearestRankPercentile(samples[m], p.p));
    }
    return t;
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
    j["Output Throughput (tok/s)"] = number(s.outputThroughput, 4);
    j["Total Throughput (tok/s)"] = number(s.totalThroughput, 4);
    j["Avg TTFT (ms)"] = number(s.avgTtftMs, 2);
    j["Avg TPOT (ms)"] = number(s.avgTpotMs, 2);
    j["Avg ITL (ms)"] = number(s.avgItlMs, 2);
    j["Avg Output Tokens"] = number(s.avgOutputTokens, 4);
    j["Input Throughput (tok/s)"] = 0.0;
    const std::string out = j.dump(4);
    return {out.data(), static_cast<qsizetype>(out.size())};
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
    return s;
}

QByteArray percentilesToJson(const PercentileTable& t)
{
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (qsizetype l = 0; l < t.labels.size(); ++l) {
        nlohmann::ordered_json row;
        row["Percentiles"] = jsonutil::toStd(t.labels.at(l));
        for (qsizetype m = 0; m < t.metrics.size(); ++m)
            row[jsonutil::toStd(t.metrics.at(m))] = number(t.values.at(m).at(l), 2);
        rows.push_back(std::move(row));
    }
    const std::string out = rows.dump(4);
    return {out.data(), static_cast<qsizetype>(out.size())};
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
