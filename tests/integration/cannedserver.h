#pragma once

// A tiny HTTP(S) server for engine tests that need an answer no emulated-server option gives: it answers every
// request with one fixed body, and notes each request line (as a proxy it sees absolute-form lines).
// Header-only, included by the integration tests; runs on the test's thread.

#include <QFile>
#include <QHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace tl::test {

// Answers every HTTP request with one fixed non-streamed chat completion, and notes each request line. Plain
// HTTP, or HTTPS with the test certificate. As a proxy it sees absolute-form request lines.
class CannedServer final : public QObject {
public:
    // A non-streamed chat completion with usage, unless another body is given.
    explicit CannedServer(bool tls, QByteArray body = {})
        : m_body(body.isEmpty() ? defaultBody() : std::move(body))
    {
        if (tls) {
            auto* server = new QSslServer(this);
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            QFile cert(QFINDTESTDATA("data/tls/server.pem"));
            QFile key(QFINDTESTDATA("data/tls/server.key"));
            cert.open(QIODevice::ReadOnly);
            key.open(QIODevice::ReadOnly);
            config.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
            config.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            server->setSslConfiguration(config);
            connect(server, &QSslServer::errorOccurred, this, [](QSslSocket*, QAbstractSocket::SocketError) {});
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &CannedServer::accept);
        m_server->listen(QHostAddress::LocalHost, 0);
    }

    // Plain HTTP answering every request with `response`, bytes as given (head and body: any framing, even
    // broken), and closing the connection after it when `closeAfter`.
    static std::unique_ptr<CannedServer> raw(QByteArray response, bool closeAfter)
    {
        auto server = std::make_unique<CannedServer>(false);
        server->m_raw = std::move(response);
        server->m_closeAfter = closeAfter;
        return server;
    }

    quint16 port() const { return m_server->serverPort(); }
    QList<QByteArray> requestLines;
    QList<QByteArray> requestHeads; // each request's head, request line to blank line
    int connections = 0; // accepted so far

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            ++connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_buffers.remove(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        requestLines.append(buffer.left(buffer.indexOf("\r\n")));
        requestHeads.append(buffer.left(end + 4));
        buffer.remove(0, end + 4 + length);
        if (!m_raw.isEmpty()) {
            socket->write(m_raw);
            if (m_closeAfter)
                socket->disconnectFromHost(); // after what was written has gone
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
            + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
    }

    static QByteArray defaultBody()
    {
        return R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":)"
               R"({"role":"assistant","content":"hi"},"finish_reason":"stop"}],)"
               R"("usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})";
    }

    QByteArray m_body;
    QByteArray m_raw;
    bool m_closeAfter = false;
    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace tl::test
