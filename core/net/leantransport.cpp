#include "net/leantransport.h"

#include "net/transporttarget.h"
#include "net/socketpoller.h"
#include "util/monoclock.h"
#include "util/tr.h"

#include <QNetworkRequest>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace tl {

struct LeanTransport::Connection final : HttpResponseParser::Sink {
    enum class Phase { Closed, Connecting, Writing, Reading, Idle };

    LeanTransport* owner = nullptr;
    int slot = 0;
    int fd = -1;
    Phase phase = Phase::Closed;
    bool active = false; // a request is in flight
    quint64 generation = 0; // requests sent on this slot, so a late failure report can tell it is stale
    size_t addressIndex = 0; // the address being tried by a connect in progress
    QByteArray head; // the request's head
    QByteArray body;
    qsizetype written = 0; // of head + body
    bool reused = false; // the request went out on a kept-alive connection that had carried an earlier one
    qint64 received = 0; // bytes of the request's answer read so far
    std::unique_ptr<HttpResponseParser> parser = std::make_unique<HttpResponseParser>();
    // The listener may end the request (an abort past a limit) and send the slot's next one from inside a parser
    // callback: the next request gets a fresh parser while the one still running its feed() is kept alive here,
    // its further callbacks ignored, until the read is done with.
    std::unique_ptr<HttpResponseParser> retiredParser;
    bool feeding = false;
    qint64 readNs = 0; // the time of the read being parsed
    quint64 feedGeneration = 0; // the request the read being parsed belongs to

    // Nothing reaches the listener once the request has ended, even if the listener ended it (or sent the slot's
    // next request) from inside one of these calls while the parser still holds bytes of the read.
    bool current() const { return active && generation == feedGeneration; }
    void responseHead(int status, QByteArrayView reason, QByteArrayView contentType) override
    {
        if (current())
            owner->m_listener.responseHead(slot, status, reason, contentType, readNs);
    }
    void responseBody(QByteArrayView data) override
    {
        if (!data.isEmpty() && current())
            owner->m_listener.responseData(slot, data, readNs);
    }
};

namespace {

constexpr size_t kReadBufferBytes = 64 * 1024;
// Reads of one connection per wake-up. A server that sends faster than the worker parses always fills the buffer:
// without a bound the loop never returned to the event loop, and no timer (--total-timeout, --read-timeout, the
// 50 ms batches) fired again. Level-triggered epoll wakes the thread again for what is left.
constexpr int kMaxReadsPerWakeUp = 16;

// The descriptor count reaching the soft RLIMIT_NOFILE starves the whole process, not only this request: SQLite
// (its WAL and journal), the project writer, logging, Qt's event dispatcher and the sanitizers' own checks (UBSan's
// vptr check opens a pipe) all need one now and then, and fail in ways that look like bugs elsewhere. A socket whose
// number falls within this margin of the limit is closed again and the request fails as client_resources, as if
// socket() had failed with EMFILE.
constexpr int kReservedDescriptors = 16;

// The lowest descriptor number the lean transport may not keep: descriptors are allocated lowest-first, so a socket
// numbered at or past it leaves fewer than kReservedDescriptors free. Read at every open: the CLI raises the soft
// limit at start, and a test or a user's shell may lower it.
int descriptorCeiling()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY
        || limit.rlim_cur > rlim_t(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return std::max(0, int(limit.rlim_cur) - kReservedDescriptors);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

TransportError classifyConnectError(int error)
{
    switch (error) {
    case ECONNREFUSED:
        return TransportError::ConnectionRefused;
    case ETIMEDOUT:
        return TransportError::Timeout;
    case ECONNRESET:
    case EPIPE:
        return TransportError::RemoteClosed;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        return TransportError::ClientResources;
    default:
        return TransportError::Other;
    }
}

} // namespace

QString LeanTransport::unsupportedReason(const QUrl& url)
{
#ifndef Q_OS_UNIX
    Q_UNUSED(url);
    return Tr::tr("the lean transport is built for Linux and other Unix systems only");
#else
    if (url.scheme() != u"http")
        return Tr::tr("the lean transport speaks plain http:// only (this URL is %1://)").arg(url.scheme());
    if (url.host().isEmpty())
        return Tr::tr("the URL has no host");
    return {};
#endif
}

LeanTransport::LeanTransport(const TransportTarget& where, TransportListener& listener, QObject* parent)
    : QObject(parent)
    , m_listener(listener)
    , m_readBuffer(kReadBufferBytes)
{
    const QNetworkRequest request = where.request;
    const QUrl url = request.url();
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() > 0 && url.port() != 80)
        host += ':' + QByteArray::number(url.port());
    m_headPrefix = "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    bool hasAuthorization = false;
    QByteArray connection = "keep-alive";
    for (const QByteArray& name : request.rawHeaderList()) {
        if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            // --headers Connection=close: honoured (one connection per request), as EvalScope's aiohttp does.
            connection = request.rawHeader(name).trimmed();
            m_closeEach = connection.compare("close", Qt::CaseInsensitive) == 0;
            continue;
        }
        if (name.compare("Host", Qt::CaseInsensitive) == 0 || name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            continue;
        hasAuthorization = hasAuthorization || name.compare("Authorization", Qt::CaseInsensitive) == 0;
        m_headPrefix += name + ": " + request.rawHeader(name) + "\r\n";
    }
    if (!hasAuthorization && !url.userInfo().isEmpty()) {
        const QByteArray credentials = (url.userName() + u':' + url.password()).toUtf8();
        m_headPrefix += "Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    m_headPrefix += "Accept: */*\r\nConnection: " + connection + "\r\nContent-Length: ";

    m_poller = new SocketPoller([this](quint64 id, bool readable, bool writable) { onReady(id, readable, writable); },
        this);
    resolve(url);
}

LeanTransport::~LeanTransport()
{
    for (const auto& c : m_connections) {
        if (c->fd >= 0) {
            m_poller->remove(c->fd);
            ::close(c->fd);
        }
    }
}

void LeanTransport::resolve(const QUrl& url)
{
    // Once per worker thread, when it starts (before its first request): getaddrinfo() blocks, and a run's
    // requests all go to one host. Every address is kept: "localhost" is ::1 and 127.0.0.1, and a server may
    // listen on only one of them.
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const QByteArray host = url.host().toUtf8();
    const QByteArray port = QByteArray::number(url.port(80));
    const int rc = ::getaddrinfo(host.constData(), port.constData(), &hints, &found);
    if (rc != 0 || found == nullptr) {
        m_resolveError = Tr::tr("cannot resolve host %1: %2")
                             .arg(url.host(), QString::fromLocal8Bit(rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc)));
        return;
    }
    for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
        auto address = std::make_unique<sockaddr_storage>();
        std::memcpy(address.get(), a->ai_addr, a->ai_addrlen);
        m_addresses.push_back(std::move(address));
        m_addressLengths.push_back(unsigned(a->ai_addrlen));
    }
    ::freeaddrinfo(found);
}

LeanTransport::Connection& LeanTransport::connectionFor(int slot)
{
    const auto i = static_cast<size_t>(slot);
    while (m_connections.size() <= i) {
        auto c = std::make_unique<Connection>();
        c->owner = this;
        c->slot = int(m_connections.size());
        m_connections.push_back(std::move(c));
    }
    return *m_connections[i];
}

void LeanTransport::send(int slot, const QByteArray& body, const RequestHeaders& headers)
{
    Connection& c = connectionFor(slot);
    Q_ASSERT(!c.active);
    c.active = true;
    ++c.generation;
    c.body = body;
    c.head = m_headPrefix + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers)
        c.head += name + ": " + value + "\r\n";
    c.head += "\r\n";
    c.written = 0;
    c.received = 0;
    c.reused = false;
    if (c.feeding && !c.retiredParser) { // (a second send within the same read: c.parser is not the running one)
        c.retiredParser = std::move(c.parser);
        c.parser = std::make_unique<HttpResponseParser>();
    } else {
        c.parser->reset();
    }
    if (!m_resolveError.isEmpty()) {
        finishLater(c, TransportError::HostNotFound, m_resolveError);
        return;
    }
    if (c.phase == Connection::Phase::Idle && !peerClosed(c)) {
        c.reused = true;
        c.phase = Connection::Phase::Writing;
        writeRequest(c);
        return;
    }
    closeSocket(c);
    c.addressIndex = 0;
    openSocket(c); // reports its own failure, from the event loop
}

bool LeanTransport::openSocket(Connection& c)
{
    int lastError = 0;
    for (; c.addressIndex < m_addresses.size(); ++c.addressIndex) {
        const auto* address = reinterpret_cast<const sockaddr*>(m_addresses[c.addressIndex].get());
        const int fd = ::socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        if (fd >= descriptorCeiling()) {
            // The descriptors left belong to the rest of the process (see kReservedDescriptors): no other address
            // would fare better, and the request fails as a real EMFILE would.
            ::close(fd);
            c.phase = Connection::Phase::Closed;
            finishLater(c, TransportError::ClientResources,
                Tr::tr("cannot connect: too many open files (the last %1 file descriptors below ulimit -n are kept "
                       "for the rest of the process)")
                    .arg(kReservedDescriptors));
            return false;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(fd, address, m_addressLengths[c.addressIndex]) == 0 || errno == EINPROGRESS) {
            c.fd = fd;
            c.phase = Connection::Phase::Connecting;
            m_poller->add(fd, quint64(c.slot));
            m_poller->setWriteInterest(fd, quint64(c.slot), true);
            return true;
        }
        lastError = errno;
        ::close(fd);
    }
    c.phase = Connection::Phase::Closed;
    finishLater(c, classifyConnectError(lastError),
        Tr::tr("cannot connect: %1").arg(systemError(lastError)));
    return false;
}

void LeanTransport::onConnected(Connection& c)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error == 0) {
        c.phase = Connection::Phase::Writing;
        writeRequest(c);
        return;
    }
    // This address refused or failed: the next one, if any ("localhost" may listen on 127.0.0.1 only).
    closeSocket(c);
    ++c.addressIndex;
    if (c.addressIndex < m_addresses.size()) {
        openSocket(c); // reports its own failure
        return;
    }
    finish(c, classifyConnectError(error), Tr::tr("cannot connect: %1").arg(systemError(error)), monotonicNs());
}

void LeanTransport::writeRequest(Connection& c)
{
    const qsizetype total = c.head.size() + c.body.size();
    while (c.written < total) {
        iovec parts[2];
        int count = 0;
        if (c.written < c.head.size()) {
            parts[count++] = {const_cast<char*>(c.head.constData() + c.written), size_t(c.head.size() - c.written)};
            if (!c.body.isEmpty())
                parts[count++] = {const_cast<char*>(c.body.constData()), size_t(c.body.size())};
        } else {
            const qsizetype offset = c.written - c.head.size();
            parts[count++] = {const_cast<char*>(c.body.constData() + offset), size_t(c.body.size() - offset)};
        }
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(c.fd, &message, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_poller->setWriteInterest(c.fd, quint64(c.slot), true);
                return;
            }
            // A kept-alive connection the server closed meanwhile: nothing was answered, and the worker resends
            // once (StaleConnection). On a fresh connection the same error is the server's answer.
            const int error = errno;
            closeSocket(c);
            const TransportError kind = c.reused && (error == ECONNRESET || error == EPIPE)
                ? TransportError::StaleConnection
                : classifyConnectError(error);
            finishLater(c, kind, Tr::tr("cannot send the request: %1").arg(systemError(error)));
            return;
        }
        c.written += n;
    }
    c.phase = Connection::Phase::Reading;
    m_poller->setWriteInterest(c.fd, quint64(c.slot), false);
}

bool LeanTransport::peerClosed(const Connection& c)
{
    // A kept-alive connection whose end the server has already closed (or sent bytes on, unasked): the close is
    // in the socket before the next request goes out on it. One peek instead of a resend, which would cost a
    // round trip and count against the request. (Closes still in flight remain: the worker resends those once.)
    char byte = 0;
    const ssize_t n = ::recv(c.fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return !(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}

void LeanTransport::onReady(quint64 id, bool readable, bool writable)
{
    if (id >= m_connections.size())
        return;
    Connection& c = *m_connections[size_t(id)];
    if (c.fd < 0)
        return;
    if (writable) {
        if (c.phase == Connection::Phase::Connecting) {
            onConnected(c);
            return;
        }
        if (c.phase == Connection::Phase::Writing)
            writeRequest(c);
    }
    if (readable && c.fd >= 0 && c.phase != Connection::Phase::Connecting)
        readAvailable(c);
}

void LeanTransport::readAvailable(Connection& c)
{
    const quint64 generation = c.generation;
    // The bytes of the first read were in the socket when epoll_wait() returned: they are stamped with that time,
    // not with the moment this connection's turn came. When thousands of streams get a token in the same engine
    // step, the last socket served would otherwise be stamped late by the work on all the others. (Bytes that
    // arrive between the wake-up and the read join the first read: early by at most that gap.)
    bool first = true;
    for (int reads = 0; reads < kMaxReadsPerWakeUp; ++reads) {
        const ssize_t n = ::recv(c.fd, m_readBuffer.data(), m_readBuffer.size(), 0);
        const qint64 now = first ? m_poller->readyNs() : monotonicNs();
        first = false;
        if (n > 0) {
            if (!c.active) { // bytes on an idle connection: nothing asked for them
                closeSocket(c);
                return;
            }
            c.readNs = now;
            c.received += n;
            c.feedGeneration = generation;
            const QByteArrayView bytes(m_readBuffer.data(), n);
            c.feeding = true;
            const qsizetype used = c.parser->feed(bytes, c);
            c.feeding = false;
            c.retiredParser.reset();
            if (c.generation != generation || !c.active)
                return; // the listener ended this request meanwhile (it cannot, but stay safe)
            if (c.parser->failed()) {
                closeSocket(c);
                finish(c, TransportError::Protocol, c.parser->error(), now);
                return;
            }
            if (c.parser->done()) {
                // Reusable only when the response ended exactly at the bytes read and the request went out whole
                // (a server may answer early, e.g. 413, before reading the body).
                if (!c.parser->keepAlive() || m_closeEach || used < n || c.phase != Connection::Phase::Reading)
                    closeSocket(c);
                else
                    c.phase = Connection::Phase::Idle;
                finish(c, TransportError::None, {}, now);
                return; // anything further is another request's business: the next wake-up reads it
            }
            if (size_t(n) < m_readBuffer.size())
                return; // drained
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // End of stream or a reset.
        const int error = n < 0 ? errno : 0;
        closeSocket(c);
        if (!c.active)
            return; // the server closed an idle kept-alive connection: the next request opens a new one
        c.parser->closed();
        if (c.parser->done()) {
            finish(c, TransportError::None, {}, now);
            return;
        }
        QString message = c.parser->error();
        if (error != 0 && error != ECONNRESET)
            message = systemError(error);
        else if (error == ECONNRESET)
            message = c.parser->headComplete() ? Tr::tr("the server reset the connection before the response ended")
                                               : Tr::tr("the server reset the connection without answering");
        // Closed before a single byte of the answer on a connection that had carried an earlier request: the
        // server dropped an idle kept-alive connection as this request went out, and the worker may resend it. On
        // a fresh connection the same close is the server's answer to this request.
        const bool stale = c.reused && c.received == 0;
        if (stale && message.isEmpty())
            message = Tr::tr("the server closed the kept-alive connection without answering");
        finish(c, stale ? TransportError::StaleConnection : TransportError::RemoteClosed, message, now);
        return;
    }
}

void LeanTransport::closeSocket(Connection& c)
{
    if (c.fd >= 0) {
        m_poller->remove(c.fd);
        ::close(c.fd);
        c.fd = -1;
    }
    c.phase = Connection::Phase::Closed;
}

void LeanTransport::finish(Connection& c, TransportError error, const QString& message, qint64 nowNs)
{
    if (!c.active)
        return;
    c.active = false;
    c.body = QByteArray(); // the worker keeps its own copy for a resend
    c.head = QByteArray();
    m_listener.responseEnd(c.slot, error, message, nowNs);
}

void LeanTransport::finishLater(Connection& c, TransportError error, const QString& message)
{
    const int slot = c.slot;
    const quint64 generation = c.generation;
    QMetaObject::invokeMethod(
        this,
        [this, slot, generation, error, message] {
            Connection& later = *m_connections[size_t(slot)];
            if (later.generation == generation && later.active)
                finish(later, error, message, monotonicNs());
        },
        Qt::QueuedConnection);
}

void LeanTransport::abort(int slot)
{
    if (size_t(slot) >= m_connections.size())
        return;
    Connection& c = *m_connections[size_t(slot)];
    if (!c.active)
        return;
    closeSocket(c);
    finish(c, TransportError::Aborted, {}, monotonicNs());
}

} // namespace tl
