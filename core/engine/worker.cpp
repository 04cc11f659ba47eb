#include "engine/worker.h"

#include "config/secretmask.h"
#include "dataset/conversationsource.h"
#include "engine/requestfactory.h"
#include "tokenizer/tokenizer.h"
#include "util/deadlinetimer.h"
#include "util/jsonutil.h"
#include "util/monoclock.h"
#include "util/tr.h"

#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

struct Worker::Active {
    RequestRecord rec;
    SseParser parser;
    QList<SseEvent> scratch;
    QByteArray request; // the body sent, kept for a resend on a stale connection
    RequestHeaders headers; // the request's own header fields (workload_trace), kept with it
    QByteArray generated; // the generated text, collected only when a tokenizer may have to count it
    qint64 datasetPromptTokens = -1; // the dataset's count of the prompt (-1: none)
    QByteArray body; // non-stream or error body
    bool sse = false; // the answer is text/event-stream
    bool decided = false; // sse decided from the headers
    QByteArray reason; // the status line's reason phrase
    qint64 lastActivityNs = 0;
    ErrorClass pendingError = ErrorClass::None;
    QString pendingMessage;
    ErrorClass abortReason = ErrorClass::None;
    QString abortMessage; // why, when the reason needs more words than its name (response_too_large)
    // The server's cumulative completion_tokens as of the previous event, when that event carried usage (-1 when
    // it did not): the base of the next event's token delta.
    qint64 usageTokens = -1;
    bool contentSeen = false; // an event with generated text has arrived
    QByteArray reply; // --multi-turn: the reply's content and reasoning, for the next turn's history
};

struct Worker::ConversationState {
    qint64 id = -1;
    Conversation turns;
    nlohmann::json history = nlohmann::json::array();
    int next = 0; // the turn to send next
};

namespace {

qint64 secondsToNs(double s)
{
    return qint64(s * 1e9);
}

ErrorClass classify(TransportError e)
{
    switch (e) {
    case TransportError::ConnectionRefused:
        return ErrorClass::ConnectionRefused;
    case TransportError::HostNotFound:
        return ErrorClass::HostNotFound;
    case TransportError::Timeout:
        return ErrorClass::ConnectTimeout;
    case TransportError::Aborted:
        return ErrorClass::Aborted;
    case TransportError::Tls:
        return ErrorClass::Tls;
    case TransportError::Protocol:
        return ErrorClass::MalformedStream;
    case TransportError::ClientResources:
        return ErrorClass::ClientResources;
    case TransportError::None:
    case TransportError::RemoteClosed:
    case TransportError::StaleConnection:
    case TransportError::Other:
        break;
    }
    return ErrorClass::Network;
}

constexpr qsizetype kMaxErrorBody = ResponseLimits::kMaxErrorMessageChars;

// --debug: the first and last `keep` bytes of a body or event, as EvalScope's trace hooks print them.
QString shortened(const QByteArray& data, qsizetype keep)
{
    if (data.size() <= 2 * keep)
        return QString::fromUtf8(data);
    return QString::fromUtf8(data.left(keep)) + QStringLiteral(" ... ") + QString::fromUtf8(data.right(keep));
}

} // namespace

// A connection that closed before a single byte of the answer, not by our own doing.
bool Worker::staleConnection(const Active& a, TransportError error)
{
    return error == TransportError::StaleConnection && !a.decided && a.rec.bytesReceived == 0
        && a.abortReason == ErrorClass::None;
}

Worker::Worker(
    WorkerOptions options, std::shared_ptr<const RequestFactory> factory, std::shared_ptr<Dispatcher> dispatcher)
    : m_options(options)
    , m_factory(std::move(factory))
    , m_dispatcher(std::move(dispatcher))
{
}

Worker::~Worker() = default;

void Worker::start()
{
    m_transport = Transport::create(m_options.transport, m_factory->target(), *this, this);
    m_rngState = m_options.seed ^ (quint64(m_options.workerId + 1) * 0xD1B54A32D192ED03ULL);
    m_slots.resize(static_cast<size_t>(m_options.slotCount));

    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(m_options.flushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &Worker::flush);
    m_flushTimer->start();
    m_timeoutTimer = new QTimer(this);
    m_timeoutTimer->setInterval(50);
    connect(m_timeoutTimer, &QTimer::timeout, this, &Worker::checkTimeouts);
    m_timeoutTimer->start();

    if (m_options.openLoop) {
        m_pumpDone = false;
        m_pumpTimer = new DeadlineTimer(this);
        connect(m_pumpTimer, &DeadlineTimer::timeout, this, &Worker::pump);
        pump();
        return;
    }
    m_rampStartNs = monotonicNs();
    rampUp();
}

void Worker::rampUp()
{
    int allowed = m_options.slotCount - m_slotsStarted;
    if (m_options.connectRatePerS > 0) {
        const double elapsedS = double(monotonicNs() - m_rampStartNs) / 1e9;
        allowed = std::min(allowed, m_options.rampBurst + int(elapsedS * m_options.connectRatePerS) - m_slotsStarted);
    }
    for (int i = 0; i < allowed && !m_aborting; ++i)
        fillSlot(m_slotsStarted++);
    if (m_slotsStarted >= m_options.slotCount || m_aborting || m_dispatcher->stopped()) {
        m_slotsStarted = m_options.slotCount; // stopped: slots never started count as done
        if (m_rampTimer)
            m_rampTimer->stop();
        maybeFinish();
        return;
    }
    if (!m_rampTimer) {
        m_rampTimer = new QTimer(this);
        m_rampTimer->setInterval(std::clamp(int(250.0 * m_options.rampBurst / m_options.connectRatePerS), 1, 50));
        connect(m_rampTimer, &QTimer::timeout, this, &Worker::rampUp);
        m_rampTimer->start();
    }
}

int Worker::freeSlot()
{
    if (!m_freeSlots.empty()) {
        const int slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        return slot;
    }
    m_slots.emplace_back();
    return int(m_slots.size()) - 1;
}

void Worker::pump()
{
    // A timerfd wakes the thread at the due time to the nanosecond (plus the kernel's wake-up latency); an arrival
    // less than kWaitSlackNs off is sent at once rather than slept for, since the sleep would overshoot it more.
    while (!m_aborting && !m_dispatcher->stopped()) {
        if (!m_nextArrival) {
            m_nextArrival = m_dispatcher->claim();
            if (!m_nextArrival)
                break;
        }
        const qint64 wait = m_nextArrival->scheduledNs - monotonicNs();
        if (wait > kWaitSlackNs) {
            m_pumpTimer->armAt(m_nextArrival->scheduledNs);
            return;
        }
        const Dispatcher::Claim claim = *m_nextArrival; // behind schedule: send at once to catch up, as EvalScope does
        m_nextArrival.reset();
        send(freeSlot(), claim);
    }
    m_nextArrival.reset();
    m_pumpDone = true;
    maybeFinish();
}

void Worker::fillSlot(int slot)
{
    if (m_aborting || m_options.openLoop) // open loop: arrivals come from pump(), not from completions
        return;
    if (m_options.multiTurn) {
        nextTurn(slot);
        return;
    }
    const auto claim = m_dispatcher->claim();
    if (!claim)
        return;
    if (claim->scheduledNs > monotonicNs() + kWaitSlackNs) {
        // Paced: the slot waits for its request's time. One timer for all of this worker's waiting slots.
        Slot& s = m_slots[static_cast<size_t>(slot)];
        s.waiting = true;
        s.claim = *claim;
        m_waiting.push({claim->scheduledNs, slot});
        if (!m_waitTimer) {
            m_waitTimer = new DeadlineTimer(this);
            connect(m_waitTimer, &DeadlineTimer::timeout, this, &Worker::sendDue);
        }
        if (!m_waitTimer->isArmed() || m_waitTimer->armedForNs() > claim->scheduledNs)
            m_waitTimer->armAt(claim->scheduledNs);
        return;
    }
    send(slot, *claim);
}

void Worker::sendDue()
{
    while (!m_waiting.empty() && m_waiting.top().first <= monotonicNs() + kWaitSlackNs) {
        const int slot = m_waiting.top().second;
        m_waiting.pop();
        Slot& s = m_slots[static_cast<size_t>(slot)];
        if (!s.waiting)
            continue;
        s.waiting = false;
        if (m_dispatcher->stopped()) { // stopped (or past --duration) while this request waited for its time
            s.conversation.reset();
            maybeFinish();
            continue;
        }
        if (m_options.multiTurn)
            sendTurn(slot);
        else
            send(slot, s.claim);
    }
    if (!m_waiting.empty())
        m_waitTimer->armAt(m_waiting.top().first);
}

void Worker::send(int slot, Dispatcher::Claim claim)
{
    Slot& s = m_slots[static_cast<size_t>(slot)];
    auto a = std::make_unique<Active>();
    const qint64 seq = claim.seq + m_options.seqOffset;
    a->rec.seq = int(seq);
    a->rec.warmup = m_options.warmup || claim.warmup;
    a->rec.stream = m_factory->api().streaming();
    PreparedRequest prepared = m_factory->take(seq);
    a->request = std::move(prepared.body);
    a->datasetPromptTokens = prepared.promptTokens;
    a->headers = std::move(prepared.headers);
    a->rec.requestId = std::move(prepared.requestId);
    if (a->request.isNull()) { // the dataset failed at this request (RequestFactory::bodyFor): send nothing more
        m_dispatcher->requestStop(); // the RunController fails the run; what is in flight finishes
        if (m_options.openLoop)
            m_freeSlots.push_back(slot);
        maybeFinish();
        return;
    }
    if (m_options.debug)
        qInfo().noquote() << "throughline: request" << seq << "body" << shortened(a->request, 100);
    const qint64 now = monotonicNs();
    a->rec.scheduledNs = claim.scheduledNs != 0 ? claim.scheduledNs : now;
    a->rec.sentNs = now;
    s.active = std::move(a);
    post(slot);
}

void Worker::nextTurn(int slot)
{
    Slot& s = m_slots[static_cast<size_t>(slot)];
    while (!m_aborting) {
        if (m_dispatcher->stopped()) { // Stop: the conversation is left where it is
            s.conversation.reset();
            return;
        }
        ConversationState* c = s.conversation.get();
        if (c && (c->next >= c->turns.size() || (m_options.maxTurns && c->next >= *m_options.maxTurns))) {
            s.conversation.reset(); // finished
            c = nullptr;
        }
        if (!c) {
            const std::optional<qint64> id = m_dispatcher->claimConversation();
            if (!id)
                return; // none left, or past --duration
            const QByteArray data = m_factory->bodyFor(*id);
            if (data.isNull()) { // the dataset failed (RequestFactory::bodyFor): the RunController fails the run
                m_dispatcher->requestStop();
                return;
            }
            std::optional<Conversation> turns = ConversationSource::decode(data);
            if (!turns || turns->isEmpty())
                continue;
            s.conversation = std::make_unique<ConversationState>();
            c = s.conversation.get();
            c->id = *id;
            c->turns = std::move(*turns);
        }
        // Before the turn: the tool call's latency, then --rate's Exponential(1/rate) pause, as EvalScope sleeps
        // them (per conversation, relative to the previous reply), on this thread's timer, not blocking it.
        qint64 waitNs = secondsToNs(c->turns.at(c->next).toolCallLatencyS);
        if (m_options.turnRate > 0) {
            m_rngState += 0x9E3779B97F4A7C15ULL; // splitmix64
            quint64 z = m_rngState;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            z ^= z >> 31;
            const double u = (double(z >> 11) + 1.0) / 9007199254740993.0; // (0, 1]
            waitNs += secondsToNs(-std::log(u) / m_options.turnRate);
        }
        if (waitNs > kWaitSlackNs) {
            const qint64 due = monotonicNs() + waitNs;
            s.waiting = true;
            m_waiting.push({due, slot});
            if (!m_waitTimer) {
                m_waitTimer = new DeadlineTimer(this);
                connect(m_waitTimer, &DeadlineTimer::timeout, this, &Worker::sendDue);
            }
            if (!m_waitTimer->isArmed() || m_waitTimer->armedForNs() > due)
                m_waitTimer->armAt(due);
            return;
        }
        sendTurn(slot);
        return;
    }
}

void Worker::sendTurn(int slot)
{
    Slot& s = m_slots[static_cast<size_t>(slot)];
    ConversationState* c = s.conversation.get();
    if (!c)
        return;
    const auto claim = m_dispatcher->claim(); // --number counts turns
    if (!claim) {
        s.conversation.reset(); // the run's turns are all sent: the conversation ends here
        maybeFinish();
        return;
    }
    const ConversationTurn& turn = c->turns.at(c->next);
    for (const nlohmann::json& m : turn.messages)
        c->history.push_back(m);
    auto a = std::make_unique<Active>();
    const qint64 seq = claim->seq + m_options.seqOffset;
    a->rec.seq = int(seq);
    a->rec.warmup = m_options.warmup;
    a->rec.stream = m_factory->api().streaming();
    a->rec.conversationId = c->id;
    a->rec.turnIndex = c->next;
    a->request = m_factory->bodyForTurn(
        jsonutil::dump(c->history),
        turn.maxTokens, seq, &a->datasetPromptTokens);
    if (m_options.debug)
        qInfo().noquote() << "throughline: conversation" << c->id << "turn" << c->next << "body"
                          << shortened(a->request, 100);
    const qint64 now = monotonicNs();
    a->rec.scheduledNs = now;
    a->rec.sentNs = now;
    s.active = std::move(a);
    post(slot);
}

void Worker::endTurn(Slot& s, bool success, const QByteArray& reply)
{
    ConversationState* c = s.conversation.get();
    if (!c)
        return;
    if (!success) { // a failed turn abandons its conversation (EvalScope); the slot claims a new one
        s.conversation.reset();
        return;
    }
    c->history.push_back({{"role", "assistant"}, {"content", reply.toStdString()}});
    ++c->next;
}

void Worker::post(int slot)
{
    Active& a = *m_slots[static_cast<size_t>(slot)].active;
    a.lastActivityNs = monotonicNs();
    m_transport->send(slot, a.request, a.headers);
}

void Worker::responseHead(int slot, int status, QByteArrayView reason, QByteArrayView contentType, qint64 nowNs)
{
    Active* a = m_slots[static_cast<size_t>(slot)].active.get();
    if (!a || a->decided)
        return;
    a->rec.headersNs = nowNs;
    a->lastActivityNs = nowNs;
    a->rec.httpStatus = status;
    a->reason = reason.toByteArray();
    // Media types are case-insensitive (RFC 9110 8.3.1). A 200 without any Content-Type is read as what was asked
    // for: some servers stream without naming the type.
    const QByteArrayView type = contentType.trimmed();
    const bool eventStream = type.size() >= 17 && type.first(17).compare("text/event-stream", Qt::CaseInsensitive) == 0;
    a->sse = status == 200 && (eventStream || (type.isEmpty() && a->rec.stream));
    a->rec.stream = a->sse || (status != 200 && a->rec.stream);
    a->decided = true;
}

void Worker::responseData(int slot, QByteArrayView data, qint64 nowNs)
{
    Active* a = m_slots[static_cast<size_t>(slot)].active.get();
    if (!a || a->abortReason != ErrorClass::None)
        return; // being aborted: whatever else the read brought is not kept
    a->rec.bytesReceived += data.size();
    a->lastActivityNs = nowNs;
    if (nowNs - a->rec.sentNs > secondsToNs(m_options.totalTimeoutS)) {
        // Checked here too, not only by the 50 ms timer: a server that sends faster than this thread parses keeps
        // its event queue full (qt: the HTTP thread's queued reads), and the timer's turn may never come.
        abortNow(slot, *a, ErrorClass::TotalTimeout);
        return;
    }
    const ResponseLimits& limits = m_options.limits;
    if (a->rec.bytesReceived > limits.maxResponseBytes) {
        tooLarge(slot, *a,
            Tr::tr("the answer (HTTP %1) is larger than %2 bytes").arg(a->rec.httpStatus).arg(limits.maxResponseBytes));
        return;
    }
    if (!a->sse) {
        const qsizetype keep = a->rec.httpStatus == 200 ? limits.maxResponseBytes : kMaxErrorBody;
        if (a->body.size() < keep)
            a->body.append(data.first(std::min<qsizetype>(data.size(), keep - a->body.size())));
        return;
    }
    a->scratch.clear();
    a->parser.feed(data, a->scratch);
    for (const SseEvent& ev : std::as_const(a->scratch)) {
        if (ev.data.size() > limits.maxEventBytes) {
            tooLarge(slot, *a, Tr::tr("an event of the stream is larger than %1 bytes").arg(limits.maxEventBytes));
            return;
        }
        handleEvent(*a, ev, nowNs);
    }
    if (a->parser.pendingBytes() > limits.maxEventBytes)
        tooLarge(slot, *a, Tr::tr("an event of the stream is larger than %1 bytes").arg(limits.maxEventBytes));
}

void Worker::abortNow(int slot, Active& a, ErrorClass reason, const QString& message)
{
    a.abortReason = reason;
    a.abortMessage = message;
    // Both transports take an abort from inside their callbacks. Not a queued call: a server that sends faster
    // than this thread reads keeps the qt transport's queue of reads full, and a queued abort never got its turn.
    m_transport->abort(slot); // records the request (`a` is gone) and refills the slot
}

void Worker::handleEvent(Active& a, const SseEvent& event, qint64 nowNs)
{
    if (m_options.debug)
        qInfo().noquote() << "throughline: request" << a.rec.seq << "event" << shortened(event.data, 200);
    if (event.isDone() || event.data.isEmpty())
        return;
    const ParsedEvent parsed = m_factory->api().parseStreamEvent(event.data);
    quint8 flags = 0;
    if (!parsed.valid) {
        if (a.pendingError == ErrorClass::None) {
            a.pendingError = ErrorClass::MalformedStream;
            a.pendingMessage = Tr::tr("event is not JSON: %1").arg(QString::fromUtf8(event.data.left(200)));
        }
    } else {
        if (a.rec.responseId.isEmpty() && !parsed.id.isEmpty())
            a.rec.responseId = parsed.id;
        a.generated += parsed.text; // empty unless the plugin collects text for the tokenizer
        if (!parsed.reply.isEmpty()) // --multi-turn only
            a.reply += parsed.reply;
        if (parsed.hasChoices)
            flags |= EventHasChoices;
        if (parsed.hasContent) {
            flags |= EventHasContent;
            ++m_contentEventsDelta;
        }
        if (parsed.hasUsage) {
            flags |= EventHasUsage;
            // A usage without a believable completion_tokens (missing, negative, fractional, absurd: readUsage()
            // gives -1) is no count: the record falls back to counting chunks and its token source says so.
            if (parsed.completionTokens >= 0) {
                a.rec.promptTokens = std::max<qint64>(parsed.promptTokens, 0);
                a.rec.completionTokens = parsed.completionTokens;
                if (parsed.cachedTokens >= 0)
                    a.rec.cachedTokens = parsed.cachedTokens;
                a.rec.tokenSource = TokenSource::ServerUsage;
            }
        }
        if (parsed.isError && a.pendingError == ErrorClass::None) {
            a.pendingError = ErrorClass::ErrorEvent;
            a.pendingMessage = parsed.errorMessage.left(kMaxErrorBody);
        }
    }
    recordTokenDelta(a, parsed);
    a.rec.eventNs.append(nowNs);
    a.rec.eventFlags.append(flags);
}

void Worker::recordTokenDelta(Active& a, const ParsedEvent& parsed)
{
    // With continuous usage stats every chunk carries the running completion_tokens, so an event brought its count
    // minus the previous event's. Without a previous count the delta is still exact while no text has come yet
    // (everything counted so far arrived with this event); otherwise it is unknown. The final usage chunk repeats
    // the last count: delta 0, so nothing is counted twice.
    qint32 delta = RequestRecord::kUnknownTokens;
    if (parsed.valid && parsed.hasUsage && parsed.completionTokens >= 0) {
        const qint64 base = a.usageTokens >= 0 ? a.usageTokens : (a.contentSeen ? -1 : 0);
        if (base >= 0 && parsed.completionTokens >= base)
            delta = qint32(std::min<qint64>(parsed.completionTokens - base, std::numeric_limits<qint32>::max()));
        a.usageTokens = parsed.completionTokens;
    } else {
        a.usageTokens = -1;
    }
    a.contentSeen = a.contentSeen || (parsed.valid && parsed.hasContent);
    QVector<qint32>& tokens = a.rec.eventTokens;
    if (tokens.isEmpty()) {
        if (delta == RequestRecord::kUnknownTokens)
            return; // none known yet: the record keeps no deltas
        tokens.fill(RequestRecord::kUnknownTokens, a.rec.eventNs.size()); // first known delta: earlier ones unknown
    }
    tokens.append(delta);
}

void Worker::responseEnd(int slot, TransportError error, const QString& message, qint64 nowNs)
{
    Slot& s = m_slots[static_cast<size_t>(slot)];
    if (!s.active)
        return;
    if (staleConnection(*s.active, error) && m_options.retryStaleConnections && s.active->rec.retries == 0
        && !m_aborting) {
        // The server closed a pooled keep-alive connection as this request went out on it: nothing was answered,
        // so sending it again on a fresh connection is safe. Counted in the record.
        ++s.active->rec.retries;
        post(slot);
        return;
    }
    finishRecord(*s.active, error, message, nowNs);
    if (m_options.multiTurn)
        endTurn(s, m_pending.constLast().success, s.active->reply);
    s.active.reset();
    if (m_options.openLoop)
        m_freeSlots.push_back(slot);
    fillSlot(slot);
    maybeFinish();
}

void Worker::requestResent(int slot)
{
    // Counted as the worker counts its own resends: the record says the request went out twice.
    Slot& s = m_slots[static_cast<size_t>(slot)];
    if (s.active)
        ++s.active->rec.retries;
}

void Worker::finishRecord(Active& a, TransportError error, const QString& message, qint64 nowNs)
{
    RequestRecord& rec = a.rec;
    rec.endNs = nowNs;
    if (m_options.storeBodies)
        rec.requestBody = a.request;

    // A transport's message can quote the request URL, user:password included.
    auto fail = [&rec, this](ErrorClass c, const QString& message) {
        rec.success = false;
        rec.errorClass = c;
        rec.errorMessage = SecretMask::maskText(message, m_options.secrets);
    };

    if (a.abortReason != ErrorClass::None) {
        fail(a.abortReason,
            !a.abortMessage.isEmpty()                  ? a.abortMessage
                : a.abortReason == ErrorClass::Aborted ? Tr::tr("stopped by the user")
                                                       : Tr::tr("%1 after %2 s")
                                                             .arg(errorClassName(a.abortReason))
                                                             .arg(double(nowNs - rec.sentNs) / 1e9, 0, 'f', 3));
    } else if (rec.httpStatus != 0 && rec.httpStatus != 200) {
        QString body = QString::fromUtf8(a.body.left(kMaxErrorBody)).trimmed();
        if (body.isEmpty())
            body = QString::fromLatin1(a.reason);
        fail(ErrorClass::HttpStatus, QStringLiteral("HTTP %1: %2").arg(rec.httpStatus).arg(body));
    } else if (error != TransportError::None) {
        fail(classify(error), message);
    } else if (a.sse) {
        SseEvent last;
        if (a.parser.finish(last))
            handleEvent(a, last, rec.eventNs.isEmpty() ? nowNs : rec.eventNs.constLast());
        if (a.pendingError != ErrorClass::None)
            fail(a.pendingError, a.pendingMessage);
        else if (rec.eventNs.isEmpty())
            fail(ErrorClass::EmptyStream, Tr::tr("the server answered 200 with an event stream that held no data"));
        else
            rec.success = true;
    } else {
        const ParsedEvent parsed = m_factory->api().parseBody(a.body);
        rec.responseId = parsed.id;
        a.reply = parsed.reply;
        if (!parsed.valid) {
            // HTML from a proxy, garbage, nothing, an array, a body cut short: not the answer that was asked for.
            fail(ErrorClass::MalformedResponse,
                a.body.isEmpty() ? Tr::tr("the server answered 200 with an empty body")
                                 : Tr::tr("the server answered 200 with a body that is not a JSON object: %1")
                                       .arg(QString::fromUtf8(a.body.left(200))));
        } else if (parsed.isError) {
            fail(ErrorClass::ErrorEvent, parsed.errorMessage);
        } else {
            rec.success = true;
            if (parsed.hasUsage && parsed.completionTokens >= 0) {
                rec.promptTokens = std::max<qint64>(parsed.promptTokens, 0);
                rec.completionTokens = std::max<qint64>(parsed.completionTokens, 0);
                rec.cachedTokens = parsed.cachedTokens;
                rec.tokenSource = TokenSource::ServerUsage;
            } else if (parsed.hasContent) {
                rec.completionTokens = 1;
                rec.tokenSource = TokenSource::ChunkCount;
                a.generated = parsed.text;
            }
        }
    }
    if (rec.success && rec.tokenSource != TokenSource::ServerUsage) {
        if (const Tokenizer* tokenizer = m_factory->tokenizer()) {
            // EvalScope's fallback: the client tokenizer counts the generated text (without special tokens) and
            // the prompt as the dataset measured it.
            rec.completionTokens = tokenizer->count(std::string_view(a.generated.constData(), size_t(a.generated.size())));
            if (a.datasetPromptTokens >= 0)
                rec.promptTokens = a.datasetPromptTokens;
            rec.tokenSource = TokenSource::Tokenizer;
        } else if (a.sse) {
            rec.completionTokens = rec.contentEvents();
            rec.tokenSource = TokenSource::ChunkCount;
        }
    }
    if (m_options.debug && !rec.success)
        qInfo().noquote() << "throughline: request" << rec.seq << "failed:" << errorClassName(rec.errorClass)
                          << rec.errorMessage;
    m_pending.append(std::move(rec));
}

void Worker::checkTimeouts()
{
    const qint64 now = monotonicNs();
    for (size_t i = 0; i < m_slots.size(); ++i) { // by index: an abort refills its slot
        Active* a = m_slots[i].active.get();
        if (!a)
            continue;
        ErrorClass reason = ErrorClass::None;
        if (now - a->rec.sentNs > secondsToNs(m_options.totalTimeoutS))
            reason = ErrorClass::TotalTimeout;
        else if (m_options.connectTimeoutS && !a->decided
            && now - a->rec.sentNs > secondsToNs(*m_options.connectTimeoutS))
            reason = ErrorClass::ConnectTimeout;
        else if (m_options.readTimeoutS && now - a->lastActivityNs > secondsToNs(*m_options.readTimeoutS))
            reason = ErrorClass::ReadTimeout;
        if (reason != ErrorClass::None) {
            a->abortReason = reason;
            m_transport->abort(int(i)); // records the request and refills the slot
        }
    }
}

void Worker::stopDispatch()
{
    if (m_pumpTimer)
        m_pumpTimer->stop();
    if (m_rampTimer)
        m_rampTimer->stop();
    m_slotsStarted = m_options.slotCount; // slots not started yet never will be
    m_nextArrival.reset();
    m_pumpDone = true;
    if (m_waitTimer)
        m_waitTimer->stop();
    m_waiting = {};
    for (Slot& s : m_slots) {
        s.waiting = false;
        if (!s.active)
            s.conversation.reset();
    }
    maybeFinish();
}

void Worker::abortAll()
{
    m_aborting = true; // aborted replies finish at once and must not refill their slots
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].active) {
            m_slots[i].active->abortReason = ErrorClass::Aborted;
            m_transport->abort(int(i));
        }
    }
    stopDispatch();
}

void Worker::flush()
{
    int inFlight = 0;
    for (const Slot& s : m_slots)
        inFlight += s.active ? 1 : 0;
    if (m_pending.isEmpty() && m_contentEventsDelta == 0 && inFlight == m_lastReportedInFlight)
        return;
    WorkerBatch batch;
    batch.workerId = m_options.workerId;
    batch.records = std::move(m_pending);
    m_pending = {};
    batch.atNs = monotonicNs();
    batch.contentEventsDelta = m_contentEventsDelta;
    batch.inFlight = inFlight;
    m_contentEventsDelta = 0;
    m_lastReportedInFlight = inFlight;
    Q_EMIT batchReady(std::move(batch));
}

void Worker::maybeFinish()
{
    if (m_finished || !m_pumpDone || (!m_options.openLoop && m_slotsStarted < m_options.slotCount))
        return;
    for (const Slot& s : m_slots) {
        if (s.active || s.waiting)
            return;
    }
    m_finished = true;
    m_flushTimer->stop();
    m_timeoutTimer->stop();
    m_lastReportedInFlight = -1; // force a final batch
    flush();
    Q_EMIT finished(m_options.workerId);
}

} // namespace tl
