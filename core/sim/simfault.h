#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace tl {

// The failures the emulated server can inject into a completion request, so that a client's error
// handling can be exercised on purpose. "Mid-stream" faults strike at token ceil(n/2).
enum class SimFaultKind {
    None,
    Http429, // 429 with an OpenAI error body, before anything else
    Http500,
    Http503,
    ResetBeforeHeaders, // TCP reset (SO_LINGER 0) without a byte of response
    ResetMidStream, // TCP reset after the first half of the tokens
    StallMidStream, // no byte for SimConfig::faultStallS seconds, then the rest of the stream
    MalformedChunk, // one event whose JSON is cut short, then the stream goes on
    ErrorEvent, // a `data: {"error":…}` event inside the 200 stream, then [DONE]
    EmptyStream, // 200 headers, then the end of the body without a single event
    SlowHeaders, // the status line only after SimConfig::faultSlowHeadersS seconds
    TruncatedChunked, // a chunk announced longer than what is sent, then the connection closes
};

// A fault with a probability per request and/or a schedule (every N-th completion request).
struct SimFaultRule {
    SimFaultKind kind = SimFaultKind::None;
    double probability = 0.0;
    int every = 0; // 0 = no schedule
};

namespace SimFault {
QByteArrayView name(SimFaultKind kind); // e.g. "reset-mid-stream"
SimFaultKind fromName(QStringView name); // None when unknown
QStringList names(); // every kind but None
// "KIND:PROB" (probability from 0 to 1) or, with `schedule`, "KIND:N" (every N-th request).
bool parseRule(const QString& text, bool schedule, SimFaultRule* rule, QString* error);
} // namespace SimFault

} // namespace tl
