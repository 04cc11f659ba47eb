#pragma once

#include "storage/rundata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tl {

// CSV of runs for spreadsheets and scripts (RFC 4180, UTF-8, header row, the unit in every column name):
//   points.csv       one row per run point: load, counts, EvalScope's summary, p50/p99 of TTFT and latency
//   requests.csv     one row per request: every timestamp (ms since the run's anchor, to the nanosecond), derived
//                    TTFT/latency/TPOT, tokens and their source, status, error, every event's offset and flags, and
//                    for --multi-turn the conversation id and turn index (empty for single-turn requests)
//   percentiles.csv  one row per run point and percentile (EvalScope's table)
// Empty cells are unknown values, never zeros.
class CsvExporter final {
public:
    static QByteArray pointsCsv(const QList<RunData>& runs);
    static QByteArray requestsCsv(const RunData& run);
    static QByteArray percentilesCsv(const RunData& run);
    static QStringList pointsHeader();
    static QStringList requestsHeader();
    // Writes the three files into `dir` (created if needed); the paths written go to `written`.
    static bool exportRun(const RunData& run, const QString& dir, QStringList* written, QString* error);

    // Nanoseconds as milliseconds with six decimals, exactly (so a round trip gives back the same nanoseconds).
    static QString nsToMs(qint64 ns);
    static qint64 msToNs(const QString& ms, bool* ok);
};

} // namespace tl
