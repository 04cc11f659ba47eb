#include "sim/simworker.h"

#include "net/socketpoller.h"
#include "sim/simarrival.h"
#include "sim/simconnection.h"
#include "sim/simengine.h"
#include "sim/simprotocol.h"
#include "util/deadlinetimer.h"
#include "util/monoclock.h"

#include <QTimer>
#include <QDebug>

#include <algorithm>
#include <cmath>
#include <utility>

#include <array>
#include <cerrno>

#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tl {

namespace {

// Pipelined bytes held while a response is in flight; a client sending more than this without reading is
// not a benchmark client.
constexpr qsizetype MaxPendingBytes = SimHttpParser::MaxBodyBytes + SimHttpParser::MaxHeadBytes;

qint64 msToNs(double ms)
{
    return static_cast<qint64>(std::llround(std::max(0.0, ms) * 1e6));
}

int faultStatus(SimFaultKind fault)
{
    switch (fault) {
    case SimFaultKind::Http429:
        return 429;
    case SimFaultKind::Http500:
        return 500;
    case SimFaultKind::Http503:
        return 503;
    default:
        return 0;
    }
}

QByteArrayView faultMessage(SimFaultKind fault)
{
    switch (fault) {
    case SimFaultKind::Http429:
        return "Rate limit reached (injected by throughline-sim --fault)";
    case SimFaultKind::Http503:
        return "The server is overloaded (injected by throughline-sim --fault)";
    default:
        return "Internal server error (injected by throughline-sim --fault)";
    }
}

} // namespace

SimWorker::SimWorker(const SimConfig& config, SimEngine* engine, std::atomic<quint64>* served, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_engine(engine)
    , m_ttftNs(msToNs(config.ttftMs))
    , m_itlNs(msToNs(config.itlMs))
    , m_slackNs(static_cast<qint64>(std::llround(std::max(0.0, config.timerSlackUs) * 1e3)))
    , m_batched(config.decodeBaseMs >= 0.0)
    , m_served(served)
{
    if (!config.apiKey.isEmpty())
        m_expectedAuthorization = "Bearer " + config.apiKey.toUtf8();
}

SimWorker::~SimWorker() = default;

void SimWorker::initialise()
{
    m_timer = new DeadlineTimer(this);
    connect(m_timer, &DeadlineTimer::timeout, this, &SimWorker::runDueEvents);
    m_poller
        = new SocketPoller([this](quint64 id, bool readable, bool writable) { onReady(id, readable, writable); }, this);
}

qint64 SimWorker::threadCpuNs()
{
    timespec ts{};
    if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
        return qint64{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
    return 0;
}

void SimWorker::addConnection(qintptr descriptor)
{
    const int fd = static_cast<int>(descriptor);
    if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
        qWarning().noquote() << QStringLiteral("throughline-sim: cannot adopt an accepted socket:")
                             << qt_error_string(errno);
        ::close(fd);
        return;
    }
    // Each token must leave at its deadline, not when Nagle's algorithm decides.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // Receive stamps for the trace's arrived_ns; usually inherited from the listener already (SimServer::start()).
    if (m_engine->tracing())
        simarrival::enable(fd);

    const quint64 id = m_nextConnectionId++;
    auto conn = std::make_unique<SimConnection>();
    conn->id = id;
    conn->fd = fd;
    SimConnection& c = *conn;
    m_connections.emplace(id, std::move(conn));
    m_poller->add(fd, id);
    readFromSocket(c); // the request may already be there
}

void SimWorker::shutdown()
{
    if (m_timer != nullptr)
        m_timer->stop();
    m_queue.clear();
    // Queued streams leave the shared queue; slots are not handed on, every worker is going down.
    for (const auto& [id, stream] : m_streams) {
        if (stream.phase == Phase::Waiting)
            m_engine->cancelWaiting(this, id);
    }
    m_streams.clear();
    for (auto& [id, conn] : m_connections) {
        if (conn->fd >= 0) {
            m_poller->remove(conn->fd);
            ::close(conn->fd);
        }
    }
    m_connections.clear();
}

SimConnection* SimWorker::connection(quint64 id) const
{
    const auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void SimWorker::onReady(quint64 connectionId, bool readable, bool writable)
{
    SimConnection* conn = connection(connectionId);
    if (conn == nullptr || conn->dead)
        return;
    if (writable)
        flushPending(*conn);
    if (readable && !conn->dead)
        readFromSocket(*conn);
}

void SimWorker::readFromSocket(SimConnection& conn)
{
    std::array<char, 16384> buffer{};
    for (;;) {
        qint64 stampNs = 0;
        const ssize_t n = simarrival::receive(conn.fd, buffer.data(), buffer.size(), &stampNs);
        if (n > 0) {
            if (conn.closing)
                continue; // nothing more is read from a connection we are closing
            if (conn.parser.idle())
                conn.arrivalRealtimeNs = stampNs; // these bytes begin the next request
            conn.lastReadRealtimeNs = stampNs;
            conn.parser.append(QByteArrayView(buffer.data(), n));
            if (conn.activeStream != 0 && conn.parser.bufferedBytes() > MaxPendingBytes) {
                resetConnection(conn);
                return;
            }
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        // End of stream or error: the client has gone (a half-closed HTTP client is not a benchmark client).
        scheduleRemoval(conn);
        return;
    }
    if (conn.activeStream == 0)
        processRequests(conn);
}

void SimWorker::flushPending(SimConnection& conn)
{
    while (!conn.pending.isEmpty()) {
        const ssize_t n
            = ::send(conn.fd, conn.pending.constData(), static_cast<size_t>(conn.pending.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // still waiting for room
        if (n < 0) {
            scheduleRemoval(conn);
            return;
        }
        conn.pending.remove(0, n);
    }
    m_poller->setWriteInterest(conn.fd, conn.id, false);
    if (conn.closeWhenFlushed)
        scheduleRemoval(conn);
}

void SimWorker::write(SimConnection& conn, const QByteArray& bytes)
{
    if (conn.dead || bytes.isEmpty())
        return;
    if (!conn.pending.isEmpty()) {
        conn.pending += bytes;
        return;
    }
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n
            = ::send(conn.fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0) {
            scheduleRemoval(conn);
            return;
        }
        sent += n;
    }
    if (sent < bytes.size()) {
        conn.pending = bytes.sliced(sent);
        m_poller->setWriteInterest(conn.fd, conn.id, true);
    }
}

void SimWorker::closeAfterFlush(SimConnection& conn)
{
    conn.closing = true;
    conn.closeWhenFlushed = true;
    if (conn.pending.isEmpty())
        scheduleRemoval(conn);
}

void SimWorker::scheduleRemoval(SimConnection& conn)
{
    conn.closing = true;
    if (conn.dead)
        return;
    conn.dead = true;
    m_poller->remove(conn.fd); // no more readiness for it; the descriptor is closed with the connection
    const quint64 connectionId = conn.id;
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
        dropStream(std::exchange(conn.activeStream, 0), 499);
    if (!conn.dead)
        m_poller->remove(conn.fd);
    if (!conn.reset) {
        // FIN first, then drop what the client sent meanwhile: closing with unread input would turn the
        // FIN into a reset, and a client may then lose the end of the answer.
        ::shutdown(conn.fd, SHUT_WR);
        std::array<char, 4096> discard{};
        while (::read(conn.fd, discard.data(), discard.size()) > 0) { }
    }
    ::close(conn.fd);
    m_connections.erase(it);
}

void SimWorker::processRequests(SimConnection& conn)
{
    while (!conn.closing && conn.activeStream == 0) {
        switch (conn.parser.parse()) {
        case SimHttpParser::Result::NeedMore:
            if (conn.parser.expectsContinue() && !conn.continueSent) {
                conn.continueSent = true;
                write(conn, SimProtocol::continueResponse());
            }
            return;
        case SimHttpParser::Result::Error:
            // The byte stream cannot be resynchronised after a framing error: answer and close.
            conn.keepAlive = false;
            respond(conn,
                SimProtocol::errorResponse(conn.parser.errorStatus(), conn.parser.errorMessage(), false, false),
                conn.parser.errorStatus());
            return;
        case SimHttpParser::Result::Ready: {
            conn.continueSent = false;
            // A request pipelined behind this one began in a read already done: the latest read's stamp stands in.
            const qint64 arrivalRealtimeNs
                = std::exchange(conn.arrivalRealtimeNs, conn.parser.idle() ? 0 : conn.lastReadRealtimeNs);
            handleRequest(conn, conn.parser.takeRequest(), arrivalRealtimeNs);
            break;
        }
        }
    }
}

void SimWorker::handleRequest(SimConnection& conn, const SimHttpRequest& request, qint64 arrivalRealtimeNs)
{
    if (m_config.staleKeepAlive && conn.served > 0) {
        closeAfterFlush(conn); // the request dies unanswered, as on a connection the server had already dropped
        return;
    }
    const qint64 receivedNs = monotonicNs();
    // Converted only for the trace: reading the two clocks costs about 0.1 µs.
    const qint64 arrivedNs = m_engine->tracing() ? simarrival::toMonotonicNs(arrivalRealtimeNs) : 0;
    conn.keepAlive = request.keepAlive;
    conn.http10 = request.minorVersion == 0;
    if (m_config.verbose)
        qInfo().noquote().nospace() << "throughline-sim: " << request.method << ' ' << request.path;

    enum class Route { Health, Models, Metrics, Chat, Completions, Responses, Embeddings, Rerank, Unknown };
    const QByteArray& path = request.path;
    const Route route = path == "/health"               ? Route::Health
        : path == "/v1/models"                          ? Route::Models
        : path == "/metrics"                            ? Route::Metrics
        : path == "/v1/chat/completions"                ? Route::Chat
        : path == "/v1/completions"                     ? Route::Completions
        : path == "/v1/responses"                       ? Route::Responses
        : path == "/v1/embeddings"                      ? Route::Embeddings
        : path == "/v1/rerank" || path == "/v1/reranks" ? Route::Rerank
                                                        : Route::Unknown;
    const auto error = [&](int status, QByteArrayView message, QByteArrayView extraHeaders = {}) {
        respond(conn, SimProtocol::errorResponse(status, message, conn.keepAlive, conn.http10, extraHeaders), status);
    };
    if (route == Route::Unknown) {
        error(404, "Not Found");
        return;
    }
    // As in vLLM, only the /v1 API is behind the key: health checks and metrics stay open.
    if (route != Route::Health && route != Route::Metrics && !authorised(request)) {
        error(401, "Unauthorized: send the server's API key as 'Authorization: Bearer <key>'");
        return;
    }
    const bool isGet = route == Route::Health || route == Route::Models || route == Route::Metrics;
    if (request.method != (isGet ? QByteArrayView("GET") : QByteArrayView("POST"))) {
        error(405, "Method Not Allowed", isGet ? QByteArrayView("allow: GET\r\n") : QByteArrayView("allow: POST\r\n"));
        return;
    }

    switch (route) {
    case Route::Health:
        respond(conn, SimProtocol::emptyResponse(200, conn.keepAlive, conn.http10), 200);
        return;
    case Route::Models:
        respond(
            conn, SimProtocol::jsonResponse(200, SimProtocol::modelsBody(m_config), conn.keepAlive, conn.http10), 200);
        return;
    case Route::Metrics:
        respond(conn,
            SimProtocol::textResponse(
                200, "text/plain; version=0.0.4; charset=utf-8", m_engine->metricsText(), conn.keepAlive, conn.http10),
            200);
        return;
    case Route::Chat:
        handleCompletion(conn, SimJob::Kind::Chat, request, receivedNs, arrivedNs);
        return;
    case Route::Completions:
        handleCompletion(conn, SimJob::Kind::Completion, request, receivedNs, arrivedNs);
        return;
    case Route::Responses:
        handleCompletion(conn, SimJob::Kind::Responses, request, receivedNs, arrivedNs);
        return;
    case Route::Embeddings:
    case Route::Rerank: {
        // A pooling model's one forward pass: the request takes a sequence slot (or waits for one) and answers
        // when its prompt is prefilled (--prefill-tok-per-s). Of the faults, those that strike before the body
        // (error statuses, a reset) apply here too.
        const quint64 number = m_engine->nextRequestNumber();
        const SimFaultKind fault = m_engine->pickFault(number, m_engine->requestSeed(number));
        if (answerEarlyFault(conn, fault) >= 0)
            return;
        SimJob job;
        job.kind = SimJob::Kind::Pooling;
        QByteArray message;
        const bool ok = route == Route::Embeddings
            ? SimProtocol::embeddingsBody(request.body, m_config, &job.pooledBody, &job.promptTokens, &message)
            : SimProtocol::rerankBody(request.body, m_config, &job.pooledBody, &job.promptTokens, &message);
        if (!ok) {
            error(400, message);
            return;
        }
        job.id = route == Route::Embeddings ? QByteArrayLiteral("embd-") + QByteArray::number(number)
                                            : QByteArrayLiteral("rerank-") + QByteArray::number(number);
        job.outputTokens = 0;
        startJob(conn, std::move(job), receivedNs, arrivedNs, SimFaultKind::None);
        return;
    }
    case Route::Unknown:
        break;
    }
}

void SimWorker::handleCompletion(
    SimConnection& conn, SimJob::Kind kind, const SimHttpRequest& request, qint64 receivedNs, qint64 arrivedNs)
{
    const quint64 number = m_engine->nextRequestNumber();
    const quint64 seed = m_engine->requestSeed(number);
    SimJob job;
    QByteArray message;
    if (!SimProtocol::parseJob(kind, request.body, m_config, m_engine->sampleNaturalLength(seed), &job, &message)) {
        respond(conn, SimProtocol::errorResponse(400, message, conn.keepAlive, conn.http10), 400);
        return;
    }
    if (m_config.traceBodies && m_config.recordTrace) {
        job.requestBody = QByteArray(request.body.data(), request.body.size());
        job.requestHeaders = request.headers;
    }
    const SimFaultKind fault = m_engine->pickFault(number, seed);
    if (fault != SimFaultKind::None && m_config.verbose) {
        qInfo().noquote().nospace() << "throughline-sim: " << job.id << " fault " << SimFault::name(fault);
    }
    const auto traceOnly = [&](int status) {
        if (!m_engine->tracing())
            return;
        SimTraceRecord trace;
        trace.id = job.id;
        trace.receivedNs = receivedNs;
        trace.arrivedNs = arrivedNs;
        trace.promptTokens = job.promptTokens;
        trace.status = status;
        trace.fault = fault;
        trace.endNs = monotonicNs();
        trace.headersNs = status > 0 ? trace.endNs : 0;
        m_engine->addTrace(std::move(trace));
    };
    if (const int status = answerEarlyFault(conn, fault); status >= 0) {
        traceOnly(status);
        return;
    }
    startJob(conn, std::move(job), receivedNs, arrivedNs, fault);
}

int SimWorker::answerEarlyFault(SimConnection& conn, SimFaultKind fault)
{
    if (const int status = faultStatus(fault); status != 0) {
        // Rate limiter and overload answers come before any work, as a proxy or the API server gives them.
        respond(conn,
            SimProtocol::errorResponse(status, faultMessage(fault), conn.keepAlive, conn.http10,
                status == 429 ? QByteArrayView("retry-after: 1\r\n") : QByteArrayView()),
            status);
        return status;
    }
    if (fault == SimFaultKind::ResetBeforeHeaders) {
        resetConnection(conn);
        return 0;
    }
    return -1;
}

bool SimWorker::authorised(const SimHttpRequest& request) const
{
    return m_expectedAuthorization.isEmpty() || request.header("authorization") == m_expectedAuthorization;
}

void SimWorker::respond(SimConnection& conn, const QByteArray& bytes, int status)
{
    write(conn, bytes);
    finishResponse(conn, status);
}

void SimWorker::finishResponse(SimConnection& conn, int status)
{
    m_served->fetch_add(1, std::memory_order_relaxed);
    ++conn.served;
    m_engine->countResponse(status);
    if (m_config.closeAfterResponse && conn.keepAlive && m_config.closeAfterResponseDelayMs > 0) {
        conn.closing = true; // what the client sends meanwhile is not read, as on a server that is closing
        const quint64 connectionId = conn.id;
        QTimer::singleShot(m_config.closeAfterResponseDelayMs, Qt::PreciseTimer, this, [this, connectionId] {
            if (SimConnection* c = connection(connectionId))
                closeAfterFlush(*c);
        });
    } else if (!conn.keepAlive || m_config.closeAfterResponse) {
        closeAfterFlush(conn); // after the bytes still pending have gone out
    }
}

void SimWorker::resetConnection(SimConnection& conn)
{
    // SO_LINGER with a zero timeout turns close() into a TCP reset (RST) instead of an orderly FIN; the
    // bytes not yet taken by the kernel are dropped.
    const linger option{1, 0};
    ::setsockopt(conn.fd, SOL_SOCKET, SO_LINGER, &option, sizeof option);
    conn.reset = true;
    conn.pending.clear();
    scheduleRemoval(conn);
}

void SimWorker::startJob(SimConnection& conn, SimJob job, qint64 receivedNs, qint64 arrivedNs, SimFaultKind fault)
{
    const quint64 id = m_nextStreamId++;
    Stream stream;
    stream.connectionId = conn.id;
    stream.job = std::move(job);
    stream.receivedNs = receivedNs;
    stream.fault = fault;
    stream.faultAt = (stream.job.outputTokens + 1) / 2;
    // An HTTP/1.0 client cannot read chunked encoding: its stream ends when the connection closes.
    stream.chunked = !conn.http10;
    if (stream.job.stream && conn.http10)
        conn.keepAlive = false;
    if (m_engine->tracing()) {
        stream.trace.id = stream.job.id;
        stream.trace.receivedNs = receivedNs;
        stream.trace.arrivedNs = arrivedNs;
        stream.trace.promptTokens = stream.job.promptTokens;
        stream.trace.fault = fault;
        stream.trace.requestBody = std::move(stream.job.requestBody);
        stream.trace.requestHeaders = std::move(stream.job.requestHeaders);
    }
    if (m_config.verbose) {
        qInfo().noquote().nospace() << "throughline-sim: " << stream.job.id << (stream.job.stream ? " stream" : "")
                                    << " prompt_tokens=" << stream.job.promptTokens
                                    << " completion_tokens=" << stream.job.outputTokens;
    }
    conn.activeStream = id;
    Stream& s = m_streams.emplace(id, std::move(stream)).first->second;
    if (fault == SimFaultKind::SlowHeaders) {
        s.phase = Phase::SlowHeaders;
        s.pendingPlannedNs = receivedNs + msToNs(m_config.faultSlowHeadersS * 1000.0);
        m_queue.push(s.pendingPlannedNs, id);
        armTimer();
        return;
    }
    // Headers go out at once, as vLLM's StreamingResponse does, even while the request waits for a slot.
    if (s.job.stream)
        writeStreamHead(conn, s);
    // Admitted at once, its clock starts when the request was received, exactly as in the first version.
    admit(id, s, receivedNs);
}

void SimWorker::writeStreamHead(SimConnection& conn, Stream& stream)
{
    write(conn, SimProtocol::streamHead(conn.keepAlive, stream.chunked));
    if (m_engine->tracing())
        stream.trace.headersNs = monotonicNs();
}

void SimWorker::admit(quint64 streamId, Stream& stream, qint64 nowNs)
{
    stream.phase = Phase::Waiting;
    if (m_engine->tryAcquire(this, streamId))
        beginRunning(streamId, stream, nowNs);
}

void SimWorker::admitWaiting(quint64 streamId)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->second.phase != Phase::Waiting) {
        m_engine->release(); // its client went away while it waited: the slot goes to the next one
        return;
    }
    beginRunning(streamId, it->second, monotonicNs());
}

void SimWorker::beginRunning(quint64 streamId, Stream& stream, qint64 nowNs)
{
    stream.phase = Phase::Running;
    stream.holdsSlot = true;
    SimJob& job = stream.job;
    if (job.reportCached) {
        const int blocks = m_engine->matchPrefix(job.prefixBlocks);
        // As in vLLM, at least the last prompt token is always computed.
        job.cachedTokens = std::clamp(blocks * SimProtocol::PrefixBlockTokens, 0, std::max(0, job.promptTokens - 1));
        stream.trace.cachedTokens = job.cachedTokens;
        if (job.kind == SimJob::Kind::Chat)
            m_engine->rememberPrefix(SimProtocol::historyBlocks(job));
    }
    m_engine->addPromptTokens(job.promptTokens);
    stream.prefillEndNs = m_engine->schedulePrefill(nowNs, job.promptTokens - job.cachedTokens);
    stream.lastPlannedNs = stream.prefillEndNs;
    if (job.kind == SimJob::Kind::Pooling) {
        stream.pendingPlannedNs = stream.prefillEndNs; // the answer is ready when the forward pass is
        stream.pendingLast = 0;
        m_queue.push(stream.pendingPlannedNs, streamId);
        armTimer();
        return;
    }
    if (stream.fault == SimFaultKind::EmptyStream) {
        // A 200 whose body ends before its first event.
        SimConnection* conn = connection(stream.connectionId);
        if (conn == nullptr) {
            dropStream(streamId, 499);
            return;
        }
        QByteArray bytes;
        if (job.stream) {
            SimProtocol::appendEndOfBody(stream.chunked, bytes);
        } else {
            bytes = SimProtocol::jsonResponse(200, {}, conn->keepAlive, conn->http10);
        }
        job.outputTokens = 0;
        completeStream(streamId, *conn, bytes);
        return;
    }
    scheduleNext(streamId, stream);
}

// Plans token k (in order) and returns its due time.
qint64 SimWorker::planToken(Stream& stream, int k)
{
    if (!m_batched) {
        // Absolute, from admission, so late wake-ups never accumulate into drift.
        stream.lastPlannedNs = stream.prefillEndNs + m_ttftNs + static_cast<qint64>(k - 1) * m_itlNs + stream.shiftNs;
    } else {
        // One decode step per token at the batch size of the moment; relative to the previous plan (not to
        // the wake-up), so lateness does not accumulate either.
        stream.lastPlannedNs += m_engine->decodeStepNs();
    }
    return stream.lastPlannedNs;
}

void SimWorker::scheduleNext(quint64 streamId, Stream& stream)
{
    const int n = stream.job.outputTokens;
    int last = 0;
    if (stream.job.stream)
        last = std::min(n, stream.nextToken + stream.job.tokensPerChunk - 1);
    else if (!m_batched)
        last = n; // one event for the whole answer
    else
        last = std::min(n, stream.nextToken + std::max(stream.job.tokensPerChunk, 16) - 1);
    if (!m_batched) {
        stream.pendingPlannedNs = planToken(stream, last);
    } else {
        for (int k = stream.nextToken; k <= last; ++k)
            stream.pendingPlannedNs = planToken(stream, k);
    }
    stream.pendingLast = last;
    m_queue.push(stream.pendingPlannedNs, streamId);
    armTimer();
}

void SimWorker::runDueEvents()
{
    // The timer is armed once, after the round: re-arming a timerfd costs a few microseconds (far more
    // in a VM), as much as writing the chunk itself.
    m_dispatching = true;
    qint64 now = monotonicNs();
    m_lastWakeNs = now;
    while (!m_queue.isEmpty() && m_queue.top().deadlineNs <= now) {
        emitDue(m_queue.pop().id);
        if (!m_queue.isEmpty() && m_queue.top().deadlineNs > now)
            now = monotonicNs(); // writes take time: what became due meanwhile goes out in this round
    }
    m_dispatching = false;
    armTimer();
}

void SimWorker::emitDue(quint64 streamId)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end())
        return; // the client went away: its pending events are dropped here
    Stream& stream = it->second;
    SimConnection* conn = connection(stream.connectionId);
    if (conn == nullptr || conn->dead) {
        if (conn != nullptr)
            conn->activeStream = 0;
        dropStream(streamId, 499);
        return;
    }
    switch (stream.phase) {
    case Phase::SlowHeaders:
        if (stream.job.stream)
            writeStreamHead(*conn, stream);
        admit(streamId, stream, monotonicNs());
        return;
    case Phase::Waiting:
        return; // not in the heap while waiting
    case Phase::Running:
        break;
    }
    if (stream.job.kind == SimJob::Kind::Pooling)
        completeStream(streamId, *conn, SimProtocol::jsonResponse(200, stream.job.pooledBody, conn->keepAlive, conn->http10));
    else if (stream.job.stream)
        emitStreamChunk(streamId, stream, *conn);
    else
        emitNonStream(streamId, stream, *conn);
}

void SimWorker::emitStreamChunk(quint64 streamId, Stream& stream, SimConnection& conn)
{
    const int first = stream.nextToken;
    const int last = stream.pendingLast;
    QByteArray bytes;
    if (!stream.faultDone && stream.fault != SimFaultKind::None && stream.faultAt >= first && stream.faultAt <= last) {
        stream.faultDone = true;
        switch (stream.fault) {
        case SimFaultKind::ResetMidStream:
            cutStream(streamId, conn, {}, true);
            return;
        case SimFaultKind::StallMidStream: {
            const qint64 stallNs = stallStream(streamId, stream);
            // Fixed model: the shift moves every later absolute deadline; batched: the next plans follow this one.
            stream.shiftNs += stallNs;
            if (m_batched)
                stream.lastPlannedNs += stallNs;
            return; // armTimer() follows in runDueEvents()
        }
        case SimFaultKind::MalformedChunk:
            SimProtocol::appendMalformedEvent(stream.job, stream.chunked, bytes);
            break;
        case SimFaultKind::ErrorEvent:
            SimProtocol::appendErrorEvent(500,
                "Internal server error in the middle of the stream (injected by throughline-sim --fault)",
                stream.chunked, bytes);
            stream.job.outputTokens = first - 1;
            completeStream(streamId, conn, bytes);
            return;
        case SimFaultKind::TruncatedChunked: {
            // A chunk announced 4 KiB long, a few bytes of it, then FIN: the body never completes.
            if (stream.chunked)
                bytes = "1000\r\ndata: {\"id\":";
            cutStream(streamId, conn, bytes, false);
            return;
        }
        default:
            break;
        }
    }
    SimProtocol::appendStreamEvents(stream.job, first, last, stream.chunked, bytes);
    m_engine->addGenerationTokens(last - first + 1);
    if (last >= stream.job.outputTokens) {
        if (m_engine->tracing())
            stream.trace.plannedNs.push_back(stream.pendingPlannedNs);
        completeStream(streamId, conn, bytes);
        return;
    }
    write(conn, bytes);
    if (m_engine->tracing()) {
        stream.trace.chunkNs.push_back(monotonicNs());
        stream.trace.plannedNs.push_back(stream.pendingPlannedNs);
    }
    stream.nextToken = last + 1;
    scheduleNext(streamId, stream);
}

void SimWorker::cutStream(quint64 streamId, SimConnection& conn, const QByteArray& lastBytes, bool reset)
{
    if (!reset)
        write(conn, lastBytes);
    conn.activeStream = 0;
    dropStream(streamId, 0);
    if (reset)
        resetConnection(conn);
    else
        closeAfterFlush(conn);
}

qint64 SimWorker::stallStream(quint64 streamId, Stream& stream)
{
    const qint64 stallNs = msToNs(m_config.faultStallS * 1000.0);
    stream.pendingPlannedNs += stallNs;
    m_queue.push(stream.pendingPlannedNs, streamId);
    return stallNs;
}

void SimWorker::emitNonStream(quint64 streamId, Stream& stream, SimConnection& conn)
{
    const int n = stream.job.outputTokens;
    if (stream.pendingLast < n) {
        // Batched model: the answer is generated step by step but only sent whole.
        m_engine->addGenerationTokens(stream.pendingLast - stream.nextToken + 1);
        stream.nextToken = stream.pendingLast + 1;
        scheduleNext(streamId, stream);
        return;
    }
    m_engine->addGenerationTokens(stream.pendingLast - stream.nextToken + 1);
    QByteArray body;
    if (!stream.faultDone) {
        stream.faultDone = true;
        switch (stream.fault) {
        case SimFaultKind::ResetMidStream:
            cutStream(streamId, conn, {}, true);
            return;
        case SimFaultKind::StallMidStream:
            stream.nextToken = n + 1; // nothing left to count
            stream.pendingLast = n;
            stallStream(streamId, stream);
            return;
        case SimFaultKind::MalformedChunk:
            body = SimProtocol::completeBody(stream.job);
            body.chop(body.size() / 2);
            break;
        case SimFaultKind::ErrorEvent:
            body = SimProtocol::errorEventBody(
                500, "Internal server error while generating (injected by throughline-sim --fault)");
            break;
        case SimFaultKind::TruncatedChunked: {
            const QByteArray whole
                = SimProtocol::jsonResponse(200, SimProtocol::completeBody(stream.job), false, conn.http10);
            cutStream(streamId, conn, whole.first(whole.size() - 8), false); // content-length promises more
            return;
        }
        default:
            break;
        }
    }
    if (body.isEmpty())
        body = SimProtocol::completeBody(stream.job);
    completeStream(streamId, conn, SimProtocol::jsonResponse(200, body, conn.keepAlive, conn.http10));
}

void SimWorker::completeStream(quint64 streamId, SimConnection& conn, const QByteArray& lastBytes)
{
    const bool isStream = m_streams.at(streamId).job.stream;
    conn.activeStream = 0;
    write(conn, lastBytes);
    if (m_engine->tracing()) {
        Stream& stream = m_streams.at(streamId);
        const qint64 now = monotonicNs();
        if (isStream && stream.job.outputTokens > 0 && stream.trace.plannedNs.size() > stream.trace.chunkNs.size())
            stream.trace.chunkNs.push_back(now);
        if (!isStream)
            stream.trace.headersNs = now;
    }
    dropStream(streamId, 200);
    finishResponse(conn, 200);
    processRequests(conn); // a request pipelined behind this one
}

void SimWorker::dropStream(quint64 streamId, int status)
{
    const auto it = m_streams.find(streamId);
    if (it == m_streams.end())
        return;
    Stream& stream = it->second;
    if (stream.holdsSlot)
        m_engine->release();
    else if (stream.phase == Phase::Waiting)
        m_engine->cancelWaiting(this, streamId);
    if (m_engine->tracing()) {
        SimTraceRecord& trace = stream.trace;
        trace.endNs = monotonicNs();
        trace.status = status;
        trace.completionTokens = status == 200 ? stream.job.outputTokens : std::max(0, stream.nextToken - 1);
        if (status == 200 && stream.job.stream)
            trace.completionTokens = std::min(stream.job.outputTokens, stream.pendingLast);
        m_engine->addTrace(std::move(trace));
    }
    m_streams.erase(it);
}

void SimWorker::armTimer()
{
    if (m_timer == nullptr || m_dispatching)
        return;
    if (m_queue.isEmpty()) {
        // Left armed: one spurious wake-up costs less than disarming after every last stream.
        return;
    }
    // At most one wake-up per slack: under heavy load the events due within it go out together, at most
    // that much late, and the cost of a wake-up (poll, timerfd re-arm) is shared by all of them.
    const qint64 next = std::max(m_queue.top().deadlineNs, m_lastWakeNs + m_slackNs);
    // Armed for the same or an earlier deadline: that wake-up re-arms for the rest.
    if (m_timer->isArmed() && m_timer->armedForNs() <= next)
        return;
    m_timer->armAt(next);
}

} // namespace tl
