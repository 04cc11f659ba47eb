#pragma once

#include "config/runconfig.h"
#include "engine/runsnapshot.h"
#include "importjob.h"
#include "sim/simconfig.h"

#include <QMainWindow>
#include <QUrl>

#include <functional>
#include <memory>

class QDockWidget;
class QTabWidget;

namespace tl {

class ApiKeyStore;
class AppSettings;
class ConnectionChecker;
class LiveRunPage;
class MainActions;
class ProjectSession;
class ProjectStore;
class ResultsPage;
class ComparisonPage;
class RunActions;
class RunController;
class RunSetupPage;
class RunsBrowserPage;
class SimServer;
class WorkbenchStatusBar;
struct ConfigError;

// The workbench window: builds the pages (setup, live run, results), the project explorer dock, menus, toolbar
// and status bar, and wires them to one RunController and the open project. Everything it shows comes from core
// values; what it remembers between launches goes through the injected AppSettings.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `initialConfig` fills the form; its fields the form does not show (sleep interval, timeouts...) are used
    // for every run. `projectPath` empty = no project: runs are shown but not stored. `settings` may be null
    // (nothing remembered); otherwise it must outlive the window.
    explicit MainWindow(const RunConfig& initialConfig, const QString& projectPath = {},
        AppSettings* settings = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens or creates a project file and lists its runs; false (and the reason shown) when it cannot be read.
    bool openProject(const QString& path);
    // Says in the title and above the form that the form is aimed at the in-process emulated server.
    void setDemoTarget(const QUrl& serverUrl, const SimConfig& sim);
    // Starts an emulated model server owned by this window with a preset (EmulatedServerPresets) and aims the form
    // at it; the running one is reused when it has the same preset.
    void startEmulatedServer(const QString& preset = QStringLiteral("demo"));
    // Imports a run into the open project off the GUI thread (the Import menu without its file dialog).
    bool importRun(const QString& path, RunImporter::Format format);
    // Fills the form from a stored run's configuration (the explorer's "duplicate settings"); `start` also runs it.
    void reuseRunConfig(const QString& runId, bool start);
    RunController* controller() const { return m_controller.get(); }
    // The open project's writer (null without a project or when it is open for browsing only). Tests simulate a
    // full disk through it (ProjectStore::limitGrowth).
    ProjectStore* projectStore() const;
    ImportJob* importJob() const { return m_import; }

protected:
    void closeEvent(QCloseEvent* event) override;
    // On a small screen (1024x640) the project dock gives up width so the pages are not squeezed.
    void resizeEvent(QResizeEvent* event) override;

private:
    // Runs `then` (with the first write error) once the project writer has stored what is queued, without blocking.
    void afterStored(const std::function<void(const QString& error)>& then);
    void buildPages();
    void buildActions();
    void connectController();
    QString projectFolder() const; // where the file pickers start
    void createProject();
    void chooseProject();
    void saveCopy();
    void chooseImport(RunImporter::Format format);
    void onImportFinished(const ImportJob::Result& result);
    void testConnection();
    void onConnectionTested(bool ok, double elapsedMs, const ConfigError& error);
    void startRun();
    void stopRun();
    void onRunStarted(const QString& runId);
    void onSnapshot(const RunSnapshotPtr& snapshot);
    void onPointFinished();
    void showRunningResults();
    void onRunFinished(RunState state, const ConfigError& error);
    // The project file cannot store what the run measures (a full disk): the run stops and fails with the count
    // stored, as the CLI's does, rather than going on measuring what cannot be kept.
    void onProjectWriteFailed(const QString& message);
    void refreshRuns();
    void showStoredRun(const QString& runId);
    void updateActions();
    void updateExportActions(); // File > Export: enabled while the Results page shows a stored run
    void updateStatus(RunState state);
    void rememberProject(const QString& path);
    QString runTitle(const QString& state) const;

    AppSettings* m_settings;
    // Declared first so it is destroyed last: a run in progress may be talking to it.
    std::unique_ptr<SimServer> m_sim;
    QString m_simPreset;
    std::unique_ptr<ProjectSession> m_session;
    // Declared after the session so it is destroyed first: a run in progress writes to the session's store.
    std::unique_ptr<RunController> m_controller;
    RunConfig m_runConfig; // the config of the current (or last) run
    int m_stopPresses = 0;
    static constexpr int kRunEndStepMs = 10; // between the steps that show a finished run (onRunFinished)
    bool m_resultsBehind = false; // points finished that the results page, not shown, does not show yet
    MainActions* m_actions = nullptr;
    RunActions* m_runActions = nullptr;
    ImportJob* m_import = nullptr;
    ApiKeyStore* m_keys = nullptr;
    ConnectionChecker* m_checker = nullptr;
    QTabWidget* m_tabs = nullptr;
    RunSetupPage* m_setup = nullptr;
    LiveRunPage* m_live = nullptr;
    ResultsPage* m_results = nullptr;
    ComparisonPage* m_compare = nullptr;
    RunsBrowserPage* m_runs = nullptr;
    QDockWidget* m_runsDock = nullptr;
    WorkbenchStatusBar* m_status = nullptr;
};

} // namespace tl
