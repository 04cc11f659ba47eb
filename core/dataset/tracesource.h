#pragma once

#include "dataset/promptsource.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace tl {

// workload_trace (docs/DATASETS.md): a production trace replayed on its own timeline. Each JSONL record holds a
// request `body` (an object, or a string holding one), its `timestamp` (seconds since the epoch as a number, or
// ISO-8601; a time without an offset is UTC), and optionally its own `headers`, `request_id` and
// `completion_tokens`; any other field is an error. load() reads the whole file once to check every record (all
// invalid ones are reported together, each with its line number) and keeps only each record's timestamp, place and
// length in the file: bodies are read back from disk as the run reaches them. Records out of timestamp order are
// sorted (with a warning). The schedule is offset_i = (t_i - t_0) / speed. --dataset-args: speed (> 0, default 1),
// model_override, model_mapping ({"trace model": "served model"}, which wins over the override) and
// match_output_length (max_tokens = completion_tokens, with ignore_eos unless the body asks for constrained
// decoding).
class TraceSource final : public PromptSource {
public:
    static constexpr qint64 kMaxRecords = 5000000;
    static constexpr qint64 kMaxRecordBytes = 64LL * 1024 * 1024;
    static constexpr int kMaxReportedErrors = 20; // invalid records listed in the load error; the rest are counted

    // --dataset-args of workload_trace.
    struct Options {
        double speed = 1.0;
        QString modelOverride;
        QHash<QString, QString> modelMapping;
        bool matchOutputLength = false;
    };
    // The options in `datasetArgs` (a JSON object, may be empty); nullopt + *why when one is invalid.
    static std::optional<Options> parseOptions(const QByteArray& datasetArgs, QString* why);

    // One record, checked; public for tests.
    struct Record {
        qint64 timestampNs = 0; // since the epoch
        nlohmann::ordered_json body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString requestId;
        std::optional<qint64> completionTokens;
    };
    // nullopt + *why (what is wrong, without the line number) when `line` is not a valid record.
    static std::optional<Record> parseRecord(const QByteArray& line, QString* why);
    // A number of seconds, or an ISO-8601 date and time (fractions to the nanosecond, `Z` or ±hh:mm; none = UTC).
    static std::optional<qint64> parseTimestamp(const nlohmann::json& value, QString* why);
    // The body to send for `record` under `options`: the model mapped or overridden, max_tokens and ignore_eos
    // for match_output_length.
    static nlohmann::ordered_json rewrittenBody(const Record& record, const Options& options);

    // nullptr + *error (naming the flag; for invalid records the file and each line) when it cannot be loaded.
    static std::shared_ptr<const TraceSource> load(const RunConfig& config, ConfigError* error);

    qint64 recordCount() const { return qint64(m_entries.size()); }
    // Offsets of the records from the first one, in timestamp order, scaled by the speed.
    const std::vector<qint64>* arrivalSchedule() const override { return &m_offsetsNs; }
    // Warnings of the load (records out of order), also logged.
    QStringList warnings() const { return m_warnings; }
    // The rate at which the first `count` offsets of `offsetsNs` arrive on average: (count - 1) / their span, to 4
    // significant digits (it names the point: rate_<R>_number_<N>); -1 when it has none (fewer than two records, or
    // all at one instant). A replay point's rate: what the trace offered, not a pacing.
    static double meanRate(const std::vector<qint64>& offsetsNs, qint64 count);
    // The line number of request `seq`'s record in the file (1-based).
    int lineOf(qint64 seq) const;

    ConfigError failureAt(qint64 seq) const override;

protected:
    PromptItem itemAt(qint64 seq) const override;

private:
    struct Entry {
        qint64 timestampNs;
        qint64 offset; // in the file
        qint32 length;
        qint32 line;
    };
    TraceSource(std::shared_ptr<const DatasetOptions> options, QString path, Options traceOptions);

    QString m_path;
    Options m_traceOptions;
    std::vector<Entry> m_entries; // in replay order
    std::vector<qint64> m_offsetsNs;
    QStringList m_warnings;
    mutable QMutex m_mutex;
    mutable qint64 m_failedIndex = -1;
    mutable ConfigError m_failure;
};

} // namespace tl
