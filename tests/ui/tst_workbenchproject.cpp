// The workbench's project side, driven through the window as a user does: the explorer's context menu on runs made
// against the in-process emulated server (rename, tags, notes, re-run, duplicate, delete with confirmation), the
// import of other tools' results off the GUI thread, Save a Copy, Test Connection, and what AppSettings remembers
// between launches (recent projects, last project, window layout).

#include "apikeystore.h"
#include "appsettings.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "engine/runcontroller.h"
#include "importjob.h"
#include "mainwindow.h"
#include "modalhelper.h"
#include "models/runlistmodel.h"
#include "pages/runsbrowserpage.h"
#include "pages/runsetuppage.h"
#include "projectsession.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"
#include "storage/runjson.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tl;

namespace {

constexpr int kRunTimeoutMs = 60000;

void type(QLineEdit* edit, const QString& text)
{
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void answerText(const QString& text)
{
    answerNextModal([text](QWidget* modal) {
        auto* dialog = qobject_cast<QInputDialog*>(modal);
        QVERIFY(dialog);
        dialog->setTextValue(text);
        dialog->accept();
    });
}

void answerMessage(QMessageBox::StandardButton button)
{
    answerNextModal([button](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("cannot be undone")), qPrintable(box->text()));
        box->button(button)->click();
    });
}

} // namespace

class TestWorkbenchProject final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explorerEditsStoredRuns();
    void importsOtherToolsResults_data();
    void importsOtherToolsResults();
    void importsAnExportedRun();
    void savesACompleteCopy();
    void fullProjectFileStopsTheRun();
    void readOnlyProjectRefusesTheRun();
    void testsTheConnection();
    void remembersProjectsAndLayout();
    void apiKeyGoesToTheKeychainOrNowhere();
    void settingsDialogWritesTheSettings();
    void shortcutsListTheActionsKeys();

private:
    std::unique_ptr<MainWindow> makeWindow(const QString& project, AppSettings* settings = nullptr);
    void aimAtSim(MainWindow* window, const QString& parallel, const QString& number);
    void runAndWait(MainWindow* window);
    QAction* menuAction(MainWindow* window, const QString& runId, const char* name);

    std::unique_ptr<SimServer> m_sim;
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestWorkbenchProject::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SimConfig sim;
    sim.ttftMs = 5;
    sim.itlMs = 2;
    sim.threads = 2;
    m_sim = std::make_unique<SimServer>(sim);
    QString error;
    QVERIFY2(m_sim->start(&error), qPrintable(error));
}

std::unique_ptr<MainWindow> TestWorkbenchProject::makeWindow(const QString& project, AppSettings* settings)
{
    RunConfig base;
    base.sleepInterval = 0;
    base.maxTokens = 4;
    auto window = std::make_unique<MainWindow>(base, project, settings);
    m_testers.clear();
    for (const char* name : {"runListModel", "runListProxy"}) {
        auto* model = window->findChild<QAbstractItemModel*>(QString::fromLatin1(name));
        m_testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void TestWorkbenchProject::aimAtSim(MainWindow* window, const QString& parallel, const QString& number)
{
    type(window->findChild<QLineEdit*>(QStringLiteral("urlEdit")),
        m_sim->baseUrl().toString() + QStringLiteral("/v1/chat/completions"));
    type(window->findChild<QLineEdit*>(QStringLiteral("modelEdit")), QStringLiteral("m"));
    type(window->findChild<QLineEdit*>(QStringLiteral("parallelEdit")), parallel);
    type(window->findChild<QLineEdit*>(QStringLiteral("numberEdit")), number);
}

void TestWorkbenchProject::runAndWait(MainWindow* window)
{
    QSignalSpy finished(window->controller(), &RunController::runFinished);
    window->findChild<QAction*>(QStringLiteral("runAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QCOMPARE(window->controller()->state(), RunState::Finished);
    // The project list is refreshed once the writer has stored the run (the GUI thread does not wait for it).
    auto* model = window->findChild<RunListModel*>(QStringLiteral("runListModel"));
    const QString id = window->controller()->runId();
    const auto listed = [model, id] {
        for (const auto& entry : model->runs()) {
            if (entry.run.id == id)
                return entry.run.status != QStringLiteral("running");
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 5000);
}

QAction* TestWorkbenchProject::menuAction(MainWindow* window, const QString& runId, const char* name)
{
    auto* page = window->findChild<RunsBrowserPage*>(QStringLiteral("runsBrowserPage"));
    return page->contextMenuFor(runId)->findChild<QAction*>(QString::fromLatin1(name));
}

void TestWorkbenchProject::explorerEditsStoredRuns()
{
    const QString project = m_dir.filePath(QStringLiteral("explorer.tlproj"));
    auto window = makeWindow(project);
    aimAtSim(window.get(), QStringLiteral("1 2"), QStringLiteral("3 4"));
    runAndWait(window.get());
    auto* model = window->findChild<RunListModel*>(QStringLiteral("runListModel"));
    QTRY_COMPARE_WITH_TIMEOUT(model->runs().size(), 1, 5000);
    const QString id = model->runs().first().run.id;
    QCOMPARE(model->indexOf(id, RunListModel::Load).data().toString(), QStringLiteral("parallel 1, 2"));
    QCOMPARE(model->indexOf(id, RunListModel::Requests).data().toString(), QStringLiteral("7"));
    QCOMPARE(model->indexOf(id, RunListModel::Failures).data().toString(), QStringLiteral("0"));

    answerText(QStringLiteral("renamed run"));
    menuAction(window.get(), id, "renameRunAction")->trigger();
    QCOMPARE(model->run(id)->name, QStringLiteral("renamed run"));

    answerText(QStringLiteral("h100, nightly, h100"));
    menuAction(window.get(), id, "tagRunAction")->trigger();
    QCOMPARE(model->run(id)->tags, (QStringList{QStringLiteral("h100"), QStringLiteral("nightly")}));

    answerText(QStringLiteral("driver 550"));
    menuAction(window.get(), id, "noteRunAction")->trigger();
    QCOMPARE(model->run(id)->notes, QStringLiteral("driver 550"));

    // The filter finds it by tag; the stored file has every edit (a reader of its own sees them).
    auto* page = window->findChild<RunsBrowserPage*>(QStringLiteral("runsBrowserPage"));
    page->setFilterText(QStringLiteral("NIGHTLY"));
    QCOMPARE(page->proxy()->rowCount(), 1);
    page->setFilterText(QStringLiteral("no such run"));
    QCOMPARE(page->proxy()->rowCount(), 0);
    page->setFilterText(QString());
    {
        ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(project, &error), qPrintable(error));
        const RunData stored = reader.runs().first();
        QCOMPARE(stored.name, QStringLiteral("renamed run"));
        QCOMPARE(stored.notes, QStringLiteral("driver 550"));
        QCOMPARE(stored.tags.size(), 2);
    }

    // Duplicate fills the form from the stored configuration; re-run starts it.
    type(window->findChild<QLineEdit*>(QStringLiteral("parallelEdit")), QStringLiteral("8"));
    menuAction(window.get(), id, "duplicateRunAction")->trigger();
    QCOMPARE(window->findChild<QLineEdit*>(QStringLiteral("parallelEdit"))->text(), QStringLiteral("1 2"));
    QVERIFY(!window->controller()->isRunning());
    QSignalSpy finished(window->controller(), &RunController::runFinished);
    menuAction(window.get(), id, "rerunAction")->trigger();
    QVERIFY(window->controller()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->runs().size(), 2, 5000);
    const QString second = window->controller()->runId();
    QTRY_COMPARE_WITH_TIMEOUT(model->run(second)->status, QStringLiteral("completed"), 5000); // once stored
    QCOMPARE(model->run(second)->pointCount, 2);
    QCOMPARE(model->run(second)->requestCount, 7);

    // Delete asks first; Cancel keeps the run, Yes removes it from the file at once.
    answerMessage(QMessageBox::Cancel);
    menuAction(window.get(), second, "deleteRunAction")->trigger();
    QCOMPARE(model->runs().size(), 2);
    answerMessage(QMessageBox::Yes);
    menuAction(window.get(), second, "deleteRunAction")->trigger();
    QCOMPARE(model->runs().size(), 1);
    QVERIFY(!model->run(second));
    ProjectReader reader;
    QString error;
    QVERIFY(reader.open(project, &error));
    QCOMPARE(reader.runs().size(), 1);
}

void TestWorkbenchProject::importsOtherToolsResults_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("source");
    QTest::newRow("evalscope folder") << QFINDTESTDATA("data/import/evalscope-docs-example")
                                      << int(RunImporter::Format::EvalScope) << QStringLiteral("evalscope");
    QTest::newRow("vllm json") << QFINDTESTDATA("data/import/vllm-docs-example.json") << int(RunImporter::Format::Vllm)
                               << QStringLiteral("vllm");
}

void TestWorkbenchProject::importsOtherToolsResults()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    QFETCH(QString, source);
    QVERIFY(!path.isEmpty());
    auto window = makeWindow(m_dir.filePath(QStringLiteral("import-%1.tlproj").arg(source)));
    auto* model = window->findChild<RunListModel*>(QStringLiteral("runListModel"));
    QSignalSpy done(window->importJob(), &ImportJob::finished);
    QVERIFY(window->importRun(path, RunImporter::Format(format)));
    QVERIFY(window->findChild<QProgressBar*>(QStringLiteral("busyBar"))->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    QCOMPARE(model->runs().size(), 1);
    QCOMPARE(model->runs().first().run.source, source);
    QVERIFY(model->runs().first().run.pointCount > 0);
    QVERIFY(!window->findChild<QProgressBar*>(QStringLiteral("busyBar"))->isVisible());
}

void TestWorkbenchProject::importsAnExportedRun()
{
    // A run measured here, exported as Throughline's run JSON, comes back into another project whole.
    const QString source = m_dir.filePath(QStringLiteral("export-source.tlproj"));
    QString exported;
    {
        auto window = makeWindow(source);
        aimAtSim(window.get(), QStringLiteral("1 2"), QStringLiteral("3 4"));
        runAndWait(window.get());
        ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(source, &error), qPrintable(error));
        const std::optional<RunData> run = reader.loadRun(window->controller()->runId());
        QVERIFY(run);
        exported = m_dir.filePath(QStringLiteral("run.json"));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(RunJson::toJson(*run));
    }
    auto window = makeWindow(m_dir.filePath(QStringLiteral("import-json.tlproj")));
    auto* model = window->findChild<RunListModel*>(QStringLiteral("runListModel"));
    QSignalSpy done(window->importJob(), &ImportJob::finished);
    QVERIFY(window->importRun(exported, RunImporter::Format::RunJson));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    QCOMPARE(model->runs().size(), 1);
    const RunData imported = model->runs().first().run;
    QCOMPARE(imported.source, QStringLiteral("throughline-json"));
    QCOMPARE(imported.pointCount, 2);
    QCOMPARE(imported.requestCount, 7);
    QCOMPARE(model->indexOf(imported.id, RunListModel::Load).data().toString(), QStringLiteral("parallel 1, 2"));
}

void TestWorkbenchProject::savesACompleteCopy()
{
    const QString project = m_dir.filePath(QStringLiteral("original.tlproj"));
    auto window = makeWindow(project);
    aimAtSim(window.get(), QStringLiteral("2"), QStringLiteral("5"));
    runAndWait(window.get());
    ProjectSession session;
    QString error;
    QVERIFY2(session.open(project, &error), qPrintable(error));
    const QString copy = m_dir.filePath(QStringLiteral("copy.tlproj"));
    QVERIFY2(session.saveCopy(copy, &error), qPrintable(error));
    session.close();
    ProjectReader reader;
    QVERIFY2(reader.open(copy, &error), qPrintable(error));
    QCOMPARE(reader.runs().size(), 1);
    QCOMPARE(reader.runs().first().requestCount, 5);
    QCOMPARE(reader.requests(reader.runs().first().id, 0).size(), 5);
}

// A project file that cannot store what a GUI run measures (a full disk, simulated with max_page_count) stops the
// run as the CLI's: failed, naming --project and the count stored, and the stored run says failed with that count.
void TestWorkbenchProject::fullProjectFileStopsTheRun()
{
    const QString project = m_dir.filePath(QStringLiteral("full.tlproj"));
    auto window = makeWindow(project);
    QVERIFY(window->projectStore());
    window->projectStore()->limitGrowth(30);
    aimAtSim(window.get(), QStringLiteral("16"), QStringLiteral("20000"));
    QSignalSpy finished(window->controller(), &RunController::runFinished);
    window->findChild<QAction*>(QStringLiteral("runAction"))->trigger();
    QVERIFY(window->controller()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QCOMPARE(window->controller()->state(), RunState::Failed);
    QVERIFY(!window->controller()->results().isEmpty());
    QVERIFY(window->controller()->results().first().summary.totalRequests < 20000); // stopped, not run to the end

    auto* errors = window->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(errors->isVisible());
    static const QRegularExpression count(
        QStringLiteral("^--project: .*; (\\d+) requests of this run are stored"), QRegularExpression::MultilineOption);
    const auto m = count.match(errors->text());
    QVERIFY2(m.hasMatch(), qPrintable(errors->text()));

    auto* model = window->findChild<RunListModel*>(QStringLiteral("runListModel"));
    const QString id = window->controller()->runId();
    QTRY_VERIFY_WITH_TIMEOUT(model->run(id) && model->run(id)->status == QStringLiteral("failed"), 5000);
    QCOMPARE(qint64(model->run(id)->requestCount), m.captured(1).toLongLong());
}

// A project open for browsing only (a file marked read-only) cannot keep a run: Run refuses, as the CLI refuses such
// a --project, with one line naming the project and the way out (a writable copy), instead of running unsaved.
void TestWorkbenchProject::readOnlyProjectRefusesTheRun()
{
    const QString project = m_dir.filePath(QStringLiteral("readonly.tlproj"));
    {
        QString error;
        auto store = ProjectStore::open(project, &error);
        QVERIFY2(store, qPrintable(error));
    }
    QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    auto window = makeWindow(project);
    QVERIFY(!window->projectStore());
    aimAtSim(window.get(), QStringLiteral("1"), QStringLiteral("1"));
    QSignalSpy started(window->controller(), &RunController::runStarted);
    auto* run = window->findChild<QAction*>(QStringLiteral("runAction"));
    QVERIFY(!run->isEnabled()); // the workbench offers no Run on a read-only project
    run->trigger();
    QCOMPARE(started.count(), 0);
    // and a start that comes another way (a form's run request) is refused with the reason
    auto* setup = window->findChild<RunSetupPage*>();
    QVERIFY(setup);
    emit setup->runRequested();
    QVERIFY(!window->controller()->isRunning());
    QCOMPARE(started.count(), 0);
    auto* errors = window->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(QStringLiteral("--project: this run could not be saved")), qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(QStringLiteral("read-only")), qPrintable(errors->text()));
    QVERIFY2(errors->text().contains(QStringLiteral("Save a Copy As")), qPrintable(errors->text()));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
}

void TestWorkbenchProject::testsTheConnection()
{
    auto window = makeWindow(QString());
    aimAtSim(window.get(), QStringLiteral("1"), QStringLiteral("1"));
    auto* label = window->findChild<QLabel*>(QStringLiteral("targetStatusLabel"));
    auto* busy = window->findChild<QProgressBar*>(QStringLiteral("busyBar"));
    auto* test = window->findChild<QAction*>(QStringLiteral("testConnectionAction"));
    test->trigger();
    QVERIFY(busy->isVisible());
    QCOMPARE(busy->maximum(), 0); // indeterminate while it runs
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("reachable (")), 10000);
    QVERIFY(!busy->isVisible());
    QVERIFY(!window->controller()->isRunning()); // a test is not a run

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    type(window->findChild<QLineEdit*>(QStringLiteral("urlEdit")),
        QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port));
    test->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Target: unreachable"), 10000);
    QVERIFY(window->findChild<QLabel*>(QStringLiteral("errorLabel"))->text().contains(QString::number(port)));
}

// The key a run starts with is kept in the desktop keychain when the build has one, else nowhere: never in the
// settings file or the project, and the key field's tooltip says which. (Without a keychain service, as on CI, the
// keychain's refusal is a status line, and the run is not held up.)
void TestWorkbenchProject::apiKeyGoesToTheKeychainOrNowhere()
{
    const QString ini = m_dir.filePath(QStringLiteral("keys.ini"));
    const QString project = m_dir.filePath(QStringLiteral("keys.tlproj"));
    const QString key = QStringLiteral("sk-keychain-test-4711");
    {
        AppSettings settings(std::make_unique<QSettings>(ini, QSettings::IniFormat));
        auto window = makeWindow(project, &settings);
        auto* edit = window->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"));
        QVERIFY(edit);
        const QString expected
            = ApiKeyStore::available() ? QStringLiteral("desktop keychain") : QStringLiteral("the key is never stored");
        QVERIFY2(edit->toolTip().contains(expected), qPrintable(edit->toolTip()));
        aimAtSim(window.get(), QStringLiteral("1"), QStringLiteral("1"));
        type(edit, key);
        runAndWait(window.get());
        QVERIFY(window->close());
    }
    QFile settingsFile(ini);
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains(key.toUtf8()));
    QFile projectFile(project);
    QVERIFY(projectFile.open(QIODevice::ReadOnly));
    QVERIFY(!projectFile.readAll().contains(key.toUtf8()));
    // A window without settings (a test, a demo) neither reads nor writes the keychain.
    auto bare = makeWindow(QString());
    QVERIFY(bare->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->text().isEmpty());
}

void TestWorkbenchProject::remembersProjectsAndLayout()
{
    const QString ini = m_dir.filePath(QStringLiteral("settings.ini"));
    const QString a = m_dir.filePath(QStringLiteral("a.tlproj"));
    const QString b = m_dir.filePath(QStringLiteral("b.tlproj"));
    {
        AppSettings settings(std::make_unique<QSettings>(ini, QSettings::IniFormat));
        auto window = makeWindow(a, &settings);
        QVERIFY(window->openProject(b));
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("runsDock"));
        window->addDockWidget(Qt::RightDockWidgetArea, dock);
        QCOMPARE(settings.recentProjects(), (QStringList{b, a}));
        QCOMPARE(settings.lastProject(), b);
        auto* setup = window->findChild<RunSetupPage*>();
        QVERIFY(setup);
        RunConfig form = setup->config();
        form.model = QStringLiteral("remembered-model");
        form.parallel = {3};
        form.number = {30};
        form.apiKey = QStringLiteral("sk-not-kept");
        setup->setConfig(form);
        QVERIFY(window->close());
    }
    AppSettings settings(std::make_unique<QSettings>(ini, QSettings::IniFormat));
    QCOMPARE(settings.recentProjects(), (QStringList{b, a}));
    // The form as it was left, for main() to fill in at the next start; never the API key.
    ConfigErrors formErrors;
    const RunConfig lastForm = RunConfig::fromJson(settings.lastForm(), &formErrors);
    QCOMPARE(lastForm.model, QStringLiteral("remembered-model"));
    QCOMPARE(lastForm.parallel, QList<int>{3});
    QCOMPARE(lastForm.number, QList<int>{30});
    QVERIFY(!settings.lastForm().contains("sk-not-kept"));
    auto window = makeWindow(QString(), &settings);
    auto* dock = window->findChild<QDockWidget*>(QStringLiteral("runsDock"));
    QCOMPARE(window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
    auto* recent = window->findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    QList<QAction*> entries;
    for (QAction* action : recent->actions()) {
        if (action->toolTip() == a || action->toolTip() == b)
            entries.append(action);
    }
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first()->toolTip(), b);
    entries.last()->trigger(); // opens a.tlproj
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("a.tlproj")));
    QCOMPARE(settings.recentProjects(), (QStringList{a, b}));
    window->findChild<QAction*>(QStringLiteral("clearRecentAction"))->trigger();
    QVERIFY(settings.recentProjects().isEmpty());
}

void TestWorkbenchProject::settingsDialogWritesTheSettings()
{
    const QString ini = m_dir.filePath(QStringLiteral("dialog.ini"));
    AppSettings settings(std::make_unique<QSettings>(ini, QSettings::IniFormat));
    QCOMPARE(settings.language(), QString()); // follows the system until chosen
    {
        SettingsDialog dialog(&settings);
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        type(dialog.findChild<QLineEdit*>(QStringLiteral("projectFolderEdit")), m_dir.path());
        type(dialog.findChild<QLineEdit*>(QStringLiteral("importFolderEdit")), QStringLiteral("/tmp"));
        dialog.accept();
    }
    AppSettings reread(std::make_unique<QSettings>(ini, QSettings::IniFormat));
    QCOMPARE(reread.language(), QStringLiteral("zh_CN"));
    QCOMPARE(reread.projectFolder(), m_dir.path());
    QCOMPARE(reread.importFolder(), QStringLiteral("/tmp"));
    {
        SettingsDialog dialog(&reread); // shows what is stored; Cancel changes nothing
        QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"))->currentData().toString(),
            QStringLiteral("zh_CN"));
        dialog.reject();
    }
    QCOMPARE(reread.language(), QStringLiteral("zh_CN"));
}

void TestWorkbenchProject::shortcutsListTheActionsKeys()
{
    auto window = makeWindow(QString());
    QList<QAction*> actions;
    for (const char* name :
        {"runAction", "stopAction", "testConnectionAction", "openProjectAction", "importVllmAction"})
        actions.append(window->findChild<QAction*>(QString::fromLatin1(name)));
    ShortcutsDialog dialog(actions);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("shortcutsTable"));
    QCOMPARE(table->rowCount(), 4); // the import action has no key
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Run"));
    QCOMPARE(table->item(0, 1)->text(), QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
}

QTEST_MAIN(TestWorkbenchProject)
#include "tst_workbenchproject.moc"
