#include "storage/projectschema.h"

#include "model/requestrecord.h"
#include "storage/projectmigrations.h"
#include "util/tr.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace tl::ProjectSchema {

static_assert(kVersion == ProjectMigrations::kLatestVersion, "the schema version is the last migration's");

namespace {

bool run(QSqlDatabase& db, const char* sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

quint32 bigEndian32(const QByteArray& b, int at)
{
    return (quint32(quint8(b.at(at))) << 24) | (quint32(quint8(b.at(at + 1))) << 16)
        | (quint32(quint8(b.at(at + 2))) << 8) | quint32(quint8(b.at(at + 3)));
}

enum class FileKind { Empty, Sqlite, NotSqlite, Damaged };

// Reads the 100-byte SQLite header without SQLite, so that a foreign or truncated file is refused before a
// connection (which may create -wal/-shm files beside it) is ever made.
FileKind inspectFile(const QString& path, QString* detail)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return FileKind::NotSqlite;
    const qint64 size = f.size();
    if (size == 0)
        return FileKind::Empty;
    const QByteArray head = f.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!head.startsWith(magic))
        return FileKind::NotSqlite;
    if (head.size() < 100) {
        *detail = Tr::tr("the file ends inside its header");
        return FileKind::Damaged;
    }
    quint32 pageSize = (quint32(quint8(head.at(16))) << 8) | quint32(quint8(head.at(17)));
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        *detail = Tr::tr("its header gives an impossible page size (%1)").arg(pageSize);
        return FileKind::Damaged;
    }
    const quint32 pages = bigEndian32(head, 28);
    const bool pagesValid = pages > 0 && bigEndian32(head, 24) == bigEndian32(head, 92);
    // Pages past the end of the file may sit in the write-ahead log: a checkpoint that failed (a full disk) after
    // writing the new header left them there, and SQLite reads them from the log. Count its frames (32-byte header,
    // then a 24-byte header and a page each) before calling the file truncated.
    const qint64 walBytes = QFileInfo(path + QStringLiteral("-wal")).size();
    const qint64 walFrames = walBytes > 32 ? (walBytes - 32) / (qint64(pageSize) + 24) : 0;
    if (pagesValid && size < qint64(pages) * pageSize && size / pageSize + walFrames < qint64(pages)) {
        *detail = Tr::tr("it is truncated: %1 bytes of the %2 its header announces")
                      .arg(size)
                      .arg(qint64(pages) * pageSize);
        return FileKind::Damaged;
    }
    return FileKind::Sqlite;
}

int pragmaInt(QSqlDatabase& db, const char* name)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next())
        return q.value(0).toInt();
    return -1;
}

QString damaged(const QString& path, const QString& detail)
{
    return Tr::tr("'%1' is damaged (%2); it was left untouched. Restore it from a backup, or try "
                  "'sqlite3 %1 .recover' on a copy")
        .arg(path, detail);
}

} // namespace

QString backupPath(const QString& path, int version)
{
    return path + QStringLiteral(".schema%1.bak").arg(version);
}

QString readError(const QString& path, const QString& sqlError)
{
    if (sqlError.contains(u"malformed") || sqlError.contains(u"not a database") || sqlError.contains(u"corrupt"))
        return damaged(path, sqlError.trimmed());
    return Tr::tr("cannot read project '%1': %2").arg(path, sqlError.trimmed());
}

bool open(QSqlDatabase& db, const QString& path, const QString& connectionName, bool writable, QString* error,
    int* olderVersion)
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
    // SQLite keeps a project's write-ahead log and its index in `-wal` and `-shm` files beside it, created as
    // needed: in a folder this process may not write, it can neither write nor (without an existing -shm) read the
    // file the usual way, and used to fail with "unable to open" or "attempt to write a readonly database", which
    // read as a damaged file.
    const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
    if (exists && writable && !folderWritable)
        return fail(Tr::tr("project '%1' is in a read-only folder, where SQLite cannot create its -wal and -shm files; "
                           "it can be browsed but not written: copy it to a writable folder to run or import into it")
                        .arg(path));
    // Reading in such a folder: with no -shm to share, nobody can be writing the file (a writer would have created
    // one), so it is opened as immutable, unless its -wal holds changes the main file lacks, which SQLite reads
    // only through a -shm.
    bool immutable = false;
    if (exists && !writable && !folderWritable && !QFileInfo::exists(path + QStringLiteral("-shm"))) {
        if (QFileInfo(path + QStringLiteral("-wal")).size() > 0)
            return fail(
                Tr::tr("project '%1' keeps its latest changes in '%1-wal', which SQLite reads only where it can "
                       "create '%1-shm', and its folder is read-only; copy the project with its -wal file to a "
                       "writable folder to open it")
                    .arg(path));
        immutable = true;
    }
    if (exists) {
        QString detail;
        switch (inspectFile(path, &detail)) {
        case FileKind::NotSqlite:
            return fail(
                Tr::tr("'%1' is not a Throughline project (it is not an SQLite database); it was left untouched")
                    .arg(path));
        case FileKind::Damaged:
            return fail(damaged(path, detail));
        case FileKind::Empty:
            if (!writable)
                return fail(Tr::tr("project '%1' is empty").arg(path));
            break;
        case FileKind::Sqlite:
            break;
        }
    }

    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return fail(Tr::tr("the Qt SQLite driver is missing; install the package libqt6sql6-sqlite"));
    if (immutable) {
        QUrl uri = QUrl::fromLocalFile(info.absoluteFilePath());
        uri.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(writable ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")
                                      : QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db.open())
        return fail(Tr::tr("cannot open project '%1': %2").arg(path, db.lastError().text()));

    int tables = 0;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return fail(damaged(path, q.lastError().text().trimmed()));
        tables = q.value(0).toInt();
    }
    const int version = pragmaInt(db, "user_version");
    const int appId = pragmaInt(db, "application_id");
    if (version < 0)
        return fail(damaged(path, Tr::tr("its schema version cannot be read")));
    if (tables > 0 && appId != kApplicationId)
        return fail(
            Tr::tr("'%1' is an SQLite database but not a Throughline project; it was left untouched").arg(path));
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
        if (version < kVersion) {
            if (olderVersion)
                *olderVersion = version;
            return fail(
                Tr::tr("project '%1' was written by an earlier Throughline (schema %2) and must be upgraded to "
                       "schema %3 before it can be read; it is read-only, so make it writable or work on a copy")
                    .arg(path)
                    .arg(version)
                    .arg(kVersion));
        }
        return true;
    }
    if (!run(db, "PRAGMA journal_mode = WAL", error) || !run(db, "PRAGMA synchronous = NORMAL", error))
        return fail(Tr::tr("cannot prepare project '%1': %2").arg(path, error ? *error : QString()));
    if (version == kVersion)
        return true;

    if (version > 0 && !QFileInfo::exists(backupPath(path, version))) {
        // A consistent copy (WAL content included) for anyone still using the earlier Throughline.
        QSqlQuery copy(db);
        copy.prepare(QStringLiteral("VACUUM INTO ?"));
        copy.addBindValue(backupPath(path, version));
        if (!copy.exec())
            return fail(Tr::tr("cannot keep a copy of '%1' before upgrading it (%2); it was left untouched; free some "
                               "disk space or check the folder's permissions")
                            .arg(path, copy.lastError().text()));
    }
    QString sqlError;
    if (!db.transaction())
        return fail(Tr::tr("cannot write project '%1': %2").arg(path, db.lastError().text()));
    if (!ProjectMigrations::migrate(db, version, &sqlError)) {
        db.rollback();
        return fail(Tr::tr("cannot upgrade project '%1' from schema %2: %3; it was left as it was")
                        .arg(path)
                        .arg(version)
                        .arg(sqlError));
    }
    if (version == 0) {
        QSqlQuery meta(db);
        meta.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES('created_by', ?)"));
        meta.addBindValue(QStringLiteral("Throughline " THROUGHLINE_VERSION));
        meta.exec();
    } else {
        QSqlQuery meta(db);
        meta.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
        meta.addBindValue(QStringLiteral("upgraded_from_%1").arg(version));
        meta.addBindValue(QStringLiteral("Throughline " THROUGHLINE_VERSION));
        meta.exec();
    }
    if (!db.commit())
        return fail(Tr::tr("cannot write project '%1': %2").arg(path, db.lastError().text()));
    return true;
}

bool upgrade(const QString& path, QString* error)
{
    const QString connection = QStringLiteral("tl-upgrade-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db;
        ok = open(db, path, connection, true, error);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

namespace {

char* putVarint(char* p, quint64 v)
{
    while (v >= 0x80) {
        *p++ = char((v & 0x7f) | 0x80);
        v >>= 7;
    }
    *p++ = char(v);
    return p;
}

// Reads a varint at blob[i], advancing i; false when the blob ends inside it or it is too long.
bool getVarint(const QByteArray& blob, qsizetype& i, quint64& v)
{
    v = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
        if (i >= blob.size())
            return false;
        const auto byte = static_cast<quint8>(blob.at(i++));
        v |= quint64(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray encodeEvents(qint64 baseNs, const QVector<qint64>& eventNs, const QVector<quint8>& flags)
{
    // Written through a raw pointer into a buffer sized for the worst case (10 varint bytes + 1 flag byte per
    // event), then cut to length: appending byte by byte was a sixth of a run's storage cost.
    QByteArray out(eventNs.size() * 11, Qt::Uninitialized);
    char* p = out.data();
    qint64 prev = baseNs;
    for (qsizetype i = 0; i < eventNs.size(); ++i) {
        const auto delta = static_cast<quint64>(std::max<qint64>(eventNs.at(i) - prev, 0));
        prev = eventNs.at(i);
        p = putVarint(p, delta);
        *p++ = char(flags.value(i));
    }
    out.truncate(p - out.constData());
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
        if (!getVarint(blob, i, delta) || i >= blob.size())
            return false;
        t += qint64(delta);
        eventNs.append(t);
        flags.append(static_cast<quint8>(blob.at(i++)));
    }
    return true;
}

bool decodeEventEnds(
    const QByteArray& blob, qint64 baseNs, QVector<qint64>& eventNs, QVector<quint8>& flags, int* count)
{
    eventNs.clear();
    flags.clear();
    qint64 t = baseNs;
    qint64 firstChoices = 0;
    quint8 firstChoicesFlags = 0;
    qint64 last = 0;
    quint8 lastFlags = 0;
    int n = 0;
    qsizetype i = 0;
    while (i < blob.size()) {
        quint64 delta = 0;
        if (!getVarint(blob, i, delta) || i >= blob.size())
            return false;
        t += qint64(delta);
        const auto f = static_cast<quint8>(blob.at(i++));
        if (!firstChoices && (f & EventHasChoices)) {
            firstChoices = t;
            firstChoicesFlags = f;
        }
        last = t;
        lastFlags = f;
        ++n;
    }
    if (count)
        *count = n;
    if (n == 0)
        return true;
    if (firstChoices && firstChoices != last) {
        eventNs.append(firstChoices);
        flags.append(firstChoicesFlags);
    }
    eventNs.append(last);
    flags.append(lastFlags);
    return true;
}

QByteArray encodeEventTokens(const QVector<qint32>& tokens)
{
    QByteArray out(tokens.size() * 5, Qt::Uninitialized); // a 32-bit value + 1 takes at most 5 varint bytes
    char* p = out.data();
    for (const qint32 t : tokens)
        p = putVarint(p, t < 0 ? 0 : quint64(t) + 1);
    out.truncate(p - out.constData());
    return out;
}

bool decodeEventTokens(const QByteArray& blob, qsizetype events, QVector<qint32>& tokens)
{
    tokens.clear();
    if (blob.isEmpty())
        return true;
    tokens.reserve(events);
    qsizetype i = 0;
    while (i < blob.size()) {
        quint64 v = 0;
        if (!getVarint(blob, i, v) || v > quint64(std::numeric_limits<qint32>::max()) + 1)
            return false;
        tokens.append(v == 0 ? qint32(-1) : qint32(v - 1));
    }
    if (tokens.size() == events)
        return true;
    tokens.clear();
    return false;
}

QByteArray encodeBody(const QByteArray& body)
{
    if (body.isEmpty() || body.size() > kMaxStoredBodyBytes)
        return {};
    return qCompress(body, 1);
}

bool decodeBody(const QByteArray& blob, QByteArray& body)
{
    body.clear();
    if (blob.isEmpty())
        return true;
    // The announced length is checked before qUncompress allocates it: a damaged file must not ask for gigabytes.
    if (blob.size() < 4 || bigEndian32(blob, 0) == 0 || bigEndian32(blob, 0) > quint32(kMaxStoredBodyBytes))
        return false;
    body = qUncompress(blob);
    return !body.isEmpty();
}

} // namespace tl::ProjectSchema
