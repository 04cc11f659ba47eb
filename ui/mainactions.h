#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace tl {

class AppSettings;

// The workbench's actions, menus and toolbar (File, Run, View, Settings, Help), built in one place so the window
// only connects them; the actions that only open a dialog (Settings, About, Documentation, Keyboard Shortcuts) are
// handled here. Object names let tests find each action.
class MainActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)

public:
    // `settings` may be null (Settings then says it has nowhere to write).
    MainActions(QMainWindow* window, AppSettings* appSettings);
    ~MainActions() override;

    // Fills the window's menu bar and adds the toolbar; `docks` get their show/hide actions in View.
    void buildMenus(QMainWindow* window, const QList<QDockWidget*>& docks);
    // Rebuilds File ▸ Open Recent; each entry emits recentProjectChosen.
    void setRecentProjects(const QStringList& paths);
    QList<QAction*> all() const;

    QAction* newProject = nullptr;
    QAction* openProject = nullptr;
    QAction* saveCopy = nullptr;
    QAction* importEvalScope = nullptr;
    QAction* importVllm = nullptr;
    QAction* importRunJson = nullptr;
    // File > Export: the run shown on the Results page (MainWindow connects them and keeps them enabled only then).
    QAction* exportCharts = nullptr;
    QAction* exportSummaryCsv = nullptr;
    QAction* exportRequestsCsv = nullptr;
    QAction* exportHtml = nullptr;
    QAction* exportEvalScope = nullptr;
    QAction* clearRecent = nullptr;
    QAction* quit = nullptr;
    QAction* run = nullptr;
    QAction* stop = nullptr;
    QAction* testConnection = nullptr;
    QAction* startServer = nullptr; // the demo preset
    QList<QAction*> serverPresets; // data(): the preset name
    QAction* settings = nullptr;
    QAction* about = nullptr;
    QAction* documentation = nullptr;
    QAction* shortcuts = nullptr;
    QMenu* recentMenu = nullptr;
    QMenu* exportMenu = nullptr;

Q_SIGNALS:
    void recentProjectChosen(const QString& path);
    void serverPresetChosen(const QString& preset);

private:
    void showSettings();
    void showAbout();
    void showDocumentation();
    void showShortcuts();
    QAction* make(const QString& text, const char* name, const QKeySequence& shortcut = {});

    QMainWindow* m_window;
    AppSettings* m_settings;
};

} // namespace tl
