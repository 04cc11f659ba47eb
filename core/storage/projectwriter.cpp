#include "storage/projectwriter.h"

#include "storage/projectschema.h"
#include "util/tr.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tl {

ProjectWriter::ProjectWriter(QString path, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_connection(QStringLiteral("tl-writer-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ProjectWriter::~ProjectWriter()
{
    closeDatabase();
}

void ProjectWriter::closeDatabase()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool ProjectWriter::openDatabase(QString* error)
{
    return ProjectSchema::open(m_db, m_path, m_connection, true, error);
}

bool ProjectWriter::exec(const char* what, QSqlQuery& q)
{
    if (q.exec())
        return true;
    const QString message = Tr::tr("project '%1': cannot %2: %3").arg(m_path, QLatin1String(what), q.lastError().text());
    if (m_firstError.isEmpty())
        m_firstError = message;
    Q_EMIT writeFailed(message);
    return false;
}

void ProjectWriter::touchRun(const QString& runId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET updated_ms = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(runId);
    exec("update the run", q);
}

void ProjectWriter::beginRun(const RunInfo& info)
{
    m_anchorNs = info.monotonicAnchorNs;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO runs(id, name, created_ms, updated_ms, status, tool_version, config_json,"
                             " model, url, api, monotonic_anchor_ns) VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(info.id);
    q.addBindValue(info.name);
    q.addBindValue(info.createdMs);
    q.addBindValue(info.createdMs);
    q.addBindValue(QStringLiteral("running"));
    q.addBindValue(QStringLiteral(THROUGHLINE_VERSION));
    q.addBindValue(QString::fromUtf8(info.configJson));
    q.addBindValue(info.model);
    q.addBindValue(info.url);
    q.addBindValue(info.api);
    q.addBindValue(info.monotonicAnchorNs);
    exec("record the run", q);
}

void ProjectWriter::beginPoint(const QString& runId, int index, int parallel, int number, double rate)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO run_points(run_id, idx, parallel, number, rate, status, started_ms)"
                             " VALUES(?,?,?,?,?,?,?)"));
    q.addBindValue(runId);
    q.addBindValue(index);
    q.addBindValue(parallel);
    q.addBindValue(number);
    q.addBindValue(rate);
    q.addBindValue(QStringLiteral("running"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    exec("record the run point", q);
}

void ProjectWriter::writeRequests(const QString& runId, int pointIndex, const QList<RequestRecord>& records)
{
    if (!m_db.transaction()) {
        const QString message = Tr::tr("project '%1': cannot start a transaction: %2")
                                    .arg(m_path, m_db.lastError().text());
        if (m_firstError.isEmpty())
            m_firstError = message;
        Q_EMIT writeFailed(message);
        return;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO requests(run_id, point_idx, seq, warmup, success, stream, scheduled_ns, sent_ns,"
        " headers_ns, end_ns, first_choices_ns, first_content_ns, completed_ns, prompt_tokens, completion_tokens,"
        " cached_tokens, token_source, http_status, error_class, error_message, bytes, event_count, events)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    auto rel = [this](qint64 ns) { return ns != 0 ? QVariant(ns - m_anchorNs) : QVariant(0); };
    auto tokens = [](qint64 v) { return v >= 0 ? QVariant(v) : QVariant(); };
    bool ok = true;
    for (const RequestRecord& r : records) {
        q.addBindValue(runId);
        q.addBindValue(pointIndex);
        q.addBindValue(r.seq);
        q.addBindValue(int(r.warmup));
        q.addBindValue(int(r.success));
        q.addBindValue(int(r.stream));
        q.addBindValue(rel(r.scheduledNs));
        q.addBindValue(rel(r.sentNs));
        q.addBindValue(rel(r.headersNs));
        q.addBindValue(rel(r.endNs));
        q.addBindValue(rel(r.firstChoicesNs()));
        q.addBindValue(rel(r.firstContentNs()));
        q.addBindValue(rel(r.completedNs()));
        q.addBindValue(tokens(r.promptTokens));
        q.addBindValue(tokens(r.completionTokens));
        q.addBindValue(tokens(r.cachedTokens));
        q.addBindValue(tokenSourceName(r.tokenSource));
        q.addBindValue(r.httpStatus);
        q.addBindValue(r.errorClass == ErrorClass::None ? QVariant() : QVariant(errorClassName(r.errorClass)));
        q.addBindValue(r.errorMessage.isEmpty() ? QVariant() : QVariant(r.errorMessage));
        q.addBindValue(r.bytesReceived);
        q.addBindValue(r.eventNs.size());
        q.addBindValue(ProjectSchema::encodeEvents(r.sentNs, r.eventNs, r.eventFlags));
        if (!exec("store a request", q)) {
            ok = false;
            break;
        }
    }
    QSqlQuery touch(m_db);
    touch.prepare(QStringLiteral("UPDATE runs SET updated_ms = ? WHERE id = ?"));
    touch.addBindValue(QDateTime::currentMSecsSinceEpoch());
    touch.addBindValue(runId);
    ok = ok && exec("update the run", touch);
    if (!ok || !m_db.commit()) {
        m_db.rollback();
        if (ok) {
            const QString message = Tr::tr("project '%1': cannot commit: %2").arg(m_path, m_db.lastError().text());
            if (m_firstError.isEmpty())
                m_firstError = message;
            Q_EMIT writeFailed(message);
        }
    }
}

void ProjectWriter::finishPoint(const QString& runId, int index, const QString& status, const QByteArray& summaryJson,
                                const QByteArray& percentileJson)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE run_points SET status = ?, finished_ms = ?, summary_json = ?, percentile_json = ?"
                             " WHERE run_id = ? AND idx = ?"));
    q.addBindValue(status);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(QString::fromUtf8(summaryJson));
    q.addBindValue(percentileJson.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(percentileJson)));
    q.addBindValue(runId);
    q.addBindValue(index);
    exec("store the run point's summary", q);
    touchRun(runId);
}

void ProjectWriter::finishRun(const QString& runId, const QString& status)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, updated_ms = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(runId);
    exec("finish the run", q);
}

} // namespace tl
