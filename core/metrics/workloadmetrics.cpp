#include "metrics/workloadmetrics.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tl {

WorkloadMetrics::WorkloadMetrics(qint64 anchorNs, qint64 wallAtAnchorMs)
    : m_anchorNs(anchorNs)
    , m_wallAtAnchorMs(wallAtAnchorMs)
{
}

void WorkloadMetrics::add(const QList<RequestRecord>& records)
{
    for (const RequestRecord& r : records)
        add(r);
}

void WorkloadMetrics::add(const RequestRecord& r)
{
    if (r.warmup || !r.success)
        return;
    const qint64 prompt = std::max<qint64>(r.promptTokens, 0);
    const qint64 completion = std::max<qint64>(r.completionTokens, 0);
    qint64 cached = r.cachedTokens >= 0 ? r.cachedTokens : 0;
    if (r.conversationId >= 0) {
        QList<Turn>& turns = m_traces[r.conversationId];
        Turn t;
        t.index = r.turnIndex;
        t.sentNs = r.sentNs;
        t.completedNs = r.completedNs();
        t.ttftS = r.ttftS();
        t.latencyS = r.latencyS();
        t.prompt = prompt;
        t.completion = completion;
        t.eligible = turns.isEmpty() ? 0 : turns.constLast().prompt + turns.constLast().completion;
        if (r.cachedTokens >= 0) {
            ++m_serverCached;
        } else if (!turns.isEmpty()) { // EvalScope's estimate: the whole previous exchange is cached
            cached = t.eligible;
            ++m_estimatedCached;
        }
        t.cached = cached;
        turns.append(t);
    }
    // §5.5: every successful timed request with a completion time not before its start adds a cumulative point.
    const qint64 completedNs = r.completedNs();
    if (completedNs <= 0 || completedNs < r.sentNs)
        return;
    if (m_wallStartNs < 0)
        m_wallStartNs = r.sentNs;
    Point p = m_points.empty() ? Point{} : m_points.back();
    p.t = double(completedNs - m_wallStartNs) / 1e9;
    p.cumCompletion += completion;
    p.cumNewPrompt += std::max<qint64>(prompt - cached, 0);
    p.cumCachedPrompt += cached;
    m_points.push_back(p);
}

double WorkloadMetrics::percentileLinear(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0.0;
    const double rank = p / 100.0 * double(sorted.size() - 1);
    const auto lo = std::size_t(std::floor(rank));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - double(lo));
}

WorkloadMetrics::TraceSummary WorkloadMetrics::traceSummary() const
{
    TraceSummary out;
    out.traces = m_traces.size();
    out.cacheSource = m_serverCached > 0 && m_estimatedCached > 0 ? QStringLiteral("mixed")
        : m_estimatedCached > 0                                   ? QStringLiteral("estimated")
        : m_serverCached > 0                                      ? QStringLiteral("server")
                                                                  : QStringLiteral("none");
    std::vector<double> latency, firstTtft, laterTtft, ttfat, decode, hit, eligibleHit, turnCount;
    for (auto it = m_traces.cbegin(); it != m_traces.cend(); ++it) {
        const QList<Turn>& turns = it.value();
        if (turns.isEmpty())
            continue;
        const Turn& first = turns.constFirst();
        const Turn& last = turns.constLast();
        latency.push_back(double(last.completedNs - first.sentNs) / 1e9);
        firstTtft.push_back(first.ttftS);
        ttfat.push_back(double(last.sentNs - first.sentNs) / 1e9 + last.ttftS);
        turnCount.push_back(double(turns.size()));
        double later = 0, tps = 0;
        int laterN = 0, tpsN = 0;
        qint64 cached = 0, prompt = 0, eligibleCached = 0, eligible = 0;
        for (qsizetype i = 0; i < turns.size(); ++i) {
            const Turn& t = turns.at(i);
            if (i > 0) {
                later += t.ttftS;
                ++laterN;
            }
            if (t.completion > 1 && t.latencyS > t.ttftS) {
                tps += double(t.completion - 1) / (t.latencyS - t.ttftS);
                ++tpsN;
            }
            cached += t.cached;
            prompt += t.prompt;
            if (t.eligible > 0) {
                eligibleCached += t.cached;
                eligible += t.eligible;
            }
        }
        if (laterN > 0)
            laterTtft.push_back(later / laterN);
        if (tpsN > 0)
            decode.push_back(tps / tpsN);
        if (prompt > 0)
            hit.push_back(100.0 * double(cached) / double(prompt));
        if (eligible > 0)
            eligibleHit.push_back(100.0 * double(eligibleCached) / double(eligible));
    }
    const QString cacheSuffix = out.cacheSource == u"server" ? QString() : QStringLiteral(" (estimated)");
    auto row = [&out](const QString& name, std::vector<double> v) {
        if (v.empty())
            return;
        std::sort(v.begin(), v.end());
        Row r;
        r.metric = name;
        r.mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
        r.min = v.front();
        r.max = v.back();
        r.p50 = percentileLinear(v, 50);
        r.p90 = percentileLinear(v, 90);
        r.p95 = percentileLinear(v, 95);
        r.p99 = percentileLinear(v, 99);
        out.rows.append(r);
    };
    row(QStringLiteral("Latency (s)"), std::move(latency));
    row(QStringLiteral("First-Turn TTFT (s)"), std::move(firstTtft));
    row(QStringLiteral("Later-Turn TTFT (s)"), std::move(laterTtft));
    row(QStringLiteral("TTFAT (s)"), std::move(ttfat));
    row(QStringLiteral("Decode TPS"), std::move(decode));
    row(QStringLiteral("Cache Hit Rate (%)") + cacheSuffix, std::move(hit));
    row(QStringLiteral("Eligible Cache Hit Rate (%)") + cacheSuffix, std::move(eligibleHit));
    row(QStringLiteral("Turns"), std::move(turnCount));
    return out;
}

QList<WorkloadMetrics::Throughput> WorkloadMetrics::throughput() const
{
    const Point origin;
    const Point last = m_points.empty() ? origin : m_points.back();
    const double wall = last.t;
    // The latest point (in arrival order) at or before `t`; -1 (the origin) when there is none.
    auto anchorIndex = [this](double t) {
        qsizetype index = -1;
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            if (m_points[i].t <= t)
                index = qsizetype(i);
        }
        return index;
    };
    auto pointAt = [this, &origin](qsizetype i) { return i < 0 ? origin : m_points[std::size_t(i)]; };
    const Point lastWindow = wall <= kLastWindowS ? origin : pointAt(anchorIndex(wall - kLastWindowS));
    qsizetype steadyIndex = anchorIndex(kWarmupFrac * wall);
    if (steadyIndex == qsizetype(m_points.size()) - 1)
        steadyIndex = -1; // the anchor is the last point: use the whole run
    const Point steady = pointAt(steadyIndex);
    auto rate = [&last](const Point& a, qint64 Point::*field, qint64 Point::*second) {
        const double dt = last.t - a.t;
        if (dt <= 0)
            return 0.0;
        qint64 d = last.*field - a.*field;
        if (second)
            d += last.*second - a.*second;
        return double(d) / dt;
    };
    struct Spec {
        const char* name;
        qint64 Point::*field;
        qint64 Point::*second;
    };
    const Spec specs[] = {
        {"Total Prompt tok/s", &Point::cumNewPrompt, &Point::cumCachedPrompt},
        {"New Prompt tok/s", &Point::cumNewPrompt, nullptr},
        {"Cached Prompt tok/s", &Point::cumCachedPrompt, nullptr},
        {"Completion tok/s", &Point::cumCompletion, nullptr},
    };
    QList<Throughput> out;
    for (const Spec& s : specs) {
        out.append(Throughput{QString::fromLatin1(s.name), rate(origin, s.field, s.second),
            rate(lastWindow, s.field, s.second), rate(steady, s.field, s.second)});
    }
    return out;
}

QByteArray WorkloadMetrics::traceSummaryJson() const
{
    const TraceSummary s = traceSummary();
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const Row& r : s.rows) {
        rows.push_back({{"metric", jsonutil::toStd(r.metric)}, {"mean", r.mean}, {"min", r.min}, {"p50", r.p50},
            {"p90", r.p90}, {"p95", r.p95}, {"p99", r.p99}, {"max", r.max}});
    }
    nlohmann::ordered_json j
        = {{"n_traces", s.traces}, {"cache_source", jsonutil::toStd(s.cacheSource)}, {"rows", std::move(rows)}};
    return QByteArray::fromStdString(j.dump(2));
}

QByteArray WorkloadMetrics::throughputJson() const
{
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const Throughput& t : throughput()) {
        rows.push_back({{"metric", jsonutil::toStd(t.metric)}, {"overall", t.overall}, {"last_window", t.lastWindow},
            {"steady_state", t.steadyState}});
    }
    nlohmann::ordered_json j = {{"n_samples", qint64(m_points.size())}, {"wall_time_s", wallTimeS()},
        {"last_window_s", kLastWindowS}, {"warmup_frac", kWarmupFrac}, {"rows", std::move(rows)}};
    return QByteArray::fromStdString(j.dump(2));
}

QByteArray WorkloadMetrics::timelineJson() const
{
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (const Point& p : m_points) {
        points.push_back({{"t", p.t}, {"cum_completion", p.cumCompletion}, {"cum_new_prompt", p.cumNewPrompt},
            {"cum_cached_prompt", p.cumCachedPrompt}});
    }
    // EvalScope's wall_start is a Unix time in seconds: the first fed request's send on the wall clock.
    const double wallStart = m_wallStartNs < 0 || m_wallAtAnchorMs == 0
        ? 0.0
        : double(m_wallAtAnchorMs) / 1e3 + double(m_wallStartNs - m_anchorNs) / 1e9;
    nlohmann::ordered_json j = {{"wall_start", wallStart}, {"points", std::move(points)}};
    return QByteArray::fromStdString(j.dump(2));
}

} // namespace tl
