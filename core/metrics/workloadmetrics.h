#pragma once

#include "model/requestrecord.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace tl {

// EvalScope's per-conversation metrics (§5.4, trace_summary.json) and workload throughput (§5.5,
// workload_throughput.json and workload_timeline.json) of one run point, folded from its records as they arrive
// (warmup and failed requests skipped). A request's cached prompt tokens are the server's
// usage.prompt_tokens_details.cached_tokens; without one, a turn of a conversation counts as cached the previous
// turn's prompt + completion (EvalScope's estimate, 0 on the first turn) and the summary says "estimated".
class WorkloadMetrics final {
public:
    struct Row {
        QString metric;
        double mean = 0, min = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, max = 0;
    };
    struct TraceSummary {
        qint64 traces = 0;
        QString cacheSource; // "server", "estimated", "mixed" or "none" (no turn had prompt tokens)
        QList<Row> rows; // metrics without a single trace value are left out
    };
    struct Throughput {
        QString metric;
        double overall = 0, lastWindow = 0, steadyState = 0;
    };
    struct Point {
        double t = 0; // s since the first fed request's send
        qint64 cumCompletion = 0;
        qint64 cumNewPrompt = 0;
        qint64 cumCachedPrompt = 0;
    };
    static constexpr double kLastWindowS = 30.0;
    static constexpr double kWarmupFrac = 0.2;

    // `wallStartMs`: the wall clock (ms since the epoch) of monotonic time `anchorNs`, to date the timeline.
    explicit WorkloadMetrics(qint64 anchorNs = 0, qint64 wallAtAnchorMs = 0);

    void add(const QList<RequestRecord>& records);
    void add(const RequestRecord& record);

    TraceSummary traceSummary() const;
    QList<Throughput> throughput() const;
    const std::vector<Point>& points() const { return m_points; }
    double wallTimeS() const { return m_points.empty() ? 0.0 : m_points.back().t; }
    bool hasConversations() const { return !m_traces.isEmpty(); }

    QByteArray traceSummaryJson() const;
    QByteArray throughputJson() const;
    QByteArray timelineJson() const;

    // numpy.percentile's default (linear interpolation) of sorted `v`, p in [0, 100].
    static double percentileLinear(const std::vector<double>& sorted, double p);

private:
    struct Turn {
        int index = 0;
        qint64 sentNs = 0, completedNs = 0;
        double ttftS = 0, latencyS = 0;
        qint64 prompt = 0, completion = 0, cached = 0;
        qint64 eligible = 0; // the previous turn's prompt + completion (0 on the first turn)
    };
    qint64 m_anchorNs = 0;
    qint64 m_wallAtAnchorMs = 0;
    qint64 m_wallStartNs = -1; // the first fed request's send (monotonic)
    std::vector<Point> m_points;
    QHash<qint64, QList<Turn>> m_traces; // by conversation id, in arrival order
    int m_serverCached = 0;
    int m_estimatedCached = 0;
};

} // namespace tl
