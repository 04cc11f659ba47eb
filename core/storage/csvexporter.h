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
//   sla_probes.csv   SLA auto-tune runs only: one row per probed value, criteria group and criterion (the mean over
//                    the value's runs, its t-interval, whether it holds or straddles, the value's verdict)
//   sla_summary.csv  SLA auto-tune runs only: one row per criteria group (the answer, sure or not, the search path)
// Empty cells are unknown values, never zeros.
class CsvExporter final {
public:
    static QByteArray pointsCsv(const QList<RunData>& runs);
    static QByteArray requestsCsv(const RunData& run);
    static QByteArray percentilesCsv(const RunData& run);
    // Empty (no header either) when the run is not an SLA auto-tune.
    static QByteArray slaProbesCsv(const RunData& run);
    static QByteArray slaSummaryCsv(const RunData& run);
    static QStringList pointsHeader();
    static QStringList requestsHeader();
    // Writes the three files (five for an SLA auto-tune) into `dir` (created if needed); the paths written go to `written`.
    static bool exportRun(const RunData& run, const QString& dir, QStringList* written, QString* error);

    // Nanoseconds as milliseconds with six decimals, exactly (so a round trip gives back the same nanoseconds).
    static QString nsToMs(qint64 ns);
    static qint64 msToNs(const QString& ms, bool* ok);
};

} // namespace tl
