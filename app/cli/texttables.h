#pragma once

#include "engine/runsnapshot.h"
#include "model/repeatstats.h"

namespace tl {
class SlaTuner;
}

#include <QList>
#include <QString>
#include <QStringList>

namespace tl {

// Plain-text tables for the terminal, in the layout of EvalScope perf's console output.
namespace TextTables {

QString table(const QString& title, const QStringList& header, const QList<QStringList>& rows);
QString pointSummary(const PointResult& result);
QString pointPercentiles(const PointResult& result);
// Throughline's metrics beyond EvalScope's: load actually applied, latency variants, stream shape.
QString pointExtended(const PointResult& result);
// The saturation point under the table; with numRuns > 1 the points are each sweep point numRuns times in a row, and
// the knee comes with its agreement over the repetitions and the interval of its throughput.
QString overview(const QList<PointResult>& results, int numRuns = 1, double confidence = 0.95);
QString perRequest(const QList<PointResult>& results);
// Goodput and SLO attainment of each point (the SLOs of the first point in the title).
QString goodput(const QList<PointResult>& results);
// --num-runs: each sweep point's key metrics over its repetitions (mean, sd, CV, confidence interval).
QString repeats(const QList<RepeatGroup>& groups);
// --sla-auto-tune: every probed value with each criterion's mean and interval and its verdict per group.
QString slaProbes(const SlaTuner& tuner);
// --sla-auto-tune: the answer per criteria group (EvalScope's SLA summary grid, with how sure each answer is).
QString slaSummary(const SlaTuner& tuner);

} // namespace TextTables

} // namespace tl
