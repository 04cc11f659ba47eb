#pragma once

#include "model/endpointfingerprint.h"
#include "model/requestrecord.h"
#include "model/rundata.h"
#include "model/runsink.h"
#include "storage/rundata.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace tl {

class ProjectWriter;

// The write side of a project file: a writer thread with its own SQLite connection and one transaction per
// batch, fed by queued calls from the run controller. Readers use ProjectReader on their own connections (WAL),
// so a GUI can browse the file while a run writes to it.
class ProjectStore final : public QObject, public RunSink {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectStore)

public:
    // Opens or creates `path`. nullptr plus a message naming the file when it cannot be used for writing.
    static std::unique_ptr<ProjectStore> open(const QString& path, QString* error);
    ~ProjectStore() override;

    QString path() const { return m_path; }

    // All queued to the writer thread; they return at once.
    void beginRun(const RunData& info) override;
    void beginPoint(const QString& runId, int index, int parallel, int number, double rate) override;
    void writeRequests(const QString& runId, int pointIndex, const QList<RequestRecord>& records) override;
    void finishPoint(const QString& runId, const PointResult& result) override;
    void finishRun(const QString& runId, const QString& status) override;
    // The engine calls this once it has asked the server about itself (GET /v1/models and the response headers).
    void setFingerprint(const QString& runId, const EndpointFingerprint& fingerprint) override;
    // User annotations; they replace what was there.
    void setName(const QString& runId, const QString& name);
    void setNotes(const QString& runId, const QString& notes);
    void setTags(const QString& runId, const QStringList& tags);
    void deleteRun(const QString& runId);
    // Named setups of the workbench's form: `configJson` is RunConfig::toJson without secrets; replaces that name.
    void setPreset(const QString& name, const QByteArray& configJson);
    void removePreset(const QString& name);
    // A complete run from an import, written in one transaction.
    void insertRun(const RunData& run);

    // Blocks until everything queued so far is on disk. False (with the first write error) if anything failed.
    bool flush(QString* error = nullptr);
    // The same without blocking: `done` runs on this object's thread, with the first write error (empty when all
    // went well), once everything queued so far is on disk; not at all when `context` or this store is gone first.
    void flushLater(QObject* context, std::function<void(const QString& error)> done);

    // Tests: simulate a full disk after `pages` more pages (ProjectWriter::limitGrowth).
    void limitGrowth(int pages);

Q_SIGNALS:
    // A write failed (the first message is also flush()'s): a run writing here must stop (RunController::fail()).
    void writeFailed(const QString& message);

private:
    ProjectStore(QString path, QObject* parent = nullptr);

    QString m_path;
    QThread m_thread;
    ProjectWriter* m_writer = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace tl
