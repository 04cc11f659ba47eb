#include "metrics/saturation.h"

#include "config/runconfig.h"
#include "metrics/metriccatalogue.h"
#include "metrics/repeatstats.h"

#include <QMap>

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

namespace {

// A group's means as a point the rule can read: request throughput, p50 latency and goodput.
PointResult meanPoint(const RepeatGroup& g)
{
    const QString tputKey = MetricCatalogue::get(MetricId::ReqThroughput).keyString();
    const QString latencyKey = MetricCatalogue::get(MetricId::Latency).keyString();
    PointResult p;
    p.point = g.point;
    const RepeatStats tput = g.stats(tputKey);
    const RepeatStats success = g.stats(MetricCatalogue::get(MetricId::SuccessRequests).keyString());
    p.hasSummary = tput.n > 0;
    p.summary.reqThroughput = tput.mean;
    p.summary.successRequests = success.n > 0 && success.mean > 0 ? std::max(1, int(std::lround(success.mean))) : 0;
    p.summary.totalRequests = p.summary.successRequests;
    p.percentiles.metrics = {latencyKey};
    p.percentiles.labels = {QStringLiteral("50%")};
    p.percentiles.values = {{g.stats(latencyKey + QStringLiteral(" p50")).mean}};
    const RepeatStats goodput = g.stats(MetricCatalogue::get(MetricId::Goodput).keyString());
    if (goodput.n > 0) {
        p.extended.goodput.slo.ttftMs = 1; // any SLO: the rule only asks whether goodput was measured
        p.extended.goodput.goodput = goodput.mean;
    }
    return p;
}

QString pointName(const RunPoint& p)
{
    return p.name();
}

} // namespace

SaturationPoint findSaturation(const QList<PointResult>& points, int numRuns, double confidence)
{
    if (numRuns <= 1) {
        SaturationPoint s = findSaturation(points);
        if (s.found) {
            s.kneePoints = {s.index};
            s.beyondPoints = {s.beyondIndex};
        }
        return s;
    }
    const QList<RepeatGroup> groups = repeatGroups(points, numRuns, confidence);
    QList<PointResult> means;
    for (const RepeatGroup& g : groups)
        means.append(meanPoint(g));
    SaturationPoint s = findSaturation(means);
    const auto firstOf = [&groups](int group) { return group >= 0 ? groups.at(group).pointIndices.constFirst() : -1; };
    const int kneeGroup = s.index;
    if (s.found) {
        s.kneePoints = groups.at(s.index).pointIndices;
        s.beyondPoints = groups.at(s.beyondIndex).pointIndices;
    } else if (s.beyondIndex >= 0) {
        s.beyondPoints = groups.at(s.beyondIndex).pointIndices;
    }
    s.index = firstOf(s.index);
    s.beyondIndex = firstOf(s.beyondIndex);
    s.goodputPeakIndex = firstOf(s.goodputPeakIndex);
    s.confidence = confidence;
    s.repetitions = numRuns;

    // Each repetition alone: the k-th run of every sweep point.
    QMap<int, int> kneeCounts; // group -> repetitions finding it (-1: none)
    for (int k = 0; k < numRuns; ++k) {
        QList<PointResult> run;
        QList<int> groupOf;
        for (qsizetype gi = 0; gi < groups.size(); ++gi) {
            if (k < groups.at(gi).pointIndices.size()) {
                run.append(points.at(groups.at(gi).pointIndices.at(k)));
                groupOf.append(int(gi));
            }
        }
        const SaturationPoint r = findSaturation(run);
        const int group = r.found ? groupOf.at(r.index) : -1;
        s.repetitionKnees.append(firstOf(group));
        ++kneeCounts[group];
    }
    s.agreeing = kneeCounts.value(kneeGroup, 0);
    QStringList seen;
    for (auto it = kneeCounts.cbegin(); it != kneeCounts.cend(); ++it) {
        seen.append(QStringLiteral("%1 in %2")
                        .arg(it.key() >= 0 ? pointName(groups.at(it.key()).point) : QStringLiteral("none"))
                        .arg(it.value()));
    }
    if (s.found) {
        const RepeatStats tput = groups.at(kneeGroup).stats(MetricCatalogue::get(MetricId::ReqThroughput).keyString());
        s.kneeThroughput = tput.mean;
        s.kneeThroughputCiLow = tput.ciLow;
        s.kneeThroughputCiHigh = tput.ciHigh;
        s.uncertainty = QStringLiteral("the same knee in %1 of %2 repetitions").arg(s.agreeing).arg(numRuns);
        if (s.agreeing < numRuns)
            s.uncertainty += QStringLiteral(" (%1)").arg(seen.join(QStringLiteral(", ")));
        s.uncertainty += QStringLiteral("; request throughput there %1 req/s").arg(tput.mean, 0, 'f', 2);
        if (std::isfinite(tput.ciLow))
            s.uncertainty += QStringLiteral(", %1% CI [%2, %3]")
                                 .arg(confidence * 100.0, 0, 'g', 4)
                                 .arg(tput.ciLow, 0, 'f', 2)
                                 .arg(tput.ciHigh, 0, 'f', 2);
    } else {
        s.uncertainty = QStringLiteral("no knee in the means; per repetition: %1 of %2")
                            .arg(seen.join(QStringLiteral(", ")))
                            .arg(numRuns);
    }
    return s;
}

SaturationPoint findSaturation(const RunData& run)
{
    if (run.configJson.isEmpty())
        return findSaturation(run.points, 1, 0.95);
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(run.configJson, &errors);
    return findSaturation(run.points, config.numRuns, config.confidenceLevel);
}

} // namespace tl
