// Drives the workbench window the way a user does (typing into the form, clicking Run) against the in-process
// emulated server, and checks what the window shows: live charts, the summary table, the stored runs, errors.

#include "charts/livechartview.h"
#include "charts/sweepchartview.h"
#include "demo/demo.h"
#include "engine/runcontroller.h"
#include "mainwindow.h"
#include "modalhelper.h"
#include "models/runlistmodel.h"
#include "models/summarytablemodel.h"
#include "pages/runsbrowserpage.h"
#include "pages/resultspage.h"
#include "sim/simserver.h"
#include "storage/csv.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <cmath>
#include <memory>
#include <vector>

using namespace tl;

namespace {

constexpr int kRunTimeoutMs = 60000;

struct Form {
    QString url;
    QString model = QStringLiteral("m");
    QString parallel = QStringLiteral("1 2");
    QString number = QStringLiteral("4 8");
    int maxTokens = 5;
    QString extraArgs = QStringLiteral(R"({"ignore_eos": true})");
};

// A window with every item model it shows wrapped in a QAbstractItemModelTester.
struct Harness {
    std::unique_ptr<MainWindow> window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    SummaryTableModel* summary() const { return window->findChild<SummaryTableModel*>(QStringLiteral("summaryModel")); }
    RunListModel* runs() const { return window->findChild<RunListModel*>(QStringLiteral("runListModel")); }
    QLabel* errorLabel() const { return window->findChild<QLabel*>(QStringLiteral("errorLabel")); }
    template <typename T> T* child(const char* name) const { return window->findChild<T*>(QString::fromLatin1(name)); }
};

// Every cell of the summary table as a user sees it: text, sort value and tooltip (failures by class live there).
QStringList tableCells(const SummaryTableModel* model)
{
    QStringList cells;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            cells << QStringLiteral("%1,%2: %3 | %4 | %5")
                         .arg(row)
                         .arg(column)
                         .arg(index.data(Qt::DisplayRole).toString(),
                             QString::number(index.data(SummaryTableModel::SortRole).toDouble(), 'g', 17),
                             index.data(Qt::ToolTipRole).toString());
        }
    }
    return cells;
}

double summaryValue(const SummaryTableModel* model, int row, int column)
{
    return model->index(row, column).data(SummaryTableModel::SortRole).toDouble();
}

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runsASweepAndStoresIt();
    void storedRunsShowInANewWindow();
    void exportsFromTheFileMenu();
    void readOnlyProjectIsForBrowsing();
    void badInputStartsNothing_data();
    void badInputStartsNothing();
    void unreachableServerShowsUrlError();
    void liveChartDecimatesLongSeries();
    void startsAnEmulatedServerFromTheMenu();
    void screenshots();

private:
    static std::unique_ptr<Harness> makeWindow(const RunConfig& base, const QString& projectPath);
    static void fillForm(const Harness& h, const Form& form);
    QStringList m_liveTable; // the summary table right after runsASweepAndStoresIt's run
    static void type(QLineEdit* edit, const QString& text);
    // Triggers `action` and answers the file dialog it opens with `path`; returns the path the dialog suggested.
    static QString exportThrough(QAction* action, const QString& path);
    QString projectPath() const { return m_dir.filePath(QStringLiteral("gui.tlproj")); }

    std::unique_ptr<SimServer> m_sim;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SimConfig sim;
    sim.ttftMs = 20;
    sim.itlMs = 5;
    sim.threads = 2;
    m_sim = std::make_unique<SimServer>(sim);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
}

void TestMainWindow::cleanupTestCase()
{
    m_sim.reset();
}

std::unique_ptr<Harness> TestMainWindow::makeWindow(const RunConfig& base, const QString& projectPath)
{
    auto h = std::make_unique<Harness>();
    h->window = std::make_unique<MainWindow>(base, projectPath);
    for (const char* name : {"summaryModel", "summaryProxy", "runListModel", "runListProxy"}) {
        auto* model = h->window->findChild<QAbstractItemModel*>(QString::fromLatin1(name));
        if (!model)
            qFatal("model %s not found", name);
        h->testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    h->window->show();
    if (!QTest::qWaitForWindowExposed(h->window.get()))
        qWarning("window not exposed");
    return h;
}

void TestMainWindow::type(QLineEdit* edit, const QString& text)
{
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestMainWindow::fillForm(const Harness& h, const Form& form)
{
    type(h.child<QLineEdit>("urlEdit"), form.url);
    type(h.child<QLineEdit>("modelEdit"), form.model);
    type(h.child<QLineEdit>("parallelEdit"), form.parallel);
    type(h.child<QLineEdit>("numberEdit"), form.number);
    type(h.child<QLineEdit>("extraArgsEdit"), form.extraArgs);
    auto* maxTokens = h.child<QSpinBox>("maxTokensSpin");
    QVERIFY(maxTokens);
    maxTokens->setValue(form.maxTokens);
}

void TestMainWindow::runsASweepAndStoresIt()
{
    RunConfig base;
    base.sleepInterval = 0;
    auto h = makeWindow(base, projectPath());
    Form form;
    form.url = m_sim->baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    fillForm(*h, form);
    QSignalSpy started(h->window->controller(), &RunController::runStarted);
    QSignalSpy snapshots(h->window->controller(), &RunController::snapshotAvailable);

    auto* run = h->child<QPushButton>("runButton");
    QVERIFY(run);
    QTest::mouseClick(run, Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QVERIFY2(h->errorLabel()->isHidden(), qPrintable(h->errorLabel()->text()));
    QVERIFY(!run->isEnabled());

    SummaryTableModel* summary = h->summary();
    QTRY_VERIFY_WITH_TIMEOUT(summary->rowCount() == 2 && !h->window->controller()->isRunning(), kRunTimeoutMs);
    QCOMPARE(h->window->controller()->state(), RunState::Finished);
    QCOMPARE(summaryValue(summary, 0, SummaryTableModel::Parallel), 1.0);
    QCOMPARE(summaryValue(summary, 0, SummaryTableModel::Success), 4.0);
    QCOMPARE(summaryValue(summary, 1, SummaryTableModel::Success), 8.0);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(summaryValue(summary, row, SummaryTableModel::Failed), 0.0);
        QVERIFY(summaryValue(summary, row, SummaryTableModel::OutTokPerS) > 0);
        QVERIFY(summaryValue(summary, row, SummaryTableModel::ReqPerS) > 0);
        QVERIFY(summaryValue(summary, row, SummaryTableModel::TtftP99) >= 20.0);
        QVERIFY(!summary->index(row, SummaryTableModel::TtftP50).data().toString().isEmpty());
    }
    m_liveTable = tableCells(summary);
    QVERIFY(snapshots.count() > 0);
    QTRY_VERIFY(h->child<LiveChartView>("liveChart")->throughputPointCount() > 0);
    QCOMPARE(h->child<SweepChartView>("sweepChart")->pointCount(), 2);
    QVERIFY(run->isEnabled());
    // Shown a few milliseconds after the run's end (MainWindow::onRunFinished spreads its steps).
    QTRY_COMPARE(h->child<QTabWidget>("pages")->currentWidget()->objectName(), QStringLiteral("resultsPage"));

    RunListModel* runs = h->runs();
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 1, 5000);
    // The list is refreshed once the writer has stored the run, without blocking the GUI thread for it.
    QTRY_COMPARE_WITH_TIMEOUT(runs->runs().first().run.status, QStringLiteral("completed"), 5000);
    const RunData stored = runs->runs().first().run;
    QCOMPARE(stored.pointCount, 2);
    QCOMPARE(stored.requestCount, 12);
    QCOMPARE(stored.id, h->window->controller()->runId());
}

void TestMainWindow::storedRunsShowInANewWindow()
{
    // The run of the previous test is in the project file: a new window lists it, and picking it shows its points.
    RunConfig base;
    base.sleepInterval = 0;
    auto h = makeWindow(base, projectPath());
    RunListModel* runs = h->runs();
    QCOMPARE(runs->rowCount(), 1);
    SummaryTableModel* summary = h->summary();
    QCOMPARE(summary->rowCount(), 0);

    auto* table = h->child<QTreeView>("runsTable");
    QVERIFY(table);
    const QRect cell = table->visualRect(table->model()->index(0, RunListModel::Name));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE_WITH_TIMEOUT(summary->rowCount(), 2, 5000);
    QCOMPARE(summaryValue(summary, 0, SummaryTableModel::Success), 4.0);
    QCOMPARE(summaryValue(summary, 1, SummaryTableModel::Success), 8.0);
    QVERIFY(summaryValue(summary, 1, SummaryTableModel::OutTokPerS) > 0);
    QVERIFY(!std::isnan(summaryValue(summary, 1, SummaryTableModel::TtftP99)));
    // Reopened from the project file, the run reads exactly as it did when it had just finished.
    QVERIFY(!m_liveTable.isEmpty());
    QCOMPARE(tableCells(summary), m_liveTable);
}

QString TestMainWindow::exportThrough(QAction* action, const QString& path)
{
    QString suggested;
    answerNextModal([&suggested, path](QWidget* modal) {
        auto* dialog = qobject_cast<QFileDialog*>(modal);
        if (!dialog) {
            modal->close();
            return;
        }
        suggested = dialog->selectedFiles().value(0);
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept() is protected
    });
    action->trigger(); // returns when the dialog has been answered; the files are written on a pool thread
    return suggested;
}

void TestMainWindow::exportsFromTheFileMenu()
{
    // File > Export writes the run the Results page shows: every chart (PNG and SVG), the summary table (CSV), the
    // HTML report; named after the run and date, off the GUI thread (exportFinished).
    RunConfig base;
    base.sleepInterval = 0;
    auto h = makeWindow(base, projectPath());
    auto* exportMenu = h->child<QMenu>("exportMenu");
    QVERIFY(exportMenu);
    auto* charts = h->child<QAction>("exportChartsAction");
    auto* summaryCsv = h->child<QAction>("exportSummaryCsvAction");
    auto* html = h->child<QAction>("exportHtmlAction");
    QVERIFY(charts && summaryCsv && html);
    QVERIFY(!charts->isEnabled()); // nothing shown yet
    QVERIFY(!html->isEnabled());

    auto* results = h->child<ResultsPage>("resultsPage");
    QSignalSpy loaded(results, &ResultsPage::runLoaded);
    auto* table = h->child<QTreeView>("runsTable");
    const QRect cell = table->visualRect(table->model()->index(0, RunListModel::Name));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(loaded.wait(20000));
    QVERIFY(charts->isEnabled());
    QVERIFY(summaryCsv->isEnabled());
    QVERIFY(html->isEnabled());
    const QString stem = results->defaultExportName();
    QVERIFY2(QRegularExpression(QStringLiteral("_\\d{8}-\\d{4}$")).match(stem).hasMatch(), qPrintable(stem));

    QSignalSpy done(results, &ResultsPage::exportFinished);
    const QString folder = m_dir.filePath(QStringLiteral("export"));
    QVERIFY(QDir().mkpath(folder));
    exportThrough(charts, folder);
    QVERIFY(done.wait(20000));
    QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    QVERIFY(!results->charts().isEmpty());
    for (QWidget* chart : results->charts()) {
        const QString path = QDir(folder).filePath(stem + u'_' + chart->objectName());
        QImage image;
        QVERIFY2(image.load(path + QStringLiteral(".png")), qPrintable(path));
        QCOMPARE(image.size(), QSize(800, 500));
        QFile svg(path + QStringLiteral(".svg"));
        QVERIFY2(svg.open(QIODevice::ReadOnly), qPrintable(svg.fileName()));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("</svg>"));
    }

    const QString csvPath = QDir(folder).filePath(QStringLiteral("summary.csv"));
    const QString suggestedCsv = exportThrough(summaryCsv, csvPath);
    QVERIFY2(QFileInfo(suggestedCsv).fileName().startsWith(stem), qPrintable(suggestedCsv));
    QVERIFY(done.wait(20000));
    QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QList<QStringList> rows;
    QString error;
    QVERIFY2(Csv::parse(csvFile.readAll(), &rows, &error), qPrintable(error));
    SummaryTableModel* summary = h->summary();
    QCOMPARE(rows.size(), summary->rowCount() + 1);
    QCOMPARE(rows.first().first(), summary->headerData(0, Qt::Horizontal).toString());
    QCOMPARE(rows.at(2).at(SummaryTableModel::Success), QStringLiteral("8"));

    const QString htmlPath = QDir(folder).filePath(QStringLiteral("report.html"));
    const QString suggestedHtml = exportThrough(html, htmlPath);
    QCOMPARE(QFileInfo(suggestedHtml).fileName(), stem + QStringLiteral(".html"));
    QVERIFY(done.wait(20000));
    QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    QFile report(htmlPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(report.readAll());
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>"), Qt::CaseInsensitive));
    QVERIFY(page.contains(QStringLiteral("<svg")));
}

void TestMainWindow::readOnlyProjectIsForBrowsing()
{
    // A project file marked read-only opens for browsing (no "damaged" error): its runs are listed and shown, and
    // nothing that would write to it is offered (Run, Import, Rename, Tags, Note, Re-run, Delete), as the status bar
    // says.
    const QString path = m_dir.filePath(QStringLiteral("readonly.tlproj"));
    QVERIFY(QFile::copy(projectPath(), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther));
    RunConfig base;
    base.sleepInterval = 0;
    auto h = makeWindow(base, path);
    // (The form's own checks may be shown, as in any new window; not an error about the project.)
    const QString errors = h->errorLabel()->isHidden() ? QString() : h->errorLabel()->text();
    QVERIFY2(!errors.contains(QStringLiteral("project")) && !errors.contains(QStringLiteral("damaged")),
        qPrintable(errors));
    const QString message = h->window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("read-only")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("damaged")));
    QVERIFY(!h->child<QAction>("runAction")->isEnabled());
    QVERIFY(!h->child<QPushButton>("runButton")->isEnabled());
    QVERIFY(!h->child<QAction>("importEvalScopeAction")->isEnabled());

    RunListModel* runs = h->runs();
    QCOMPARE(runs->rowCount(), 1);
    const QString runId = runs->runs().first().run.id;
    auto* browser = h->child<RunsBrowserPage>("runsBrowserPage");
    QMenu* menu = browser->contextMenuFor(runId);
    for (const char* name : {"renameRunAction", "tagRunAction", "noteRunAction", "rerunAction", "deleteRunAction"}) {
        auto* action = menu->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && !action->isEnabled(), name);
    }
    QVERIFY(menu->findChild<QAction*>(QStringLiteral("openRunAction"))->isEnabled());

    // Browsing works: the run opens on the Results page, its editing buttons off, its exports on.
    auto* results = h->child<ResultsPage>("resultsPage");
    QSignalSpy loaded(results, &ResultsPage::runLoaded);
    auto* table = h->child<QTreeView>("runsTable");
    const QRect cell = table->visualRect(table->model()->index(0, RunListModel::Name));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(h->summary()->rowCount(), 2);
    QVERIFY(!h->child<QPushButton>("renameButton")->isEnabled());
    QVERIFY(!h->child<QPushButton>("rerunButton")->isEnabled());
    QVERIFY(h->child<QPushButton>("copyCommandButton")->isEnabled());
    QVERIFY(h->child<QAction>("exportHtmlAction")->isEnabled());
    h.reset();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestMainWindow::badInputStartsNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("parallel");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("extraArgs");
    const QString url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    const QString extra = QStringLiteral(R"({"ignore_eos": true})");
    // clang-format off
    QTest::newRow("parallel not numbers") << "--parallel" << url << "m" << "1 x" << "4 8" << extra;
    QTest::newRow("number not numbers") << "--number" << url << "m" << "1 2" << "4 eight" << extra;
    QTest::newRow("parallel zero") << "--parallel" << url << "m" << "0 2" << "4 8" << extra;
    QTest::newRow("counts differ") << "--number" << url << "m" << "1 2" << "4" << extra;
    QTest::newRow("no model") << "--model" << url << "" << "1" << "4" << extra;
    QTest::newRow("not a url") << "--url" << "localhost:8000" << "m" << "1" << "4" << extra;
    QTest::newRow("extra args not json") << "--extra-args" << url << "m" << "1" << "4" << "{ignore_eos";
    // clang-format on
}

void TestMainWindow::badInputStartsNothing()
{
    QFETCH(QString, field);
    RunConfig base;
    base.sleepInterval = 0;
    auto h = makeWindow(base, QString());
    Form form;
    QFETCH(QString, url);
    QFETCH(QString, model);
    QFETCH(QString, parallel);
    QFETCH(QString, number);
    QFETCH(QString, extraArgs);
    form.url = url;
    form.model = model;
    form.parallel = parallel;
    form.number = number;
    form.extraArgs = extraArgs;
    fillForm(*h, form);
    QSignalSpy started(h->window->controller(), &RunController::runStarted);

    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);

    QLabel* errors = h->errorLabel();
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(field + QStringLiteral(": ")), qPrintable(errors->text()));
    QCOMPARE(started.count(), 0);
    QCOMPARE(h->window->controller()->state(), RunState::Idle);
    QCOMPARE(h->child<QTabWidget>("pages")->currentWidget()->objectName(), QStringLiteral("runSetupPage"));

    // Fixing the form and running again clears the errors.
    Form good;
    good.url = m_sim->baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    good.parallel = QStringLiteral("1");
    good.number = QStringLiteral("2");
    fillForm(*h, good);
    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QVERIFY(errors->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(!h->window->controller()->isRunning(), kRunTimeoutMs);
    QTRY_COMPARE(h->summary()->rowCount(), 1); // filled a few ms after the run's end
}

void TestMainWindow::unreachableServerShowsUrlError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    RunConfig base;
    base.sleepInterval = 0;
    const QString path = m_dir.filePath(QStringLiteral("unreachable.tlproj"));
    auto h = makeWindow(base, path);
    Form form;
    form.url = QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port);
    fillForm(*h, form);
    // One attempt: the next try (as for a server still starting) would come after --total-timeout.
    h->window->controller()->setConnectionTestRetryIntervalMs(std::numeric_limits<int>::max());
    QSignalSpy finished(h->window->controller(), &RunController::runFinished);

    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(h->window->controller()->state(), RunState::Failed);
    QLabel* errors = h->errorLabel();
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(QStringLiteral("--url: ")), qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(QString::number(port)), qPrintable(errors->text()));
    QCOMPARE(h->child<QTabWidget>("pages")->currentWidget()->objectName(), QStringLiteral("runSetupPage"));
    QVERIFY(h->child<QPushButton>("runButton")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(h->runs()->rowCount(), 1, 5000);
    QCOMPARE(h->runs()->runs().first().run.status, QStringLiteral("failed"));
}

void TestMainWindow::startsAnEmulatedServerFromTheMenu()
{
    RunConfig base;
    base.sleepInterval = 0;
    base.parallel = {2};
    base.number = {3};
    base.maxTokens = 2;
    auto h = makeWindow(base, QString());
    auto* action = h->child<QAction>("startEmulatedServerAction");
    QVERIFY(action);
    action->trigger();
    auto* url = h->child<QLineEdit>("urlEdit");
    QVERIFY(url);
    QVERIFY2(url->text().startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url->text()));
    const QString first = url->text();
    action->trigger(); // a second press reuses the running server
    QCOMPARE(url->text(), first);
    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);
    SummaryTableModel* summary = h->summary();
    QTRY_VERIFY_WITH_TIMEOUT(summary->rowCount() == 1 && !h->window->controller()->isRunning(), kRunTimeoutMs);
    QCOMPARE(summaryValue(summary, 0, SummaryTableModel::Success), 3.0);
}

void TestMainWindow::liveChartDecimatesLongSeries()
{
    // An hour at 4 Hz plus change: the chart draws at most two points per pixel column, however long the point.
    LiveChartView chart;
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVector<LivePoint> series(20000);
    for (qsizetype i = 0; i < series.size(); ++i) {
        series[i].tS = double(i) * 0.25;
        series[i].outputTokPerS = i == 12345 ? 5000.0 : 100.0 + double(i % 7);
        series[i].ttftMs = i % 2 ? std::nan("") : 50.0;
    }
    chart.showSeries(series);
    QVERIFY(chart.throughputPointCount() >= 100);
    QVERIFY(chart.throughputPointCount() <= 2 * chart.width());
    QVERIFY(chart.ttftPointCount() >= 100);
    QVERIFY(chart.ttftPointCount() <= 2 * chart.width());
    chart.showSeries(series.mid(0, 10));
    QCOMPARE(chart.throughputPointCount(), 10);
    QCOMPARE(chart.ttftPointCount(), 5);
    chart.clear();
    QCOMPARE(chart.throughputPointCount(), 0);
}

void TestMainWindow::screenshots()
{
    // Not a check: renders the demo at four moments for the README when THROUGHLINE_SCREENSHOT_DIR is set.
    const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set THROUGHLINE_SCREENSHOT_DIR to write the README screenshots");
    QVERIFY(QDir().mkpath(dir));
    // THROUGHLINE_SCREENSHOT_LANG=zh_CN: the same shots in that language (NAME-zh_CN.png), from the catalogue the
    // application embeds.
    const QString language = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_LANG");
    const QString suffix = language.isEmpty() ? QString() : u'-' + language;
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY2(translator.load(QStringLiteral(":/i18n/throughline_") + language), qPrintable(language));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(language));
    }
    const auto shot = [&](const char* name) -> QString { return dir + u'/' + QLatin1String(name) + suffix + QStringLiteral(".png"); };
    SimServer sim(Demo::simConfig());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("demo.tlproj"));
    auto h = makeWindow(Demo::runConfig(sim.baseUrl(), path), path);
    h->window->setDemoTarget(sim.baseUrl(), sim.config());
    h->window->resize(1400, 900);
    QCoreApplication::sendPostedEvents(); // the pending layout requests of the resize
    QVERIFY(h->window->grab().save(shot("01-ready")));

    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);
    // The live page as the run starts, before any data: empty charts with their axes in place.
    QCoreApplication::sendPostedEvents();
    QVERIFY(h->window->grab().save(shot("08-live-start")));
    RunController* controller = h->window->controller();
    QTRY_VERIFY_WITH_TIMEOUT(
        controller->snapshot()->pointIndex == 2 && controller->snapshot()->completed >= 110, kRunTimeoutMs);
    QVERIFY(h->window->grab().save(shot("02-live")));

    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), kRunTimeoutMs);
    // The results tab comes up in a later turn of the event loop, filled once the run is read from the project.
    QTRY_COMPARE(h->child<QTabWidget>("pages")->currentWidget()->objectName(), QStringLiteral("resultsPage"));
    QTRY_COMPARE_WITH_TIMEOUT(h->summary()->rowCount(), 3, 5000);
    // Every step of the page filled (the percentiles come after the summary), then the shot.
    QTRY_VERIFY_WITH_TIMEOUT(!h->window->findChild<ResultsPage*>()->isLoading(), 5000);
    QCoreApplication::sendPostedEvents();
    QVERIFY(h->window->grab().save(shot("03-results")));

    h->child<QTabWidget>("pages")->setCurrentIndex(0);
    type(h->child<QLineEdit>("parallelEdit"), QStringLiteral("1 x 16"));
    QTest::mouseClick(h->child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(h->errorLabel()->isVisible());
    QVERIFY(h->window->grab().save(shot("04-error")));
    if (!language.isEmpty()) {
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
