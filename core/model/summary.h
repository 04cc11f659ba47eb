#pragma once

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace tl {

// The summary of one run point with EvalScope's definitions (§5.2 of the behaviour reference), plus a few
// clearly named extras. Raw (unrounded) values; rounding happens when written out.
struct Summary {
    double testDurationS = 0;
    int concurrency = 0;
    double rate = -1;
    int totalRequests = 0;
    int successRequests = 0;
    int failedRequests = 0;
    int streamRequests = 0;
    int nonStreamRequests = 0;
    double reqThroughput = 0;
    double avgLatencyS = 0;
    double avgInputTokens = 0;
    double outputThroughput = 0;
    double totalThroughput = 0;
    double avgTtftMs = 0;
    double avgTpotMs = 0;
    double avgItlMs = 0;
    double avgOutputTokens = 0;

    // Embedding/rerank runs: EvalScope writes Input Throughput = prompt tokens / the sum of latencies, and 0.0 for
    // the LLM keys (output/total throughput, TTFT, TPOT, ITL, output tokens); LLM runs the other way round.
    // PointAccumulator sets llm from the API family it was made for; summaryFromJson from Input Throughput.
    double inputThroughput = 0;
    bool llm = true;

    // Written only when known (NaN otherwise), as EvalScope emits them:
    // 100 x cached / prompt tokens over the successful requests whose usage reported cached tokens.
    double kvCacheHitRatePct = std::numeric_limits<double>::quiet_NaN();
    // Speculative decoding: mean over successful requests of L = (output tokens - 1) / (chunks - 1) where L > 1
    // (chunks = ITL samples + 1), and 1 - 1/L clamped to [0, 1].
    double avgDecodedTokPerIter = std::numeric_limits<double>::quiet_NaN();
    double specAcceptRate = std::numeric_limits<double>::quiet_NaN();
};

// EvalScope's per-metric percentile table (§5.3). Columns in EvalScope's order; one row per percentile point.
struct PercentileTable {
    QStringList metrics;               // "TTFT (ms)", "ITL (ms)", ...
    QStringList labels;                // "min", "1%", ... "max"
    QVector<QVector<double>> values;   // values[metric][point], NaN where there is no sample

    double value(const QString& metric, const QString& label) const;
};

} // namespace tl

Q_DECLARE_METATYPE(tl::Summary)
