#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace tl {

// Incremental HTTP/1.x response parser (RFC 9112) for the lean transport: status line, header fields, then a
// body delimited by Content-Length, chunked transfer coding (extensions and trailers skipped) or the connection's
// close. Interim 1xx responses are skipped; 204 and 304 have no body. Pure and I/O-free: bytes may arrive split
// anywhere; a test can feed them byte by byte. One parser per connection, reset() between responses.
class HttpResponseParser final {
public:
    class Sink {
    public:
        virtual void responseHead(int status, QByteArrayView reason, QByteArrayView contentType) = 0;
        virtual void responseBody(QByteArrayView data) = 0; // decoded body bytes (chunk framing removed)

    protected:
        ~Sink() = default;
    };

    enum class State { Head, Body, Done, Failed };

    // Feeds bytes of the connection. Returns how many were consumed: fewer than given only when the response
    // completed (the rest belongs to no request: the caller closes the connection) or failed.
    qsizetype feed(QByteArrayView bytes, Sink& sink);
    // The peer closed the connection: completes a response delimited by the close; anything else unfinished fails.
    void closed();
    void reset();

    State state() const { return m_state; }
    bool done() const { return m_state == State::Done; }
    bool failed() const { return m_state == State::Failed; }
    bool headComplete() const { return m_headDone; }
    QString error() const { return m_error; }
    // After a complete response: whether the connection may carry the next request.
    bool keepAlive() const { return m_keepAlive; }
    int status() const { return m_status; }

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

private:
    enum class Framing { None, Length, Chunked, UntilClose };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    qsizetype feedHead(QByteArrayView bytes, Sink& sink);
    qsizetype feedChunked(QByteArrayView bytes, Sink& sink);
    void parseHead(Sink& sink); // m_head holds a whole head (status line .. blank line)
    bool takeLine(QByteArrayView bytes, qsizetype& pos, QByteArrayView& line); // into m_line when split
    void fail(QString message);

    State m_state = State::Head;
    QByteArray m_head; // the head so far (reused across responses)
    QByteArray m_line; // a chunk-size or trailer line split across reads
    Framing m_framing = Framing::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_remaining = 0; // Length: body bytes left; Chunked: bytes left of the current chunk
    int m_status = 0;
    bool m_headDone = false;
    bool m_keepAlive = false;
    QString m_error;
};

} // namespace tl
