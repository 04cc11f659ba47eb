#pragma once

#include "storage/runimporter.h"

#include <QFutureWatcher>
#include <QObject>

namespace tl {

// One import (EvalScope output folder, vLLM result JSON, exported run JSON) run by RunImporter on a pool thread,
// so parsing and recomputing metrics never blocks the window. finished() comes on the thread that started it.
class ImportJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)

public:
    struct Result {
        QString path;
        std::optional<RunData> run; // nullopt when the import failed
        QString error;
    };

    explicit ImportJob(QObject* parent = nullptr);
    ~ImportJob() override; // waits for a running import

    // False when an import is already running.
    bool start(const QString& path, RunImporter::Format format);
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void finished(const tl::ImportJob::Result& result);

private:
    void onFinished();

    QFutureWatcher<Result> m_watcher;
};

} // namespace tl
