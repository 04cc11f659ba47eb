#pragma once

#include "config/runconfig.h"
#include "model/requestrecord.h"
#include "metrics/extendedmetrics.h"
#include "metrics/metriccatalogue.h"
#include "metrics/goodput.h"
#include "metrics/summary.h"

#include <QList>
#include <QMap>

#include <limits>
#include <vector>

namespace tl {

// Folds the request records of one run point, as batches arrive, into the handful of numbers per request (and one
// per inter-token gap) that every metric needs. A point of a million requests so holds ~100 bytes per request
// rather than every event time: the raw records go to the project file, which keeps them for recomputation.
// EvalScope's summary and percentile table and Throughline's extended metrics are all computed from here, so the
// formulas live in one place. Warmup records are ignored. Not thread-safe: owned by one thread.
class PointAccumulator final {
public:
    // api: the run's API family, which decides Summary::llm (chat/completions and responses are LLM runs;
    // embedding and rerank runs report input throughput instead). originNs: the start of the timed phase; output
    // throughput is bucketed by whole seconds from there (-1: from the first record's send time).
    explicit PointAccumulator(RunConfig::ApiKind api, RunPoint point = {}, qint64 originNs = -1);

    void add(const RequestRecord& r);
    void add(const QList<RequestRecord>& records);

    // The SLOs goodput is measured against (--goodput); none by default.
    void setSlo(const SloSpec& slo) { m_slo = slo; }

    qint64 requests() const { return m_total; }
    // Data events and the socket reads that brought them, counted as the distinct timestamps of each request's
    // events (a transport stamps every event of one read with that read's time): their ratio shows a client that
    // read in bursts. Streamed requests only.
    qint64 dataEvents() const { return m_dataEvents; }
    qint64 eventReads() const { return m_eventReads; }
    Summary summary() const;
    PercentileTable percentiles() const;
    ExtendedMetrics extended() const;
    // The values one percentile column (MetricTable::Percentiles or ExtendedPercentiles) is read from, unsorted and
    // in its unit (ms, s, tokens...): one per successful request, or one per gap for the ITL columns. The same
    // values percentiles() and extended() rank, so a comparison can resample them (RunComparison). Empty for any
    // other metric.
    QVector<double> columnSamples(MetricId column) const;

private:
    // One successful request, reduced.
    struct Sample {
        double latencyS = 0;
        double ttftS = 0;
        double tpotS = 0;
        double ttftContentS = 0; // NaN: no content event
        double tpotExclFirstS = 0; // NaN: fewer than 2 tokens or no content event
        double latencyFromScheduleS = 0;
        double promptTokens = 0;
        double completionTokens = 0;
        int contentChunks = 0;
        double contentTokens = 0; // tokens of the content events: server deltas when exact, else completionTokens
        bool exactTokens = false; // every content event's token delta is known (RequestRecord::eventTokens)
        bool stream = false;
    };

    RunPoint m_point;
    SloSpec m_slo;
    bool m_llm = true;
    std::vector<Sample> m_samples;
    std::vector<double> m_itl; // EvalScope's ITL: gaps before each choices event after the first (s)
    std::vector<float> m_itlChunk; // gaps between content events (s)
    std::vector<float> m_itlToken; // content gaps / tokens of the chunk (server deltas, else an even spread) (s)
    std::vector<float> m_scheduleLag; // send - scheduled, every request (s)
    std::vector<std::pair<qint64, qint64>> m_spans; // (sent, end) of every request, for concurrency
    std::vector<double> m_outputBuckets; // output tokens per 1-s bucket from m_firstSentNs
    QMap<QString, int> m_errors;
    QMap<QString, QString> m_errorMessages; // the first message of each class, as an example of what went wrong
    // An example needs no more; a server's HTML error page would otherwise be kept whole.
    static constexpr qsizetype kErrorMessageChars = 500;
    qint64 m_total = 0;
    qint64 m_dataEvents = 0;
    qint64 m_eventReads = 0;
    qint64 m_retried = 0;
    qint64 m_streamRequests = 0;
    qint64 m_firstSentNs = std::numeric_limits<qint64>::max();
    qint64 m_lastSentNs = std::numeric_limits<qint64>::min();
    qint64 m_lastEndNs = std::numeric_limits<qint64>::min();
    qint64 m_lastCompletedNs = std::numeric_limits<qint64>::min(); // successful requests only
    qint64 m_bucketOriginNs = -1;
    // KV Cache Hit Rate (%): successes whose usage reported cached tokens, and their token sums (prompt > 0).
    qint64 m_cachedRequests = 0;
    double m_cachedTokens = 0;
    double m_cachedPromptTokens = 0;
    // Avg Decoded Tok/Iter: the sum and count of L > 1.
    double m_decodedPerIterSum = 0;
    qint64 m_decodedPerIterCount = 0;
};

} // namespace tl
