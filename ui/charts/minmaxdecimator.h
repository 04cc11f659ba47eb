#pragma once

#include <QList>
#include <QPointF>

namespace tl {

// Thins a line series for drawing: QXYSeries::replace() costs about a microsecond per point, so a plot gets at
// most two points (the minimum and the maximum, in x order) per pixel column and keeps every peak visible.
class MinMaxDecimator final {
public:
    // `points` sorted by x. Returned unchanged when it already has at most 2 * columns points.
    static QList<QPointF> decimate(const QList<QPointF>& points, int columns);
};

} // namespace tl
