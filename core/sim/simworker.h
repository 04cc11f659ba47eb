#pragma once

#include "sim/simconfig.h"
#include "sim/simdeadlinequeue.h"
#include "sim/simjob.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <unordered_map>

class QTimer;

namespace tl {

struct SimConnection;
struct SimHttpRequest;

// One event-loop thread of the emulated server: owns the sockets handed to it, parses their requests and
// writes every token at its absolute deadline (request received + ttft + (k-1)·itl on the monotonic
// clock) from a single precise timer armed to the earliest deadline of a min-heap. Lives on its own
// QThread, created without a parent and deleted when the thread finishes; call its functions only on
// that thread (SimServer invokes them queued).
class SimWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimWorker)

public:
    // `served` is SimServer's counter of completed responses; it outlives every worker.
    SimWorker(const SimConfig& config, std::atomic<quint64>* served, QObject* parent = nullptr);
    ~SimWorker() override;

    // Creates the timer on the worker thread; connected to QThread::started.
    void initialise();
    void addConnection(qintptr descriptor);
    // Closes every connection and drops every pending token, so the thread can quit with nothing in flight.
    void shutdown();

private:
    struct Stream {
        quint64 connectionId = 0;
        SimJob job;
        qint64 receivedNs = 0; // t0 of the deadlines
        int nextToken = 1;
        bool chunked = true;
    };

    SimConnection* connection(quint64 id) const;
    void readFromSocket(quint64 connectionId);
    void scheduleRemoval(quint64 connectionId);
    void removeConnection(quint64 connectionId);
    void processRequests(SimConnection& conn);
    void handleRequest(SimConnection& conn, const SimHttpRequest& request);
    bool authorised(const SimHttpRequest& request) const;
    void respond(SimConnection& conn, const QByteArray& bytes);
    void finishResponse(SimConnection& conn);
    void startJob(SimConnection& conn, SimJob job, qint64 receivedNs);
    void runDueEvents();
    void emitDue(quint64 streamId);
    void armTimer();
    qint64 tokenDeadline(const Stream& stream, int k) const;

    SimConfig m_config;
    QByteArray m_expectedAuthorization;
    qint64 m_ttftNs = 0;
    qint64 m_itlNs = 0;
    std::atomic<quint64>* m_served;
    QTimer* m_timer = nullptr;
    qint64 m_armedForNs = 0;
    SimDeadlineQueue m_queue;
    std::unordered_map<quint64, std::unique_ptr<SimConnection>> m_connections;
    std::unordered_map<quint64, Stream> m_streams;
    quint64 m_nextConnectionId = 1;
    quint64 m_nextStreamId = 1;
};

} // namespace tl
