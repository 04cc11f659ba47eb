#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QIODevice;

namespace tl {

// A small, self-contained reader of Apache Parquet files, for the hub datasets published as Parquet (swe_smith's
// SWE-smith-trajectories, kontext_bench's images). Rows come back as JSON objects {column: value}, read one row group
// at a time, so a large file never sits in memory beyond one row group of the selected columns.
//
// What it reads: the footer's FileMetaData and the page headers (Thrift compact protocol); data pages v1 and v2 and
// dictionary pages; the encodings PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans) and the RLE/bit-packed
// hybrid of definition and repetition levels; the physical types BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE,
// BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY; nested columns (structs, LIST and MAP groups, repeated fields); the codecs
// UNCOMPRESSED, SNAPPY (its own decoder), GZIP (zlib) and ZSTD (libzstd, when built with it).
// Values: BYTE_ARRAY annotated as a string (STRING/UTF8, JSON, ENUM) becomes a JSON string (invalid UTF-8 replaced by
// U+FFFD), any other byte array a JSON binary value; integers, floats and booleans their JSON kind; a null or an
// undefined optional value null; a struct an object; a LIST an array of its elements; a MAP an array of
// {"key", "value"} objects.
//
// Hostile input: every size, count, offset and nesting depth read from the file is checked against the file's size and
// fixed limits (below) before it is used; a bad file gives one error line naming the file and what is wrong.
class ParquetReader final {
public:
    static constexpr qint64 kMaxFooterBytes = 64LL << 20;
    static constexpr qint64 kMaxPageBytes = 512LL << 20; // one page, decompressed
    static constexpr qint64 kMaxRowGroupBytes = 2LL << 30; // the selected columns of one row group, decompressed
    static constexpr qint64 kMaxValuesPerColumn = 1LL << 23; // level entries of one column in one row group
    static constexpr int kMaxSchemaDepth = 32;
    static constexpr int kMaxSchemaElements = 100000;

    ParquetReader();
    ~ParquetReader();
    ParquetReader(const ParquetReader&) = delete;
    ParquetReader& operator=(const ParquetReader&) = delete;

    // Opens `path` and reads its footer; false + *error ("'PATH' is not a readable Parquet file: WHAT").
    bool open(const QString& path, QString* error);
    // The same over bytes in memory (`name` stands for the file in messages): the fuzz target's entry.
    bool openData(const QByteArray& data, const QString& name, QString* error);

    // Whether `head` (a file's first bytes) starts like a Parquet file ("PAR1").
    static bool looksLikeParquet(const QByteArray& head);

    // The top-level columns, in schema order.
    QStringList columns() const;
    bool hasColumn(const QString& name) const { return columns().contains(name); }
    // Reads only these top-level columns (unknown names are ignored; an empty list reads every column). Call before
    // the first next() / readRowGroup().
    void select(const QStringList& columns);

    qint64 rowCount() const;
    int rowGroupCount() const;

    // The rows of row group `index`: false + *error on a malformed file.
    bool readRowGroup(int index, std::vector<nlohmann::json>* rows, QString* error);
    // The next row, reading row group after row group; nullopt at the end (*error empty) or on an error (*error set).
    std::optional<nlohmann::json> next(QString* error);

    struct Impl;

private:
    bool openDevice(std::unique_ptr<QIODevice> device, const QString& name, QString* error);

    std::unique_ptr<Impl> d;
};

} // namespace tl
