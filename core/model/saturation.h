#pragma once

#include <QString>

namespace tl {

// The knee of a sweep (docs/METRICS.md "Saturation point"): the last point before the server stopped turning more
// load into more throughput. A plain value: the GUI marks it on the throughput-latency curve, the CLI and the
// exports print it.
struct SaturationPoint {
    bool found = false;
    int index = -1; // the saturation point (the knee), an index into the points given; -1 when none
    int beyondIndex = -1; // the first point past it, where the rule fired
    QString rule; // "throughput-flat" (closed loop) or "rate-missed" (open loop); empty when none
    double throughputGrowthPct = 0; // request throughput, knee -> beyond
    double latencyGrowthPct = 0; // p50 latency, knee -> beyond
    int goodputPeakIndex = -1; // the point of highest goodput when the run had SLOs; -1 otherwise
    QString reason; // one line: what was seen, or why no knee was found
};

} // namespace tl
