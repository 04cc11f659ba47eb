#pragma once

// A hub stand-in for the dataset download tests (header-only): a one-request-per-connection HTTP/1.1 server on
// 127.0.0.1 that serves files by exact request target, with Range support and scripted cuts.

#include "dataset/hubdataset.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <utility>

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
    QHash<QByteArray, QByteArray> headers; // extra header lines ("Link: <...>; rel=\"next\"") by request target
    int interruptNext = 0; // the next N full responses stop halfway through the body
    bool stallAfterHalf = false; // full responses send half the body, then nothing more (the connection stays open)
    bool ignoreRange = false;
    QList<Request> requests;

    // The request target (path and query) of a URL on this server.
    static QByteArray targetOf(const QUrl& url) { return url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority); }

    // Serves a hub repository as `hub` ("modelscope" or "huggingface") lists and serves it: each file at its URL,
    // and the listing in the hub's own shape (core/dataset/hublisting.h): Hugging Face's tree, `perPage` entries
    // (folders included) a page, its later pages named by a Link header; ModelScope's dataset information
    // (Data.Id = `modelScopeId`) and its tree, 100 entries a page (a shorter page is the last).
    // The endpoint variable must point at base() when the URLs are built.
    void serveRepository(const tl::HubDataset& dataset, const QString& hub, const QList<std::pair<QString, QByteArray>>& repo,
        int perPage = 100, int modelScopeId = 312)
    {
        QList<QByteArray> entries;
        QStringList folders;
        const bool hf = hub == u"huggingface";
        for (const auto& [path, content] : repo) {
            files.insert(targetOf(dataset.fileUrl(hub, path)), content);
            const QStringList parts = path.split(u'/');
            for (qsizetype i = 1; i < parts.size(); ++i) {
                const QString folder = parts.mid(0, i).join(u'/');
                if (!folders.contains(folder)) {
                    folders.append(folder);
                    QByteArray e;
                    if (hf)
                        e = R"({"type": "directory", "oid": "0c8d1c0a6a1fb5a8e2b3b4f2a0ab7c1d3e2f4a5b", "size": 0, "path": ")"
                            + folder.toUtf8() + "\"}";
                    else
                        e = R"({"CommitId": "", "CommitMessage": "", "CommittedDate": 1717000000, "IsLFS": false, "Mode": "40000", "Name": ")"
                            + parts.at(i - 1).toUtf8() + R"(", "Path": ")" + folder.toUtf8()
                            + R"(", "Revision": "master", "Size": 0, "Type": "tree"})";
                    entries.append(e);
                }
            }
            const QByteArray size = QByteArray::number(content.size());
            QByteArray e;
            if (hf)
                e = R"({"type": "file", "oid": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "size": )" + size
                    + R"(, "path": ")" + path.toUtf8()
                    + R"(", "lfs": {"oid": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": )"
                    + size + R"(, "pointerSize": 134}})";
            else
                e = R"({"CommitId": "5c1a9d1e", "CommitMessage": "Upload dataset", "CommittedDate": 1717000000, "IsLFS": true, "Mode": "100644", "Name": ")"
                    + parts.last().toUtf8() + R"(", "Path": ")" + path.toUtf8()
                    + R"(", "Revision": "master", "Sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "Size": )"
                    + size + R"(, "Type": "blob"})";
            entries.append(e);
        }
        if (!hf)
            perPage = 100; // HubResolver's page size: a full page asks for the next one
        const qsizetype pages = hf ? std::max<qsizetype>(1, (entries.size() + perPage - 1) / perPage)
                                   : entries.size() / perPage + 1;
        if (!hf) {
            files.insert(targetOf(dataset.listingUrl(hub)),
                R"({"Code": 200, "Data": {"Id": )" + QByteArray::number(modelScopeId)
                    + R"(, "Name": "x", "Namespace": "y", "Type": 0}, "Message": "success", "RequestId": "r", "Success": true})");
        }
        QUrl pageUrl = dataset.listingUrl(hub);
        for (qsizetype page = 0; page < pages; ++page) {
            const QByteArray items = QList<QByteArray>(entries.mid(page * perPage, perPage)).join(", ");
            if (hf) {
                files.insert(targetOf(pageUrl), '[' + items + ']');
                if (page + 1 < pages) {
                    const QUrl next(pageUrl.toString() + QStringLiteral("&cursor=page") + QString::number(page + 2));
                    headers.insert(targetOf(pageUrl), "Link: <" + next.toEncoded() + ">; rel=\"next\"");
                    pageUrl = next;
                }
            } else {
                files.insert(targetOf(dataset.modelScopeTreeUrl(QString::number(modelScopeId), int(page + 1), 100)),
                    R"({"Code": 200, "Data": {"Files": [)" + items
                        + R"(]}, "Message": "success", "RequestId": "r", "Success": true})");
            }
        }
    }

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
            + "\r\n";
        if (const auto extra = headers.constFind(request.target); extra != headers.cend())
            head += extra.value() + "\r\n";
        head += "Connection: close\r\n\r\n";
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
