#pragma once

#include "model/summary.h"

#include <QAbstractTableModel>

namespace tl {

// EvalScope's percentile table of one point: a row per percentile ("min", "10%", … "max"), a column per metric
// (TTFT, ITL, TPOT, latency, tokens, rates), each header's tooltip the catalogue's definition.
class PercentileTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PercentileTableModel)

public:
    enum Role { SortRole = Qt::UserRole };

    explicit PercentileTableModel(QObject* parent = nullptr);
    ~PercentileTableModel() override;

    void setTable(const PercentileTable& table);
    const PercentileTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PercentileTable m_table;
};

} // namespace tl
