#pragma once

#include <QByteArray>
#include <QString>

namespace tl {

// Decoders the reader uses, public for the tests. Each returns false + *error when `in` is malformed or does not
// decompress to exactly `expectedSize` bytes.
namespace parquetcodec {
bool snappyDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error);
bool gzipDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error);
bool zstdDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error);
bool hasZstd();
} // namespace parquetcodec

} // namespace tl
