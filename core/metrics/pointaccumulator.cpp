#include "metrics/pointaccumulator.h"

#include "metrics/metriccatalogue.h"
#include "metrics/percentiles.h"

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kBucketNs = 1000000000;

double safeDiv(double a, double b, double fallback = -1.0)
{
    return b != 0 ? a / b : fallback;
}

double nsToS(qint64 ns)
{
    return double(ns) / 1e9;
}

// Sorts `values` (already scaled) and reads EvalScope's percentile points from them.
QVector<double> percentileRow(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    QVector<double> row;
    for (const PercentilePoint& p : evalscopePercentilePoints())
        row.append(nearestRankPercentile(values, p.p));
    return row;
}

template<typename T>
QVector<double> scaled(const std::vector<T>& values, double factor)
{
    QVector<double> out;
    out.reserve(qsizetype(values.size()));
    for (T v : values)
        out.append(double(v) * factor);
    return out;
}

template<typename T>
double mean(const std::vector<T>& values, double factor)
{
    if (values.empty())
        return kNaN;
    double sum = 0;
    for (T v : values)
        sum += double(v);
    return factor * sum / double(values.size());
}

QStringList percentileLabels()
{
    QStringList labels;
    for (const PercentilePoint& p : evalscopePercentilePoints())
        labels.append(QString::fromLatin1(p.label));
    return labels;
}

} // namespace

PointAccumulator::PointAccumulator(RunConfig::ApiKind api, RunPoint point, qint64 originNs)
    : m_point(point)
    , m_llm(api == RunConfig::ApiKind::Chat || api == RunConfig::ApiKind::Responses)
    , m_bucketOriginNs(originNs)
{
}

void PointAccumulator::add(const QList<RequestRecord>& records)
{
    for (const RequestRecord& r : records)
        add(r);
}

void PointAccumulator::add(const RequestRecord& r)
{
    if (r.warmup)
        return;
    ++m_total;
    if (r.retries > 0)
        ++m_retried;
    if (r.stream)
        ++m_streamRequests;
    m_firstSentNs = std::min(m_firstSentNs, r.sentNs);
    m_lastSentNs = std::max(m_lastSentNs, r.sentNs);
    m_lastEndNs = std::max(m_lastEndNs, r.endNs);
    m_spans.emplace_back(r.sentNs, std::max(r.endNs, r.sentNs));
    if (r.scheduledNs != 0)
        m_scheduleLag.push_back(float(nsToS(r.sentNs - r.scheduledNs)));
    if (r.stream) {
        m_dataEvents += r.eventNs.size();
        for (qsizetype i = 0; i < r.eventNs.size(); ++i)
            m_eventReads += (i == 0 || r.eventNs.at(i) != r.eventNs.at(i - 1)) ? 1 : 0;
    }
    if (!r.success) {
        const QString cls = errorClassName(r.errorClass);
        ++m_errors[cls];
        if (!m_errorMessages.contains(cls))
            m_errorMessages.insert(cls, r.errorMessage.left(kErrorMessageChars));
        return;
    }

    Sample s;
    s.stream = r.stream;
    s.latencyS = r.latencyS();
    s.ttftS = r.ttftS();
    s.tpotS = r.tpotS();
    s.promptTokens = double(std::max<qint64>(r.promptTokens, 0));
    s.completionTokens = double(std::max<qint64>(r.completionTokens, 0));
    const qint64 completed = r.completedNs();
    m_lastCompletedNs = std::max(m_lastCompletedNs, completed);
    s.latencyFromScheduleS = nsToS(completed - (r.scheduledNs != 0 ? r.scheduledNs : r.sentNs));
    const qint64 firstContent = r.firstContentNs();
    s.ttftContentS = firstContent ? nsToS(firstContent - r.sentNs) : kNaN;
    s.tpotExclFirstS = (firstContent && s.completionTokens > 1)
        ? nsToS(completed - firstContent) / (s.completionTokens - 1)
        : kNaN;

    const QVector<double> itl = r.itlS();
    for (double v : itl)
        m_itl.push_back(v);
    if (r.cachedTokens >= 0) {
        ++m_cachedRequests;
        if (r.promptTokens > 0) {
            m_cachedTokens += double(r.cachedTokens);
            m_cachedPromptTokens += double(r.promptTokens);
        }
    }
    // EvalScope's decoded tokens per iteration: n_chunks = len(ITL) + 1, both it and the output above 1.
    const qsizetype chunks = itl.size() + 1;
    if (s.completionTokens > 1 && chunks > 1) {
        const double perIter = (s.completionTokens - 1) / double(chunks - 1);
        if (perIter > 1) {
            m_decodedPerIterSum += perIter;
            ++m_decodedPerIterCount;
        }
    }

    // Content events: chunk gaps, ITL per token, tokens per chunk, and output tokens per second bucket. Each event's
    // tokens are the server's per-event deltas when every content event has one (continuous usage stats), else the
    // request's output spread evenly over its content events.
    for (qsizetype i = 0; i < r.eventNs.size(); ++i)
        s.contentChunks += (r.eventFlags.at(i) & EventHasContent) ? 1 : 0;
    s.exactTokens = r.stream && r.hasExactTokenDeltas();
    const double evenTokens = s.contentChunks > 0 ? s.completionTokens / s.contentChunks : 0.0;
    if (m_bucketOriginNs < 0)
        m_bucketOriginNs = r.sentNs; // earlier events clamp to bucket 0
    auto addToBucket = [this](qint64 atNs, double tokens) {
        const auto bucket = static_cast<size_t>(std::max<qint64>(0, (atNs - m_bucketOriginNs) / kBucketNs));
        if (m_outputBuckets.size() <= bucket)
            m_outputBuckets.resize(bucket + 1, 0.0);
        m_outputBuckets[bucket] += tokens;
    };
    qint64 previousContent = 0;
    qint64 previousTokens = 0; // the last content event that brought tokens
    for (qsizetype i = 0; i < r.eventNs.size(); ++i) {
        const qint64 t = r.eventNs.at(i);
        const double tokens = s.exactTokens ? double(r.eventTokens.at(i)) : evenTokens;
        if (!(r.eventFlags.at(i) & EventHasContent)) {
            if (s.exactTokens && tokens > 0)
                addToBucket(t, tokens); // a token without text (e.g. the EOS of the finish chunk)
            continue;
        }
        if (previousContent != 0 && r.stream)
            m_itlChunk.push_back(float(nsToS(t - previousContent)));
        previousContent = t;
        if (tokens > 0) {
            // A content event that brought no new token (exact deltas only) adds its gap to the next one's.
            if (previousTokens != 0 && r.stream)
                m_itlToken.push_back(float(nsToS(t - previousTokens) / tokens));
            previousTokens = t;
        }
        if (s.exactTokens)
            s.contentTokens += tokens;
        addToBucket(t, tokens);
    }
    if (!s.exactTokens)
        s.contentTokens = s.completionTokens;
    if (s.contentChunks == 0 && s.completionTokens > 0)
        addToBucket(completed, s.completionTokens); // non-streamed: all tokens arrive with the body
    m_samples.push_back(s);
}

Summary PointAccumulator::summary() const
{
    Summary s;
    s.llm = m_llm;
    s.concurrency = m_point.parallel;
    s.rate = m_point.rate;
    s.totalRequests = int(m_total);
    s.successRequests = int(m_samples.size());
    s.failedRequests = s.totalRequests - s.successRequests;
    s.streamRequests = int(m_streamRequests);
    s.nonStreamRequests = int(m_total - m_streamRequests);

    if (m_total == 0)
        s.testDurationS = 1.0;
    else if (!m_samples.empty())
        s.testDurationS = nsToS(m_lastCompletedNs - m_firstSentNs);
    else
        s.testDurationS = nsToS(m_lastEndNs - m_firstSentNs); // nothing completed: span of the attempts

    double sumLatency = 0;
    double sumPrompt = 0;
    double sumCompletion = 0;
    double sumTtftStream = 0;
    double sumTtftAll = 0;
    double sumTpotStream = 0;
    double sumTpotAll = 0;
    int streamSuccess = 0;
    for (const Sample& x : m_samples) {
        sumLatency += x.latencyS;
        sumPrompt += x.promptTokens;
        sumCompletion += x.completionTokens;
        sumTtftAll += x.ttftS;
        sumTpotAll += x.tpotS;
        if (x.stream) {
            ++streamSuccess;
            sumTtftStream += x.ttftS;
            sumTpotStream += x.tpotS;
        }
    }
    const double n = double(m_samples.size());
    const double t = s.testDurationS;
    s.inputThroughput = safeDiv(sumPrompt, sumLatency);
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
    double sumItl = 0;
    for (double v : m_itl)
        sumItl += v;
    s.avgItlMs = !m_itl.empty() ? 1000.0 * sumItl / double(m_itl.size()) : (n > 0 ? 0.0 : -1000.0);
    if (m_cachedRequests > 0)
        s.kvCacheHitRatePct = 100.0 * safeDiv(m_cachedTokens, m_cachedPromptTokens, 0.0);
    if (m_decodedPerIterCount > 0) {
        s.avgDecodedTokPerIter = m_decodedPerIterSum / double(m_decodedPerIterCount);
        s.specAcceptRate = std::clamp(1.0 - 1.0 / s.avgDecodedTokPerIter, 0.0, 1.0);
    }
    return s;
}

PercentileTable PointAccumulator::percentiles() const
{
    PercentileTable t;
    // EvalScope's columns for the run's API family: the language-model ones, or Latency, Input tokens and Input
    // (tok/s) for embedding and rerank.
    for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Percentiles)) {
        if (m->family == MetricFamily::Any || (m->family == MetricFamily::Llm) == m_llm)
            t.metrics.append(m->keyString());
    }
    t.labels = percentileLabels();

    for (const QString& key : std::as_const(t.metrics))
        t.values.append(percentileRow(columnSamples(MetricCatalogue::find(MetricTable::Percentiles, key)->id)));
    return t;
}

ExtendedMetrics PointAccumulator::extended() const
{
    ExtendedMetrics m;
    m.successRequests = int(m_samples.size());
    m.failedRequests = int(m_total) - m.successRequests;
    m.retriedRequests = int(m_retried);
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        m.errorsByClass.append({it.key(), it.value()});
    for (auto it = m_errorMessages.cbegin(); it != m_errorMessages.cend(); ++it)
        m.errorMessages.append({it.key(), it.value()});

    const QVector<double> ttftContent = columnSamples(MetricId::TtftContent);
    const QVector<double> tpotExclFirst = columnSamples(MetricId::TpotExclFirst);
    const QVector<double> normTpot = columnSamples(MetricId::Ntpot);
    const QVector<double> fromSchedule = columnSamples(MetricId::LatencyFromSchedule);
    double chunkSum = 0;
    double chunkTokens = 0;
    int streamed = 0;
    for (const Sample& s : m_samples) {
        if (s.stream && s.contentChunks > 0) {
            ++streamed;
            m.exactTokenRequests += s.exactTokens ? 1 : 0;
            chunkSum += s.contentChunks;
            chunkTokens += s.contentTokens;
        }
    }
    auto avg = [](const QVector<double>& v) {
        if (v.isEmpty())
            return kNaN;
        double sum = 0;
        for (double x : v)
            sum += x;
        return sum / double(v.size());
    };
    m.avgTtftContentMs = avg(ttftContent);
    m.avgTpotExclFirstMs = avg(tpotExclFirst);
    m.avgNormTpotMs = avg(normTpot);
    m.avgLatencyFromScheduleS = avg(fromSchedule);
    m.avgItlChunkMs = mean(m_itlChunk, 1000.0);
    m.avgItlTokenMs = mean(m_itlToken, 1000.0);
    m.avgScheduleLagMs = mean(m_scheduleLag, 1000.0);
    m.chunkedRequests = streamed;
    m.avgChunksPerRequest = streamed > 0 ? chunkSum / streamed : kNaN;
    m.avgTokensPerChunk = chunkSum > 0 ? chunkTokens / chunkSum : kNaN;

    // Requests in flight: sweep the (sent, end) spans in time order.
    if (!m_spans.empty()) {
        std::vector<std::pair<qint64, int>> edges;
        edges.reserve(m_spans.size() * 2);
        double busyNs = 0;
        for (const auto& [from, to] : m_spans) {
            edges.emplace_back(from, +1);
            edges.emplace_back(to, -1);
            busyNs += double(to - from);
        }
        std::sort(edges.begin(), edges.end()); // at equal times ends (-1) come first: a reused slot is not a peak
        int level = 0;
        for (const auto& edge : edges) {
            level += edge.second;
            m.peakConcurrency = std::max(m.peakConcurrency, level);
        }
        const double span = double(m_lastEndNs - m_firstSentNs);
        m.meanConcurrency = span > 0 ? busyNs / span : double(m_spans.size());
    }
    m.targetRate = m_point.rate;
    m.achievedRate = (m_total > 1 && m_lastSentNs > m_firstSentNs) ? double(m_total - 1) / nsToS(m_lastSentNs - m_firstSentNs)
                                                                    : kNaN;
    m.peakOutputThroughput = m_outputBuckets.empty()
        ? 0.0
        : *std::max_element(m_outputBuckets.begin(), m_outputBuckets.end()) / nsToS(kBucketNs);

    if (!m_slo.isEmpty()) {
        std::vector<SloSample> slo;
        slo.reserve(m_samples.size());
        for (const Sample& s : m_samples)
            slo.push_back({s.ttftS, s.tpotS, s.latencyS});
        m.goodput = computeGoodput(slo, int(m_total), summary().testDurationS, m_slo);
    }

    PercentileTable& t = m.percentiles;
    t.metrics = MetricCatalogue::columns(MetricTable::ExtendedPercentiles); // the order of the values below
    t.labels = percentileLabels();
    for (const QString& key : std::as_const(t.metrics))
        t.values.append(percentileRow(columnSamples(MetricCatalogue::find(MetricTable::ExtendedPercentiles, key)->id)));
    return m;
}

QVector<double> PointAccumulator::columnSamples(MetricId column) const
{
    QVector<double> out;
    switch (column) {
    case MetricId::Itl:
        return scaled(m_itl, 1000.0);
    case MetricId::ItlChunk:
        return scaled(m_itlChunk, 1000.0);
    case MetricId::ItlToken:
        return scaled(m_itlToken, 1000.0);
    case MetricId::ScheduleLag:
        return scaled(m_scheduleLag, 1000.0);
    default:
        break;
    }
    // EvalScope takes TTFT/TPOT from streamed requests only, unless none was streamed.
    const bool anyStream = std::any_of(m_samples.begin(), m_samples.end(), [](const Sample& s) { return s.stream; });
    out.reserve(qsizetype(m_samples.size()));
    for (const Sample& s : m_samples) {
        const bool streamedOrNone = s.stream || !anyStream;
        switch (column) {
        case MetricId::Ttft:
            if (streamedOrNone)
                out.append(s.ttftS * 1000.0);
            break;
        case MetricId::Tpot:
            if (streamedOrNone)
                out.append(s.tpotS * 1000.0);
            break;
        case MetricId::DecodeRate:
            if (streamedOrNone && s.tpotS > 0)
                out.append(1.0 / s.tpotS);
            break;
        case MetricId::Latency:
            out.append(s.latencyS);
            break;
        case MetricId::InputTokens:
            out.append(s.promptTokens);
            break;
        case MetricId::OutputTokens:
            out.append(s.completionTokens);
            break;
        case MetricId::OutputRate:
            if (s.latencyS > 0)
                out.append(s.completionTokens / s.latencyS);
            break;
        case MetricId::TotalRate:
            if (s.latencyS > 0)
                out.append((s.promptTokens + s.completionTokens) / s.latencyS);
            break;
        case MetricId::InputRate:
            if (s.latencyS > 0)
                out.append(s.promptTokens / s.latencyS);
            break;
        case MetricId::TtftContent:
            if (!std::isnan(s.ttftContentS))
                out.append(s.ttftContentS * 1000.0);
            break;
        case MetricId::TpotExclFirst:
            if (!std::isnan(s.tpotExclFirstS))
                out.append(s.tpotExclFirstS * 1000.0);
            break;
        case MetricId::Ntpot:
            if (s.completionTokens > 0)
                out.append(s.latencyS / s.completionTokens * 1000.0);
            break;
        case MetricId::LatencyFromSchedule:
            out.append(s.latencyFromScheduleS);
            break;
        case MetricId::ChunksPerRequest:
            if (s.stream && s.contentChunks > 0)
                out.append(s.contentChunks);
            break;
        case MetricId::TokensPerChunk:
            if (s.stream && s.contentChunks > 0)
                out.append(s.contentTokens / s.contentChunks);
            break;
        default:
            return {};
        }
    }
    return out;
}

} // namespace tl
