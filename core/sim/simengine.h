#pragma once

#include "sim/simconfig.h"
#include "sim/simtrace.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace tl {

class SimTraceFile;

class SimWorker;

// The serving model shared by every worker thread of one SimServer: the sequence slots and their FIFO
// queue, the serial prefill, the prefix cache, the seeded per-request draws, the /metrics counters and the
// ground-truth trace. Workers consult it once per request (a short mutex section) and, in the batched
// timing model, once per token (one atomic load of the running count), so it costs almost nothing per
// event. Thread-safe; owned by SimServer, outlives its workers.
class SimEngine final {
public:
    explicit SimEngine(const SimConfig& config);
    ~SimEngine();
    SimEngine(const SimEngine&) = delete;
    SimEngine& operator=(const SimEngine&) = delete;

    // Per-request draws: completion requests are numbered from 1 in the order they are parsed; every draw is
    // a pure function of (seed, number), so one client sending requests one after another sees the same
    // lengths and faults on every run.
    quint64 nextRequestNumber() { return m_requestNumber.fetch_add(1, std::memory_order_relaxed) + 1; }
    quint64 requestSeed(quint64 number) const;
    int sampleNaturalLength(quint64 requestSeed) const;
    SimFaultKind pickFault(quint64 number, quint64 requestSeed) const;

    // Slots. tryAcquire() takes a free slot (true) or queues the stream (false); a queued stream is later
    // admitted through a queued call of worker->admitWaiting(streamId) on the worker's thread, which
    // then owns the slot. release() frees a slot or hands it to the head of the queue.
    bool tryAcquire(SimWorker* worker, quint64 streamId);
    void release();
    bool cancelWaiting(SimWorker* worker, quint64 streamId); // true when it was still queued
    int running() const { return m_running.load(std::memory_order_relaxed); }
    int waiting() const;

    // Prefills run one at a time, as an engine's prefill steps do: returns when a prefill of `tokens`
    // admitted at `startNs` ends (startNs when prefill is free).
    qint64 schedulePrefill(qint64 startNs, int tokens);
    // Leading prompt blocks already seen; every block of the prompt is remembered for later requests.
    int matchPrefix(const std::vector<quint64>& blockHashes);
    // Remembers blocks without matching them (a reply's blocks: its KV is cached once computed).
    void rememberPrefix(const std::vector<quint64>& blockHashes);
    // Duration of one decode step at the present batch size (batched timing model).
    qint64 decodeStepNs() const;

    // Counters for GET /metrics.
    void countResponse(int status);
    void addPromptTokens(qint64 n) { m_promptTokens.fetch_add(n, std::memory_order_relaxed); }
    void addGenerationTokens(qint64 n) { m_generationTokens.fetch_add(n, std::memory_order_relaxed); }
    QByteArray metricsText() const;

    bool tracing() const { return m_tracing; }
    void addTrace(SimTraceRecord record);
    // The records kept in memory (config.recordTrace), in the order the requests ended.
    std::vector<SimTraceRecord> traces() const;
    // --trace-out: from now on every record is also written to `file` as it comes (null: none).
    void setTraceFile(SimTraceFile* file) { m_traceFile = file; }

private:
    struct Waiter {
        SimWorker* worker = nullptr;
        quint64 streamId = 0;
    };

    const SimConfig m_config;
    const bool m_tracing;
    std::atomic<quint64> m_requestNumber{0};
    std::atomic<int> m_running{0}; // written under m_mutex, read without it
    std::atomic<qint64> m_promptTokens{0};
    std::atomic<qint64> m_generationTokens{0};

    mutable std::mutex m_mutex;
    std::deque<Waiter> m_waiting;
    qint64 m_prefillBusyUntilNs = 0;
    std::unordered_set<quint64> m_prefixBlocks;
    std::map<int, quint64> m_responsesByStatus;

    SimTraceFile* m_traceFile = nullptr; // set before the workers start, outlives them
    mutable std::mutex m_traceMutex;
    std::vector<SimTraceRecord> m_traces;
};

} // namespace tl
