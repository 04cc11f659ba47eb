#pragma once

#include "config/runconfig.h"
#include "metrics/summary.h"
#include "model/requestrecord.h"
#include "model/rundata.h"
#include "storage/rundata.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace tl {

// Read side of a project file, on its own connection (one reader per thread). Never writes, except that a file of
// an earlier schema is upgraded once (after a copy is kept beside it) before it is opened.
class ProjectReader final {
public:
    ProjectReader();
    ~ProjectReader();
    ProjectReader(const ProjectReader&) = delete;
    ProjectReader& operator=(const ProjectReader&) = delete;

    bool open(const QString& path, QString* error);
    QString path() const { return m_path; }
    // The first read error since open() (a damaged page, say), naming the file; empty when all went well.
    QString lastError() const { return m_lastError; }

    QList<RunData> runs() const;
    std::optional<RunData> run(const QString& runId) const;
    // A run named by its id, a unique prefix of it, or "latest". Empty with a message otherwise.
    QString findRun(const QString& idOrPrefix, QString* error) const;
    // Every point of a run as the run measured it. Points of an earlier schema get their extended metrics recomputed
    // from their requests, points that never finished their whole result (summaryRecomputed). Records only when
    // asked for, their stored request bodies (--store-bodies) only when asked for as well.
    QList<PointResult> points(const QString& runId, bool withRecords = false, bool withBodies = false) const;
    // A point's requests in sequence order; `limit` of them when >= 0 (the first ones); with their stored bodies
    // when `withBodies` (memory: a body per request).
    QList<RequestRecord> requests(const QString& runId, int pointIndex, int limit = -1, bool withBodies = false) const;
    // How much of each request forEachRequest() reads.
    enum class RequestDetail {
        Full, // every event, token deltas and the response id: the record as stored (the body only where asked)
        Compact, // of the events only the first with choices and the last (what TTFT, latency and TPOT read: eventNs
                 // holds at most those two), no token deltas, no response id; a failure's error message is kept
    };
    // Streams every request of run `runId` to `visit` (point, then sequence order) without holding them: what a view
    // of a large run builds its own compact columns from. `pointIndex` is the stored point's index
    // (PointResult::index). False on a read error (lastError()).
    bool forEachRequest(const QString& runId, const std::function<void(int pointIndex, const RequestRecord&)>& visit,
        RequestDetail detail = RequestDetail::Compact) const;
    // One request in full (every event, its stored body), for a detail view; nullopt when it is not stored.
    std::optional<RequestRecord> request(const QString& runId, int pointIndex, int seq) const;
    // Everything about one run, every point's requests included (their bodies when `withBodies`).
    std::optional<RunData> loadRun(const QString& runId, bool withBodies = false) const;
    // The project's named presets of the setup form, sorted; a preset's RunConfig JSON (empty when none).
    QStringList presetNames() const;
    QByteArray preset(const QString& name) const;

private:
    bool query(class QSqlQuery& q) const;
    RequestRecord readRequest(const class QSqlQuery& q, const QString& runId, RequestDetail detail) const;
    QList<RunData> selectRuns(const QString& where, const QVariant& bind) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace tl
