// SLA auto-tune end to end against the emulated server (docs/METRICS.md "SLA auto-tune"). The server has 4 slots
// (--max-num-seqs 4) and fixed timings: a request takes T = 150 ms + 7 x 10 ms = 220 ms once it holds a slot. In
// closed loop with parallel p <= 4 every request holds a slot at once (p99 latency ~T); at p >= 5 some request always
// waits a whole T for a slot (p99 latency ~2T). So the largest parallel with p99 latency <= 1.5 T = 330 ms is exactly
// 4, far from both sides of the threshold, and the search from 1 up to 16 looks at 1, 2, 4, 8, 6, 5.

#undef QT_NO_CAST_FROM_ASCII

#include "engine/runcontroller.h"
#include "metrics/slatuner.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "storage/outputwriter.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;

namespace {

SimConfig fourSlots()
{
    SimConfig c;
    c.ttftMs = 150;
    c.itlMs = 10;
    c.maxNumSeqs = 4;
    return c;
}

RunConfig tuningConfig(const QUrl& base)
{
    RunConfig c;
    c.url = base.toString() + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.maxTokens = 8;
    c.extraArgs = R"({"ignore_eos": true})";
    c.sleepInterval = 0;
    c.writeOutputs = false;
    c.noTestConnection = true;
    c.slaAutoTune = true;
    c.slaParams = R"({"p99_latency": "<=330ms"})";
    c.slaUpperBound = 16;
    c.slaNumRuns = 2;
    return c;
}

nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nlohmann::json();
    const QByteArray data = f.readAll();
    return nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
}

} // namespace

class TestSlaAutoTune final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsTheSlotLimitAndStoresEveryProbe()
    {
        SimServer sim(fourSlots());
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sla.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));

        const RunConfig config = tuningConfig(sim.baseUrl());
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(config, store.get());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(0).value<RunState>(), RunState::Finished);

        const SlaTuner* tuner = controller.slaTuner();
        QVERIFY(tuner);
        QVERIFY(tuner->isFinished());
        const SlaTuner::GroupOutcome o = tuner->outcomes().constFirst();
        QCOMPARE(o.value.value_or(-1), 4);
        QCOMPARE(o.path, (QList<int>{1, 2, 4, 8, 6, 5}));
        // Sure unless this (shared, loaded) machine made a boundary probe straddle the threshold even after the extra
        // runs; then the answer says which value was judged on its mean. The answer itself must not move.
        QCOMPARE(o.sure, o.unsureValues.isEmpty());
        if (!o.sure)
            qInfo("judged on the mean: %s", OutputWriter::slaResultJson(*tuner).constData());
        // Bounded: six values, --sla-num-runs 2 each, at most twice that where an interval straddled.
        QVERIFY(tuner->pointsRun() >= 12 && tuner->pointsRun() <= 24);
        QCOMPARE(controller.results().size(), tuner->pointsRun());
        for (const PointResult& r : controller.results()) {
            QVERIFY(r.slaProbe.isValid());
            QCOMPARE(r.point, tuner->pointFor(r.slaProbe.value));
            QCOMPARE(r.summary.successRequests, r.point.number);
        }

        // Every probe is a stored point of the one run, and the stored run replays to the same answer.
        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.runs().size(), 1);
        const QList<PointResult> stored = reader.points(reader.runs().constFirst().id);
        QCOMPARE(stored.size(), controller.results().size());
        for (qsizetype i = 0; i < stored.size(); ++i)
            QCOMPARE(stored.at(i).slaProbe, controller.results().at(i).slaProbe);
        const auto replayed = SlaTuner::replay(config, stored);
        QVERIFY(replayed);
        QCOMPARE(replayed->outcomes().constFirst().value.value_or(-1), 4);
        QCOMPARE(replayed->outcomes().constFirst().path, o.path);

        // runs show replays the search from the file too.
        QProcess show;
        show.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-cli"),
            {QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("latest"), QStringLiteral("--project"),
                path});
        QVERIFY(show.waitForFinished(60000));
        const QString shown = QString::fromUtf8(show.readAllStandardOutput());
        QCOMPARE(show.exitCode(), 0);
        QVERIFY2(shown.contains(QStringLiteral("Max satisfied: parallel 4")), qPrintable(shown.right(2000)));
    }

    // The CLI writes EvalScope's SLA outputs and prints the summary grid.
    void cliWritesSlaOutputs()
    {
        SimServer sim(fourSlots());
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        QTemporaryDir dir;
        QProcess cli;
        QSignalSpy done(&cli, &QProcess::finished);
        cli.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-cli"),
            {QStringLiteral("run"), QStringLiteral("--url"),
                sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions"), QStringLiteral("--model"),
                QStringLiteral("m"), QStringLiteral("--max-tokens"), QStringLiteral("8"),
                QStringLiteral("--extra-args"), QStringLiteral("{\"ignore_eos\": true}"),
                QStringLiteral("--sla-auto-tune"), QStringLiteral("--sla-params"),
                QStringLiteral("{\"p99_latency\": \"<=330ms\"}"), QStringLiteral("--sla-upper-bound"),
                QStringLiteral("8"), QStringLiteral("--sla-num-runs"), QStringLiteral("1"),
                QStringLiteral("--sleep-interval"), QStringLiteral("0"), QStringLiteral("--no-test-connection"),
                QStringLiteral("--outputs-dir"), dir.path(), QStringLiteral("--no-timestamp"), QStringLiteral("--name"),
                QStringLiteral("sla")});
        QVERIFY(done.wait(240000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(err + out.right(2000)));
        QVERIFY2(out.contains(QStringLiteral("Max satisfied: parallel 4")), qPrintable(out.right(3000)));
        QVERIFY(out.contains(QStringLiteral("SLA probes")));

        const QString root = dir.filePath(QStringLiteral("sla"));
        const nlohmann::json summary = readJson(root + QStringLiteral("/sla_summary.json"));
        QVERIFY(summary.is_object());
        for (const char* key : {"parallel_1", "parallel_2", "parallel_4", "parallel_8", "parallel_6", "parallel_5"})
            QVERIFY2(summary.contains(key) && summary[key].contains("metrics"), key);
        QCOMPARE(summary.size(), std::size_t(6));
        QVERIFY(QFile::exists(root + QStringLiteral("/sla_tuning/sla_parallel_4_run_0/benchmark_summary.json")));
        QVERIFY(QFile::exists(root + QStringLiteral("/sla_tuning/sla_parallel_5_run_0/benchmark_percentile.json")));
        const nlohmann::json answer = readJson(root + QStringLiteral("/throughline_sla.json"));
        QCOMPARE(answer["groups"][0]["value"].get<int>(), 4);
        QCOMPARE(answer["pointsRun"].get<int>(), 6);
    }

    // Refused before anything is sent: one line naming the flag.
    void badSlaFlagsAreRefused_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("flag");
        QTest::newRow("no params") << QStringList{"--sla-auto-tune"} << "--sla-params";
        QTest::newRow("bad unit") << QStringList{"--sla-auto-tune", "--sla-params", "{\"p99_ttft\": \"<=3min\"}"}
                                  << "--sla-params";
        QTest::newRow("bounds") << QStringList{"--sla-auto-tune", "--sla-params", "{\"rps\": \">=1\"}",
            "--sla-lower-bound", "9", "--sla-upper-bound", "4"}
                                << "--sla-upper-bound";
        QTest::newRow("open loop") << QStringList{"--sla-auto-tune", "--sla-params", "{\"rps\": \">=1\"}",
            "--open-loop", "--rate", "5"}
                                   << "--open-loop";
    }
    void badSlaFlagsAreRefused()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, flag);
        QProcess cli;
        cli.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-cli"),
            QStringList{QStringLiteral("run"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/v1"),
                QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--no-outputs")}
                + extra);
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(err.contains(flag), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSlaAutoTune)
#include "tst_slaautotune.moc"
