#pragma once

#include "model/rundata.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <memory>

namespace tl {

// Every request of a run as compact columns (about 50 bytes a request), what the per-request table, its sorting and
// filtering and the per-point charts read: a million requests take ~50 MB and no QVariant is stored. Built once off
// the GUI thread and then shared read-only (std::shared_ptr<const RequestTable>). Times are nanoseconds relative to
// the run's anchor; durations are milliseconds, NaN when unknown (failures have no TTFT).
struct RequestTable {
    enum Flag : quint8 { Success = 1, Warmup = 2, Stream = 4 };

    QVector<qint32> point; // index into the run's points
    QVector<qint32> record; // index into that point's records (the detail view); -1 when not kept
    QVector<qint32> seq;
    QVector<quint8> flags;
    QVector<quint8> errorClass;
    QVector<qint16> httpStatus;
    QVector<qint64> sentNs;
    QVector<float> ttftMs;
    QVector<float> latencyMs; // send to last data event; failures: send to the end
    QVector<float> tpotMs;
    QVector<qint32> promptTokens; // -1 unknown
    QVector<qint32> completionTokens;
    QHash<qint32, QString> errors; // row -> the failure's message (failures only; ~2% of a run's rows)
    bool inPointOrder = false; // rows are in (point, seq) order already: sorting by point is a no-op

    int size() const { return int(point.size()); }
    bool success(int row) const { return (flags.at(row) & Success) != 0; }
    bool warmup(int row) const { return (flags.at(row) & Warmup) != 0; }
    void reserve(qsizetype n);
    void append(int pointIndex, int recordIndex, const RequestRecord& r);
    QString errorMessage(int row) const { return errors.value(row); }
    // Sets inPointOrder from the rows appended.
    void finish();
    // Every request of every point of `run`, in point then sequence order.
    static std::shared_ptr<const RequestTable> fromRun(const RunData& run);
};

} // namespace tl
