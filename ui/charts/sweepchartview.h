#pragma once

#include "engine/runsnapshot.h"

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace tl {

// The shape of a sweep: output throughput and TTFT percentiles against the load (parallel requests) of each
// finished point, drawn on a log2 load axis so 1, 4, 16... are evenly spaced.
class SweepChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepChartView)

public:
    explicit SweepChartView(QWidget* parent = nullptr);
    ~SweepChartView() override;

    void setResults(const QList<PointResult>& results);
    int pointCount() const;

private:
    QLineSeries* makeSeries(const QString& name, const QColor& color, Qt::PenStyle style);

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_throughput = nullptr;
    QLineSeries* m_ttftP50 = nullptr;
    QLineSeries* m_ttftP99 = nullptr;
    QLogValueAxis* m_xAxis = nullptr;
    QValueAxis* m_throughputAxis = nullptr;
    QValueAxis* m_ttftAxis = nullptr;
};

} // namespace tl
