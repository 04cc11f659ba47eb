#include "metrics/liveseries.h"

#include <limits>
#include <numeric>

namespace tl {

LiveSeries::LiveSeries(qint64 startNs, double windowS)
    : m_startNs(startNs)
    , m_windowNs(qint64(windowS * 1e9))
{
}

void LiveSeries::addBatch(const WorkerBatch& batch)
{
    if (batch.contentEventsDelta > 0)
        m_events.emplace_back(batch.atNs, batch.contentEventsDelta);
    m_inFlight[batch.workerId] = batch.inFlight;
    for (const RequestRecord& r : batch.records) {
        if (r.warmup)
            continue;
        if (r.success) {
            ++m_completed;
            m_ttfts.emplace_back(r.completedNs(), r.ttftS() * 1000.0);
        } else {
            ++m_failed;
        }
    }
}

void LiveSeries::trim(qint64 nowNs)
{
    const qint64 from = nowNs - m_windowNs;
    while (!m_events.empty() && m_events.front().first < from)
        m_events.pop_front();
    while (!m_ttfts.empty() && m_ttfts.front().first < from)
        m_ttfts.pop_front();
}

int LiveSeries::inFlight() const
{
    return std::accumulate(m_inFlight.cbegin(), m_inFlight.cend(), 0);
}

LivePoint LiveSeries::sample(qint64 nowNs)
{
    trim(nowNs);
    LivePoint p;
    p.tS = double(nowNs - m_startNs) / 1e9;
    const double window = std::min(double(m_windowNs), double(std::max<qint64>(nowNs - m_startNs, 1))) / 1e9;
    qint64 events = 0;
    for (const auto& e : m_events)
        events += e.second;
    p.outputTokPerS = double(events) / window;
    if (m_ttfts.empty()) {
        p.ttftMs = std::numeric_limits<double>::quiet_NaN();
    } else {
        double sum = 0;
        for (const auto& t : m_ttfts)
            sum += t.second;
        p.ttftMs = sum / double(m_ttfts.size());
    }
    p.inFlight = inFlight();
    p.completed = m_completed;
    p.failed = m_failed;
    m_points.append(p);
    return p;
}

} // namespace tl
