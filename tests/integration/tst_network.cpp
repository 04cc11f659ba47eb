// The transport around the requests: stale keep-alive connections resent once and counted, the new-connection
// ramp at the start of a point, HTTPS (verification on by default, --ca-cert, --insecure) and proxies from the
// environment (--no-proxy). Everything on 127.0.0.1.

#include "engine/runcontroller.h"
#include "sim/simfault.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "util/monoclock.h"
#include "cannedserver.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

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

// Times when no thread of this process could run: a thread sleeps 1 ms at a time and notes every wake-up that came
// more than 10 ms late. On a loaded machine (ASan builds, parallel ctest, other builds) this is what stretches a
// request, on the client's threads and the in-process server's alike.
class StallProbe {
public:
    StallProbe()
        : m_thread([this] { run(); })
    {
    }
    ~StallProbe()
    {
        m_stop = true;
        m_thread.join();
    }
    // How much of [fromNs, toNs] the longest stall overlapping it covers.
    qint64 longestStallNsIn(qint64 fromNs, qint64 toNs) const
    {
        const std::lock_guard lock(m_mutex);
        qint64 longest = 0;
        for (const auto& [begin, end] : m_stalls)
            longest = std::max(longest, std::min(end, toNs) - std::max(begin, fromNs));
        return longest;
    }
    // Every stall so far: how many, and the longest.
    std::pair<int, qint64> stalls() const
    {
        const std::lock_guard lock(m_mutex);
        qint64 longest = 0;
        for (const auto& [begin, end] : m_stalls)
            longest = std::max(longest, end - begin);
        return {static_cast<int>(m_stalls.size()), longest};
    }

private:
    void run()
    {
        while (!m_stop) {
            const qint64 before = monotonicNs();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            const qint64 after = monotonicNs();
            if (after - before > 11'000'000) {
                const std::lock_guard lock(m_mutex);
                m_stalls.emplace_back(before + 1'000'000, after);
            }
        }
    }

    std::atomic<bool> m_stop = false;
    mutable std::mutex m_mutex;
    std::vector<std::pair<qint64, qint64>> m_stalls;
    std::thread m_thread;
};

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
        simConfig.recordTrace = true; // when the server received and answered each request (same monotonic clock)
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
        const StallProbe probe;
        QVERIFY(controller.start(config).isEmpty());
        if (!finished.wait(60000)) {
            const auto [stallCount, longestStallNs] = probe.stalls();
            QFAIL(
                qPrintable(QStringLiteral("the run did not end in 60 s: %1 records arrived; %2 stalls of the process, "
                                          "longest %3 ms")
                               .arg(records.size())
                               .arg(stallCount)
                               .arg(double(longestStallNs) / 1e6, 0, 'f', 1)));
        }
        QCOMPARE(finished.first().at(0).value<RunState>(), RunState::Finished);
        const Summary s = controller.results().constFirst().summary;
        QCOMPARE(s.successRequests, 60);
        QCOMPARE(s.failedRequests, 0);
        // A request that waited for a whole request duration (~115 ms) before its headers shows as a TTFT near
        // that (stream) or a latency near twice it (no stream). Where its time went: the server's trace gives when
        // the server received the request and wrote its first token (stream) or last byte; the stall probe gives
        // when no thread of this process ran. The transport's wait (Qt's queue held the request unsent) is time
        // lost before the server had the request while the process was running; time lost in a stall is the
        // machine's scheduling, which a loaded machine (ASan, other builds) imposes on any transport.
        QList<const RequestRecord*> slowRecords;
        for (const RequestRecord& r : std::as_const(records)) {
            if (r.success && !r.warmup && (stream ? r.ttftS() > 0.06 : r.latencyS() > 0.2))
                slowRecords.append(&r);
        }
        // The server notes a request just after its last write, which the client may have read already.
        QTRY_VERIFY_WITH_TIMEOUT(sim.traceRecords().size() >= size_t(records.size()), 5000);
        std::map<QByteArray, SimTraceRecord> traces;
        for (SimTraceRecord& t : sim.traceRecords())
            traces.emplace(t.id, std::move(t));
        qint64 maxHeldNs = 0; // every request's time from the worker's send to the server's receipt
        for (const RequestRecord& r : std::as_const(records)) {
            if (const auto it = traces.find(r.responseId); r.success && it != traces.end())
                maxHeldNs = std::max(maxHeldNs, it->second.receivedNs - r.sentNs);
        }
        // How late the in-process server ran its own schedule, write by write (each token chunk, or a whole answer,
        // against the time it was due): its threads are scheduled like the client's, so this shows when the machine
        // ran this process's threads late even where no stall of the whole process shows.
        std::vector<std::pair<qint64, qint64>> serverLate; // (written at, ns late)
        for (const auto& [id, t] : traces) {
            const std::vector<qint64>& written = stream ? t.chunkNs : std::vector<qint64>{t.endNs};
            const size_t skip = t.plannedNs.size() >= written.size() ? t.plannedNs.size() - written.size() : 0;
            for (size_t k = 0; k < written.size() && skip + k < t.plannedNs.size(); ++k)
                serverLate.emplace_back(written[k], written[k] - t.plannedNs[skip + k]);
        }
        const auto serverLateNsIn = [&serverLate](qint64 fromNs, qint64 toNs) {
            qint64 late = 0;
            for (const auto& [at, ns] : serverLate) {
                if (at >= fromNs && at <= toNs)
                    late = std::max(late, ns);
            }
            return late;
        };
        const double usualMs = stream ? 5 : 115; // the server's first token, or its whole answer
        int held = 0; // lost before the server had it, with the process running
        int stalled = 0; // lost mostly in a stall of the process, or while the server's own schedule ran as late
        qint64 heldFromNs = 0; // the span of the slow requests not explained by the machine
        qint64 heldToNs = 0;
        for (const RequestRecord* r : std::as_const(slowRecords)) {
            const auto found = traces.find(r->responseId);
            QVERIFY2(found != traces.end(), r->responseId.constData());
            const SimTraceRecord& t = found->second;
            const qint64 serverFirstNs = stream && !t.chunkNs.empty() ? t.chunkNs.front() : t.endNs;
            const qint64 clientFirstNs = stream ? r->firstChoicesNs() : r->completedNs();
            const double heldMs = double(t.receivedNs - r->sentNs) / 1e6;
            const double serverMs = double(serverFirstNs - t.receivedNs) / 1e6;
            const double readMs = double(clientFirstNs - serverFirstNs) / 1e6;
            const double lostMs = double(clientFirstNs - r->sentNs) / 1e6 - usualMs;
            const double stallMs = double(probe.longestStallNsIn(r->sentNs, clientFirstNs)) / 1e6;
            const double lateMs = double(serverLateNsIn(r->sentNs, clientFirstNs)) / 1e6;
            const bool wasStalled = std::max(stallMs, lateMs) >= lostMs / 2;
            const bool wasHeld = !wasStalled && heldMs > serverMs - usualMs && heldMs > readMs;
            stalled += wasStalled ? 1 : 0;
            held += wasHeld ? 1 : 0;
            if (!wasStalled) {
                heldFromNs = heldFromNs == 0 ? r->sentNs : std::min(heldFromNs, r->sentNs);
                heldToNs = std::max(heldToNs, clientFirstNs);
            }
            qInfo("slow request %d: %.1f ms lost; %.1f ms from send to the server's receipt, server %.1f ms, client "
                  "read %.1f ms later; meanwhile the longest stall of the process %.1f ms, the server's schedule up to "
                  "%.1f ms late (%s)",
                r->seq, lostMs, heldMs, serverMs, readMs, stallMs, lateMs,
                wasStalled    ? "scheduling"
                    : wasHeld ? "held before the server"
                              : "late in the client");
        }
        const auto [stallCount, longestStallNs] = probe.stalls();
        const QString waited = QStringLiteral("%1 of 60 requests slow: %2 by the machine's scheduling, %3 held before "
                                              "the server; longest send to receipt %4 ms; %5 stalls, longest %6 ms")
                                   .arg(slowRecords.size())
                                   .arg(stalled)
                                   .arg(held)
                                   .arg(double(maxHeldNs) / 1e6, 0, 'f', 1)
                                   .arg(stallCount)
                                   .arg(double(longestStallNs) / 1e6, 0, 'f', 1);
        qInfo("%s", qPrintable(waited));
        // A request slowed while the machine ran this process late (a stall, or the server's own schedule as late)
        // is the machine's and not counted. The rest must be one moment, not a recurring wait: on a loaded machine
        // both transports now and then have all the requests in flight reach the in-process server 70-210 ms after
        // their send, together, with nothing else running late that could show it (the server is idle then), the
        // lean transport included, which has no queue (RELIABILITY.md). Tolerated once per row: the slow requests
        // left all lie within 400 ms. Qt's queue held a slot's next request for a whole request duration again and
        // again through a row (1 in 6 to 60 requests), which fails here.
        const qint64 unexplained = slowRecords.size() - stalled;
        QVERIFY2(unexplained == 0 || heldToNs - heldFromNs <= 400'000'000, qPrintable(waited));
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
