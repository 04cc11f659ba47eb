#pragma once

#include "metrics/runcomparison.h"

#include <QAbstractTableModel>

namespace tl {

// The comparison page's diff table: one row per metric of one matched point (RunComparison), baseline, candidate,
// change, % change, verdict and the bootstrap interval. Verdicts are coloured by what they mean (Okabe–Ito blue
// better, vermillion worse); every metric cell's tooltip is the catalogue's definition, every verdict's its reason.
class ComparisonTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonTableModel)

public:
    enum Column { Metric, Baseline, Candidate, Delta, DeltaPercent, VerdictColumn, Interval, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw numbers (the verdict: its enum value)
        KeyRole, // the metric's row key (avg_ttft_ms)
        VerdictRole, // verdictName(): better, worse, different, inconclusive, n/a
    };

    explicit ComparisonTableModel(QObject* parent = nullptr);
    ~ComparisonTableModel() override;

    void setRows(const QList<MetricComparison>& rows);
    // While true, the verdict of every resampled row reads "computing…": the rows are the stored values, shown before
    // the bootstrap has run (ComparisonPage shows them first).
    void setVerdictsPending(bool pending);
    bool verdictsPending() const { return m_pending; }
    const QList<MetricComparison>& rows() const { return m_rows; }
    int rowOf(const QString& key) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString verdictText(Verdict v); // translated
    static QColor verdictColour(Verdict v); // invalid: default text colour

private:
    QList<MetricComparison> m_rows;
    bool m_pending = false;
};

} // namespace tl
