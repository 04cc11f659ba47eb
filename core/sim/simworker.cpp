#include "sim/simworker.h"

#include "sim/simconnection.h"
#include "sim/simprotocol.h"
#include "util/monoclock.h"

#include <QDebug>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace tl {

namespace {

// Pipelined bytes held while a response is in flight; a client sending more than this without reading is
// not a benchmark client.
constexpr qsizetype MaxPendingBytes = SimHttpParser::MaxBodyBytes + SimHttpParser::MaxHeadBytes;

qint64 msToNs(double ms)
{
    return static_cast<qint64>(std::llround(std::max(0.0, ms) * 1e6));
}

} // namespace

SimWorker::SimWorker(const SimConfig& config, std::atomic<quint64>* served, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_ttftNs(msToNs(config.ttftMs))
    , m_itlNs(msToNs(config.itlMs))
    , m_served(served)
{
    if (!config.apiKey.isEmpty())
        m_expectedAuthorization = "Bearer " + config.apiKey.toUtf8();
}

SimWorker::~SimWorker() = default;

void SimWorker::initialise()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    // The default coarse timer may fire up to 5% early or late; token times are the server's ground truth.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SimWorker::runDueEvents);
}

void SimWorker::addConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qWarning().noquote() << QStringLiteral("throughline-sim: cannot adopt an accepted socket:")
                             << socket->errorString();
        delete socket;
#ifdef Q_OS_UNIX
        ::close(static_cast<int>(descriptor));
#endif
        return;
    }
    // Each token must leave at its deadline, not when Nagle's algorithm decides.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    const quint64 id = m_nextConnectionId++;
    auto conn = std::make_unique<SimConnection>();
    conn->id = id;
    conn->socket = socket;
    m_connections.emplace(id, std::move(conn));
    connect(socket, &QTcpSocket::readyRead, this, [this, id] { readFromSocket(id); });
    connect(socket, &QTcpSocket::disconnected, this, [this, id] { scheduleRemoval(id); });
    if (socket->bytesAvailable() > 0)
        readFromSocket(id);
}

void SimWorker::shutdown()
{
    if (m_timer != nullptr)
        m_timer->stop();
    m_queue.clear();
    m_streams.clear();
    for (auto& [id, conn] : m_connections) {
        conn->socket->disconnect(this);
        conn->socket->abort();
        delete conn->socket; // not inside one of its signals: shutdown() is invoked through the event queue
    }
    m_connections.clear();
}

SimConnection* SimWorker::connection(quint64 id) const
{
    const auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void SimWorker::readFromSocket(quint64 connectionId)
{
    SimConnection* conn = connection(connectionId);
    if (conn == nullptr)
        return;
    const QByteArray bytes = conn->socket->readAll();
    if (conn->closing)
        return;
    conn->parser.append(bytes);
    if (conn->activeStream == 0) {
        processRequests(*conn);
    } else if (conn->parser.bufferedBytes() > MaxPendingBytes) {
        conn->closing = true;
        conn->socket->abort();
    }
}

// The socket may report its disconnection from inside a write or flush made while its connection is in
// use further up the stack, so the connection is only marked here and removed from the event loop.
void SimWorker::scheduleRemoval(quint64 connectionId)
{
    if (SimConnection* conn = connection(connectionId); conn != nullptr)
        conn->closing = true;
    QMetaObject::invokeMethod(
        this, [this, connectionId] { removeConnection(connectionId); }, Qt::QueuedConnection);
}

void SimWorker::removeConnection(quint64 connectionId)
{
    const auto it = m_connections.find(connectionId);
    if (it == m_connections.end())
        return;
    SimConnection& conn = *it->second;
    // Its pending deadline stays in the heap and is skipped when it pops: the stream is gone.
    if (conn.activeStream != 0)
        m_streams.erase(conn.activeStream);
    conn.socket->disconnect(this);
    conn.socket->deleteLater();
    m_connections.erase(it);
}

void SimWorker::processRequests(SimConnection& conn)
{
    while (!conn.closing && conn.activeStream == 0) {
        switch (conn.parser.parse()) {
        case SimHttpParser::Result::NeedMore:
            if (conn.parser.expectsContinue() && !conn.continueSent) {
                conn.continueSent = true;
                conn.socket->write(SimProtocol::continueResponse());
                conn.socket->flush();
            }
            return;
        case SimHttpParser::Result::Error:
            // The byte stream cannot be resynchronised after a framing error: answer and close.
            conn.keepAlive = false;
            respond(
                conn, SimProtocol::errorResponse(conn.parser.errorStatus(), conn.parser.errorMessage(), false, false));
            return;
        case SimHttpParser::Result::Ready:
            conn.continueSent = false;
            handleRequest(conn, conn.parser.takeRequest());
            break;
        }
    }
}

void SimWorker::handleRequest(SimConnection& conn, const SimHttpRequest& request)
{
    const qint64 receivedNs = monotonicNs();
    conn.keepAlive = request.keepAlive;
    conn.http10 = request.minorVersion == 0;
    if (m_config.verbose)
        qInfo().noquote().nospace() << "throughline-sim: " << request.method << ' ' << request.path;

    enum class Route { Health, Models, Chat, Completions, Unknown };
    const QByteArray& path = request.path;
    const Route route = path == "/health" ? Route::Health
        : path == "/v1/models"            ? Route::Models
        : path == "/v1/chat/completions"  ? Route::Chat
        : path == "/v1/completions"       ? Route::Completions
                                          : Route::Unknown;
    const auto error = [&](int status, QByteArrayView message, QByteArrayView extraHeaders = {}) {
        respond(conn, SimProtocol::errorResponse(status, message, conn.keepAlive, conn.http10, extraHeaders));
    };
    if (route == Route::Unknown) {
        error(404, "Not Found");
        return;
    }
    // As in vLLM, only the /v1 API is behind the key: health checks stay open.
    if (route != Route::Health && !authorised(request)) {
        error(401, "Unauthorized: send the server's API key as 'Authorization: Bearer <key>'");
        return;
    }
    const bool isGet = route == Route::Health || route == Route::Models;
    if (request.method != (isGet ? QByteArrayView("GET") : QByteArrayView("POST"))) {
        error(405, "Method Not Allowed", isGet ? QByteArrayView("allow: GET\r\n") : QByteArrayView("allow: POST\r\n"));
        return;
    }

    switch (route) {
    case Route::Health:
        respond(conn, SimProtocol::emptyResponse(200, conn.keepAlive, conn.http10));
        return;
    case Route::Models:
        respond(conn, SimProtocol::jsonResponse(200, SimProtocol::modelsBody(m_config), conn.keepAlive, conn.http10));
        return;
    case Route::Chat:
    case Route::Completions: {
        SimJob job;
        QByteArray message;
        const auto kind = route == Route::Chat ? SimJob::Kind::Chat : SimJob::Kind::Completion;
        if (!SimProtocol::parseJob(kind, request.body, m_config, &job, &message)) {
            error(400, message);
            return;
        }
        startJob(conn, std::move(job), receivedNs);
        return;
    }
    case Route::Unknown:
        break;
    }
}

bool SimWorker::authorised(const SimHttpRequest& request) const
{
    return m_expectedAuthorization.isEmpty() || request.header("authorization") == m_expectedAuthorization;
}

void SimWorker::respond(SimConnection& conn, const QByteArray& bytes)
{
    conn.socket->write(bytes);
    conn.socket->flush();
    finishResponse(conn);
}

void SimWorker::finishResponse(SimConnection& conn)
{
    m_served->fetch_add(1, std::memory_order_relaxed);
    if (!conn.keepAlive) {
        conn.closing = true;
        conn.socket->disconnectFromHost(); // after the bytes still buffered have gone out
    }
}

void SimWorker::startJob(SimConnection& conn, SimJob job, qint64 receivedNs)
{
    const quint64 id = m_nextStreamId++;
    Stream stream;
    stream.connectionId = conn.id;
    stream.job = std::move(job);
    stream.receivedNs = receivedNs;
    // An HTTP/1.0 client cannot read chunked encoding: its stream ends when the connection closes.
    stream.chunked = !conn.http10;
    if (stream.job.stream) {
        if (conn.http10)
            conn.keepAlive = false;
        // Headers go out at once, as vLLM's StreamingResponse does; the first token follows after ttft.
        conn.socket->write(SimProtocol::streamHead(conn.keepAlive, stream.chunked));
        conn.socket->flush();
    }
    const qint64 deadline = tokenDeadline(stream, stream.job.stream ? 1 : stream.job.outputTokens);
    if (m_config.verbose) {
        qInfo().noquote().nospace() << "throughline-sim: " << stream.job.id << (stream.job.stream ? " stream" : "")
                                    << " prompt_tokens=" << stream.job.promptTokens
                                    << " completion_tokens=" << stream.job.outputTokens;
    }
    conn.activeStream = id;
    m_streams.emplace(id, std::move(stream));
    m_queue.push(deadline, id);
    armTimer();
}

void SimWorker::runDueEvents()
{
    const qint64 now = monotonicNs();
    while (!m_queue.isEmpty() && m_queue.top().deadlineNs <= now)
        emitDue(m_queue.pop().id);
    armTimer();
}

void SimWorker::emitDue(quint64 streamId)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end())
        return; // the client went away: its pending events are dropped here
    Stream& stream = it->second;
    SimConnection* conn = connection(stream.connectionId);
    if (conn == nullptr || conn->socket->state() != QAbstractSocket::ConnectedState) {
        if (conn != nullptr)
            conn->activeStream = 0;
        m_streams.erase(it);
        return;
    }

    QByteArray bytes;
    if (stream.job.stream) {
        const int k = stream.nextToken;
        SimProtocol::appendStreamEvents(stream.job, k, stream.chunked, bytes);
        if (k < stream.job.outputTokens) {
            stream.nextToken = k + 1;
            m_queue.push(tokenDeadline(stream, k + 1), streamId);
            conn->socket->write(bytes);
            conn->socket->flush();
            return;
        }
    } else {
        bytes = SimProtocol::jsonResponse(200, SimProtocol::completeBody(stream.job), conn->keepAlive, conn->http10);
    }
    m_streams.erase(it);
    conn->activeStream = 0;
    respond(*conn, bytes);
    processRequests(*conn); // a request pipelined behind this one
}

void SimWorker::armTimer()
{
    if (m_timer == nullptr)
        return;
    if (m_queue.isEmpty()) {
        m_timer->stop();
        return;
    }
    const qint64 next = m_queue.top().deadlineNs;
    if (m_timer->isActive() && m_armedForNs <= next)
        return;
    const qint64 delayNs = next - monotonicNs();
    // QTimer counts whole milliseconds: rounding up means a token never leaves before its deadline. Long
    // waits are cut to an hour and simply re-armed then.
    const qint64 ms = delayNs <= 0 ? 0 : std::min<qint64>((delayNs + 999'999) / 1'000'000, 3'600'000);
    m_timer->start(static_cast<int>(ms));
    m_armedForNs = next;
}

qint64 SimWorker::tokenDeadline(const Stream& stream, int k) const
{
    // Absolute, from the time the request was received, so late wake-ups never accumulate into drift.
    return stream.receivedNs + m_ttftNs + static_cast<qint64>(k - 1) * m_itlNs;
}

} // namespace tl
