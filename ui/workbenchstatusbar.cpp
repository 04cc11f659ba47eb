#include "workbenchstatusbar.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace tl {

WorkbenchStatusBar::WorkbenchStatusBar(QWidget* parent)
    : QStatusBar(parent)
    , m_project(new QLabel(this))
    , m_target(new QLabel(this))
    , m_runs(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    m_project->setObjectName(QStringLiteral("projectLabel"));
    m_target->setObjectName(QStringLiteral("targetStatusLabel"));
    m_runs->setObjectName(QStringLiteral("stateLabel"));
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0); // indeterminate: activity, not progress
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->hide();
    addPermanentWidget(m_project, 1);
    addPermanentWidget(m_busy);
    addPermanentWidget(m_target);
    addPermanentWidget(m_runs);
    setProject(QString(), false);
    setTarget(Target::Unknown);
    setRunState(RunState::Idle);
}

WorkbenchStatusBar::~WorkbenchStatusBar() = default;

void WorkbenchStatusBar::setProject(const QString& path, bool writable)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (path.isEmpty())
        m_project->setText(tr("No project: runs are shown but not saved"));
    else if (!writable)
        m_project->setText(tr("Project (read-only): %1").arg(absolute));
    else
        m_project->setText(tr("Project: %1").arg(absolute));
}

void WorkbenchStatusBar::setTarget(Target target, double latencyMs)
{
    switch (target) {
    case Target::Unknown:
        m_target->setText(tr("Target: not tested"));
        break;
    case Target::Testing:
        m_target->setText(tr("Target: testing…"));
        break;
    case Target::Reachable:
        m_target->setText(latencyMs < 0 ? tr("Target: reachable")
                                        : tr("Target: reachable (%1 ms)").arg(QLocale().toString(latencyMs, 'f', 0)));
        break;
    case Target::Unreachable:
        m_target->setText(tr("Target: unreachable"));
        break;
    }
}

void WorkbenchStatusBar::setRunState(RunState state)
{
    switch (state) {
    case RunState::Idle:
    case RunState::Finished:
    case RunState::Stopped:
    case RunState::Failed:
        m_runs->setText(tr("No run in progress"));
        break;
    case RunState::Testing:
        m_runs->setText(tr("1 run in progress: testing the connection…"));
        break;
    case RunState::Running:
        m_runs->setText(tr("1 run in progress"));
        break;
    case RunState::Sleeping:
        m_runs->setText(tr("1 run in progress: pausing between points"));
        break;
    }
}

void WorkbenchStatusBar::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

} // namespace tl
