// The results page's SLA search chart (SlaSearchChart): replayed from a run's tagged probe points, one marker per
// value by verdict, each run as a point, the threshold line, the answer; shown as a tab only for SLA runs. Writes
// docs/screenshots/results-sla.png when THROUGHLINE_SCREENSHOT_DIR is set.

#include "charts/slasearchchart.h"
#include "metrics/slatuner.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QLabel>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QTabWidget>
#include <QTest>

using namespace tl;

namespace {

PointResult probeResult(double latencyS)
{
    PointResult r;
    r.hasSummary = true;
    r.summary.totalRequests = 8;
    r.summary.successRequests = 8;
    r.summary.avgLatencyS = latencyS;
    r.percentiles.metrics = {QStringLiteral("Latency (s)")};
    r.percentiles.labels = {QStringLiteral("99%")};
    r.percentiles.values = {{latencyS}};
    return r;
}

RunConfig slaConfig()
{
    RunConfig c;
    c.slaAutoTune = true;
    c.slaParams = R"({"p99_latency": "<=330ms"})";
    c.slaUpperBound = 16;
    c.slaNumRuns = 2;
    return c;
}

// A tuning run as the run controller stores it: the probes the tuner asked for, each tagged. Latency ~0.22 s up to
// 4, ~0.44 s above; value 6 straddles the threshold (0.30 and 0.37 s, then 0.33 and 0.34 s: a fail on the mean,
// unsure).
RunData tuningRun()
{
    const RunConfig config = slaConfig();
    SlaTuner tuner(*SlaTuner::settingsFor(config));
    RunData run;
    run.id = QStringLiteral("sla");
    run.configJson = config.toJson();
    const QList<double> at6 = {0.30, 0.37, 0.33, 0.34};
    while (const auto probe = tuner.next()) {
        const double jitter = 0.004 * probe->repetition;
        PointResult r = probeResult(probe->value == 6 ? at6.at(probe->repetition)
                : probe->value <= 4                   ? 0.22 + jitter
                                                      : 0.44 + jitter);
        r.index = int(run.points.size());
        r.point = probe->point;
        r.slaProbe = probe->tag();
        tuner.addResult(probe->value, r);
        run.points.append(r);
    }
    return run;
}

int markerCount(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series()) {
        if (s->name() == name)
            return int(static_cast<QScatterSeries*>(s)->count());
    }
    return -1;
}

} // namespace

class TestSlaSearchChart final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheSearch()
    {
        const RunData run = tuningRun();
        SlaSearchChart chart;
        ConfigErrors errors;
        QVERIFY(chart.setRun(RunConfig::fromJson(run.configJson, &errors), run.points));
        QVERIFY(chart.hasProbes());
        QCOMPARE(chart.criteria(), QStringList{QStringLiteral("p99_latency <= 0.33 s")});
        QVERIFY2(
            chart.chart()->title().endsWith(QStringLiteral("0.33 s by parallel")), qPrintable(chart.chart()->title()));
        QVERIFY2(
            chart.answerText().contains(QStringLiteral("largest passing parallel: 4")), qPrintable(chart.answerText()));
        // Values 1, 2, 4 pass, 8 and 5 fail clearly, 6 is judged on the mean of four runs.
        QCOMPARE(markerCount(chart.chart(), QStringLiteral("Pass (mean)")), 3);
        QCOMPARE(markerCount(chart.chart(), QStringLiteral("Fail (mean)")), 2);
        QCOMPARE(markerCount(chart.chart(), QStringLiteral("Judged on the mean")), 1);
        QCOMPARE(markerCount(chart.chart(), QStringLiteral("Runs")), int(run.points.size()));
        bool threshold = false;
        for (QAbstractSeries* s : chart.chart()->series())
            threshold = threshold || s->name().startsWith(QStringLiteral("Threshold 0.33 s"));
        QVERIFY(threshold);
    }

    void tabOnlyForSlaRuns()
    {
        QTabWidget tabs;
        tabs.addTab(new QWidget, QStringLiteral("Summary"));
        tabs.addTab(new QWidget, QStringLiteral("Sweep"));
        auto* chart = new SlaSearchChart(&tabs);
        chart->hide();
        chart->attachTo(&tabs, 1, tuningRun());
        QCOMPARE(tabs.count(), 3);
        QCOMPARE(tabs.indexOf(chart), 1);
        RunData plain;
        plain.configJson = RunConfig().toJson();
        plain.points = {probeResult(0.2)};
        chart->attachTo(&tabs, 1, plain);
        QCOMPARE(tabs.count(), 2);
        QVERIFY(!chart->hasProbes());
        chart->attachTo(&tabs, 1, tuningRun());
        QCOMPARE(tabs.count(), 3);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set THROUGHLINE_SCREENSHOT_DIR to write docs/screenshots/results-sla.png");
        QVERIFY(QDir().mkpath(dir));
        const RunData run = tuningRun();
        SlaSearchChart chart;
        ConfigErrors errors;
        chart.setRun(RunConfig::fromJson(run.configJson, &errors), run.points);
        chart.resize(1000, 620);
        chart.show();
        QCoreApplication::sendPostedEvents();
        QVERIFY(chart.grab().save(dir + QStringLiteral("/results-sla.png")));
    }
};

QTEST_MAIN(TestSlaSearchChart)
#include "tst_slasearchchart.moc"
