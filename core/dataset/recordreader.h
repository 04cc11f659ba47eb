#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <optional>

namespace tl {

// Reads a dataset file one record at a time without loading it: non-blank lines (text, JSONL), or the elements
// of one top-level JSON array (a .json file starting with '['), each with the line it starts on. Positions can
// be saved and sought back to, so a lazy source can re-read an evicted stretch. Not thread-safe (one owner).
class RecordReader final {
public:
    enum class Format { Lines, JsonArray };
    struct Position {
        qint64 offset = 0;
        qint64 line = 1;
    };
    struct Record {
        QByteArray data; // the line without its end of line, or one array element's JSON text
        qint64 line = 0; // 1-based line where it starts
    };

    // Opens `path`. JsonArray is chosen when `allowJsonArray` and the file's first non-blank byte is '['.
    bool open(const QString& path, bool allowJsonArray, QString* error);
    Format format() const { return m_format; }
    QString path() const { return m_path; }

    // The next record; nullopt at the end, or with *error set when the file cannot be read or a JSON array is
    // malformed (the message names the file and line).
    std::optional<Record> next(QString* error);
    Position position() const { return m_pos; }
    void seek(const Position& pos);

private:
    bool fill(); // more bytes into m_buf; false at the end of the file
    std::optional<Record> nextLine();
    std::optional<Record> nextElement(QString* error);

    QFile m_file;
    QString m_path;
    Format m_format = Format::Lines;
    QByteArray m_buf; // bytes read from the file not yet consumed, starting at m_pos.offset
    qsizetype m_bufPos = 0;
    Position m_pos;
    bool m_arrayDone = false;
};

} // namespace tl
