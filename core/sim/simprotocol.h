#pragma once

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

    // Validates a /v1/chat/completions (Kind::Chat) or /v1/completions body. On failure returns false and
    // sets `error` to the message of a 400 BadRequestError.
    static bool parseJob(
        SimJob::Kind kind, QByteArrayView body, const SimConfig& config, SimJob* job, QByteArray* error);

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
    // The non-streaming JSON answer (chat.completion or text_completion with usage).
    static QByteArray completeBody(const SimJob& job);

    static QByteArray modelsBody(const SimConfig& config);
    static QByteArray errorBody(int status, QByteArrayView message);
    static QByteArrayView tokenText(int k);
    static QByteArrayView reasonPhrase(int status);
};

} // namespace tl
