#pragma once

// A bare HTTP/1.1 client for the emulated-server tests (tst_simserving, tst_simfaults): it sees the bytes
// and the connection exactly as the server made them, and stamps each read on the monotonic clock the
// server's trace uses. Header-only, included by the test sources; waits spin the event loop.

#include "util/monoclock.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QTcpSocket>
#include <QTest>

#include <utility>

namespace simtest {

inline constexpr int TimeoutMs = 20000; // generous: the suite runs under sanitizers on noisy machines

inline QByteArray httpRequest(
    QByteArrayView method, QByteArrayView path, QByteArrayView body = {}, QByteArrayView extraHeaders = {})
{
    QByteArray out = method.toByteArray() + ' ' + path.toByteArray() + " HTTP/1.1\r\nhost: 127.0.0.1\r\n";
    if (method == "POST")
        out += "content-type: application/json\r\ncontent-length: " + QByteArray::number(body.size()) + "\r\n";
    out += extraHeaders;
    out += "\r\n";
    out += body;
    return out;
}

struct HttpReply {
    QByteArray version; // "HTTP/1.1"
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body; // de-chunked
    QList<QByteArray> chunks; // payload of each HTTP chunk when chunked
};

// Takes one complete response from the front of `buffer`: returns the bytes it used, 0 while incomplete,
// -1 when malformed or cut short by the close. A body without length or chunking ends at the close.
inline qsizetype parseResponse(const QByteArray& buffer, bool closed, HttpReply* reply)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return closed ? -1 : 0;
    HttpReply r;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
    if (statusLine.size() < 3)
        return -1;
    r.version = statusLine.at(0);
    r.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            return -1;
        r.headers.insert(lines.at(i).left(colon).toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    qsizetype pos = headEnd + 4;
    if ((r.status >= 100 && r.status < 200) || r.status == 204 || r.status == 304) {
        // no body, whatever the headers say
    } else if (r.headers.value("transfer-encoding") == "chunked") {
        for (;;) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return closed ? -1 : 0;
            bool ok = false;
            const qsizetype size = buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok)
                return -1;
            if (buffer.size() < lineEnd + 2 + size + 2)
                return closed ? -1 : 0;
            if (buffer.mid(lineEnd + 2 + size, 2) != "\r\n")
                return -1;
            pos = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
            r.chunks.append(buffer.mid(lineEnd + 2, size));
            r.body += r.chunks.constLast();
        }
    } else if (r.headers.contains("content-length")) {
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (buffer.size() < pos + length)
            return closed ? -1 : 0;
        r.body = buffer.mid(pos, length);
        pos += length;
    } else {
        if (!closed)
            return 0;
        r.body = buffer.mid(pos);
        pos = buffer.size();
    }
    *reply = std::move(r);
    return pos;
}

// The payloads of the `data:` events of an SSE body.
inline QList<QByteArray> sseData(const QByteArray& body)
{
    QList<QByteArray> events;
    for (const QByteArray& line : body.split('\n')) {
        if (line.startsWith("data: "))
            events.append(line.mid(6));
    }
    return events;
}

class RawClient {
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            const qint64 now = tl::monotonicNs();
            const QByteArray bytes = m_socket.readAll();
            m_reads.append({now, m_removed + m_buffer.size()});
            m_buffer += bytes;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, TimeoutMs);
    }
    void send(const QByteArray& bytes)
    {
        m_sentNs = tl::monotonicNs();
        m_socket.write(bytes);
        m_socket.flush();
    }
    bool read(HttpReply* reply)
    {
        qsizetype used = 0;
        const bool done = QTest::qWaitFor(
            [&] {
                used = parseResponse(m_buffer, isClosed(), reply);
                return used != 0;
            },
            TimeoutMs);
        if (!done || used < 0)
            return false;
        m_buffer.remove(0, used);
        m_removed += used;
        return true;
    }
    bool waitFor(QByteArrayView needle)
    {
        return QTest::qWaitFor([&] { return m_buffer.contains(needle); }, TimeoutMs);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return isClosed(); }, TimeoutMs);
    }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QTcpSocket& socket() { return m_socket; }
    const QByteArray& buffer() const { return m_buffer; }
    qint64 sentNs() const { return m_sentNs; }
    qint64 firstArrivalNs() const { return m_reads.isEmpty() ? -1 : m_reads.constFirst().first; }
    // Monotonic time of the read that brought the byte at `offset` of buffer() (-1: not received).
    qint64 arrivalNs(qsizetype offset) const
    {
        if (offset < 0 || offset >= m_buffer.size())
            return -1;
        qint64 at = -1;
        for (const auto& [ns, start] : m_reads) {
            if (start > m_removed + offset)
                break;
            at = ns;
        }
        return at;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<std::pair<qint64, qsizetype>> m_reads; // (time, offset of the first byte of that read)
    qint64 m_sentNs = 0;
    qsizetype m_removed = 0; // bytes taken off the front of m_buffer by read()
};

// One request on a fresh connection.
inline bool exchange(quint16 port, const QByteArray& request, HttpReply* reply)
{
    RawClient client(port);
    if (!client.waitConnected())
        return false;
    client.send(request);
    return client.read(reply);
}

} // namespace simtest
