#pragma once

#include "config/runconfig.h"
#include "engine/runsnapshot.h"
#include "sim/simconfig.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;

namespace tl {

class LiveRunPage;
class ProjectSession;
class ResultsPage;
class RunController;
class RunSetupPage;
class RunsBrowserPage;
class SimServer;

// The workbench window: builds the pages (setup, live run, results), the Runs dock, menus, toolbar and status
// bar, and wires them to one RunController and the open project. Everything it shows comes from core values.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `initialConfig` fills the form; its fields the form does not show (sleep interval, timeouts...) are used
    // for every run. `projectPath` empty = no project: runs are shown but not stored.
    explicit MainWindow(const RunConfig& initialConfig, const QString& projectPath = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens or creates a project file and lists its runs; false (and the reason shown) when it cannot be read.
    bool openProject(const QString& path);
    // Says in the title and above the form that the form is aimed at the in-process emulated server.
    void setDemoTarget(const QUrl& serverUrl, const SimConfig& sim);
    // Starts (once) an emulated model server owned by this window and aims the form at it.
    void startEmulatedServer();
    RunController* controller() const { return m_controller.get(); }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildPages();
    void buildActions();
    void connectController();
    void createProject();
    void chooseProject();
    void startRun();
    void stopRun();
    void onRunStarted(const QString& runId);
    void onSnapshot(const RunSnapshotPtr& snapshot);
    void onPointFinished();
    void onRunFinished(RunState state, const ConfigError& error);
    void refreshRuns();
    void showStoredRun(const QString& runId);
    void updateActions();
    void updateStatus(RunState state);
    QString runTitle(const QString& state) const;

    // Declared first so it is destroyed last: a run in progress may be talking to it.
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<ProjectSession> m_session;
    // Declared after the session so it is destroyed first: a run in progress writes to the session's store.
    std::unique_ptr<RunController> m_controller;
    RunConfig m_runConfig; // the config of the current (or last) run
    QTabWidget* m_tabs = nullptr;
    RunSetupPage* m_setup = nullptr;
    LiveRunPage* m_live = nullptr;
    ResultsPage* m_results = nullptr;
    RunsBrowserPage* m_runs = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
};

} // namespace tl
