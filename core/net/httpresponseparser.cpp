#include "net/httpresponseparser.h"

#include "util/tr.h"

#include <charconv>

namespace tl {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

// Whether the comma-separated list `value` holds `token` (case-insensitive), as Connection and
// Transfer-Encoding values are written.
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView item = trimmed(comma < 0 ? value : value.first(comma));
        if (item.compare(token, Qt::CaseInsensitive) == 0)
            return true;
        if (comma < 0)
            break;
        value = value.sliced(comma + 1);
    }
    return false;
}

// The last coding of a Transfer-Encoding list.
QByteArrayView lastToken(QByteArrayView value)
{
    const qsizetype comma = value.lastIndexOf(',');
    return trimmed(comma < 0 ? value : value.sliced(comma + 1));
}

constexpr qsizetype kMaxLine = 8 * 1024; // chunk-size and trailer lines

} // namespace

void HttpResponseParser::reset()
{
    m_state = State::Head;
    m_head.clear();
    m_line.clear();
    m_framing = Framing::None;
    m_chunkState = ChunkState::Size;
    m_remaining = 0;
    m_status = 0;
    m_headDone = false;
    m_keepAlive = false;
    m_error.clear();
}

void HttpResponseParser::fail(QString message)
{
    m_state = State::Failed;
    m_keepAlive = false;
    m_error = std::move(message);
}

qsizetype HttpResponseParser::feed(QByteArrayView bytes, Sink& sink)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const QByteArrayView rest = bytes.sliced(pos);
        switch (m_state) {
        case State::Head:
            pos += feedHead(rest, sink);
            break;
        case State::Body:
            if (m_framing == Framing::Chunked) {
                pos += feedChunked(rest, sink);
            } else if (m_framing == Framing::UntilClose) {
                sink.responseBody(rest);
                pos = bytes.size();
            } else {
                const qsizetype n = qsizetype(std::min<qint64>(m_remaining, rest.size()));
                sink.responseBody(rest.first(n));
                pos += n;
                m_remaining -= n;
                if (m_remaining == 0)
                    m_state = State::Done;
            }
            break;
        case State::Done:
        case State::Failed:
            return pos;
        }
    }
    return pos;
}

qsizetype HttpResponseParser::feedHead(QByteArrayView bytes, Sink& sink)
{
    // The head usually arrives whole in one read; it is copied into m_head (a few hundred bytes) either way, and the
    // end of the head searched only in what is new (minus 3 bytes that may begin a "\r\n\r\n" split by the read).
    const qsizetype oldSize = m_head.size();
    const qsizetype searchFrom = std::max<qsizetype>(0, oldSize - 3);
    const qsizetype take = std::min<qsizetype>(bytes.size(), kMaxHeadBytes + 4 - oldSize);
    m_head.append(bytes.first(take));
    qsizetype end = -1;
    for (qsizetype i = m_head.indexOf('\n', searchFrom); i >= 0; i = m_head.indexOf('\n', i + 1)) {
        if (i + 1 < m_head.size() && m_head.at(i + 1) == '\n') {
            end = i + 2;
            break;
        }
        if (i + 2 < m_head.size() && m_head.at(i + 1) == '\r' && m_head.at(i + 2) == '\n') {
            end = i + 3;
            break;
        }
    }
    if (end < 0) {
        if (m_head.size() > kMaxHeadBytes)
            fail(Tr::tr("the response head is larger than %1 KiB").arg(kMaxHeadBytes / 1024));
        return take;
    }
    m_head.truncate(end);
    parseHead(sink); // on failure m_state is Failed and feed() stops
    return end - oldSize;
}

void HttpResponseParser::parseHead(Sink& sink)
{
    QByteArrayView head(m_head);
    const qsizetype firstEnd = head.indexOf('\n');
    const QByteArrayView statusLine = trimmed(head.first(firstEnd));
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (statusLine.size() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.at(8) != ' ') {
        fail(Tr::tr("the server's answer is not HTTP/1.x: %1")
                 .arg(QString::fromLatin1(statusLine.first(std::min<qsizetype>(statusLine.size(), 80)))));
        return;
    }
    const bool http10 = statusLine.at(7) == '0';
    int status = 0;
    const auto code = statusLine.sliced(9, 3);
    if (std::from_chars(code.data(), code.data() + 3, status).ec != std::errc() || status < 100 || status > 999) {
        fail(Tr::tr("bad HTTP status line: %1").arg(QString::fromLatin1(statusLine)));
        return;
    }
    const QByteArrayView reason = statusLine.size() > 13 ? trimmed(statusLine.sliced(13)) : QByteArrayView();

    bool keepAlive = !http10;
    bool chunked = false;
    qint64 length = -1;
    QByteArrayView contentType;
    qsizetype pos = firstEnd + 1;
    while (pos < head.size()) {
        qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            nl = head.size();
        const QByteArrayView line = trimmed(head.sliced(pos, nl - pos));
        pos = nl + 1;
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(Tr::tr("bad HTTP header line: %1").arg(QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 80)))));
            return;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            qint64 n = -1;
            if (std::from_chars(value.data(), value.data() + value.size(), n).ec != std::errc() || n < 0
                || (length >= 0 && n != length)) {
                fail(Tr::tr("bad Content-Length: %1").arg(QString::fromLatin1(value)));
                return;
            }
            length = n;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            chunked = lastToken(value).compare("chunked", Qt::CaseInsensitive) == 0;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (hasToken(value, "close"))
                keepAlive = false;
            else if (hasToken(value, "keep-alive"))
                keepAlive = true;
        } else if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            contentType = value;
        }
    }

    if (status < 200) { // 100 Continue, 103 Early Hints...: the real answer follows
        m_head.clear();
        return;
    }
    m_status = status;
    m_headDone = true;
    m_keepAlive = keepAlive;
    m_state = State::Body;
    if (status == 204 || status == 304) {
        m_framing = Framing::None;
    } else if (chunked) {
        m_framing = Framing::Chunked;
        m_chunkState = ChunkState::Size;
    } else if (length >= 0) {
        m_framing = Framing::Length;
        m_remaining = length;
    } else {
        m_framing = Framing::UntilClose;
        m_keepAlive = false;
    }
    sink.responseHead(status, reason, contentType);
    if (m_framing == Framing::None || (m_framing == Framing::Length && m_remaining == 0))
        m_state = State::Done;
}

bool HttpResponseParser::takeLine(QByteArrayView bytes, qsizetype& pos, QByteArrayView& line)
{
    const qsizetype nl = bytes.indexOf('\n', pos);
    if (nl < 0) {
        m_line.append(bytes.sliced(pos));
        pos = bytes.size();
        if (m_line.size() > kMaxLine)
            fail(Tr::tr("a chunk-size or trailer line is longer than %1 KiB").arg(kMaxLine / 1024));
        return false;
    }
    if (m_line.isEmpty()) {
        line = bytes.sliced(pos, nl - pos);
    } else {
        m_line.append(bytes.sliced(pos, nl - pos));
        line = m_line;
    }
    pos = nl + 1;
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

qsizetype HttpResponseParser::feedChunked(QByteArrayView bytes, Sink& sink)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && m_state == State::Body) {
        if (m_chunkState == ChunkState::Data) {
            const qsizetype n = qsizetype(std::min<qint64>(m_remaining, bytes.size() - pos));
            sink.responseBody(bytes.sliced(pos, n));
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        QByteArrayView line;
        if (!takeLine(bytes, pos, line))
            return pos;
        switch (m_chunkState) {
        case ChunkState::Size: {
            qsizetype end = line.indexOf(';');
            QByteArrayView digits = trimmed(end < 0 ? line : line.first(end));
            qint64 size = -1;
            const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), size, 16);
            if (digits.isEmpty() || r.ec != std::errc() || r.ptr != digits.data() + digits.size() || size < 0) {
                fail(Tr::tr("bad chunk size in a chunked response: %1")
                         .arg(QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 40)))));
                m_line.clear();
                return pos;
            }
            m_remaining = size;
            m_chunkState = size == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                fail(Tr::tr("a chunk of a chunked response is longer than its announced size"));
                m_line.clear();
                return pos;
            }
            m_chunkState = ChunkState::Size;
            break;
        case ChunkState::Trailer:
            if (line.isEmpty())
                m_state = State::Done;
            break;
        case ChunkState::Data:
            break;
        }
        m_line.clear();
    }
    return pos;
}

void HttpResponseParser::closed()
{
    if (m_state == State::Done || m_state == State::Failed)
        return;
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Done;
        return;
    }
    fail(m_headDone || !m_head.isEmpty() ? Tr::tr("the server closed the connection before the response ended")
                                         : Tr::tr("the server closed the connection without answering"));
}

} // namespace tl
