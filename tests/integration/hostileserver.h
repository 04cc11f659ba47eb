#pragma once

// A scripted misbehaving HTTP server for the hostile-server tests: every request is answered with a head, then a
// unit of bytes repeated a given number of times (or without end), then a tail, optionally closing the connection.
// The repeated part is written only as the socket drains (never more than ~1 MiB queued), so an endless answer
// floods the client as fast as it reads without growing this process. Header-only; runs on the test's thread.

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>

namespace tl::test {

class HostileServer final : public QObject {
public:
    struct Script {
        QByteArray head; // status line and header fields, blank line included (or not: anything goes)
        QByteArray unit; // repeated after the head
        qint64 repeat = 0; // times `unit` is sent; -1: until the client goes away
        QByteArray tail;
        bool close = false; // close the connection after the tail
        // Close the connection without a byte of answer on the Nth request it carries (1: every fresh connection's
        // first request; 2: the first request on a reused kept-alive connection); 0: never.
        int dropRequest = 0;
    };

    explicit HostileServer(Script script, quint16 port = 0)
        : m_script(std::move(script))
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &HostileServer::accept);
        m_server.listen(QHostAddress::LocalHost, port);
    }

    quint16 port() const { return m_server.serverPort(); }
    qint64 bytesSent() const { return m_bytesSent; }
    int requestsReceived() const { return m_requests; }
    QByteArray lastRequestHead() const { return m_lastHead; }
    QByteArray lastRequestBody() const { return m_lastBody; }
    int connectionsAccepted() const { return m_connections; }

private:
    static constexpr qint64 kQueued = 1 << 20;

    struct Answer {
        QByteArray request;
        qint64 unitsLeft = -1;
        int requests = 0; // on this connection
        bool answering = false;
        bool done = false;
    };

    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequestBytes(socket); });
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pump(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_answers.remove(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void onRequestBytes(QTcpSocket* socket)
    {
        Answer& a = m_answers[socket];
        a.request += socket->readAll();
        if (a.answering)
            return; // one answer at a time: a client that pipelines gets nothing more until this one is over
        const qsizetype end = a.request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : a.request.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (a.request.size() < end + 4 + length)
            return;
        m_lastHead = a.request.left(end);
        m_lastBody = a.request.mid(end + 4, length);
        a.request.remove(0, end + 4 + length);
        ++m_requests;
        if (++a.requests == m_script.dropRequest) {
            socket->abort(); // no byte of answer
            return;
        }
        a.answering = true;
        a.done = false;
        a.unitsLeft = m_script.repeat;
        write(socket, m_script.head);
        pump(socket);
    }

    void pump(QTcpSocket* socket)
    {
        const auto it = m_answers.find(socket);
        if (it == m_answers.end() || !it->answering || it->done)
            return;
        Answer& a = *it;
        while (socket->bytesToWrite() < kQueued && a.unitsLeft != 0 && !m_script.unit.isEmpty()) {
            write(socket, m_script.unit);
            if (a.unitsLeft > 0)
                --a.unitsLeft;
        }
        if (a.unitsLeft != 0 && !m_script.unit.isEmpty())
            return; // more when the socket drains
        a.done = true;
        write(socket, m_script.tail);
        if (m_script.close) {
            socket->disconnectFromHost(); // after what was written has gone
            return;
        }
        a.answering = false;
        if (!a.request.isEmpty())
            onRequestBytes(socket); // a request that came while this one was answered
    }

    void write(QTcpSocket* socket, const QByteArray& bytes)
    {
        if (bytes.isEmpty())
            return;
        socket->write(bytes);
        m_bytesSent += bytes.size();
    }

    Script m_script;
    QHash<QTcpSocket*, Answer> m_answers; // before m_server: its sockets report their close as it is destroyed
    qint64 m_bytesSent = 0;
    int m_requests = 0;
    QByteArray m_lastHead;
    QByteArray m_lastBody;
    int m_connections = 0;
    QTcpServer m_server;
};

} // namespace tl::test
