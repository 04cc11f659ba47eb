#pragma once

#include "api/sseparser.h"
#include "engine/dispatcher.h"
#include "engine/responselimits.h"
#include "model/requestrecord.h"
#include "net/transport.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

class QTimer;

namespace tl {

class DeadlineTimer;
class RequestFactory;
struct ParsedEvent;

struct WorkerOptions {
    int workerId = 0;
    int slotCount = 1; // requests this worker keeps in flight
    std::optional<double> connectTimeoutS; // until response headers
    std::optional<double> readTimeoutS; // longest gap between reads
    double totalTimeoutS = 21600.0;
    int flushIntervalMs = 50;
    qint64 seqOffset = 0; // added to the dispatcher's indices: the timed phase numbers on after the warmup
    bool warmup = false; // requests of the warmup phase: recorded, flagged, excluded from metrics
    // Open loop: send every request at its scheduled time whatever is in flight (slots grow on demand);
    // closed loop (default): `slotCount` fixed slots, each refilled when its request ends.
    bool openLoop = false;
    // Closed loop: new connections opened at the start of a phase, at most this many per second after a first
    // burst of rampBurst, so that a 1,000-stream start does not overflow the server's accept backlog and stall in
    // SYN retransmits. 0 = no limit.
    double connectRatePerS = 0;
    int rampBurst = 64; // connections opened at once before the rate applies
    bool retryStaleConnections = true; // resend once when a connection closes before a single response byte
    // --store-bodies: each record keeps the body it sent (RequestRecord::requestBody; shared, not copied).
    bool storeBodies = false;
    bool debug = false; // log bodies and events (truncated) to stderr: slows the worker, for diagnosis only
    QStringList secrets; // credentials of the run (RunConfig::secretValues): masked in error messages and logs
    Transport::Kind transport = Transport::Kind::Lean; // what carries the requests (RunController: --transport)
    ResponseLimits limits; // past them a request is aborted and recorded as response_too_large
    // --multi-turn (closed loop): each slot runs a conversation, its turns one after another; the dispatcher's
    // indices are turns and it hands out the conversations (Dispatcher::claimConversation).
    bool multiTurn = false;
    std::optional<int> maxTurns; // a conversation ends after this many turns
    double turnRate = -1; // > 0: before each turn the slot waits an Exponential(1/rate) delay (EvalScope)
    quint64 seed = 0; // the pacing draws
};

// One load-generating thread's work: `slots` closed-loop request slots (open loop: as many as arrivals need),
// carried by a Transport that lives on this thread (lean: a keep-alive connection per slot; qt: several
// QNetworkAccessManagers). Every timestamp is taken on this thread with the monotonic clock; finished requests
// leave in batches every ~50 ms. Created without a parent, moved to its thread, deleted on finished.
class Worker final : public QObject, private TransportListener {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(
        WorkerOptions options, std::shared_ptr<const RequestFactory> factory, std::shared_ptr<Dispatcher> dispatcher);
    ~Worker() override;

    static constexpr int kRampBurst = 64; // per run, shared by its workers
    // A paced request due within this much is sent at once: a timer's wake-up would overshoot it more.
    static constexpr qint64 kWaitSlackNs = 20000;

public Q_SLOTS:
    // Both run on the worker's thread (invoke them queued).
    void start();
    void abortAll(); // a second Stop: abort what is in flight; aborted requests are still reported
    // After the dispatcher was stopped (Stop, or --duration ran out): drop requests still waiting for their send
    // time, so the worker finishes as soon as what is in flight has.
    void stopDispatch();

Q_SIGNALS:
    void batchReady(tl::WorkerBatch batch);
    void finished(int workerId);

private:
    struct Active;
    struct ConversationState;
    struct Slot {
        std::unique_ptr<Active> active;
        std::unique_ptr<ConversationState> conversation; // --multi-turn: the conversation the slot runs
        Dispatcher::Claim claim{}; // while waiting: the request it waits to send
        bool waiting = false; // paced closed loop: waiting for its request's scheduled time
    };

    void fillSlot(int slot);
    void nextTurn(int slot); // --multi-turn: waits for, or sends, the slot's next turn (claiming conversations)
    void sendTurn(int slot);
    void endTurn(Slot& s, bool success, const QByteArray& reply); // the history grows, or the conversation ends
    void sendDue(); // paced closed loop: sends the waiting slots whose time has come
    void rampUp(); // closed loop: starts the slots not started yet, as --connect-rate allows
    void post(int slot); // sends (or resends) the slot's request body
    void pump(); // open loop: claims and sends arrivals as their times come
    int freeSlot(); // open loop: an idle slot, created when none is idle
    void send(int slot, Dispatcher::Claim claim);
    static bool staleConnection(const Active& a, TransportError error);
    // TransportListener
    void responseHead(int slot, int status, QByteArrayView reason, QByteArrayView contentType, qint64 nowNs) override;
    void responseData(int slot, QByteArrayView data, qint64 nowNs) override;
    void responseEnd(int slot, TransportError error, const QString& message, qint64 nowNs) override;
    void requestResent(int slot) override;
    void handleEvent(Active& a, const SseEvent& event, qint64 nowNs);
    static void recordTokenDelta(Active& a, const ParsedEvent& parsed); // before the event's time is appended
    // Ends the request now as `reason` (from inside a transport callback too): `a` is destroyed, the slot refilled;
    // the caller returns without touching `a` again.
    void abortNow(int slot, Active& a, ErrorClass reason, const QString& message = {});
    // The answer passed a limit: recorded as response_too_large.
    void tooLarge(int slot, Active& a, const QString& message)
    {
        abortNow(slot, a, ErrorClass::ResponseTooLarge, message);
    }
    void finishRecord(Active& a, TransportError error, const QString& message, qint64 nowNs);
    void checkTimeouts();
    void flush();
    void maybeFinish();

    WorkerOptions m_options;
    std::shared_ptr<const RequestFactory> m_factory;
    std::shared_ptr<Dispatcher> m_dispatcher;
    std::vector<Slot> m_slots;
    QList<RequestRecord> m_pending;
    QTimer* m_flushTimer = nullptr;
    QTimer* m_timeoutTimer = nullptr;
    DeadlineTimer* m_pumpTimer = nullptr; // open loop: the next arrival's time
    DeadlineTimer* m_waitTimer = nullptr; // paced closed loop: the earliest waiting slot's time
    // Waiting slots by scheduled time (earliest on top).
    std::priority_queue<std::pair<qint64, int>, std::vector<std::pair<qint64, int>>, std::greater<>> m_waiting;
    std::vector<int> m_freeSlots; // open loop: slots whose request ended
    QTimer* m_rampTimer = nullptr;
    int m_slotsStarted = 0; // closed loop: slots given their first request so far
    qint64 m_rampStartNs = 0;
    std::optional<Dispatcher::Claim> m_nextArrival; // open loop: claimed, waiting for its time
    bool m_pumpDone = true;
    std::unique_ptr<Transport> m_transport;
    qint64 m_contentEventsDelta = 0;
    int m_lastReportedInFlight = -1;
    bool m_aborting = false;
    bool m_finished = false;
    quint64 m_rngState = 0; // --multi-turn pacing draws (splitmix64)
};

} // namespace tl
