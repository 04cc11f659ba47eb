#include "dataset/filepromptsource.h"

#include "util/tr.h"

namespace tl {

FilePromptSource::FilePromptSource(std::shared_ptr<const DatasetOptions> options,
                                   std::unique_ptr<RecordParser> parser)
    : PromptSource(std::move(options))
    , m_parser(std::move(parser))
{
}

std::shared_ptr<const FilePromptSource> FilePromptSource::open(const QString& path,
                                                               std::unique_ptr<RecordParser> parser, int batchSize,
                                                               qint64 needed,
                                                               std::shared_ptr<const DatasetOptions> options,
                                                               QString* error)
{
    std::shared_ptr<FilePromptSource> source(new FilePromptSource(std::move(options), std::move(parser)));
    source->m_batchSize = batchSize;
    if (!source->m_reader.open(path, source->m_parser->acceptsJsonArray(), error))
        return nullptr;
    // Validate the first items now (strict), as many as the run needs or the window holds.
    const qint64 upFront = std::clamp<qint64>(needed, 1, source->m_options->windowItems);
    while (qint64(source->m_window.size()) < upFront) {
        if (!source->advance(true, error)) {
            if (!error->isEmpty())
                return nullptr;
            source->m_total = source->m_nextIndex;
            break;
        }
    }
    if (source->m_total == 0) {
        if (source->m_dropped.isEmpty()) {
            *error = Tr::tr("'%1' holds no records (the file is empty or every line is blank)").arg(path);
        } else {
            QStringList parts;
            for (auto it = source->m_dropped.cbegin(); it != source->m_dropped.cend(); ++it)
                parts.append(Tr::tr("%1 dropped by %2").arg(it.value()).arg(it.key()));
            *error = Tr::tr("'%1': the dataset is empty after filtering (%2); relax that filter")
                         .arg(path, parts.join(QStringLiteral(", ")));
        }
        return nullptr;
    }
    return source;
}

qint64 FilePromptSource::knownCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

qsizetype FilePromptSource::windowSize() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_window.size());
}

bool FilePromptSource::readOne(PromptItem* out, bool strict, QString* error) const
{
    for (;;) {
        QString readError;
        const auto record = m_reader.next(&readError);
        if (!record) {
            if (!readError.isEmpty()) {
                if (strict) {
                    *error = readError;
                    return false;
                }
                noteFailure(Tr::tr("%1; fix the file").arg(readError));
            }
            return false;
        }
        RecordParser::Result r = m_parser->parse(record->data);
        switch (r.verdict) {
        case RecordParser::Result::Verdict::Item:
            *out = std::move(r.item);
            return true;
        case RecordParser::Result::Verdict::Dropped:
            if (m_total < 0)
                ++m_dropped[r.message];
            break;
        case RecordParser::Result::Verdict::Error: {
            const QString message = Tr::tr("%1, line %2: %3").arg(m_reader.path()).arg(record->line).arg(r.message);
            if (strict) {
                *error = message;
                return false;
            }
            noteFailure(Tr::tr("%1; fix or delete that line").arg(message));
            break;
        }
        }
    }
}

bool FilePromptSource::readItem(PromptItem* out, bool strict, QString* error) const
{
    if (m_batchSize <= 0)
        return readOne(out, strict, error);
    PromptItem batch;
    batch.kind = PromptItem::Kind::Embedding;
    batch.batch = true;
    PromptItem one;
    while (batch.inputs.size() < m_batchSize && readOne(&one, strict, error))
        batch.inputs += one.inputs;
    if (batch.inputs.isEmpty())
        return false;
    *out = std::move(batch);
    return true;
}

bool FilePromptSource::advance(bool strict, QString* error) const
{
    if (m_nextIndex % kCheckpointEvery == 0 && m_nextIndex / kCheckpointEvery == m_checkpoints.size())
        m_checkpoints.append(m_reader.position());
    PromptItem item;
    if (!readItem(&item, strict, error))
        return false;
    m_window.push_back(std::move(item));
    ++m_nextIndex;
    while (qsizetype(m_window.size()) > m_options->windowItems) {
        m_window.pop_front();
        ++m_windowStart;
    }
    return true;
}

void FilePromptSource::rewindTo(qint64 index) const
{
    const qint64 cp = std::min<qint64>(index / kCheckpointEvery, m_checkpoints.size() - 1);
    m_reader.seek(m_checkpoints.at(cp));
    m_window.clear();
    m_windowStart = m_nextIndex = cp * kCheckpointEvery;
}

void FilePromptSource::noteFailure(const QString& message) const
{
    // Re-reading an evicted stretch meets the same record again: the first one met stays the failure.
    if (m_failedIndex >= 0)
        return;
    m_failedIndex = m_nextIndex;
    m_failure = ConfigError{QStringLiteral("--dataset-path"), message};
}

ConfigError FilePromptSource::failureAt(qint64 seq) const
{
    QMutexLocker lock(&m_mutex);
    // Failures are met on the first pass through the file, where a request's index is its item's index.
    if (m_failedIndex >= 0 && seq >= m_failedIndex)
        return m_failure;
    return {};
}

PromptItem FilePromptSource::itemAt(qint64 seq) const
{
    QMutexLocker lock(&m_mutex);
    qint64 index = m_total > 0 ? seq % m_total : seq;
    if (index < m_windowStart)
        rewindTo(index);
    while (index >= m_nextIndex) {
        QString error;
        if (!advance(false, &error)) {
            // The end of the file: from now on requests cycle over the items it holds.
            m_total = m_nextIndex;
            index = seq % m_total;
            if (index < m_windowStart)
                rewindTo(index);
        }
    }
    return m_window.at(size_t(index - m_windowStart));
}

} // namespace tl
