#pragma once

#include <QVector>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;

namespace tl {

// A histogram of the current point's TTFT: equal bins from `startMs`, their upper edges as the category labels.
class HistogramChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramChartView)

public:
    explicit HistogramChartView(QWidget* parent = nullptr);
    ~HistogramChartView() override;

    void setHistogram(double startMs, double binWidthMs, const QVector<int>& counts);
    int binCount() const;
    int sampleCount() const;

private:
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QBarSeries* m_series = nullptr;
    QBarSet* m_set = nullptr;
    QBarCategoryAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
};

} // namespace tl
