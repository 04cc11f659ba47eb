#include "storage/projectschema.h"

#include "util/tr.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace tl::ProjectSchema {

namespace {

const char* const kSchemaV1[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE runs("
    " id TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    " status TEXT NOT NULL, tool_version TEXT, config_json TEXT NOT NULL, model TEXT, url TEXT, api TEXT,"
    " monotonic_anchor_ns INTEGER NOT NULL, notes TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE run_points("
    " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, idx INTEGER NOT NULL,"
    " parallel INTEGER NOT NULL, number INTEGER NOT NULL, rate REAL NOT NULL, status TEXT NOT NULL,"
    " started_ms INTEGER, finished_ms INTEGER, summary_json TEXT, percentile_json TEXT,"
    " PRIMARY KEY(run_id, idx))",
    // Times are nanoseconds relative to runs.monotonic_anchor_ns; 0 = did not happen.
    "CREATE TABLE requests("
    " run_id TEXT NOT NULL, point_idx INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " warmup INTEGER NOT NULL, success INTEGER NOT NULL, stream INTEGER NOT NULL,"
    " scheduled_ns INTEGER NOT NULL, sent_ns INTEGER NOT NULL, headers_ns INTEGER, end_ns INTEGER,"
    " first_choices_ns INTEGER, first_content_ns INTEGER, completed_ns INTEGER,"
    " prompt_tokens INTEGER, completion_tokens INTEGER, cached_tokens INTEGER, token_source TEXT,"
    " http_status INTEGER, error_class TEXT, error_message TEXT, bytes INTEGER, event_count INTEGER,"
    " events BLOB,"
    " PRIMARY KEY(run_id, point_idx, seq),"
    " FOREIGN KEY(run_id, point_idx) REFERENCES run_points(run_id, idx) ON DELETE CASCADE) WITHOUT ROWID",
};

bool run(QSqlDatabase& db, const char* sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool looksLikeSqlite(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16);
    return head.size() == 0 || head == QByteArrayView("SQLite format 3\0", 16);
}

int pragmaInt(QSqlDatabase& db, const char* name)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace

bool open(QSqlDatabase& db, const QString& path, const QString& connectionName, bool writable, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        if (db.isOpen())
            db.close();
        return false;
    };
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && !info.isFile())
        return fail(Tr::tr("project '%1' is not a file").arg(path));
    if (!exists && !writable)
        return fail(Tr::tr("project '%1' does not exist").arg(path));
    if (exists && !info.isReadable())
        return fail(Tr::tr("project '%1' cannot be read (permission denied)").arg(path));
    // The owner's write bit, not access(): root may write anything, but a file marked read-only stays untouched.
    if (exists && writable && (!info.isWritable() || !info.permission(QFile::WriteOwner)))
        return fail(Tr::tr("project '%1' is read-only; open it for browsing only or choose another file").arg(path));
    if (!exists && writable && !QFileInfo(info.absolutePath()).isWritable())
        return fail(Tr::tr("cannot create project '%1': the folder is missing or not writable").arg(path));
    if (exists && !looksLikeSqlite(path))
        return fail(Tr::tr("'%1' is not a Throughline project (it is not an SQLite database); it was left untouched")
                        .arg(path));

    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return fail(Tr::tr("the Qt SQLite driver is missing; install the package libqt6sql6-sqlite"));
    db.setDatabaseName(path);
    db.setConnectOptions(writable ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")
                                  : QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(Tr::tr("cannot open project '%1': %2").arg(path, db.lastError().text()));

    const int version = pragmaInt(db, "user_version");
    const int appId = pragmaInt(db, "application_id");
    if (version < 0)
        return fail(Tr::tr("'%1' is damaged or not an SQLite database; it was left untouched").arg(path));
    int tables = 0;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return fail(Tr::tr("'%1' is damaged or not an SQLite database; it was left untouched").arg(path));
        tables = q.value(0).toInt();
    }
    if (tables > 0 && appId != kApplicationId)
        return fail(Tr::tr("'%1' is an SQLite database but not a Throughline project; it was left untouched").arg(path));
    if (version > kVersion)
        return fail(Tr::tr("project '%1' was written by a newer Throughline (schema %2; this version reads up to %3); "
                           "update Throughline to open it")
                        .arg(path)
                        .arg(version)
                        .arg(kVersion));

    if (!run(db, "PRAGMA foreign_keys = ON", error))
        return fail(*error);
    if (!writable) {
        if (tables == 0)
            return fail(Tr::tr("project '%1' is empty").arg(path));
        return true;
    }
    if (!run(db, "PRAGMA journal_mode = WAL", error) || !run(db, "PRAGMA synchronous = NORMAL", error))
        return fail(Tr::tr("cannot prepare project '%1': %2").arg(path, error ? *error : QString()));
    if (version == kVersion)
        return true;

    // Fresh file: create schema v1 in one transaction. (Later versions add migration steps here.)
    QString sqlError;
    if (!db.transaction())
        return fail(Tr::tr("cannot write project '%1': %2").arg(path, db.lastError().text()));
    for (const char* sql : kSchemaV1) {
        if (!run(db, sql, &sqlError)) {
            db.rollback();
            return fail(Tr::tr("cannot create the schema of '%1': %2").arg(path, sqlError));
        }
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES('created_by', ?)"));
    meta.addBindValue(QStringLiteral("Throughline " THROUGHLINE_VERSION));
    meta.exec();
    run(db, "PRAGMA application_id = 1414287434", nullptr);
    run(db, "PRAGMA user_version = 1", nullptr);
    if (!db.commit())
        return fail(Tr::tr("cannot write project '%1': %2").arg(path, db.lastError().text()));
    return true;
}

QByteArray encodeEvents(qint64 baseNs, const QVector<qint64>& eventNs, const QVector<quint8>& flags)
{
    QByteArray out;
    out.reserve(eventNs.size() * 4);
    qint64 prev = baseNs;
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        auto delta = static_cast<quint64>(std::max<qint64>(eventNs.at(i) - prev, 0));
        prev = eventNs.at(i);
        do {
            quint8 byte = delta & 0x7f;
            delta >>= 7;
            if (delta != 0)
                byte |= 0x80;
            out.append(char(byte));
        } while (delta != 0);
        out.append(char(flags.value(i)));
    }
    return out;
}

bool decodeEvents(const QByteArray& blob, qint64 baseNs, QVector<qint64>& eventNs, QVector<quint8>& flags)
{
    eventNs.clear();
    flags.clear();
    qint64 t = baseNs;
    qsizetype i = 0;
    while (i < blob.size()) {
        quint64 delta = 0;
        int shift = 0;
        while (true) {
            if (i >= blob.size() || shift > 63)
                return false;
            const auto byte = static_cast<quint8>(blob.at(i++));
            delta |= quint64(byte & 0x7f) << shift;
            shift += 7;
            if ((byte & 0x80) == 0)
                break;
        }
        if (i >= blob.size())
            return false;
        t += qint64(delta);
        eventNs.append(t);
        flags.append(static_cast<quint8>(blob.at(i++)));
    }
    return true;
}

} // namespace tl::ProjectSchema
