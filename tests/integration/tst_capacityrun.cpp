// Capacity answers end to end against the emulated server on loopback (docs/METRICS.md "Capacity"): goodput of a
// live run equals its recomputation from the project file, and the saturation rule finds the knee of the slow-cpu
// preset where its serving model puts it (its slot count). Every check is structural: the SLOs sit far from the
// server's fixed timings, and the knee comes from the slot limit, not from a timing threshold.

#include "engine/runcontroller.h"
#include "metrics/autosweep.h"
#include "metrics/goodput.h"
#include "metrics/repeatstats.h"
#include "metrics/saturation.h"
#include "sim/simconfig.h"
#include "sim/simpreset.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

RunConfig baseConfig(const QUrl& base)
{
    RunConfig c;
    c.url = base.toString() + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.maxTokens = 8;
    c.extraArgs = R"({"ignore_eos": true})";
    c.sleepInterval = 0;
    c.writeOutputs = false;
    c.noTestConnection = true;
    return c;
}

bool runToEnd(RunController& controller, const RunConfig& config, ProjectStore* store)
{
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config, store);
    if (!errors.isEmpty()) {
        qWarning() << errors.first().toString();
        return false;
    }
    return finished.wait(120000) && finished.first().at(0).value<RunState>() == RunState::Finished;
}

SloSpec slo(const QStringList& words)
{
    QString error;
    return SloSpec::parse(words, &error).value_or(SloSpec());
}

} // namespace

class TestCapacityRun final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goodputOfStoredRunEqualsLive()
    {
        SimConfig fixed;
        fixed.ttftMs = 40; // no request can meet ttft:1, every one meets ttft:60000
        fixed.itlMs = 5;
        SimServer sim(fixed);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("goodput.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));

        RunConfig config = baseConfig(sim.baseUrl());
        config.parallel = {2};
        config.number = {6};
        config.goodput = {QStringLiteral("ttft:60000"), QStringLiteral("e2el:60000")};
        RunController controller;
        QVERIFY(runToEnd(controller, config, store.get()));
        const PointResult live = controller.results().constFirst();
        const GoodputResult& g = live.extended.goodput;
        QCOMPARE(g.goodRequests, 6);
        QCOMPARE(g.ttftAttainmentPct, 100.0);
        QCOMPARE(g.goodput, 6 / live.summary.testDurationS);
        QVERIFY(store->flush(&error));

        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QString runId = reader.runs().constFirst().id;
        // Stored with the point as the live run had it ...
        const PointResult stored = reader.points(runId).constFirst();
        QCOMPARE(stored.extended.goodput.slo, config.slo());
        QCOMPARE(stored.extended.goodput.goodRequests, 6);
        // ... and recomputed from the stored requests: the same under the same SLOs, none good under ttft:1 ms.
        QList<PointResult> points = reader.points(runId, true);
        QCOMPARE(points.constFirst().records.size(), 6);
        applyGoodput(points, config.slo());
        QCOMPARE(points.constFirst().extended.goodput.goodRequests, g.goodRequests);
        QVERIFY(std::abs(points.constFirst().extended.goodput.goodput - g.goodput) < 1e-9);
        applyGoodput(points, slo({QStringLiteral("ttft:1")}));
        QCOMPARE(points.constFirst().extended.goodput.goodRequests, 0);
        QCOMPARE(points.constFirst().extended.goodput.ttftAttainmentPct, 0.0);
        QCOMPARE(points.constFirst().extended.goodput.goodput, 0.0);
    }

    void repeatRunsAreStoredAndSummarised()
    {
        SimConfig fixed;
        fixed.ttftMs = 10;
        fixed.itlMs = 2;
        SimServer sim(fixed);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("repeat.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));

        RunConfig config = baseConfig(sim.baseUrl());
        config.parallel = {1, 2};
        config.number = {3, 4};
        config.numRuns = 2;
        config.seed = 7;
        RunController controller;
        QVERIFY(runToEnd(controller, config, store.get()));
        const QList<PointResult> results = controller.results();
        QCOMPARE(results.size(), 4); // each sweep point twice, in a row
        QCOMPARE(results.at(0).point, results.at(1).point);
        QCOMPARE(results.at(2).point, results.at(3).point);
        QCOMPARE(results.at(2).point.parallel, 2);
        for (const PointResult& r : results)
            QVERIFY(r.harness.verdict != HarnessHealth::Verdict::Unknown); // judged, whatever the machine's load

        const QList<RepeatGroup> groups = repeatGroups(results, config.numRuns, config.confidenceLevel);
        QCOMPARE(groups.size(), 2);
        const RepeatStats total = groups.at(1).stats(QStringLiteral("Total Requests"));
        QCOMPARE(total.n, 2);
        QCOMPARE(total.mean, 4.0);
        QCOMPARE(total.sd, 0.0);
        const RepeatStats tput = groups.at(0).stats(QStringLiteral("Req Throughput (req/s)"));
        QCOMPARE(tput.n, 2);
        QVERIFY(tput.ciLow <= tput.mean && tput.mean <= tput.ciHigh);

        // The project file holds every repetition as a point, and the groups come back from its configuration.
        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const std::optional<RunData> run = reader.loadRun(reader.runs().constFirst().id);
        QVERIFY(run);
        QCOMPARE(run->points.size(), 4);
        const QList<RepeatGroup> stored = repeatGroups(*run);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).pointIndices, (QList<int>{2, 3}));
        QCOMPARE(run->points.at(3).harness.verdict, results.at(3).harness.verdict);
        QCOMPARE(run->points.at(3).harness.reason, results.at(3).harness.reason);
    }

    void kneeOfSlowCpuPresetIsItsSlotCount()
    {
        // slow-cpu: 4 slots, decode steps of 60 ms + 15 ms x batch, serial prefill. Up to 4 streams each added one
        // raises throughput (by +60% and +50% here); past 4 the extra requests only queue: throughput grows ~2%, the
        // latency of 12 streams is about 3x that of 4. The knee is the slot count.
        SimConfig slow;
        QString error;
        QVERIFY2(SimPreset::apply(QStringLiteral("slow-cpu"), &slow, &error), qPrintable(error));
        QCOMPARE(slow.maxNumSeqs, 4);
        SimServer sim(slow);
        QVERIFY2(sim.start(&error), qPrintable(error));

        RunConfig config = baseConfig(sim.baseUrl());
        config.parallel = {1, 2, 4, 12};
        config.number = {2, 4, 16, 24}; // 4 waves at parallel 4: its start and drain barely count
        RunController controller;
        QVERIFY(runToEnd(controller, config, nullptr));
        const QList<PointResult> results = controller.results();
        QCOMPARE(results.size(), 4);
        const SaturationPoint knee = findSaturation(results);
        QVERIFY2(knee.found, qPrintable(knee.reason));
        QCOMPARE(knee.rule, QStringLiteral("throughput-flat"));
        QCOMPARE(results.at(knee.index).point.parallel, slow.maxNumSeqs);
        QCOMPARE(results.at(knee.beyondIndex).point.parallel, 12);
    }

    void autoSweepSpreadsPointsFromMeasuredThroughput()
    {
        // 4 slots and fixed timings (40 ms to the first token, 10 ms a token, 8 tokens): one stream gets ~9 req/s,
        // 8 streams ~4x that. --sweep auto with 5 points: the anchors parallel 1 and 8, then the concurrencies
        // carrying 1.75, 2.5 and 3.25 x the synchronous throughput at its latency, computed from what was measured.
        SimConfig fixed;
        fixed.ttftMs = 40;
        fixed.itlMs = 10;
        fixed.maxNumSeqs = 4;
        SimServer sim(fixed);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        RunConfig config = baseConfig(sim.baseUrl());
        config.sweep = QStringLiteral("auto");
        config.autoSweepPoints = 5;
        config.parallel = {8};
        config.number = {16};
        RunController controller;
        QVERIFY(runToEnd(controller, config, nullptr));
        const QList<PointResult> results = controller.results();
        QVERIFY(results.size() >= 3);
        QCOMPARE(results.at(0).point, (RunPoint{1, 16, -1}));
        QCOMPARE(results.at(1).point, (RunPoint{8, 16, -1}));
        const double sync = results.at(0).summary.reqThroughput;
        const double max = results.at(1).summary.reqThroughput;
        // The slots bound the maximum: about 4x one stream, never above it by much (connection reuse aside).
        QVERIFY2(max > 2.5 * sync && max < 4.5 * sync, qPrintable(QStringLiteral("%1 vs %2").arg(max).arg(sync)));
        // The points between are the rule applied to the measured anchors, in that order, after them.
        QList<int> expected;
        for (int i = 1; i <= 3; ++i) {
            const int p = std::clamp(int(std::lround((sync + (max - sync) * i / 4.0) / sync)), 2, 7);
            if (!expected.contains(p))
                expected.append(p);
        }
        QList<int> ran;
        for (qsizetype i = 2; i < results.size(); ++i)
            ran.append(results.at(i).point.parallel);
        QCOMPARE(ran, expected);
        QVERIFY(ran.constLast() <= fixed.maxNumSeqs); // all at or below the concurrency where the server stops scaling
        QCOMPARE(controller.plannedPoints(), int(results.size()));
    }

    void autoSweepRepeatsEachPoint()
    {
        SimConfig fixed;
        fixed.ttftMs = 20;
        fixed.itlMs = 5;
        fixed.maxNumSeqs = 2;
        SimServer sim(fixed);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig config = baseConfig(sim.baseUrl());
        config.sweep = QStringLiteral("auto");
        config.autoSweepPoints = 3;
        config.parallel = {4};
        config.number = {6};
        config.numRuns = 2;
        config.seed = 3;
        RunController controller;
        QVERIFY(runToEnd(controller, config, nullptr));
        const QList<PointResult> results = controller.results();
        // parallel 1 twice, 4 twice, then the one point between (2 or 3) twice.
        QCOMPARE(results.size(), 6);
        for (int i = 0; i < 6; i += 2)
            QCOMPARE(results.at(i).point, results.at(i + 1).point);
        QVERIFY(results.at(4).point.parallel == 2 || results.at(4).point.parallel == 3);
        QCOMPARE(repeatGroups(results, 2, 0.95).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCapacityRun)
#include "tst_capacityrun.moc"
