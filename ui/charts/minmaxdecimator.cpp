#include "charts/minmaxdecimator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tl {

QList<QPointF> MinMaxDecimator::decimate(const QList<QPointF>& points, int columns)
{
    columns = std::max(columns, 1);
    if (points.size() <= 2 * qsizetype(columns))
        return points;
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (!(span > 0))
        return {points.first(), points.last()};

    QList<QPointF> out;
    out.reserve(2 * columns + 1);
    qsizetype i = 0;
    const qsizetype n = points.size();
    while (i < n) {
        const int column = std::min(columns - 1, int((points.at(i).x() - x0) / span * columns));
        qsizetype lo = i;
        qsizetype hi = i;
        qsizetype j = i + 1;
        for (; j < n && std::min(columns - 1, int((points.at(j).x() - x0) / span * columns)) == column; ++j) {
            if (points.at(j).y() < points.at(lo).y())
                lo = j;
            if (points.at(j).y() > points.at(hi).y())
                hi = j;
        }
        out.append(points.at(std::min(lo, hi)));
        if (lo != hi)
            out.append(points.at(std::max(lo, hi)));
        i = j;
    }
    return out;
}

QList<QPointF> MinMaxDecimator::cells(const QList<QPointF>& points, int columns, int rows)
{
    if (columns <= 0 || rows <= 0 || points.size() <= qsizetype(columns) * rows / 4)
        return points;
    double x0 = std::numeric_limits<double>::max();
    double x1 = std::numeric_limits<double>::lowest();
    double y0 = x0;
    double y1 = x1;
    for (const QPointF& p : points) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    QList<QPointF> out;
    if (x0 > x1)
        return out;
    const double sx = x1 > x0 ? (columns - 1e-9) / (x1 - x0) : 0.0;
    const double sy = y1 > y0 ? (rows - 1e-9) / (y1 - y0) : 0.0;
    std::vector<bool> taken(std::size_t(columns) * std::size_t(rows), false);
    for (const QPointF& p : points) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        const auto cx = std::size_t(std::clamp(int((p.x() - x0) * sx), 0, columns - 1));
        const auto cy = std::size_t(std::clamp(int((p.y() - y0) * sy), 0, rows - 1));
        const std::size_t cell = cy * std::size_t(columns) + cx;
        if (!taken[cell]) {
            taken[cell] = true;
            out.append(p);
        }
    }
    return out;
}

} // namespace tl
