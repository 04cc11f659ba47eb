#pragma once

#include "engine/runsnapshot.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace tl {

// The window's status bar: the project path, the target's reachability (from the last connection test or run),
// whether a run is in progress, and a busy bar while a connection test or an import works.
class WorkbenchStatusBar final : public QStatusBar {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkbenchStatusBar)

public:
    enum class Target { Unknown, Testing, Reachable, Unreachable };

    explicit WorkbenchStatusBar(QWidget* parent = nullptr);
    ~WorkbenchStatusBar() override;

    // `path` empty = no project open.
    void setProject(const QString& path, bool writable);
    // `latencyMs` < 0 = not measured.
    void setTarget(Target target, double latencyMs = -1);
    void setRunState(RunState state);
    void setBusy(bool busy);

private:
    QLabel* m_project = nullptr;
    QLabel* m_target = nullptr;
    QLabel* m_runs = nullptr;
    QProgressBar* m_busy = nullptr;
};

} // namespace tl
