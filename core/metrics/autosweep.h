#pragma once

#include "model/pointresult.h"
#include "model/runpoint.h"

#include <QList>

namespace tl {

struct RunConfig;

// --sweep auto (docs/METRICS.md "Automatic sweep"): a GuideLLM-style search for users who do not know where the
// knee is. The run first measures two anchors, each --num-runs times:
// - the synchronous point: one request at a time (parallel 1, unpaced), whose request throughput is the rate a
//   server gives a lone client;
// - the maximum-throughput point: --parallel requests in flight (closed loop) or every request at once (open loop).
// Then --sweep-points minus 2 points spread evenly between the two measured throughputs: rate r_i =
// sync + (max - sync) * i / (K - 1), i = 1..K-2. Open loop runs those rates as arrival rates; closed loop runs the
// concurrency that would carry r_i at the synchronous latency (Little's law): round(r_i / sync), clamped to
// [2, --parallel - 1] and without duplicates, so the closed-loop points fall between 1 and the concurrency where
// the server stops scaling.
class AutoSweep {
public:
    AutoSweep(const RunConfig& config);

    // The anchors, in the order they run: synchronous, then maximum throughput.
    QList<RunPoint> anchors() const;
    // The points between, from the anchors' measured request throughputs (req/s; the mean of their repetitions).
    QList<RunPoint> between(double syncThroughput, double maxThroughput) const;
    // The same from the anchors' results: the first `repeats` results are the synchronous point's repetitions, the
    // next `repeats` the maximum's. Empty when either has no successful request (nothing to spread over).
    QList<RunPoint> between(const QList<PointResult>& anchorResults, int repeats) const;

    int pointCount() const { return m_points; }

private:
    bool m_openLoop = false;
    int m_maxParallel = 1;
    int m_number = 1;
    int m_points = 6;
};

} // namespace tl
