#include "storage/projectwriter.h"

#include "config/secretmask.h"
#include "storage/pointresultjson.h"
#include "storage/projectschema.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <sqlite3.h>

namespace tl {

namespace {

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// For NOT NULL text columns: a null QString binds as SQL NULL, an empty one as ''.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

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
    if (m_insertRequest) {
        sqlite3_finalize(m_insertRequest);
        m_insertRequest = nullptr;
    }
    if (m_heartbeat) {
        m_heartbeat->stop();
        delete m_heartbeat;
        m_heartbeat = nullptr;
    }
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool ProjectWriter::openDatabase(QString* error)
{
    if (!ProjectSchema::open(m_db, m_path, m_connection, true, error))
        return false;
    // Created here, on the thread that uses the connection.
    m_heartbeat = new QTimer;
    m_heartbeat->setInterval(kHeartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &ProjectWriter::heartbeat);
    m_heartbeat->start();
    return true;
}

void ProjectWriter::report(const QString& message)
{
    if (m_capture != nullptr) { // writeRequests() reports the batch's failure as a whole
        if (m_capture->isEmpty())
            *m_capture = message;
        return;
    }
    if (m_firstError.isEmpty())
        m_firstError = message;
    Q_EMIT writeFailed(message);
}

bool ProjectWriter::exec(const char* what, QSqlQuery& q)
{
    if (q.exec())
        return true;
    report(Tr::tr("project '%1': cannot %2: %3").arg(m_path, QLatin1String(what), q.lastError().text()));
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

void ProjectWriter::heartbeat()
{
    for (const QString& id : std::as_const(m_running))
        touchRun(id);
}

bool ProjectWriter::insertRunRow(const RunData& info, const QString& status, const RunData* extra)
{
    // The endpoint this run aimed at: one row per (url, api, model), shared by every run against it.
    QSqlQuery endpoint(m_db);
    endpoint.prepare(QStringLiteral("INSERT OR IGNORE INTO endpoints(url, api, model, first_used_ms) VALUES(?,?,?,?)"));
    // Empty, not NULL: an unknown URL (an import from vLLM) is still one endpoint row.
    // Masked here as well as by the engine: an imported run's URL and configuration come from other tools' files.
    const QString url = SecretMask::maskUrl(notNull(info.url), SecretMask::secretHeadersOf(info.configJson));
    const QString api = notNull(info.api);
    const QString model = notNull(info.model);
    endpoint.addBindValue(url);
    endpoint.addBindValue(api);
    endpoint.addBindValue(model);
    endpoint.addBindValue(info.createdMs);
    if (!exec("record the endpoint", endpoint))
        return false;

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO runs(id, name, created_ms, updated_ms, status, tool_version, config_json, model, url, api,"
        " monotonic_anchor_ns, notes, endpoint_id, fingerprint_json, source, source_path, import_notes, writer_pid,"
        " writer_host) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,"
        " (SELECT id FROM endpoints WHERE url = ? AND api = ? AND model = ?),?,?,?,?,?,?)"));
    q.addBindValue(info.id);
    q.addBindValue(notNull(info.name));
    q.addBindValue(info.createdMs);
    q.addBindValue(extra ? info.createdMs : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(status);
    q.addBindValue(extra && !extra->toolVersion.isEmpty() ? extra->toolVersion : QStringLiteral(THROUGHLINE_VERSION));
    q.addBindValue(notNull(QString::fromUtf8(SecretMask::maskConfigJson(info.configJson))));
    q.addBindValue(info.model);
    q.addBindValue(info.url.isNull() ? info.url : url);
    q.addBindValue(info.api);
    q.addBindValue(info.monotonicAnchorNs);
    q.addBindValue(notNull(extra ? extra->notes : QString()));
    q.addBindValue(url);
    q.addBindValue(api);
    q.addBindValue(model);
    q.addBindValue(
        extra && !extra->fingerprintJson.isEmpty() ? QVariant(QString::fromUtf8(extra->fingerprintJson)) : QVariant());
    q.addBindValue(extra ? extra->source : QStringLiteral("throughline"));
    q.addBindValue(extra ? nullIfEmpty(extra->sourcePath) : QVariant());
    q.addBindValue(notNull(extra ? extra->importNotes.join(u'\n') : QString()));
    q.addBindValue(extra ? QVariant() : QVariant(QCoreApplication::applicationPid()));
    q.addBindValue(extra ? QVariant() : QVariant(QSysInfo::machineHostName()));
    return exec("record the run", q);
}

void ProjectWriter::beginRun(const RunData& info)
{
    m_anchors.insert(info.id, info.monotonicAnchorNs);
    m_running.insert(info.id);
    insertRunRow(info, QStringLiteral("running"), nullptr);
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

bool ProjectWriter::insertRequests(
    const QString& runId, int pointIndex, const QList<RequestRecord>& records, qint64 anchorNs)
{
    // The hot path of a run (and of import): straight on SQLite's C API with one prepared statement kept for the
    // connection's life. Through QSqlQuery, QVariant and QString conversions took three quarters of the time.
    auto* handle = static_cast<sqlite3*>(sqliteHandle());
    if (!handle) {
        report(Tr::tr("project '%1': the Qt SQLite driver gave no database handle").arg(m_path));
        return false;
    }
    auto fail = [&](const char* what) {
        report(Tr::tr("project '%1': cannot %2: %3")
                   .arg(m_path, QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(handle))));
        return false;
    };
    if (!m_insertRequest) {
        // OR IGNORE: a (run, point, seq) stored twice is an engine bug; the first copy is kept, the count stays true.
        static const char sql[]
            = "INSERT OR IGNORE INTO requests(run_id, point_idx, seq, warmup, success, stream, scheduled_ns, sent_ns,"
              " headers_ns, end_ns, first_choices_ns, first_content_ns, completed_ns, prompt_tokens, completion_tokens,"
              " cached_tokens, token_source, http_status, error_class, error_message, bytes, event_count, events,"
              " response_id, retries, event_tokens, conversation_id, turn_index, request_id, request_body)"
              " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        if (sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_insertRequest, nullptr) != SQLITE_OK) {
            m_insertRequest = nullptr;
            return fail("prepare the request insert");
        }
    }
    sqlite3_stmt* st = m_insertRequest;
    const QByteArray run = runId.toUtf8();
    // Required times: 0 stays 0. Optional times: NULL when the stage never happened.
    auto rel = [anchorNs](qint64 ns) { return ns != 0 ? ns - anchorNs : qint64(0); };
    auto opt = [st, anchorNs](int column, qint64 ns) {
        return ns != 0 ? sqlite3_bind_int64(st, column, ns - anchorNs) : sqlite3_bind_null(st, column);
    };
    auto count = [st](int column, qint64 v) {
        return v >= 0 ? sqlite3_bind_int64(st, column, v) : sqlite3_bind_null(st, column);
    };
    auto text = [st](int column, const QByteArray& utf8) {
        return utf8.isEmpty() ? sqlite3_bind_null(st, column)
                              : sqlite3_bind_text(st, column, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    };
    // Names of the few enum values, converted once rather than per request.
    QHash<int, QByteArray> sourceNames;
    QHash<int, QByteArray> errorNames;
    qint64 inserted = 0;
    int duplicate = -1;
    QByteArray events;
    QByteArray eventTokens;
    QByteArray body;
    for (const RequestRecord& r : records) {
        QByteArray& source = sourceNames[int(r.tokenSource)];
        if (source.isEmpty())
            source = tokenSourceName(r.tokenSource).toUtf8();
        QByteArray error;
        if (r.errorClass != ErrorClass::None) {
            QByteArray& name = errorNames[int(r.errorClass)];
            if (name.isEmpty())
                name = errorClassName(r.errorClass).toUtf8();
            error = name;
        }
        events = ProjectSchema::encodeEvents(r.sentNs, r.eventNs, r.eventFlags);
        eventTokens = ProjectSchema::encodeEventTokens(r.eventTokens);
        const QByteArray message = r.errorMessage.toUtf8();
        const QByteArray requestId = r.requestId.toUtf8();
        body = ProjectSchema::encodeBody(r.requestBody); // compressed here, on the writer's thread
        int rc = sqlite3_bind_text(st, 1, run.constData(), int(run.size()), SQLITE_STATIC);
        rc |= sqlite3_bind_int(st, 2, pointIndex);
        rc |= sqlite3_bind_int(st, 3, r.seq);
        rc |= sqlite3_bind_int(st, 4, int(r.warmup));
        rc |= sqlite3_bind_int(st, 5, int(r.success));
        rc |= sqlite3_bind_int(st, 6, int(r.stream));
        rc |= sqlite3_bind_int64(st, 7, rel(r.scheduledNs));
        rc |= sqlite3_bind_int64(st, 8, rel(r.sentNs));
        rc |= opt(9, r.headersNs);
        rc |= opt(10, r.endNs);
        rc |= opt(11, r.firstChoicesNs());
        rc |= opt(12, r.firstContentNs());
        rc |= opt(13, r.completedNs());
        rc |= count(14, r.promptTokens);
        rc |= count(15, r.completionTokens);
        rc |= count(16, r.cachedTokens);
        rc |= sqlite3_bind_text(st, 17, source.constData(), int(source.size()), SQLITE_STATIC);
        rc |= sqlite3_bind_int(st, 18, r.httpStatus);
        rc |= text(19, error);
        rc |= text(20, message);
        rc |= sqlite3_bind_int64(st, 21, r.bytesReceived);
        rc |= sqlite3_bind_int64(st, 22, r.eventNs.size());
        rc |= sqlite3_bind_blob(st, 23, events.constData(), int(events.size()), SQLITE_STATIC);
        rc |= text(24, r.responseId);
        rc |= sqlite3_bind_int(st, 25, r.retries);
        rc |= eventTokens.isEmpty()
            ? sqlite3_bind_null(st, 26)
            : sqlite3_bind_blob(st, 26, eventTokens.constData(), int(eventTokens.size()), SQLITE_STATIC);
        rc |= count(27, r.conversationId);
        rc |= count(28, r.turnIndex);
        rc |= text(29, requestId);
        rc |= body.isEmpty() ? sqlite3_bind_null(st, 30)
                             : sqlite3_bind_blob(st, 30, body.constData(), int(body.size()), SQLITE_STATIC);
        if (rc != SQLITE_OK) {
            sqlite3_reset(st);
            return fail("store a request");
        }
        const int step = sqlite3_step(st);
        sqlite3_reset(st);
        if (step != SQLITE_DONE)
            return fail("store a request");
        if (sqlite3_changes(handle) > 0)
            ++inserted;
        else
            duplicate = r.seq;
    }
    sqlite3_clear_bindings(st);
    if (duplicate >= 0) {
        report(Tr::tr("project '%1': request %2 of point %3 of run %4 was handed over twice; the first copy is kept")
                   .arg(m_path)
                   .arg(duplicate)
                   .arg(pointIndex)
                   .arg(runId));
    }
    QSqlQuery counter(m_db);
    counter.prepare(
        QStringLiteral("UPDATE run_points SET request_count = request_count + ? WHERE run_id = ? AND idx = ?"));
    counter.addBindValue(inserted);
    counter.addBindValue(runId);
    counter.addBindValue(pointIndex);
    return exec("count the requests", counter);
}

void* ProjectWriter::sqliteHandle() const
{
    const QVariant v = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

void ProjectWriter::writeRequests(const QString& runId, int pointIndex, const QList<RequestRecord>& records)
{
    // After a batch of this run was lost, later ones are not stored either: the run is failed, the count its
    // failure message gave stays exact, and the stored requests stay an unbroken prefix, not a sample with a hole.
    if (m_lostRequests.contains(runId))
        return;
    // One transaction per batch: a killed process loses at most the batch being written.
    if (!m_db.transaction()) {
        report(Tr::tr("project '%1': cannot start a transaction: %2").arg(m_path, m_db.lastError().text()));
        return;
    }
    QString why;
    m_capture = &why;
    bool ok = insertRequests(runId, pointIndex, records, m_anchors.value(runId));
    QSqlQuery touch(m_db);
    touch.prepare(QStringLiteral("UPDATE runs SET updated_ms = ? WHERE id = ?"));
    touch.addBindValue(QDateTime::currentMSecsSinceEpoch());
    touch.addBindValue(runId);
    ok = ok && exec("update the run", touch);
    m_capture = nullptr;
    if (!ok || !m_db.commit()) {
        if (why.isEmpty())
            why = Tr::tr("project '%1': cannot commit: %2").arg(m_path, m_db.lastError().text());
        m_db.rollback();
        // A full disk, a file gone read-only: the batch is lost. The run cannot complete; say how much is stored.
        m_lostRequests.insert(runId);
        report(Tr::tr("%1; %2 requests of this run are stored, the run is marked failed; free disk space and run it "
                      "again")
                   .arg(why)
                   .arg(m_stored.value(runId)));
        return;
    }
    m_stored[runId] += records.size();
}

void ProjectWriter::limitGrowth(int pages)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next()) {
        const qint64 limit = q.value(0).toLongLong() + pages;
        QSqlQuery set(m_db);
        set.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(limit));
    }
}

void ProjectWriter::finishPoint(const QString& runId, const PointResult& result)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE run_points SET status = ?, finished_ms = ?, summary_json = ?, percentile_json = ?,"
                             " result_json = ? WHERE run_id = ? AND idx = ?"));
    q.addBindValue(result.status);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    // EvalScope's two files as it writes them (rounded), for tools that read the table; result_json holds it all.
    q.addBindValue(QString::fromUtf8(summaryToJson(result.summary)));
    q.addBindValue(result.summary.successRequests > 0
            ? QVariant(QString::fromUtf8(percentilesToJson(result.percentiles)))
            : QVariant());
    q.addBindValue(QString::fromUtf8(pointResultToJson(result)));
    q.addBindValue(runId);
    q.addBindValue(result.index);
    exec("store the run point's summary", q);
    touchRun(runId);
}

void ProjectWriter::finishRun(const QString& runId, const QString& status)
{
    m_running.remove(runId);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, updated_ms = ? WHERE id = ?"));
    // Requests that could not be stored: whatever the controller says, the stored run is not complete.
    q.addBindValue(m_lostRequests.contains(runId) ? QStringLiteral("failed") : status);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(runId);
    exec("finish the run", q);
}

void ProjectWriter::setFingerprint(const QString& runId, const QByteArray& fingerprintJson)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET fingerprint_json = ? WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(fingerprintJson));
    q.addBindValue(runId);
    exec("store the endpoint fingerprint", q);
}

void ProjectWriter::setRunText(const QString& runId, const QString& column, const QString& value, const char* what)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET %1 = ? WHERE id = ?").arg(column));
    q.addBindValue(notNull(value));
    q.addBindValue(runId);
    exec(what, q);
}

void ProjectWriter::setName(const QString& runId, const QString& name)
{
    setRunText(runId, QStringLiteral("name"), name, "rename the run");
}

void ProjectWriter::setNotes(const QString& runId, const QString& notes)
{
    setRunText(runId, QStringLiteral("notes"), notes, "store the notes");
}

void ProjectWriter::setTags(const QString& runId, const QStringList& tags)
{
    if (!m_db.transaction()) {
        report(Tr::tr("project '%1': cannot start a transaction: %2").arg(m_path, m_db.lastError().text()));
        return;
    }
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM run_tags WHERE run_id = ?"));
    clear.addBindValue(runId);
    bool ok = exec("replace the tags", clear);
    QSqlQuery add(m_db);
    add.prepare(QStringLiteral("INSERT OR IGNORE INTO run_tags(run_id, tag) VALUES(?, ?)"));
    for (const QString& tag : tags) {
        if (!ok || tag.trimmed().isEmpty())
            continue;
        add.addBindValue(runId);
        add.addBindValue(tag.trimmed());
        ok = exec("store a tag", add);
    }
    if (!ok || !m_db.commit())
        m_db.rollback();
}

void ProjectWriter::setPreset(const QString& name, const QByteArray& configJson)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO presets(name, config_json, updated_ms) VALUES(?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(configJson));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    exec("store the preset", q);
}

void ProjectWriter::removePreset(const QString& name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM presets WHERE name = ?"));
    q.addBindValue(name);
    exec("delete the preset", q);
}

bool ProjectWriter::deleteRun(const QString& runId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?")); // points, requests and tags cascade
    q.addBindValue(runId);
    if (!exec("delete the run", q))
        return false;
    if (q.numRowsAffected() == 0) {
        report(Tr::tr("project '%1' has no run '%2'").arg(m_path, runId));
        return false;
    }
    return true;
}

bool ProjectWriter::insertRun(const RunData& run)
{
    if (!m_db.transaction()) {
        report(Tr::tr("project '%1': cannot start a transaction: %2").arg(m_path, m_db.lastError().text()));
        return false;
    }
    RunData info = run;
    info.points.clear();
    info.monotonicAnchorNs = 0; // RunData times are already relative to the anchor
    bool ok = insertRunRow(info, run.status.isEmpty() ? QStringLiteral("finished") : run.status, &run);
    for (const PointResult& p : run.points) {
        if (!ok)
            break;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO run_points(run_id, idx, parallel, number, rate, status, started_ms,"
                                 " finished_ms, summary_json, percentile_json, result_json)"
                                 " VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
        q.addBindValue(run.id);
        q.addBindValue(p.index);
        q.addBindValue(p.point.parallel);
        q.addBindValue(p.point.number);
        q.addBindValue(p.point.rate);
        q.addBindValue(p.status.isEmpty() ? QStringLiteral("completed") : p.status);
        q.addBindValue(QVariant());
        q.addBindValue(QVariant());
        q.addBindValue(p.hasSummary ? QVariant(QString::fromUtf8(summaryToJson(p.summary))) : QVariant());
        q.addBindValue(p.percentiles.metrics.isEmpty() ? QVariant()
                                                       : QVariant(QString::fromUtf8(percentilesToJson(p.percentiles))));
        q.addBindValue(p.hasSummary ? QVariant(QString::fromUtf8(pointResultToJson(p))) : QVariant());
        ok = exec("record the run point", q) && insertRequests(run.id, p.index, p.records, 0);
    }
    QSqlQuery tag(m_db);
    tag.prepare(QStringLiteral("INSERT OR IGNORE INTO run_tags(run_id, tag) VALUES(?, ?)"));
    for (const QString& t : run.tags) {
        if (!ok)
            break;
        tag.addBindValue(run.id);
        tag.addBindValue(t);
        ok = exec("store a tag", tag);
    }
    if (ok && m_db.commit())
        return true;
    if (ok)
        report(Tr::tr("project '%1': cannot commit: %2").arg(m_path, m_db.lastError().text()));
    m_db.rollback();
    return false;
}

} // namespace tl
