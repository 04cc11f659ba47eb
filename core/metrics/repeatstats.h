#pragma once

#include "model/pointresult.h"
#include "model/repeatstats.h"
#include "model/rundata.h"

#include <QList>
#include <QVector>

namespace tl {

// The p quantile of Student's t distribution with `dof` degrees of freedom (dof >= 1, 0 < p < 1).
double studentTQuantile(double p, int dof);

// Mean, sd, CV and the t-interval of `values` at `confidence` (NaN where there are too few values).
RepeatStats repeatStats(const QVector<double>& values, double confidence);

// --num-runs: the points of a run are its sweep points each repeated numRuns times in a row (RunConfig::runPoints);
// one group per sweep point, with the statistics of every numeric summary and Throughline metric and of the p50 and
// p99 of TTFT and latency over the repetitions that have a summary.
QList<RepeatGroup> repeatGroups(const QList<PointResult>& points, int numRuns, double confidence);
// The same for a stored run, with --num-runs and --confidence-level from its configuration (1 and 0.95 when absent).
QList<RepeatGroup> repeatGroups(const RunData& run);

} // namespace tl
