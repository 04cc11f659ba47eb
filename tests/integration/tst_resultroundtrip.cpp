// A run against the emulated server, stored in a project file and read back, must equal the live run: every field
// of every point the controller emitted (summary, both percentile tables, the extended metrics with the errors by
// class and their messages, stopped, warmup and request counts), exactly, since the file stores the values
// themselves and not a rounded copy. So must the run exported as JSON and imported again.

#include "engine/runcontroller.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"
#include "storage/runjson.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

// Equal, NaN included (a metric without a sample is NaN on both sides).
bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

QString describe(double a, double b)
{
    return QStringLiteral("live %1, stored %2").arg(a, 0, 'g', 17).arg(b, 0, 'g', 17);
}

#define COMPARE_NUM(field)                                                                                             \
    QVERIFY2(same(double(live.field), double(stored.field)),                                                           \
        qPrintable(QStringLiteral(#field ": ") + describe(double(live.field), double(stored.field))))

void compareTables(const PercentileTable& live, const PercentileTable& stored)
{
    QCOMPARE(stored.metrics, live.metrics);
    QCOMPARE(stored.labels, live.labels);
    QCOMPARE(stored.values.size(), live.values.size());
    for (qsizetype m = 0; m < live.values.size(); ++m) {
        QCOMPARE(stored.values.at(m).size(), live.values.at(m).size());
        for (qsizetype l = 0; l < live.values.at(m).size(); ++l)
            QVERIFY2(same(live.values.at(m).at(l), stored.values.at(m).at(l)),
                qPrintable(live.metrics.at(m) + u' ' + live.labels.at(l) + QStringLiteral(": ")
                    + describe(live.values.at(m).at(l), stored.values.at(m).at(l))));
    }
}

void compareSummaries(const Summary& live, const Summary& stored)
{
    COMPARE_NUM(testDurationS);
    COMPARE_NUM(concurrency);
    COMPARE_NUM(rate);
    COMPARE_NUM(totalRequests);
    COMPARE_NUM(successRequests);
    COMPARE_NUM(failedRequests);
    COMPARE_NUM(streamRequests);
    COMPARE_NUM(nonStreamRequests);
    COMPARE_NUM(reqThroughput);
    COMPARE_NUM(avgLatencyS);
    COMPARE_NUM(avgInputTokens);
    COMPARE_NUM(outputThroughput);
    COMPARE_NUM(totalThroughput);
    COMPARE_NUM(avgTtftMs);
    COMPARE_NUM(avgTpotMs);
    COMPARE_NUM(avgItlMs);
    COMPARE_NUM(avgOutputTokens);
    COMPARE_NUM(inputThroughput);
    QCOMPARE(stored.llm, live.llm);
}

void compareExtended(const ExtendedMetrics& live, const ExtendedMetrics& stored)
{
    COMPARE_NUM(avgTtftContentMs);
    COMPARE_NUM(avgTpotExclFirstMs);
    COMPARE_NUM(avgNormTpotMs);
    COMPARE_NUM(avgItlChunkMs);
    COMPARE_NUM(avgItlTokenMs);
    COMPARE_NUM(avgLatencyFromScheduleS);
    COMPARE_NUM(meanConcurrency);
    COMPARE_NUM(peakConcurrency);
    COMPARE_NUM(targetRate);
    COMPARE_NUM(achievedRate);
    COMPARE_NUM(avgScheduleLagMs);
    COMPARE_NUM(peakOutputThroughput);
    COMPARE_NUM(avgChunksPerRequest);
    COMPARE_NUM(avgTokensPerChunk);
    COMPARE_NUM(chunkedRequests);
    COMPARE_NUM(exactTokenRequests);
    COMPARE_NUM(successRequests);
    COMPARE_NUM(failedRequests);
    COMPARE_NUM(retriedRequests);
    QCOMPARE(stored.errorsByClass, live.errorsByClass);
    QCOMPARE(stored.errorMessages, live.errorMessages);
    compareTables(live.percentiles, stored.percentiles);
}

void comparePoints(const PointResult& live, const PointResult& stored)
{
    QCOMPARE(stored.index, live.index);
    QCOMPARE(stored.point, live.point);
    QCOMPARE(stored.status, live.status);
    QCOMPARE(stored.hasSummary, live.hasSummary);
    QCOMPARE(stored.summaryRecomputed, live.summaryRecomputed);
    QCOMPARE(stored.stopped, live.stopped);
    QCOMPARE(stored.warmupRequests, live.warmupRequests);
    QCOMPARE(stored.requestCount, live.requestCount);
    compareSummaries(live.summary, stored.summary);
    compareTables(live.percentiles, stored.percentiles);
    compareExtended(live.extended, stored.extended);
}

} // namespace

class TestResultRoundTrip final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storedRunEqualsLiveRun()
    {
        SimConfig sim;
        sim.ttftMs = 20;
        sim.itlMs = 5;
        // Every 4th completion request fails with 500 and every 7th is reset mid-stream: two error classes, each
        // with its message.
        sim.faults = {SimFaultRule{SimFaultKind::Http500, 0.0, 4}, SimFaultRule{SimFaultKind::ResetMidStream, 0.0, 7}};
        SimServer server(sim);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("roundtrip.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RunConfig config;
        config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        config.model = QStringLiteral("throughline-sim");
        config.maxTokens = 8;
        config.extraArgs = R"({"ignore_eos": true})";
        config.sleepInterval = 0;
        config.writeOutputs = false;
        config.parallel = {2, 4};
        config.number = {10, 12};
        config.warmupNum = 2;

        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(config, store.get());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
        QVERIFY(finished.wait(60000));
        QVERIFY(store->flush(&error));
        const QList<PointResult> live = controller.results();
        QCOMPARE(live.size(), 2);
        // The run exercised what must survive the file: failures of two classes, warmup, extended metrics.
        QCOMPARE(live.first().warmupRequests, 2);
        QCOMPARE(live.first().extended.errorsByClass.size(), 2);
        QCOMPARE(live.first().extended.errorMessages.size(), 2);
        QVERIFY(!live.first().extended.errorMessages.first().second.isEmpty());
        QVERIFY(!live.first().extended.percentiles.metrics.isEmpty());
        QVERIFY(live.first().extended.meanConcurrency > 0);

        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<PointResult> listed = reader.points(controller.runId());
        QCOMPARE(listed.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i) {
            comparePoints(live.at(i), listed.at(i));
            if (QTest::currentTestFailed())
                return;
            QVERIFY(listed.at(i).records.isEmpty()); // records only on demand
        }
        const std::optional<RunData> run = reader.loadRun(controller.runId());
        QVERIFY(run);
        QCOMPARE(run->points.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i) {
            comparePoints(live.at(i), run->points.at(i));
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(run->points.at(i).records.size(), live.at(i).requestCount);
        }
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));

        // A run exported as JSON and imported again is the same run.
        const std::optional<RunData> imported = RunJson::fromJson(RunJson::toJson(*run), &error);
        QVERIFY2(imported, qPrintable(error));
        QCOMPARE(imported->points.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i) {
            comparePoints(live.at(i), imported->points.at(i));
            if (QTest::currentTestFailed())
                return;
        }
    }
};

QTEST_GUILESS_MAIN(TestResultRoundTrip)
#include "tst_resultroundtrip.moc"
