#pragma once

#include "net/transport.h"
#include "net/transporttarget.h"

#include <QObject>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace tl {

// The `qt` transport: QNetworkAccessManager, at most 6 requests per manager (Qt 6.4's fixed HTTP/1.1 connection
// limit per host, so no request ever queues inside Qt): slot k uses manager k / 6, created on first use. Handles
// HTTPS (system CAs, --insecure, --ca-cert), proxies from the environment and anything else Qt's HTTP stack does;
// each manager runs its HTTP on a thread of its own, and bytes reach the worker through a queued signal.
//
// Servers that close every kept-alive connection after its response (llama.cpp): Qt resends a request the server
// closed a reused connection under, and while that channel reconnects it counts the connection as one opening for
// any request queued meanwhile, which then waits in Qt's queue until some other reply ends (a whole request
// duration). The transport sees Qt's resend (requestSent() a second time), counts it (requestResent), sends every
// later request with `Connection: close` (one connection per request, as the server imposes anyway), and posts
// again each request Qt has not yet put on the wire, which no server has seen (docs/RELIABILITY.md).
//
// Servers that send faster than Qt's HTTP thread reads (an endless answer on loopback): that thread reads an answer
// still arriving in a loop which goes back to its event loop only when the socket is empty for a moment, so the
// abort of such a reply waits, and so does every request posted to its manager meanwhile (0.1-0.8 s on loopback,
// over 5 s under ASan on a loaded machine: the next request was never sent before its read timeout). A reply
// aborted while its answer was still arriving retires its manager: the slots' next requests go to a new one (a new
// HTTP thread). A retired manager is deleted once none of its replies is running (kMaxRetiredManagers wait at
// most; past that, managers are reused as before), and so is, when the transport ends, any manager that saw such an
// abort: on a thread of their own (reaper), since ~QNetworkAccessManager waits up to 5 s for its busy HTTP thread,
// which blocked the worker's end and RunController::stopWorkers() on the GUI thread with it.
class QnamTransport final : public QObject, public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamTransport)

public:
    QnamTransport(const TransportTarget& target, TransportListener& listener, QObject* parent);
    ~QnamTransport() override;

    static constexpr int kRequestsPerManager = 6;
    // Per reply: what Qt may hold until the worker reads it (once Qt's HTTP thread has it), and the size of the
    // pieces handed to the listener.
    static constexpr qint64 kReadBufferBytes = 256 * 1024;
    // Qt's resends (the server closed a reused connection under a request) before every later request carries
    // `Connection: close`: more than one, so that a single idle-timeout close does not cost a connection per request
    // for the rest of the run.
    static constexpr int kResendsBeforeClose = 2;
    // A request Qt has not put on the wire this long after post() is posted again (no server has seen it): at
    // least kMinUnsentWaitNs, and kUnsentWaitFactor times the usual post-to-sent time (a new connection's
    // handshake included) on this transport.
    static constexpr qint64 kMinUnsentWaitNs = 20'000'000;
    static constexpr qint64 kUnsentWaitFactor = 8;
    static constexpr int kMaxReposts = 3; // the wait doubles with each
    // An abort this soon after the reply's last bytes is taken for one whose answer is still arriving.
    static constexpr qint64 kArrivingWindowNs = 100'000'000;
    static constexpr int kMaxRetiredManagers = 8;

    void send(int slot, const QByteArray& body, const RequestHeaders& headers = {}) override;
    void abort(int slot) override;

    // After the server closed a reused connection under a request: every request carries `Connection: close`.
    bool closesEachConnection() const { return m_closeEach; }
    // Managers retired so far (a reply aborted while its answer was still arriving), and those retired but not yet
    // handed over for deletion (a reply of theirs still running).
    int managersRetired() const { return m_managersRetired; }
    int retiredManagersWaiting() const { return int(m_retired.size()); }

private:
    struct SlotState {
        QNetworkReply* reply = nullptr; // null when idle
        QByteArray body; // kept until the request is on the wire, to post it again
        RequestHeaders headers;
        int sends = 0; // requestSent() signals: more than one means Qt resent the request
        bool headDelivered = false;
        qint64 postedNs = 0;
        qint64 lastDataNs = 0; // when the last bytes of the answer were taken
        int reposts = 0; // of this request, by checkUnsent()
    };

    QNetworkAccessManager* managerFor(int slot);
    void post(int slot);
    void onRequestSent(int slot);
    void repostUnsent(int slot);
    qint64 unsentLimitNs() const;
    void armUnsentCheck();
    void checkUnsent();
    void deliverHead(int slot);
    void deliverData(int slot);
    void onFinished(int slot);
    void release(int slot);
    void retireManagerOf(QNetworkReply* reply, int slot);
    void deleteIdleRetiredLater();
    void deleteIdleRetired();

    TransportTarget m_target; // a copy: the transport may outlive the factory that made it
    TransportListener& m_listener;
    std::vector<QNetworkAccessManager*> m_managers; // null: retired, a new one on the next post
    std::vector<QNetworkAccessManager*> m_retired; // retired, a reply of theirs still running
    std::vector<QNetworkAccessManager*> m_flooded; // saw an abort while an answer was arriving (not retired: cap)
    int m_managersRetired = 0;
    bool m_deleteIdleRetiredQueued = false;
    std::vector<SlotState> m_slots;
    int m_resends = 0;
    qint64 m_sendNsAverage = 0; // post() to requestSent(), moving average
    QTimer* m_unsentTimer = nullptr;
    bool m_closeEach = false;
    bool m_noSentSignal = false;
};

} // namespace tl
