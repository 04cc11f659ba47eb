#include "metrics/bootstrap.h"

#include "metrics/percentiles.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace tl::Bootstrap {

namespace {

// At most `max` of `values`, drawn without replacement (a partial Fisher-Yates shuffle).
QVector<double> capped(QVector<double> values, int max, std::mt19937_64& rng)
{
    if (max <= 0 || values.size() <= max)
        return values;
    for (qsizetype i = 0; i < max; ++i) {
        const auto j = qsizetype(i + qsizetype(rng() % quint64(values.size() - i)));
        std::swap(values[i], values[j]);
    }
    values.resize(max);
    return values;
}

// A resample of `from` (n values) into `into` (n slots), sorted. Raw pointers: this loop is the whole cost of a
// comparison (rounds x samples), and debug builds check every QVector index.
void resample(const double* from, double* into, quint64 n, std::mt19937_64& rng)
{
    for (quint64 i = 0; i < n; ++i)
        into[i] = from[rng() % n]; // modulo bias below 1e-15 for n <= 2^14
    std::sort(into, into + n);
}

// The mean or nearest-rank percentile of n sorted values (the rule of nearestRankPercentile).
double sortedStatistic(const double* sorted, quint64 n, double statistic)
{
    if (statistic == kMean) {
        double sum = 0;
        for (quint64 i = 0; i < n; ++i)
            sum += sorted[i];
        return sum / double(n);
    }
    if (statistic >= 100.0)
        return sorted[n - 1];
    return sorted[std::min<quint64>(n - 1, quint64(std::floor(double(n) * statistic / 100.0)))];
}

} // namespace

double statistic(const QVector<double>& sorted, double statistic)
{
    if (sorted.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    if (statistic != kMean)
        return nearestRankPercentile(sorted, statistic);
    double sum = 0;
    for (double v : sorted)
        sum += v;
    return sum / double(sorted.size());
}

QList<Interval> differenceIntervals(const QVector<double>& baseline, const QVector<double>& candidate,
    const QList<double>& statistics, const Options& options)
{
    QList<Interval> out(statistics.size());
    if (baseline.isEmpty() || candidate.isEmpty() || options.resamples < 2)
        return out;
    std::mt19937_64 rng(options.seed);
    const QVector<double> b = capped(baseline, options.maxSamples, rng);
    const QVector<double> c = capped(candidate, options.maxSamples, rng);
    const std::vector<double> bv(b.cbegin(), b.cend());
    const std::vector<double> cv(c.cbegin(), c.cend());
    std::vector<double> rb(bv.size());
    std::vector<double> rc(cv.size());
    std::vector<std::vector<double>> diffs(size_t(statistics.size()));
    for (auto& d : diffs)
        d.reserve(size_t(options.resamples));
    for (int round = 0; round < options.resamples; ++round) {
        resample(bv.data(), rb.data(), bv.size(), rng);
        resample(cv.data(), rc.data(), cv.size(), rng);
        for (qsizetype s = 0; s < statistics.size(); ++s) {
            const double stat = statistics.at(s);
            diffs[size_t(s)].push_back(
                sortedStatistic(rc.data(), rc.size(), stat) - sortedStatistic(rb.data(), rb.size(), stat));
        }
    }
    const double alpha = 1.0 - std::clamp(options.confidence, 0.5, 0.9999);
    const auto last = size_t(options.resamples - 1);
    const auto lowIndex = std::min(last, size_t(std::floor(alpha / 2 * options.resamples)));
    const auto highIndex = std::min(last, size_t(std::ceil((1 - alpha / 2) * options.resamples)) - 1);
    for (qsizetype s = 0; s < statistics.size(); ++s) {
        std::vector<double>& d = diffs[size_t(s)];
        std::sort(d.begin(), d.end());
        out[s] = Interval{d[lowIndex], d[highIndex]};
    }
    return out;
}

} // namespace tl::Bootstrap
