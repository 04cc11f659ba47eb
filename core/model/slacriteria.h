#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace tl {

// One condition of an --sla-params group (EvalScope's SLA auto-tune): "p99_latency": "<=2s". Times are held in
// seconds whatever unit the user wrote: a bare number is milliseconds for TTFT/TPOT and seconds for latency (what
// EvalScope compares against, whatever its docs' examples suggest), and an explicit "ms" or "s" removes the doubt.
struct SlaCriterion {
    enum class Op { Le, Lt, Ge, Gt, Max, Min };
    QString metric; // avg_latency, p99_latency, avg_ttft, p99_ttft, avg_tpot, p99_tpot, rps, tps, p50/p90_*
    Op op = Op::Le;
    double threshold = 0; // seconds for time metrics; req/s (rps) or output tok/s (tps); unused for max/min

    bool isOptimisation() const { return op == Op::Max || op == Op::Min; }
    bool isTime() const { return isTimeMetric(metric); }
    // Whether `value` (the metric's mean, in the same units as threshold) meets the condition.
    bool holds(double value) const;
    // "p99_latency <= 2 s", "avg_ttft < 500 ms", "tps max": times in s for latency and ms for TTFT/TPOT.
    QString toText() const;
    // The value in the unit toText() shows for this metric (ms for TTFT/TPOT, s for latency, as is otherwise).
    double displayValue(double canonical) const;
    QString displayUnit() const;

    static bool isTimeMetric(const QString& metric);
    static QStringList metricNames();
    friend bool operator==(const SlaCriterion&, const SlaCriterion&) = default;
};

// The conditions of one group all hold together (AND); each group is tuned on its own.
struct SlaGroup {
    QList<SlaCriterion> criteria;

    bool isOptimisation() const { return criteria.size() == 1 && criteria.first().isOptimisation(); }
    QString toText() const; // the criteria joined with " and "
    friend bool operator==(const SlaGroup&, const SlaGroup&) = default;
};

// Reads --sla-params: a JSON object (one group) or a list of them; each value "<op><number>[unit]" with op one of
// <= >= < > (also ≤ ≥ ≧) and unit ms or s for time metrics, or "max"/"min". An optimisation ("max"/"min") must be
// the only condition of the only group (EvalScope). On error returns nullopt and sets *error to one line.
std::optional<QList<SlaGroup>> parseSlaParams(const QByteArray& json, QString* error);

} // namespace tl
