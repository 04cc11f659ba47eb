// The live charts' hover values, the throughput–latency curve's switchable axes with its provisional point, and the
// ITL histogram beside the TTFT one.
#include "charts/chartaxes.h"
#include "charts/charthover.h"
#include "charts/histogramchartview.h"
#include "charts/livechartview.h"
#include "charts/sweepcurvechart.h"
#include "liverunstats.h"
#include "pages/liverunpage.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QtCharts/QValueAxis>
#include <QTest>

#include <cmath>
#include <optional>

using tl::ChartAxes;
using tl::ChartHover;
using tl::HistogramChartView;
using tl::LiveChartView;
using tl::LivePoint;
using tl::LiveRunStats;
using tl::RequestRecord;
using tl::SweepCurveChart;

namespace {

SweepCurveChart::Point point(const char* load, double tok, double req, double ttft, double itl, double latency)
{
    SweepCurveChart::Point p;
    p.load = QString::fromLatin1(load);
    p.outputTokPerS = tok;
    p.requestsPerS = req;
    p.ttftP50Ms = ttft;
    p.ttftP99Ms = ttft * 2;
    p.itlP50Ms = itl;
    p.itlP99Ms = itl * 3;
    p.latencyP50S = latency;
    p.latencyP99S = latency * 1.5;
    return p;
}

// A streamed success with chunks every `itlMs` after a first one at `ttftMs`.
RequestRecord streamed(double ttftMs, double itlMs, int chunks)
{
    RequestRecord r;
    r.success = true;
    r.stream = true;
    r.sentNs = 1'000'000'000;
    qint64 t = r.sentNs + qint64(ttftMs * 1e6);
    for (int i = 0; i < chunks; ++i) {
        r.eventNs.append(t);
        r.eventFlags.append(quint8(tl::EventHasChoices | tl::EventHasContent));
        t += qint64(itlMs * 1e6);
    }
    r.endNs = r.eventNs.last();
    return r;
}

// Every x tick label the curve shows is drawn, each 3 px or more from the next (a word space or more).
bool readableTicks(const SweepCurveChart& chart)
{
    const QList<SweepCurveChart::DrawnLabel> drawn = chart.drawnTickLabels();
    if (drawn.size() != chart.shownTickLabels().size())
        return false;
    for (int i = 1; i < drawn.size(); ++i) {
        if (drawn.at(i).left - drawn.at(i - 1).right < 3)
            return false;
    }
    return true;
}

} // namespace

class TestLiveCharts final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nearestIndex_data()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<QPointF>("at");
        QTest::addColumn<int>("index");
        const QList<QPointF> series = {{0, 10}, {1, 50}, {2, 20}, {3, 90}};
        QTest::newRow("empty") << QList<QPointF>() << QPointF(1, 1) << -1;
        QTest::newRow("exact") << series << QPointF(2, 20) << 2;
        QTest::newRow("between, nearer the right") << series << QPointF(1.6, 0) << 2;
        QTest::newRow("before the first") << series << QPointF(-5, 90) << 0;
        QTest::newRow("after the last") << series << QPointF(99, 0) << 3;
        // p50 and p99 of one load share an x: the nearer in y wins.
        QTest::newRow("same x, nearest y") << QList<QPointF>{{5, 100}, {5, 300}} << QPointF(5, 260) << 1;
    }

    void nearestIndex()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(QPointF, at);
        QFETCH(int, index);
        QCOMPARE(int(ChartHover::nearestIndex(points, at)), index);
    }

    void hoverShowsTheNearestSamplesExactValues()
    {
        LiveChartView view;
        QVector<LivePoint> series;
        for (int i = 0; i < 20; ++i) {
            LivePoint p;
            p.tS = 0.25 * (i + 1);
            p.outputTokPerS = 100.0 + i * 7.5;
            p.ttftMs = 40.0 + i;
            p.inFlight = 16;
            series.append(p);
        }
        view.showSeries(series);
        // t = 2.3 s: the sample at 2.25 s (index 8) is the nearest.
        view.ttftHover()->showNearest(QPointF(2.3, 47.0));
        QCOMPARE(view.ttftHover()->text(),
            ChartHover::format(QStringLiteral("TTFT of completed requests"), QPointF(2.25, 48.0), QStringLiteral("t (s)"), 2, QStringLiteral("ms"), 1));
        QVERIFY(view.ttftHover()->text().contains(QStringLiteral("48.0")));
        QVERIFY(view.ttftHover()->text().contains(QStringLiteral("2.25")));
        view.ttftHover()->hide();
        QVERIFY(view.ttftHover()->text().isEmpty());
        // No points: nothing to show.
        view.clear();
        view.ttftHover()->showNearest(QPointF(1, 1));
        QVERIFY(view.ttftHover()->text().isEmpty());
    }

    void curveAxesSwitch_data()
    {
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<QPointF>("firstP50");
        QTest::addColumn<QPointF>("firstP99");
        QTest::addColumn<QString>("yTitlePart");
        QTest::newRow("tok/s, TTFT") << int(SweepCurveChart::XMetric::OutputTokensPerS)
                                     << int(SweepCurveChart::YMetric::Ttft) << QPointF(600, 80) << QPointF(600, 160)
                                     << QStringLiteral("TTFT");
        QTest::newRow("req/s, ITL") << int(SweepCurveChart::XMetric::RequestsPerS) << int(SweepCurveChart::YMetric::Itl)
                                    << QPointF(2.5, 20) << QPointF(2.5, 60) << QStringLiteral("ITL");
        QTest::newRow("req/s, latency") << int(SweepCurveChart::XMetric::RequestsPerS)
                                        << int(SweepCurveChart::YMetric::Latency) << QPointF(2.5, 4)
                                        << QPointF(2.5, 6) << QStringLiteral("latency");
    }

    void curveAxesSwitch()
    {
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(QPointF, firstP50);
        QFETCH(QPointF, firstP99);
        QFETCH(QString, yTitlePart);
        SweepCurveChart chart;
        chart.setPoints({point("P20", 600, 2.5, 80, 20, 4), point("P100", 2300, 9, 90, 25, 5)},
            point("P500", 4100, 16, 181, 40, 9));
        // Through the drop-downs, as a user does.
        auto* xCombo = chart.findChild<QComboBox*>(QStringLiteral("curveXCombo"));
        auto* yCombo = chart.findChild<QComboBox*>(QStringLiteral("curveYCombo"));
        QVERIFY(xCombo && yCombo);
        xCombo->setCurrentIndex(xCombo->findData(x));
        yCombo->setCurrentIndex(yCombo->findData(y));
        QCOMPARE(int(chart.xMetric()), x);
        QCOMPARE(int(chart.yMetric()), y);
        QCOMPARE(chart.p50Points().size(), 2);
        QCOMPARE(chart.p50Points().first(), firstP50);
        QCOMPARE(chart.p99Points().first(), firstP99);
        QVERIFY2(chart.yTitle().contains(yTitlePart), qPrintable(chart.yTitle()));
        QVERIFY(chart.xTitle().contains(xCombo->currentText()));
        // The running point stays provisional, on the chosen axes, and the ticks stay the tested loads.
        QVERIFY(chart.hasProvisional());
        const QPointF running = chart.provisionalPoints().first();
        QCOMPARE(running.x(), x == int(SweepCurveChart::XMetric::RequestsPerS) ? 16.0 : 4100.0);
        QCOMPARE(chart.tickLabels(), (QStringList{QStringLiteral("P20"), QStringLiteral("P100"), QStringLiteral("P500")}));
        // Hover on the provisional p99 names its exact values.
        chart.hover()->showNearest(chart.provisionalPoints().last());
        QVERIFY(!chart.hover()->text().isEmpty());
        QVERIFY2(chart.hover()->text().startsWith(QStringLiteral("running point (provisional)")), qPrintable(chart.hover()->text()));
    }

    void runningPointWithoutSamplesIsNotDrawn()
    {
        SweepCurveChart chart;
        SweepCurveChart::Point p = point("P4", 100, 1, 50, 10, 1);
        p.itlP50Ms = std::nan("");
        p.itlP99Ms = std::nan("");
        chart.setPoints({}, p);
        QVERIFY(chart.hasProvisional());
        chart.setAxes(SweepCurveChart::XMetric::OutputTokensPerS, SweepCurveChart::YMetric::Itl);
        QVERIFY(!chart.hasProvisional()); // no ITL yet: nothing to place
    }

    void readableLabels_data()
    {
        QTest::addColumn<QList<double>>("centres");
        QTest::addColumn<QList<double>>("widths");
        QTest::addColumn<QList<int>>("keep");
        QTest::addColumn<QList<int>>("shown");
        // A gap of 8 px: two labels 16 px wide need 24 px between their centres; two kept ones only 4 px (20).
        QTest::newRow("far apart: all") << QList<double>{10, 100, 200} << QList<double>{16, 16, 16}
                                        << QList<int>{2, 0} << QList<int>{0, 1, 2};
        QTest::newRow("crowded at low load: every other")
            << QList<double>{10, 30, 50, 70, 300} << QList<double>{16, 16, 16, 16, 16} << QList<int>{4, 0}
            << QList<int>{0, 2, 4};
        QTest::newRow("the saturation point wins over its neighbour")
            << QList<double>{10, 100, 110, 300} << QList<double>{16, 16, 16, 16} << QList<int>{2, 3, 0}
            << QList<int>{0, 2, 3};
        QTest::newRow("the saturation point and the last, 22 px apart: both")
            << QList<double>{10, 100, 278, 300} << QList<double>{16, 16, 16, 16} << QList<int>{2, 3, 0}
            << QList<int>{0, 1, 2, 3};
        QTest::newRow("kept ones that overlap: the earlier in keep")
            << QList<double>{10, 290, 300} << QList<double>{16, 16, 16} << QList<int>{1, 2, 0} << QList<int>{0, 1};
        QTest::newRow("wide labels need more room")
            << QList<double>{0, 30, 60} << QList<double>{40, 40, 40} << QList<int>{2, 0} << QList<int>{0, 2};
        QTest::newRow("a keep index out of range is ignored")
            << QList<double>{10, 100} << QList<double>{16, 16} << QList<int>{-1, 5, 1} << QList<int>{0, 1};
        QTest::newRow("none") << QList<double>{} << QList<double>{} << QList<int>{0} << QList<int>{};
    }

    void readableLabels()
    {
        QFETCH(QList<double>, centres);
        QFETCH(QList<double>, widths);
        QFETCH(QList<int>, keep);
        QFETCH(QList<int>, shown);
        QCOMPARE(ChartAxes::readableLabels(centres, widths, keep, 8, 4), shown);
    }

    // A real sweep's shape (parallel 1 to 64, flattening past 16): on the throughput axis the low loads' points sit
    // close together, and so do the last ones. The labels drawn keep clear of each other, the first, the last and the
    // saturation point's among them; on a wide chart every load is labelled again.
    void curveTicksDoNotCrowd()
    {
        SweepCurveChart chart;
        chart.resize(520, 360);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setPoints({point("P1", 60, 1, 20, 5, 1), point("P2", 120, 2, 20, 5, 1), point("P4", 240, 4, 21, 5, 1),
                            point("P8", 470, 8, 22, 5, 1), point("P16", 900, 15, 25, 6, 1.1),
                            point("P32", 1500, 25, 40, 8, 1.3), point("P64", 1700, 28, 90, 15, 2.4)},
            std::nullopt);
        chart.setSaturation(5, QStringLiteral("saturation at P32"));
        const QStringList all{QStringLiteral("P1"), QStringLiteral("P2"), QStringLiteral("P4"), QStringLiteral("P8"),
            QStringLiteral("P16"), QStringLiteral("P32"), QStringLiteral("P64")};
        QCOMPARE(chart.tickLabels(), all);
        QTRY_COMPARE(chart.ticksChosenForWidth(), chart.plotArea().width());
        QTRY_VERIFY2(chart.shownTickLabels().size() < all.size(), qPrintable(chart.shownTickLabels().join(u' ')));
        const QStringList shown = chart.shownTickLabels();
        for (const char* kept : {"P1", "P32", "P64"})
            QVERIFY2(shown.contains(QString::fromLatin1(kept)), qPrintable(shown.join(u' ')));
        // Each one drawn (QtCharts hides a label that overlaps the one before it), apart.
        QTRY_VERIFY(readableTicks(chart));
        // Wider, every load has room.
        chart.resize(1600, 360);
        QTRY_COMPARE(chart.shownTickLabels(), all);
        QCOMPARE(chart.ticksChosenForWidth(), chart.plotArea().width());
        QTRY_VERIFY(readableTicks(chart));
    }

    void curveXTitleUnderThePlot_data()
    {
        QTest::addColumn<int>("finished");
        QTest::addColumn<bool>("running");
        QTest::addColumn<bool>("clearedAfter");
        QTest::newRow("empty, before any data") << 0 << false << false;
        QTest::newRow("only the running point") << 0 << true << false;
        QTest::newRow("two points and the running one") << 2 << true << false;
        QTest::newRow("cleared for the next run") << 2 << true << true;
    }

    // QtCharts does not lay out a category axis without categories: the empty curve drew its x title at the top.
    void curveXTitleUnderThePlot()
    {
        QFETCH(int, finished);
        QFETCH(bool, running);
        QFETCH(bool, clearedAfter);
        SweepCurveChart chart;
        chart.resize(640, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QList<SweepCurveChart::Point> all{point("P20", 600, 2.5, 80, 20, 4), point("P100", 2300, 9, 90, 25, 5)};
        chart.setPoints(all.mid(0, finished),
            running ? std::optional(point("P500", 4100, 16, 181, 40, 9)) : std::nullopt);
        if (clearedAfter)
            chart.setPoints({}, std::nullopt);
        QTRY_VERIFY(!chart.xTitleGeometry().isEmpty());
        QTRY_VERIFY2(chart.xTitleGeometry().top() >= chart.plotArea().bottom(),
            qPrintable(QStringLiteral("title at y %1, plot bottom at %2")
                           .arg(chart.xTitleGeometry().top())
                           .arg(chart.plotArea().bottom())));
        // Under the plot, not beside it, and inside the chart.
        QVERIFY(chart.xTitleGeometry().bottom() <= chart.height());
        QVERIFY(chart.xTitleGeometry().center().x() > chart.plotArea().left());
        QVERIFY(chart.xTitleGeometry().center().x() < chart.plotArea().right());
        QVERIFY(chart.plotArea().height() > 100);
        QCOMPARE(chart.tickLabels().size(), clearedAfter ? 0 : finished + (running ? 1 : 0));
    }

    void histogramXTitleUnderThePlot_data()
    {
        QTest::addColumn<QVector<int>>("counts");
        QTest::newRow("empty, before any data") << QVector<int>();
        QTest::newRow("three bins") << QVector<int>{3, 5, 1};
    }

    void histogramXTitleUnderThePlot()
    {
        QFETCH(QVector<int>, counts);
        HistogramChartView view;
        view.resize(520, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setHistogram(10, 2, counts);
        QTRY_VERIFY(!view.xTitleGeometry().isEmpty());
        QTRY_VERIFY2(view.xTitleGeometry().top() >= view.plotArea().bottom(),
            qPrintable(QStringLiteral("title at y %1, plot bottom at %2")
                           .arg(view.xTitleGeometry().top())
                           .arg(view.plotArea().bottom())));
        QVERIFY(view.xTitleGeometry().center().x() > view.plotArea().left());
        QCOMPARE(view.binCount(), int(counts.size()));
    }

    // The live charts set their axes 4 times a second: an unchanged range or format must not touch the axis, since
    // QValueAxis::setLabelFormat() re-lays out the chart even for the same format (a third of the GUI thread's CPU
    // during a run, bench_guilag).
    void niceRangeSetsOnlyWhatChanged_data()
    {
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("second");
        QTest::addColumn<int>("rangeChanges");
        QTest::addColumn<int>("formatChanges");
        QTest::newRow("same value") << 42.0 << 42.0 << 0 << 0;
        QTest::newRow("same nice range") << 42.0 << 44.0 << 0 << 0; // both 0-50
        QTest::newRow("larger range, same format") << 42.0 << 420.0 << 1 << 0;
        QTest::newRow("finer step, new format") << 42.0 << 0.42 << 1 << 1;
    }
    void niceRangeSetsOnlyWhatChanged()
    {
        QFETCH(double, first);
        QFETCH(double, second);
        QFETCH(int, rangeChanges);
        QFETCH(int, formatChanges);
        QValueAxis axis;
        tl::ChartAxes::setNiceRange(&axis, first, 0);
        QSignalSpy range(&axis, &QValueAxis::rangeChanged);
        QSignalSpy format(&axis, &QValueAxis::labelFormatChanged);
        QSignalSpy ticks(&axis, &QValueAxis::tickCountChanged);
        tl::ChartAxes::setNiceRange(&axis, second, 0);
        QCOMPARE(range.count(), rangeChanges);
        QCOMPARE(format.count(), formatChanges);
        QCOMPARE(ticks.count(), 0);
        QVERIFY(axis.max() >= second);
    }

    void niceCeiling_data()
    {
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("ceiling");
        QTest::newRow("round already") << 1000.0 << 1000.0;
        QTest::newRow("just above") << 1001.0 << 1200.0; // step 200 (of 100.1: 1, 2, 2.5, 5 x 10^k)
        QTest::newRow("2530") << 2530.0 << 3000.0; // step 500
        QTest::newRow("small") << 0.37 << 0.4; // step 0.05
        QTest::newRow("zero") << 0.0 << 1.0;
    }
    void niceCeiling()
    {
        QFETCH(double, max);
        QFETCH(double, ceiling);
        QCOMPARE(tl::ChartAxes::niceCeiling(max), ceiling);
    }

    // The running point moves at every snapshot: its tick and the axis's end stay put while it moves less than 1 % of
    // the axis (rebuilding the axis's categories laid the chart out again 4 times a second), and follow it past that.
    void runningPointsTickStaysWhileItBarelyMoves()
    {
        SweepCurveChart chart;
        const QList<SweepCurveChart::Point> finished{point("P20", 600, 2.5, 80, 20, 4)};
        chart.setPoints(finished, point("P100", 2300, 9, 90, 25, 5));
        QCOMPARE(chart.tickValues(), (QList<double>{600, 2300}));
        QCOMPARE(chart.xAxisEnd(), 3000.0); // 2300 x 1.1 = 2530, rounded up
        chart.setPoints(finished, point("P100", 2320, 9, 90, 25, 5)); // 20 < 1 % of 3000
        QCOMPARE(chart.tickValues(), (QList<double>{600, 2300}));
        QCOMPARE(chart.xAxisEnd(), 3000.0);
        QCOMPARE(chart.p50Points().size(), 1);
        chart.setPoints(finished, point("P100", 2400, 9, 90, 25, 5)); // past it
        QCOMPARE(chart.tickValues(), (QList<double>{600, 2400}));
        chart.setPoints(finished + QList<SweepCurveChart::Point>{point("P100", 2410, 9, 90, 25, 5)}, std::nullopt);
        QCOMPARE(chart.tickValues(), (QList<double>{600, 2410})); // finished: its own x
    }

    void unchangedCurveAndHistogramAreNotRebuilt()
    {
        SweepCurveChart chart;
        const QList<SweepCurveChart::Point> points{point("P20", 600, 2.5, 80, 20, 4)};
        chart.setPoints(points, point("P100", 2300, 9, 90, 25, 5));
        const int redraws = chart.redrawCount();
        chart.setPoints(points, point("P100", 2300, 9, 90, 25, 5));
        QCOMPARE(chart.redrawCount(), redraws);
        chart.setPoints(points, point("P100", 2400, 9, 90, 25, 5)); // the running point moved
        QCOMPARE(chart.redrawCount(), redraws + 1);
        QCOMPARE(chart.provisionalPoints().first().x(), 2400.0);

        HistogramChartView view;
        const int before = view.rebuildCount();
        view.setHistogram(10, 2, {1, 2, 3});
        view.setHistogram(10, 2, {1, 2, 3});
        QCOMPARE(view.rebuildCount(), before + 1);
        view.setHistogram(10, 2, {1, 4, 3}); // one bar grew
        QCOMPARE(view.rebuildCount(), before + 2);
        QCOMPARE(view.sampleCount(), 8);
        view.setHistogram(12, 2, {1, 4}); // other bins
        QCOMPARE(view.binCount(), 2);
        QCOMPARE(view.sampleCount(), 5);
    }

    void itlHistogramAndPercentiles()
    {
        LiveRunStats stats;
        stats.startPoint(0);
        QList<RequestRecord> records;
        for (int i = 0; i < 10; ++i)
            records.append(streamed(100 + i, 10 + i, 5)); // 4 ITLs of 10+i ms each
        stats.addRecords(records, 0);
        QCOMPARE(stats.pointItlsMs().size(), 40);
        QCOMPARE(stats.pointItlPercentileMs(0.5), 14.0);
        QCOMPARE(stats.pointItlPercentileMs(0.99), 19.0);
        const LiveRunStats::Histogram h = stats.itlHistogram(5);
        QCOMPARE(h.counts.size(), 5);
        int total = 0;
        for (int c : h.counts)
            total += c;
        QCOMPARE(total, 40);
        QCOMPARE(h.startMs, 10.0);

        HistogramChartView view;
        view.setKind(QStringLiteral("ITL"), Qt::blue, true);
        view.setHistogram(h.startMs, h.binWidthMs, h.counts);
        QCOMPARE(view.sampleCount(), 40);
        QVERIFY2(view.binText(0).startsWith(QStringLiteral("ITL 10.0–12.0 ms: ")), qPrintable(view.binText(0)));
        QVERIFY(view.binText(0).endsWith(QStringLiteral("%1 interval(s)").arg(h.counts.first())));
    }

    void itlSampleStaysBounded()
    {
        LiveRunStats stats;
        stats.startPoint(0);
        QList<RequestRecord> records;
        for (int i = 0; i < 300; ++i)
            records.append(streamed(50, 1 + i % 7, 101)); // 30,000 ITLs
        stats.addRecords(records, 0);
        QCOMPARE(stats.pointItlsMs().size(), LiveRunStats::kItlSamples);
        const double median = stats.pointItlPercentileMs(0.5);
        QVERIFY2(median >= 3 && median <= 5, qPrintable(QString::number(median))); // the true median is 4
        stats.startPoint(1);
        QVERIFY(stats.pointItlsMs().isEmpty());
    }

    void livePageShowsBothHistograms()
    {
        tl::LiveRunPage page;
        QVERIFY(page.findChild<HistogramChartView*>(QStringLiteral("ttftHistogram")));
        QVERIFY(page.findChild<HistogramChartView*>(QStringLiteral("itlHistogram")));
        QVERIFY(page.curve());
    }
};

QTEST_MAIN(TestLiveCharts)
#include "tst_livecharts.moc"
