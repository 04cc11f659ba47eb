#include "metrics/autosweep.h"

#include "config/runconfig.h"

#include <algorithm>
#include <cmath>

namespace tl {

AutoSweep::AutoSweep(const RunConfig& config)
    : m_openLoop(config.openLoop)
    , m_maxParallel(config.parallel.isEmpty() ? 1 : std::max(1, config.parallel.first()))
    , m_number(config.number.isEmpty() ? 1 : std::max(1, config.number.first()))
    , m_points(std::max(3, config.autoSweepPoints))
{
}

QList<RunPoint> AutoSweep::anchors() const
{
    return {RunPoint{1, m_number, -1.0}, m_openLoop ? RunPoint{-1, m_number, -1.0} : RunPoint{m_maxParallel, m_number, -1.0}};
}

QList<RunPoint> AutoSweep::between(double syncThroughput, double maxThroughput) const
{
    QList<RunPoint> points;
    if (!(syncThroughput > 0) || !std::isfinite(maxThroughput) || !std::isfinite(syncThroughput))
        return points;
    const int steps = m_points - 1;
    for (int i = 1; i < steps; ++i) {
        const double rate = syncThroughput + (maxThroughput - syncThroughput) * i / steps;
        if (m_openLoop) {
            if (rate > 0)
                points.append(RunPoint{-1, m_number, std::round(rate * 1000.0) / 1000.0});
            continue;
        }
        const int parallel = std::clamp(int(std::lround(rate / syncThroughput)), 2, std::max(2, m_maxParallel - 1));
        if (parallel >= m_maxParallel)
            continue; // --parallel 2: no concurrency lies between the anchors
        if (std::none_of(points.cbegin(), points.cend(), [parallel](const RunPoint& p) { return p.parallel == parallel; }))
            points.append(RunPoint{parallel, m_number, -1.0});
    }
    return points;
}

QList<RunPoint> AutoSweep::between(const QList<PointResult>& anchorResults, int repeats) const
{
    repeats = std::max(1, repeats);
    auto mean = [&](int first) {
        double sum = 0;
        int n = 0;
        for (int i = first; i < std::min<int>(int(anchorResults.size()), first + repeats); ++i) {
            const PointResult& r = anchorResults.at(i);
            if (r.hasSummary && r.summary.successRequests > 0) {
                sum += r.summary.reqThroughput;
                ++n;
            }
        }
        return n ? sum / n : std::nan("");
    };
    return between(mean(0), mean(repeats));
}

} // namespace tl
