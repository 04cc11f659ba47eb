// The transport around the requests: stale keep-alive connections resent once and counted, the new-connection
// ramp at the start of a point, HTTPS (verification on by default, --ca-cert, --insecure) and proxies from the
// environment (--no-proxy). Everything on 127.0.0.1.

#include "engine/runcontroller.h"
#include "sim/simfault.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "cannedserver.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <algorithm>

using namespace tl;
using tl::test::CannedServer;

namespace {

RunConfig baseConfig(const QString& url)
{
    RunConfig c;
    c.url = url;
    c.model = QStringLiteral("m");
    c.maxTokens = 4;
    c.sleepInterval = 0;
    c.writeOutputs = false;
    return c;
}

struct Outcome {
    RunState state = RunState::Idle;
    ConfigError error;
    PointResult result;
};

Outcome run(const RunConfig& config)
{
    Outcome out;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config);
    if (!errors.isEmpty()) {
        out.error = errors.first();
        return out;
    }
    if (!finished.wait(60000))
        return out;
    out.state = finished.first().at(0).value<RunState>();
    out.error = finished.first().at(1).value<ConfigError>();
    if (!controller.results().isEmpty())
        out.result = controller.results().constFirst();
    return out;
}

} // namespace

class TestNetwork final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void staleKeepAliveIsResentOnce_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("transport");
        for (const char* t : {"lean", "qt"}) {
            QTest::addRow("%s stream", t) << true << t;
            QTest::addRow("%s no stream", t) << false << t;
        }
    }
    void staleKeepAliveIsResentOnce()
    {
        QFETCH(bool, stream);
        QFETCH(QString, transport);
        SimConfig simConfig;
        simConfig.ttftMs = 2;
        simConfig.itlMs = 1;
        simConfig.staleKeepAlive = true;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig config = baseConfig(sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions"));
        config.stream = stream;
        config.parallel = {2};
        config.number = {10};
        config.transport = transport;
        const Outcome o = run(config);
        QCOMPARE(o.state, RunState::Finished);
        // Every request after a slot's first goes out on a connection the server has dropped; none is lost. Qt's
        // HTTP channel resends such a request itself when the close comes before any byte on a pooled
        // connection (the qt transport sees the second requestSent() and counts it); what reaches the worker as a
        // close is resent by it.
        // The lean transport sees the server's close on an idle connection before it reuses it (a peek before
        // each send): it opens a new connection instead, and resends only when the close crosses the request.
        QCOMPARE(o.result.summary.successRequests, 10);
        QCOMPARE(o.result.summary.failedRequests, 0);
        QVERIFY(o.result.extended.retriedRequests <= 8);
    }

    // llama.cpp's server advertises keep-alive yet closes every connection after its response (a real one lost 49 of
    // 312 requests to EvalScope): nothing is lost, and no request waits for a connection behind another one (Qt 6.4
    // held 1-3 of 60 unsent in its queue for a request's duration: QnamTransport posts such requests again).
    void closeAfterEveryResponseLosesNothing_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("closeDelayMs");
        QTest::addColumn<bool>("connectionClose"); // --headers Connection=close
        for (const char* t : {"lean", "qt"}) {
            for (int delay : {0, 2, 10}) {
                for (bool close : {false, true}) {
                    const char* c = close ? ", Connection: close" : "";
                    QTest::addRow("%s stream, FIN after %d ms%s", t, delay, c) << t << true << delay << close;
                    QTest::addRow("%s no stream, FIN after %d ms%s", t, delay, c) << t << false << delay << close;
                }
            }
        }
    }
    void closeAfterEveryResponseLosesNothing()
    {
        QFETCH(QString, transport);
        QFETCH(bool, stream);
        QFETCH(int, closeDelayMs);
        QFETCH(bool, connectionClose);
        SimConfig simConfig;
        simConfig.ttftMs = 5;
        simConfig.itlMs = 10;
        simConfig.closeAfterResponse = true;
        simConfig.closeAfterResponseDelayMs = closeDelayMs;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig config = baseConfig(sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions"));
        config.stream = stream;
        config.parallel = {4};
        config.number = {60};
        config.maxTokens = 12; // ~115 ms a request
        config.extraArgs = QByteArrayLiteral(R"({"ignore_eos": true})");
        config.transport = transport;
        if (connectionClose)
            config.headers = {{QStringLiteral("Connection"), QStringLiteral("close")}};
        RunController controller;
        QList<RequestRecord> records;
        connect(&controller, &RunController::recordsArrived, this,
            [&records](const QList<RequestRecord>& batch) { records += batch; });
        QSignalSpy finished(&controller, &RunController::runFinished);
        QVERIFY(controller.start(config).isEmpty());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<RunState>(), RunState::Finished);
        const Summary s = controller.results().constFirst().summary;
        QCOMPARE(s.successRequests, 60);
        QCOMPARE(s.failedRequests, 0);
        // A request that waited for a whole request duration (~115 ms) before its headers shows as a TTFT near
        // that (stream) or a latency near twice it (no stream).
        int slow = 0;
        for (const RequestRecord& r : std::as_const(records)) {
            if (r.success && !r.warmup)
                slow += (stream ? r.ttftS() > 0.06 : r.latencyS() > 0.2) ? 1 : 0;
        }
        const QString waited = QStringLiteral("%1 of 60 requests waited about a request's duration").arg(slow);
        // The lean transport never waits. The qt transport's wait is worked around (requests Qt leaves unsent are
        // posted again; Connection: close), not removed, and on a loaded machine under ASan one request's first token
        // can pass the threshold from scheduling alone: one of 60 is tolerated there (Qt's queue without the
        // workaround held 1-3 of 60, and 5 of 60 with the FIN 2 ms after the response).
        qInfo("%s", qPrintable(waited));
        QVERIFY2(slow <= (transport == u"qt" ? 1 : 0), qPrintable(waited));
        // With the FIN a few ms after the response, a slot's next request goes out on the connection the server is
        // closing, and is sent again on a new one: by the lean transport's worker, or by Qt's HTTP channel, which
        // the qt transport sees and counts as well. Then the qt transport asks for one connection per request.
        const int retried = controller.results().constFirst().extended.retriedRequests;
        if (closeDelayMs > 0 && !connectionClose)
            QVERIFY2(retried > 0, "no request was counted as resent");
        if (connectionClose)
            QCOMPARE(retried, 0);
    }

    void resetBeforeAnyByteIsResent_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("lean") << "lean";
        QTest::newRow("qt") << "qt";
    }
    void resetBeforeAnyByteIsResent()
    {
        QFETCH(QString, transport);
        SimConfig simConfig;
        simConfig.ttftMs = 2;
        simConfig.itlMs = 1;
        simConfig.faults.append({SimFaultKind::ResetBeforeHeaders, 0.0, 2}); // every 2nd request
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig config = baseConfig(sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions"));
        config.parallel = {1};
        config.number = {6};
        config.noTestConnection = true;
        config.transport = transport;
        const Outcome o = run(config);
        QCOMPARE(o.state, RunState::Finished);
        // Every 2nd request the server receives (resends included) is reset before a byte: each victim is resent,
        // lands on an odd number and succeeds. Qt resends on a pooled connection by itself; what it gives up on
        // the worker resends once and counts (tst_apitypes checks the count when every attempt is reset).
        QCOMPARE(o.result.summary.successRequests, 6);
        QCOMPARE(o.result.summary.failedRequests, 0);
        if (transport == u"lean") {
            // Nothing resends behind the worker's back: requests 2 to 6 each meet one reset (the server's 2nd,
            // 4th, ... 10th request), are resent and counted.
            QCOMPARE(o.result.extended.retriedRequests, 5);
        } else {
            QVERIFY(o.result.extended.retriedRequests <= 5);
        }
    }

    void connectionsRampUp()
    {
        // 100 slots, each with one slow request: 64 connect at once, the other 36 at 100 per second.
        SimConfig simConfig;
        simConfig.ttftMs = 300;
        simConfig.itlMs = 1;
        simConfig.recordTrace = true;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig config = baseConfig(sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions"));
        config.parallel = {100};
        config.number = {100};
        config.maxTokens = 1;
        config.connectRate = 100;
        config.noTestConnection = true;
        const Outcome o = run(config);
        QCOMPARE(o.result.summary.successRequests, 100);
        // The server notes a request just after its last write, which the client may have read already.
        QTRY_COMPARE_WITH_TIMEOUT(sim.traceRecords().size(), std::size_t(100), 5000);
        QVector<qint64> received;
        for (const SimTraceRecord& t : sim.traceRecords())
            received.append(t.receivedNs);
        QCOMPARE(received.size(), 100);
        std::sort(received.begin(), received.end());
        // The last slot may start no sooner than 35/100 s after the first (ramp timer granularity aside).
        const double spreadS = double(received.last() - received.first()) / 1e9;
        QVERIFY2(spreadS >= 0.3, qPrintable(QString::number(spreadS)));
        // ...and the first 64 were not held back.
        const double burstS = double(received.at(63) - received.first()) / 1e9;
        QVERIFY2(burstS < spreadS, qPrintable(QString::number(burstS)));
    }

    void httpsVerification_data()
    {
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<bool>("caCert");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("untrusted certificate fails") << false << false << false;
        QTest::newRow("--insecure") << true << false << true;
        QTest::newRow("--ca-cert") << false << true << true;
    }
    void httpsVerification()
    {
        QFETCH(bool, insecure);
        QFETCH(bool, caCert);
        QFETCH(bool, succeeds);
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        CannedServer server(true);
        QVERIFY(server.port() != 0);
        RunConfig config
            = baseConfig(QStringLiteral("https://127.0.0.1:%1/v1/chat/completions").arg(server.port()));
        config.stream = false;
        config.number = {3};
        config.insecure = insecure;
        if (caCert)
            config.caCert = QFINDTESTDATA("data/tls/server.pem");
        const Outcome o = run(config);
        if (succeeds) {
            QCOMPARE(o.state, RunState::Finished);
            QCOMPARE(o.result.summary.successRequests, 3);
        } else {
            QCOMPARE(o.state, RunState::Failed);
            QCOMPARE(o.error.field, QStringLiteral("--url"));
            QVERIFY2(o.error.message.contains(u"--insecure") && o.error.message.contains(u"--ca-cert"),
                qPrintable(o.error.message));
        }
    }

    void unknownCaFileIsAConfigError()
    {
        RunConfig config = baseConfig(QStringLiteral("https://127.0.0.1:1/v1/chat/completions"));
        config.caCert = QStringLiteral("/nonexistent/ca.pem");
        const ConfigErrors errors = config.validate();
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().field, QStringLiteral("--ca-cert"));
    }

    void proxyFromEnvironment_data()
    {
        QTest::addColumn<bool>("noProxy");
        QTest::newRow("http_proxy used") << false;
        QTest::newRow("--no-proxy") << true;
    }
    void proxyFromEnvironment()
    {
        QFETCH(bool, noProxy);
        CannedServer proxy(false);
        CannedServer origin(false);
        // The request names the origin; with the proxy it must go to the proxy in absolute form instead.
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(origin.port());
        qputenv("http_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()).toUtf8());
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");
        RunConfig config = baseConfig(url);
        config.stream = false;
        config.number = {2};
        config.noProxy = noProxy;
        const Outcome o = run(config);
        qunsetenv("http_proxy");
        QCOMPARE(o.state, RunState::Finished);
        QCOMPARE(o.result.summary.successRequests, 2);
        if (noProxy) {
            QVERIFY(proxy.requestLines.isEmpty());
            QCOMPARE(origin.requestLines.size(), 4); // the connection test, /v1/models, two requests
        } else {
            QVERIFY(origin.requestLines.isEmpty());
            QCOMPARE(proxy.requestLines.size(), 4);
            QVERIFY2(proxy.requestLines.first().startsWith(QByteArray("POST " + url.toUtf8())),
                proxy.requestLines.first().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
