#pragma once

#include "config/runconfig.h"
#include "metrics/summary.h"
#include "model/rundata.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tl {

// A request of another tool rebuilt from what such tools keep: the send time, TTFT, the ITL list and the latency
// (seconds). Every chunk becomes an event with choices and content at send + TTFT + the running sum of the ITLs;
// when the latency ends after the last chunk, one more event without choices (the usage chunk) marks the end, so
// EvalScope's TTFT, ITL, TPOT and latency come out as the source had them. Non-stream: no events, end = latency.
RequestRecord recordFromTimings(
    int seq, qint64 sentNs, bool stream, double ttftS, const QVector<double>& itlS, double latencyS);

// Recomputes a point's summary, percentiles and extended metrics from its records (EvalScope's formulas and
// Throughline's) for a run of the API family `api`. When the source gave no per-request send times, `durationS`
// replaces the test duration and the rates that divide by it.
void recomputeMetrics(PointResult& point, RunConfig::ApiKind api, std::optional<double> durationS = std::nullopt);

} // namespace tl
