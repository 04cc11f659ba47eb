#pragma once

#include <QList>
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

    // --num-runs N > 1: the rule runs on the repetitions' means (index, beyondIndex: each group's first repetition),
    // and on each repetition alone for its spread.
    QList<int> kneePoints; // every repetition of the knee (just index without repetitions); empty when none
    QList<int> beyondPoints; // the same for the first point past it
    int repetitions = 0; // N when the rule ran per repetition, else 0
    int agreeing = 0; // repetitions whose own knee is the knee of the means
    QList<int> repetitionKnees; // per repetition: its knee (a group's first point index), -1 when it found none
    double kneeThroughput = 0; // request throughput at the knee: the mean over its repetitions
    double kneeThroughputCiLow = 0; // its t-interval (NaN with one repetition)
    double kneeThroughputCiHigh = 0;
    double confidence = 0.95;
    QString uncertainty; // one line: how the repetitions agree, and the knee throughput's interval; empty without
};

} // namespace tl
