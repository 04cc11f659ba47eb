#include "charts/minmaxdecimator.h"

#include <algorithm>

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

} // namespace tl
