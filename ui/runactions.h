#pragma once

#include <QObject>

class QWidget;

namespace tl {

class ProjectSession;

// What the project explorer's context menu does to a stored run: asks the user (rename, tags, notes, delete with
// a confirmation that says it cannot be undone), writes the change to the project at once through the session, and
// says so with runsChanged so the window lists the runs again. Failures are shown in a message box.
class RunActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunActions)

public:
    RunActions(ProjectSession* session, QWidget* dialogParent, QObject* parent = nullptr);
    ~RunActions() override;

    void rename(const QString& runId);
    void editTags(const QString& runId);
    void editNotes(const QString& runId);
    void remove(const QString& runId);

Q_SIGNALS:
    void runsChanged();
    void runDeleted(const QString& runId);

private:
    void report(bool ok, const QString& error);

    ProjectSession* m_session;
    QWidget* m_dialogParent;
};

} // namespace tl
