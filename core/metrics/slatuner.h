#pragma once

#include "config/runconfig.h"
#include "model/pointresult.h"
#include "model/repeatstats.h"
#include "model/slacriteria.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QtNumeric>

#include <optional>

namespace tl {

// SLA auto-tune (EvalScope's --sla-auto-tune, docs/METRICS.md "SLA auto-tune"): which load to probe next and what the
// probes say. Pure logic: it runs nothing. The caller asks next(), runs that point, hands the result to addResult(),
// and asks again until next() says the search is over.
//
// Per criteria group: a constraint search (start at --parallel/--rate clamped to the bounds; double while it passes,
// else halve until it passes; then binary search the integers between the last pass and the first failure for the
// largest passing value) or, for one "max"/"min" metric, an optimisation search (double while the metric improves,
// then binary search between the last improving value and the first that did not). A value is probed --sla-num-runs
// times and judged on the means; any failed request fails it. Where a criterion's t-interval over the repetitions
// straddles its threshold, the value is probed again, up to twice --sla-num-runs times, and then judged on the mean
// and marked unsure.
class SlaTuner final {
public:
    struct Settings {
        QString variable = QStringLiteral("parallel"); // parallel | rate
        QList<SlaGroup> groups;
        int lower = 1;
        int upper = 65536;
        int start = 1; // clamped to [lower, upper]
        int numRuns = 3;
        double confidence = 0.95;
        int fixedParallel = 65536; // rate mode: the concurrency cap of each probe
        double multiplier = 2.0; // requests per probe = max(1, round(value x multiplier))
    };
    // The tuner's settings from a run's --sla-* flags; nullopt with a one-line error naming the flag when they do not
    // make a search (RunConfig::validate() reports the same).
    static std::optional<Settings> settingsFor(const RunConfig& config, QString* error = nullptr);

    // One criterion of one group at one value: its metric over the repetitions and whether it holds.
    struct CriterionStat {
        SlaCriterion criterion;
        RepeatStats stats; // in the criterion's canonical unit (s for times)
        bool holds = false;
        bool straddles = false; // the interval contains the threshold: the repetitions do not settle it
        // "p99_ttft 212.4 [198.1, 226.7] ms ~" (4 decimals, the criterion's display unit; ~ = straddles); the CLI's
        // probe table and the HTML report print it.
        QString text() const;
    };
    enum class Verdict { Pending, Pass, Fail };
    // What the repetitions of one value say for one group.
    struct GroupVerdict {
        Verdict verdict = Verdict::Pending;
        bool sure = true; // false: judged on the mean after the most repetitions, an interval still straddling
        bool requestsFailed = false; // some request failed: a fail whatever the metrics say
        QList<CriterionStat> criteria;
        QString criteriaText() const; // every criterion's text(), joined by "; "
        QString verdictText() const; // "pass", "FAIL (requests failed)", "pass (unsure)", "pending"
    };
    // Every value probed, in the order first probed.
    struct ValueOutcome {
        int value = 0;
        int runs = 0;
        double successPct = 0; // mean over the runs
        QList<GroupVerdict> groups; // one per criteria group
    };
    // The answer for one group.
    struct GroupOutcome {
        SlaGroup group;
        bool finished = false;
        std::optional<int> value; // largest passing value, or the best one for max/min; none when lower failed
        double metric = qQNaN(); // max/min: the best value's mean metric
        bool failedAtLower = false;
        bool reachedUpper = false;
        // The values that decided the answer (the answer and its failing neighbour) were all judged with intervals
        // clear of the thresholds.
        bool sure = true;
        QList<int> unsureValues; // probed values judged on the mean with a straddling interval
        QList<int> path; // values in the order the search looked at them
        QString text() const; // "parallel 4 (sure)", "None (failed at lower bound 1)", ...
    };
    struct Probe {
        QString variable;
        int value = 0;
        int repetition = 0; // 0-based
        RunPoint point;
        SlaProbe tag() const;
    };

    explicit SlaTuner(Settings settings);

    const Settings& settings() const { return m_settings; }
    // The point to run next; nullopt once every group's search is over.
    std::optional<Probe> next() const;
    // The measured result of a probe of `value` (its next repetition).
    void addResult(int value, const PointResult& result);
    bool isFinished() const { return !next().has_value(); }
    int pointsRun() const { return m_pointsRun; }

    RunPoint pointFor(int value) const;
    QList<ValueOutcome> values() const;
    QList<GroupOutcome> outcomes() const;
    // The repetitions of `value` averaged element-wise (EvalScope's sla_summary.json; integer fields rounded).
    Summary averagedSummary(int value) const;
    PercentileTable averagedPercentiles(int value) const;
    QList<int> probedValues() const { return m_order; }
    // Each run's value of `metric` at `value`, in the metric's canonical unit (the chart's individual runs).
    QVector<double> samples(int value, const QString& metric) const;

    // A stored or finished run replayed: its points tagged with slaProbe fed in order. nullopt when the run's config
    // is not an SLA auto-tune.
    static std::optional<SlaTuner> replay(const RunConfig& config, const QList<PointResult>& points);
    // A criterion's metric of one run point, in the criterion's canonical unit (NaN when it has no sample).
    static double metricOf(const QString& metric, const PointResult& result);

private:
    struct Run {
        bool allSucceeded = false;
        double successPct = 0;
        Summary summary;
        PercentileTable percentiles;
    };
    GroupVerdict judge(const SlaGroup& group, int value) const;
    GroupOutcome search(const SlaGroup& group, std::optional<int>* need) const;
    GroupOutcome searchConstraint(const SlaGroup& group, std::optional<int>* need) const;
    GroupOutcome searchOptimum(const SlaGroup& group, std::optional<int>* need) const;

    Settings m_settings;
    QMap<int, QList<Run>> m_runs;
    QList<int> m_order;
    int m_pointsRun = 0;
};

} // namespace tl
