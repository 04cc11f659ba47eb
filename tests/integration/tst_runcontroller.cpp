// A CLI-equivalent run against the emulated server on loopback with known timing: the measured numbers must
// land within a few milliseconds of what the server was told, token counts must be exact, and every request
// must reach the project file.

#include "engine/runcontroller.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "testutil.h"

#include <algorithm>
#include <cmath>

using namespace tl;


namespace {

constexpr double kTtftMs = 100.0;
constexpr double kItlMs = 20.0;
constexpr int kTokens = 10;
constexpr double kToleranceMs = 5.0;

RunConfig baseConfig(const QUrl& base)
{
    RunConfig c;
    c.url = base.toString() + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.maxTokens = kTokens;
    c.extraArgs = R"({"ignore_eos": true})";
    c.sleepInterval = 0;
    c.writeOutputs = false;
    return c;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? NAN : v.at(v.size() / 2);
}


} // namespace

class TestRunController final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

    // Runs `config` to the end and returns the final state.
    static RunState runToEnd(RunController& controller, const RunConfig& config, ProjectStore* store,
                             ConfigError* error = nullptr)
    {
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(config, store);
        if (!errors.isEmpty()) {
            qWarning() << errors.first().toString();
            return RunState::Idle;
        }
        if (!finished.wait(60000))
            return RunState::Idle;
        if (error)
            *error = finished.first().at(1).value<ConfigError>();
        return finished.first().at(0).value<RunState>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig sim;
        sim.ttftMs = kTtftMs;
        sim.itlMs = kItlMs;
        m_sim = std::make_unique<SimServer>(sim);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_sim.reset(); }

    void measuresKnownTiming()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("it.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RunConfig config = baseConfig(m_sim->baseUrl());
        config.parallel = {4};
        config.number = {12};
        RunController controller;
        QSignalSpy points(&controller, &RunController::pointFinished);
        QCOMPARE(runToEnd(controller, config, store.get()), RunState::Finished);
        QCOMPARE(points.size(), 1);

        const PointResult r = controller.results().first();
        const Summary& s = r.summary;
        QCOMPARE(s.totalRequests, 12);
        QCOMPARE(s.successRequests, 12);
        QCOMPARE(s.failedRequests, 0);
        QCOMPARE(s.avgOutputTokens, double(kTokens)); // exact, from the server's usage
        // Medians, not means: on a loaded machine one starved timer must not fail the suite (the figures of
        // record come from the benchmark programs). The averages must still be in the right place.
        const double ttftP50 = r.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%"));
        QVERIFY2(std::abs(ttftP50 - kTtftMs) < kToleranceMs, qPrintable(QString::number(ttftP50)));
        const double tpotP50 = r.percentiles.value(QStringLiteral("TPOT (ms)"), QStringLiteral("50%"));
        QVERIFY2(std::abs(tpotP50 - kItlMs) < kToleranceMs, qPrintable(QString::number(tpotP50)));
        QVERIFY2(s.avgTtftMs >= kTtftMs && s.avgTtftMs < 2 * kTtftMs, qPrintable(QString::number(s.avgTtftMs)));
        const double itlP50 = r.percentiles.value(QStringLiteral("ITL (ms)"), QStringLiteral("50%"));
        QVERIFY2(std::abs(itlP50 - kItlMs) < kToleranceMs, qPrintable(QString::number(itlP50)));
        const double latency = r.percentiles.value(QStringLiteral("Latency (s)"), QStringLiteral("50%")) * 1000.0;
        const double expectedLatency = kTtftMs + (kTokens - 1) * kItlMs;
        QVERIFY2(std::abs(latency - expectedLatency) < 2 * kToleranceMs, qPrintable(QString::number(latency)));
        QVERIFY(s.outputThroughput > 0);

        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RunRow> runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, QStringLiteral("completed"));
        const QList<RequestRecord> stored = reader.requests(runs.first().id, 0);
        QCOMPARE(stored.size(), 12);
        QVector<double> contentGaps;
        for (const RequestRecord& rec : stored) {
            QVERIFY(rec.success);
            QCOMPARE(rec.completionTokens, kTokens);
            QCOMPARE(rec.tokenSource, TokenSource::ServerUsage);
            QCOMPARE(rec.contentEvents(), kTokens); // one event per token, every one kept
            qint64 previous = 0;
            for (qsizetype i = 0; i < rec.eventNs.size(); ++i) {
                if (!(rec.eventFlags.at(i) & EventHasContent))
                    continue;
                if (previous)
                    contentGaps.append(double(rec.eventNs.at(i) - previous) / 1e6);
                previous = rec.eventNs.at(i);
            }
        }
        QCOMPARE(contentGaps.size(), 12 * (kTokens - 1));
        QVERIFY2(std::abs(median(contentGaps) - kItlMs) < kToleranceMs, qPrintable(QString::number(median(contentGaps))));
        const PointRow point = reader.points(runs.first().id).first();
        QCOMPARE(point.summary.successRequests, 12);
    }

    void sweepRunsEveryPoint()
    {
        RunConfig config = baseConfig(m_sim->baseUrl());
        config.parallel = {1, 3};
        config.number = {2, 6};
        config.maxTokens = 3;
        RunController controller;
        QSignalSpy started(&controller, &RunController::pointStarted);
        QSignalSpy snapshots(&controller, &RunController::snapshotAvailable);
        QCOMPARE(runToEnd(controller, config, nullptr), RunState::Finished);
        QCOMPARE(started.size(), 2);
        QCOMPARE(controller.results().size(), 2);
        QCOMPARE(controller.results().at(1).point.parallel, 3);
        QCOMPARE(controller.results().at(1).summary.successRequests, 6);
        QVERIFY(!snapshots.isEmpty());
        QCOMPARE(controller.snapshot()->results.size(), 2);
        QCOMPARE(controller.snapshot()->state, RunState::Finished);
    }

    void connectionRefusedNamesUrl()
    {
        RunConfig config = baseConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tl::test::closedPort())));
        RunController controller;
        ConfigError error;
        QCOMPARE(runToEnd(controller, config, nullptr, &error), RunState::Failed);
        QCOMPARE(error.field, QStringLiteral("--url"));
        QVERIFY2(error.message.contains(QStringLiteral("connection refused")), qPrintable(error.message));
    }

    void invalidConfigDoesNotStart()
    {
        RunConfig config = baseConfig(m_sim->baseUrl());
        config.parallel = {1, 2};
        config.number = {5};
        RunController controller;
        const ConfigErrors errors = controller.start(config);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("--number"));
        QVERIFY(!controller.isRunning());
    }

    void serverErrorsAreRecordedPerRequest()
    {
        SimConfig locked;
        locked.apiKey = QStringLiteral("right");
        locked.ttftMs = 1;
        locked.itlMs = 1;
        SimServer sim(locked);
        QVERIFY(sim.start());
        RunConfig config = baseConfig(sim.baseUrl());
        config.apiKey = QStringLiteral("wrong");
        config.number = {5};
        config.noTestConnection = true;
        RunController controller;
        QCOMPARE(runToEnd(controller, config, nullptr), RunState::Finished);
        const Summary& s = controller.results().first().summary;
        QCOMPARE(s.failedRequests, 5);
        QCOMPARE(s.errorsByClass.size(), 1);
        QCOMPARE(s.errorsByClass.first(), (QPair<QString, int>(QStringLiteral("http_status"), 5)));

        // With the connection test, the wrong key is reported before the run, naming --api-key.
        config.noTestConnection = false;
        ConfigError error;
        QCOMPARE(runToEnd(controller, config, nullptr, &error), RunState::Failed);
        QCOMPARE(error.field, QStringLiteral("--api-key"));
    }

    void softStopKeepsWhatWasMeasured()
    {
        QTemporaryDir dir;
        QString error;
        auto store = ProjectStore::open(dir.filePath(QStringLiteral("stop.tlproj")), &error);
        QVERIFY(store);
        RunConfig config = baseConfig(m_sim->baseUrl());
        config.parallel = {2};
        config.number = {200};
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        QVERIFY(controller.start(config, store.get()).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot()->completed >= 2, 20000);
        controller.stop();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).value<RunState>(), RunState::Stopped);
        const PointResult r = controller.results().first();
        QVERIFY(r.stopped);
        QVERIFY(r.summary.successRequests >= 2);
        QVERIFY(r.summary.totalRequests < 200);
        QCOMPARE(r.summary.failedRequests, 0); // a soft stop lets in-flight requests finish
        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY(reader.open(store->path(), &error));
        QCOMPARE(reader.runs().first().status, QStringLiteral("stopped"));
        QCOMPARE(reader.requests(controller.runId(), 0).size(), r.summary.totalRequests);
    }

    void secondStopAbortsInFlight()
    {
        RunConfig config = baseConfig(m_sim->baseUrl());
        config.parallel = {3};
        config.number = {30};
        config.maxTokens = 200; // 4 s per request: certainly in flight when stopped
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        QVERIFY(controller.start(config).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot()->inFlight == 3, 20000);
        controller.stop();
        controller.stop();
        QVERIFY(finished.wait(20000));
        const Summary& s = controller.results().first().summary;
        QCOMPARE(s.totalRequests, 3);
        QCOMPARE(s.errorsByClass.first(), (QPair<QString, int>(QStringLiteral("aborted"), 3)));
    }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
