#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace tl {

// Hands out request indices of one run point to the worker threads' slots (closed loop: a slot asks for the
// next request the moment its previous one finishes). With a rate, each index carries an absolute send time
// on the monotonic clock: Poisson arrivals, rescaled so the last one falls at number/rate seconds (EvalScope's
// schedule), which absorbs timer jitter instead of accumulating it. Lock-free and shared by every worker.
class Dispatcher final {
public:
    struct Claim {
        qint64 seq;
        qint64 scheduledNs; // 0 = as soon as possible
        bool warmup = false; // an explicit schedule's warmup request (workload_trace: inline on the timeline)
    };

    // How inter-arrival gaps are drawn when paced: exponential (Poisson arrivals), gamma with shape `burstiness`
    // and the same mean (vLLM's --burstiness: < 1 burstier, > 1 smoother; 1 is Poisson), or all equal.
    enum class Arrival { Poisson, Gamma, Constant };

    Dispatcher(qint64 total, double rate, qint64 anchorNs, quint64 seed, Arrival arrival = Arrival::Poisson,
        double burstiness = 1.0);

    // workload_trace: an explicit schedule instead of generated arrivals. Request i is due at anchorNs +
    // offsetsNs[i] (offsets from the first record, already scaled by the replay speed); the first `warmup` requests
    // are warmup, replayed on the same timeline. The total becomes offsetsNs.size(). Call before any claim().
    void setSchedule(const std::vector<qint64>& offsetsNs, qint64 anchorNs, qint64 warmup = 0);

    std::optional<Claim> claim();
    void requestStop() { m_stopped.store(true, std::memory_order_relaxed); }
    bool stopped() const { return m_stopped.load(std::memory_order_relaxed); }
    qint64 total() const { return m_total; }
    qint64 claimed() const { return std::min<qint64>(m_next.load(std::memory_order_relaxed), m_total); }

    // --multi-turn: request indices are turns; conversations are claimed from a cursor shared by the run's phases
    // and points (so warmup takes the first ones and no conversation is sent twice), at most `budget` in this
    // phase (-1: no limit). stopConversations() (--duration) ends the claims but not the turns of claimed ones.
    void setConversations(std::shared_ptr<std::atomic<qint64>> cursor, qint64 budget = -1)
    {
        m_cursor = std::move(cursor);
        m_conversationBudget = budget;
    }
    std::optional<qint64> claimConversation();
    void stopConversations() { m_conversationsStopped.store(true, std::memory_order_relaxed); }
    bool conversationsStopped() const { return m_conversationsStopped.load(std::memory_order_relaxed) || stopped(); }

private:
    qint64 m_total;
    std::vector<qint64> m_schedule; // absolute ns per index; empty = unpaced
    qint64 m_warmup = 0; // explicit schedule: indices below it are warmup
    std::atomic<qint64> m_next{0};
    std::atomic<bool> m_stopped{false};
    std::shared_ptr<std::atomic<qint64>> m_cursor;
    qint64 m_conversationBudget = -1;
    std::atomic<qint64> m_conversationsClaimed{0};
    std::atomic<bool> m_conversationsStopped{false};
};

} // namespace tl
