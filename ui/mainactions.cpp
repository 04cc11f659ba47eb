#include "mainactions.h"

#include "appsettings.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "emulatedserverpresets.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>

namespace tl {

MainActions::MainActions(QMainWindow* window, AppSettings* appSettings)
    : QObject(window)
    , m_window(window)
    , m_settings(appSettings)
{
    QStyle* style = window->style();
    newProject = make(tr("&New Project…"), "newProjectAction", QKeySequence::New);
    newProject->setIcon(style->standardIcon(QStyle::SP_FileIcon));
    openProject = make(tr("&Open Project…"), "openProjectAction", QKeySequence::Open);
    openProject->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
    saveCopy = make(tr("Save a &Copy As…"), "saveCopyAction", QKeySequence::SaveAs);
    saveCopy->setToolTip(tr("Write a copy of the whole project file elsewhere; the open project stays open"));
    importEvalScope = make(tr("EvalScope Output &Folder…"), "importEvalScopeAction");
    importVllm = make(tr("&vLLM Result JSON…"), "importVllmAction");
    importRunJson = make(tr("Exported &Run JSON…"), "importRunJsonAction");
    exportCharts = make(tr("Every &Chart as PNG and SVG…"), "exportChartsAction");
    exportSummaryCsv = make(tr("&Summary Table as CSV…"), "exportSummaryCsvAction");
    exportRequestsCsv = make(tr("&Requests as CSV…"), "exportRequestsCsvAction");
    exportHtml = make(tr("&HTML Report…"), "exportHtmlAction");
    exportEvalScope = make(tr("&EvalScope Output Folder…"), "exportEvalScopeAction");
    clearRecent = make(tr("&Clear List"), "clearRecentAction");
    quit = make(tr("&Quit"), "quitAction", QKeySequence::Quit);

    run = make(tr("&Run"), "runAction", QKeySequence(Qt::CTRL | Qt::Key_R));
    run->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
    run->setToolTip(tr("Start the benchmark described on the Setup page (Ctrl+R)"));
    stop = make(tr("&Stop"), "stopAction", QKeySequence(Qt::CTRL | Qt::Key_Period));
    stop->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    stop->setToolTip(tr("First press: no new requests, in-flight ones finish. Second press: abort them."));
    testConnection = make(tr("&Test Connection"), "testConnectionAction", QKeySequence(Qt::CTRL | Qt::Key_T));
    testConnection->setToolTip(tr("Send one request with the form's settings and report whether the server answers"));
    startServer = make(tr("Start &Emulated Server"), "startEmulatedServerAction");
    startServer->setToolTip(
        tr("Start the built-in emulated model server on a free loopback port and aim the form at it"));
    for (const QString& preset : EmulatedServerPresets::names()) {
        if (preset == u"demo")
            continue;
        QAction* action = make(preset, "");
        action->setObjectName(QStringLiteral("serverPreset-") + preset);
        action->setData(preset);
        connect(action, &QAction::triggered, this, [this, preset] { Q_EMIT serverPresetChosen(preset); });
        serverPresets.append(action);
    }
    serverPresets.value(0)->setToolTip(tr("A fast GPU server: many sequence slots, quick prefill and decode"));
    serverPresets.value(1)->setToolTip(tr("A slow CPU server: few slots, slow prefill and decode, a queue forms"));
    serverPresets.value(2)->setToolTip(
        tr("The demo server with a few percent of HTTP errors, error events and resets"));

    settings = make(tr("&Preferences…"), "settingsAction", QKeySequence::Preferences);
    about = make(tr("&About Throughline"), "aboutAction");
    documentation = make(tr("&Documentation"), "documentationAction", QKeySequence::HelpContents);
    shortcuts = make(tr("&Keyboard Shortcuts"), "shortcutsAction");
    connect(settings, &QAction::triggered, this, &MainActions::showSettings);
    connect(about, &QAction::triggered, this, &MainActions::showAbout);
    connect(documentation, &QAction::triggered, this, &MainActions::showDocumentation);
    connect(shortcuts, &QAction::triggered, this, &MainActions::showShortcuts);
}

MainActions::~MainActions() = default;

QAction* MainActions::make(const QString& text, const char* name, const QKeySequence& shortcut)
{
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    return action;
}

void MainActions::buildMenus(QMainWindow* window, const QList<QDockWidget*>& docks)
{
    QMenuBar* bar = window->menuBar();
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(newProject);
    file->addAction(openProject);
    recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(saveCopy);
    file->addSeparator();
    QMenu* import = file->addMenu(tr("&Import"));
    import->addActions({importEvalScope, importVllm, importRunJson});
    exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->setToolTip(tr("Export the run shown on the Results page"));
    exportMenu->addActions({exportCharts, exportSummaryCsv, exportRequestsCsv});
    exportMenu->addSeparator();
    exportMenu->addActions({exportHtml, exportEvalScope});
    file->addSeparator();
    file->addAction(quit);

    QMenu* runMenu = bar->addMenu(tr("&Run"));
    runMenu->addActions({run, stop, testConnection});
    runMenu->addSeparator();
    runMenu->addAction(startServer);
    QMenu* presets = runMenu->addMenu(tr("Start Built-in Server with &Preset"));
    presets->addActions(serverPresets);

    QMenu* view = bar->addMenu(tr("&View"));
    for (QDockWidget* dock : docks)
        view->addAction(dock->toggleViewAction());
    QMenu* settingsMenu = bar->addMenu(tr("&Settings"));
    settingsMenu->addAction(settings);
    QMenu* help = bar->addMenu(tr("&Help"));
    help->addActions({documentation, shortcuts});
    help->addSeparator();
    help->addAction(about);

    QToolBar* toolbar = window->addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openProject);
    toolbar->addSeparator();
    toolbar->addActions({run, stop, testConnection});
    setRecentProjects({});
}

void MainActions::setRecentProjects(const QStringList& paths)
{
    recentMenu->clear();
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString path = paths.at(i);
        QAction* action = recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { Q_EMIT recentProjectChosen(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (paths.isEmpty())
        recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    recentMenu->addSeparator();
    recentMenu->addAction(clearRecent);
    clearRecent->setEnabled(!paths.isEmpty());
}

QList<QAction*> MainActions::all() const
{
    QList<QAction*> out{newProject, openProject, saveCopy, importEvalScope, importVllm, importRunJson, exportCharts,
        exportSummaryCsv, exportRequestsCsv, exportHtml, exportEvalScope, quit, run, stop, testConnection, startServer};
    out.append(serverPresets);
    out.append({settings, about, documentation, shortcuts});
    return out;
}

void MainActions::showSettings()
{
    if (!m_settings) {
        QMessageBox::information(m_window, tr("Settings"), tr("This window was started without a settings store."));
        return;
    }
    SettingsDialog dialog(m_settings, m_window);
    dialog.exec();
}

void MainActions::showAbout()
{
    QMessageBox::about(m_window, tr("About Throughline"),
        tr("<h3>Throughline %1</h3><p>A workbench for benchmarking OpenAI-compatible LLM servers: scheduled "
           "streaming load, every event timestamped where it arrives, every request kept in one project file.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainActions::showDocumentation()
{
    // No documentation is installed and there is no homepage yet: say where it is.
    QMessageBox::information(m_window, tr("Documentation"),
        tr("<p><b>README.md</b> and the <b>docs/</b> folder of Throughline's source tree describe the workbench, "
           "the metrics (docs/METRICS.md), the project file (docs/PROJECT_FILE.md), the datasets and the emulated "
           "server.</p><p><code>throughline-cli run --help</code> lists every run parameter; "
           "Help ▸ Keyboard Shortcuts lists the keys.</p>"));
}

void MainActions::showShortcuts()
{
    ShortcutsDialog dialog(all(), m_window);
    dialog.exec();
}

} // namespace tl
