#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

class QSqlDatabase;

// The *.tlproj SQLite schema: versioned with PRAGMA user_version, tagged with PRAGMA application_id.
namespace tl::ProjectSchema {

constexpr int kVersion = 1;
constexpr int kApplicationId = 0x544C504A; // "TLPJ"

// Opens (creating when allowed) the SQLite file at `path` on a connection named `connectionName`, checks that it
// is a Throughline project this version can read, and (when writable) creates or migrates the schema.
// On failure returns false with a message that names the file and says what to do; the file is never changed.
bool open(QSqlDatabase& db, const QString& path, const QString& connectionName, bool writable, QString* error);

// Compact per-event timings: for each event a varint of the delay since the previous one (the first since
// `baseNs`) in nanoseconds, followed by its flag byte.
QByteArray encodeEvents(qint64 baseNs, const QVector<qint64>& eventNs, const QVector<quint8>& flags);
bool decodeEvents(const QByteArray& blob, qint64 baseNs, QVector<qint64>& eventNs, QVector<quint8>& flags);

} // namespace tl::ProjectSchema
