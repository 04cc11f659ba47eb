#pragma once

#include "engine/runsnapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace tl {

// One row per finished run point: EvalScope's summary figures plus P50/P99 of TTFT, ITL, TPOT and latency.
// DisplayRole is formatted text with the unit in the header; SortRole holds the raw number (NaN = no sample).
class SummaryTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryTableModel)

public:
    enum Column {
        Parallel,
        Number,
        Success,
        Failed,
        Duration,
        ReqPerS,
        OutTokPerS,
        TtftAvg,
        TtftP50,
        TtftP99,
        ItlAvg,
        ItlP50,
        ItlP99,
        TpotAvg,
        TpotP50,
        TpotP99,
        LatencyAvg,
        LatencyP50,
        LatencyP99,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    explicit SummaryTableModel(QObject* parent = nullptr);
    ~SummaryTableModel() override;

    void setResults(const QList<PointResult>& results);
    const QList<PointResult>& results() const { return m_results; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static double rawValue(const PointResult& r, int column);
    QString displayText(const PointResult& r, int column) const;
    QString headerToolTip(int column) const;

    QList<PointResult> m_results;
};

} // namespace tl
