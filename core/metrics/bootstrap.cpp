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

// The statistics of one resample of `sorted` (n ascending values): n indices drawn with replacement are counted
// (`counts`, n slots), then one walk in ascending order reads the mean and every nearest-rank percentile. The same as
// sorting the resampled values, bit for bit (the mean adds the same values in the same ascending order), in O(n)
// instead of O(n log n): the sort per resample was the largest cost of a comparison (rounds x samples x columns; a
// third of the CPU of comparing two 100,000-request runs in the profile, docs/PERFORMANCE.md). Raw pointers: debug
// builds check every container index. `ranks[s]` is statistic s's 0-based rank, or -1 for the mean;
// `order` visits the statistics by ascending rank.
void resampleStatistics(const double* sorted, quint32* counts, quint64 n, quint64& state, const qint64* ranks,
    const int* order, int statistics, double* out)
{
    std::fill(counts, counts + n, 0U);
    // SplitMix64 written out (mt19937_64's state refill was an eighth of a comparison's CPU in the profile), and an
    // index from the high 32 bits by multiply-shift, no division: bias below n / 2^32 (2e-7 at n = 1000), far under
    // the resampling's own noise.
    for (quint64 i = 0; i < n; ++i) {
        state += 0x9E3779B97F4A7C15ULL;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        ++counts[((z >> 32) * n) >> 32];
    }
    bool wantMean = false;
    int next = 0; // into order, skipping the mean
    while (next < statistics && ranks[order[next]] < 0) {
        wantMean = true;
        ++next;
    }
    double sum = 0;
    quint64 seen = 0; // resampled values at or below index i
    for (quint64 i = 0; i < n; ++i) {
        const quint32 c = counts[i];
        if (c == 0)
            continue;
        const double v = sorted[i];
        if (wantMean) {
            for (quint32 k = 0; k < c; ++k)
                sum += v;
        }
        seen += c;
        while (next < statistics && quint64(ranks[order[next]]) < seen)
            out[order[next++]] = v;
        if (!wantMean && next == statistics)
            break;
    }
    if (wantMean) {
        for (int s = 0; s < statistics; ++s) {
            if (ranks[s] < 0)
                out[s] = sum / double(n);
        }
    }
}

// The 0-based rank a statistic reads in n sorted values (the rule of nearestRankPercentile), -1 for the mean.
qint64 rankOf(double statistic, quint64 n)
{
    if (statistic == kMean)
        return -1;
    if (statistic >= 100.0)
        return qint64(n - 1);
    return qint64(std::min<quint64>(n - 1, quint64(std::floor(double(n) * statistic / 100.0))));
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
    const int cap = options.maxSamples > 0 ? options.maxSamples : std::numeric_limits<int>::max(); // n < 2^32
    const QVector<double> b = capped(baseline, cap, rng);
    const QVector<double> c = capped(candidate, cap, rng);
    std::vector<double> bv(b.cbegin(), b.cend());
    std::vector<double> cv(c.cbegin(), c.cend());
    std::sort(bv.begin(), bv.end());
    std::sort(cv.begin(), cv.end());
    const int count = int(statistics.size());
    const auto width = std::size_t(count);
    std::vector<qint64> bRanks(width);
    std::vector<qint64> cRanks(width);
    std::vector<int> order(width);
    for (int s = 0; s < count; ++s) {
        bRanks[size_t(s)] = rankOf(statistics.at(s), bv.size());
        cRanks[size_t(s)] = rankOf(statistics.at(s), cv.size());
        order[size_t(s)] = s;
    }
    // By statistic (the mean, -1, first): a rank grows with the statistic whatever n, so one order serves both sides.
    std::stable_sort(
        order.begin(), order.end(), [&statistics](int x, int y) { return statistics.at(x) < statistics.at(y); });
    std::vector<quint32> bCounts(bv.size());
    std::vector<quint32> cCounts(cv.size());
    std::vector<double> bStat(width);
    std::vector<double> cStat(width);
    std::vector<std::vector<double>> diffs(width);
    for (auto& d : diffs)
        d.reserve(size_t(options.resamples));
    quint64 state = rng(); // SplitMix64's, seeded from the seed's mt19937_64
    for (int round = 0; round < options.resamples; ++round) {
        resampleStatistics(bv.data(), bCounts.data(), bv.size(), state, bRanks.data(), order.data(), count, bStat.data());
        resampleStatistics(cv.data(), cCounts.data(), cv.size(), state, cRanks.data(), order.data(), count, cStat.data());
        for (int s = 0; s < count; ++s)
            diffs[size_t(s)].push_back(cStat[size_t(s)] - bStat[size_t(s)]);
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
