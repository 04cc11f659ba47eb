// The results page's sweep chart over repeated points (--num-runs): each sweep point once at the mean of its
// repetitions, with its Student-t interval as an error bar, and the saturation star on the mean (RepeatedSweep,
// XYChartView's error bars).

#include "charts/repeatedsweep.h"
#include "charts/xychartview.h"
#include "config/runconfig.h"
#include "model/rundata.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

PointResult measured(int parallel, double reqPerS, double p50LatencyS)
{
    PointResult p;
    p.point = RunPoint{parallel, 10, -1};
    p.hasSummary = true;
    p.summary.totalRequests = 10;
    p.summary.successRequests = 10;
    p.summary.reqThroughput = reqPerS;
    p.percentiles.metrics = {QStringLiteral("Latency (s)")};
    p.percentiles.labels = {QStringLiteral("50%")};
    p.percentiles.values = {{p50LatencyS}};
    return p;
}

// parallel 1, 2, 4, 8, three runs each: throughput doubles to 4 then flattens while the latency doubles.
RunData repeatedRun(int numRuns)
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.parallel = {1, 2, 4, 8};
    c.number = {10, 10, 10, 10};
    c.numRuns = numRuns;
    RunData run;
    run.id = QStringLiteral("rep");
    run.configJson = c.toJson(false);
    const double tput[4][3] = {{1.0, 1.1, 0.9}, {2.0, 2.2, 1.8}, {4.0, 4.1, 3.9}, {4.1, 4.3, 4.2}};
    const double latency[4] = {1, 1, 1.05, 2};
    for (int g = 0; g < 4; ++g) {
        for (int k = 0; k < numRuns; ++k)
            run.points.append(measured(c.parallel.at(g), tput[g][k], latency[g]));
    }
    return run;
}

double throughput(const PointResult& p)
{
    return p.summary.reqThroughput;
}

} // namespace

class TestRepeatedSweep final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void meansWithIntervals()
    {
        const RunData run = repeatedRun(3);
        const RepeatedSweep sweep(&run, run.points);
        QVERIFY(sweep.isRepeated());
        QList<double> xs;
        for (const PointResult& p : run.points)
            xs.append(std::log2(p.point.parallel));
        const QList<XYChartView::Series> series = sweep.series(QStringLiteral("RPS"), xs, throughput);
        QCOMPARE(series.size(), 2);
        const XYChartView::Series& means = series.first();
        QCOMPARE(means.points.size(), 4); // one per sweep point, not 12
        QCOMPARE(means.points.at(1), QPointF(1, 2.0));
        QVERIFY(means.name.contains(QStringLiteral("3")));
        const XYChartView::Series& bars = series.last();
        QCOMPARE(bars.kind, XYChartView::Kind::ErrorBars);
        QCOMPARE(bars.points.size(), 8);
        // parallel 2: mean 2, sd 0.2, t(0.975, 2) = 4.3027: 2 -+ 0.4968.
        QCOMPARE(bars.points.at(2).x(), 1.0);
        QVERIFY(std::abs(bars.points.at(2).y() - (2 - 0.49683)) < 1e-4);
        QVERIFY(std::abs(bars.points.at(3).y() - (2 + 0.49683)) < 1e-4);
        QVERIFY(bars.name.startsWith(QStringLiteral("95")));

        // The knee of the means is parallel 4 (the third sweep point, run points 6-8), starred at its mean.
        const SaturationPoint knee = sweep.saturation();
        QVERIFY2(knee.found, qPrintable(knee.reason));
        QCOMPARE(knee.index, 6);
        QCOMPARE(sweep.position(knee.index, xs, throughput), QPointF(2, 4.0));

        XYChartView view;
        view.resize(700, 420);
        QList<XYChartView::Series> shown = series;
        shown.append(XYChartView::Series{QStringLiteral("saturation point"),
            {sweep.position(knee.index, xs, throughput)}, XYChartView::Kind::Scatter, 2, Qt::SolidLine, false, true});
        view.setTitle(QStringLiteral("Req throughput against the load"));
        view.setAxisTitles(QStringLiteral("Concurrency (parallel requests)"), QStringLiteral("Req throughput (req/s)"));
        view.setXTicks(
            {{0, QStringLiteral("1")}, {1, QStringLiteral("2")}, {2, QStringLiteral("4")}, {3, QStringLiteral("8")}});
        view.setSeries(shown);
        QCOMPARE(view.drawnPointCount(1), 4); // four bars
        // The mean line, four bars (one series each), the star; the legend names the interval once.
        QCOMPARE(view.chart()->series().size(), 6);
        view.show(); // a legend marker counts as visible only in a shown chart
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        int intervalEntries = 0;
        for (QLegendMarker* m : view.chart()->legend()->markers()) {
            if (m->isVisible() && m->label() == bars.name)
                ++intervalEntries;
        }
        QCOMPARE(intervalEntries, 1);
        // Each bar an I: its caps at the interval's ends, its stem at the point's x.
        auto* bar = qobject_cast<QLineSeries*>(view.chart()->series().at(2));
        QVERIFY(bar);
        QCOMPARE(bar->count(), 6);
        QCOMPARE(bar->at(2).x(), 1.0);
        QCOMPARE(bar->at(3).y(), bars.points.at(3).y());

        const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("repeated-sweep-chart.png"))));
    }

    void withoutRepetitionsOneLine()
    {
        const RunData run = repeatedRun(1);
        for (const RunData* r : {&run, static_cast<const RunData*>(nullptr)}) {
            const RepeatedSweep sweep(r, run.points);
            QVERIFY(!sweep.isRepeated());
            const QList<XYChartView::Series> series = sweep.series(QStringLiteral("RPS"), {0, 1, 2, 3}, throughput);
            QCOMPARE(series.size(), 1);
            QCOMPARE(series.first().name, QStringLiteral("RPS"));
            QCOMPARE(series.first().points.size(), 4);
            QCOMPARE(sweep.saturation().index, 2);
        }
    }
};

QTEST_MAIN(TestRepeatedSweep)
#include "tst_repeatedsweep.moc"
