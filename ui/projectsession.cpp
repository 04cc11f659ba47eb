#include "projectsession.h"

#include "storage/projectstore.h"

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

} // namespace tl
