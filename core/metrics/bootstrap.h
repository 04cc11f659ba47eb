#pragma once

#include <QList>
#include <QVector>

#include <limits>

namespace tl {

// The percentile bootstrap of a difference between two independent samples (candidate minus baseline), for means
// and EvalScope's nearest-rank percentiles. Deterministic: the same inputs and seed give the same interval on every
// machine (std::mt19937_64, whose sequence the standard fixes, for the cap and the seed of a written-out SplitMix64 for
// the resamples; no library distribution). Each resample costs O(n), not a sort: its indices are counted and read in
// ascending order.
namespace Bootstrap {

inline constexpr double kMean = -1.0; // a statistic: the mean; otherwise a percentile in [0, 100]

struct Options {
    double confidence = 0.95; // of the two-sided interval
    int resamples = 2000;
    // Each side is first reduced to this many values drawn without replacement (seeded), so that a point of a
    // million requests costs the same as one of a thousand (0 or less: no cap below 2^31).
    int maxSamples = 1000;
    quint64 seed = 0x5468726f756768ULL;
};

struct Interval {
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    bool isValid() const { return low == low && high == high; }
    bool contains(double v) const { return low <= v && v <= high; }
};

// The mean (kMean) or nearest-rank percentile `statistic` of ascending `sorted` values (NaN when empty).
double statistic(const QVector<double>& sorted, double statistic);

// One interval per entry of `statistics` for statistic(candidate) - statistic(baseline). Both sides are resampled
// once per round and every statistic is read from the same resample. Invalid intervals when a side is empty.
QList<Interval> differenceIntervals(const QVector<double>& baseline, const QVector<double>& candidate,
    const QList<double>& statistics, const Options& options = {});

} // namespace Bootstrap

} // namespace tl
