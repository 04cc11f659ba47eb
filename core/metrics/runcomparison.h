#pragma once

#include "config/parameterregistry.h"
#include "metrics/bootstrap.h"
#include "metrics/metriccatalogue.h"
#include "model/rundata.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace tl {

// What the per-request samples say about a metric's change (docs/METRICS.md, "Comparing runs").
enum class Verdict {
    Better, // the confidence interval of the difference excludes 0, on the metric's good side, and the change is at
            // least the minimum effect
    Worse, // the same on its bad side
    Different, // the same for a metric with no direction (output tokens...)
    Inconclusive, // too few samples, the interval contains 0, or the change is below the minimum effect
    NotApplicable, // one value per point (throughputs, counts, durations): nothing to resample
};
QString verdictName(Verdict v); // better, worse, different, inconclusive, n/a (JSON and CSV; not translated)

// The raw change of a value read by the metric's direction, before any statistics.
enum class Change { Same, Better, Worse, Unranked };

struct ComparisonOptions {
    Bootstrap::Options bootstrap;
    // A side with fewer samples (successful requests, or gaps for the ITL columns) is inconclusive.
    int minSamples = 20;
    // And a percentile p needs at least this many samples above it: n * (1 - p/100) >= minTail (p90: 50, p99: 500).
    int minTail = 5;
    // A significant change smaller than this share of the baseline's value is still inconclusive (%).
    double minEffectPercent = 5.0;
};

// One metric of one matched point.
struct MetricComparison {
    const MetricDef* metric = nullptr;
    QString label; // the percentile ("50%", "90%", "99%"); empty for a summary or extended value
    QString key; // stable id for scripts: the catalogue key in lower case, '_' for the rest, + "_p99" (ttft_ms_p99)
    QString name; // the catalogue name, + " p99"
    double baseline = std::numeric_limits<double>::quiet_NaN();
    double candidate = std::numeric_limits<double>::quiet_NaN();
    double delta = std::numeric_limits<double>::quiet_NaN(); // candidate - baseline
    double deltaPercent = std::numeric_limits<double>::quiet_NaN(); // of |baseline|; NaN when it is 0
    Change change = Change::Same;
    Verdict verdict = Verdict::NotApplicable;
    Bootstrap::Interval interval; // of candidate - baseline; invalid when not resampled
    qint64 baselineSamples = 0;
    qint64 candidateSamples = 0;
    QString reason; // why the verdict (one line, English; the GUI shows it as a tooltip)
};

// A baseline point and the candidate point of the same load.
struct PointComparison {
    QString load; // "parallel 4" or "rate 2.5"
    int baselineIndex = -1;
    int candidateIndex = -1;
    QList<MetricComparison> metrics;
};

class PointAccumulator;

// A point's per-request values that the verdicts resample, by column (int(MetricId)): what compare() takes from a
// point's records. Built from a stream of records (ProjectReader::forEachRequest into a PointAccumulator), it spares
// holding every record of a large run.
struct PointSamples {
    QHash<int, QVector<double>> columns;
};

// Two runs of a project compared point by point: every metric of the catalogue (text metrics aside) with its
// change and a bootstrap verdict from the stored requests, the configuration diff and why the workloads may not be
// comparable. A plain value, computed off the GUI thread (compare() is pure and takes ~0.2 s per point).
struct RunComparison {
    struct RunInfo {
        QString id;
        QString name;
        QString model;
        qint64 createdMs = 0;
    };
    RunInfo baseline;
    RunInfo candidate;
    ComparisonOptions options;
    QList<PointComparison> points;
    QStringList unmatchedBaseline; // loads only the baseline tested
    QStringList unmatchedCandidate;
    QList<ParameterRegistry::Difference> configDiff;
    QStringList notComparable; // one line per workload-defining parameter that differs (or a missing config)

    // Both runs must be loaded with their requests (ProjectReader::loadRun) for verdicts; without them every
    // sampled metric is inconclusive.
    static RunComparison compare(
        const RunData& baseline, const RunData& candidate, const ComparisonOptions& options = {});
    // The same with each point's samples read beforehand (`baselineSamples[i]` for baseline.points[i]); the runs'
    // records are not read.
    static RunComparison compare(const RunData& baseline, const QList<PointSamples>& baselineSamples,
        const RunData& candidate, const QList<PointSamples>& candidateSamples, const ComparisonOptions& options = {});
    // The samples compare() resamples, from a point's accumulator.
    static PointSamples samplesFrom(const PointAccumulator& acc);
    // One chosen point of each run, whatever their loads (parallel 4 against parallel 8, say): one PointComparison
    // whose load reads "parallel 4 vs parallel 8" when they differ. No point when an index is out of range.
    static RunComparison comparePoints(const RunData& baseline, int baselinePoint, const RunData& candidate,
        int candidatePoint, const ComparisonOptions& options = {});
    // The index of the point `spec` names in `run`: its number from 1 ("3"), "parallel=N" or "rate=R" (the first
    // such point when a load was tested again). -1 with a one-line message otherwise.
    static int findPoint(const RunData& run, const QString& spec, QString* error);

    // Every row key compare() produces, in its order (the catalogue's, percentile columns as p50, p90, p99).
    static QStringList metricKeys();
    // What `runs compare` gates on by default: avg_ttft_ms, ttft_ms_p99, avg_latency_s, latency_s_p99.
    static QStringList defaultGateKeys();
    // The rows of `keys` (all when empty) whose verdict is Worse, in any point.
    QList<const MetricComparison*> regressions(const QStringList& keys) const;

    // Machine-readable forms (`runs compare --format json|csv`); `keys` limits the metrics (all when empty).
    QByteArray toJson(const QStringList& keys = {}) const;
    QByteArray toCsv(const QStringList& keys = {}) const;

private:
    // Who, the configuration diff and the points matched by load, before any metric.
    static RunComparison compareLoads(
        const RunData& baseline, const RunData& candidate, const ComparisonOptions& options);
};

} // namespace tl
