#include "metrics/goodput.h"

namespace tl {

GoodputResult computeGoodput(
    const std::vector<SloSample>& successes, int totalRequests, double durationS, const SloSpec& slo)
{
    GoodputResult g;
    g.slo = slo;
    g.totalRequests = totalRequests;
    if (slo.isEmpty())
        return g;
    int ttftOk = 0;
    int tpotOk = 0;
    int e2elOk = 0;
    for (const SloSample& s : successes) {
        const bool ttft = !slo.ttftMs || s.ttftS * 1e3 <= *slo.ttftMs;
        const bool tpot = !slo.tpotMs || s.tpotS * 1e3 <= *slo.tpotMs;
        const bool e2el = !slo.e2elMs || s.e2elS * 1e3 <= *slo.e2elMs;
        ttftOk += ttft;
        tpotOk += tpot;
        e2elOk += e2el;
        g.goodRequests += ttft && tpot && e2el;
    }
    g.goodput = durationS > 0 ? g.goodRequests / durationS : 0.0;
    if (totalRequests > 0) {
        const double pct = 100.0 / totalRequests;
        g.goodPct = g.goodRequests * pct;
        if (slo.ttftMs)
            g.ttftAttainmentPct = ttftOk * pct;
        if (slo.tpotMs)
            g.tpotAttainmentPct = tpotOk * pct;
        if (slo.e2elMs)
            g.e2elAttainmentPct = e2elOk * pct;
    }
    return g;
}

GoodputResult goodputFromRecords(const QList<RequestRecord>& records, double durationS, const SloSpec& slo)
{
    std::vector<SloSample> successes;
    int total = 0;
    for (const RequestRecord& r : records) {
        if (r.warmup)
            continue;
        ++total;
        if (r.success)
            successes.push_back({r.ttftS(), r.tpotS(), r.latencyS()});
    }
    return computeGoodput(successes, total, durationS, slo);
}

void applyGoodput(QList<PointResult>& points, const SloSpec& slo)
{
    for (PointResult& p : points) {
        if (p.records.isEmpty() || !p.hasSummary)
            continue;
        p.extended.goodput = goodputFromRecords(p.records, p.summary.testDurationS, slo);
    }
}

} // namespace tl
