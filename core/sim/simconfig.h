#pragma once

#include "sim/simfault.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace tl {

class Tokenizer;

// How the emulated server samples the natural output length of a request whose client set no limit
// (no max_tokens and no ignore_eos); a client's max_tokens still caps it.
struct SimLengthDistribution {
    enum class Kind { Fixed, Uniform, Normal };
    Kind kind = Kind::Fixed; // Fixed: SimConfig::defaultOutputTokens
    double a = 0; // Uniform: min; Normal: mean
    double b = 0; // Uniform: max; Normal: standard deviation

    // "fixed", "uniform:MIN:MAX" or "normal:MEAN:STD"; false with a message when malformed.
    static bool parse(const QString& text, SimLengthDistribution* out, QString* error);
    QString toString() const;
};

// Everything the emulated model server needs to know: where to listen and how fast to "generate".
// A plain value so the GUI, the CLI and the tests can build one without the command-line parser.
//
// Two timing models (docs/SIM.md):
//  - fixed (decodeBaseMs < 0, the default): first token at admission + prefill + ttftMs, then one token
//    every itlMs, on absolute deadlines;
//  - batched (decodeBaseMs >= 0): first token at admission + prefill + one decode step, each later token one
//    decode step after the previous, a step lasting decodeBaseMs + decodePerSeqMs x (running sequences).
// Either way at most maxNumSeqs requests run at once and the rest wait in one FIFO queue shared by every
// thread; prefill costs promptTokens / prefillTokPerS seconds (0 = free) and prefills run one at a time.
// The defaults keep the plain fixed model of the first version: 1024 slots, free prefill, no faults.
struct SimConfig {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0 = pick a free port
    double ttftMs = 100.0; // time from request received to first token
    double itlMs = 20.0; // gap between tokens
    int defaultOutputTokens = 64; // output length when the client does not set ignore_eos (capped by max_tokens)
    int threads = 0; // event-loop threads; 0 = QThread::idealThreadCount()
    QString modelName = QStringLiteral("throughline-sim"); // reported by /v1/models; requests for any model are served
    QString apiKey; // empty = no auth; else "Authorization: Bearer <key>" required (401 otherwise)
    bool verbose = false;

    // Serving model.
    int maxNumSeqs = 1024; // sequence slots; requests beyond wait in a FIFO queue
    double prefillTokPerS = 0.0; // prompt tokens prefilled per second; 0 = prefill takes no time
    double decodeBaseMs = -1.0; // < 0: the fixed ttftMs/itlMs model; >= 0: batched decode steps
    double decodePerSeqMs = 0.0; // added to a decode step per running sequence
    SimLengthDistribution outputLengths; // natural output length when the client sets no limit
    quint64 seed = 0; // output lengths and faults are a pure function of (seed, request number)
    bool prefixCache = false; // report repeated prompt prefixes as cached_tokens and skip their prefill
    int tokensPerChunk = 1; // tokens coalesced into one SSE chunk
    // --tokenizer-path: prompt tokens counted by this tokenizer (chat through its template, as vLLM counts them)
    // instead of the 4-bytes-a-token rule.
    std::shared_ptr<const Tokenizer> tokenizer;
    // Keep-alive advertised, but a connection that already served a request is closed (FIN, no answer) when the
    // next request arrives on it: the stale pooled connection a client must retry on.
    bool staleKeepAlive = false;
    // Keep-alive advertised (no "connection: close"), but every connection is closed (FIN) right after its
    // response, as llama.cpp's server does: a client that reuses the connection races the close.
    bool closeAfterResponse = false;
    // With closeAfterResponse: the FIN comes this long after the response (nothing more is read meanwhile), so a
    // client has time to send its next request on the connection.
    int closeAfterResponseDelayMs = 0;
    // A worker thread wakes at most once per slack: events due closer together than this go out in one
    // round, up to this much late (never early). Only matters under heavy load; 0 = one wake-up per deadline.
    // 250 µs: at 1,000 streams x 20 tok/s about five events share a wake-up (14 µs CPU per event against 22 at
    // 100 µs on the 2-core VM, docs/PERFORMANCE.md), still far inside the 1 ms schedule budget.
    double timerSlackUs = 250.0;
    int embeddingDimensions = 384; // /v1/embeddings vector length when the request sets no "dimensions"

    // Fault injection, per completion request (docs/SIM.md lists the kinds).
    QList<SimFaultRule> faults;
    double faultStallS = 5.0; // stall-mid-stream: seconds without a byte
    double faultSlowHeadersS = 5.0; // slow-headers: seconds before the status line

    // Ground truth of every completion request's write times: recordTrace keeps them in memory
    // (SimServer::traceRecords()); traceOut writes them there as they happen, one JSON line per request, flushed at
    // least once a second (SimTraceFile), without keeping them in memory.
    bool recordTrace = false;
    QString traceOut;
    // With recordTrace: keep each completion request's body in its trace record (in-process tests: what a client
    // sent, e.g. a conversation's history). Never written to traceOut.
    bool traceBodies = false;
};

} // namespace tl
