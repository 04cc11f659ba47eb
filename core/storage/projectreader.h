#pragma once

#include "config/runconfig.h"
#include "engine/requestrecord.h"
#include "metrics/summary.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tl {

struct RunRow {
    QString id;
    QString name;
    QString model;
    QString url;
    QString status; // running, completed, stopped, failed, interrupted (running but silent for > 30 s)
    QDateTime created;
    int points = 0;
    qint64 requests = 0;
    QByteArray configJson;
    qint64 monotonicAnchorNs = 0; // stored request times are relative to this (tl::monotonicNs() at the run start)
};

struct PointRow {
    int index = 0;
    RunPoint point;
    QString status;
    bool hasSummary = false;
    Summary summary;
    PercentileTable percentiles;
    qint64 requests = 0;
};

// Read side of a project file, on its own connection (one reader per thread). Never writes.
class ProjectReader final {
public:
    ProjectReader();
    ~ProjectReader();
    ProjectReader(const ProjectReader&) = delete;
    ProjectReader& operator=(const ProjectReader&) = delete;

    bool open(const QString& path, QString* error);
    QString path() const { return m_path; }

    QList<RunRow> runs() const;
    QList<PointRow> points(const QString& runId) const;
    QList<RequestRecord> requests(const QString& runId, int pointIndex) const;

private:
    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace tl
