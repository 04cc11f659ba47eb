#include "net/qnamtransport.h"

#include "net/transporttarget.h"
#include "util/monoclock.h"
#include "util/tr.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

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

} // namespace

QnamTransport::QnamTransport(const TransportTarget& target, TransportListener& listener, QObject* parent)
    : QObject(parent)
    , m_target(target)
    , m_listener(listener)
{
}

QnamTransport::~QnamTransport()
{
    for (QNetworkReply* reply : m_replies) {
        if (reply != nullptr) {
            reply->disconnect(this);
            reply->abort();
            delete reply;
        }
    }
}

QNetworkAccessManager* QnamTransport::managerFor(int slot)
{
    const auto index = static_cast<size_t>(slot / kRequestsPerManager);
    while (m_managers.size() <= index) {
        auto* nam = new QNetworkAccessManager(this);
        m_target.configureManager(nam);
        m_managers.push_back(nam);
    }
    return m_managers[index];
}

void QnamTransport::send(int slot, const QByteArray& body, const RequestHeaders& headers)
{
    const auto i = static_cast<size_t>(slot);
    if (m_replies.size() <= i) {
        m_replies.resize(i + 1, nullptr);
        m_headDelivered.resize(i + 1, 0);
    }
    QNetworkReply* reply = nullptr;
    if (headers.isEmpty()) {
        reply = managerFor(slot)->post(m_target.request, body);
    } else {
        QNetworkRequest request = m_target.request;
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        reply = managerFor(slot)->post(request, body);
    }
    // Qt's HTTP thread reads as fast as the server sends and buffers without bound unless told otherwise: a
    // server faster than this worker grew the process by hundreds of MB. With a bound it stops reading (TCP
    // pushes back on the server) until the worker has taken the data; the worker's ResponseLimits do the rest.
    reply->setReadBufferSize(kReadBufferBytes);
    m_replies[i] = reply;
    m_headDelivered[i] = 0;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, slot] { deliverHead(slot); });
    connect(reply, &QNetworkReply::readyRead, this, [this, slot] { deliverData(slot); });
    connect(reply, &QNetworkReply::finished, this, [this, slot] { onFinished(slot); });
}

void QnamTransport::deliverHead(int slot)
{
    const auto i = static_cast<size_t>(slot);
    QNetworkReply* reply = m_replies[i];
    if (reply == nullptr || m_headDelivered[i])
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
    m_headDelivered[i] = 1;
    m_listener.responseHead(slot, status.toInt(),
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), monotonicNs());
}

void QnamTransport::deliverData(int slot)
{
    QNetworkReply* reply = m_replies[static_cast<size_t>(slot)];
    if (reply == nullptr)
        return;
    const qint64 now = monotonicNs();
    deliverHead(slot);
    // In pieces, not one readAll(): against a server that sends faster than this thread takes the data, Qt held
    // tens of MB for one readAll() and the worker never got to check its limits and deadlines. Each piece goes to
    // the listener, which may abort the request in between (past a limit or a deadline): that ends the loop.
    // Each piece is stamped when it is read: Qt's HTTP thread may append while the loop runs, and a deadline must
    // see the time go on.
    for (qint64 at = now; m_replies[static_cast<size_t>(slot)] == reply; at = monotonicNs()) {
        const QByteArray data = reply->read(kReadBufferBytes);
        if (data.isEmpty())
            return;
        m_listener.responseData(slot, data, at);
    }
}

void QnamTransport::release(int slot)
{
    QNetworkReply*& reply = m_replies[static_cast<size_t>(slot)];
    reply->disconnect(this);
    reply->deleteLater();
    reply = nullptr;
}

void QnamTransport::onFinished(int slot)
{
    QNetworkReply* reply = m_replies[static_cast<size_t>(slot)];
    if (reply == nullptr)
        return;
    const qint64 now = monotonicNs();
    do { // everything left: no readyRead follows finished()
        deliverData(slot);
        if (m_replies[static_cast<size_t>(slot)] != reply)
            return; // the listener aborted the request while taking the last data (and may have sent the next)
    } while (reply->bytesAvailable() > 0);
    deliverHead(slot);
    if (m_replies[static_cast<size_t>(slot)] != reply)
        return; // the head was an interim response: the request has ended
    TransportError error = classify(reply->error(), m_headDelivered[static_cast<size_t>(slot)] != 0);
    // Qt reports a socket() that failed with EMFILE/ENFILE as QAbstractSocket::SocketResourceError, which reaches the
    // reply only as an unknown network error with the socket's text: the client's fault, classed as on the lean
    // transport.
    if (error == TransportError::Other && !m_headDelivered[static_cast<size_t>(slot)]) {
        const QString text = reply->errorString();
        if (text.contains(u"Insufficient resources", Qt::CaseInsensitive)
            || text.contains(u"Too many open files", Qt::CaseInsensitive))
            error = TransportError::ClientResources;
    }
    const QString message = error == TransportError::None ? QString() : reply->errorString();
    release(slot);
    m_listener.responseEnd(slot, error, message, now);
}

void QnamTransport::abort(int slot)
{
    if (static_cast<size_t>(slot) >= m_replies.size() || m_replies[static_cast<size_t>(slot)] == nullptr)
        return;
    QNetworkReply* reply = m_replies[static_cast<size_t>(slot)];
    reply->disconnect(this);
    reply->abort();
    release(slot);
    m_listener.responseEnd(slot, TransportError::Aborted, QString(), monotonicNs());
}

} // namespace tl
