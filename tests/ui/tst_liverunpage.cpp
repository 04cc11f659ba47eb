// The live run page: LiveRunStats folding records (failures by class with user aborts apart, latest errors, TTFT
// histogram, harness health), the busy bar during the connection test, and the whole page driven by real runs
// against the in-process emulated server: a faulty server's failures, the sweep curve growing point by point with
// the tested loads as ticks, and Stop draining first and aborting second.

#include "charts/histogramchartview.h"
#include "charts/livechartview.h"
#include "charts/sweepcurvechart.h"
#include "engine/runcontroller.h"
#include "liverunstats.h"
#include "mainwindow.h"
#include "pages/liverunpage.h"
#include "sim/simserver.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace tl;

namespace {

constexpr int kRunTimeoutMs = 90000;

RequestRecord record(bool success, ErrorClass errorClass = ErrorClass::None, double ttftMs = 10, qint64 lagNs = 0)
{
    RequestRecord r;
    r.success = success;
    r.errorClass = errorClass;
    r.scheduledNs = 1'000'000'000;
    r.sentNs = r.scheduledNs + lagNs;
    r.eventNs = {r.sentNs + qint64(ttftMs * 1e6)};
    r.eventFlags = {EventHasChoices | EventHasContent};
    r.endNs = r.eventNs.last();
    if (!success) {
        r.httpStatus = errorClass == ErrorClass::HttpStatus ? 500 : 0;
        r.errorMessage = QStringLiteral("boom %1").arg(int(errorClass));
    }
    return r;
}

void type(QLineEdit* edit, const QString& text)
{
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void fill(MainWindow* window, const QString& url, const QString& parallel, const QString& number, int maxTokens)
{
    type(window->findChild<QLineEdit*>(QStringLiteral("urlEdit")), url);
    type(window->findChild<QLineEdit*>(QStringLiteral("modelEdit")), QStringLiteral("m"));
    type(window->findChild<QLineEdit*>(QStringLiteral("parallelEdit")), parallel);
    type(window->findChild<QLineEdit*>(QStringLiteral("numberEdit")), number);
    type(window->findChild<QLineEdit*>(QStringLiteral("extraArgsEdit")), QStringLiteral(R"({"ignore_eos": true})"));
    window->findChild<QSpinBox*>(QStringLiteral("maxTokensSpin"))->setValue(maxTokens);
}

} // namespace

class TestLiveRunPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statsFoldRecords();
    void healthSaysWhenTheClientLimits();
    void busyWhileTestingTheConnection();
    void chartsDrawnAfterTheSnapshotOneAtATime();
    void hiddenPageDrawsWhenShown();
    void showsAFaultyServersRunLive();
    void stopDrainsThenAborts();
    void curveTicksAreTheTestedLoads();
};

void TestLiveRunPage::statsFoldRecords()
{
    LiveRunStats stats;
    stats.beginRun();
    QList<RequestRecord> batch;
    for (int i = 1; i <= 10; ++i)
        batch.append(record(true, ErrorClass::None, i * 10.0));
    batch.append(record(false, ErrorClass::HttpStatus));
    batch.append(record(false, ErrorClass::HttpStatus));
    batch.append(record(false, ErrorClass::ErrorEvent));
    batch.append(record(false, ErrorClass::Aborted));
    RequestRecord warmup = record(false, ErrorClass::Network);
    warmup.warmup = true;
    batch.append(warmup);
    stats.addRecords(batch, 0);
    QCOMPARE(stats.succeeded(), 10);
    QCOMPARE(stats.failed(), 3);
    QCOMPARE(stats.aborted(), 1); // counted apart from server failures
    QCOMPARE(stats.failuresByClass().value(ErrorClass::HttpStatus), 2);
    QCOMPARE(stats.failuresByClass().value(ErrorClass::ErrorEvent), 1);
    QVERIFY(!stats.failuresByClass().contains(ErrorClass::Aborted));
    QCOMPARE(stats.latestErrors().size(), 3);
    QVERIFY2(stats.latestErrors().first().startsWith(errorClassName(ErrorClass::ErrorEvent)),
        qPrintable(stats.latestErrors().first()));
    QVERIFY(stats.latestErrors().last().contains(QStringLiteral("HTTP 500")));
    QCOMPARE(stats.pointTtftPercentileMs(0.5), 50.0);
    QCOMPARE(stats.pointTtftPercentileMs(0.99), 100.0);
    const LiveRunStats::Histogram h = stats.ttftHistogram(5);
    QCOMPARE(h.counts.size(), 5);
    // Round bins: 10..100 ms in 5 bins of 20 ms from 0 (edges that stay put as values arrive), the last one closed.
    QCOMPARE(h.startMs, 0.0);
    QCOMPARE(h.binWidthMs, 20.0);
    QCOMPARE(h.counts, (QVector<int>{1, 2, 2, 2, 3})); // 10 | 20 30 | 40 50 | 60 70 | 80 90 100
    // A value inside the current edges leaves them where they are.
    stats.addRecords({record(true, ErrorClass::None, 55)}, 0);
    QCOMPARE(stats.ttftHistogram(5).startMs, 0.0);
    QCOMPARE(stats.ttftHistogram(5).binWidthMs, 20.0);
    stats.addRecords({record(true, ErrorClass::None, 140)}, 0); // past them: the next round width
    QCOMPARE(stats.ttftHistogram(5).binWidthMs, 50.0);
    QCOMPARE(stats.ttftHistogram(5).startMs, 0.0);
    QCOMPARE(std::accumulate(h.counts.cbegin(), h.counts.cend(), 0), 10);
    QCOMPARE(stats.succeeded(), 12);

    for (int i = 0; i < 10; ++i)
        stats.addRecords({record(false, ErrorClass::Network)}, 0);
    QCOMPARE(stats.latestErrors().size(), LiveRunStats::kLatestErrors);
    // A new point starts its own TTFT samples; run totals go on.
    stats.addRecords({record(true, ErrorClass::None, 7)}, 1);
    QCOMPARE(stats.pointTtftsMs().size(), 1);
    QCOMPARE(stats.succeeded(), 13);
    stats.startPoint(2); // before the new point's first request finishes: nothing of the last point is shown
    QVERIFY(stats.pointTtftsMs().isEmpty());
    QVERIFY(stats.ttftHistogram(5).counts.isEmpty());
    QVERIFY(std::isnan(stats.pointTtftPercentileMs(0.5)));
}

void TestLiveRunPage::healthSaysWhenTheClientLimits()
{
    RunSnapshot snapshot;
    snapshot.state = RunState::Running;
    snapshot.point.parallel = 16;
    snapshot.total = 10000;
    for (int i = 0; i < 20; ++i) {
        LivePoint p;
        p.tS = 0.25 * i;
        p.inFlight = 16;
        p.completed = 10 * i;
        snapshot.series.append(p);
    }
    LiveRunStats stats;
    stats.addRecords({record(true), record(true)}, 0);
    LiveRunStats::Health h = stats.health(snapshot);
    QVERIFY(h.known);
    QVERIFY2(h.good, qPrintable(h.reason));

    for (LivePoint& p : snapshot.series)
        p.inFlight = 6; // the client does not keep the slots busy
    h = stats.health(snapshot);
    QVERIFY(!h.good);
    QVERIFY2(h.reason.contains(QStringLiteral("16")), qPrintable(h.reason));

    LiveRunStats late;
    late.addRecords({record(true, ErrorClass::None, 10, 80'000'000)}, 0); // sent 80 ms after its time
    h = late.health(snapshot);
    QVERIFY(!h.good);
    QVERIFY2(h.reason.contains(QStringLiteral("80.0 ms")), qPrintable(h.reason));

    LiveRunStats empty;
    QVERIFY(!empty.health(RunSnapshot()).known);
}

void TestLiveRunPage::busyWhileTestingTheConnection()
{
    LiveRunPage page;
    page.beginRun(QStringLiteral("m at http://x"), {RunPoint{1, 10, -1}, RunPoint{4, 20, -1}});
    RunSnapshot s;
    s.state = RunState::Testing;
    page.showSnapshot(s);
    auto* bar = page.findChild<QProgressBar*>(QStringLiteral("pointProgress"));
    QCOMPARE(bar->maximum(), 0); // activity, not "full"
    s.state = RunState::Running;
    s.pointIndex = 0;
    s.pointCount = 2;
    s.point = RunPoint{1, 10, -1};
    s.total = 10;
    s.completed = 5;
    s.elapsedS = 5;
    page.showSnapshot(s);
    QCOMPARE(bar->maximum(), 10);
    QCOMPARE(bar->value(), 5);
    QCOMPARE(page.findChild<QProgressBar*>(QStringLiteral("overallProgress"))->value(), 250);
    const QString overall = page.findChild<QLabel*>(QStringLiteral("overallLabel"))->text();
    QVERIFY2(overall.contains(QStringLiteral("point 1 of 2")), qPrintable(overall));
    QVERIFY2(overall.contains(QStringLiteral("about 25 s left")), qPrintable(overall)); // 5 + 20 requests at 1/s
    // An ended run has nothing left.
    s.state = RunState::Finished;
    s.completed = 10;
    page.showSnapshot(s);
    page.finishRun(RunState::Finished);
    const QString ended = page.findChild<QLabel*>(QStringLiteral("overallLabel"))->text();
    QVERIFY2(ended.contains(QStringLiteral("elapsed")) && !ended.contains(QStringLiteral("left")), qPrintable(ended));
    QCOMPARE(bar->value(), bar->maximum());
}

// A snapshot's slot sets the counters and bars at once and leaves the charts to short timer steps, one chart a
// step (each redraw, with the scene work Qt posts after it, a pass of the event loop of its own); a newer snapshot
// before they are drawn replaces what is drawn.
void TestLiveRunPage::chartsDrawnAfterTheSnapshotOneAtATime()
{
    LiveRunPage page;
    page.show();
    page.beginRun(QStringLiteral("m at http://x"), {RunPoint{1, 10, -1}, RunPoint{4, 20, -1}});
    RunSnapshot s;
    s.state = RunState::Running;
    s.pointIndex = 1;
    s.pointCount = 2;
    s.point = RunPoint{4, 20, -1};
    s.total = 20;
    s.completed = 3;
    PointResult first;
    first.point = RunPoint{1, 10, -1};
    first.hasSummary = true;
    first.summary.outputThroughput = 100;
    s.results = {first};
    for (int t = 1; t <= 3; ++t)
        s.series.append(LivePoint{double(t), 50.0 * t, 80.0, 4, t, 0});
    page.showSnapshot(s);
    QCOMPARE(page.findChild<QProgressBar*>(QStringLiteral("pointProgress"))->value(), 3);
    QCOMPARE(page.chart()->throughputPointCount(), 0); // not in the snapshot's slot
    QCOMPARE(page.curve()->finishedCount(), 0);
    QTRY_COMPARE(page.chart()->throughputPointCount(), 3);
    QTRY_COMPARE(page.curve()->finishedCount(), 1);
    QCOMPARE(page.chart()->ttftPointCount(), 3);

    s.series.append(LivePoint{4.0, 200.0, 80.0, 4, 4, 0});
    page.showSnapshot(s);
    s.series.append(LivePoint{5.0, 250.0, 80.0, 4, 5, 0});
    page.showSnapshot(s); // before the previous one was drawn
    QTRY_COMPARE(page.chart()->ttftPointCount(), 5);
    QCOMPARE(page.chart()->throughputPointCount(), 5);
}

// A page not shown (the user is on another tab) draws no chart; shown again, it draws the latest snapshot's.
void TestLiveRunPage::hiddenPageDrawsWhenShown()
{
    QTabWidget tabs;
    auto* page = new LiveRunPage;
    tabs.addTab(new QWidget, QStringLiteral("other"));
    tabs.addTab(page, QStringLiteral("live"));
    tabs.show();
    QVERIFY(!page->isVisible());
    page->beginRun(QStringLiteral("m at http://x"), {RunPoint{4, 20, -1}});
    RunSnapshot s;
    s.state = RunState::Running;
    s.pointCount = 1;
    s.point = RunPoint{4, 20, -1};
    s.total = 20;
    s.completed = 2;
    for (int t = 1; t <= 2; ++t)
        s.series.append(LivePoint{double(t), 50.0 * t, 80.0, 4, t, 0});
    page->showSnapshot(s);
    s.series.append(LivePoint{3.0, 150.0, 80.0, 4, 3, 0});
    s.completed = 3;
    page->showSnapshot(s);
    // The counters follow at once; the charts wait. A timer due after the chart steps' (4 ms apart) fires after
    // them: by then a drawing page would have drawn.
    QCOMPARE(page->findChild<QProgressBar*>(QStringLiteral("pointProgress"))->value(), 3);
    QTimer after;
    after.setSingleShot(true);
    QSignalSpy fired(&after, &QTimer::timeout);
    after.start(40);
    QVERIFY(fired.wait());
    QCOMPARE(page->chart()->throughputPointCount(), 0);
    tabs.setCurrentWidget(page);
    QTRY_COMPARE(page->chart()->throughputPointCount(), 3);
    QTRY_COMPARE(page->chart()->ttftPointCount(), 3);
}

void TestLiveRunPage::showsAFaultyServersRunLive()
{
    RunConfig base;
    base.sleepInterval = 0;
    MainWindow window(base);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startEmulatedServer(QStringLiteral("faults"));
    const QString url = window.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text();
    QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
    fill(&window, url, QStringLiteral("2 8"), QStringLiteral("60 120"), 8);
    auto* curve = window.findChild<SweepCurveChart*>(QStringLiteral("sweepCurve"));
    QSignalSpy points(window.controller(), &RunController::pointFinished);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    window.findChild<QAction*>(QStringLiteral("runAction"))->trigger();
    QVERIFY(window.controller()->isRunning());

    // The curve grows point by point: after the first point, one finished point and its load as a tick.
    QTRY_COMPARE_WITH_TIMEOUT(points.count(), 1, kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(curve->finishedCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QCOMPARE(window.controller()->state(), RunState::Finished);
    // The results tab replaces the live one, which draws its last snapshot's charts when it is shown again.
    auto* page = window.findChild<LiveRunPage*>(QStringLiteral("liveRunPage"));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(tabs);
    QTRY_VERIFY(tabs->currentWidget() != page);
    tabs->setCurrentWidget(page);
    QTRY_COMPARE(curve->finishedCount(), 2); // the charts are drawn one per short timer step
    QCOMPARE(curve->tickLabels(), (QStringList{QStringLiteral("P2"), QStringLiteral("P8")}));

    const LiveRunStats& stats = page->stats();
    QCOMPARE(stats.succeeded() + stats.failed(), 180);
    QVERIFY(stats.failed() > 0); // ~9% of 180 requests fail on purpose
    QCOMPARE(stats.aborted(), 0);
    QVERIFY(!stats.failuresByClass().isEmpty());
    QVERIFY(page->findChild<QListWidget*>(QStringLiteral("latestErrors"))->count() > 0);
    const QString byClass = page->findChild<QLabel*>(QStringLiteral("failuresByClassLabel"))->text();
    QVERIFY2(byClass.contains(errorClassName(stats.failuresByClass().firstKey())), qPrintable(byClass));
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("failedLabel"))->text().endsWith(QString::number(stats.failed())));
    QTRY_COMPARE(page->findChild<HistogramChartView*>(QStringLiteral("ttftHistogram"))->sampleCount(),
        int(stats.pointTtftsMs().size())); // the charts are drawn one per short timer step
    QVERIFY(page->findChild<HistogramChartView*>(QStringLiteral("ttftHistogram"))->sampleCount() > 0);
    QVERIFY(page->chart()->inFlightPointCount() > 0);
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("healthLabel"))->text().contains(QStringLiteral("good")));
}

void TestLiveRunPage::stopDrainsThenAborts()
{
    // Slow answers (200 ms between tokens, 40 tokens: 8 s a request) so requests are still in flight when Stop comes.
    SimConfig sim;
    sim.ttftMs = 10;
    sim.itlMs = 200;
    sim.threads = 2;
    SimServer server(sim);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RunConfig base;
    base.sleepInterval = 0;
    MainWindow window(base);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    fill(&window, server.baseUrl().toString() + QStringLiteral("/v1/chat/completions"), QStringLiteral("4"),
        QStringLiteral("100"), 40);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    window.findChild<QAction*>(QStringLiteral("runAction"))->trigger();
    RunController* controller = window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot() && controller->snapshot()->inFlight == 4, 20000);

    auto* stop = window.findChild<QPushButton*>(QStringLiteral("stopButton"));
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(controller->isRunning()); // draining: in-flight requests go on
    QVERIFY2(stop->text().contains(QStringLiteral("Abort")), qPrintable(stop->text()));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(controller->state(), RunState::Stopped);
    auto* page = window.findChild<LiveRunPage*>(QStringLiteral("liveRunPage"));
    QTRY_COMPARE_WITH_TIMEOUT(page->stats().aborted(), 4, 5000);
    QCOMPARE(page->stats().failed(), 0); // user aborts are not server failures
    QVERIFY(page->findChild<QLabel*>(QStringLiteral("abortedLabel"))->text().endsWith(QStringLiteral("4")));
    QCOMPARE(stop->text(), QStringLiteral("&Stop"));
}

void TestLiveRunPage::curveTicksAreTheTestedLoads()
{
    // Parallel 20 and 500 are labelled as such, at each point's throughput; a load whose throughput did not grow
    // keeps no tick of its own rather than breaking the axis.
    SweepCurveChart chart;
    chart.setPoints({{QStringLiteral("P20"), 600, 80, 96}, {QStringLiteral("P100"), 2300, 80, 112},
                        {QStringLiteral("P200"), 2200, 95, 180}},
        SweepCurveChart::Point{QStringLiteral("P500"), 4100, 181, 340});
    QCOMPARE(chart.finishedCount(), 3);
    QVERIFY(chart.hasProvisional());
    QCOMPARE(chart.tickLabels(), (QStringList{QStringLiteral("P20"), QStringLiteral("P100"), QStringLiteral("P500")}));
    chart.setPoints({}, std::nullopt);
    QCOMPARE(chart.finishedCount(), 0);
    QVERIFY(!chart.hasProvisional());
    QVERIFY(chart.tickLabels().isEmpty());
}

QTEST_MAIN(TestLiveRunPage)
#include "tst_liverunpage.moc"
