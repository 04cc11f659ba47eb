#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tl {

// The sweep's throughput–latency curve growing point by point: x output tokens/s, y TTFT p50 and p99, one point
// per run point with the x axis ticked at each point's throughput and labelled with its tested load ("P16"). The
// running point is drawn provisional (hollow markers) until it finishes.
class SweepCurveChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepCurveChart)

public:
    struct Point {
        QString load; // the tick label: "P16", "R5"
        double outputTokPerS = 0;
        double ttftP50Ms = 0;
        double ttftP99Ms = 0;
    };

    explicit SweepCurveChart(QWidget* parent = nullptr);
    ~SweepCurveChart() override;

    // `finished` points in sweep order; `running` is the point in progress, if any.
    void setPoints(const QList<Point>& finished, const std::optional<Point>& running);
    int finishedCount() const;
    bool hasProvisional() const;
    QStringList tickLabels() const;

private:
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_p50 = nullptr;
    QLineSeries* m_p99 = nullptr;
    QScatterSeries* m_provisional = nullptr;
    QCategoryAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
};

} // namespace tl
