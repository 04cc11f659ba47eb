#pragma once

#include "config/runconfig.h"
#include "model/requestrecord.h"
#include "metrics/summary.h"
#include "storage/rundata.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace tl {

struct RunRow {
    QString id;
    QString name;
    QString model;
    QString url;
    QString api;
    // running, finished, stopped, failed, or interrupted: marked running but its writer process is gone (same
    // host) or the row has not been touched for 30 s (the writer touches it every 5 s while it lives).
    QString status;
    QDateTime created;
    QDateTime updated;
    int points = 0;
    qint64 requests = 0;
    QByteArray configJson;
    qint64 monotonicAnchorNs = 0; // stored request times are relative to this (tl::monotonicNs() at the run start)
    QString toolVersion;
    QString source; // throughline, evalscope, vllm, throughline-json
    QString sourcePath;
    QStringList importNotes; // what an imported source lacked
    QString notes;
    QStringList tags;
    QByteArray fingerprintJson; // EndpointFingerprint JSON, empty when none was captured
};

struct PointRow {
    int index = 0;
    RunPoint point;
    QString status;
    bool hasSummary = false;
    // The summary was computed now from the stored requests because the point never finished (interrupted run).
    bool summaryRecomputed = false;
    Summary summary;
    PercentileTable percentiles;
    qint64 requests = 0;
};

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

    QList<RunRow> runs() const;
    std::optional<RunRow> run(const QString& runId) const;
    // A run named by its id, a unique prefix of it, or "latest". Empty with a message otherwise.
    QString findRun(const QString& idOrPrefix, QString* error) const;
    QList<PointRow> points(const QString& runId) const;
    QList<RequestRecord> requests(const QString& runId, int pointIndex) const;
    // Everything about one run, requests included.
    std::optional<RunData> loadRun(const QString& runId) const;

private:
    bool query(class QSqlQuery& q) const;
    QList<RunRow> selectRuns(const QString& where, const QVariant& bind) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace tl
