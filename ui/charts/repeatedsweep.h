#pragma once

#include "charts/xychartview.h"
#include "model/pointresult.h"
#include "model/repeatstats.h"
#include "model/saturation.h"

#include <QCoreApplication>
#include <QList>

#include <functional>

namespace tl {

struct RunData;

// The results page's sweep charts over a run whose points were repeated (--num-runs > 1, docs/METRICS.md "Repeat
// runs"): each sweep point drawn once, at the mean of its repetitions, with the Student-t interval at the run's
// --confidence-level as an error bar; the saturation point found on the means (findSaturation with repetitions).
// Without repetitions (or without a stored run) it draws the points as they are, one line.
class RepeatedSweep final {
    Q_DECLARE_TR_FUNCTIONS(RepeatedSweep)

public:
    // `run` supplies --num-runs and --confidence-level (nullptr: no repetitions); `points` are the run's points as
    // shown (goodput what-if applied).
    RepeatedSweep(const RunData* run, QList<PointResult> points);

    bool isRepeated() const { return m_numRuns > 1; }
    int numRuns() const { return m_numRuns; }
    double confidence() const { return m_confidence; }
    const QList<RepeatGroup>& groups() const { return m_groups; }
    SaturationPoint saturation() const;

    // The metric against the load: `xs` holds the x of every point. Repeated: the means as a line with markers and
    // the intervals as error bars ("95% confidence interval"); else the points as one line with markers.
    QList<XYChartView::Series> series(
        const QString& name, const QList<double>& xs, const std::function<double(const PointResult&)>& value) const;
    // Where point `index` is drawn by series(): its own value, or the mean of the repetitions it belongs to.
    QPointF position(int index, const QList<double>& xs, const std::function<double(const PointResult&)>& value) const;
    // The points drawn once per sweep point: the first of each sweep point's repetitions (every point without).
    QList<int> drawnIndices() const;
    // Where the sweep point holding point `index` is in drawnIndices(); -1 when none holds it.
    int drawnIndexOf(int index) const;
    // The mean and interval of the repetitions of the sweep point holding point `index` (n = 1 without repetitions).
    RepeatStats statsAt(int index, const std::function<double(const PointResult&)>& value) const;

private:
    QList<PointResult> m_points;
    int m_numRuns = 1;
    double m_confidence = 0.95;
    QList<RepeatGroup> m_groups;
};

} // namespace tl
