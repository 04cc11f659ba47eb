#include "storage/projectstore.h"

#include "storage/projectwriter.h"

#include <QPointer>

namespace tl {

ProjectStore::ProjectStore(QString path, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
{
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString& path, QString* error)
{
    std::unique_ptr<ProjectStore> store(new ProjectStore(path));
    store->m_thread.setObjectName(QStringLiteral("tl-project-writer"));
    store->m_writer = new ProjectWriter(path);
    store->m_writer->moveToThread(&store->m_thread);
    connect(&store->m_thread, &QThread::finished, store->m_writer, &QObject::deleteLater);
    connect(store->m_writer, &ProjectWriter::writeFailed, store.get(), &ProjectStore::writeFailed);
    store->m_thread.start();
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        store->m_writer, [w = store->m_writer, &ok, &message] { ok = w->openDatabase(&message); },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        if (error)
            *error = message;
        return nullptr;
    }
    return store;
}

ProjectStore::~ProjectStore()
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->closeDatabase(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ProjectStore::beginRun(const RunData& info)
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer, info] { w->beginRun(info); }, Qt::QueuedConnection);
}

void ProjectStore::beginPoint(const QString& runId, int index, int parallel, int number, double rate)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->beginPoint(runId, index, parallel, number, rate); }, Qt::QueuedConnection);
}

void ProjectStore::writeRequests(const QString& runId, int pointIndex, const QList<RequestRecord>& records)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->writeRequests(runId, pointIndex, records); }, Qt::QueuedConnection);
}

void ProjectStore::finishPoint(const QString& runId, const PointResult& result)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->finishPoint(runId, result); }, Qt::QueuedConnection);
}

void ProjectStore::finishRun(const QString& runId, const QString& status)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->finishRun(runId, status); }, Qt::QueuedConnection);
}

void ProjectStore::setFingerprint(const QString& runId, const EndpointFingerprint& fingerprint)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer, json = fingerprint.toJson()] { w->setFingerprint(runId, json); },
        Qt::QueuedConnection);
}

void ProjectStore::setName(const QString& runId, const QString& name)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->setName(runId, name); }, Qt::QueuedConnection);
}

void ProjectStore::setNotes(const QString& runId, const QString& notes)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->setNotes(runId, notes); }, Qt::QueuedConnection);
}

void ProjectStore::setTags(const QString& runId, const QStringList& tags)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->setTags(runId, tags); }, Qt::QueuedConnection);
}

void ProjectStore::deleteRun(const QString& runId)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->deleteRun(runId); }, Qt::QueuedConnection);
}

void ProjectStore::setPreset(const QString& name, const QByteArray& configJson)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->setPreset(name, configJson); }, Qt::QueuedConnection);
}

void ProjectStore::removePreset(const QString& name)
{
    QMetaObject::invokeMethod(
        m_writer, [=, w = m_writer] { w->removePreset(name); }, Qt::QueuedConnection);
}

void ProjectStore::insertRun(const RunData& run)
{
    QMetaObject::invokeMethod(
        m_writer, [run, w = m_writer] { w->insertRun(run); }, Qt::QueuedConnection);
}

void ProjectStore::flushLater(QObject* context, std::function<void(const QString& error)> done)
{
    // The writer runs queued calls in order, so this one runs after every write queued before it. `this` outlives
    // the writer (the destructor joins its thread); the answer is posted back to `this`, whose pending events die
    // with it, and `context` is checked on this thread.
    QMetaObject::invokeMethod(
        m_writer,
        [this, w = m_writer, ctx = QPointer<QObject>(context), done = std::move(done)] {
            QMetaObject::invokeMethod(
                this, [ctx, done, first = w->firstError()] {
                    if (ctx)
                        done(first);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ProjectStore::limitGrowth(int pages)
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer, pages] { w->limitGrowth(pages); }, Qt::BlockingQueuedConnection);
}

bool ProjectStore::flush(QString* error)
{
    QString first;
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer, &first] { first = w->firstError(); }, Qt::BlockingQueuedConnection);
    if (error)
        *error = first;
    return first.isEmpty();
}

} // namespace tl
