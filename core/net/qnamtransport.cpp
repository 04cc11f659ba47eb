#include "net/qnamtransport.h"

#include "net/transporttarget.h"
#include "util/monoclock.h"
#include "util/tr.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace tl {

namespace {

TransportError classify(QNetworkReply::NetworkError e, bool headSeen)
{
    switch (e) {
    case QNetworkReply::NoError:
        return TransportError::None;
    case QNetworkReply::ConnectionRefusedError:
        return TransportError::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return TransportError::HostNotFound;
    case QNetworkReply::RemoteHostClosedError:
        return TransportError::RemoteClosed;
    case QNetworkReply::TimeoutError:
        return TransportError::Timeout;
    case QNetworkReply::OperationCanceledError:
        return TransportError::Aborted;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportError::Tls;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        return TransportError::Protocol;
    default:
        break;
    }
    // Content (2xx codes) and server (4xx codes) errors only restate the HTTP status, which the head carried.
    const int code = int(e);
    if (headSeen && ((code > 200 && code < 300) || code > 400))
        return TransportError::None;
    return TransportError::Other;
}

// Where managers whose HTTP thread may be busy are deleted: ~QNetworkAccessManager asks that thread to quit and
// waits up to 5 s for it. Never deleted itself (it may be waiting on one at exit).
QThread* reaperThread()
{
    static QThread* const thread = [] {
        auto* t = new QThread;
        t->setObjectName(QStringLiteral("tl-qnam-reaper"));
        t->start();
        return t;
    }();
    return thread;
}

void deleteOnReaper(QNetworkAccessManager* manager)
{
    manager->setParent(nullptr);
    manager->moveToThread(reaperThread()); // its released replies (children) and their pending deletion go along
    manager->deleteLater();
}

} // namespace

QnamTransport::QnamTransport(const TransportTarget& target, TransportListener& listener, QObject* parent)
    : QObject(parent)
    , m_target(target)
    , m_listener(listener)
{
}

QnamTransport::~QnamTransport()
{
    for (const SlotState& s : m_slots) {
        if (QNetworkReply* reply = s.reply; reply != nullptr) {
            reply->disconnect(this);
            reply->abort();
            delete reply;
        }
    }
    for (QNetworkAccessManager* manager : m_retired)
        deleteOnReaper(manager);
    for (QNetworkAccessManager* manager : m_flooded)
        deleteOnReaper(manager); // the others go with this object, their HTTP threads idle
}

QNetworkAccessManager* QnamTransport::managerFor(int slot)
{
    const auto index = static_cast<size_t>(slot / kRequestsPerManager);
    if (m_managers.size() <= index)
        m_managers.resize(index + 1, nullptr);
    if (m_managers[index] == nullptr) {
        auto* nam = new QNetworkAccessManager(this);
        m_target.configureManager(nam);
        m_managers[index] = nam;
    }
    return m_managers[index];
}

void QnamTransport::send(int slot, const QByteArray& body, const RequestHeaders& headers)
{
    const auto i = static_cast<size_t>(slot);
    if (m_slots.size() <= i)
        m_slots.resize(i + 1);
    m_slots[i].body = body;
    m_slots[i].headers = headers;
    m_slots[i].reposts = 0;
    post(slot);
}

void QnamTransport::post(int slot)
{
    SlotState& s = m_slots[static_cast<size_t>(slot)];
    QNetworkReply* reply = nullptr;
    if (s.headers.isEmpty() && !m_closeEach) {
        reply = managerFor(slot)->post(m_target.request, s.body);
    } else {
        QNetworkRequest request = m_target.request;
        for (const auto& [name, value] : std::as_const(s.headers))
            request.setRawHeader(name, value);
        if (m_closeEach)
            request.setRawHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
        reply = managerFor(slot)->post(request, s.body);
    }
    // Qt's HTTP thread reads as fast as the server sends and buffers without bound unless told otherwise: a
    // server faster than this worker grew the process by hundreds of MB. With a bound it stops reading (TCP
    // pushes back on the server) until the worker has taken the data; the worker's ResponseLimits do the rest.
    reply->setReadBufferSize(kReadBufferBytes);
    s.reply = reply;
    s.sends = 0;
    s.headDelivered = false;
    s.postedNs = monotonicNs();
    s.lastDataNs = 0;
    armUnsentCheck();
    connect(reply, &QNetworkReply::requestSent, this, [this, slot] { onRequestSent(slot); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, slot] { deliverHead(slot); });
    connect(reply, &QNetworkReply::readyRead, this, [this, slot] { deliverData(slot); });
    connect(reply, &QNetworkReply::finished, this, [this, slot] { onFinished(slot); });
}

void QnamTransport::onRequestSent(int slot)
{
    SlotState& s = m_slots[static_cast<size_t>(slot)];
    if (++s.sends == 1) {
        s.body.clear(); // on the wire: never posted again by this transport
        s.headers.clear();
        const qint64 took = monotonicNs() - s.postedNs;
        m_sendNsAverage = m_sendNsAverage == 0 ? took : (7 * m_sendNsAverage + took) / 8;
        return;
    }
    // Qt sent the request again: the server closed the reused connection it went out on before answering. Qt
    // counted that channel's reconnection as the connection for any request queued meanwhile, and such a request
    // now waits in Qt's queue until some other reply ends. None of them reached the wire: posted again at once,
    // they go out on connections of their own.
    m_listener.requestResent(slot);
    if (++m_resends >= kResendsBeforeClose)
        m_closeEach = true; // a server that closes its kept-alive connections: one connection per request
    const int manager = slot / kRequestsPerManager;
    for (size_t k = 0; k < m_slots.size(); ++k) {
        if (static_cast<int>(k) / kRequestsPerManager == manager && m_slots[k].reply != nullptr
            && m_slots[k].sends == 0)
            repostUnsent(static_cast<int>(k));
    }
}

qint64 QnamTransport::unsentLimitNs() const
{
    return std::max(kMinUnsentWaitNs, kUnsentWaitFactor * m_sendNsAverage);
}

void QnamTransport::armUnsentCheck()
{
    if (m_unsentTimer == nullptr) {
        m_unsentTimer = new QTimer(this);
        m_unsentTimer->setSingleShot(true);
        m_unsentTimer->setTimerType(Qt::PreciseTimer);
        connect(m_unsentTimer, &QTimer::timeout, this, &QnamTransport::checkUnsent);
    }
    if (!m_unsentTimer->isActive())
        m_unsentTimer->start(static_cast<int>(unsentLimitNs() / 1'000'000) + 1);
}

void QnamTransport::checkUnsent()
{
    if (m_noSentSignal)
        return;
    const qint64 now = monotonicNs();
    const qint64 limit = unsentLimitNs();
    qint64 next = -1;
    for (size_t k = 0; k < m_slots.size(); ++k) {
        const SlotState& s = m_slots[k];
        if (s.reply == nullptr || s.sends > 0 || s.reposts >= kMaxReposts)
            continue;
        const qint64 due = s.postedNs + (limit << s.reposts) - now; // doubled each time: a slow connect gets there
        if (due <= 0) {
            ++m_slots[k].reposts;
            repostUnsent(static_cast<int>(k)); // arms the timer again
        } else if (next < 0 || due < next) {
            next = due;
        }
    }
    if (next >= 0)
        m_unsentTimer->start(static_cast<int>(next / 1'000'000) + 1);
}

void QnamTransport::repostUnsent(int slot)
{
    QNetworkReply* reply = m_slots[static_cast<size_t>(slot)].reply;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_slots[static_cast<size_t>(slot)].reply = nullptr;
    post(slot);
}

void QnamTransport::deliverHead(int slot)
{
    const auto i = static_cast<size_t>(slot);
    QNetworkReply* reply = m_slots[i].reply;
    if (reply == nullptr || m_slots[i].headDelivered)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return; // no response head (a connection error)
    if (status.toInt() >= 100 && status.toInt() < 200) {
        // An interim answer (103 Early Hints): Qt 6.4 skips 100 Continue only and takes any other 1xx for the final
        // answer, leaving the real one on the connection to be read as the next request's. Neither is a success
        // nor the server's HTTP status: the request fails and the connection is closed (abort()). The lean
        // transport skips every 1xx.
        const int code = status.toInt();
        reply->disconnect(this);
        reply->abort();
        release(slot);
        m_listener.responseEnd(slot, TransportError::Protocol,
            Tr::tr("the server sent the interim response %1 before its answer, which the qt transport cannot skip "
                   "(Qt takes it for the answer); use --transport lean for http:// URLs")
                .arg(code),
            monotonicNs());
        return;
    }
    m_slots[i].headDelivered = true;
    // Again, now that Qt's HTTP side of the reply exists: the size set at post() reaches it only if it was created
    // by then, which a POST's is not (Qt creates it from a queued call). Without it, Qt's HTTP thread read a flood
    // far ahead of the worker.
    reply->setReadBufferSize(kReadBufferBytes);
    // An answer to a request Qt never said it sent: this Qt does not emit requestSent(), and nothing can be told
    // apart from a stuck request (kept as a guard; Qt 6.3+ emits it for HTTP/1.1).
    m_noSentSignal = m_noSentSignal || m_slots[i].sends == 0;
    m_listener.responseHead(slot, status.toInt(),
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), monotonicNs());
}

void QnamTransport::deliverData(int slot)
{
    QNetworkReply* reply = m_slots[static_cast<size_t>(slot)].reply;
    if (reply == nullptr)
        return;
    const qint64 now = monotonicNs();
    deliverHead(slot);
    // In pieces, not one readAll(): against a server that sends faster than this thread takes the data, Qt held
    // tens of MB for one readAll() and the worker never got to check its limits and deadlines. Each piece goes to
    // the listener, which may abort the request in between (past a limit or a deadline): that ends the loop.
    // Each piece is stamped when it is read: Qt's HTTP thread may append while the loop runs, and a deadline must
    // see the time go on.
    for (qint64 at = now; m_slots[static_cast<size_t>(slot)].reply == reply; at = monotonicNs()) {
        const QByteArray data = reply->read(kReadBufferBytes);
        if (data.isEmpty())
            return;
        m_slots[static_cast<size_t>(slot)].lastDataNs = at;
        m_listener.responseData(slot, data, at);
    }
}

void QnamTransport::release(int slot)
{
    QNetworkReply*& reply = m_slots[static_cast<size_t>(slot)].reply;
    m_slots[static_cast<size_t>(slot)].body.clear();
    m_slots[static_cast<size_t>(slot)].headers.clear();
    reply->disconnect(this);
    reply->deleteLater();
    reply = nullptr;
}

void QnamTransport::onFinished(int slot)
{
    QNetworkReply* reply = m_slots[static_cast<size_t>(slot)].reply;
    if (reply == nullptr)
        return;
    const qint64 now = monotonicNs();
    do { // everything left: no readyRead follows finished()
        deliverData(slot);
        if (m_slots[static_cast<size_t>(slot)].reply != reply)
            return; // the listener aborted the request while taking the last data (and may have sent the next)
    } while (reply->bytesAvailable() > 0);
    deliverHead(slot);
    if (m_slots[static_cast<size_t>(slot)].reply != reply)
        return; // the head was an interim response: the request has ended
    TransportError error = classify(reply->error(), m_slots[static_cast<size_t>(slot)].headDelivered);
    // Qt reports a socket() that failed with EMFILE/ENFILE as QAbstractSocket::SocketResourceError, which reaches the
    // reply only as an unknown network error with the socket's text: the client's fault, classed as on the lean
    // transport.
    if (error == TransportError::Other && !m_slots[static_cast<size_t>(slot)].headDelivered) {
        const QString text = reply->errorString();
        if (text.contains(u"Insufficient resources", Qt::CaseInsensitive)
            || text.contains(u"Too many open files", Qt::CaseInsensitive))
            error = TransportError::ClientResources;
    }
    const QString message = error == TransportError::None ? QString() : reply->errorString();
    release(slot);
    if (!m_retired.empty())
        deleteIdleRetiredLater(); // the last running reply of a retired manager
    m_listener.responseEnd(slot, error, message, now);
}

void QnamTransport::abort(int slot)
{
    if (static_cast<size_t>(slot) >= m_slots.size() || m_slots[static_cast<size_t>(slot)].reply == nullptr)
        return;
    const SlotState& s = m_slots[static_cast<size_t>(slot)];
    QNetworkReply* reply = s.reply;
    const qint64 now = monotonicNs();
    const bool arriving = s.headDelivered && s.lastDataNs > 0 && now - s.lastDataNs < kArrivingWindowNs;
    reply->disconnect(this);
    reply->abort();
    if (arriving)
        retireManagerOf(reply, slot);
    release(slot);
    if (!m_retired.empty())
        deleteIdleRetiredLater();
    m_listener.responseEnd(slot, TransportError::Aborted, QString(), now);
}

void QnamTransport::retireManagerOf(QNetworkReply* reply, int slot)
{
    QNetworkAccessManager*& current = m_managers[static_cast<size_t>(slot / kRequestsPerManager)];
    if (reply->manager() != current)
        return; // retired already (another reply of the same manager)
    if (m_retired.size() >= size_t(kMaxRetiredManagers)) {
        if (std::find(m_flooded.begin(), m_flooded.end(), current) == m_flooded.end())
            m_flooded.push_back(current);
        return;
    }
    // Flooded before, when the cap kept it: now retired, it is deleted as such (once, not again with the flooded).
    std::erase(m_flooded, current);
    m_retired.push_back(current);
    current = nullptr; // the next post() makes a new one
    ++m_managersRetired;
}

void QnamTransport::deleteIdleRetiredLater()
{
    // Never inside a reply's signal (readyRead, finished), where the calls come from: Qt goes on using the reply after
    // the slot returns (readyRead is followed by downloadProgress), and a manager handed to the reaper takes its
    // replies along, to be deleted there (a use-after-free on the worker thread, seen in tst_hostileserver).
    if (m_deleteIdleRetiredQueued)
        return;
    m_deleteIdleRetiredQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_deleteIdleRetiredQueued = false;
            deleteIdleRetired();
        },
        Qt::QueuedConnection);
}

void QnamTransport::deleteIdleRetired()
{
    std::erase_if(m_retired, [this](QNetworkAccessManager* manager) {
        for (const SlotState& s : m_slots) {
            if (s.reply != nullptr && s.reply->manager() == manager)
                return false;
        }
        deleteOnReaper(manager);
        return true;
    });
}

} // namespace tl
