#pragma once

#include "model/runpoint.h"

#include <QList>
#include <QPair>
#include <QString>

#include <limits>

namespace tl {

// One metric over the repetitions of a point (--num-runs): mean, sample standard deviation, coefficient of
// variation and the two-sided Student-t confidence interval of the mean at `confidence`.
struct RepeatStats {
    int n = 0;
    double confidence = 0.95;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double sd = std::numeric_limits<double>::quiet_NaN(); // n - 1 in the denominator; NaN when n < 2
    double cv = std::numeric_limits<double>::quiet_NaN(); // sd / |mean|
    double ciLow = std::numeric_limits<double>::quiet_NaN();
    double ciHigh = std::numeric_limits<double>::quiet_NaN();

    double halfWidth() const { return (ciHigh - ciLow) / 2; }
};

// The repetitions of one point of the sweep: which points of the run they are, and each metric's statistics (by the
// metric's key in its file; percentile columns as "<column> p50" / "<column> p99").
struct RepeatGroup {
    RunPoint point;
    QList<int> pointIndices;
    QList<QPair<QString, RepeatStats>> metrics;

    RepeatStats stats(const QString& key) const
    {
        for (const auto& [k, s] : metrics) {
            if (k == key)
                return s;
        }
        return {};
    }
};

} // namespace tl
