#pragma once

// A hub stand-in for the dataset download tests (header-only): a one-request-per-connection HTTP/1.1 server on
// 127.0.0.1 that serves files by exact request target, with Range support and scripted cuts.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace tl::test {

// A one-request-per-connection HTTP/1.1 server on 127.0.0.1 serving files by exact request target.
class FixtureServer final : public QObject {
public:
    struct Request {
        QByteArray target;
        QByteArray range;
    };

    FixtureServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QHash<QByteArray, QByteArray> files;
    int interruptNext = 0; // the next N full responses stop halfway through the body
    bool stallAfterHalf = false; // full responses send half the body, then nothing more (the connection stays open)
    bool ignoreRange = false;
    QList<Request> requests;

private:
    void onReadyRead(QTcpSocket* socket)
    {
        QByteArray& buf = m_buffers[socket];
        buf += socket->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        m_buffers.remove(socket);
        Request request;
        request.target = lines.first().split(' ').value(1);
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("range:"))
                request.range = line.mid(6).trimmed();
        }
        requests.append(request);
        respond(socket, request);
    }

    void respond(QTcpSocket* socket, const Request& request)
    {
        const auto it = files.constFind(request.target);
        if (it == files.cend()) {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                          "Connection: close\r\n\r\nnot found");
            socket->disconnectFromHost();
            return;
        }
        const QByteArray& content = it.value();
        qsizetype from = 0;
        if (request.range.startsWith("bytes=") && !ignoreRange)
            from = request.range.mid(6, request.range.indexOf('-') - 6).toLongLong();
        const QByteArray body = content.mid(from);
        QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(from)
                + '-' + QByteArray::number(content.size() - 1) + '/' + QByteArray::number(content.size()) + "\r\n"
                                   : QByteArray("HTTP/1.1 200 OK\r\n");
        head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n";
        socket->write(head);
        if (from == 0 && stallAfterHalf) {
            socket->write(body.left(body.size() / 2));
            return;
        }
        if (from == 0 && interruptNext > 0) {
            --interruptNext;
            socket->write(body.left(body.size() / 2));
        } else {
            socket->write(body);
        }
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace tl::test
