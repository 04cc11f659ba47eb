#include "storage/projectreader.h"

#include "storage/projectschema.h"

#include <QSqlQuery>
#include <QUuid>

namespace tl {

namespace {

constexpr qint64 kInterruptedAfterMs = 30000; // a running run silent this long was killed or crashed

} // namespace

ProjectReader::ProjectReader()
    : m_connection(QStringLiteral("tl-reader-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ProjectReader::~ProjectReader()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool ProjectReader::open(const QString& path, QString* error)
{
    m_path = path;
    return ProjectSchema::open(m_db, path, m_connection, false, error);
}

QList<RunRow> ProjectReader::runs() const
{
    QList<RunRow> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT r.id, r.name, r.model, r.url, r.status, r.created_ms, r.updated_ms, r.config_json, r.monotonic_anchor_ns,"
            " (SELECT count(*) FROM run_points p WHERE p.run_id = r.id),"
            " (SELECT count(*) FROM requests q WHERE q.run_id = r.id)"
            " FROM runs r ORDER BY r.created_ms DESC")))
        return out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (q.next()) {
        RunRow r;
        r.id = q.value(0).toString();
        r.name = q.value(1).toString();
        r.model = q.value(2).toString();
        r.url = q.value(3).toString();
        r.status = q.value(4).toString();
        r.created = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong());
        if (r.status == u"running" && now - q.value(6).toLongLong() > kInterruptedAfterMs)
            r.status = QStringLiteral("interrupted");
        r.configJson = q.value(7).toString().toUtf8();
        r.monotonicAnchorNs = q.value(8).toLongLong();
        r.points = q.value(9).toInt();
        r.requests = q.value(10).toLongLong();
        out.append(r);
    }
    return out;
}

QList<PointRow> ProjectReader::points(const QString& runId) const
{
    QList<PointRow> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT p.idx, p.parallel, p.number, p.rate, p.status, p.summary_json, p.percentile_json,"
                             " (SELECT count(*) FROM requests r WHERE r.run_id = p.run_id AND r.point_idx = p.idx)"
                             " FROM run_points p WHERE p.run_id = ? ORDER BY p.idx"));
    q.addBindValue(runId);
    if (!q.exec())
        return out;
    while (q.next()) {
        PointRow p;
        p.index = q.value(0).toInt();
        p.point = RunPoint{q.value(1).toInt(), q.value(2).toInt(), q.value(3).toDouble()};
        p.status = q.value(4).toString();
        const QByteArray summary = q.value(5).toString().toUtf8();
        p.hasSummary = !summary.isEmpty();
        if (p.hasSummary)
            p.summary = summaryFromJson(summary);
        const QByteArray percentiles = q.value(6).toString().toUtf8();
        if (!percentiles.isEmpty())
            p.percentiles = percentilesFromJson(percentiles);
        p.requests = q.value(7).toLongLong();
        out.append(p);
    }
    return out;
}

QList<RequestRecord> ProjectReader::requests(const QString& runId, int pointIndex) const
{
    QList<RequestRecord> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, warmup, success, stream, scheduled_ns, sent_ns, headers_ns, end_ns,"
                             " prompt_tokens, completion_tokens, cached_tokens, token_source, http_status, error_class,"
                             " error_message, bytes, events FROM requests WHERE run_id = ? AND point_idx = ? ORDER BY seq"));
    q.addBindValue(runId);
    q.addBindValue(pointIndex);
    if (!q.exec())
        return out;
    auto tokens = [](const QVariant& v) { return v.isNull() ? qint64(-1) : v.toLongLong(); };
    while (q.next()) {
        RequestRecord r;
        r.seq = q.value(0).toInt();
        r.warmup = q.value(1).toBool();
        r.success = q.value(2).toBool();
        r.stream = q.value(3).toBool();
        r.scheduledNs = q.value(4).toLongLong();
        r.sentNs = q.value(5).toLongLong();
        r.headersNs = q.value(6).toLongLong();
        r.endNs = q.value(7).toLongLong();
        r.promptTokens = tokens(q.value(8));
        r.completionTokens = tokens(q.value(9));
        r.cachedTokens = tokens(q.value(10));
        const QString source = q.value(11).toString();
        r.tokenSource = source == u"server_usage" ? TokenSource::ServerUsage
            : source == u"chunk_count"            ? TokenSource::ChunkCount
                                                  : TokenSource::Unknown;
        r.httpStatus = q.value(12).toInt();
        r.errorClass = q.value(13).isNull() ? ErrorClass::None : errorClassFromName(q.value(13).toString());
        r.errorMessage = q.value(14).toString();
        r.bytesReceived = q.value(15).toLongLong();
        ProjectSchema::decodeEvents(q.value(16).toByteArray(), r.sentNs, r.eventNs, r.eventFlags);
        out.append(r);
    }
    return out;
}

} // namespace tl
