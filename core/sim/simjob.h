#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <string>
#include <utility>
#include <vector>

namespace tl {

// One accepted completion request, reduced to what the emulated server needs to answer it: how many
// tokens, how they are framed, and the JSON fragments shared by every chunk (precomputed once so that a
// token event costs a few appends, not a JSON serialisation).
struct SimJob {
    // Pooling: an embeddings or rerank request, answered whole (`pooledBody`) after one forward pass over the
    // prompt, which the serving model times as a prefill in a sequence slot.
    enum class Kind { Chat, Completion, Responses, Pooling };

    Kind kind = Kind::Chat;
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage; non-streaming answers always carry usage
    // stream_options.continuous_usage_stats with include_usage (vLLM): every chat/completions chunk carries the
    // usage so far (the role chunk 0 completion tokens, a token chunk the count up to its last token).
    bool continuousUsage = false;
    int outputTokens = 1; // n, at least 1
    int promptTokens = 0; // by SimProtocol's documented counting rule
    bool finishedByLength = false; // finish_reason "length" (n reached max_tokens) rather than "stop"
    QByteArray id; // "chatcmpl-<hex>" or "cmpl-<hex>"
    // `{"id":"…","object":"…","created":…,"model":"…","choices":` — every answer of this job starts so.
    QByteArray prefix;
    QByteArray modelJson; // the model name as a JSON string
    qint64 created = 0; // unix seconds
    bool hasLimit = false; // the client set max_tokens or ignore_eos: no sampled natural length
    // Chained hashes of the prompt's whole blocks (PrefixBlockTokens tokens each) for the prefix cache.
    std::vector<quint64> prefixBlocks;
    std::string prefixText; // chat, with the prefix cache: the prompt as the blocks hash it ("role\0content\0"...)
    int cachedTokens = 0; // prompt tokens found in the prefix cache
    bool reportCached = false; // usage carries prompt_tokens_details.cached_tokens
    int tokensPerChunk = 1; // tokens coalesced into one SSE event
    QByteArray pooledBody; // Pooling: the JSON answer
    QByteArray requestBody; // SimConfig::traceBodies: the request, for the trace record
    QList<std::pair<QByteArray, QByteArray>> requestHeaders; // SimConfig::traceBodies: its header fields
};

} // namespace tl
