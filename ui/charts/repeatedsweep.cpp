#include "charts/repeatedsweep.h"

#include "config/runconfig.h"
#include "metrics/repeatstats.h"
#include "metrics/saturation.h"
#include "model/rundata.h"

#include <cmath>

namespace tl {

RepeatedSweep::RepeatedSweep(const RunData* run, QList<PointResult> points)
    : m_points(std::move(points))
{
    if (run && !run->configJson.isEmpty()) {
        ConfigErrors errors;
        const RunConfig config = RunConfig::fromJson(run->configJson, &errors);
        m_numRuns = std::max(1, config.numRuns);
        m_confidence = config.confidenceLevel;
    }
    if (m_numRuns > 1)
        m_groups = repeatGroups(m_points, m_numRuns, m_confidence);
}

SaturationPoint RepeatedSweep::saturation() const
{
    return findSaturation(m_points, m_numRuns, m_confidence);
}

RepeatStats RepeatedSweep::statsAt(int index, const std::function<double(const PointResult&)>& value) const
{
    QVector<double> values;
    if (m_numRuns > 1) {
        for (const RepeatGroup& g : m_groups) {
            if (!g.pointIndices.contains(index))
                continue;
            for (int i : g.pointIndices) {
                if (m_points.at(i).hasSummary)
                    values.append(value(m_points.at(i)));
            }
        }
    } else if (index >= 0 && index < m_points.size()) {
        values.append(value(m_points.at(index)));
    }
    return repeatStats(values, m_confidence);
}

QList<int> RepeatedSweep::drawnIndices() const
{
    QList<int> out;
    if (m_numRuns <= 1) {
        for (int i = 0; i < m_points.size(); ++i)
            out.append(i);
        return out;
    }
    for (const RepeatGroup& g : m_groups) {
        if (!g.pointIndices.isEmpty())
            out.append(g.pointIndices.constFirst());
    }
    return out;
}

int RepeatedSweep::drawnIndexOf(int index) const
{
    if (m_numRuns <= 1)
        return index >= 0 && index < m_points.size() ? index : -1;
    for (int k = 0; k < m_groups.size(); ++k) {
        if (m_groups.at(k).pointIndices.contains(index))
            return k;
    }
    return -1;
}

QPointF RepeatedSweep::position(
    int index, const QList<double>& xs, const std::function<double(const PointResult&)>& value) const
{
    if (index < 0 || index >= xs.size())
        return {};
    return QPointF(xs.at(index), statsAt(index, value).mean);
}

QList<XYChartView::Series> RepeatedSweep::series(
    const QString& name, const QList<double>& xs, const std::function<double(const PointResult&)>& value) const
{
    QList<QPointF> line;
    if (m_numRuns <= 1) {
        for (int i = 0; i < m_points.size() && i < xs.size(); ++i)
            line.append(QPointF(xs.at(i), value(m_points.at(i))));
        return {XYChartView::Series{name, line, XYChartView::Kind::Line, 0, Qt::SolidLine, true}};
    }
    QList<QPointF> bars;
    for (const RepeatGroup& g : m_groups) {
        const int first = g.pointIndices.constFirst();
        if (first >= xs.size())
            continue;
        const RepeatStats s = statsAt(first, value);
        line.append(QPointF(xs.at(first), s.mean));
        if (std::isfinite(s.ciLow))
            bars << QPointF(xs.at(first), s.ciLow) << QPointF(xs.at(first), s.ciHigh);
    }
    QList<XYChartView::Series> out{XYChartView::Series{tr("%1 (mean of %n runs)", nullptr, m_numRuns).arg(name), line,
        XYChartView::Kind::Line, 0, Qt::SolidLine, true}};
    if (!bars.isEmpty())
        out.append(XYChartView::Series{
            tr("%1% confidence interval").arg(m_confidence * 100.0, 0, 'g', 4), bars, XYChartView::Kind::ErrorBars, 0});
    return out;
}

} // namespace tl
