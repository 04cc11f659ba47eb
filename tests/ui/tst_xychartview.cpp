// XYChartView as the results page draws a sweep: a line with markers on tested-load ticks and a starred saturation
// point, drawn again as a metric is switched. Only the current axes' labels are drawn (a replaced axis left its labels,
// elided to "…", in docs/screenshots/results-saturation.png), nothing is elided, and the legend names every series.
// With THROUGHLINE_SCREENSHOT_DIR set, each chart is saved as xychart-sweep-TAG.png. Every chart of the workbench
// takes its title, legend and axis fonts from one place (ChartPalette::style).

#include "charts/chartpalette.h"
#include "charts/comparisonchart.h"
#include "charts/histogramchartview.h"
#include "charts/livechartview.h"
#include "charts/slasearchchart.h"
#include "charts/sweepchartview.h"
#include "charts/sweepcurvechart.h"
#include "charts/xychartview.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QValueAxis>

#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTabWidget>
#include <QtTest>

#include <functional>
#include <memory>

using namespace tl;

class tst_XYChartView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("QT_QPA_PLATFORM", "offscreen"); }
    void drawsOnlyTheCurrentChart_data();
    void drawsOnlyTheCurrentChart();
    void everyChartHasOneTitleStyle_data();
    void everyChartHasOneTitleStyle();
    void hiddenChartKeepsItsSeriesUntilShown();
};

using ChartFactory = std::function<QWidget*()>;
Q_DECLARE_METATYPE(ChartFactory)

void tst_XYChartView::everyChartHasOneTitleStyle_data()
{
    QTest::addColumn<ChartFactory>("make");
    QTest::newRow("results: sweep metric, point charts") << ChartFactory([] {
        auto* chart = new XYChartView;
        chart->setTitle(QStringLiteral("TTFT p50 against the load"));
        chart->setSeries({XYChartView::Series{QStringLiteral("TTFT p50"), {{1, 2}, {2, 3}}}});
        return static_cast<QWidget*>(chart);
    });
    QTest::newRow("throughput-latency curve") << ChartFactory([] { return new SweepCurveChart; });
    QTest::newRow("comparison") << ChartFactory([] {
        auto* chart = new ComparisonChart;
        chart->setCurves(QStringLiteral("Throughput–latency"), QStringLiteral("x"), QStringLiteral("y"),
            {{QStringLiteral("a · m · 2026-12-03 10:00"), {{1, 2}}}, {QStringLiteral("b · m · 2026-12-03 11:00"), {{1, 3}}}});
        return static_cast<QWidget*>(chart);
    });
    QTest::newRow("histograms") << ChartFactory([] { return new HistogramChartView; });
    QTest::newRow("live time series") << ChartFactory([] { return new LiveChartView; });
    QTest::newRow("live sweep") << ChartFactory([] { return new SweepChartView; });
    QTest::newRow("SLA search") << ChartFactory([] { return new SlaSearchChart; });
}

void tst_XYChartView::everyChartHasOneTitleStyle()
{
    QFETCH(ChartFactory, make);
    const std::unique_ptr<QWidget> widget(make());
    const QList<QChartView*> views = widget->findChildren<QChartView*>();
    QVERIFY(!views.isEmpty());
    for (const QChartView* view : views) {
        const QChart* chart = view->chart();
        QCOMPARE(chart->titleFont(), ChartPalette::titleFont());
        QCOMPARE(chart->legend()->font(), ChartPalette::labelFont());
        for (const QAbstractAxis* axis : chart->axes()) {
            QCOMPARE(axis->labelsFont(), ChartPalette::labelFont());
            QVERIFY(axis->titleFont().bold());
            QCOMPARE(axis->titleFont().pointSizeF(), ChartPalette::labelFont().pointSizeF());
        }
    }
}

void tst_XYChartView::drawsOnlyTheCurrentChart_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("yScale");
    QTest::addColumn<bool>("star");
    QTest::newRow("page size, star") << QSize(620, 700) << 1.0 << true;
    QTest::newRow("page size, no star") << QSize(620, 700) << 1.0 << false;
    QTest::newRow("small, large values") << QSize(360, 260) << 1000.0 << true;
    QTest::newRow("wide, small values") << QSize(1200, 500) << 0.001 << true;
}

void tst_XYChartView::drawsOnlyTheCurrentChart()
{
    QFETCH(QSize, size);
    QFETCH(double, yScale);
    QFETCH(bool, star);
    XYChartView chart;
    chart.resize(size);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QList<double> xs{0, 1, 2, 3};
    const QList<double> ys{100, 100, 105, 200};
    QList<QPointF> values;
    QList<QPair<double, QString>> ticks;
    for (int i = 0; i < xs.size(); ++i) {
        values.append(QPointF(xs.at(i), ys.at(i) * yScale));
        ticks.append({xs.at(i), QString::number(1 << i)});
    }
    // The results page sets title, ticks and axis titles before the series, and again on every metric change.
    for (int round = 0; round < 2; ++round) {
        chart.setTitle(QStringLiteral("TTFT p50 against the load"));
        chart.setXTicks(ticks);
        chart.setAxisTitles(QStringLiteral("Concurrency (parallel requests)"), QStringLiteral("TTFT p50 (ms)"));
        QList<XYChartView::Series> series{
            XYChartView::Series{QStringLiteral("TTFT p50"), values, XYChartView::Kind::Line, 0, Qt::SolidLine, true}};
        if (star)
            series.append(XYChartView::Series{QStringLiteral("saturation point"), {values.at(2)},
                XYChartView::Kind::Scatter, 2, Qt::SolidLine, false, true, QStringLiteral("tip")});
        chart.setSeries(series);
    }
    // QChart lays out on posted events: let them run, as the window's event loop does before painting.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QImage image = chart.grab().toImage();
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(QStringLiteral("xychart-sweep-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()))
                                          .replace(u' ', u'-')
                                          .remove(u',')));
    QStringList texts;
    for (QGraphicsItem* item : chart.chart()->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item))
            texts.append(t->toPlainText());
        else if (auto* s = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            texts.append(s->text());
    }
    QVERIFY(!texts.isEmpty());
    for (const QString& t : std::as_const(texts)) {
        QVERIFY2(!t.contains(QChar(0x2026)) && !t.contains(QStringLiteral("...")),
            qPrintable(QStringLiteral("elided text \"%1\" in %2").arg(t, texts.join(QStringLiteral(" | ")))));
    }
    // Only the current axes' labels are drawn: an axis replaced earlier leaves none behind (QtCharts deletes its items
    // later, on the event loop, which a grab or an export does not wait for).
    QCOMPARE(chart.chart()->axes().size(), 2);
    const auto* y = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(y);
    qsizetype numbers = 0;
    for (const QString& t : std::as_const(texts)) {
        bool ok = false;
        t.toDouble(&ok);
        numbers += ok ? 1 : 0;
    }
    QCOMPARE(numbers, ticks.size() + y->tickCount());
    // Visible legend markers: one per series, each with its name.
    QStringList legend;
    for (QLegendMarker* m : chart.chart()->legend()->markers()) {
        if (m->isVisible())
            legend.append(m->label());
    }
    QCOMPARE(legend.size(), star ? 2 : (chart.chart()->legend()->isVisible() ? 1 : 0));
}

// A chart on a tab not shown hands nothing to QtCharts (which would lay it out all the same) until it is shown,
// asked for what QtCharts holds, or exported; a shown chart takes each change at once.
void tst_XYChartView::hiddenChartKeepsItsSeriesUntilShown()
{
    QTabWidget tabs;
    auto* shown = new XYChartView;
    auto* hidden = new XYChartView;
    tabs.addTab(shown, QStringLiteral("shown"));
    tabs.addTab(hidden, QStringLiteral("hidden"));
    tabs.resize(500, 400);
    tabs.show();
    const QList<XYChartView::Series> series{
        XYChartView::Series{QStringLiteral("a"), {QPointF(0, 1), QPointF(1, 2)}, XYChartView::Kind::Line},
        XYChartView::Series{QStringLiteral("b"), {QPointF(0, 3), QPointF(1, 4)}, XYChartView::Kind::Line}};
    for (XYChartView* chart : {shown, hidden}) {
        chart->setTitle(QStringLiteral("latency"));
        chart->setAxisTitles(QStringLiteral("x (s)"), QStringLiteral("y (ms)"));
        chart->setSeries(series);
    }
    QVERIFY(!shown->hasPending());
    QVERIFY(hidden->hasPending());
    // What the view was given reads the same either way.
    QCOMPARE(hidden->title(), QStringLiteral("latency"));
    QCOMPARE(hidden->seriesCount(), 2);
    tabs.setCurrentWidget(hidden);
    QVERIFY(!hidden->hasPending());
    QCOMPARE(hidden->chart()->series().size(), 2);
    QCOMPARE(hidden->chart()->title(), QStringLiteral("latency"));
    QCOMPARE(hidden->chart()->axes(Qt::Vertical).value(0)->titleText(), QStringLiteral("y (ms)"));

    // Now `shown` is the hidden one: a change waits, and reading the chart applies it.
    shown->setSeries({series.at(0)});
    QVERIFY(shown->hasPending());
    QCOMPARE(shown->drawnPointCount(0), 2);
    QVERIFY(!shown->hasPending());
    QCOMPARE(shown->chart()->series().size(), 1);
}

QTEST_MAIN(tst_XYChartView)
#include "tst_xychartview.moc"
