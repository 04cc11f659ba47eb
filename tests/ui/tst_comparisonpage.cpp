// The comparison page on real stored runs: runs against the emulated server at 50 and 60 ms time to first token,
// picked in the project explorer (multi-select, "Compare Selected Runs"), compared on a pool thread, and shown as
// overlaid curves, a diff table (under QAbstractItemModelTester) with coloured verdicts and definitions as
// tooltips, and the configuration diff.
#undef QT_NO_CAST_FROM_ASCII

#include "charts/comparisonchart.h"
#include "engine/runcontroller.h"
#include "mainwindow.h"
#include "models/comparisontablemodel.h"
#include "pages/comparisonpage.h"
#include "pages/runsbrowserpage.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace tl;

class TestComparisonPage final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QStringList m_ids; // fast-a (50 ms), fast-b (50 ms), slow (60 ms)

    QString runAgainst(const SimServer& server, const QString& name, ProjectStore& store)
    {
        RunConfig config;
        config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        config.model = QStringLiteral("throughline-sim");
        config.name = name;
        config.maxTokens = 4;
        config.sleepInterval = 0;
        config.writeOutputs = false;
        config.parallel = {2, 4};
        config.number = {40, 40};
        RunController controller;
        QSignalSpy finished(&controller, &RunController::runFinished);
        if (!controller.start(config, &store).isEmpty() || !finished.wait(120000))
            return {};
        return controller.runId();
    }

    static int row(const ComparisonTableModel* model, const QString& key) { return model->rowOf(key); }

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

    void explorerAsksToCompareTheSelectedRuns()
    {
        ProjectReader reader;
        QString error;
        QVERIFY(reader.open(m_project, &error));
        QList<RunListEntry> entries;
        for (const RunData& r : reader.runs())
            entries.append(RunListEntry{r, 0});
        RunsBrowserPage browser;
        browser.setRuns("compare.tlproj", entries);
        QSignalSpy asked(&browser, &RunsBrowserPage::compareRequested);

        browser.selectRuns({m_ids.at(0)});
        auto* compare = browser.contextMenuFor(m_ids.at(0))->findChild<QAction*>("compareRunsAction");
        QVERIFY(compare);
        QVERIFY(!compare->isEnabled()); // one run: nothing to compare

        browser.selectRuns({m_ids.at(2), m_ids.at(0)});
        compare = browser.contextMenuFor(m_ids.at(2))->findChild<QAction*>("compareRunsAction");
        QVERIFY(compare->isEnabled());
        compare->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toStringList(), (QStringList{m_ids.at(0), m_ids.at(2)})); // oldest first
    }

    void slowerRunIsWorse()
    {
        ComparisonPage page;
        QAbstractItemModelTester tester(page.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        page.compare(m_project, {m_ids.at(0), m_ids.at(2)});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QVERIFY(page.result().error.isEmpty());

        const ComparisonTableModel* model = page.tableModel();
        QCOMPARE(model->rowCount(), RunComparison::metricKeys().size());
        auto* point = page.findChild<QComboBox*>("comparisonPoint");
        QCOMPARE(point->count(), 2);
        QCOMPARE(point->itemText(0), QStringLiteral("parallel 2"));
        for (int p = 0; p < point->count(); ++p) {
            point->setCurrentIndex(p);
            // The median: a few requests delayed by a busy machine move the mean, not the median.
            const int ttft = row(model, "ttft_ms_p50");
            QVERIFY(ttft >= 0);
            const QModelIndex verdict = model->index(ttft, ComparisonTableModel::VerdictColumn);
            QVERIFY2(verdict.data(ComparisonTableModel::VerdictRole).toString() == QStringLiteral("worse"),
                qPrintable(verdict.data(Qt::ToolTipRole).toString()));
            QCOMPARE(verdict.data().toString(), ComparisonTableModel::verdictText(Verdict::Worse));
            QCOMPARE(verdict.data(Qt::ForegroundRole).value<QColor>(), QColor(0xD5, 0x5E, 0x00));
            QVERIFY(verdict.data(Qt::ToolTipRole).toString().contains("excludes 0"));
            const QString definition = MetricCatalogue::get(MetricId::Ttft).definitionString().toHtmlEscaped();
            QVERIFY(
                model->index(ttft, ComparisonTableModel::Metric).data(Qt::ToolTipRole).toString().contains(definition));
            const auto number = [&](int column) {
                return model->index(ttft, column).data(ComparisonTableModel::SortRole).toDouble();
            };
            QCOMPARE(number(ComparisonTableModel::Delta),
                number(ComparisonTableModel::Candidate) - number(ComparisonTableModel::Baseline));
            // A throughput has one value per point: no verdict.
            QCOMPARE(model->index(row(model, "output_throughput_tok_s"), ComparisonTableModel::VerdictColumn)
                         .data(ComparisonTableModel::VerdictRole)
                         .toString(),
                QStringLiteral("n/a"));
        }

        // Both charts overlay the two runs, named by run, model and date.
        QCOMPARE(page.sweepChart()->curveCount(), 2);
        QCOMPARE(page.curveChart()->curveCount(), 2);
        const QStringList legend = page.sweepChart()->legendNames();
        QCOMPARE(legend.size(), 2);
        QVERIFY2(legend.first().startsWith("fast-a · throughline-sim · "), qPrintable(legend.first()));
        QVERIFY(legend.last().startsWith("slow · "));
        auto* metric = page.findChild<QComboBox*>("comparisonMetric");
        metric->setCurrentIndex(metric->findText("Average latency (s)"));
        QCOMPARE(page.sweepChart()->curveCount(), 2);

        // The configuration diff: the URL and the name differ, neither defines the workload.
        auto* config = page.findChild<QTreeWidget*>("comparisonConfig");
        QVERIFY(!config->findItems("--url", Qt::MatchExactly).isEmpty());
        QVERIFY(config->findItems("--url", Qt::MatchExactly).first()->text(3).isEmpty());
        QVERIFY(page.findChild<QLabel*>("comparisonWarnings")->isHidden());
    }

    void threeRunsAgainstOneBaseline()
    {
        ComparisonPage page;
        QAbstractItemModelTester tester(page.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        page.resize(1400, 900);
        page.compare(m_project, m_ids);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QCOMPARE(page.result().comparisons.size(), 2);
        QCOMPARE(page.sweepChart()->curveCount(), 3);
        auto* candidate = page.findChild<QComboBox*>("comparisonCandidate");
        QCOMPARE(candidate->count(), 2);
        candidate->setCurrentIndex(0); // fast-b: the same settings
        const QModelIndex same
            = page.tableModel()->index(row(page.tableModel(), "ttft_ms_p50"), ComparisonTableModel::VerdictColumn);
        QCOMPARE(same.data(ComparisonTableModel::VerdictRole).toString(), QStringLiteral("inconclusive"));
        candidate->setCurrentIndex(1); // slow
        const QModelIndex slower
            = page.tableModel()->index(row(page.tableModel(), "ttft_ms_p50"), ComparisonTableModel::VerdictColumn);
        QCOMPARE(slower.data(ComparisonTableModel::VerdictRole).toString(), QStringLiteral("worse"));

        // Each chart's legend names every run in full, run, model and date, one line each under the chart (QtCharts'
        // legend beside the chart elided them to "fast-a · throughline-sim · 2026-12-03 1…").
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QRegularExpression full("^(fast-a|fast-b|slow) · throughline-sim · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$");
        for (ComparisonChart* chart : {page.sweepChart(), page.curveChart()}) {
            const QList<QLabel*> entries = chart->legendLabels();
            QCOMPARE(entries.size(), 3);
            for (int i = 0; i < entries.size(); ++i) {
                const QLabel* entry = entries.at(i);
                QVERIFY2(full.match(entry->text()).hasMatch(), qPrintable(entry->text()));
                QTRY_VERIFY(entry->isVisible());
                // Whole on one line at this width, and under the chart's plot, not beside it.
                QVERIFY2(entry->contentsRect().width() >= entry->fontMetrics().horizontalAdvance(entry->text()),
                    qPrintable(QStringLiteral("%1 px for %2 px of text")
                                   .arg(entry->contentsRect().width())
                                   .arg(entry->fontMetrics().horizontalAdvance(entry->text()))));
                QVERIFY(entry->mapTo(chart, QPoint(0, 0)).y() >= chart->height() / 2);
            }
            // The same names as the candidate list, in the same order, the baseline first.
            QCOMPARE(chart->legendNames().mid(1), (QStringList{candidate->itemText(0), candidate->itemText(1)}));
            QVERIFY(chart->legendNames().first().startsWith("fast-a · "));
        }

        const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            page.findChild<QComboBox*>("comparisonPoint")->setCurrentIndex(1);
            auto* table = page.findChild<QTableView*>("comparisonTable");
            table->scrollTo(table->model()->index(row(page.tableModel(), "avg_latency_s"), 0),
                QAbstractItemView::PositionAtTop); // the verdicts, not the request counts
            QVERIFY(page.grab().save(QDir(dir).filePath("comparison.png")));
        }
    }

    void storedValuesComeBeforeTheVerdicts()
    {
        // What the page shows first: the points' stored values, read without a request; no verdict resampled yet.
        const QStringList pair{m_ids.at(0), m_ids.at(2)};
        const ComparisonPage::Result first = ComparisonPage::loadSummaries(m_project, pair);
        QVERIFY(first.error.isEmpty());
        QCOMPARE(first.runsRead, 0);
        const ComparisonPage::Result full = ComparisonPage::load(m_project, pair);
        QVERIFY(full.error.isEmpty());
        QCOMPARE(full.runsRead, 2);
        QCOMPARE(first.comparisons.size(), 1);
        const QList<PointComparison>& pending = first.comparisons.first().points;
        const QList<PointComparison>& done = full.comparisons.first().points;
        QCOMPARE(pending.size(), done.size());
        QCOMPARE(pending.size(), 2);
        for (qsizetype p = 0; p < pending.size(); ++p) {
            QCOMPARE(pending.at(p).metrics.size(), done.at(p).metrics.size());
            for (qsizetype k = 0; k < pending.at(p).metrics.size(); ++k) {
                const MetricComparison& a = pending.at(p).metrics.at(k);
                const MetricComparison& b = done.at(p).metrics.at(k);
                QCOMPARE(a.key, b.key);
                QVERIFY2((a.baseline == b.baseline || (std::isnan(a.baseline) && std::isnan(b.baseline)))
                        && (a.candidate == b.candidate || (std::isnan(a.candidate) && std::isnan(b.candidate))),
                    qPrintable(a.key));
                QCOMPARE(a.baselineSamples, qint64(0));
                QVERIFY(!a.interval.isValid());
            }
        }

        // The model says "computing…" for every resampled verdict while they are pending, and which cells changed.
        ComparisonTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(pending.first().metrics);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setVerdictsPending(true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(ComparisonTableModel::VerdictColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(ComparisonTableModel::Interval));
        const int ttft = row(&model, "ttft_ms_p50");
        const int throughput = row(&model, "output_throughput_tok_s");
        const auto verdictText = [&model](int r) {
            return model.index(r, ComparisonTableModel::VerdictColumn).data().toString();
        };
        QCOMPARE(verdictText(ttft), ComparisonTableModel::tr("computing…"));
        QCOMPARE(verdictText(throughput), ComparisonTableModel::verdictText(Verdict::NotApplicable));
        model.setVerdictsPending(true);
        QCOMPARE(changed.size(), 1); // no change, no signal
        model.setRows(done.first().metrics);
        model.setVerdictsPending(false);
        QCOMPARE(verdictText(ttft), ComparisonTableModel::verdictText(Verdict::Worse));
    }

    void aComparedRunIsNotReadAgain()
    {
        ComparisonPage page;
        QAbstractItemModelTester tester(page.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        auto* exportButton = page.findChild<QPushButton*>("exportComparisonButton");
        QVERIFY(exportButton);
        // While only the stored values are shown, the verdicts read "computing…" and nothing half-done is exported.
        int pendingShown = 0;
        connect(&page, &ComparisonPage::summariesShown, this, [&] {
            ++pendingShown;
            QVERIFY(page.tableModel()->verdictsPending());
            QVERIFY(!exportButton->isEnabled());
            QCOMPARE(page.tableModel()->rowCount(), RunComparison::metricKeys().size());
        });
        const auto interval = [&page] {
            return page.tableModel()
                ->rows()
                .at(page.tableModel()->rowOf("ttft_ms_p50"))
                .interval;
        };
        page.compare(m_project, {m_ids.at(0), m_ids.at(2)});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QCOMPARE(page.result().runsRead, 2);
        QVERIFY(!page.tableModel()->verdictsPending());
        QVERIFY(exportButton->isEnabled());
        const Bootstrap::Interval read = interval();
        QVERIFY(read.isValid());

        page.compare(m_project, {m_ids.at(0), m_ids.at(1)}); // the baseline's samples kept
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 60000);
        QCOMPARE(page.result().runsRead, 1);

        page.compare(m_project, {m_ids.at(0), m_ids.at(2)}); // both kept: no request read
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 3, 60000);
        QCOMPARE(page.result().runsRead, 0);
        QCOMPARE(page.result().runs.size(), 2);
        const Bootstrap::Interval again = interval();
        QCOMPARE(again.low, read.low); // the same samples, the same seeds: the same interval
        QCOMPARE(again.high, read.high);
        QCOMPARE(page.tableModel()
                     ->index(page.tableModel()->rowOf("ttft_ms_p50"), ComparisonTableModel::VerdictColumn)
                     .data(ComparisonTableModel::VerdictRole)
                     .toString(),
            QStringLiteral("worse"));
        QVERIFY(exportButton->isEnabled());
        // Every time, even with both runs cached: the verdicts' load starts once the stored values are shown (started
        // together, the two readers raced and the stored values came with the verdicts in about one of three).
        QCOMPARE(pendingShown, 3);

        // Samples whose run has changed since (another stamp) are read again.
        const QStringList pair{m_ids.at(0), m_ids.at(2)};
        const ComparisonPage::Result full = ComparisonPage::load(m_project, pair);
        QCOMPARE(full.samples.size(), 2);
        ComparisonPage::SampleCache cache;
        for (qsizetype i = 0; i < full.runs.size(); ++i)
            cache.insert(full.runs.at(i).id, {ComparisonPage::cacheStamp(full.runs.at(i)), full.samples.at(i)});
        QCOMPARE(ComparisonPage::load(m_project, pair, cache).runsRead, 0);
        cache[m_ids.at(2)].stamp = QStringLiteral("stale"); // written again since
        QCOMPARE(ComparisonPage::load(m_project, pair, cache).runsRead, 1);
        RunData running = full.runs.first();
        running.status = QStringLiteral("running");
        QVERIFY(ComparisonPage::cacheStamp(running).isEmpty()); // a run still being written is never kept
        QVERIFY(!ComparisonPage::cacheStamp(full.runs.first()).isEmpty());
    }

    void chosenPointsCompareAcrossLoads_data()
    {
        QTest::addColumn<int>("basePoint");
        QTest::addColumn<int>("candPoint");
        QTest::addColumn<QString>("load");
        QTest::newRow("parallel 2 vs parallel 4") << 0 << 1 << "parallel 2 vs parallel 4";
        QTest::newRow("parallel 4 vs parallel 2") << 1 << 0 << "parallel 4 vs parallel 2";
        QTest::newRow("the same load") << 1 << 1 << "parallel 4";
    }
    void chosenPointsCompareAcrossLoads()
    {
        QFETCH(int, basePoint);
        QFETCH(int, candPoint);
        QFETCH(QString, load);
        ComparisonPage page;
        QAbstractItemModelTester tester(page.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        QSignalSpy chosen(&page, &ComparisonPage::chosenPointsCompared);
        page.compare(m_project, {m_ids.at(0), m_ids.at(2)});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        auto* base = page.findChild<QComboBox*>("comparisonBaselinePoint");
        auto* cand = page.findChild<QComboBox*>("comparisonCandidatePoint");
        auto* button = page.findChild<QPushButton*>("compareChosenPoints");
        QVERIFY(base && cand && button);
        QCOMPARE(base->count(), 2);
        QCOMPARE(cand->count(), 2);
        QCOMPARE(base->itemText(1), QStringLiteral("2: parallel 4"));
        QVERIFY(button->isEnabled());
        QVERIFY(!page.chosenComparison());
        base->setCurrentIndex(basePoint);
        cand->setCurrentIndex(candPoint);
        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(chosen.size(), 1, 60000);
        const RunComparison* c = page.chosenComparison();
        QVERIFY(c);
        QCOMPARE(c->points.size(), 1);
        QCOMPARE(c->points.first().load, load);
        QCOMPARE(c->points.first().baselineIndex, basePoint);
        QCOMPARE(c->points.first().candidateIndex, candPoint);
        QCOMPARE(page.tableModel()->rowCount(), RunComparison::metricKeys().size());
        // 60 ms against 50 ms of TTFT at any load: the median is worse.
        const QModelIndex verdict
            = page.tableModel()->index(row(page.tableModel(), "ttft_ms_p50"), ComparisonTableModel::VerdictColumn);
        QCOMPARE(verdict.data(ComparisonTableModel::VerdictRole).toString(), QStringLiteral("worse"));
        QVERIFY(page.findChild<QLabel*>("comparisonWarnings")->text().contains(load));
        // Picking a matched point again leaves the chosen comparison.
        auto* matched = page.findChild<QComboBox*>("comparisonPoint");
        matched->setCurrentIndex(1 - matched->currentIndex());
        QVERIFY(!page.chosenComparison());
    }

    void exportsTheComparisonAsHtml()
    {
        ComparisonPage page;
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        QSignalSpy exported(&page, &ComparisonPage::exportFinished);
        auto* button = page.findChild<QPushButton*>("exportComparisonButton");
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QVERIFY(!page.exportHtml(m_dir.filePath("nothing.html"))); // nothing compared yet
        page.compare(m_project, {m_ids.at(0), m_ids.at(2)});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QVERIFY(button->isEnabled());
        const QString path = m_dir.filePath("comparison.html");
        QVERIFY(page.exportHtml(path));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("fast-a (baseline)") && html.contains("slow (candidate)"));
        QCOMPARE(html.count("<svg"), 4);
        QVERIFY(html.contains("Point parallel 2 (baseline point 1, candidate point 1)"));
        QVERIFY(html.contains(QRegularExpression("ttft_ms_p50</td>.*class=\"l worse\"")));
        QVERIFY(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
        // A write that fails says so.
        QVERIFY(page.exportHtml(m_dir.filePath("no/such/folder/x.html")));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 30000);
        QVERIFY(!exported.last().at(0).toBool());
    }

    void windowComparesFromTheExplorer()
    {
        MainWindow window(RunConfig{}, m_project);
        auto* browser = window.findChild<RunsBrowserPage*>("runsBrowserPage");
        auto* page = window.findChild<ComparisonPage*>("comparisonPage");
        auto* tabs = window.findChild<QTabWidget*>("pages");
        QVERIFY(browser && page && tabs);
        QSignalSpy ready(page, &ComparisonPage::comparisonReady);
        browser->selectRuns({m_ids.at(0), m_ids.at(2)});
        browser->contextMenuFor(m_ids.at(0))->findChild<QAction*>("compareRunsAction")->trigger();
        QCOMPARE(tabs->currentWidget(), page);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QCOMPARE(page->result().runs.size(), 2);
        QCOMPARE(page->result().runs.first().id, m_ids.at(0)); // the older run is the baseline
        QCOMPARE(page->tableModel()->rowCount(), RunComparison::metricKeys().size());
    }

    void unreadableProjectIsReported()
    {
        ComparisonPage page;
        QSignalSpy ready(&page, &ComparisonPage::comparisonReady);
        page.compare(m_dir.filePath("missing.tlproj"), {"a", "b"});
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
        QVERIFY(!page.result().error.isEmpty());
        QVERIFY(page.findChild<QLabel*>("comparisonHeader")->text().startsWith(ComparisonPage::tr("Cannot compare")));
        QCOMPARE(page.tableModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestComparisonPage)
#include "tst_comparisonpage.moc"
