// Crash safety with a real writer process: throughline-cli runs against throughline-sim on 127.0.0.1 and is killed
// with SIGKILL mid-run. The project must stay sound, show the run as interrupted with what it measured, and hold
// every request the server had finished more than a second before the kill (one batch is at most 50 ms of data,
// plus the commit; the sim's ground-truth trace says when each request ended, on the same monotonic clock).
#undef QT_NO_CAST_FROM_ASCII

#include "storage/projectreader.h"
#include "storage/projectstore.h"
#include "util/monoclock.h"

#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString binary(const char* name)
{
    return QStringLiteral(THROUGHLINE_BINARY_DIR "/app/") + QLatin1String(name);
}

qint64 storedRequests(const QString& path)
{
    tl::ProjectReader reader;
    QString error;
    if (!reader.open(path, &error))
        return 0;
    const QList<tl::RunData> runs = reader.runs();
    return runs.isEmpty() ? 0 : runs.first().requestCount;
}

} // namespace

class TestProjectCrash final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesAtMostTheLastBatch()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath("crash.tlproj");
        const QString trace = dir.filePath("trace.jsonl");

        QProcess sim;
        sim.start(binary("throughline-sim"), {"--port", "0", "--ttft-ms", "5", "--itl-ms", "2", "--trace-out", trace});
        QVERIFY(sim.waitForStarted());
        QString seen;
        const QString base = tl::test::simBaseUrl(sim, &seen);
        QVERIFY2(base.startsWith("http://127.0.0.1:"), qPrintable(seen));

        QProcess cli;
        cli.start(binary("throughline-cli"),
            {"run", "--url", base + "/v1", "--model", "m", "--parallel", "4", "--number", "1000000", "--stream",
                "--max-tokens", "8", "--extra-args", R"({"ignore_eos": true})", "--project", project, "--no-outputs"});
        QVERIFY(cli.waitForStarted());
        QElapsedTimer running;
        running.start();
        // Killed once requests are stored and the run is old enough that some finished more than 1 s before the
        // kill (a fast client stores 200 in well under a second).
        QTRY_VERIFY_WITH_TIMEOUT(storedRequests(project) >= 200 && running.elapsed() > 2000, 60000);
        const qint64 seenBeforeKill = storedRequests(project);
        const qint64 killNs = tl::monotonicNs();
        cli.kill(); // SIGKILL: no handler, no flush, no clean-up
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);

        sim.terminate(); // SIGTERM: the sim writes its trace
        QVERIFY(sim.waitForFinished(20000));

        // The file is sound and readable as it was left.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "check");
            db.setDatabaseName(project);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA integrity_check") && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            db.close();
        }
        QSqlDatabase::removeDatabase("check");

        tl::ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(project, &error), qPrintable(error));
        const QList<tl::RunData> runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, QStringLiteral("interrupted")); // its writer is gone: no 30 s wait
        const qint64 stored = runs.first().requestCount;
        QVERIFY(stored >= seenBeforeKill);
        const QList<tl::PointResult> points = reader.points(runs.first().id);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.first().status, QStringLiteral("interrupted"));
        QVERIFY(points.first().summaryRecomputed); // what it measured, from the stored requests
        QCOMPARE(qint64(points.first().summary.totalRequests), stored);
        QVERIFY(points.first().summary.successRequests > 0);

        // Ground truth: every answer the server finished more than 1 s before the kill is in the file.
        QFile f(trace);
        QVERIFY(f.open(QIODevice::ReadOnly));
        qint64 finishedLongBefore = 0;
        qint64 finishedBeforeKill = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const auto j = nlohmann::json::parse(line.toStdString(), nullptr, false);
            if (!j.is_object() || j.value("status", 0) != 200)
                continue;
            const qint64 end = j.value("end_ns", qint64(0));
            finishedBeforeKill += end < killNs ? 1 : 0;
            finishedLongBefore += end < killNs - 1'000'000'000LL ? 1 : 0;
        }
        QVERIFY(finishedLongBefore > 0);
        QVERIFY2(qint64(points.first().summary.successRequests) >= finishedLongBefore,
            qPrintable(QStringLiteral("stored %1 successes; the server finished %2 more than 1 s before the kill "
                                      "(%3 before it)")
                           .arg(points.first().summary.successRequests)
                           .arg(finishedLongBefore)
                           .arg(finishedBeforeKill)));

        // The file takes new runs after the crash.
        auto store = tl::ProjectStore::open(project, &error);
        QVERIFY2(store, qPrintable(error));
        tl::RunData info;
        info.id = "after-crash";
        info.name = "after";
        info.configJson = "{}";
        info.createdMs = QDateTime::currentMSecsSinceEpoch();
        store->beginRun(info);
        store->finishRun(info.id, "finished");
        QVERIFY(store->flush(&error));
        QCOMPARE(reader.runs().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestProjectCrash)
#include "tst_projectcrash.moc"
