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
    // Thins a scatter: one point per cell of a columns x rows grid over the points' range (the first point that
    // falls in it), so a lone outlier always keeps its cell and drawing costs at most columns * rows points however
    // many requests a point had. Returned unchanged when it has at most columns * rows / 4 points.
    static QList<QPointF> cells(const QList<QPointF>& points, int columns, int rows);
};

} // namespace tl
