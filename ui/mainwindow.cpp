#include "mainwindow.h"

#include "demo/demo.h"
#include "engine/runcontroller.h"
#include "models/runlistmodel.h"
#include "pages/liverunpage.h"
#include "pages/resultspage.h"
#include "pages/runsbrowserpage.h"
#include "pages/runsetuppage.h"
#include "projectsession.h"
#include "sim/simserver.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace tl {

namespace {

bool hasField(const ConfigErrors& errors, const QString& field)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&field](const ConfigError& e) { return e.field == field; });
}

} // namespace

MainWindow::MainWindow(const RunConfig& initialConfig, const QString& projectPath, QWidget* parent)
    : QMainWindow(parent)
    , m_session(std::make_unique<ProjectSession>())
    , m_controller(std::make_unique<RunController>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Throughline"));
    buildPages();
    buildActions();
    connectController();
    m_setup->setConfig(initialConfig);
    if (!projectPath.isEmpty())
        openProject(projectPath);
    else
        refreshRuns();
    updateActions();
    updateStatus(RunState::Idle);
    resize(1280, 820);
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
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_setup, tr("Setup"));
    m_tabs->addTab(m_live, tr("Live"));
    m_tabs->addTab(m_results, tr("Results"));
    setCentralWidget(m_tabs);

    m_runs = new RunsBrowserPage(this);
    m_runs->setObjectName(QStringLiteral("runsBrowserPage"));
    m_runsDock = new QDockWidget(tr("Runs"), this);
    m_runsDock->setObjectName(QStringLiteral("runsDock"));
    m_runsDock->setWidget(m_runs);
    m_runsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_runsDock);
    resizeDocks({m_runsDock}, {470}, Qt::Horizontal);

    connect(m_setup, &RunSetupPage::runRequested, this, &MainWindow::startRun);
    connect(m_live, &LiveRunPage::stopRequested, this, &MainWindow::stopRun);
    connect(m_runs, &RunsBrowserPage::runSelected, this, &MainWindow::showStoredRun);

    m_projectLabel = new QLabel(this);
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    statusBar()->addPermanentWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_stateLabel);
}

void MainWindow::buildActions()
{
    auto* newAction = new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&New Project…"), this);
    newAction->setShortcut(QKeySequence::New);
    connect(newAction, &QAction::triggered, this, &MainWindow::createProject);
    m_openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Project…"), this);
    m_openAction->setObjectName(QStringLiteral("openProjectAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseProject);
    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setToolTip(tr("Start the benchmark described on the Setup page (Ctrl+R)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::startRun);
    m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopAction->setToolTip(tr("First press: no new requests, in-flight ones finish. Second press: abort them."));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRun);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newAction);
    file->addAction(m_openAction);
    file->addSeparator();
    file->addAction(quitAction);
    auto* simAction = new QAction(tr("Start &Emulated Server"), this);
    simAction->setObjectName(QStringLiteral("startEmulatedServerAction"));
    simAction->setToolTip(
        tr("Start the built-in emulated model server on a free loopback port and aim the form at it"));
    connect(simAction, &QAction::triggered, this, &MainWindow::startEmulatedServer);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_stopAction);
    run->addSeparator();
    run->addAction(simAction);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_runsDock->toggleViewAction());

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_openAction);
    toolbar->addSeparator();
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_stopAction);
}

void MainWindow::connectController()
{
    RunController* c = m_controller.get();
    connect(c, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(c, &RunController::snapshotAvailable, this, &MainWindow::onSnapshot);
    connect(c, &RunController::pointFinished, this, &MainWindow::onPointFinished);
    connect(c, &RunController::runFinished, this, &MainWindow::onRunFinished);
}

bool MainWindow::openProject(const QString& path)
{
    QString error;
    const bool ok = m_session->open(path, &error);
    if (!ok) {
        m_setup->showErrors(tr("The project could not be opened:"), {ConfigError{QStringLiteral("--project"), error}});
        m_tabs->setCurrentWidget(m_setup);
    } else if (!m_session->isWritable()) {
        statusBar()->showMessage(
            tr("Opened for browsing only; runs will not be saved: %1").arg(m_session->writeError()));
    } else {
        statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).absoluteFilePath()), 5000);
    }
    const QString name = m_session->isOpen() ? QFileInfo(path).fileName() : QString();
    setWindowTitle(name.isEmpty() ? tr("Throughline") : tr("%1 — Throughline").arg(name));
    refreshRuns();
    updateStatus(m_controller->state());
    return ok;
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

void MainWindow::startEmulatedServer()
{
    if (!m_sim) {
        auto sim = std::make_unique<SimServer>(Demo::simConfig());
        QString error;
        if (!sim->start(&error)) {
            QMessageBox::warning(this, tr("Emulated server"), tr("The emulated server could not start: %1").arg(error));
            return;
        }
        m_sim = std::move(sim);
    }
    RunConfig config = m_setup->config();
    config.url = m_sim->baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    config.model = m_sim->config().modelName;
    m_setup->setConfig(config);
    setDemoTarget(m_sim->baseUrl(), m_sim->config());
    m_tabs->setCurrentWidget(m_setup);
}

void MainWindow::createProject()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Project"), QFileInfo(m_session->path()).path(), tr("Throughline projects (*.tlproj)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".tlproj")))
        path += QStringLiteral(".tlproj");
    openProject(path);
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QFileInfo(m_session->path()).path(),
        tr("Throughline projects (*.tlproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::startRun()
{
    if (m_controller->isRunning())
        return;
    ConfigErrors errors;
    RunConfig config = m_setup->config(&errors);
    config.project = m_session->isWritable() ? m_session->path() : QString();
    config.writeOutputs = false; // the GUI keeps everything in the project file
    if (!errors.isEmpty()) {
        // Lists that are not numbers are reported by the form; the rest still goes through the core's rules.
        for (const ConfigError& e : config.validate()) {
            if (!hasField(errors, e.field))
                errors.append(e);
        }
    } else {
        m_runConfig = config;
        errors = m_controller->start(config, m_session->store());
    }
    updateActions(); // runStarted came before the controller counted as running
    if (!errors.isEmpty()) {
        m_setup->showErrors(tr("The run did not start:"), errors);
        m_tabs->setCurrentWidget(m_setup);
        statusBar()->showMessage(tr("The run did not start: fix the fields marked on the Setup page."), 8000);
    }
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    statusBar()->showMessage(
        tr("Stopping: no new requests are sent; those in flight finish. Press Stop again to abort them."));
}

void MainWindow::onRunStarted(const QString& runId)
{
    Q_UNUSED(runId)
    m_setup->clearErrors();
    m_live->beginRun(tr("%1 at %2").arg(m_runConfig.model, m_runConfig.resolvedUrl()));
    m_results->setResults(runTitle(tr("running")), {});
    m_tabs->setCurrentWidget(m_live);
    statusBar()->clearMessage();
}

void MainWindow::onSnapshot(const RunSnapshotPtr& snapshot)
{
    m_live->showSnapshot(*snapshot);
    updateStatus(snapshot->state);
}

void MainWindow::onPointFinished()
{
    m_results->setResults(runTitle(tr("running")), m_controller->results());
    // Lists the run (status "running") while it is in progress; the flush makes its row visible to the reader.
    m_session->flush(nullptr);
    refreshRuns();
    m_runs->selectRun(m_controller->runId());
}

void MainWindow::onRunFinished(RunState state, const ConfigError& error)
{
    QString storeError;
    if (!m_session->flush(&storeError))
        statusBar()->showMessage(tr("The run could not be saved to the project: %1").arg(storeError));
    const QString stateName = state == RunState::Finished ? tr("completed")
        : state == RunState::Stopped                      ? tr("stopped")
                                                          : tr("failed");
    m_results->setResults(runTitle(stateName), m_controller->results());
    refreshRuns();
    m_runs->selectRun(m_controller->runId());
    updateActions();
    updateStatus(state);
    if (state == RunState::Failed) {
        const ConfigError shown = error.message.isEmpty() ? ConfigError{QString(), tr("the run failed")} : error;
        m_setup->showErrors(tr("The run failed:"), {shown});
        m_tabs->setCurrentWidget(m_setup);
    } else {
        m_tabs->setCurrentWidget(m_results);
    }
}

void MainWindow::refreshRuns()
{
    m_runs->setRuns(m_session->isOpen() ? QFileInfo(m_session->path()).fileName() : QString(), m_session->runs());
}

void MainWindow::showStoredRun(const QString& runId)
{
    const RunListModel* model = m_runs->model();
    const int row = model->rowOf(runId);
    if (row < 0)
        return;
    const RunData& run = model->runs().at(row);
    const QString status = model->index(row, RunListModel::Status).data().toString();
    m_results->setResults(
        tr("Run “%1” · %2 · %3 at %4 · started %5")
            .arg(run.name, status, run.model, run.url, model->index(row, RunListModel::Started).data().toString()),
        m_session->pointResults(runId));
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
    m_runAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_openAction->setEnabled(!running);
    m_setup->setRunEnabled(!running);
    m_live->setStopEnabled(running);
}

void MainWindow::updateStatus(RunState state)
{
    if (!m_session->isOpen())
        m_projectLabel->setText(tr("No project: runs are shown but not saved"));
    else if (!m_session->isWritable())
        m_projectLabel->setText(tr("Project (read-only): %1").arg(QFileInfo(m_session->path()).absoluteFilePath()));
    else
        m_projectLabel->setText(tr("Project: %1").arg(QFileInfo(m_session->path()).absoluteFilePath()));
    QString text;
    switch (state) {
    case RunState::Idle:
        text = tr("Ready");
        break;
    case RunState::Testing:
        text = tr("Testing the connection…");
        break;
    case RunState::Running:
        text = tr("Running");
        break;
    case RunState::Sleeping:
        text = tr("Pausing between points");
        break;
    case RunState::Finished:
        text = tr("Finished");
        break;
    case RunState::Stopped:
        text = tr("Stopped");
        break;
    case RunState::Failed:
        text = tr("Failed");
        break;
    }
    m_stateLabel->setText(text);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_controller->isRunning()) {
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
