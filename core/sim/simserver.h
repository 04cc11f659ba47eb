#pragma once

#include "sim/simconfig.h"
#include "sim/simtrace.h"

#include <QObject>
#include <QUrl>

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

class QThread;

namespace tl {

class SimAcceptor;
class SimEngine;
class SimTraceFile;
class SimWorker;

// The emulated OpenAI-compatible model server (vLLM-style /v1/chat/completions, /v1/completions,
// /v1/models, /health, /metrics) with a continuous-batching serving model and fault injection (SimConfig,
// docs/SIM.md). Used in-process by the
// GUI demo, the CLI demo and the tests, and on its own as `throughline-sim`. One acceptor on the thread
// that calls start() hands connections round-robin to N worker threads that do all the HTTP work.
// start(), stop() and the destructor must be called on the same thread, whose event loop must run.
class SimServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    explicit SimServer(SimConfig config, QObject* parent = nullptr);
    ~SimServer() override; // stops and joins every thread

    // Returns once the server is listening on host:port; false with a message when it cannot (port in use,
    // bad host). Calling it while running does nothing and returns true.
    bool start(QString* error = nullptr);
    // Closes the listener and every connection (streams in flight are cut) and joins the worker threads.
    void stop();
    bool isRunning() const { return m_acceptor != nullptr; }

    quint16 port() const { return m_port; } // the actual port after start()
    QUrl baseUrl() const; // http://host:port
    // Complete HTTP responses written, errors included, over all threads (streams count when they end).
    quint64 requestsServed() const { return m_served.load(std::memory_order_relaxed); }
    const SimConfig& config() const { return m_config; }

    // Serving model, live: requests holding a sequence slot, and requests queued for one.
    int runningRequests() const;
    int waitingRequests() const;
    // Ground truth of every completion request that has ended (config.recordTrace or traceOut), in the order
    // they ended; kept after stop() until the next start().
    std::vector<SimTraceRecord> traceRecords() const;
    // CPU time used so far by the worker threads, summed (0 where unsupported); blocks until each answers.
    qint64 workerCpuNs() const;

private:
    void dispatch(qintptr descriptor);

    SimConfig m_config;
    std::unique_ptr<SimTraceFile> m_traceFile; // --trace-out, written as requests end
    std::unique_ptr<SimEngine> m_engine; // created by start(), kept after stop() for traceRecords()
    std::unique_ptr<SimAcceptor> m_acceptor;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<SimWorker*> m_workers; // each deleted when its thread finishes
    std::size_t m_nextWorker = 0;
    std::atomic<quint64> m_served{0};
    quint16 m_port = 0;
};

} // namespace tl
