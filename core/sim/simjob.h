#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace tl {

// One accepted completion request, reduced to what the emulated server needs to answer it: how many
// tokens, how they are framed, and the JSON fragments shared by every chunk (precomputed once so that a
// token event costs a few appends, not a JSON serialisation).
struct SimJob {
    enum class Kind { Chat, Completion };

    Kind kind = Kind::Chat;
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage; non-streaming answers always carry usage
    int outputTokens = 1; // n, at least 1
    int promptTokens = 0; // by SimProtocol's documented counting rule
    bool finishedByLength = false; // finish_reason "length" (n reached max_tokens) rather than "stop"
    QByteArray id; // "chatcmpl-<hex>" or "cmpl-<hex>"
    // `{"id":"…","object":"…","created":…,"model":"…","choices":` — every answer of this job starts so.
    QByteArray prefix;
};

} // namespace tl
