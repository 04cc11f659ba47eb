#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

class QSqlDatabase;

// The *.tlproj SQLite schema: versioned with PRAGMA user_version, tagged with PRAGMA application_id.
namespace tl::ProjectSchema {

constexpr int kVersion = 7; // = ProjectMigrations::kLatestVersion
constexpr int kApplicationId = 0x544C504A; // "TLPJ"

// Opens (creating when allowed) the SQLite file at `path` on a connection named `connectionName`, checks that it
// is a Throughline project this version can read, and (when writable) creates or migrates the schema. Before a
// file of an earlier schema is upgraded, a copy is kept beside it (`<file>.schema<N>.bak`).
// Read-only opens accept only the current schema: `*olderVersion` (if given) is set when the file needs an
// upgrade first (see upgrade()).
// On failure returns false with a message that names the file and says what to do; the file is never changed.
bool open(QSqlDatabase& db, const QString& path, const QString& connectionName, bool writable, QString* error,
    int* olderVersion = nullptr);

// Upgrades an existing project of an earlier schema in place (after keeping a copy). False with a message when it
// cannot (read-only file, damaged file).
bool upgrade(const QString& path, QString* error);

// The copy kept before upgrading `path` from schema `version`.
QString backupPath(const QString& path, int version);

// Turns an SQLite error met while reading into a message naming the file ("damaged" for corruption).
QString readError(const QString& path, const QString& sqlError);

// Compact per-event timings: for each event a varint of the delay since the previous one (the first since
// `baseNs`) in nanoseconds, followed by its flag byte.
QByteArray encodeEvents(qint64 baseNs, const QVector<qint64>& eventNs, const QVector<quint8>& flags);
bool decodeEvents(const QByteArray& blob, qint64 baseNs, QVector<qint64>& eventNs, QVector<quint8>& flags);
// The same blob reduced to what a request's TTFT, latency and TPOT read: the first event with choices and the last
// event (at most two entries), without allocating per event. `count` gets the number of events. False when corrupt.
bool decodeEventEnds(
    const QByteArray& blob, qint64 baseNs, QVector<qint64>& eventNs, QVector<quint8>& flags, int* count);

// Per-event token deltas (RequestRecord::eventTokens, schema 3's requests.event_tokens): a varint of delta + 1 per
// event, 0 for an unknown delta. Empty deltas encode to an empty blob (stored as NULL). Decoding fails unless the
// blob is empty or holds exactly `events` values.
QByteArray encodeEventTokens(const QVector<qint32>& tokens);
bool decodeEventTokens(const QByteArray& blob, qsizetype events, QVector<qint32>& tokens);

// Request bodies (--store-bodies, schema 7's requests.request_body): zlib through qCompress (a 4-byte big-endian
// length, then the stream), at level 1. JSON prompts shrink 2-5x at a few hundred MB/s on the writer thread, which
// matters because a run stores one body per request; zlib comes with QtCore, and a body is still one self-contained
// blob any tool reads with zlib. Bodies over kMaxStoredBodyBytes are not stored (NULL): a truncated body would be
// neither JSON nor what was sent, and one request with large images must not grow the file by hundreds of MB.
constexpr qsizetype kMaxStoredBodyBytes = 8 * 1024 * 1024;
// The blob for `body`; empty (stored as NULL) when the body is empty or over the limit.
QByteArray encodeBody(const QByteArray& body);
// The body in `blob` (empty for an empty blob); false when the blob is corrupt or announces more than the limit.
bool decodeBody(const QByteArray& blob, QByteArray& body);

} // namespace tl::ProjectSchema
