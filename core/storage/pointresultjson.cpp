#include "storage/pointresultjson.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace tl {

namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Full precision; JSON has no NaN, so a missing sample is null.
Json exact(double v)
{
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

double readDouble(const Json& j, const char* key, double fallback = kNaN)
{
    const auto it = j.find(key);
    if (it == j.end())
        return fallback;
    return it->is_number() ? it->get<double>() : kNaN;
}

int readInt(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<int>() : 0;
}

Json tableToJson(const PercentileTable& t)
{
    Json values = Json::array();
    for (const QVector<double>& column : t.values) {
        Json c = Json::array();
        for (double v : column)
            c.push_back(exact(v));
        values.push_back(std::move(c));
    }
    Json metrics = Json::array();
    for (const QString& m : t.metrics)
        metrics.push_back(jsonutil::toStd(m));
    Json labels = Json::array();
    for (const QString& l : t.labels)
        labels.push_back(jsonutil::toStd(l));
    return Json{{"metrics", std::move(metrics)}, {"labels", std::move(labels)}, {"values", std::move(values)}};
}

PercentileTable tableFromJson(const Json& j)
{
    PercentileTable t;
    if (!j.is_object())
        return t;
    for (const Json& m : j.value("metrics", Json::array()))
        t.metrics.append(jsonutil::toQString(m));
    for (const Json& l : j.value("labels", Json::array()))
        t.labels.append(jsonutil::toQString(l));
    for (const Json& column : j.value("values", Json::array())) {
        QVector<double> c;
        for (const Json& v : column)
            c.append(v.is_number() ? v.get<double>() : kNaN);
        t.values.append(c);
    }
    return t;
}

template <typename Second> Json pairsToJson(const QList<QPair<QString, Second>>& pairs)
{
    Json out = Json::array();
    for (const auto& [first, second] : pairs) {
        if constexpr (std::is_same_v<Second, QString>)
            out.push_back(Json::array({jsonutil::toStd(first), jsonutil::toStd(second)}));
        else
            out.push_back(Json::array({jsonutil::toStd(first), second}));
    }
    return out;
}

Json summaryToJson(const Summary& s)
{
    return Json{
        {"testDurationS", exact(s.testDurationS)},
        {"concurrency", s.concurrency},
        {"rate", exact(s.rate)},
        {"totalRequests", s.totalRequests},
        {"successRequests", s.successRequests},
        {"failedRequests", s.failedRequests},
        {"streamRequests", s.streamRequests},
        {"nonStreamRequests", s.nonStreamRequests},
        {"reqThroughput", exact(s.reqThroughput)},
        {"avgLatencyS", exact(s.avgLatencyS)},
        {"avgInputTokens", exact(s.avgInputTokens)},
        {"outputThroughput", exact(s.outputThroughput)},
        {"totalThroughput", exact(s.totalThroughput)},
        {"avgTtftMs", exact(s.avgTtftMs)},
        {"avgTpotMs", exact(s.avgTpotMs)},
        {"avgItlMs", exact(s.avgItlMs)},
        {"avgOutputTokens", exact(s.avgOutputTokens)},
        {"inputThroughput", exact(s.inputThroughput)},
        {"llm", s.llm},
        {"kvCacheHitRatePct", exact(s.kvCacheHitRatePct)},
        {"avgDecodedTokPerIter", exact(s.avgDecodedTokPerIter)},
        {"specAcceptRate", exact(s.specAcceptRate)},
    };
}

Summary summaryFromJson(const Json& j)
{
    Summary s;
    s.testDurationS = readDouble(j, "testDurationS");
    s.concurrency = readInt(j, "concurrency");
    s.rate = readDouble(j, "rate");
    s.totalRequests = readInt(j, "totalRequests");
    s.successRequests = readInt(j, "successRequests");
    s.failedRequests = readInt(j, "failedRequests");
    s.streamRequests = readInt(j, "streamRequests");
    s.nonStreamRequests = readInt(j, "nonStreamRequests");
    s.reqThroughput = readDouble(j, "reqThroughput");
    s.avgLatencyS = readDouble(j, "avgLatencyS");
    s.avgInputTokens = readDouble(j, "avgInputTokens");
    s.outputThroughput = readDouble(j, "outputThroughput");
    s.totalThroughput = readDouble(j, "totalThroughput");
    s.avgTtftMs = readDouble(j, "avgTtftMs");
    s.avgTpotMs = readDouble(j, "avgTpotMs");
    s.avgItlMs = readDouble(j, "avgItlMs");
    s.avgOutputTokens = readDouble(j, "avgOutputTokens");
    s.inputThroughput = readDouble(j, "inputThroughput");
    s.llm = j.value("llm", true);
    s.kvCacheHitRatePct = readDouble(j, "kvCacheHitRatePct");
    s.avgDecodedTokPerIter = readDouble(j, "avgDecodedTokPerIter");
    s.specAcceptRate = readDouble(j, "specAcceptRate");
    return s;
}

Json optionalMs(const std::optional<double>& v)
{
    return v ? Json(*v) : Json(nullptr);
}

std::optional<double> readOptional(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? std::optional<double>(it->get<double>()) : std::nullopt;
}

Json goodputToJson(const GoodputResult& g)
{
    return Json{
        {"sloTtftMs", optionalMs(g.slo.ttftMs)},
        {"sloTpotMs", optionalMs(g.slo.tpotMs)},
        {"sloE2elMs", optionalMs(g.slo.e2elMs)},
        {"goodRequests", g.goodRequests},
        {"totalRequests", g.totalRequests},
        {"goodput", exact(g.goodput)},
        {"goodPct", exact(g.goodPct)},
        {"ttftAttainmentPct", exact(g.ttftAttainmentPct)},
        {"tpotAttainmentPct", exact(g.tpotAttainmentPct)},
        {"e2elAttainmentPct", exact(g.e2elAttainmentPct)},
    };
}

GoodputResult goodputFromJson(const Json& j)
{
    GoodputResult g;
    if (!j.is_object())
        return g;
    g.slo.ttftMs = readOptional(j, "sloTtftMs");
    g.slo.tpotMs = readOptional(j, "sloTpotMs");
    g.slo.e2elMs = readOptional(j, "sloE2elMs");
    g.goodRequests = readInt(j, "goodRequests");
    g.totalRequests = readInt(j, "totalRequests");
    g.goodput = readDouble(j, "goodput");
    g.goodPct = readDouble(j, "goodPct");
    g.ttftAttainmentPct = readDouble(j, "ttftAttainmentPct");
    g.tpotAttainmentPct = readDouble(j, "tpotAttainmentPct");
    g.e2elAttainmentPct = readDouble(j, "e2elAttainmentPct");
    return g;
}

Json harnessToJson(const HarnessHealth& h)
{
    return Json{
        {"verdict", jsonutil::toStd(harnessVerdictName(h.verdict))},
        {"reason", jsonutil::toStd(h.reason)},
        {"scheduleLagP50Ms", exact(h.scheduleLagP50Ms)},
        {"scheduleLagP99Ms", exact(h.scheduleLagP99Ms)},
        {"loadRatio", exact(h.loadRatio)},
        {"clientCpuShare", exact(h.clientCpuShare)},
        {"eventsPerRead", exact(h.eventsPerRead)},
        {"machineBusyShare", exact(h.machineBusyShare)},
    };
}

HarnessHealth harnessFromJson(const Json& j)
{
    HarnessHealth h;
    if (!j.is_object())
        return h;
    const QString verdict = jsonutil::toQString(j.value("verdict", Json("unknown")));
    h.verdict = verdict == u"good" ? HarnessHealth::Verdict::Good
        : verdict == u"suspect"    ? HarnessHealth::Verdict::Suspect
                                   : HarnessHealth::Verdict::Unknown;
    h.reason = jsonutil::toQString(j.value("reason", Json("")));
    h.scheduleLagP50Ms = readDouble(j, "scheduleLagP50Ms");
    h.scheduleLagP99Ms = readDouble(j, "scheduleLagP99Ms");
    h.loadRatio = readDouble(j, "loadRatio");
    h.clientCpuShare = readDouble(j, "clientCpuShare");
    h.eventsPerRead = readDouble(j, "eventsPerRead");
    h.machineBusyShare = readDouble(j, "machineBusyShare");
    return h;
}

Json extendedToJson(const ExtendedMetrics& m)
{
    return Json{
        {"avgTtftContentMs", exact(m.avgTtftContentMs)},
        {"avgTpotExclFirstMs", exact(m.avgTpotExclFirstMs)},
        {"avgNormTpotMs", exact(m.avgNormTpotMs)},
        {"avgItlChunkMs", exact(m.avgItlChunkMs)},
        {"avgItlTokenMs", exact(m.avgItlTokenMs)},
        {"avgLatencyFromScheduleS", exact(m.avgLatencyFromScheduleS)},
        {"meanConcurrency", exact(m.meanConcurrency)},
        {"peakConcurrency", m.peakConcurrency},
        {"targetRate", exact(m.targetRate)},
        {"achievedRate", exact(m.achievedRate)},
        {"avgScheduleLagMs", exact(m.avgScheduleLagMs)},
        {"peakOutputThroughput", exact(m.peakOutputThroughput)},
        {"avgChunksPerRequest", exact(m.avgChunksPerRequest)},
        {"avgTokensPerChunk", exact(m.avgTokensPerChunk)},
        {"chunkedRequests", m.chunkedRequests},
        {"exactTokenRequests", m.exactTokenRequests},
        {"successRequests", m.successRequests},
        {"failedRequests", m.failedRequests},
        {"retriedRequests", m.retriedRequests},
        {"errorsByClass", pairsToJson(m.errorsByClass)},
        {"errorMessages", pairsToJson(m.errorMessages)},
        {"goodput", goodputToJson(m.goodput)},
        {"percentiles", tableToJson(m.percentiles)},
    };
}

ExtendedMetrics extendedFromJson(const Json& j)
{
    ExtendedMetrics m;
    m.avgTtftContentMs = readDouble(j, "avgTtftContentMs");
    m.avgTpotExclFirstMs = readDouble(j, "avgTpotExclFirstMs");
    m.avgNormTpotMs = readDouble(j, "avgNormTpotMs");
    m.avgItlChunkMs = readDouble(j, "avgItlChunkMs");
    m.avgItlTokenMs = readDouble(j, "avgItlTokenMs");
    m.avgLatencyFromScheduleS = readDouble(j, "avgLatencyFromScheduleS");
    m.meanConcurrency = readDouble(j, "meanConcurrency");
    m.peakConcurrency = readInt(j, "peakConcurrency");
    m.targetRate = readDouble(j, "targetRate");
    m.achievedRate = readDouble(j, "achievedRate");
    m.avgScheduleLagMs = readDouble(j, "avgScheduleLagMs");
    m.peakOutputThroughput = readDouble(j, "peakOutputThroughput");
    m.avgChunksPerRequest = readDouble(j, "avgChunksPerRequest");
    m.avgTokensPerChunk = readDouble(j, "avgTokensPerChunk");
    m.chunkedRequests = readInt(j, "chunkedRequests");
    m.exactTokenRequests = readInt(j, "exactTokenRequests");
    m.successRequests = readInt(j, "successRequests");
    m.failedRequests = readInt(j, "failedRequests");
    m.retriedRequests = readInt(j, "retriedRequests");
    for (const Json& e : j.value("errorsByClass", Json::array())) {
        if (e.is_array() && e.size() == 2 && e[1].is_number())
            m.errorsByClass.append({jsonutil::toQString(e[0]), e[1].get<int>()});
    }
    for (const Json& e : j.value("errorMessages", Json::array())) {
        if (e.is_array() && e.size() == 2)
            m.errorMessages.append({jsonutil::toQString(e[0]), jsonutil::toQString(e[1])});
    }
    m.goodput = goodputFromJson(j.value("goodput", Json::object()));
    m.percentiles = tableFromJson(j.value("percentiles", Json()));
    return m;
}

} // namespace

QByteArray pointResultToJson(const PointResult& r)
{
    Json j{
        {"summary", summaryToJson(r.summary)},
        {"percentiles", tableToJson(r.percentiles)},
        {"extended", extendedToJson(r.extended)},
        {"stopped", r.stopped},
        {"warmupRequests", r.warmupRequests},
        {"harness", harnessToJson(r.harness)},
    };
    if (r.slaProbe.isValid()) {
        j["slaProbe"] = Json{{"variable", jsonutil::toStd(r.slaProbe.variable)}, {"value", r.slaProbe.value},
            {"repetition", r.slaProbe.repetition}};
    }
    return jsonutil::dumpOrdered(j);
}

bool pointResultFromJson(const QByteArray& json, PointResult& r)
{
    const Json j = Json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (!j.is_object() || !j.contains("summary"))
        return false;
    r.summary = summaryFromJson(j["summary"]);
    r.percentiles = tableFromJson(j.value("percentiles", Json()));
    r.extended = extendedFromJson(j.value("extended", Json::object()));
    r.stopped = j.value("stopped", false);
    r.warmupRequests = j.value("warmupRequests", 0);
    r.harness = harnessFromJson(j.value("harness", Json::object()));
    r.slaProbe = {};
    if (const Json& probe = j.value("slaProbe", Json()); probe.is_object()) {
        const Json& variable = probe.value("variable", Json());
        const Json& value = probe.value("value", Json());
        const Json& repetition = probe.value("repetition", Json());
        if (variable.is_string() && value.is_number_integer() && repetition.is_number_integer())
            r.slaProbe = SlaProbe{jsonutil::toQString(variable), value.get<int>(), repetition.get<int>()};
    }
    r.hasSummary = true;
    return true;
}

} // namespace tl
