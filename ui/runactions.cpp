#include "runactions.h"

#include "projectsession.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QRegularExpression>

namespace tl {

namespace {

std::optional<RunData> findRun(const ProjectSession& session, const QString& runId)
{
    for (const RunData& run : session.runs()) {
        if (run.id == runId)
            return run;
    }
    return std::nullopt;
}

} // namespace

RunActions::RunActions(ProjectSession* session, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
{
}

RunActions::~RunActions() = default;

void RunActions::report(bool ok, const QString& error)
{
    if (ok)
        Q_EMIT runsChanged();
    else
        QMessageBox::warning(m_dialogParent, tr("Project"), tr("The change could not be saved: %1").arg(error));
}

void RunActions::rename(const QString& runId)
{
    const std::optional<RunData> run = findRun(*m_session, runId);
    if (!run)
        return;
    bool accepted = false;
    const QString name
        = QInputDialog::getText(m_dialogParent, tr("Rename Run"), tr("Name:"), QLineEdit::Normal, run->name, &accepted)
              .trimmed();
    if (!accepted || name.isEmpty() || name == run->name)
        return;
    QString error;
    report(m_session->renameRun(runId, name, &error), error);
}

void RunActions::editTags(const QString& runId)
{
    const std::optional<RunData> run = findRun(*m_session, runId);
    if (!run)
        return;
    bool accepted = false;
    const QString text = QInputDialog::getText(m_dialogParent, tr("Tags"), tr("Tags, separated by commas:"),
        QLineEdit::Normal, run->tags.join(QStringLiteral(", ")), &accepted);
    if (!accepted)
        return;
    QStringList tags;
    for (const QString& tag : text.split(QRegularExpression(QStringLiteral("[,\\n]")), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed()))
            tags.append(tag.trimmed());
    }
    QString error;
    report(m_session->setRunTags(runId, tags, &error), error);
}

void RunActions::editNotes(const QString& runId)
{
    const std::optional<RunData> run = findRun(*m_session, runId);
    if (!run)
        return;
    bool accepted = false;
    const QString notes = QInputDialog::getMultiLineText(
        m_dialogParent, tr("Note"), tr("Note on “%1”:").arg(run->name), run->notes, &accepted);
    if (!accepted)
        return;
    QString error;
    report(m_session->setRunNotes(runId, notes, &error), error);
}

void RunActions::remove(const QString& runId)
{
    const std::optional<RunData> run = findRun(*m_session, runId);
    if (!run)
        return;
    const auto answer = QMessageBox::warning(m_dialogParent, tr("Delete Run"),
        tr("Delete the run “%1” and its %n request(s) from the project? This is written at once and cannot be undone.",
            nullptr, int(run->requestCount))
            .arg(run->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    const bool ok = m_session->deleteRun(runId, &error);
    report(ok, error);
    if (ok)
        Q_EMIT runDeleted(runId);
}

} // namespace tl
