#pragma once

#include "engine/requestrecord.h"
#include "storage/projectstore.h"

#include <QObject>
#include <QSqlDatabase>

namespace tl {

// Lives on ProjectStore's writer thread and owns that thread's SQLite connection.
class ProjectWriter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectWriter)

public:
    explicit ProjectWriter(QString path, QObject* parent = nullptr);
    ~ProjectWriter() override;

    bool openDatabase(QString* error);
    void beginRun(const tl::RunInfo& info);
    void beginPoint(const QString& runId, int index, int parallel, int number, double rate);
    void writeRequests(const QString& runId, int pointIndex, const QList<tl::RequestRecord>& records);
    void finishPoint(const QString& runId, int index, const QString& status, const QByteArray& summaryJson,
                     const QByteArray& percentileJson);
    void finishRun(const QString& runId, const QString& status);
    QString firstError() const { return m_firstError; }
    void closeDatabase();

Q_SIGNALS:
    void writeFailed(const QString& message);

private:
    bool exec(const char* what, class QSqlQuery& q);
    void touchRun(const QString& runId);

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_firstError;
    qint64 m_anchorNs = 0;
};

} // namespace tl
