#pragma once

#include "engine/runsnapshot.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace tl {

class SummaryTableModel;
class SweepChartView;

// The results of one run: the summary table (a row per point, sortable on the raw values) above a chart of
// throughput and TTFT against the load.
class ResultsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    explicit ResultsPage(QWidget* parent = nullptr);
    ~ResultsPage() override;

    void setResults(const QString& title, const QList<PointResult>& results);
    SummaryTableModel* model() const { return m_model; }

private:
    QLabel* m_title = nullptr;
    SummaryTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    SweepChartView* m_chart = nullptr;
};

} // namespace tl
