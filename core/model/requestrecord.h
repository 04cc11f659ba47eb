#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace tl {

// Why a request failed. Stored by name in the project file, so names never change.
enum class ErrorClass : quint8 {
    None,
    ConnectionRefused,
    HostNotFound,
    ConnectTimeout, // no response headers within --connect-timeout
    ReadTimeout, // no bytes for --read-timeout
    TotalTimeout, // the request ran past --total-timeout
    HttpStatus, // a non-200 answer
    ErrorEvent, // an {"error": ...} object inside a 200 stream
    EmptyStream, // a 200 stream that carried no data event
    MalformedStream, // an event that is not JSON
    Network, // reset, TLS or other transport errors
    Aborted, // stopped by the user
    Unknown, // failed, but the source did not record why (runs imported from other tools)
    Tls, // the TLS handshake failed (certificate not trusted, name mismatch...); --insecure skips verification
    ResponseTooLarge, // the answer (or one event of it) passed ResponseLimits: the request was aborted there
    MalformedResponse, // a 200 answer that is not what was asked (not JSON, not an object, empty, cut short)
    // The client itself could not make the request: out of file descriptors (EMFILE/ENFILE) or socket buffers. The
    // server is not to blame; a run with such failures does not exit 0 (docs/RELIABILITY.md).
    ClientResources,
};

// Failures of the client, not of the server under test.
inline bool isClientError(ErrorClass c)
{
    return c == ErrorClass::ClientResources;
}

QString errorClassName(ErrorClass c);
ErrorClass errorClassFromName(const QString& name);

enum class TokenSource : quint8 {
    Unknown,
    ServerUsage, // the server's `usage` object
    ChunkCount, // no usage and no tokenizer: one token per content chunk (a lower bound)
    Tokenizer, // no usage: the client's --tokenizer-path counted the prompt (as the dataset measured it) and the
               // generated text
};

QString tokenSourceName(TokenSource s);
TokenSource tokenSourceFromName(const QString& name); // Unknown for names it does not know

// Flags of one data event of a stream.
enum EventFlag : quint8 {
    EventHasChoices = 1, // EvalScope's TTFT/ITL event: non-empty choices (the role-only chunk counts)
    EventHasContent = 2, // carries generated text
    EventHasUsage = 4,
};

// Everything measured about one request: raw monotonic timestamps (ns, tl::monotonicNs()) of every stage and
// every data event, so that any metric variant can be recomputed later. A plain value, built on the worker
// thread that ran the request and handed onward in batches.
struct RequestRecord {
    int seq = -1; // index in its run point
    bool warmup = false;
    bool stream = true; // the response was an event stream (for failures: the request asked for one)
    bool success = false;

    qint64 scheduledNs = 0; // when the schedule wanted it sent
    qint64 sentNs = 0; // just before the request was handed to the network stack (EvalScope's start_time)
    qint64 headersNs = 0; // response headers received
    qint64 endNs = 0; // the reply finished (body complete, error, or abort)

    QVector<qint64> eventNs; // every non-[DONE] data event, in order
    QVector<quint8> eventFlags; // EventFlag bits, parallel to eventNs
    // Tokens each event brought, from the server's cumulative per-chunk usage (vLLM's
    // stream_options.continuous_usage_stats): completion_tokens minus the previous event's. Either empty (no event's
    // delta is known: the usual case) or parallel to eventNs, with kUnknownTokens where an event's delta is unknown.
    QVector<qint32> eventTokens;
    static constexpr qint32 kUnknownTokens = -1;

    qint64 promptTokens = -1; // -1 = unknown
    qint64 completionTokens = -1;
    qint64 cachedTokens = -1;
    TokenSource tokenSource = TokenSource::Unknown;

    QByteArray responseId; // the server's id of the answer (first "id" seen), to match its logs; empty if none
    int httpStatus = 0;
    ErrorClass errorClass = ErrorClass::None;
    QString errorMessage;
    qint64 bytesReceived = 0;
    // Resends of the request after its connection closed before a single response byte: a pooled keep-alive
    // connection the server had already closed. sentNs stays the first attempt's, so the wasted round trip counts.
    int retries = 0;

    // --multi-turn: the conversation the request is a turn of (its claim number in the run, from 0) and the turn's
    // index in it (from 0); -1 for single-turn requests.
    qint64 conversationId = -1;
    int turnIndex = -1;

    // workload_trace: the record's own `request_id` (empty when it has none, and for every other dataset).
    QString requestId;
    // --store-bodies: the request body as sent (JSON text); empty when bodies are not kept. Implicitly shared with
    // the buffer the worker sent, so keeping it copies nothing.
    QByteArray requestBody;

    // --- EvalScope definitions (§5.1), in seconds; meaningful for successful requests ---
    qint64 firstChoicesNs() const; // first event with choices (0 if none)
    qint64 firstContentNs() const; // first event with text (0 if none)
    qint64 completedNs() const; // stream: last data event; otherwise endNs
    double latencyS() const; // completed - sent
    double ttftS() const; // stream: first choices event - sent; non-stream: latency
    double tpotS() const; // (latency - ttft) / (out - 1), 0 when out <= 1
    QVector<double> itlS() const; // per choices event after the first: t_i - t_(previous data event)
    qint64 contentEvents() const;
    // Every content event has a known token delta (and there is at least one): ITL per token and tokens per chunk
    // can use the server's counts rather than spreading the output evenly over the chunks.
    bool hasExactTokenDeltas() const;
};

// What a worker hands onward every ~50 ms: finished requests plus live counters for the charts.
struct WorkerBatch {
    int workerId = -1;
    QList<RequestRecord> records;
    qint64 atNs = 0;
    qint64 contentEventsDelta = 0; // content events received since the previous batch (in-flight included)
    int inFlight = 0;
};

} // namespace tl

Q_DECLARE_METATYPE(tl::RequestRecord)
Q_DECLARE_METATYPE(tl::WorkerBatch)
