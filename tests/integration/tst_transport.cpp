// Both transports (--transport lean and qt) against servers that answer in every framing HTTP/1.x allows, and in
// some it does not: each must record the same outcome. Also the lean transport's request head, its connection
// reuse and its fallback over the resolved addresses. Everything on 127.0.0.1 (and ::1 for "localhost").

#include "engine/runcontroller.h"
#include "engine/requestfactory.h"
#include "net/transport.h"
#include "cannedserver.h"
#include "runonce.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace tl;
using tl::test::CannedServer;

namespace {

const char* const kTransports[] = {"lean", "qt"};

RunConfig configFor(quint16 port, const QString& transport, const QString& host = QStringLiteral("127.0.0.1"))
{
    return tl::test::scriptedServerConfig(port, transport, 3, host);
}

QByteArray sseChunked(const QList<QByteArray>& chunks)
{
    QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const QByteArray& c : chunks)
        out += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
    return out + "0\r\n\r\n";
}

QByteArray delta(const char* text)
{
    return QByteArray(R"(data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")")
        + text + "\"}}]}\n\n";
}

const QByteArray kUsage
    = R"(data: {"id":"x","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}})"
      "\n\n";

const QByteArray kJsonBody = R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":)"
                             R"({"role":"assistant","content":"hi"},"finish_reason":"stop"}],)"
                             R"("usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}})";

} // namespace

class TestTransport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void framings_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("errorClass"); // empty: every request succeeds
        QTest::addColumn<int>("contentEvents"); // per request, when successful and streamed
        QTest::addColumn<QString>("transport");

        const QByteArray events = delta("a") + delta("b") + delta("c") + kUsage + "data: [DONE]\n\n";
        // Chunks cut anywhere: inside an event, inside "data:", between the two newlines.
        const QByteArray cutAnywhere = sseChunked({events.left(7), events.mid(7, 60), events.mid(67, 1),
            events.mid(68, events.indexOf("\n\n") + 1 - 68), events.mid(events.indexOf("\n\n") + 1)});
        const QByteArray lengthFramed = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
            + QByteArray::number(events.size()) + "\r\n\r\n" + events;
        const QByteArray untilClose = "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n" + events;
        const QByteArray json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(kJsonBody.size()) + "\r\n\r\n" + kJsonBody;
        const QByteArray continued = "HTTP/1.1 100 Continue\r\n\r\n" + json;
        const QByteArray closeHeader = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                       "Content-Length: "
            + QByteArray::number(kJsonBody.size()) + "\r\n\r\n" + kJsonBody;
        const QByteArray error503 = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                    "Content-Length: 27\r\n\r\n{\"error\":{\"message\":\"busy\"}}";
        const QByteArray truncated = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: "
                                     "chunked\r\n\r\n400\r\n"
            + delta("a");
        for (const char* t : kTransports) {
            QTest::addRow("%s chunked, cut anywhere", t) << cutAnywhere << false << true << "" << 3 << t;
            QTest::addRow("%s content-length stream", t) << lengthFramed << false << true << "" << 3 << t;
            QTest::addRow("%s http/1.0 until close", t) << untilClose << true << true << "" << 3 << t;
            QTest::addRow("%s json", t) << json << false << false << "" << 0 << t;
            QTest::addRow("%s 100 continue first", t) << continued << false << false << "" << 0 << t;
            QTest::addRow("%s connection close", t) << closeHeader << true << false << "" << 0 << t;
            QTest::addRow("%s 503", t) << error503 << false << false << "http_status" << 0 << t;
        }
        // A chunked body that never ends (the server closes after a whole event): a failure. Lean only: Qt's HTTP
        // stack reports such a close sometimes as an error and sometimes as a normal end, whatever the timing.
        QTest::newRow("lean truncated chunked") << truncated << true << true << "network" << 0 << "lean";
    }
    void framings()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, closeAfter);
        QFETCH(bool, stream);
        QFETCH(QString, errorClass);
        QFETCH(int, contentEvents);
        QFETCH(QString, transport);
        auto server = CannedServer::raw(response, closeAfter);
        RunConfig config = configFor(server->port(), transport);
        config.stream = stream;
        const PointResult r = tl::test::runFirstPoint(config);
        QCOMPARE(r.summary.totalRequests, 3);
        if (errorClass.isEmpty()) {
            QCOMPARE(r.summary.successRequests, 3);
            if (stream) {
                QCOMPARE(r.extended.avgChunksPerRequest, double(contentEvents));
                QCOMPARE(r.summary.avgOutputTokens, 3.0); // the usage chunk's count
            } else {
                QCOMPARE(r.summary.avgOutputTokens, 2.0);
            }
        } else {
            QCOMPARE(r.summary.failedRequests, 3);
            QCOMPARE(r.extended.errorsByClass.size(), 1);
            QCOMPARE(r.extended.errorsByClass.first().first, errorClass);
        }
        QCOMPARE(r.extended.retriedRequests, 0);
    }

    void garbageIsAFailureNotACrash_data()
    {
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports)
            QTest::newRow(t) << t;
    }
    void garbageIsAFailureNotACrash()
    {
        QFETCH(QString, transport);
        auto server = CannedServer::raw("SSH-2.0-OpenSSH_9.2p1\r\n\r\n", true);
        const PointResult r = tl::test::runFirstPoint(configFor(server->port(), transport));
        QCOMPARE(r.summary.totalRequests, 3);
        QCOMPARE(r.summary.failedRequests, 3);
    }

    void leanReusesItsConnection()
    {
        // Three requests in one slot: one connection, kept alive; with Connection: close, one each.
        const QByteArray json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(kJsonBody.size()) + "\r\n\r\n" + kJsonBody;
        auto keepAlive = CannedServer::raw(json, false);
        QCOMPARE(tl::test::runFirstPoint(configFor(keepAlive->port(), QStringLiteral("lean"))).summary.successRequests, 3);
        QCOMPARE(keepAlive->connections, 1);
        auto closing = CannedServer::raw(json, true);
        QCOMPARE(tl::test::runFirstPoint(configFor(closing->port(), QStringLiteral("lean"))).summary.successRequests, 3);
        QCOMPARE(closing->connections, 3);
    }

    void leanRequestHead()
    {
        CannedServer server(false);
        RunConfig config = configFor(server.port(), QStringLiteral("lean"));
        config.stream = false;
        config.number = {1};
        config.apiKey = QStringLiteral("sk-test");
        config.headers = {{QStringLiteral("X-Tenant"), QStringLiteral("a b")}};
        QCOMPARE(tl::test::runFirstPoint(config).summary.successRequests, 1);
        QCOMPARE(server.requestHeads.size(), 1);
        const QByteArray head = server.requestHeads.first();
        QVERIFY2(head.startsWith("POST /v1/chat/completions HTTP/1.1\r\n"), head.constData());
        QVERIFY2(head.contains(QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(server.port()) + "\r\n")), head.constData());
        QVERIFY2(head.contains("\r\nAuthorization: Bearer sk-test\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nX-Tenant: a b\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nContent-Type: application/json\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nContent-Length: "), head.constData());
        // Nothing we would have to decompress, said explicitly (Qt asks for gzip unless told otherwise).
        QVERIFY2(head.contains("\r\nAccept-Encoding: identity\r\n"), head.constData());
    }

    void largeBodiesGoOutWhole_data()
    {
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports)
            QTest::newRow(t) << t;
    }
    void largeBodiesGoOutWhole()
    {
        // A 4 MiB prompt is more than a socket buffer takes at once: the rest goes out as the server reads.
        QFETCH(QString, transport);
        CannedServer server(false);
        RunConfig config = configFor(server.port(), transport);
        config.stream = false;
        config.number = {2};
        config.prompt = QString(4 << 20, u'x');
        QCOMPARE(tl::test::runFirstPoint(config).summary.successRequests, 2);
        QCOMPARE(server.requestHeads.size(), 2);
        const QByteArray head = server.requestHeads.first().toLower();
        const qsizetype at = head.indexOf("content-length: ");
        QVERIFY(at >= 0);
        const qint64 length = head.mid(at + 16, head.indexOf('\r', at) - at - 16).toLongLong();
        QVERIFY2(length > (4 << 20) && length < (4 << 20) + 1024, head.constData()); // the prompt and the JSON
    }

    void leanTriesEveryAddress()
    {
        // "localhost" resolves to ::1 and 127.0.0.1 (in the order the system prefers); the server listens on the
        // IPv4 one only: a refused address is not the end.
        CannedServer server(false);
        RunConfig config = configFor(server.port(), QStringLiteral("lean"), QStringLiteral("localhost"));
        config.stream = false;
        const PointResult r = tl::test::runFirstPoint(config);
        QCOMPARE(r.summary.successRequests, 3);
    }

    void refusedIsConnectionRefused_data()
    {
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports)
            QTest::newRow(t) << t;
    }
    void refusedIsConnectionRefused()
    {
        QFETCH(QString, transport);
        const PointResult r = tl::test::runFirstPoint(configFor(tl::test::closedPort(), transport));
        QCOMPARE(r.summary.failedRequests, 3);
        QCOMPARE(r.extended.errorsByClass.first().first, QStringLiteral("connection_refused"));
    }

    void leanKeepsDescriptorsInReserve()
    {
        // The soft limit set 16 above the lowest free descriptor: everything the run opens for itself (threads,
        // epoll sets) still fits, but no socket may take one of the last 16, so every request fails as
        // client_resources, as under a real EMFILE, and the process keeps descriptors (here: a pipe afterwards).
        CannedServer server(false);
        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
        const int lowestFree = ::dup(0);
        QVERIFY(lowestFree >= 0);
        ::close(lowestFree);
        rlimit lowered = saved;
        lowered.rlim_cur = rlim_t(lowestFree + 16);
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
        RunConfig config = configFor(server.port(), QStringLiteral("lean"));
        config.stream = false;
        const PointResult r = tl::test::runFirstPoint(config);
        int fds[2] = {-1, -1};
        const bool pipeOpened = ::pipe(fds) == 0;
        if (pipeOpened) {
            ::close(fds[0]);
            ::close(fds[1]);
        }
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &saved), 0);
        QVERIFY(pipeOpened);
        QCOMPARE(r.summary.failedRequests, 3);
        QCOMPARE(r.extended.errorsByClass.first().first, QStringLiteral("client_resources"));
        QVERIFY(server.requestHeads.isEmpty());
    }

    void transportChoice_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("noProxy");
        QTest::addColumn<QString>("chosen"); // empty: a config error naming --transport
        QTest::newRow("auto http") << "auto" << "http://127.0.0.1:1/v1" << true << "lean";
        QTest::newRow("auto https") << "auto" << "https://127.0.0.1:1/v1" << true << "qt";
        QTest::newRow("lean https") << "lean" << "https://127.0.0.1:1/v1" << true << "";
        QTest::newRow("qt http") << "QT" << "http://127.0.0.1:1/v1" << true << "qt";
        QTest::newRow("unknown") << "curl" << "http://127.0.0.1:1/v1" << true << "";
        QTest::newRow("auto with a proxy") << "auto" << "http://10.9.8.7:1/v1" << false << "qt";
        QTest::newRow("lean with a proxy") << "lean" << "http://10.9.8.7:1/v1" << false << "";
        QTest::newRow("lean, proxy ignored") << "lean" << "http://10.9.8.7:1/v1" << true << "lean";
    }
    void transportChoice()
    {
        QFETCH(QString, asked);
        QFETCH(QString, url);
        QFETCH(bool, noProxy);
        QFETCH(QString, chosen);
        qputenv("http_proxy", "http://127.0.0.1:9"); // only read, never connected to
        qputenv("no_proxy", "127.0.0.1,localhost");
        RunConfig config;
        config.url = url;
        config.transport = asked;
        config.noProxy = noProxy;
        QString why;
        const auto kind = chooseTransport(config, &why);
        // validate() names --transport only for a word that is no kind; the rest is decided when a run starts.
        bool named = false;
        for (const ConfigError& e : config.validate())
            named = named || e.field == u"--transport";
        const QString word = asked.trimmed().toLower();
        QCOMPARE(named, word != u"auto" && word != u"lean" && word != u"qt");
        qunsetenv("http_proxy");
        qunsetenv("no_proxy");
        if (chosen.isEmpty()) {
            QVERIFY(!kind);
            QVERIFY2(why.contains(u"qt") || why.contains(u"must be"), qPrintable(why));
        } else {
            QVERIFY2(kind, qPrintable(why));
            QCOMPARE(Transport::kindName(*kind), chosen);
        }
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
