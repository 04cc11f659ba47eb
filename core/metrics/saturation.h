#pragma once

#include "model/pointresult.h"
#include "model/rundata.h"
#include "model/saturation.h"

#include <QList>

namespace tl {

// The saturation rule (docs/METRICS.md "Saturation point"), over the points of a sweep in the order of offered load
// (closed-loop points by concurrency, then open-loop points by rate, unpaced last; a --sweep auto run's execution
// order is not its load order). Repetitions of a point, when --num-runs > 1, should be averaged first or passed once:
// - closed loop: the knee is the last point before the first step where request throughput grows by less than
//   kFlatThroughputPct percent while the p50 latency grows by more than kLatencyJumpPct percent;
// - open loop (a point with a target rate): the knee is the last point before the first one whose achieved request
//   throughput falls more than kRateMissPct percent below its target rate.
// Points without a summary or a successful request are skipped. goodputPeakIndex is set whenever goodput was
// measured, whether or not a knee was found.
namespace Saturation {
inline constexpr double kFlatThroughputPct = 10.0;
inline constexpr double kLatencyJumpPct = 50.0;
inline constexpr double kRateMissPct = 10.0;
}

SaturationPoint findSaturation(const QList<PointResult>& points);
// --num-runs: the points are each sweep point numRuns times in a row (RunConfig::runPoints). The rule runs on the
// means of the repetitions (request throughput, p50 latency, goodput), then on each repetition alone: `agreeing` of
// `repetitions` found the same knee, and the knee's request throughput carries its t-interval at `confidence`.
// With numRuns 1 this is findSaturation(points).
SaturationPoint findSaturation(const QList<PointResult>& points, int numRuns, double confidence);
// The same over a stored or live run, with --num-runs and --confidence-level from its configuration (the GUI's results
// page and the exports call this on RunData).
SaturationPoint findSaturation(const RunData& run);

} // namespace tl
