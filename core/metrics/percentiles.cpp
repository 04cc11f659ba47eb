#include "metrics/percentiles.h"

#include <cmath>
#include <limits>

namespace tl {

double nearestRankPercentile(const QVector<double>& sorted, double p)
{
    if (sorted.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    if (p >= 100.0)
        return sorted.constLast();
    const auto index = static_cast<qsizetype>(std::floor(double(sorted.size()) * p / 100.0));
    return sorted.at(std::clamp<qsizetype>(index, 0, sorted.size() - 1));
}

const QList<PercentilePoint>& evalscopePercentilePoints()
{
    static const QList<PercentilePoint> points = {
        {"min", 0},   {"1%", 1},    {"5%", 5},    {"10%", 10}, {"25%", 25},   {"50%", 50},
        {"75%", 75},  {"90%", 90},  {"95%", 95},  {"99%", 99}, {"max", 100},
    };
    return points;
}

} // namespace tl
