// Capacity answers in the exports of a run (docs/METRICS.md "Capacity"), checked by content: goodput and SLO
// attainment columns of points.csv and the HTML report, the saturation point with its agreement over repetitions,
// and an SLA auto-tune's search (sla_probes.csv, sla_summary.csv, the report's "SLA auto-tune" section).

#include "config/runconfig.h"
#include "metrics/slatuner.h"
#include "storage/csv.h"
#include "storage/csvexporter.h"
#include "storage/htmlreport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

QList<QStringList> parse(const QByteArray& csv)
{
    QList<QStringList> rows;
    QString error;
    if (!Csv::parse(csv, &rows, &error))
        qWarning() << error;
    return rows;
}

// The cell of `column` in row `row` (1 = the first data row).
QString cell(const QList<QStringList>& rows, int row, const QString& column)
{
    const qsizetype c = rows.constFirst().indexOf(column);
    return c >= 0 && row < rows.size() ? rows.at(row).value(c) : QStringLiteral("<no column %1>").arg(column);
}

PointResult measured(int parallel, double reqPerS, double p50LatencyS)
{
    PointResult p;
    p.point = RunPoint{parallel, 10, -1};
    p.hasSummary = true;
    p.status = QStringLiteral("completed");
    p.summary.totalRequests = 10;
    p.summary.successRequests = 10;
    p.summary.reqThroughput = reqPerS;
    p.summary.avgLatencyS = p50LatencyS;
    p.percentiles.metrics = {QStringLiteral("Latency (s)")};
    p.percentiles.labels = {QStringLiteral("50%")};
    p.percentiles.values = {{p50LatencyS}};
    return p;
}

// An SLA auto-tune of parallel in [1, 8], avg_latency <= 1 s, 2 runs a value: values up to 5 meet it (0.5 s), above
// fail (1.5 s). The tuner asks for its probes as a live run would; every run is a point of the run.
RunData slaRun()
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.slaAutoTune = true;
    c.slaParams = R"({"avg_latency": "<=1s"})";
    c.slaLowerBound = 1;
    c.slaUpperBound = 8;
    c.slaNumRuns = 2;
    RunData run;
    run.id = QStringLiteral("sla-run");
    run.name = QStringLiteral("sla");
    run.configJson = c.toJson(false);
    SlaTuner tuner(*SlaTuner::settingsFor(c));
    while (const auto probe = tuner.next()) {
        PointResult p = measured(probe->value, probe->value, (probe->value <= 5 ? 0.5 : 1.5) + 0.01 * probe->repetition);
        p.index = int(run.points.size());
        p.point = probe->point;
        p.slaProbe = probe->tag();
        run.points.append(p);
        tuner.addResult(probe->value, p);
    }
    return run;
}

} // namespace

class TestCapacityExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goodputColumnsAndReport()
    {
        RunData run;
        run.id = QStringLiteral("g");
        run.name = QStringLiteral("goodput");
        for (int i = 0; i < 2; ++i) {
            PointResult p = measured(1 << i, 2.0 * (i + 1), 0.4);
            p.index = i;
            p.extended.goodput.slo.ttftMs = 300;
            p.extended.goodput.slo.e2elMs = 2000;
            p.extended.goodput.totalRequests = 10;
            p.extended.goodput.goodRequests = 7 + i;
            p.extended.goodput.goodput = 1.75 + i;
            p.extended.goodput.ttftAttainmentPct = 80 + 10 * i;
            p.extended.goodput.e2elAttainmentPct = 70 + 10 * i;
            run.points.append(p);
        }
        const QList<QStringList> rows = parse(CsvExporter::pointsCsv({run}));
        QCOMPARE(rows.size(), 3);
        const QStringList header = rows.constFirst();
        QString goodput;
        QString ttftOk;
        for (const QString& h : header) {
            if (h.startsWith(QStringLiteral("goodput")) && h != u"goodput_slo" && goodput.isEmpty())
                goodput = h;
            if (h.contains(QStringLiteral("ttft")) && h.contains(QStringLiteral("attainment")))
                ttftOk = h;
        }
        QVERIFY2(!goodput.isEmpty() && !ttftOk.isEmpty(), qPrintable(header.join(u',')));
        QCOMPARE(cell(rows, 1, goodput).toDouble(), 1.75);
        QCOMPARE(cell(rows, 2, goodput).toDouble(), 2.75);
        QCOMPARE(cell(rows, 2, ttftOk).toDouble(), 90.0);
        QCOMPARE(cell(rows, 1, QStringLiteral("goodput_slo")), run.points.constFirst().extended.goodput.slo.toText());

        const QString html = QString::fromUtf8(HtmlReport::render(run));
        QVERIFY(html.contains(QStringLiteral("Goodput SLOs (ms): ") + run.points.constFirst().extended.goodput.slo.toText()));
        QVERIFY2(html.contains(QStringLiteral("<td>1.75</td>")) || html.contains(QStringLiteral("<td>1.7500</td>")),
            "the goodput of the first point in the summary table");
    }

    void saturationWithRepetitions()
    {
        // 3 sweep points x 2 repetitions; both repetitions bend at parallel 2 (throughput +2%, latency +100%).
        RunConfig c;
        c.model = QStringLiteral("m");
        c.parallel = {1, 2, 4};
        c.number = {10, 10, 10};
        c.numRuns = 2;
        RunData run;
        run.id = QStringLiteral("rep");
        run.name = QStringLiteral("repeated");
        run.configJson = c.toJson(false);
        const double tput[3][2] = {{1, 1.02}, {2, 2.04}, {2.04, 2.08}};
        const double latency[3] = {1, 1, 2};
        const int parallel[3] = {1, 2, 4};
        for (int g = 0; g < 3; ++g) {
            for (int k = 0; k < 2; ++k) {
                run.points.append(measured(parallel[g], tput[g][k], latency[g]));
                run.points.last().index = int(run.points.size()) - 1;
            }
        }
        const QList<QStringList> rows = parse(CsvExporter::pointsCsv({run}));
        QCOMPARE(rows.size(), 7);
        const QStringList expected{QString(), QString(), QStringLiteral("knee"), QStringLiteral("knee"),
            QStringLiteral("beyond"), QStringLiteral("beyond")};
        for (int r = 1; r <= 6; ++r) {
            QCOMPARE(cell(rows, r, QStringLiteral("saturation")), expected.at(r - 1));
            QCOMPARE(cell(rows, r, QStringLiteral("saturation_agreement")),
                expected.at(r - 1) == u"knee" ? QStringLiteral("2/2") : QString());
        }
        const QString html = QString::fromUtf8(HtmlReport::render(run));
        QVERIFY2(html.contains(QStringLiteral("Saturation over 2 repetitions: the same knee in 2 of 2 repetitions; "
                                              "request throughput there 2.02 req/s, 95% CI [")),
            qPrintable(html.section(QStringLiteral("Saturation"), 1, 2)));
    }

    void slaAutoTuneExported()
    {
        const RunData run = slaRun();
        QCOMPARE(run.points.size(), 12); // 1, 2, 4, 8, 6, 5: two runs each

        const QList<QStringList> summary = parse(CsvExporter::slaSummaryCsv(run));
        QCOMPARE(summary.size(), 2);
        QCOMPARE(cell(summary, 1, QStringLiteral("criteria")), QStringLiteral("avg_latency <= 1 s"));
        QCOMPARE(cell(summary, 1, QStringLiteral("answer")), QStringLiteral("5"));
        QCOMPARE(cell(summary, 1, QStringLiteral("sure")), QStringLiteral("true"));
        QCOMPARE(cell(summary, 1, QStringLiteral("search_path")), QStringLiteral("1 2 4 8 6 5"));
        QCOMPARE(cell(summary, 1, QStringLiteral("variable")), QStringLiteral("parallel"));

        const QList<QStringList> probes = parse(CsvExporter::slaProbesCsv(run));
        QCOMPARE(probes.size(), 7); // one criterion, one group: a row per value
        QStringList values;
        for (int r = 1; r < probes.size(); ++r)
            values.append(cell(probes, r, QStringLiteral("value")));
        QCOMPARE(values, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"),
                             QStringLiteral("8"), QStringLiteral("6"), QStringLiteral("5")}));
        // Value 8: mean of 1.5 and 1.51 s, a fail with its interval clear of 1 s.
        QCOMPARE(cell(probes, 4, QStringLiteral("verdict")), QStringLiteral("fail"));
        QVERIFY(std::abs(cell(probes, 4, QStringLiteral("mean")).toDouble() - 1.505) < 1e-9);
        QCOMPARE(cell(probes, 4, QStringLiteral("unit")), QStringLiteral("s"));
        QCOMPARE(cell(probes, 4, QStringLiteral("runs")), QStringLiteral("2"));
        QVERIFY(cell(probes, 4, QStringLiteral("ci_low")).toDouble() > 1.0);
        QCOMPARE(cell(probes, 6, QStringLiteral("verdict")), QStringLiteral("pass"));
        QCOMPARE(cell(probes, 6, QStringLiteral("holds")), QStringLiteral("true"));

        QTemporaryDir dir;
        QStringList written;
        QString error;
        QVERIFY2(CsvExporter::exportRun(run, dir.path(), &written, &error), qPrintable(error));
        QCOMPARE(written.size(), 5);
        QVERIFY(written.contains(dir.filePath(QStringLiteral("sla_summary.csv"))));

        const QString html = QString::fromUtf8(HtmlReport::render(run));
        QVERIFY(html.contains(QStringLiteral("<h2>SLA auto-tune</h2>")));
        QVERIFY2(html.contains(QStringLiteral("<td class=\"l\">avg_latency &lt;= 1 s</td><td class=\"l\">5</td>"
                                              "<td class=\"l\">sure</td><td class=\"l\">1 &gt; 2 &gt; 4 &gt; 8 &gt; "
                                              "6 &gt; 5</td>")),
            qPrintable(html.section(QStringLiteral("SLA auto-tune"), 1, 1).left(600)));
        QVERIFY(html.contains(QStringLiteral("<td class=\"l\">parallel 8</td>")));
        QVERIFY(html.contains(QStringLiteral("avg_latency 1.5050 [")));
    }

    void otherRunsHaveNoSlaFiles()
    {
        RunData run;
        run.id = QStringLiteral("plain");
        run.points.append(measured(1, 1, 1));
        QVERIFY(CsvExporter::slaProbesCsv(run).isEmpty());
        QVERIFY(CsvExporter::slaSummaryCsv(run).isEmpty());
        QVERIFY(!QString::fromUtf8(HtmlReport::render(run)).contains(QStringLiteral("SLA auto-tune")));
    }
};

QTEST_GUILESS_MAIN(TestCapacityExport)
#include "tst_capacityexport.moc"
