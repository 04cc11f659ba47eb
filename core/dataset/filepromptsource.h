#pragma once

#include "dataset/promptsource.h"
#include "dataset/recordparser.h"
#include "dataset/recordreader.h"

#include <QMap>
#include <QMutex>

#include <deque>

namespace tl {

// A dataset file read lazily: a bounded window of parsed items around the indices being asked for, with a
// saved reader position every kCheckpointEvery items so an evicted stretch (a straggling request, or the next
// cycle when the file is shorter than the run) is re-read from the nearest checkpoint. Opening reads only the
// first items, so a 1 GB file starts at once; malformed records among them are errors with file and line. A
// malformed record met later, during the run, fails the request it would have fed and every later one
// (failureAt), so the run stops there with the file, the line and the fix instead of skipping it.
class FilePromptSource final : public PromptSource {
public:
    static constexpr qint64 kCheckpointEvery = 256;

    // `batchSize` > 0 groups that many embedding texts per item (embedding_batch). `needed`: the most items a
    // run point asks for, validated up front as far as the window allows.
    static std::shared_ptr<const FilePromptSource> open(const QString& path, std::unique_ptr<RecordParser> parser,
                                                        int batchSize, qint64 needed,
                                                        std::shared_ptr<const DatasetOptions> options,
                                                        QString* error);

    // Items in the file (after filtering) once a pass has reached its end; -1 before.
    qint64 knownCount() const;
    // Parsed items held in memory now (for tests and the benchmark).
    qsizetype windowSize() const;

    ConfigError failureAt(qint64 seq) const override;

protected:
    PromptItem itemAt(qint64 seq) const override;

private:
    FilePromptSource(std::shared_ptr<const DatasetOptions> options, std::unique_ptr<RecordParser> parser);
    // The next item from the reader; false at the end. In strict mode a malformed record fails with *error.
    bool readItem(PromptItem* out, bool strict, QString* error) const;
    bool readOne(PromptItem* out, bool strict, QString* error) const;
    void rewindTo(qint64 index) const;
    bool advance(bool strict, QString* error) const; // reads one item into the window; false at the end
    void noteFailure(const QString& message) const; // a malformed record met during the run (the first one counts)

    std::unique_ptr<RecordParser> m_parser;
    int m_batchSize = 0;
    mutable QMutex m_mutex;
    mutable RecordReader m_reader;
    mutable std::deque<PromptItem> m_window;
    mutable qint64 m_windowStart = 0; // index of m_window.front()
    mutable qint64 m_nextIndex = 0; // index of the item the reader yields next
    mutable qint64 m_total = -1;
    mutable QList<RecordReader::Position> m_checkpoints; // reader position before item k * kCheckpointEvery
    mutable QMap<QString, qint64> m_dropped; // filter -> records it dropped (first pass)
    mutable qint64 m_failedIndex = -1; // the item the first malformed record met during the run would have been
    mutable ConfigError m_failure;
};

} // namespace tl
