#include "mainwindow.h"

#include "apikeystore.h"
#include "appsettings.h"
#include "connectionchecker.h"
#include "dialogs/projectfiledialogs.h"
#include "emulatedserverpresets.h"
#include "demo/demo.h"
#include "engine/runcontroller.h"
#include "mainactions.h"
#include "storage/projectstore.h"
#include "models/runlistmodel.h"
#include "pages/comparisonpage.h"
#include "pages/liverunpage.h"
#include "pages/resultspage.h"
#include "pages/runsbrowserpage.h"
#include "pages/runsetuppage.h"
#include "projectsession.h"
#include "runactions.h"
#include "sim/simserver.h"
#include "workbenchstatusbar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>

namespace tl {

namespace {

bool hasField(const ConfigErrors& errors, const QString& field)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&field](const ConfigError& e) { return e.field == field; });
}

} // namespace

MainWindow::MainWindow(
    const RunConfig& initialConfig, const QString& projectPath, AppSettings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_session(std::make_unique<ProjectSession>())
    , m_controller(std::make_unique<RunController>())
    , m_import(new ImportJob(this))
    , m_keys(new ApiKeyStore(settings != nullptr, this))
    , m_checker(new ConnectionChecker(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Throughline"));
    buildPages();
    buildActions();
    connectController();
    m_setup->setConfig(initialConfig);
    m_setup->setSettings(m_settings); // named presets
    m_setup->setProject(m_session.get()); // named presets live in the project when one is open
    m_setup->setApiKeyNote(m_keys->note());
    connect(m_keys, &ApiKeyStore::keyLoaded, m_setup, &RunSetupPage::offerApiKey);
    connect(m_keys, &ApiKeyStore::failed, this, [this](const QString& why) {
        m_status->showMessage(tr("The desktop keychain cannot keep the API key: %1").arg(why), 10000);
    });
    m_keys->load();
    resize(1280, 820);
    if (m_settings) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
        m_actions->setRecentProjects(m_settings->recentProjects());
    }
    if (!projectPath.isEmpty())
        openProject(projectPath);
    else
        refreshRuns();
    updateActions();
    updateStatus(RunState::Idle);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages()
{
    m_setup = new RunSetupPage(this);
    m_setup->setObjectName(QStringLiteral("runSetupPage"));
    m_live = new LiveRunPage(this);
    m_live->setObjectName(QStringLiteral("liveRunPage"));
    m_results = new ResultsPage(this);
    m_results->setObjectName(QStringLiteral("resultsPage"));
    m_results->setSettings(m_settings);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_setup, tr("Setup"));
    m_tabs->addTab(m_live, tr("Live"));
    m_tabs->addTab(m_results, tr("Results"));
    m_compare = new ComparisonPage(this);
    m_compare->setObjectName(QStringLiteral("comparisonPage"));
    m_tabs->addTab(m_compare, tr("Compare"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_results && m_resultsBehind)
            showRunningResults();
    });
    setCentralWidget(m_tabs);

    m_runs = new RunsBrowserPage(this);
    m_runs->setObjectName(QStringLiteral("runsBrowserPage"));
    m_runsDock = new QDockWidget(tr("Project"), this);
    m_runsDock->setObjectName(QStringLiteral("runsDock"));
    m_runsDock->setWidget(m_runs);
    m_runsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_runsDock);
    resizeDocks({m_runsDock}, {470}, Qt::Horizontal);

    m_runActions = new RunActions(m_session.get(), this, this);
    connect(m_setup, &RunSetupPage::runRequested, this, &MainWindow::startRun);
    connect(m_live, &LiveRunPage::stopRequested, this, &MainWindow::stopRun);
    connect(m_runs, &RunsBrowserPage::runSelected, this, &MainWindow::showStoredRun);
    connect(m_runs, &RunsBrowserPage::renameRequested, m_runActions, &RunActions::rename);
    connect(m_runs, &RunsBrowserPage::tagsRequested, m_runActions, &RunActions::editTags);
    connect(m_runs, &RunsBrowserPage::notesRequested, m_runActions, &RunActions::editNotes);
    connect(m_runs, &RunsBrowserPage::deleteRequested, m_runActions, &RunActions::remove);
    connect(m_runs, &RunsBrowserPage::compareRequested, this, [this](const QStringList& ids) {
        m_compare->compare(m_session->path(), ids);
        m_tabs->setCurrentWidget(m_compare);
    });
    connect(m_runs, &RunsBrowserPage::rerunRequested, this, [this](const QString& id) { reuseRunConfig(id, true); });
    connect(
        m_runs, &RunsBrowserPage::duplicateRequested, this, [this](const QString& id) { reuseRunConfig(id, false); });
    connect(m_runActions, &RunActions::runsChanged, this, &MainWindow::refreshRuns);
    connect(m_runActions, &RunActions::runsChanged, this, [this] {
        if (const RunData* run = m_runs->model()->run(m_results->runId()))
            m_results->updateRunInfo(*run);
    });
    connect(m_results, &ResultsPage::renameRequested, m_runActions, &RunActions::rename);
    connect(m_results, &ResultsPage::tagsRequested, m_runActions, &RunActions::editTags);
    connect(m_results, &ResultsPage::notesRequested, m_runActions, &RunActions::editNotes);
    connect(m_results, &ResultsPage::rerunRequested, this, [this](const QString& id) { reuseRunConfig(id, true); });
    connect(m_import, &ImportJob::finished, this, &MainWindow::onImportFinished);
    connect(m_checker, &ConnectionChecker::finished, this, &MainWindow::onConnectionTested);

    m_status = new WorkbenchStatusBar(this);
    setStatusBar(m_status);
}

void MainWindow::buildActions()
{
    m_actions = new MainActions(this, m_settings);
    MainActions* a = m_actions;
    a->buildMenus(this, {m_runsDock});
    connect(a->newProject, &QAction::triggered, this, &MainWindow::createProject);
    connect(a->openProject, &QAction::triggered, this, &MainWindow::chooseProject);
    connect(a->saveCopy, &QAction::triggered, this, &MainWindow::saveCopy);
    connect(a->importEvalScope, &QAction::triggered, this, [this] { chooseImport(RunImporter::Format::EvalScope); });
    connect(a->importVllm, &QAction::triggered, this, [this] { chooseImport(RunImporter::Format::Vllm); });
    connect(a->importRunJson, &QAction::triggered, this, [this] { chooseImport(RunImporter::Format::RunJson); });
    connect(a->exportCharts, &QAction::triggered, m_results, &ResultsPage::askExportAllCharts);
    connect(a->exportSummaryCsv, &QAction::triggered, m_results, &ResultsPage::askExportSummaryCsv);
    connect(a->exportRequestsCsv, &QAction::triggered, m_results, &ResultsPage::askExportRequestsCsv);
    connect(a->exportHtml, &QAction::triggered, m_results, &ResultsPage::askExportHtml);
    connect(a->exportEvalScope, &QAction::triggered, m_results, &ResultsPage::askExportEvalScope);
    // The exports are of the stored run the Results page shows, once it has been read.
    connect(a->exportMenu, &QMenu::aboutToShow, this, &MainWindow::updateExportActions);
    connect(m_results, &ResultsPage::runLoaded, this, &MainWindow::updateExportActions);
    connect(m_results, &ResultsPage::loadFailed, this, &MainWindow::updateExportActions);
    connect(a, &MainActions::recentProjectChosen, this, &MainWindow::openProject);
    connect(a->clearRecent, &QAction::triggered, this, [this] {
        if (m_settings)
            m_settings->clearRecentProjects();
        m_actions->setRecentProjects({});
    });
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->run, &QAction::triggered, this, &MainWindow::startRun);
    connect(a->stop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(a->testConnection, &QAction::triggered, this, &MainWindow::testConnection);
    connect(a->startServer, &QAction::triggered, this, [this] { startEmulatedServer(); });
    connect(a, &MainActions::serverPresetChosen, this, &MainWindow::startEmulatedServer);
}

void MainWindow::connectController()
{
    RunController* c = m_controller.get();
    connect(c, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(c, &RunController::snapshotAvailable, this, &MainWindow::onSnapshot);
    connect(c, &RunController::pointStarted, m_live, &LiveRunPage::startPoint);
    connect(c, &RunController::recordsArrived, m_live, &LiveRunPage::addRecords);
    connect(c, &RunController::pointFinished, this, &MainWindow::onPointFinished);
    connect(c, &RunController::runFinished, this, &MainWindow::onRunFinished);
    // A run waits for a server that is still starting (503, refused) as EvalScope does: say so, and that Stop ends it.
    connect(c, &RunController::connectionTestRetrying, this, [this](int attempt, const QString& why, int inMs) {
        m_status->showMessage(tr("The server is not ready (%1): connection test %2, next try in %3 s; Stop cancels "
                                 "the run")
                                  .arg(why)
                                  .arg(attempt)
                                  .arg(inMs / 1000.0),
            inMs + 1000);
    });
}

bool MainWindow::openProject(const QString& path)
{
    QString error;
    const bool ok = m_session->open(path, &error);
    if (!ok) {
        m_setup->showErrors(tr("The project could not be opened:"), {ConfigError{QStringLiteral("--project"), error}});
        m_tabs->setCurrentWidget(m_setup);
    } else if (!m_session->isWritable()) {
        m_status->showMessage(
            tr("Opened read-only for browsing: Run, Import, Rename and Delete are off (%1)").arg(m_session->writeError()));
    } else {
        m_status->showMessage(tr("Opened %1").arg(QFileInfo(path).absoluteFilePath()), 5000);
    }
    if (ok)
        rememberProject(path);
    const QString name = m_session->isOpen() ? QFileInfo(path).fileName() : QString();
    setWindowTitle(name.isEmpty() ? tr("Throughline") : tr("%1 — Throughline").arg(name));
    m_setup->projectChanged();
    refreshRuns();
    updateStatus(m_controller->state());
    return ok;
}

void MainWindow::rememberProject(const QString& path)
{
    if (!m_settings)
        return;
    m_settings->addRecentProject(path);
    m_settings->setLastProject(path);
    m_actions->setRecentProjects(m_settings->recentProjects());
}

void MainWindow::setDemoTarget(const QUrl& serverUrl, const SimConfig& sim)
{
    const QString url = serverUrl.toString();
    m_setup->setBanner(tr("<b>Demo.</b> The form is aimed at the built-in emulated model server at %1 (%2 ms to the "
                          "first token, %3 ms between tokens). Press <b>Run</b> to benchmark it.")
                           .arg(url.toHtmlEscaped())
                           .arg(sim.ttftMs)
                           .arg(sim.itlMs));
    setWindowTitle(tr("Throughline — demo against the emulated server at %1").arg(url));
}

void MainWindow::startEmulatedServer(const QString& preset)
{
    if (!m_sim || m_simPreset != preset) {
        if (m_controller->isRunning()) {
            QMessageBox::information(this, tr("Emulated server"), tr("Stop the run in progress first."));
            return;
        }
        SimConfig config;
        QString error;
        auto sim
            = EmulatedServerPresets::config(preset, &config, &error) ? std::make_unique<SimServer>(config) : nullptr;
        if (!sim || !sim->start(&error)) {
            QMessageBox::warning(this, tr("Emulated server"), tr("The emulated server could not start: %1").arg(error));
            return;
        }
        m_sim = std::move(sim);
        m_simPreset = preset;
    }
    RunConfig config = m_setup->config();
    config.url = m_sim->baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    config.model = m_sim->config().modelName;
    m_setup->setConfig(config);
    setDemoTarget(m_sim->baseUrl(), m_sim->config());
    m_status->showMessage(tr("Emulated server (%1) listening at %2").arg(preset, m_sim->baseUrl().toString()));
    m_tabs->setCurrentWidget(m_setup);
}

QString MainWindow::projectFolder() const
{
    if (m_session->isOpen())
        return QFileInfo(m_session->path()).path();
    return m_settings ? m_settings->projectFolder() : QString();
}

void MainWindow::createProject()
{
    const QString path = ProjectFileDialogs::newProject(this, projectFolder());
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseProject()
{
    const QString path = ProjectFileDialogs::openProject(this, projectFolder());
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveCopy()
{
    const QString path = m_session->isOpen() ? ProjectFileDialogs::copyProject(this, projectFolder()) : QString();
    if (path.isEmpty())
        return;
    QString error;
    if (m_session->saveCopy(path, &error))
        m_status->showMessage(tr("Saved a copy of the project to %1").arg(path), 8000);
    else
        QMessageBox::warning(this, tr("Save a Copy"), tr("The copy could not be written: %1").arg(error));
}

void MainWindow::chooseImport(RunImporter::Format format)
{
    const QString path
        = ProjectFileDialogs::importSource(this, m_settings ? m_settings->importFolder() : QString(), format);
    if (!path.isEmpty())
        importRun(path, format);
}

bool MainWindow::importRun(const QString& path, RunImporter::Format format)
{
    if (!m_session->isWritable()) {
        QMessageBox::information(this, tr("Import"),
            tr("Open or create a writable project first: imported runs are "
               "stored in it."));
        return false;
    }
    if (!m_import->start(path, format))
        return false;
    m_status->setBusy(true);
    m_status->showMessage(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    return true;
}

void MainWindow::onImportFinished(const ImportJob::Result& result)
{
    m_status->setBusy(m_checker->isRunning());
    QString error = result.error;
    const bool ok = result.run && m_session->addRun(*result.run, &error);
    if (!ok) {
        m_status->clearMessage();
        QMessageBox::warning(this, tr("Import"), tr("%1 could not be imported: %2").arg(result.path, error));
        return;
    }
    refreshRuns();
    m_runs->selectRun(result.run->id);
    showStoredRun(result.run->id);
    m_status->showMessage(tr("Imported %1").arg(result.path), 8000);
}

void MainWindow::testConnection()
{
    ConfigErrors errors;
    const RunConfig config = m_setup->config(&errors);
    if (errors.isEmpty())
        errors = m_checker->start(config);
    if (!errors.isEmpty()) {
        m_setup->showErrors(tr("The connection cannot be tested:"), errors);
        m_tabs->setCurrentWidget(m_setup);
        return;
    }
    m_status->setBusy(true);
    m_status->setTarget(WorkbenchStatusBar::Target::Testing);
}

void MainWindow::onConnectionTested(bool ok, double elapsedMs, const ConfigError& error)
{
    m_status->setBusy(m_import->isRunning());
    if (ok) {
        m_status->setTarget(WorkbenchStatusBar::Target::Reachable, elapsedMs);
        m_setup->clearErrors();
        m_status->showMessage(tr("The server answered the test request."), 8000);
    } else {
        m_status->setTarget(WorkbenchStatusBar::Target::Unreachable);
        m_setup->showErrors(tr("The connection test failed:"), {error});
        m_tabs->setCurrentWidget(m_setup);
    }
}

void MainWindow::reuseRunConfig(const QString& runId, bool start)
{
    const RunData* run = m_runs->model()->run(runId);
    if (!run || m_controller->isRunning())
        return;
    ConfigErrors errors;
    RunConfig config = RunConfig::fromJson(run->configJson, &errors);
    const RunConfig form = m_setup->config();
    if (config.apiKey.startsWith(QStringLiteral("***"))) // stored masked: keep the key the form has
        config.apiKey = form.apiKey;
    if (!start)
        config.name = tr("%1 (copy)").arg(run->name);
    m_setup->setConfig(config);
    m_tabs->setCurrentWidget(m_setup);
    if (start)
        startRun();
}

void MainWindow::startRun()
{
    if (m_controller->isRunning())
        return;
    ConfigErrors errors;
    RunConfig config = m_setup->config(&errors);
    config.project = m_session->isWritable() ? m_session->path() : QString();
    config.writeOutputs = false; // the GUI keeps everything in the project file
    // A project open for browsing only cannot keep the run: refused as the CLI refuses --project, with the way out.
    if (m_session->isOpen() && !m_session->isWritable() && !hasField(errors, QStringLiteral("--project"))) {
        errors.append(ConfigError{QStringLiteral("--project"),
            tr("this run could not be saved in the project (%1); use File > Save a Copy As… to make a writable "
               "copy, open it and run again")
                .arg(m_session->writeError())});
    }
    if (!errors.isEmpty()) {
        // Lists that are not numbers are reported by the form; the rest still goes through the core's rules.
        for (const ConfigError& e : config.validate()) {
            if (!hasField(errors, e.field))
                errors.append(e);
        }
    } else {
        m_runConfig = config;
        m_stopPresses = 0;
        if (ProjectStore* store = m_session->store()) // disconnected when the project closes (the store is deleted)
            connect(store, &ProjectStore::writeFailed, this, &MainWindow::onProjectWriteFailed, Qt::UniqueConnection);
        errors = m_controller->start(config, m_session->store());
        if (errors.isEmpty())
            m_keys->remember(config.apiKey);
    }
    updateActions(); // runStarted came before the controller counted as running
    if (!errors.isEmpty()) {
        m_setup->showErrors(tr("The run did not start:"), errors);
        m_tabs->setCurrentWidget(m_setup);
        m_status->showMessage(tr("The run did not start: fix the fields marked on the Setup page."), 8000);
    }
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    ++m_stopPresses;
    m_live->setStopStage(m_stopPresses);
    if (m_stopPresses == 1)
        m_status->showMessage(
            tr("Stopping: no new requests are sent; those in flight finish. Press Stop again to abort them."));
    else
        m_status->showMessage(tr("Aborting the requests in flight…"));
}

void MainWindow::onRunStarted(const QString& runId)
{
    Q_UNUSED(runId)
    m_setup->clearErrors();
    m_live->beginRun(
        tr("%1 at %2").arg(m_runConfig.model, m_runConfig.maskedUrl()), m_runConfig.runPoints());
    m_results->setResults(runTitle(tr("running")), {});
    m_tabs->setCurrentWidget(m_live);
    m_status->clearMessage();
}

void MainWindow::onSnapshot(const RunSnapshotPtr& snapshot)
{
    m_live->showSnapshot(*snapshot);
    updateStatus(snapshot->state);
}

void MainWindow::onPointFinished()
{
    // The results page follows the sweep point by point, but only while it is the page shown: filling its tables
    // and charts costs the GUI thread tens of milliseconds a point, and during a run the live page is the one shown.
    m_resultsBehind = true;
    if (m_tabs->currentWidget() == m_results)
        showRunningResults();
    // Lists the run (status "running") while it is in progress, once the writer has stored the point (waiting for
    // it here would block the GUI thread while a big point's requests are written).
    afterStored([this, runId = m_controller->runId()](const QString&) {
        refreshRuns();
        m_runs->selectRun(runId);
    });
}

void MainWindow::showRunningResults()
{
    m_resultsBehind = false;
    m_results->setResults(runTitle(tr("running")), m_controller->results());
}

void MainWindow::onRunFinished(RunState state, const ConfigError& error)
{
    m_resultsBehind = false;
    afterStored([this, runId = m_controller->runId()](const QString& storeError) {
        if (!storeError.isEmpty())
            m_status->showMessage(tr("The run could not be saved to the project: %1").arg(storeError));
        refreshRuns();
        m_runs->selectRun(runId);
    });
    const QString stateName = state == RunState::Finished ? tr("completed")
        : state == RunState::Stopped                      ? tr("stopped")
                                                          : tr("failed");
    m_live->finishRun(state);
    updateActions();
    updateStatus(state);
    if (state == RunState::Failed) {
        m_results->setResults(runTitle(stateName), m_controller->results());
        const ConfigError shown = error.message.isEmpty() ? ConfigError{QString(), tr("the run failed")} : error;
        m_setup->showErrors(tr("The run failed:"), {shown});
        m_tabs->setCurrentWidget(m_setup);
        if (shown.field == u"--url")
            m_status->setTarget(WorkbenchStatusBar::Target::Unreachable);
        return;
    }
    m_status->setTarget(WorkbenchStatusBar::Target::Reachable);
    // The results page is reset and shown in later passes of the event loop, kRunEndStepMs apart. At the run's end
    // the point's metrics, the live page's last snapshot and the project's answers arrive together; the results
    // page's reset (six charts laid out again) and its first show (about 12 ms each in Release) in that same pass
    // held the GUI thread for 40-65 ms (bench_guilag). A stored run is shown as the project holds it, read and
    // prepared off the GUI thread; filling the page from the controller's results first would only fill it twice.
    const QString runId = m_controller->runId();
    QTimer::singleShot(kRunEndStepMs, this, [this, runId, title = runTitle(stateName)] {
        if (m_controller->isRunning() || m_controller->runId() != runId)
            return; // another run began meanwhile
        if (m_session->isOpen() && !runId.isEmpty()) {
            m_results->setResults(title, {});
            m_results->showRun(m_session->path(), runId);
        } else {
            m_results->setResults(title, m_controller->results());
        }
        QTimer::singleShot(kRunEndStepMs, this, [this, runId] {
            if (!m_controller->isRunning() && m_controller->runId() == runId)
                m_tabs->setCurrentWidget(m_results);
        });
    });
}

void MainWindow::onProjectWriteFailed(const QString& message)
{
    // Outside a run the edit that failed reports its own error (ProjectSession's calls wait for the writer).
    if (m_controller->isRunning())
        m_controller->fail(ConfigError{QStringLiteral("--project"), message});
}

ProjectStore* MainWindow::projectStore() const
{
    return m_session->store();
}

void MainWindow::afterStored(const std::function<void(const QString& error)>& then)
{
    if (ProjectStore* store = m_session->store())
        store->flushLater(this, then);
    else
        then(QString());
}

void MainWindow::refreshRuns()
{
    QList<RunListEntry> entries;
    for (const RunData& run : m_session->runs())
        entries.append(RunListEntry{run, m_session->failedRequests(run.id)});
    m_runs->setRuns(m_session->isOpen() ? QFileInfo(m_session->path()).fileName() : QString(), entries);
}

void MainWindow::showStoredRun(const QString& runId)
{
    const RunListModel* model = m_runs->model();
    const RunData* run = model->run(runId);
    if (!run)
        return;
    const QString status = model->indexOf(runId, RunListModel::Status).data().toString();
    m_results->setResults(tr("Run “%1” · %2 · %3 at %4 · started %5")
                              .arg(run->name, status, run->model, run->url,
                                  model->indexOf(runId, RunListModel::Started).data().toString()),
        m_session->pointResults(runId));
    m_results->showRun(m_session->path(), runId); // the whole run, its requests included, read off the GUI thread
    m_tabs->setCurrentWidget(m_results);
}

QString MainWindow::runTitle(const QString& state) const
{
    return tr("Run “%1” · %2 · %3 at %4")
        .arg(m_runConfig.effectiveName(), state, m_runConfig.model, m_runConfig.resolvedUrl());
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    // A project open read-only is for browsing: nothing that would write to it (a run, an import, a rename).
    const bool readOnly = m_session->isOpen() && !m_session->isWritable();
    m_actions->run->setEnabled(!running && !readOnly);
    m_actions->stop->setEnabled(running);
    m_actions->openProject->setEnabled(!running);
    m_actions->newProject->setEnabled(!running);
    m_actions->recentMenu->setEnabled(!running);
    m_actions->testConnection->setEnabled(!running);
    m_actions->saveCopy->setEnabled(m_session->isOpen());
    updateExportActions();
    for (QAction* action : {m_actions->importEvalScope, m_actions->importVllm, m_actions->importRunJson})
        action->setEnabled(!readOnly);
    m_runs->setReadOnly(readOnly);
    m_results->setReadOnly(readOnly);
    m_setup->setRunEnabled(!running && !readOnly);
    m_live->setStopEnabled(running);
}

void MainWindow::updateExportActions()
{
    const bool shown = m_results->run() && !m_results->isLoading();
    for (QAction* action : {m_actions->exportCharts, m_actions->exportSummaryCsv, m_actions->exportRequestsCsv,
             m_actions->exportHtml, m_actions->exportEvalScope})
        action->setEnabled(shown);
}

void MainWindow::updateStatus(RunState state)
{
    m_status->setProject(m_session->isOpen() ? m_session->path() : QString(), m_session->isWritable());
    m_status->setRunState(state);
    updateActions();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    const int cap = width() * 3 / 10;
    if (m_runsDock->isVisible() && !m_runsDock->isFloating() && m_runsDock->width() > cap)
        resizeDocks({m_runsDock}, {cap}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_controller->isRunning()) {
        if (m_settings) {
            m_settings->setWindowLayout(saveGeometry(), saveState());
            m_settings->setLastForm(m_setup->config().toJson(false)); // filled in again on the next start
            m_settings->sync();
        }
        event->accept();
        return;
    }
    event->ignore();
    const auto answer = QMessageBox::question(this, tr("Quit Throughline"),
        tr("A run is in progress. Abort it and quit? What was measured so far "
           "stays in the project."));
    if (answer != QMessageBox::Yes)
        return;
    // Soft stop, then abort the requests in flight; the window closes once the run has ended and been stored.
    connect(m_controller.get(), &RunController::runFinished, this, &QWidget::close,
        static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    m_controller->stop();
    m_controller->stop();
}

} // namespace tl
