#pragma once

#include <QtGlobal>

namespace tl {

// How much of a server's answer the client holds before it gives up on it. A benchmark is pointed at servers that
// misbehave by definition: one that streams without end, sends one endless event or a gigabyte-sized error must cost
// a recorded failure (ErrorClass::ResponseTooLarge), not the client's memory. Fields of WorkerOptions and
// ConnectionTest; a run takes them from --max-response-bytes and --max-event-bytes.
struct ResponseLimits {
    qint64 maxResponseBytes = qint64(16) << 20; // body bytes of one response (after chunk framing)
    qint64 maxEventBytes = qint64(1) << 20; // one server-sent event, or one line of the stream
    // Characters of an error message kept from a server's error body or error event.
    static constexpr qsizetype kMaxErrorMessageChars = 4096;
};

} // namespace tl
