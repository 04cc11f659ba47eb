#pragma once

#include "model/requestrecord.h"
#include "storage/projectstore.h"
#include "storage/rundata.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>

class QTimer;
struct sqlite3_stmt;

namespace tl {

// Lives on ProjectStore's writer thread and owns that thread's SQLite connection. Can also be used directly on
// one thread (import, delete from the CLI): every method is synchronous.
class ProjectWriter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectWriter)

public:
    explicit ProjectWriter(QString path, QObject* parent = nullptr);
    ~ProjectWriter() override;

    bool openDatabase(QString* error);
    void beginRun(const tl::RunData& info);
    void beginPoint(const QString& runId, int index, int parallel, int number, double rate);
    void writeRequests(const QString& runId, int pointIndex, const QList<tl::RequestRecord>& records);
    void finishPoint(const QString& runId, const tl::PointResult& result);
    void finishRun(const QString& runId, const QString& status);
    void setFingerprint(const QString& runId, const QByteArray& fingerprintJson);
    void setName(const QString& runId, const QString& name);
    void setNotes(const QString& runId, const QString& notes);
    void setTags(const QString& runId, const QStringList& tags);
    // False (and firstError() set) when nothing was deleted.
    bool deleteRun(const QString& runId);
    void setPreset(const QString& name, const QByteArray& configJson);
    void removePreset(const QString& name);
    // A complete run (an import) in one transaction; records are relative to the run's anchor.
    bool insertRun(const tl::RunData& run);
    QString firstError() const { return m_firstError; }
    // Tests: the file may grow by `pages` more pages only (PRAGMA max_page_count), so that a commit fails as on a
    // full disk.
    void limitGrowth(int pages);
    void closeDatabase();

    // How often a running run's row is touched while nothing else is written, so that readers can tell a live run
    // from a dead one (ProjectReader: silent for 30 s = interrupted).
    static constexpr int kHeartbeatMs = 5000;

Q_SIGNALS:
    void writeFailed(const QString& message);

private:
    bool exec(const char* what, class QSqlQuery& q);
    // One text column of a run row (a fixed column name, never user input).
    void setRunText(const QString& runId, const QString& column, const QString& value, const char* what);
    void report(const QString& message);
    bool insertRequests(const QString& runId, int pointIndex, const QList<tl::RequestRecord>& records, qint64 anchorNs);
    bool insertRunRow(const tl::RunData& info, const QString& status, const tl::RunData* extra);
    void touchRun(const QString& runId);
    void heartbeat();
    void* sqliteHandle() const; // the connection's sqlite3*, from the Qt driver

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_firstError;
    QHash<QString, qint64> m_anchors; // run id -> monotonic anchor of the runs written by this process
    QSet<QString> m_running;
    QString* m_capture = nullptr; // set: report() keeps the first message here instead of emitting it
    QHash<QString, qint64> m_stored; // run id -> requests committed by this process
    QSet<QString> m_lostRequests; // runs of which a batch of requests could not be stored: never `completed`
    QTimer* m_heartbeat = nullptr;
    sqlite3_stmt* m_insertRequest = nullptr; // prepared once per connection, finalized before it closes
};

} // namespace tl
