#pragma once

// Hand-made request records with known timings, for the metric tests.

#include "model/requestrecord.h"

#include <algorithm>

namespace tl::testrecords {

constexpr qint64 kMs = 1000000;

// A streamed request: sent at `sentMs`, role chunk at +ttft, then `tokens` content chunks `itl` apart (the first with
// the role chunk's time), a usage-only chunk last; the reply ends 1 ms after it.
inline RequestRecord streamed(int seq, qint64 sentMs, qint64 ttftMs, qint64 itlMs, int tokens, qint64 prompt = 10)
{
    RequestRecord r;
    r.seq = seq;
    r.success = true;
    r.stream = true;
    r.sentNs = sentMs * kMs;
    r.scheduledNs = r.sentNs;
    const qint64 first = r.sentNs + ttftMs * kMs;
    r.eventNs.append(first);
    r.eventFlags.append(EventHasChoices); // role-only chunk
    for (int i = 0; i < tokens; ++i) {
        r.eventNs.append(first + i * itlMs * kMs);
        r.eventFlags.append(EventHasChoices | EventHasContent);
    }
    r.eventNs.append(r.eventNs.constLast());
    r.eventFlags.append(EventHasUsage);
    r.endNs = r.eventNs.constLast() + kMs;
    r.promptTokens = prompt;
    r.completionTokens = tokens;
    r.tokenSource = TokenSource::ServerUsage;
    return r;
}

// `r` (from streamed()) with the server's per-event token deltas, as continuous usage stats give them: the role chunk
// 0, the content events `perContent` (in order; -1 = unknown), the usage chunk 0. The output becomes their sum.
inline RequestRecord withTokenDeltas(RequestRecord r, const QVector<qint32>& perContent)
{
    r.eventTokens.clear();
    qsizetype next = 0;
    qint64 sum = 0;
    for (const quint8 flags : std::as_const(r.eventFlags)) {
        const qint32 t = (flags & EventHasContent) ? perContent.value(next++, RequestRecord::kUnknownTokens) : 0;
        r.eventTokens.append(t);
        sum += std::max(t, 0);
    }
    r.completionTokens = sum;
    return r;
}

// An embedding or rerank request: answered whole after `latencyMs`, prompt tokens only, no events.
inline RequestRecord pooled(int seq, qint64 sentMs, qint64 latencyMs, qint64 prompt = 8)
{
    RequestRecord r;
    r.seq = seq;
    r.success = true;
    r.sentNs = sentMs * kMs;
    r.scheduledNs = r.sentNs;
    r.endNs = r.sentNs + latencyMs * kMs;
    r.httpStatus = 200;
    r.promptTokens = prompt;
    r.completionTokens = 0;
    r.tokenSource = TokenSource::ServerUsage;
    return r;
}

inline RequestRecord failed(int seq, qint64 sentMs, ErrorClass errorClass = ErrorClass::HttpStatus)
{
    RequestRecord r;
    r.seq = seq;
    r.sentNs = sentMs * kMs;
    r.scheduledNs = r.sentNs;
    r.endNs = r.sentNs + 5 * kMs;
    r.errorClass = errorClass;
    r.httpStatus = errorClass == ErrorClass::HttpStatus ? 500 : 0;
    return r;
}

} // namespace tl::testrecords
