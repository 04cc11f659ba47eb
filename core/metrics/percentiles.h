#pragma once

#include <QList>
#include <QString>
#include <QVector>

namespace tl {

// EvalScope's percentile rule (§5.3): sort ascending; p < 100 -> data[floor(n*p/100)], p = 100 -> the last;
// no interpolation; an empty set gives NaN.
double nearestRankPercentile(const QVector<double>& sortedValues, double p);

// The points EvalScope reports, in its labels: min, 1%, 5%, 10%, 25%, 50%, 75%, 90%, 95%, 99%, max.
struct PercentilePoint {
    const char* label;
    double p;
};
const QList<PercentilePoint>& evalscopePercentilePoints();

} // namespace tl
