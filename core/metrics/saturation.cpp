#include "metrics/saturation.h"

#include "metrics/metriccatalogue.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace tl {

namespace {

double growthPct(double from, double to)
{
    return from > 0 ? 100.0 * (to - from) / from : (to > 0 ? INFINITY : 0.0);
}

double p50Latency(const PointResult& p)
{
    return p.percentiles.value(MetricCatalogue::get(MetricId::Latency).keyString(), QStringLiteral("50%"));
}

bool usable(const PointResult& p)
{
    return p.hasSummary && p.summary.successRequests > 0;
}

// The order of offered load: closed-loop points (a synchronous anchor of --sweep auto included) by concurrency, then
// paced rate; open-loop points after them by rate, unpaced (every request at once) last. Stable, so a sweep given in
// increasing order keeps its order and repetitions stay together.
QList<int> loadOrder(const QList<PointResult>& points)
{
    QList<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&points](int i) {
        const RunPoint& p = points.at(i).point;
        const double rate = p.rate > 0 ? p.rate : INFINITY;
        return std::make_tuple(p.parallel < 0 ? 1 : 0, p.parallel < 0 ? 0 : p.parallel, rate);
    };
    std::stable_sort(order.begin(), order.end(), [&key](int a, int b) { return key(a) < key(b); });
    return order;
}

} // namespace

SaturationPoint findSaturation(const QList<PointResult>& points)
{
    SaturationPoint s;
    double bestGoodput = -1;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double g = points.at(i).extended.goodput.goodput;
        if (usable(points.at(i)) && std::isfinite(g) && g > bestGoodput) {
            bestGoodput = g;
            s.goodputPeakIndex = int(i);
        }
    }

    int previous = -1;
    for (const int i : loadOrder(points)) {
        const PointResult& p = points.at(i);
        if (!usable(p))
            continue;
        const double target = p.point.rate;
        if (p.point.parallel < 0 && target > 0) {
            // Open loop: did the server keep up with the arrivals asked for?
            const double achieved = p.summary.reqThroughput;
            if (achieved < target * (1.0 - Saturation::kRateMissPct / 100.0)) {
                s.rule = QStringLiteral("rate-missed");
                s.beyondIndex = int(i);
                s.index = previous;
                s.found = previous >= 0;
                s.throughputGrowthPct = growthPct(target, achieved);
                s.reason = QStringLiteral("at rate %1 req/s only %2 req/s were served (%3% of the target)")
                               .arg(target)
                               .arg(achieved, 0, 'f', 2)
                               .arg(100.0 * achieved / target, 0, 'f', 0);
                if (!s.found)
                    s.reason += QStringLiteral("; already at the lowest rate tested: the knee is below it");
                return s;
            }
        } else if (previous >= 0) {
            const PointResult& q = points.at(previous);
            const double tput = growthPct(q.summary.reqThroughput, p.summary.reqThroughput);
            const double latency = growthPct(p50Latency(q), p50Latency(p));
            if (tput < Saturation::kFlatThroughputPct && latency > Saturation::kLatencyJumpPct) {
                s.found = true;
                s.rule = QStringLiteral("throughput-flat");
                s.index = previous;
                s.beyondIndex = int(i);
                s.throughputGrowthPct = tput;
                s.latencyGrowthPct = latency;
                s.reason = QStringLiteral("from %1 to %2: request throughput %3%, p50 latency %4%")
                               .arg(q.point.name(), p.point.name())
                               .arg(tput >= 0 ? QStringLiteral("+%1").arg(tput, 0, 'f', 1)
                                              : QString::number(tput, 'f', 1))
                               .arg(QStringLiteral("+%1").arg(latency, 0, 'f', 1));
                return s;
            }
        }
        previous = int(i);
    }
    s.reason = previous < 0 ? QStringLiteral("no point with a successful request")
                            : QStringLiteral("no knee: throughput still grew (or latency held) up to the last point");
    return s;
}

SaturationPoint findSaturation(const RunData& run)
{
    return findSaturation(run.points);
}

} // namespace tl
