#include "storage/projectreader.h"

#include "storage/pointresultjson.h"
#include "storage/projectschema.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace tl {

namespace {

constexpr qint64 kInterruptedAfterMs = 30000; // a running run silent this long was killed or crashed

// True only when we know: the writer ran on this host and no process with its id exists any more.
bool writerGone(qint64 pid, const QString& host)
{
#ifdef Q_OS_UNIX
    if (pid <= 0 || host != QSysInfo::machineHostName() || pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    Q_UNUSED(host);
    return false;
#endif
}

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
    m_lastError.clear();
    int older = 0;
    if (ProjectSchema::open(m_db, path, m_connection, false, error, &older))
        return true;
    // A failed open leaves a closed connection under our name: drop it before opening again.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    if (older <= 0)
        return false;
    // An earlier schema: upgrade it when the file may be written (the upgrade keeps a copy), then read it.
    const QFileInfo info(path);
    if (!info.isWritable() || !info.permission(QFile::WriteOwner))
        return false; // the message already says to make it writable or use a copy
    return ProjectSchema::upgrade(path, error) && ProjectSchema::open(m_db, path, m_connection, false, error);
}

bool ProjectReader::query(QSqlQuery& q) const
{
    if (q.exec())
        return true;
    if (m_lastError.isEmpty())
        m_lastError = ProjectSchema::readError(m_path, q.lastError().text());
    return false;
}

QList<RunData> ProjectReader::selectRuns(const QString& where, const QVariant& bind) const
{
    QList<RunData> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT r.id, r.name, r.model, r.url, r.status, r.created_ms, r.updated_ms, r.config_json,"
                  " r.monotonic_anchor_ns, r.api, r.tool_version, r.source, r.source_path, r.import_notes, r.notes,"
                  " r.fingerprint_json, r.writer_pid, r.writer_host,"
                  " (SELECT count(*) FROM run_points p WHERE p.run_id = r.id),"
                  " (SELECT coalesce(sum(p.request_count), 0) FROM run_points p WHERE p.run_id = r.id),"
                  " (SELECT group_concat(t.tag, char(10)) FROM run_tags t WHERE t.run_id = r.id)"
                  " FROM runs r ")
        + where + QStringLiteral(" ORDER BY r.created_ms DESC, r.id"));
    if (bind.isValid())
        q.addBindValue(bind);
    if (!query(q))
        return out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (q.next()) {
        RunData r;
        r.id = q.value(0).toString();
        r.name = q.value(1).toString();
        r.model = q.value(2).toString();
        r.url = q.value(3).toString();
        r.status = q.value(4).toString();
        r.createdMs = q.value(5).toLongLong();
        r.updatedMs = q.value(6).toLongLong();
        if (r.status == u"running"
            && (now - q.value(6).toLongLong() > kInterruptedAfterMs
                || writerGone(q.value(16).toLongLong(), q.value(17).toString())))
            r.status = QStringLiteral("interrupted");
        r.configJson = q.value(7).toString().toUtf8();
        r.monotonicAnchorNs = q.value(8).toLongLong();
        r.api = q.value(9).toString();
        r.toolVersion = q.value(10).toString();
        r.source = q.value(11).toString();
        r.sourcePath = q.value(12).toString();
        const QString notes = q.value(13).toString();
        if (!notes.isEmpty())
            r.importNotes = notes.split(u'\n');
        r.notes = q.value(14).toString();
        r.fingerprintJson = q.value(15).toString().toUtf8();
        r.pointCount = q.value(18).toInt();
        r.requestCount = q.value(19).toLongLong();
        const QString tags = q.value(20).toString();
        if (!tags.isEmpty()) {
            r.tags = tags.split(u'\n');
            r.tags.sort();
        }
        out.append(r);
    }
    return out;
}

QList<RunData> ProjectReader::runs() const
{
    return selectRuns(QString(), QVariant());
}

QStringList ProjectReader::presetNames() const
{
    QStringList names;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name FROM presets ORDER BY name"));
    if (query(q)) {
        while (q.next())
            names.append(q.value(0).toString());
    }
    return names;
}

QByteArray ProjectReader::preset(const QString& name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT config_json FROM presets WHERE name = ?"));
    q.addBindValue(name);
    if (query(q) && q.next())
        return q.value(0).toString().toUtf8();
    return {};
}

std::optional<RunData> ProjectReader::run(const QString& runId) const
{
    const QList<RunData> rows = selectRuns(QStringLiteral("WHERE r.id = ?"), runId);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QString ProjectReader::findRun(const QString& idOrPrefix, QString* error) const
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return QString();
    };
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (idOrPrefix == u"latest") {
        q.prepare(QStringLiteral("SELECT id FROM runs ORDER BY created_ms DESC, id LIMIT 1"));
    } else {
        // substr() instead of LIKE: ids may hold '%' or '_' after an import.
        q.prepare(QStringLiteral("SELECT id FROM runs WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 2"));
        q.addBindValue(idOrPrefix.size());
        q.addBindValue(idOrPrefix);
    }
    if (!query(q))
        return fail(m_lastError);
    QStringList found;
    while (q.next())
        found.append(q.value(0).toString());
    if (found.isEmpty())
        return fail(idOrPrefix == u"latest"
                ? Tr::tr("project '%1' holds no runs").arg(m_path)
                : Tr::tr("project '%1' has no run '%2'; 'runs list' shows the ids").arg(m_path, idOrPrefix));
    if (found.contains(idOrPrefix))
        return idOrPrefix;
    if (found.size() > 1)
        return fail(Tr::tr("'%1' matches several runs of '%2'; give more of the id").arg(idOrPrefix, m_path));
    return found.first();
}

QList<PointResult> ProjectReader::points(const QString& runId, bool withRecords, bool withBodies) const
{
    QList<PointResult> out;
    const std::optional<RunData> run = this->run(runId);
    if (!run)
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT idx, parallel, number, rate, status, summary_json, percentile_json, request_count,"
                             " result_json FROM run_points WHERE run_id = ? ORDER BY idx"));
    q.addBindValue(runId);
    if (!query(q))
        return out;
    QList<bool> complete; // the stored result holds everything (schema 4); else recomputed below
    while (q.next()) {
        PointResult p;
        p.index = q.value(0).toInt();
        p.point = RunPoint{q.value(1).toInt(), q.value(2).toInt(), q.value(3).toDouble()};
        p.status = q.value(4).toString();
        if (p.status == u"running" && run->status != u"running")
            p.status = QStringLiteral("interrupted");
        p.stopped = p.status == u"stopped";
        p.requestCount = q.value(7).toLongLong();
        const bool whole = !q.value(8).isNull() && pointResultFromJson(q.value(8).toString().toUtf8(), p);
        if (!whole) {
            const QByteArray summary = q.value(5).toString().toUtf8();
            p.hasSummary = !summary.isEmpty();
            if (p.hasSummary)
                p.summary = summaryFromJson(summary);
            const QByteArray percentiles = q.value(6).toString().toUtf8();
            if (!percentiles.isEmpty())
                p.percentiles = percentilesFromJson(percentiles);
        }
        complete.append(whole);
        out.append(p);
    }
    const RunConfig::ApiKind api = RunConfig::apiKindOf(run->api);
    for (qsizetype i = 0; i < out.size(); ++i) {
        PointResult& p = out[i];
        if (withRecords || !complete.at(i))
            p.records = requests(runId, p.index, -1, withBodies && withRecords);
        if (complete.at(i) || p.status == u"running" || p.requestCount == 0)
            continue;
        p.warmupRequests
            = int(std::count_if(p.records.cbegin(), p.records.cend(), [](const RequestRecord& r) { return r.warmup; }));
        if (p.hasSummary) {
            // A point of an earlier schema: its stored summary is what the run printed; the extended metrics it did
            // not store come from its requests.
            PointResult recomputed = p;
            recomputeMetrics(recomputed, api);
            p.extended = recomputed.extended;
        } else {
            // A point that never finished has no stored summary: show what it measured, from its stored requests.
            recomputeMetrics(p, api);
            p.summaryRecomputed = true;
        }
        if (!withRecords)
            p.records.clear();
    }
    return out;
}

namespace {

// The request columns every reader of requests selects, in readRequest()'s order; the body last (kBodyColumn), read
// only when asked for.
const char* const kRequestColumns
    = "seq, warmup, success, stream, scheduled_ns, sent_ns, headers_ns, end_ns, prompt_tokens, completion_tokens,"
      " cached_tokens, token_source, http_status, error_class, error_message, bytes, events, response_id, retries,"
      " event_tokens, conversation_id, turn_index, request_id";

// The same for RequestDetail::Compact: what it does not read is not fetched either (each column of a row becomes a
// QVariant, and the blobs are copied).
const char* const kCompactColumns
    = "seq, warmup, success, stream, scheduled_ns, sent_ns, headers_ns, end_ns, prompt_tokens, completion_tokens,"
      " cached_tokens, token_source, http_status, error_class, CASE WHEN success THEN NULL ELSE error_message END,"
      " bytes, events, NULL, retries, NULL, conversation_id, turn_index, request_id";

constexpr int kBodyColumn = 23;

QString requestColumns(ProjectReader::RequestDetail detail, bool withBodies)
{
    return QLatin1String(detail == ProjectReader::RequestDetail::Compact ? kCompactColumns : kRequestColumns)
        + (withBodies ? QLatin1String(", request_body") : QLatin1String(", NULL"));
}

} // namespace

RequestRecord ProjectReader::readRequest(const QSqlQuery& q, const QString& runId, RequestDetail detail) const
{
    auto tokens = [](const QVariant& v) { return v.isNull() ? qint64(-1) : v.toLongLong(); };
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
    r.tokenSource = tokenSourceFromName(q.value(11).toString());
    r.httpStatus = q.value(12).toInt();
    r.errorClass = q.value(13).isNull() ? ErrorClass::None : errorClassFromName(q.value(13).toString());
    r.errorMessage = q.value(14).toString();
    r.bytesReceived = q.value(15).toLongLong();
    const bool eventsOk = detail == RequestDetail::Full
        ? ProjectSchema::decodeEvents(q.value(16).toByteArray(), r.sentNs, r.eventNs, r.eventFlags)
        : ProjectSchema::decodeEventEnds(q.value(16).toByteArray(), r.sentNs, r.eventNs, r.eventFlags, nullptr);
    if (!eventsOk && m_lastError.isEmpty())
        m_lastError = ProjectSchema::readError(
            m_path, QStringLiteral("the event times of request %1 of run %2 are corrupt").arg(r.seq).arg(runId));
    r.retries = q.value(18).toInt();
    if (detail == RequestDetail::Full) {
        r.responseId = q.value(17).toString().toUtf8();
        if (!ProjectSchema::decodeEventTokens(q.value(19).toByteArray(), r.eventNs.size(), r.eventTokens)
            && m_lastError.isEmpty())
            m_lastError = ProjectSchema::readError(
                m_path, QStringLiteral("the token deltas of request %1 of run %2 are corrupt").arg(r.seq).arg(runId));
    }
    r.conversationId = tokens(q.value(20));
    r.turnIndex = int(tokens(q.value(21)));
    r.requestId = q.value(22).toString();
    if (!ProjectSchema::decodeBody(q.value(kBodyColumn).toByteArray(), r.requestBody) && m_lastError.isEmpty())
        m_lastError = ProjectSchema::readError(
            m_path, QStringLiteral("the stored body of request %1 of run %2 is corrupt").arg(r.seq).arg(runId));
    return r;
}

QList<RequestRecord> ProjectReader::requests(const QString& runId, int pointIndex, int limit, bool withBodies) const
{
    QList<RequestRecord> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM requests WHERE run_id = ? AND point_idx = ? ORDER BY seq LIMIT ?")
                  .arg(requestColumns(RequestDetail::Full, withBodies)));
    q.addBindValue(runId);
    q.addBindValue(pointIndex);
    q.addBindValue(limit);
    if (!query(q))
        return out;
    while (q.next())
        out.append(readRequest(q, runId, RequestDetail::Full));
    if (q.lastError().isValid() && m_lastError.isEmpty())
        m_lastError = ProjectSchema::readError(m_path, q.lastError().text());
    return out;
}

bool ProjectReader::forEachRequest(const QString& runId,
    const std::function<void(int pointIndex, const RequestRecord&)>& visit, RequestDetail detail) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, point_idx FROM requests WHERE run_id = ? ORDER BY point_idx, seq")
                  .arg(requestColumns(detail, false)));
    q.addBindValue(runId);
    if (!query(q))
        return false;
    while (q.next())
        visit(q.value(kBodyColumn + 1).toInt(), readRequest(q, runId, detail));
    if (q.lastError().isValid()) {
        if (m_lastError.isEmpty())
            m_lastError = ProjectSchema::readError(m_path, q.lastError().text());
        return false;
    }
    return true;
}

std::optional<RequestRecord> ProjectReader::request(const QString& runId, int pointIndex, int seq) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM requests WHERE run_id = ? AND point_idx = ? AND seq = ?")
                  .arg(requestColumns(RequestDetail::Full, true)));
    q.addBindValue(runId);
    q.addBindValue(pointIndex);
    q.addBindValue(seq);
    if (!query(q) || !q.next())
        return std::nullopt;
    return readRequest(q, runId, RequestDetail::Full);
}

std::optional<RunData> ProjectReader::loadRun(const QString& runId, bool withBodies) const
{
    std::optional<RunData> run = this->run(runId);
    if (run)
        run->points = points(runId, true, withBodies);
    return run;
}

} // namespace tl
