#include "metrics/metriccatalogue.h"

#include <limits>

namespace tl {

namespace {

using D = MetricDirection;
using F = MetricFormat;
using T = MetricTable;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

#define SUMMARY(member) [](const PointResult& r) { return double(r.summary.member); }
#define EXTENDED(member) [](const PointResult& r) { return double(r.extended.member); }

// The definitions follow docs/METRICS.md and EvalScope's behaviour reference (§5.2, §5.3); keep all three in step.
QList<MetricDef> makeCatalogue()
{
    return {
        // EvalScope's summary (benchmark_summary.json).
        {MetricId::TestDuration, T::Summary, "Test Duration (s)", "Test duration", "s", D::Neutral, F::Decimal, 4, 3,
            "Last completion among the successful requests minus the first send among all requests of the point (1 "
            "when the point has no request).",
            SUMMARY(testDurationS)},
        {MetricId::Concurrency, T::Summary, "Concurrency", "Concurrency", "requests", D::Neutral, F::Integer, 0, 0,
            "The point's --parallel: the most requests in flight at once (-1 in open loop).", SUMMARY(concurrency)},
        {MetricId::RequestRate, T::Summary, "Request Rate (req/s)", "Request rate", "req/s", D::Neutral, F::Raw, 0, 2,
            "The point's --rate: the arrival rate asked for (-1 = unpaced).", SUMMARY(rate)},
        {MetricId::TotalRequests, T::Summary, "Total Requests", "Total requests", "requests", D::Neutral, F::Integer, 0,
            0, "Requests of the timed phase (warmup excluded), successful or not.", SUMMARY(totalRequests)},
        {MetricId::SuccessRequests, T::Summary, "Success Requests", "Successful requests", "requests",
            D::HigherIsBetter, F::Integer, 0, 0, "Requests that completed with a usable answer.",
            SUMMARY(successRequests)},
        {MetricId::FailedRequests, T::Summary, "Failed Requests", "Failed requests", "requests", D::LowerIsBetter,
            F::Integer, 0, 0, "Total requests minus the successful ones.", SUMMARY(failedRequests)},
        {MetricId::StreamRequests, T::Summary, "Stream Requests", "Streamed requests", "requests", D::Neutral,
            F::Integer, 0, 0, "Requests sent with stream on, successful or not.", SUMMARY(streamRequests)},
        {MetricId::NonStreamRequests, T::Summary, "Non-Stream Requests", "Non-streamed requests", "requests",
            D::Neutral, F::Integer, 0, 0, "Requests sent with stream off, successful or not.",
            SUMMARY(nonStreamRequests)},
        {MetricId::ReqThroughput, T::Summary, "Req Throughput (req/s)", "Request throughput", "req/s",
            D::HigherIsBetter, F::Decimal, 4, 2, "Successful requests divided by the test duration.",
            SUMMARY(reqThroughput)},
        {MetricId::AvgLatency, T::Summary, "Avg Latency (s)", "Average latency", "s", D::LowerIsBetter, F::Decimal, 4,
            3,
            "Mean over the successful requests of the last data event (streamed) or the end of the body minus the "
            "send.",
            SUMMARY(avgLatencyS)},
        {MetricId::AvgInputTokens, T::Summary, "Avg Input Tokens", "Average input tokens", "tokens", D::Neutral,
            F::Decimal, 4, 1, "Mean prompt tokens of the successful requests.", SUMMARY(avgInputTokens)},
        {MetricId::OutputThroughput, T::Summary, "Output Throughput (tok/s)", "Output throughput", "tok/s",
            D::HigherIsBetter, F::Decimal, 4, 2,
            "Output tokens of the successful requests divided by the test duration (0 for embedding and rerank "
            "runs).",
            SUMMARY(outputThroughput), MetricFamily::Llm},
        {MetricId::TotalThroughput, T::Summary, "Total Throughput (tok/s)", "Total throughput", "tok/s",
            D::HigherIsBetter, F::Decimal, 4, 2,
            "Prompt plus output tokens of the successful requests divided by the test duration.",
            SUMMARY(totalThroughput), MetricFamily::Llm},
        {MetricId::AvgTtft, T::Summary, "Avg TTFT (ms)", "Average TTFT", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Mean time to first token: the first data event with non-empty choices (the role-only chunk counts) "
            "minus the send, over the successful streamed requests (all successful ones when none was streamed; "
            "non-streamed: the latency).",
            SUMMARY(avgTtftMs), MetricFamily::Llm},
        {MetricId::AvgTpot, T::Summary, "Avg TPOT (ms)", "Average TPOT", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Mean time per output token, (latency - TTFT) / (output tokens - 1); a request of at most one output "
            "token adds 0 and still counts.",
            SUMMARY(avgTpotMs), MetricFamily::Llm},
        {MetricId::AvgItl, T::Summary, "Avg ITL (ms)", "Average ITL", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Mean inter-token latency: for each choices event after the first, its time minus the previous data "
            "event's, pooled over the successful requests.",
            SUMMARY(avgItlMs), MetricFamily::Llm},
        {MetricId::AvgOutputTokens, T::Summary, "Avg Output Tokens", "Average output tokens", "tokens", D::Neutral,
            F::Decimal, 4, 1, "Mean output tokens of the successful requests.", SUMMARY(avgOutputTokens),
            MetricFamily::Llm},
        {MetricId::InputThroughput, T::Summary, "Input Throughput (tok/s)", "Input throughput", "tok/s",
            D::HigherIsBetter, F::Decimal, 4, 2,
            "Embedding and rerank runs: prompt tokens of the successful requests divided by the sum of their "
            "latencies (0 for LLM runs).",
            SUMMARY(inputThroughput), MetricFamily::Embedding},
        {MetricId::KvCacheHitRate, T::Summary, "KV Cache Hit Rate (%)", "KV cache hit rate", "%", D::HigherIsBetter,
            F::Decimal, 4, 2,
            "100 x cached prompt tokens / prompt tokens, over the successful requests whose usage reported cached "
            "tokens (usage.prompt_tokens_details.cached_tokens); written only when the server reported them.",
            SUMMARY(kvCacheHitRatePct), MetricFamily::Any, true},
        {MetricId::AvgDecodedTokPerIter, T::Summary, "Avg Decoded Tok/Iter", "Average decoded tokens per iteration",
            "tokens", D::HigherIsBetter, F::Decimal, 4, 2,
            "Speculative decoding: mean over the successful requests of (output tokens - 1) / (chunks - 1), chunks "
            "being the ITL samples + 1, where that is above 1; written only when such requests exist.",
            SUMMARY(avgDecodedTokPerIter), MetricFamily::Llm, true},
        {MetricId::SpecAcceptRate, T::Summary, "Spec. Accept Rate", "Speculative accept rate", "ratio", D::HigherIsBetter,
            F::Decimal, 4, 4, "1 - 1 / Avg Decoded Tok/Iter, clamped to [0, 1]; written with it.",
            SUMMARY(specAcceptRate), MetricFamily::Llm, true},

        // EvalScope's percentile columns (benchmark_percentile.json), nearest rank, successful requests.
        {MetricId::Ttft, T::Percentiles, "TTFT (ms)", "TTFT", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Time to first token of each successful streamed request (all when none was streamed).", nullptr, MetricFamily::Llm},
        {MetricId::Itl, T::Percentiles, "ITL (ms)", "ITL", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Every inter-token gap, pooled over the successful requests.", nullptr, MetricFamily::Llm},
        {MetricId::Tpot, T::Percentiles, "TPOT (ms)", "TPOT", "ms", D::LowerIsBetter, F::Decimal, 2, 2,
            "Time per output token of each successful streamed request, zeros included.", nullptr, MetricFamily::Llm},
        {MetricId::Latency, T::Percentiles, "Latency (s)", "Latency", "s", D::LowerIsBetter, F::Decimal, 2, 3,
            "End-to-end latency of each successful request.", nullptr},
        {MetricId::InputTokens, T::Percentiles, "Input tokens", "Input tokens", "tokens", D::Neutral, F::Decimal, 2, 0,
            "Prompt tokens of each successful request.", nullptr},
        {MetricId::OutputTokens, T::Percentiles, "Output tokens", "Output tokens", "tokens", D::Neutral, F::Decimal, 2,
            0, "Output tokens of each successful request.", nullptr, MetricFamily::Llm},
        {MetricId::OutputRate, T::Percentiles, "Output (tok/s)", "Output rate", "tok/s", D::HigherIsBetter, F::Decimal,
            2, 2, "Output tokens / latency of each successful request.", nullptr, MetricFamily::Llm},
        {MetricId::TotalRate, T::Percentiles, "Total (tok/s)", "Total rate", "tok/s", D::HigherIsBetter, F::Decimal, 2,
            2, "(Prompt + output tokens) / latency of each successful request.", nullptr, MetricFamily::Llm},
        {MetricId::DecodeRate, T::Percentiles, "Decode (tok/s)", "Decode rate", "tok/s", D::HigherIsBetter, F::Decimal,
            2, 2, "1 / TPOT of each successful streamed request whose TPOT is above 0.", nullptr, MetricFamily::Llm},
        {MetricId::InputRate, T::Percentiles, "Input (tok/s)", "Input rate", "tok/s", D::HigherIsBetter, F::Decimal, 2,
            2, "Embedding and rerank runs: prompt tokens / latency of each successful request (their table has only "
            "Latency, Input tokens and this column).",
            nullptr, MetricFamily::Embedding},

        // Throughline's metrics (throughline_metrics.json, the "Throughline metrics" table).
        {MetricId::AvgTtftContent, T::Extended, "Avg TTFT content (ms)", "TTFT to first content", "ms",
            D::LowerIsBetter, F::Decimal, 3, 2,
            "First event that carries generated text minus the send (the role-only chunk does not count).",
            EXTENDED(avgTtftContentMs)},
        {MetricId::AvgTpotExclFirst, T::Extended, "Avg TPOT excl. first (ms)", "TPOT excl. first token", "ms",
            D::LowerIsBetter, F::Decimal, 3, 2,
            "(Last data event - first content event) / (output tokens - 1): decode speed after the first token.",
            EXTENDED(avgTpotExclFirstMs)},
        {MetricId::AvgNtpot, T::Extended, "Avg NTPOT (ms)", "Normalised TPOT, E2E/out", "ms", D::LowerIsBetter,
            F::Decimal, 3, 2, "Latency / output tokens (\"normalised TPOT\", end to end per token).",
            EXTENDED(avgNormTpotMs)},
        {MetricId::AvgItlChunk, T::Extended, "Avg ITL chunk (ms)", "ITL per chunk", "ms", D::LowerIsBetter, F::Decimal,
            3, 2, "Gaps between consecutive content events (what a user sees as stutter).", EXTENDED(avgItlChunkMs)},
        {MetricId::AvgItlToken, T::Extended, "Avg ITL token (ms)", "ITL per token", "ms", D::LowerIsBetter, F::Decimal,
            3, 2,
            "A content gap divided by the tokens of the chunk that ends it: its server token delta when every content "
            "event of the request has one, else output tokens / content events of the request.",
            EXTENDED(avgItlTokenMs)},
        {MetricId::AvgLatencyFromSchedule, T::Extended, "Avg Latency from schedule (s)", "Latency from scheduled time",
            "s", D::LowerIsBetter, F::Decimal, 4, 3,
            "Completion minus the scheduled send time: includes any lag of the client, the honest latency of an "
            "open-loop arrival.",
            EXTENDED(avgLatencyFromScheduleS)},
        {MetricId::MeanConcurrency, T::Extended, "Mean Concurrency", "Mean concurrency", "requests", D::Neutral,
            F::Decimal, 3, 2,
            "Busy time of the (send, end) spans of every request / (last end - first send): requests in flight on "
            "average.",
            EXTENDED(meanConcurrency)},
        {MetricId::PeakConcurrency, T::Extended, "Peak Concurrency", "Peak concurrency", "requests", D::Neutral,
            F::Integer, 0, 0,
            "The most (send, end) spans open at once (a span that starts as another ends is no overlap).",
            EXTENDED(peakConcurrency)},
        {MetricId::TargetRate, T::Extended, "Target Rate (req/s)", "Target arrival rate", "req/s", D::Neutral,
            F::Decimal, 4, 2, "The arrival rate asked for with --rate (-1 = unpaced).", EXTENDED(targetRate)},
        {MetricId::AchievedRate, T::Extended, "Achieved Rate (req/s)", "Achieved arrival rate", "req/s",
            D::HigherIsBetter, F::Decimal, 4, 2, "(Requests - 1) / (last send - first send).", EXTENDED(achievedRate)},
        {MetricId::AvgScheduleLag, T::Extended, "Avg Schedule lag (ms)", "Schedule lag, sent - scheduled", "ms",
            D::LowerIsBetter, F::Decimal, 3, 3,
            "Send minus scheduled time, every request: how far behind its schedule the client ran.",
            EXTENDED(avgScheduleLagMs)},
        {MetricId::PeakOutputThroughput, T::Extended, "Peak 1-s Output Throughput (tok/s)",
            "Peak 1-s output throughput", "tok/s", D::HigherIsBetter, F::Decimal, 2, 1,
            "Output tokens per whole second from the point's start, best second (token deltas where the request has "
            "them, else its tokens spread evenly over its content events).",
            EXTENDED(peakOutputThroughput)},
        {MetricId::AvgChunksPerRequest, T::Extended, "Avg Chunks/request", "Chunks per request", "chunks", D::Neutral,
            F::Decimal, 3, 1, "Content events per successful streamed request.", EXTENDED(avgChunksPerRequest)},
        {MetricId::AvgTokensPerChunk, T::Extended, "Avg Tokens/chunk", "Tokens per chunk", "tokens", D::Neutral,
            F::Decimal, 3, 2,
            "Tokens of the content events / content events (the sum of their token deltas where the request has "
            "them, else output tokens).",
            EXTENDED(avgTokensPerChunk)},
        {MetricId::TokenDeltas, T::Extended, "Token deltas", "Token deltas (ITL/token, tokens/chunk)", "", D::Neutral,
            F::Text, 0, 0,
            "Where ITL per token, tokens per chunk and the peak 1-s throughput took each chunk's tokens: server "
            "(every streamed request had per-chunk token deltas), even spread (none had), mixed, or none.",
            nullptr},
        {MetricId::ExactTokenRequests, T::Extended, "Requests with server token deltas",
            "Requests with server token deltas", "requests", D::Neutral, F::Integer, 0, 0,
            "Successful streamed requests whose every content event had the server's token delta.",
            EXTENDED(exactTokenRequests)},
        {MetricId::ExtSuccessRequests, T::Extended, "Success Requests", "Successful requests", "requests",
            D::HigherIsBetter, F::Integer, 0, 0, "Requests that completed with a usable answer.",
            EXTENDED(successRequests)},
        {MetricId::ExtFailedRequests, T::Extended, "Failed Requests", "Failed requests", "requests", D::LowerIsBetter,
            F::Integer, 0, 0, "Requests that failed, whatever the class.", EXTENDED(failedRequests)},
        {MetricId::RetriedRequests, T::Extended, "Retried Requests", "Resent after a stale connection", "requests",
            D::LowerIsBetter, F::Integer, 0, 0,
            "Requests resent once because their connection closed before a single response byte (a pooled "
            "keep-alive connection the server had dropped); their latency still counts from the first send.",
            EXTENDED(retriedRequests)},
        {MetricId::ErrorsByClass, T::Extended, "Errors by class", "Failures by class", "requests", D::LowerIsBetter,
            F::Text, 0, 0,
            "Failed requests grouped by error class (http_status, read_timeout, error_event, empty_stream, ...), "
            "each with the first failure's message.",
            nullptr},
        // Goodput (--goodput, or re-evaluated for a stored run): empty when no SLO was given.
        {MetricId::GoodputSlo, T::Extended, "Goodput SLO", "Goodput SLOs (ms)", "", D::Neutral, F::Text, 0, 0,
            "The service-level objectives goodput was measured against, in milliseconds (ttft:MS tpot:MS e2el:MS); "
            "empty when none was given.",
            nullptr},
        {MetricId::Goodput, T::Extended, "Goodput (req/s)", "Goodput", "req/s", D::HigherIsBetter, F::Decimal, 4, 2,
            "Successful requests meeting every SLO given (TTFT, TPOT and latency each at most its limit) divided "
            "by the test duration (vLLM's goodput).",
            [](const PointResult& r) { return r.extended.goodput.goodput; }},
        {MetricId::GoodRequests, T::Extended, "Good Requests", "Good requests", "requests", D::HigherIsBetter,
            F::Integer, 0, 0, "Successful requests meeting every SLO given.",
            [](const PointResult& r) {
                return r.extended.goodput.slo.isEmpty() ? kNaN : double(r.extended.goodput.goodRequests);
            }},
        {MetricId::SloTtftAttainment, T::Extended, "SLO TTFT attainment (%)", "TTFT SLO attainment", "%",
            D::HigherIsBetter, F::Decimal, 2, 1,
            "Requests whose TTFT is at most the ttft SLO, in percent of every request of the point (a failed "
            "request misses it).",
            [](const PointResult& r) { return r.extended.goodput.ttftAttainmentPct; }},
        {MetricId::SloTpotAttainment, T::Extended, "SLO TPOT attainment (%)", "TPOT SLO attainment", "%",
            D::HigherIsBetter, F::Decimal, 2, 1,
            "Requests whose TPOT is at most the tpot SLO, in percent of every request of the point (a failed "
            "request misses it).",
            [](const PointResult& r) { return r.extended.goodput.tpotAttainmentPct; }},
        {MetricId::SloE2elAttainment, T::Extended, "SLO E2EL attainment (%)", "Latency SLO attainment", "%",
            D::HigherIsBetter, F::Decimal, 2, 1,
            "Requests whose end-to-end latency is at most the e2el SLO, in percent of every request of the point "
            "(a failed request misses it).",
            [](const PointResult& r) { return r.extended.goodput.e2elAttainmentPct; }},

        // Throughline's percentile columns (the "Percentiles" rows of throughline_metrics.json).
        {MetricId::TtftContent, T::ExtendedPercentiles, "TTFT content (ms)", "TTFT to first content", "ms",
            D::LowerIsBetter, F::Decimal, 3, 2, "First content event minus the send, per successful request.", nullptr},
        {MetricId::TpotExclFirst, T::ExtendedPercentiles, "TPOT excl. first (ms)", "TPOT excl. first token", "ms",
            D::LowerIsBetter, F::Decimal, 3, 2,
            "(Last data event - first content event) / (output tokens - 1), per successful request.", nullptr},
        {MetricId::Ntpot, T::ExtendedPercentiles, "NTPOT (ms)", "Normalised TPOT, E2E/out", "ms", D::LowerIsBetter,
            F::Decimal, 3, 2, "Latency / output tokens, per successful request.", nullptr},
        {MetricId::ItlChunk, T::ExtendedPercentiles, "ITL chunk (ms)", "ITL per chunk", "ms", D::LowerIsBetter,
            F::Decimal, 3, 2, "Every gap between consecutive content events.", nullptr},
        {MetricId::ItlToken, T::ExtendedPercentiles, "ITL token (ms)", "ITL per token", "ms", D::LowerIsBetter,
            F::Decimal, 3, 2, "Every content gap divided by the tokens of its chunk.", nullptr},
        {MetricId::ScheduleLag, T::ExtendedPercentiles, "Schedule lag (ms)", "Schedule lag, sent - scheduled", "ms",
            D::LowerIsBetter, F::Decimal, 3, 3, "Send minus scheduled time, per request.", nullptr},
        {MetricId::LatencyFromSchedule, T::ExtendedPercentiles, "Latency from schedule (s)",
            "Latency from scheduled time", "s", D::LowerIsBetter, F::Decimal, 3, 3,
            "Completion minus the scheduled send time, per successful request.", nullptr},
        {MetricId::ChunksPerRequest, T::ExtendedPercentiles, "Chunks/request", "Chunks per request", "chunks",
            D::Neutral, F::Decimal, 3, 1, "Content events of each successful streamed request.", nullptr},
        {MetricId::TokensPerChunk, T::ExtendedPercentiles, "Tokens/chunk", "Tokens per chunk", "tokens", D::Neutral,
            F::Decimal, 3, 2, "Tokens of each content event.", nullptr},
    };
}

#undef SUMMARY
#undef EXTENDED

} // namespace

namespace MetricCatalogue {

const QList<MetricDef>& all()
{
    static const QList<MetricDef> catalogue = [] {
        QList<MetricDef> c = makeCatalogue();
        for (qsizetype i = 0; i < c.size(); ++i)
            Q_ASSERT(int(c.at(i).id) == i); // entries in enum order: get() indexes by id
        return c;
    }();
    return catalogue;
}

const MetricDef& get(MetricId id)
{
    return all().at(qsizetype(id));
}

const MetricDef* find(MetricTable table, QStringView key)
{
    for (const MetricDef& m : all()) {
        if (m.table == table && QString::fromUtf8(m.key) == key)
            return &m;
    }
    return nullptr;
}

QList<const MetricDef*> inTable(MetricTable table)
{
    QList<const MetricDef*> out;
    for (const MetricDef& m : all()) {
        if (m.table == table)
            out.append(&m);
    }
    return out;
}

QStringList columns(MetricTable table)
{
    QStringList out;
    for (const MetricDef* m : inTable(table))
        out.append(m->keyString());
    return out;
}

double value(const MetricDef& metric, const PointResult& r, const QString& label)
{
    switch (metric.table) {
    case MetricTable::Percentiles:
        return r.percentiles.value(metric.keyString(), label);
    case MetricTable::ExtendedPercentiles:
        return r.extended.percentiles.value(metric.keyString(), label);
    case MetricTable::Summary:
    case MetricTable::Extended:
        break;
    }
    return metric.field ? metric.field(r) : kNaN;
}

QString directionName(MetricDirection d)
{
    switch (d) {
    case MetricDirection::LowerIsBetter:
        return QStringLiteral("lower is better");
    case MetricDirection::HigherIsBetter:
        return QStringLiteral("higher is better");
    case MetricDirection::Neutral:
        break;
    }
    return QStringLiteral("neutral");
}

QString tableName(MetricTable t)
{
    switch (t) {
    case MetricTable::Summary:
        return QStringLiteral("benchmark_summary.json");
    case MetricTable::Percentiles:
        return QStringLiteral("benchmark_percentile.json");
    case MetricTable::Extended:
        return QStringLiteral("throughline_metrics.json");
    case MetricTable::ExtendedPercentiles:
        break;
    }
    return QStringLiteral("throughline_metrics.json, Percentiles");
}

QString markdown()
{
    QString out;
    for (const MetricTable table :
        {MetricTable::Summary, MetricTable::Percentiles, MetricTable::Extended, MetricTable::ExtendedPercentiles}) {
        out += QStringLiteral("### `%1`\n\n| key | name | unit | direction | definition |\n|---|---|---|---|---|\n")
                   .arg(tableName(table));
        for (const MetricDef* m : inTable(table)) {
            out += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                       .arg(m->keyString(), m->nameString(),
                           m->unitString().isEmpty() ? QStringLiteral("text") : m->unitString(),
                           directionName(m->direction), m->definitionString());
        }
        out += u'\n';
    }
    return out;
}

} // namespace MetricCatalogue

} // namespace tl
