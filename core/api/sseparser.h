#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace tl {

// One Server-Sent Event: its `data:` lines joined with '\n' (UTF-8 bytes, decoded by the caller).
struct SseEvent {
    QByteArray data;
    QByteArray event; // the `event:` field, if any

    bool isDone() const { return data == "[DONE]"; }
    friend bool operator==(const SseEvent&, const SseEvent&) = default;
};

// Incremental SSE parser (WHATWG event-stream rules): bytes may arrive split anywhere, including inside a
// multi-byte UTF-8 character or between the CR and LF of a line end; several events may arrive in one read.
// Lines end with LF, CRLF or CR; a blank line dispatches the event; lines starting with ':' are comments.
// Pure and I/O-free so it can be fed from a socket on any thread and tested byte by byte.
class SseParser final {
public:
    // Parses `bytes` and appends every event they complete to `out`. Returns the number appended.
    qsizetype feed(QByteArrayView bytes, QList<SseEvent>& out);
    // At end of stream: an event whose blank line never came is returned (EvalScope emits such a trailing
    // block too); returns false when nothing was pending.
    bool finish(SseEvent& out);
    void reset();
    // Bytes held for a line or event not yet complete.
    qsizetype pendingBytes() const { return m_line.size() + m_current.data.size(); }

private:
    void processLine(QByteArrayView line, QList<SseEvent>& out, qsizetype& added);

    QByteArray m_line;   // partial line
    SseEvent m_current;  // event being assembled
    bool m_hasData = false;
    bool m_skipLf = false; // last byte seen was CR: an LF right after it belongs to the same line end
};

} // namespace tl
