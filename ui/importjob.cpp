#include "importjob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace tl {

namespace {

ImportJob::Result runImport(const QString& path, RunImporter::Format format)
{
    ImportJob::Result result;
    result.path = path;
    result.run = RunImporter::import(path, format, &result.error);
    return result;
}

} // namespace

ImportJob::ImportJob(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ImportJob::onFinished);
}

ImportJob::~ImportJob()
{
    m_watcher.waitForFinished();
}

bool ImportJob::start(const QString& path, RunImporter::Format format)
{
    if (m_watcher.isRunning())
        return false;
    m_watcher.setFuture(QtConcurrent::run(runImport, path, format));
    return true;
}

void ImportJob::onFinished()
{
    Q_EMIT finished(m_watcher.result());
}

} // namespace tl
