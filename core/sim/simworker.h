#pragma once

#include "sim/simconfig.h"
#include "sim/simdeadlinequeue.h"
#include "sim/simjob.h"
#include "sim/simtrace.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <unordered_map>

namespace tl {

class DeadlineTimer;
class SimEngine;
class SocketPoller;
struct SimConnection;
struct SimHttpRequest;

// One event-loop thread of the emulated server: owns the sockets handed to it, parses their requests and
// writes every chunk at its planned time from a single precise timer armed to the earliest deadline of a
// min-heap. The serving model (slots, queue, prefill, decode step, draws) is the SimEngine shared by every
// worker of the server. Lives on its own QThread, created without a parent and deleted when the thread
// finishes; call its functions only on that thread (SimServer and SimEngine invoke them queued).
class SimWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimWorker)

public:
    // `served` is SimServer's counter of completed responses; it and `engine` outlive every worker.
    SimWorker(const SimConfig& config, SimEngine* engine, std::atomic<quint64>* served, QObject* parent = nullptr);
    ~SimWorker() override;

    // Creates the timer on the worker thread; connected to QThread::started.
    void initialise();
    void addConnection(qintptr descriptor);
    // Closes every connection and drops every pending token, so the thread can quit with nothing in flight.
    void shutdown();
    // A queued stream of this worker was given a sequence slot (SimEngine::release()).
    void admitWaiting(quint64 streamId);
    // Nanoseconds of CPU this thread has used (CLOCK_THREAD_CPUTIME_ID); for the benchmark.
    static qint64 threadCpuNs();

private:
    enum class Phase { SlowHeaders, Waiting, Running };

    struct Stream {
        quint64 connectionId = 0;
        SimJob job;
        Phase phase = Phase::Waiting;
        qint64 receivedNs = 0;
        qint64 prefillEndNs = 0; // admission + queued and own prefill
        qint64 lastPlannedNs = 0; // planned time of the last token planned so far
        qint64 shiftNs = 0; // added by a stall
        qint64 pendingPlannedNs = 0; // when the event in the heap is due
        int nextToken = 1; // first token of the pending event
        int pendingLast = 0; // last token of the pending event
        bool chunked = true;
        bool holdsSlot = false;
        SimFaultKind fault = SimFaultKind::None;
        int faultAt = 0; // token at which a mid-stream fault strikes
        bool faultDone = false;
        SimTraceRecord trace;
    };

    SimConnection* connection(quint64 id) const;
    void onReady(quint64 connectionId, bool readable, bool writable);
    void readFromSocket(SimConnection& conn);
    void flushPending(SimConnection& conn);
    // Marks a connection gone (peer closed, error, or closed by us) and queues its removal: it may be in
    // use further up the stack.
    void scheduleRemoval(SimConnection& conn);
    void removeConnection(quint64 connectionId);
    // FIN after the bytes still pending, as QAbstractSocket::disconnectFromHost() does.
    void closeAfterFlush(SimConnection& conn);
    void processRequests(SimConnection& conn);
    // `arrivalRealtimeNs`: the kernel's receive stamp of the request's first bytes (0: none; sim/simarrival.h).
    void handleRequest(SimConnection& conn, const SimHttpRequest& request, qint64 arrivalRealtimeNs);
    void handleCompletion(
        SimConnection& conn, SimJob::Kind kind, const SimHttpRequest& request, qint64 receivedNs, qint64 arrivedNs);
    bool authorised(const SimHttpRequest& request) const;
    void respond(SimConnection& conn, const QByteArray& bytes, int status);
    void finishResponse(SimConnection& conn, int status);
    void write(SimConnection& conn, const QByteArray& bytes);
    void resetConnection(SimConnection& conn);
    // Answers an error-status or reset fault (returns the status, 0 for a reset); -1: not such a fault.
    // Mid-stream faults shared by the streamed and whole answers: end the response early (after `lastBytes`, with
    // a FIN; or at once with a reset), or hold its next write back by the stall time (returned).
    void cutStream(quint64 streamId, SimConnection& conn, const QByteArray& lastBytes, bool reset);
    qint64 stallStream(quint64 streamId, Stream& stream);
    int answerEarlyFault(SimConnection& conn, SimFaultKind fault);
    void startJob(SimConnection& conn, SimJob job, qint64 receivedNs, qint64 arrivedNs, SimFaultKind fault);
    void writeStreamHead(SimConnection& conn, Stream& stream);
    void admit(quint64 streamId, Stream& stream, qint64 nowNs);
    void beginRunning(quint64 streamId, Stream& stream, qint64 nowNs);
    void scheduleNext(quint64 streamId, Stream& stream);
    void runDueEvents();
    void emitDue(quint64 streamId);
    void emitStreamChunk(quint64 streamId, Stream& stream, SimConnection& conn);
    void emitNonStream(quint64 streamId, Stream& stream, SimConnection& conn);
    // Ends a stream: frees or gives back its slot and records its trace; the connection is left as it is.
    void dropStream(quint64 streamId, int status);
    void completeStream(quint64 streamId, SimConnection& conn, const QByteArray& lastBytes);
    void armTimer();
    qint64 planToken(Stream& stream, int k);

    SimConfig m_config;
    SimEngine* m_engine;
    QByteArray m_expectedAuthorization;
    qint64 m_ttftNs = 0;
    qint64 m_itlNs = 0;
    qint64 m_slackNs = 0;
    qint64 m_lastWakeNs = 0;
    bool m_batched = false;
    std::atomic<quint64>* m_served;
    DeadlineTimer* m_timer = nullptr;
    SocketPoller* m_poller = nullptr;
    bool m_dispatching = false; // inside runDueEvents(): the timer is armed once at its end
    SimDeadlineQueue m_queue;
    std::unordered_map<quint64, std::unique_ptr<SimConnection>> m_connections;
    std::unordered_map<quint64, Stream> m_streams;
    quint64 m_nextConnectionId = 1;
    quint64 m_nextStreamId = 1;
};

} // namespace tl
