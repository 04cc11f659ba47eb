// The results page of one stored run, driven like a user: a faulty two-point sweep against the emulated server is
// stored in a project file, the page reads it off the GUI thread, and the test checks what every part shows
// (header, summary, percentiles, failure panel, sweep and point charts, the request table's filters, sorting and
// detail, the configuration), with every model under QAbstractItemModelTester.

#include "charts/requesttimelineview.h"
#include "charts/sweepcurvechart.h"
#include "charts/xychartview.h"
#include "metrics/goodput.h"
#include "metrics/metriccatalogue.h"
#include "models/failuretablemodel.h"
#include "models/percentiletablemodel.h"
#include "models/requesttablemodel.h"
#include "models/summarytablemodel.h"
#include "pages/resultspage.h"
#include "resultsfixture.h"
#include "storage/projectreader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>

#include <cmath>
#include <vector>

using namespace tl;

class TestResultsPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void headerMarksFailures();
    void summaryPercentilesAndFailures();
    void sweepChartsDrawEveryMetric();
    void pointChartsShowThePointsRequests();
    void requestFilters_data();
    void requestFilters();
    void requestSortingAndDetail();
    void configurationAndCommand();
    void liveResultsClearTheRun();
    void goodputWhatIf_data();
    void goodputWhatIf();
    void saturationPointIsStarred_data();
    void saturationPointIsStarred();
    void repeatedPointsHaveErrorBars();
    void realSweepCurveLabelsAreReadable();
    void missingRunSaysSo();

private:
    template <typename T> T* child(const char* name) const { return m_page->findChild<T*>(QString::fromLatin1(name)); }
    qint64 failedRequests() const;

    QTemporaryDir m_dir;
    test::StoredRun m_run;
    std::unique_ptr<ResultsPage> m_page;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestResultsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(test::storeFaultyRun(m_dir, &m_run));
    QCOMPARE(m_run.live.size(), 2);
}

void TestResultsPage::init()
{
    m_page = std::make_unique<ResultsPage>();
    for (const char* name : {"summaryModel", "summaryProxy", "percentileModel", "failureModel", "requestModel"}) {
        auto* model = m_page->findChild<QAbstractItemModel*>(QString::fromLatin1(name));
        QVERIFY2(model, name);
        m_testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    m_page->resize(1300, 900);
    m_page->show();
    QSignalSpy loaded(m_page.get(), &ResultsPage::runLoaded);
    m_page->showRun(m_run.path, m_run.runId);
    QVERIFY(m_page->isLoading());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().first().toString(), m_run.runId);
    QVERIFY(!m_page->isLoading());
}

void TestResultsPage::cleanup()
{
    m_testers.clear();
    m_page.reset();
}

qint64 TestResultsPage::failedRequests() const
{
    qint64 failed = 0;
    for (const PointResult& p : m_run.live)
        failed += p.summary.failedRequests;
    return failed;
}

void TestResultsPage::headerMarksFailures()
{
    QVERIFY(failedRequests() > 0);
    QCOMPARE(child<QLabel>("resultsTitle")->text(), QStringLiteral("Run “faulty sweep”"));
    const QString meta = child<QLabel>("resultsMeta")->text();
    QVERIFY2(meta.contains(QStringLiteral("throughline-sim")), qPrintable(meta));
    QVERIFY2(meta.contains(QStringLiteral("/v1/chat/completions")), qPrintable(meta));
    QVERIFY2(meta.contains(QStringLiteral("completed")), qPrintable(meta));
    auto* badge = child<QLabel>("resultsBadge");
    QVERIFY(badge->isVisible());
    QVERIFY2(badge->text().contains(QString::number(failedRequests())), qPrintable(badge->text()));
    QVERIFY(m_page->lastLoadMs() >= 0);
}

void TestResultsPage::summaryPercentilesAndFailures()
{
    SummaryTableModel* summary = m_page->model();
    QCOMPARE(summary->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(summary->index(row, SummaryTableModel::Failed).data(SummaryTableModel::SortRole).toDouble(),
            double(m_run.live.at(row).summary.failedRequests));
    }
    PercentileTableModel* percentiles = m_page->percentileModel();
    QCOMPARE(m_page->currentPoint(), 1); // the last (heaviest) point first
    QVERIFY(percentiles->rowCount() > 5);
    const int ttft = int(percentiles->table().metrics.indexOf(QStringLiteral("TTFT (ms)")));
    QVERIFY(ttft >= 0);
    QCOMPARE(percentiles->headerData(0, Qt::Vertical).toString(), QStringLiteral("min"));
    QVERIFY(percentiles->index(0, ttft).data(PercentileTableModel::SortRole).toDouble() >= 15.0);
    QVERIFY(!percentiles->headerData(ttft, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    // Failures by class and HTTP status: a 429 group and a reset group, each with a message, adding up.
    FailureTableModel* failures = m_page->failureModel();
    QCOMPARE(failures->failedCount(), failedRequests());
    qint64 sum = 0;
    bool has429 = false;
    bool hasReset = false;
    for (const FailureTableModel::Group& g : failures->groups()) {
        sum += g.count;
        QVERIFY(!g.example.isEmpty());
        has429 = has429 || (g.errorClass == ErrorClass::HttpStatus && g.httpStatus == 429);
        hasReset = hasReset || g.errorClass != ErrorClass::HttpStatus;
    }
    QCOMPARE(sum, failedRequests());
    QVERIFY(has429);
    QVERIFY(hasReset);
    QCOMPARE(failures->index(0, FailureTableModel::Class).data().toString(),
        errorClassName(failures->groups().first().errorClass));
    QVERIFY(child<QLabel>("failureSummary")->text().contains(QString::number(failedRequests())));
}

void TestResultsPage::sweepChartsDrawEveryMetric()
{
    auto* chart = child<XYChartView>("sweepMetricChart");
    QCOMPARE(chart->xTickLabels(), (QStringList{QStringLiteral("2"), QStringLiteral("4")}));
    QCOMPARE(chart->xTitle(), QStringLiteral("Concurrency (parallel requests)"));
    const QList<ResultsPage::SweepMetric> metrics = ResultsPage::sweepMetrics();
    QVERIFY(metrics.size() > 30);
    QStringList names;
    for (int i = 0; i < metrics.size(); ++i) {
        m_page->setSweepMetric(i);
        QCOMPARE(chart->seriesCount(), 1);
        names << metrics.at(i).name;
        QVERIFY2(chart->title().startsWith(metrics.at(i).name), qPrintable(chart->title()));
    }
    for (const char* expected :
        {"TTFT p50", "TTFT p90", "TTFT p99", "ITL p99", "TPOT p50", "Latency p99", "Average latency", "Success rate"}) {
        QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
    }
    // TTFT p99 against the load draws one point per tested load, at least the server's TTFT.
    m_page->setSweepMetric(int(names.indexOf(QStringLiteral("TTFT p99"))));
    QCOMPARE(chart->drawnPointCount(0), 2);
    QVERIFY(chart->yTitle().contains(QStringLiteral("ms")));

    auto* curve = child<SweepCurveChart>("throughputLatencyChart");
    QCOMPARE(curve->finishedCount(), 2);
    QCOMPARE(curve->tickLabels(), (QStringList{QStringLiteral("P2"), QStringLiteral("P4")}));
}

void TestResultsPage::pointChartsShowThePointsRequests()
{
    for (int point = 0; point < 2; ++point) {
        QSignalSpy shown(m_page.get(), &ResultsPage::pointChartsShown);
        m_page->setPoint(point);
        const PointResult& live = m_run.live.at(point);
        if (point == 0) // drawn from the point's requests on a pool thread; the last point came with the run
            QVERIFY(shown.wait(10000));
        auto* timeline = child<RequestTimelineView>("timelineChart");
        QCOMPARE(timeline->barCount(), live.summary.totalRequests);
        timeline->grab(); // paints
        QCOMPARE(timeline->lastDrawnCount(), live.summary.totalRequests);
        QVERIFY(timeline->title().contains(point == 0 ? QStringLiteral("P2") : QStringLiteral("P4")));
        auto* ttft = child<XYChartView>("ttftHistogram");
        QCOMPARE(ttft->seriesCount(), 1);
        QVERIFY(ttft->drawnPointCount(0) > 0);
        auto* itl = child<XYChartView>("itlHistogram");
        QCOMPARE(itl->seriesCount(), 1);
        auto* curves = child<XYChartView>("percentileChart");
        QCOMPARE(curves->seriesCount(), 4);
        QVERIFY(curves->seriesNames().contains(QStringLiteral("Latency (ms)")));
        auto* scatter = child<XYChartView>("latencyScatter");
        QCOMPARE(scatter->drawnPointCount(0), live.summary.successRequests);
        QCOMPARE(child<XYChartView>("ttftScatter")->drawnPointCount(0), live.summary.successRequests);
    }
}

void TestResultsPage::requestFilters_data()
{
    QTest::addColumn<bool>("failedOnly");
    QTest::addColumn<int>("errorClass");
    QTest::addColumn<int>("point"); // index in the point filter: 0 = every point
    QTest::addColumn<int>("slowest");
    QTest::newRow("everything") << false << -1 << 0 << 0;
    QTest::newRow("failed only") << true << -1 << 0 << 0;
    QTest::newRow("http status") << false << int(ErrorClass::HttpStatus) << 0 << 0;
    QTest::newRow("first point") << false << -1 << 1 << 0;
    QTest::newRow("second point failed") << true << -1 << 2 << 0;
    QTest::newRow("slowest 5") << false << -1 << 0 << 5;
}

void TestResultsPage::requestFilters()
{
    QFETCH(bool, failedOnly);
    QFETCH(int, errorClass);
    QFETCH(int, point);
    QFETCH(int, slowest);
    // What the filter must keep, counted from the run as the controller reported it.
    qint64 expected = 0;
    const RunData* run = m_page->run();
    QVERIFY(run);
    ProjectReader reader; // the page holds no records: a run is read lazily
    QString error;
    QVERIFY2(reader.open(m_run.path, &error), qPrintable(error));
    for (int pi = 0; pi < run->points.size(); ++pi) {
        if (point > 0 && pi != point - 1)
            continue;
        QVERIFY(run->points.at(pi).records.isEmpty());
        for (const RequestRecord& r : reader.requests(m_run.runId, run->points.at(pi).index)) {
            if (r.warmup || (failedOnly && r.success))
                continue;
            if (errorClass >= 0 && int(r.errorClass) != errorClass)
                continue;
            ++expected;
        }
    }
    if (slowest > 0)
        expected = qMin<qint64>(expected, slowest);
    QVERIFY(expected > 0);

    child<QCheckBox>("failedOnly")->setChecked(failedOnly);
    auto* classes = child<QComboBox>("classFilter");
    classes->setCurrentIndex(classes->findData(errorClass));
    child<QComboBox>("pointFilter")->setCurrentIndex(point);
    child<QSpinBox>("slowestN")->setValue(slowest);
    RequestTableModel* model = m_page->requestModel();
    QCOMPARE(model->rowCount(), int(expected));
    QVERIFY(child<QLabel>("requestCount")->text().startsWith(QString::number(expected)));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString status = model->index(row, RequestTableModel::Status).data().toString();
        if (failedOnly)
            QVERIFY(!status.startsWith(QStringLiteral("ok")));
        if (errorClass >= 0)
            QCOMPARE(status, errorClassName(ErrorClass(errorClass)));
    }
    if (slowest > 0) {
        // The slowest N: none of the requests left out is slower than the fastest shown.
        double fastestShown = 1e300;
        for (int row = 0; row < model->rowCount(); ++row)
            fastestShown = qMin(fastestShown,
                model->index(row, RequestTableModel::Latency).data(RequestTableModel::SortRole).toDouble());
        const RequestTable* table = model->table();
        int slower = 0;
        for (int i = 0; i < table->size(); ++i)
            slower += !table->warmup(i) && table->latencyMs.at(i) > fastestShown ? 1 : 0;
        QVERIFY(slower < slowest);
    }
}

void TestResultsPage::requestSortingAndDetail()
{
    RequestTableModel* model = m_page->requestModel();
    auto* view = child<QTableView>("requestTable");
    QCOMPARE(model->rowCount(), 22);
    view->sortByColumn(RequestTableModel::Latency, Qt::DescendingOrder);
    double previous = 1e300;
    for (int row = 0; row < model->rowCount(); ++row) {
        const double v = model->index(row, RequestTableModel::Latency).data(RequestTableModel::SortRole).toDouble();
        if (std::isnan(v))
            continue;
        QVERIFY(v <= previous);
        previous = v;
    }
    view->sortByColumn(RequestTableModel::Ttft, Qt::AscendingOrder);
    // Unknown TTFTs (failures) sort last whatever the order.
    QVERIFY(!std::isnan(model->index(0, RequestTableModel::Ttft).data(RequestTableModel::SortRole).toDouble()));
    QVERIFY(std::isnan(
        model->index(model->rowCount() - 1, RequestTableModel::Ttft).data(RequestTableModel::SortRole).toDouble()));

    // Detail of a successful request, then of a failed one.
    QSignalSpy detailShown(m_page.get(), &ResultsPage::requestDetailShown);
    view->setCurrentIndex(model->index(0, 0));
    // Read from the project file in full on a pool thread.
    QTRY_VERIFY(child<QTextBrowser>("requestDetail")->toPlainText().contains(QStringLiteral("succeeded")));
    const QString ok = child<QTextBrowser>("requestDetail")->toPlainText();
    QVERIFY2(ok.contains(QStringLiteral("succeeded")), qPrintable(ok));
    QVERIFY2(ok.contains(QStringLiteral("First token")), qPrintable(ok));
    QVERIFY2(ok.contains(QStringLiteral("Output tokens")), qPrintable(ok));
    QVERIFY2(ok.contains(QStringLiteral("data events")), qPrintable(ok));
    child<QCheckBox>("failedOnly")->setChecked(true);
    view->setCurrentIndex(model->index(0, 0));
    QVERIFY(!model->record(0)); // no record kept in memory
    const RequestTable* table = model->table();
    const int t = model->tableRow(0);
    ProjectReader reader;
    QString readError;
    QVERIFY2(reader.open(m_run.path, &readError), qPrintable(readError));
    const std::optional<RequestRecord> failed
        = reader.request(m_run.runId, m_page->run()->points.at(table->point.at(t)).index, table->seq.at(t));
    QVERIFY(failed && !failed->success);
    QTRY_VERIFY(child<QTextBrowser>("requestDetail")->toPlainText().contains(QStringLiteral("Error")));
    const QString error = child<QTextBrowser>("requestDetail")->toPlainText();
    QVERIFY2(error.contains(failed->errorMessage.left(30)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("data events")), qPrintable(error));
    QCOMPARE(model->index(0, RequestTableModel::Error).data().toString(), failed->errorMessage.left(300).simplified());
    QVERIFY(detailShown.size() >= 2);
}

void TestResultsPage::configurationAndCommand()
{
    auto* tree = child<QTreeWidget>("configTree");
    QVERIFY(tree->topLevelItemCount() >= 4);
    QStringList keys;
    QString parallel;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem* item = tree->topLevelItem(g)->child(i);
            keys << item->text(0);
            if (item->text(0) == u"parallel")
                parallel = item->text(1);
        }
    }
    QVERIFY(keys.contains(QStringLiteral("model")));
    QVERIFY2(parallel.contains(u'2') && parallel.contains(u'4'), qPrintable(parallel));
    QTest::mouseClick(child<QPushButton>("copyCommandButton"), Qt::LeftButton);
    const QString command = QApplication::clipboard()->text();
    QVERIFY2(command.contains(QStringLiteral("--parallel 2 4")), qPrintable(command));
    QVERIFY2(command.contains(QStringLiteral("throughline-sim")), qPrintable(command));

    QSignalSpy rerun(m_page.get(), &ResultsPage::rerunRequested);
    QSignalSpy rename(m_page.get(), &ResultsPage::renameRequested);
    QTest::mouseClick(child<QPushButton>("rerunButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("renameButton"), Qt::LeftButton);
    QCOMPARE(rerun.count(), 1);
    QCOMPARE(rerun.first().first().toString(), m_run.runId);
    QCOMPARE(rename.count(), 1);

    RunData listed = *m_page->run();
    listed.name = QStringLiteral("renamed");
    listed.tags = {QStringLiteral("gpu-a")};
    listed.notes = QStringLiteral("after the driver update");
    m_page->updateRunInfo(listed);
    QCOMPARE(child<QLabel>("resultsTitle")->text(), QStringLiteral("Run “renamed”"));
    QVERIFY(child<QLabel>("resultsMeta")->text().contains(QStringLiteral("gpu-a")));
    QVERIFY(child<QLabel>("resultsMeta")->text().contains(QStringLiteral("after the driver update")));
}

void TestResultsPage::liveResultsClearTheRun()
{
    m_page->setResults(QStringLiteral("Run “x” · running"), {m_run.live.first()});
    QVERIFY(!m_page->run());
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->requestModel()->rowCount(), 0);
    QVERIFY(!child<QPushButton>("rerunButton")->isEnabled());
    QVERIFY(!child<QLabel>("resultsBadge")->isVisible());
    QCOMPARE(child<XYChartView>("sweepMetricChart")->drawnPointCount(0), 1);
}

void TestResultsPage::missingRunSaysSo()
{
    QSignalSpy failed(m_page.get(), &ResultsPage::loadFailed);
    m_page->showRun(m_run.path, QStringLiteral("no-such-run"));
    QVERIFY(failed.wait(10000));
    QVERIFY(child<QLabel>("resultsMessage")->text().contains(QStringLiteral("no-such-run")));
    // What was shown stays.
    QCOMPARE(m_page->run()->id, m_run.runId);
}

void TestResultsPage::goodputWhatIf_data()
{
    QTest::addColumn<double>("ttftMs");
    QTest::addColumn<double>("tpotMs");
    QTest::addColumn<double>("e2elMs");
    QTest::newRow("generous TTFT: every success is good") << 10000.0 << 0.0 << 0.0;
    QTest::newRow("impossible latency: none is good") << 0.0 << 0.0 << 1.0;
    QTest::newRow("all three") << 30.0 << 10.0 << 200.0;
}

void TestResultsPage::goodputWhatIf()
{
    QFETCH(double, ttftMs);
    QFETCH(double, tpotMs);
    QFETCH(double, e2elMs);
    // Expected: the core's own computation from the stored records.
    SloSpec slo;
    if (ttftMs > 0)
        slo.ttftMs = ttftMs;
    if (tpotMs > 0)
        slo.tpotMs = tpotMs;
    if (e2elMs > 0)
        slo.e2elMs = e2elMs;
    ProjectReader reader;
    QString error;
    QVERIFY2(reader.open(m_run.path, &error), qPrintable(error));
    QList<PointResult> expected = reader.points(m_run.runId, true);
    applyGoodput(expected, slo);

    child<QDoubleSpinBox>("sloTtft")->setValue(ttftMs);
    child<QDoubleSpinBox>("sloTpot")->setValue(tpotMs);
    child<QDoubleSpinBox>("sloE2el")->setValue(e2elMs);
    QSignalSpy applied(m_page.get(), &ResultsPage::goodputApplied);
    child<QPushButton>("applySloButton")->click();
    QVERIFY(applied.wait(10000)); // recomputed on a pool thread
    const QList<PointResult>& shown = m_page->points();
    QCOMPARE(shown.size(), expected.size());
    for (int i = 0; i < shown.size(); ++i) {
        const GoodputResult& got = shown.at(i).extended.goodput;
        const GoodputResult& want = expected.at(i).extended.goodput;
        QCOMPARE(got.goodRequests, want.goodRequests);
        QCOMPARE(got.goodput, want.goodput);
        for (auto [a, b] : {std::pair{got.ttftAttainmentPct, want.ttftAttainmentPct},
                 std::pair{got.tpotAttainmentPct, want.tpotAttainmentPct},
                 std::pair{got.e2elAttainmentPct, want.e2elAttainmentPct}})
            QVERIFY(std::isnan(a) ? std::isnan(b) : qFuzzyCompare(a + 1, b + 1));
        QCOMPARE(shown.at(i).summary.totalRequests, m_run.live.at(i).summary.totalRequests); // the rest as stored
    }
    if (ttftMs > 1000)
        QCOMPARE(shown.last().extended.goodput.goodRequests, m_run.live.last().summary.successRequests);
    if (e2elMs > 0 && e2elMs <= 1)
        QCOMPARE(shown.last().extended.goodput.goodRequests, 0);
    const QString line = child<QLabel>("goodputSummary")->text();
    QVERIFY2(line.contains(QStringLiteral("P4: goodput")), qPrintable(line));
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (!dir.isEmpty() && tpotMs > 0) {
        child<QTabWidget>("resultsTabs")->setCurrentIndex(0);
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("results-goodput.png"))));
    }
    // Goodput is a sweep metric: the chart draws the recomputed values.
    const QList<ResultsPage::SweepMetric> metrics = ResultsPage::sweepMetrics();
    int goodput = -1;
    for (int m = 0; m < metrics.size(); ++m) {
        if (metrics.at(m).name == MetricCatalogue::get(MetricId::Goodput).nameString())
            goodput = m;
    }
    QVERIFY(goodput >= 0);
    m_page->setSweepMetric(goodput);
    const QList<XYChartView::Series>& series = child<XYChartView>("sweepMetricChart")->seriesList();
    QVERIFY(!series.isEmpty());
    QCOMPARE(series.first().points.size(), shown.size());
    QCOMPARE(series.first().points.last().y(), shown.last().extended.goodput.goodput);
    // No SLO: nothing recomputed.
    child<QDoubleSpinBox>("sloTtft")->setValue(0);
    child<QDoubleSpinBox>("sloTpot")->setValue(0);
    child<QDoubleSpinBox>("sloE2el")->setValue(0);
    QVERIFY(!m_page->applyGoodputSlo(SloSpec{}));
}

namespace {

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

PointResult sweepPoint(int parallel, double reqPerS, double p50LatencyS)
{
    PointResult p;
    p.point = RunPoint{parallel, 10, -1};
    p.hasSummary = true;
    p.summary.totalRequests = 10;
    p.summary.successRequests = 10;
    p.summary.reqThroughput = reqPerS;
    p.summary.outputThroughput = reqPerS * 100;
    p.percentiles.metrics = {QStringLiteral("Latency (s)"), QStringLiteral("TTFT (ms)")};
    p.percentiles.labels = {QStringLiteral("50%"), QStringLiteral("99%")};
    p.percentiles.values = {{p50LatencyS, p50LatencyS * 2}, {p50LatencyS * 100, p50LatencyS * 300}};
    return p;
}

} // namespace

void TestResultsPage::saturationPointIsStarred_data()
{
    QTest::addColumn<QList<PointResult>>("points");
    QTest::addColumn<int>("knee"); // -1: none
    // Throughput doubles up to 4, then +4% while the p50 latency grows +90%: the knee is parallel 4.
    QTest::newRow("knee at P4") << QList<PointResult>{sweepPoint(1, 1, 1.0), sweepPoint(2, 2, 1.0),
        sweepPoint(4, 4, 1.05), sweepPoint(8, 4.16, 2.0)}
                                << 2;
    QTest::newRow("still scaling") << QList<PointResult>{sweepPoint(1, 1, 1.0), sweepPoint(2, 2, 1.0)} << -1;
}

void TestResultsPage::saturationPointIsStarred()
{
    QFETCH(QList<PointResult>, points);
    QFETCH(int, knee);
    m_page->setResults(QStringLiteral("sweep"), points);
    auto* curve = child<SweepCurveChart>("throughputLatencyChart");
    auto* sweep = child<XYChartView>("sweepMetricChart");
    QVERIFY(curve && sweep);
    if (knee < 0) {
        QVERIFY(curve->saturationPoints().isEmpty());
        QVERIFY(curve->saturationToolTip().isEmpty());
        QVERIFY(!sweep->seriesNames().contains(ResultsPage::tr("saturation point")));
        return;
    }
    // On the throughput–latency curve: a star on the knee's p50.
    QCOMPARE(curve->saturationPoints().size(), 1);
    QCOMPARE(curve->saturationPoints().first(), curve->p50Points().at(knee));
    const QString tip = curve->saturationToolTip();
    QVERIFY2(tip.contains(QStringLiteral("P4")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("less than 10%")) && tip.contains(QStringLiteral("more than 50%")),
        qPrintable(tip));
    // On the sweep chart of whichever metric: a star series on the knee's x, with the same tooltip.
    for (int metric : {5, 0}) { // TTFT p50 last: the one the screenshot shows
        m_page->setSweepMetric(metric);
        const QList<XYChartView::Series>& series = sweep->seriesList();
        QCOMPARE(series.size(), 2);
        const XYChartView::Series& star = series.last();
        QVERIFY(star.star);
        QCOMPARE(star.kind, XYChartView::Kind::Scatter);
        QCOMPARE(star.points.size(), 1);
        QCOMPARE(star.points.first().x(), series.first().points.at(knee).x());
        QCOMPARE(star.toolTip, tip);
    }
}

// --num-runs 3 over parallel 1 and 2 against the emulated server, stored: the sweep chart draws each load once, at
// the mean of its three repetitions, with its confidence interval as an error bar (docs/METRICS.md "Repeat runs").
void TestResultsPage::repeatedPointsHaveErrorBars()
{
    SimConfig simConfig;
    simConfig.ttftMs = 15;
    simConfig.itlMs = 3;
    SimServer server(simConfig);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("repeated.tlproj"));
    auto store = ProjectStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    RunConfig config;
    config.name = QStringLiteral("repeated sweep");
    config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    config.model = QStringLiteral("throughline-sim");
    config.maxTokens = 8;
    config.extraArgs = R"({"ignore_eos": true})";
    config.sleepInterval = 0;
    config.writeOutputs = false;
    config.parallel = {1, 2};
    config.number = {4, 4};
    config.numRuns = 3;
    config.seed = 7;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config, store.get());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(store->flush(&error), qPrintable(error));
    QCOMPARE(controller.results().size(), 6);

    QSignalSpy loaded(m_page.get(), &ResultsPage::runLoaded);
    m_page->showRun(path, controller.runId());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->points().size(), 6);
    const QList<ResultsPage::SweepMetric> metrics = ResultsPage::sweepMetrics();
    int ttft = -1;
    for (int m = 0; m < metrics.size(); ++m) {
        if (metrics.at(m).name == QStringLiteral("TTFT p50"))
            ttft = m;
    }
    QVERIFY(ttft >= 0);
    m_page->setSweepMetric(ttft);
    auto* chart = child<XYChartView>("sweepMetricChart");
    const QList<XYChartView::Series>& series = chart->seriesList();
    QVERIFY(series.size() >= 2);
    QCOMPARE(series.at(0).points.size(), 2); // one per load, not one per repetition
    QVERIFY2(series.at(0).name.contains(QStringLiteral("3")), qPrintable(series.at(0).name));
    QCOMPARE(series.at(1).kind, XYChartView::Kind::ErrorBars);
    QVERIFY2(series.at(1).name.startsWith(QStringLiteral("95")), qPrintable(series.at(1).name));
    QCOMPARE(chart->drawnPointCount(1), 2); // two bars
    for (int bar = 0; bar < 2; ++bar) { // each bar around its mean, at its load
        const QPointF mean = series.at(0).points.at(bar);
        const QPointF low = series.at(1).points.at(2 * bar);
        const QPointF high = series.at(1).points.at(2 * bar + 1);
        QCOMPARE(low.x(), mean.x());
        QVERIFY(low.y() <= mean.y() && mean.y() <= high.y());
    }
    QVERIFY(series.at(0).points.at(0).y() >= simConfig.ttftMs); // at least the server's TTFT
    // The throughput-latency curve likewise: one point per load, at the means.
    auto* curve = child<SweepCurveChart>("throughputLatencyChart");
    QCOMPARE(curve->finishedCount(), 2);
    QCOMPARE(curve->tickLabels(), (QStringList{QStringLiteral("P1"), QStringLiteral("P2")}));
    for (int m = 0; m < metrics.size(); ++m) { // the tail varies more between repetitions than the median
        if (metrics.at(m).name == QStringLiteral("TTFT p99"))
            m_page->setSweepMetric(m);
    }
    QCOMPARE(child<XYChartView>("sweepMetricChart")->drawnPointCount(1), 2);
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        child<QTabWidget>("resultsTabs")->setCurrentIndex(1);
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("results-repeats.png"))));
    }
}

// A real sweep, parallel 1 2 4 8 16 32 64 against the emulated server with batched decoding (each step slower by
// the sequences in it, so throughput flattens as the load grows): on the throughput–latency curve the low loads sit
// close together, and so do the high ones. The tick labels drawn keep clear of each other, the first and the
// saturation point's (when one is found) among them.
void TestResultsPage::realSweepCurveLabelsAreReadable()
{
    SimConfig simConfig;
    simConfig.decodeBaseMs = 2;
    simConfig.decodePerSeqMs = 0.5;
    simConfig.threads = 2;
    SimServer server(simConfig);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("sweep64.tlproj"));
    auto store = ProjectStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    RunConfig config;
    config.name = QStringLiteral("sweep 1-64");
    config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    config.model = QStringLiteral("throughline-sim");
    config.maxTokens = 16;
    config.extraArgs = R"({"ignore_eos": true})";
    config.sleepInterval = 0;
    config.writeOutputs = false;
    config.parallel = {1, 2, 4, 8, 16, 32, 64};
    config.number = {2, 4, 8, 16, 32, 64, 128};
    config.seed = 7;
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config, store.get());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
    QVERIFY(finished.wait(120000));
    QVERIFY2(store->flush(&error), qPrintable(error));

    QSignalSpy loaded(m_page.get(), &ResultsPage::runLoaded);
    m_page->showRun(path, controller.runId());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->points().size(), 7);
    child<QTabWidget>("resultsTabs")->setCurrentIndex(1);
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    auto* curve = child<SweepCurveChart>("throughputLatencyChart");
    QVERIFY(curve->isVisible());
    const QStringList all = curve->tickLabels();
    QVERIFY2(all.size() >= 2 && all.first() == QStringLiteral("P1"), qPrintable(all.join(u' ')));
    // Chosen for the plot as drawn on the page (a hidden tab's chart is laid out small), every label the axis shows
    // drawn (QtCharts hides one overlapping its left neighbour), 3 px (a word space) or more apart.
    QTRY_VERIFY(curve->plotArea().width() > 300);
    QTRY_COMPARE(curve->ticksChosenForWidth(), curve->plotArea().width());
    QTRY_VERIFY2(readableTicks(*curve), qPrintable(curve->shownTickLabels().join(u' ')));
    const QStringList shown = curve->shownTickLabels();
    QVERIFY2(shown.contains(QStringLiteral("P1")), qPrintable(shown.join(u' ')));
    if (!curve->saturationPoints().isEmpty()) {
        const QString tip = curve->saturationToolTip();
        const QString knee = tip.section(u'\n', 0, 0).section(u' ', -1); // "Saturation point: P16"
        QVERIFY2(shown.contains(knee), qPrintable(knee + QStringLiteral(" not in ") + shown.join(u' ')));
    }
    qInfo("ticks: %s; drawn: %s", qPrintable(all.join(u' ')), qPrintable(shown.join(u' ')));
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("results-saturation.png"))));
}

QTEST_MAIN(TestResultsPage)
#include "tst_resultspage.moc"
