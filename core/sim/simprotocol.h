#pragma once

#include <vector>

#include "sim/simjob.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tl {

struct SimConfig;

// The OpenAI/vLLM wire format of the emulated server, without any I/O: validates completion request
// bodies into SimJobs and writes HTTP heads, SSE chunks and JSON answers byte for byte the way vLLM
// behind uvicorn does. Hot paths (one call per token) only append precomputed fragments.
//
// Counting rules (documented in `throughline-sim --help` too):
//  - prompt tokens, chat: sum over messages of max(1, ceil(UTF-8 bytes of the content / 4)) + 4 per message
//    (content given as a list of parts counts the bytes of every part's "text");
//  - prompt tokens, completions: ceil(UTF-8 bytes / 4) for a string prompt, the list length for token ids;
//  - output tokens n: ignore_eos true -> max_tokens (16 when absent); otherwise min(max_tokens, the server's
//    default output length), or that default without max_tokens; then at least min_tokens, at least 1.
//    finish_reason is "length" when n reached max_tokens, else "stop";
//  - the k-th output token (from 1) is " " + a word of a fixed 64-word list, the same for every request.
class SimProtocol final {
public:
    SimProtocol() = delete;

    static constexpr int MaxModelLen = 32768;
    static constexpr int IgnoreEosDefaultMaxTokens = 16; // vLLM's default max_tokens for completions
    // Prefix-cache granularity: a block is 16 token ids, or 64 bytes of prompt text (16 tokens by the rule).
    static constexpr int PrefixBlockTokens = 16;
    // An image part costs ceil(w/28) * ceil(h/28) prompt tokens (Qwen2-VL's 14 px patches merged 2 x 2).
    static constexpr int ImagePatchPixels = 28;

    // Validates a /v1/chat/completions (Kind::Chat) or /v1/completions body. On failure returns false and
    // sets `error` to the message of a 400 BadRequestError.
    static bool parseJob(
        SimJob::Kind kind, QByteArrayView body, const SimConfig& config, SimJob* job, QByteArray* error);
    // The same with the natural output length (what the model would say before its EOS) given, in place of
    // config.defaultOutputTokens: the serving model samples it per request.
    static bool parseJob(SimJob::Kind kind, QByteArrayView body, const SimConfig& config, int naturalOutputTokens,
        SimJob* job, QByteArray* error);

    // Whole HTTP responses. `http10` answers an HTTP/1.0 client (explicit keep-alive, no chunking).
    static QByteArray jsonResponse(
        int status, QByteArrayView body, bool keepAlive, bool http10, QByteArrayView extraHeaders = {});
    static QByteArray errorResponse(
        int status, QByteArrayView message, bool keepAlive, bool http10, QByteArrayView extraHeaders = {});
    static QByteArray emptyResponse(int status, bool keepAlive, bool http10);
    static QByteArray continueResponse();
    // Head of an SSE answer; with `chunked` false (HTTP/1.0) the body ends when the connection closes.
    static QByteArray streamHead(bool keepAlive, bool chunked);

    // Everything a stream writes when its token k (1-based) is due, appended to `out` as one piece so it
    // goes out in one socket write: the role chunk before token 1 of a chat, the token chunk, and after the
    // last token the usage chunk (if asked for), `data: [DONE]` and the chunked-encoding terminator.
    static void appendStreamEvents(const SimJob& job, int k, bool chunked, QByteArray& out);
    // The same for tokens first..last coalesced into one event (--tokens-per-chunk).
    static void appendStreamEvents(const SimJob& job, int first, int last, bool chunked, QByteArray& out);
    // Fault injection: an event whose JSON is cut short; an `{"error":…}` event followed by [DONE] and the
    // end of the body; the end of a chunked body.
    static void appendMalformedEvent(const SimJob& job, bool chunked, QByteArray& out);
    static void appendErrorEvent(int status, QByteArrayView message, bool chunked, QByteArray& out);
    static void appendEndOfBody(bool chunked, QByteArray& out);
    // `data: {"error":…}` body of a non-streaming answer that failed after its 200 status.
    static QByteArray errorEventBody(int status, QByteArrayView message);
    // GET /metrics: Prometheus text exposition.
    static QByteArray textResponse(
        int status, QByteArrayView contentType, QByteArrayView body, bool keepAlive, bool http10);
    // The non-streaming JSON answer (chat.completion or text_completion with usage).
    static QByteArray completeBody(const SimJob& job);

    // POST /v1/embeddings: "input" as a string, a list of strings, a list of token ids or a list of such
    // lists; "dimensions" (default config.embeddingDimensions) and "encoding_format" float|base64. Vectors
    // are unit-length and a pure function of the input. On failure false with a 400 message in `error`.
    static bool embeddingsBody(
        QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error);
    // POST /v1/rerank and /v1/reranks: "query", "documents" (strings or {"text":…}), optional "top_n" and
    // "return_documents"; results sorted by relevance_score, a deterministic word-overlap score in [0, 1].
    static bool rerankBody(
        QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error);

    static QByteArray modelsBody(const SimConfig& config);
    static QByteArray errorBody(int status, QByteArrayView message);
    static QByteArrayView tokenText(int k);
    // Prefix cache, chat: the blocks of the job's prompt followed by its own reply as the next turn of the
    // conversation carries it ({"role": "assistant", "content": reply}), so that, as in vLLM, a conversation's
    // history (the replies included) is a cache hit on its next turn. Empty for other kinds.
    static std::vector<quint64> historyBlocks(const SimJob& job);
    static QByteArrayView reasonPhrase(int status);
};

} // namespace tl
