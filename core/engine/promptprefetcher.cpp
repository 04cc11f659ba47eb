#include "engine/promptprefetcher.h"

#include <algorithm>

namespace tl {

int PromptPrefetcher::lookaheadFor(qint64 inFlight)
{
    return int(std::clamp<qint64>(2 * inFlight, kMinLookahead, kMaxLookahead));
}

PromptPrefetcher::PromptPrefetcher(Build build, Options options)
    : m_build(std::move(build))
    , m_options(std::move(options))
    , m_next(m_options.first)
    , m_highestTaken(m_options.first - 1)
{
    m_thread = std::thread([this] { produce(); });
}

PromptPrefetcher::~PromptPrefetcher()
{
    stop();
}

void PromptPrefetcher::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    const std::lock_guard join(m_joinMutex);
    if (m_thread.joinable())
        m_thread.join();
}

bool PromptPrefetcher::producerRunning() const
{
    const std::lock_guard lock(m_mutex);
    return !m_producerDone;
}

PromptPrefetcher::Stats PromptPrefetcher::stats() const
{
    const std::lock_guard lock(m_mutex);
    Stats s = m_stats;
    s.held = qint64(m_bodies.size());
    return s;
}

bool PromptPrefetcher::mayProduce() const
{
    const int lookahead = std::max(1, m_options.lookahead);
    return !m_stopping && m_failedFrom < 0 && m_next < m_options.first + m_options.count
        && m_next <= m_highestTaken + lookahead && qint64(m_bodies.size()) < lookahead
        && m_stats.heldBytes < m_options.maxBytes;
}

void PromptPrefetcher::produce()
{
    std::unique_lock lock(m_mutex);
    const qint64 end = m_options.first + m_options.count;
    for (;;) {
        // Sleeps while the look-ahead is full; wakes to build, or to leave for good (stop, failure, all built).
        m_wake.wait(lock, [&] { return m_stopping || m_failedFrom >= 0 || m_next >= end || mayProduce(); });
        if (!mayProduce())
            break;
        const qint64 seq = m_next++;
        m_building = seq;
        lock.unlock();
        PreparedRequest request = m_build(seq);
        lock.lock();
        m_building = -1;
        ++m_stats.built;
        const ConfigError error = request.error;
        const bool reportNow = request.failed() && noteFailure(seq, error);
        m_stats.heldBytes += request.body.size();
        m_bodies.emplace(seq, std::move(request));
        m_stats.peakHeld = std::max(m_stats.peakHeld, qint64(m_bodies.size()));
        m_stats.peakHeldBytes = std::max(m_stats.peakHeldBytes, m_stats.heldBytes);
        m_ready.notify_all();
        if (reportNow) {
            lock.unlock();
            report(error);
            lock.lock();
        }
    }
    m_producerDone = true;
    m_ready.notify_all();
}

PreparedRequest PromptPrefetcher::take(qint64 seq)
{
    std::unique_lock lock(m_mutex);
    if (seq > m_highestTaken) {
        m_highestTaken = seq;
        m_wake.notify_one(); // the look-ahead moved on: room to build more
    }
    for (;;) {
        if (const auto it = m_bodies.find(seq); it != m_bodies.end()) {
            PreparedRequest request = std::move(it->second);
            m_bodies.erase(it);
            m_stats.heldBytes -= request.body.size();
            ++m_stats.hits;
            m_wake.notify_one();
            return request;
        }
        if (m_failedFrom >= 0 && seq >= m_failedFrom)
            return PreparedRequest{QByteArray(), -1, m_failure};
        if (m_building != seq)
            break;
        m_ready.wait(lock); // the producer is building this one: it is done sooner than a second build
    }
    // A miss: the producer has not got there (or was stopped). Build it here; the producer skips past it.
    ++m_stats.misses;
    m_next = std::max(m_next, seq + 1);
    lock.unlock();
    PreparedRequest request = m_build(seq);
    if (request.failed()) {
        lock.lock();
        const bool reportNow = noteFailure(seq, request.error);
        lock.unlock();
        if (reportNow)
            report(request.error);
    }
    return request;
}

bool PromptPrefetcher::noteFailure(qint64 seq, const ConfigError& error)
{
    if (m_failedFrom < 0 || seq < m_failedFrom) {
        m_failedFrom = seq;
        m_failure = error;
    }
    m_wake.notify_all();
    m_ready.notify_all();
    if (m_failureReported)
        return false;
    m_failureReported = true;
    return true;
}

void PromptPrefetcher::report(const ConfigError& error) const
{
    if (m_options.onFailure)
        m_options.onFailure(error);
}

} // namespace tl
