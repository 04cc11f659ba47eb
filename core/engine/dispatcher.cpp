#include "engine/dispatcher.h"

#include <random>

namespace tl {

Dispatcher::Dispatcher(qint64 total, double rate, qint64 anchorNs, quint64 seed, Arrival arrival, double burstiness)
    : m_total(total)
{
    if (rate <= 0 || total <= 0)
        return;
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> exponential(rate);
    std::gamma_distribution<double> gamma(
        burstiness > 0 ? burstiness : 1.0, 1.0 / (rate * (burstiness > 0 ? burstiness : 1.0)));
    auto gap = [&]() -> double {
        switch (arrival) {
        case Arrival::Gamma:
            return gamma(rng);
        case Arrival::Constant:
            return 1.0 / rate;
        case Arrival::Poisson:
            break;
        }
        return exponential(rng);
    };
    std::vector<double> delays(static_cast<size_t>(total));
    double sum = 0;
    for (double& d : delays) {
        sum += gap();
        d = sum;
    }
    const double scale = (double(total) / rate) / sum;
    m_schedule.resize(delays.size());
    for (size_t i = 0; i < delays.size(); ++i)
        m_schedule[i] = anchorNs + qint64(delays[i] * scale * 1e9);
}

void Dispatcher::setSchedule(const std::vector<qint64>& offsetsNs, qint64 anchorNs, qint64 warmup)
{
    m_total = qint64(offsetsNs.size());
    m_warmup = warmup;
    m_schedule.resize(offsetsNs.size());
    for (size_t i = 0; i < offsetsNs.size(); ++i)
        m_schedule[i] = anchorNs + offsetsNs[i];
}

std::optional<Dispatcher::Claim> Dispatcher::claim()
{
    if (stopped())
        return std::nullopt;
    const qint64 seq = m_next.fetch_add(1, std::memory_order_relaxed);
    if (seq >= m_total)
        return std::nullopt;
    return Claim{seq, m_schedule.empty() ? 0 : m_schedule[static_cast<size_t>(seq)], seq < m_warmup};
}

std::optional<qint64> Dispatcher::claimConversation()
{
    if (!m_cursor || conversationsStopped())
        return std::nullopt;
    if (m_conversationBudget >= 0
        && m_conversationsClaimed.fetch_add(1, std::memory_order_relaxed) >= m_conversationBudget)
        return std::nullopt;
    return m_cursor->fetch_add(1, std::memory_order_relaxed);
}

} // namespace tl
