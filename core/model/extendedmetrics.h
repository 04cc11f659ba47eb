#pragma once

#include "model/goodput.h"
#include "model/summary.h"

#include <QList>
#include <QPair>
#include <QString>

namespace tl {

// Throughline's metrics beyond EvalScope's summary, each named for what it measures (docs/METRICS.md gives every
// formula). Raw values; NaN where a metric has no sample (e.g. chunk metrics of a non-streamed run).
struct ExtendedMetrics {
    // Latency variants (successful requests).
    double avgTtftContentMs = 0; // sent -> first event that carries generated text (not the role-only chunk)
    double avgTpotExclFirstMs = 0; // (last event - first content event) / (output tokens - 1)
    double avgNormTpotMs = 0; // end-to-end latency / output tokens ("normalised TPOT")
    double avgItlChunkMs = 0; // gap between consecutive content events
    double avgItlTokenMs = 0; // a content gap divided by the tokens of its chunk (see exactTokenRequests)
    double avgLatencyFromScheduleS = 0; // completion - scheduled send time: includes any lag of the client

    // Load actually applied.
    double meanConcurrency = 0; // time-weighted mean of requests in flight between the first send and the last end
    int peakConcurrency = 0;
    double targetRate = -1; // req/s asked for (-1 = unpaced)
    double achievedRate = 0; // (sends - 1) / (last send - first send)
    double avgScheduleLagMs = 0; // send - scheduled, every request of the point
    double peakOutputThroughput = 0; // tok/s in the best 1-second bucket from the first send

    // Stream shape.
    double avgChunksPerRequest = 0; // content events per successful streamed request
    double avgTokensPerChunk = 0; // output tokens / content events
    // Where a chunk's tokens come from for ITL per token and tokens per chunk: the server's per-event token deltas
    // (continuous usage stats) for exactTokenRequests of the chunkedRequests (successful streamed requests with
    // content), an even spread of each other request's output over its content events.
    int chunkedRequests = 0;
    int exactTokenRequests = 0;

    int successRequests = 0;
    int failedRequests = 0;
    int retriedRequests = 0; // resent after a stale keep-alive connection closed before any response byte
    QList<QPair<QString, int>> errorsByClass; // error class name (errorClassName()) -> failed requests
    QList<QPair<QString, QString>> errorMessages; // error class name -> the first failed request's message

    // Goodput under the run's --goodput SLOs (or the SLOs a stored run was re-evaluated with): NaN when none.
    GoodputResult goodput;

    // Percentiles of the per-request (and, for ITL, per-gap) distributions, with EvalScope's nearest-rank rule and
    // points, so they read like its table.
    PercentileTable percentiles;
};

} // namespace tl
