#include "projectsession.h"

#include "storage/projectstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tl {

ProjectSession::ProjectSession() = default;

ProjectSession::~ProjectSession() = default;

bool ProjectSession::open(const QString& path, QString* error)
{
    close();
    // The store first: it creates the file and its schema, which the read-only reader needs.
    QString storeError;
    std::unique_ptr<ProjectStore> store = ProjectStore::open(path, &storeError);
    auto reader = std::make_unique<ProjectReader>();
    QString readError;
    if (!reader->open(path, &readError)) {
        if (error)
            *error = storeError.isEmpty() ? readError : storeError;
        return false;
    }
    m_path = path;
    m_store = std::move(store);
    m_writeError = storeError;
    m_reader = std::move(reader);
    return true;
}

void ProjectSession::close()
{
    m_reader.reset();
    m_store.reset();
    m_path.clear();
    m_writeError.clear();
}

QList<RunData> ProjectSession::runs() const
{
    return m_reader ? m_reader->runs() : QList<RunData>();
}

qint64 ProjectSession::failedRequests(const QString& runId) const
{
    qint64 failed = 0;
    if (m_reader) {
        for (const PointResult& row : m_reader->points(runId))
            failed += row.hasSummary ? row.summary.failedRequests : 0;
    }
    return failed;
}

QList<PointResult> ProjectSession::pointResults(const QString& runId) const
{
    QList<PointResult> out;
    if (!m_reader)
        return out;
    for (const PointResult& r : m_reader->points(runId)) {
        if (r.hasSummary)
            out.append(r);
    }
    return out;
}

bool ProjectSession::flush(QString* error) const
{
    return m_store ? m_store->flush(error) : true;
}

bool ProjectSession::writable(QString* error) const
{
    if (m_store)
        return true;
    if (error)
        *error = m_reader
            ? QCoreApplication::translate("tl::ProjectSession", "the project is open read-only: %1").arg(m_writeError)
            : QCoreApplication::translate("tl::ProjectSession", "no project is open");
    return false;
}

bool ProjectSession::renameRun(const QString& runId, const QString& name, QString* error)
{
    if (!writable(error))
        return false;
    m_store->setName(runId, name);
    return m_store->flush(error);
}

bool ProjectSession::setRunTags(const QString& runId, const QStringList& tags, QString* error)
{
    if (!writable(error))
        return false;
    m_store->setTags(runId, tags);
    return m_store->flush(error);
}

bool ProjectSession::setRunNotes(const QString& runId, const QString& notes, QString* error)
{
    if (!writable(error))
        return false;
    m_store->setNotes(runId, notes);
    return m_store->flush(error);
}

QStringList ProjectSession::presetNames() const
{
    return m_reader ? m_reader->presetNames() : QStringList();
}

QByteArray ProjectSession::preset(const QString& name) const
{
    return m_reader ? m_reader->preset(name) : QByteArray();
}

bool ProjectSession::savePreset(const QString& name, const QByteArray& configJson, QString* error)
{
    if (!writable(error))
        return false;
    m_store->setPreset(name, configJson);
    return m_store->flush(error);
}

bool ProjectSession::deletePreset(const QString& name, QString* error)
{
    if (!writable(error))
        return false;
    m_store->removePreset(name);
    return m_store->flush(error);
}

bool ProjectSession::deleteRun(const QString& runId, QString* error)
{
    if (!writable(error))
        return false;
    m_store->deleteRun(runId);
    return m_store->flush(error);
}

bool ProjectSession::addRun(const RunData& run, QString* error)
{
    if (!writable(error))
        return false;
    m_store->insertRun(run);
    return m_store->flush(error);
}

bool ProjectSession::saveCopy(const QString& path, QString* error) const
{
    if (!m_reader) {
        if (error)
            *error = QCoreApplication::translate("tl::ProjectSession", "no project is open");
        return false;
    }
    if (!flush(error))
        return false;
    if (QFile::exists(path) && !QFile::remove(path)) {
        if (error)
            *error = QCoreApplication::translate("tl::ProjectSession", "cannot replace %1").arg(path);
        return false;
    }
    // VACUUM INTO reads through SQLite (the WAL included), so the copy is whole even while the writer holds the file.
    const QString connection = QStringLiteral("tl-copy-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("VACUUM INTO ?"));
            q.addBindValue(path);
            ok = q.exec();
            if (!ok && error)
                *error = q.lastError().text();
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace tl
