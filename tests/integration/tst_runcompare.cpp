// Run comparison end to end: runs against the emulated server at 50 ms and 60 ms time to first token, stored in a
// project file, read back and compared (the verdicts the issue asks for), and `throughline-cli runs compare` on the
// same project (formats and exit codes, as a CI gate uses them).
#undef QT_NO_CAST_FROM_ASCII

#include "engine/runcontroller.h"
#include "metrics/runcomparison.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

#include <QFile>

using namespace tl;

namespace {

using Result = tl::test::CliResult;

Result cli(const QStringList& args)
{
    return tl::test::runCliBinary(args, 120000);
}

const MetricComparison* row(const RunComparison& c, const QString& key)
{
    if (c.points.isEmpty())
        return nullptr;
    for (const MetricComparison& m : c.points.first().metrics) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

} // namespace

class TestRunCompare final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QStringList m_ids; // a and b: 50 ms; c: 60 ms

    // One run of 100 requests at --parallel 4 against `server`, stored in the project.
    QString runAgainst(const SimServer& server, const QString& name, ProjectStore& store)
    {
        RunConfig config;
        config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        config.model = QStringLiteral("throughline-sim");
        config.name = name;
        config.maxTokens = 4;
        config.sleepInterval = 0;
        config.writeOutputs = false;
        config.parallel = {4};
        config.number = {100};
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(config, &store);
        if (!errors.isEmpty()) {
            qWarning() << errors.first().toString();
            return {};
        }
        if (!finished.wait(120000))
            return {};
        return controller.runId();
    }

    RunComparison compare(int a, int b)
    {
        ProjectReader reader;
        QString error;
        if (!reader.open(m_project, &error))
            return {};
        const std::optional<RunData> baseline = reader.loadRun(m_ids.at(a));
        const std::optional<RunData> candidate = reader.loadRun(m_ids.at(b));
        if (!baseline || !candidate)
            return {};
        return RunComparison::compare(*baseline, *candidate);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath("compare.tlproj");
        SimConfig fast;
        fast.ttftMs = 50;
        fast.itlMs = 5;
        SimConfig slow = fast;
        slow.ttftMs = 60;
        SimServer fastServer(fast);
        SimServer slowServer(slow);
        QString error;
        QVERIFY2(fastServer.start(&error), qPrintable(error));
        QVERIFY2(slowServer.start(&error), qPrintable(error));
        auto store = ProjectStore::open(m_project, &error);
        QVERIFY2(store, qPrintable(error));
        for (const auto& [server, name] :
            {std::pair{&fastServer, "fast-a"}, std::pair{&fastServer, "fast-b"}, std::pair{&slowServer, "slow"}}) {
            const QString id = runAgainst(*server, QString::fromLatin1(name), *store);
            QVERIFY2(!id.isEmpty(), name);
            m_ids.append(id);
        }
        QVERIFY(store->flush(&error));
    }

    void tenMillisecondsMoreTtftIsWorse_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("mean") << "avg_ttft_ms";
        QTest::newRow("p50") << "ttft_ms_p50";
    }
    void tenMillisecondsMoreTtftIsWorse()
    {
        QFETCH(QString, key);
        const RunComparison c = compare(0, 2);
        QCOMPARE(c.points.size(), 1);
        QVERIFY(c.notComparable.isEmpty()); // only the URL and the name differ
        const MetricComparison* m = row(c, key);
        QVERIFY(m);
        QCOMPARE(m->baselineSamples, 100);
        QCOMPARE(verdictName(m->verdict), QStringLiteral("worse"));
        QVERIFY2(m->interval.low > 0, qPrintable(m->reason));
        // And the other way round it is better.
        QCOMPARE(verdictName(row(compare(2, 0), key)->verdict), QStringLiteral("better"));
    }

    void sameSettingsAreInconclusive_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("mean") << "avg_ttft_ms";
        QTest::newRow("p50") << "ttft_ms_p50";
        QTest::newRow("p99: too few requests") << "ttft_ms_p99";
    }
    void sameSettingsAreInconclusive()
    {
        QFETCH(QString, key);
        const RunComparison c = compare(0, 1);
        const MetricComparison* m = row(c, key);
        QVERIFY(m);
        QCOMPARE(verdictName(m->verdict), QStringLiteral("inconclusive"));
        QVERIFY(c.regressions(RunComparison::defaultGateKeys()).isEmpty());
    }

    void cliExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("regression") << QStringList{"0", "2", "--metric", "ttft_ms_p50"} << 1
                                    << "regression: ttft_ms_p50 at parallel 4";
        QTest::newRow("improvement") << QStringList{"2", "0"} << 0 << "";
        QTest::newRow("same settings") << QStringList{"0", "1"} << 0 << "";
        QTest::newRow("by name") << QStringList{"fast-a", "slow", "--metric", "ttft_ms_p50"} << 1
                                 << "regression: ttft_ms_p50";
        QTest::newRow("gate on a metric with no verdict")
            << QStringList{"0", "2", "--metric", "output_throughput_tok_s"} << 0 << "";
        QTest::newRow("one run") << QStringList{"0"} << 2 << "two runs";
        QTest::newRow("unknown run") << QStringList{"0", "nosuchrun"} << 2 << "nosuchrun";
        QTest::newRow("bad format") << QStringList{"0", "2", "--format", "xml"} << 2 << "--format";
        QTest::newRow("unknown metric") << QStringList{"0", "2", "--metric", "ttft"} << 2 << "--metric";
        QTest::newRow("bad confidence") << QStringList{"0", "2", "--confidence", "2"} << 2 << "--confidence";
        QTest::newRow("bad min effect") << QStringList{"0", "2", "--min-effect", "x"} << 2 << "--min-effect";
        QTest::newRow("output without html") << QStringList{"0", "2", "--output", "x.txt"} << 2 << "--output";
        QTest::newRow("chosen points by number")
            << QStringList{"0@1", "2@1", "--metric", "ttft_ms_p50"} << 1 << "regression: ttft_ms_p50 at parallel 4";
        QTest::newRow("chosen points by load") << QStringList{"2@parallel=4", "0@1"} << 0 << "";
        QTest::newRow("chosen point on one side only") << QStringList{"0@1", "2"} << 2 << "of both runs";
        QTest::newRow("chosen point past the end") << QStringList{"0@2", "2@1"} << 2 << "has no point 2";
        QTest::newRow("chosen load not run") << QStringList{"0@1", "2@parallel=8"} << 2 << "no point of parallel=8";
        QTest::newRow("chosen point malformed") << QStringList{"0@fast", "2@1"} << 2 << "parallel=N or rate=R";
    }
    void cliExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        QStringList full{"runs", "compare"};
        for (const QString& a : args) {
            bool index = false;
            const int i = a.toInt(&index);
            if (a.size() > 2 && a.at(1) == u'@' && a.at(0).isDigit()) // "0@parallel=4": run 0's point
                full.append(m_ids.at(a.at(0).digitValue()) + a.mid(1));
            else
                full.append(index && a.size() == 1 ? m_ids.at(i) : a);
        }
        full << "--project" << m_project;
        const Result r = cli(full);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("%1\n%2").arg(r.exitCode).arg(r.err)));
        if (stderrHas.isEmpty())
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        else
            QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
        if (exitCode == 2)
            QCOMPARE(r.err.trimmed().count(u'\n'), 0); // one line
    }

    void cliFormats()
    {
        const Result text = cli({"runs", "compare", m_ids.at(0), m_ids.at(2), "--project", m_project});
        QVERIFY(text.exitCode == 0 || text.exitCode == 1); // the gate is tested above, on the median
        QVERIFY(text.out.contains("Point parallel 4"));
        QVERIFY(text.out.contains(QRegularExpression("ttft_ms_p50 +[0-9.]+ +[0-9.]+ +\\+[0-9.]+ +\\+[0-9.]+ +worse")));
        QVERIFY(text.out.contains("--url"));

        const Result json = cli({"runs", "compare", m_ids.at(0), m_ids.at(2), "--project", m_project, "--format",
            "json", "--metric", "ttft_ms_p50"});
        QCOMPARE(json.exitCode, 1);
        const nlohmann::json j = nlohmann::json::parse(json.out.toStdString(), nullptr, false);
        QVERIFY(j.is_object());
        QCOMPARE(j["points"].size(), size_t(1));
        QCOMPARE(j["points"][0]["metrics"].size(), size_t(1));
        QVERIFY(j["points"][0]["metrics"][0]["verdict"] == "worse");
        QVERIFY(j["points"][0]["metrics"][0]["ci_low"].get<double>() > 0);
        QVERIFY(j["candidate"]["name"] == "slow");

        const Result csv
            = cli({"runs", "compare", m_ids.at(0), m_ids.at(1), "--project", m_project, "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        const QStringList lines = csv.out.split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), RunComparison::metricKeys().size() + 1);
        QVERIFY(lines.first().startsWith("load,key,name,unit,direction,baseline,candidate,delta,delta_percent"));

        const Result chosen = cli({"runs", "compare", m_ids.at(0) + "@1", m_ids.at(2) + "@parallel=4", "--project",
            m_project, "--format", "json", "--metric", "avg_ttft_ms"});
        QCOMPARE(chosen.exitCode, 1);
        const nlohmann::json k = nlohmann::json::parse(chosen.out.toStdString(), nullptr, false);
        QVERIFY(k.is_object());
        QVERIFY(k["points"][0]["load"] == "parallel 4");
        QVERIFY(k["points"][0]["metrics"][0]["verdict"] == "worse");

        const QString htmlPath = m_dir.filePath("compare.html");
        const Result html = cli({"runs", "compare", m_ids.at(0), m_ids.at(2), "--project", m_project, "--format",
            "html", "--output", htmlPath, "--metric", "ttft_ms_p50"});
        QCOMPARE(html.exitCode, 1); // the gate still applies
        QVERIFY(html.out.contains("Wrote "));
        QFile file(htmlPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("fast-a (baseline)") && page.contains("slow (candidate)"));
        QVERIFY(page.contains("<svg"));
        QVERIFY(page.contains(QRegularExpression("ttft_ms_p50</td>.*class=\"l worse\"")));
        QVERIFY(!page.contains("<script") && !page.contains("src=") && !page.contains("href="));

        const Result help = cli({"runs", "compare", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("Usage: throughline-cli runs compare"));
        QVERIFY(help.out.contains("ttft_ms_p99"));
        QVERIFY(help.out.contains("A@parallel=4") || help.out.contains("@parallel=N"));
    }
};

QTEST_GUILESS_MAIN(TestRunCompare)
#include "tst_runcompare.moc"
