#pragma once

#include "metrics/liveseries.h"

#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace tl {

class ChartHover;

// Two small live charts of the current run point, one above the other on a shared time scale: output
// tokens per second with the requests in flight (right axis), and mean time to first token. Fed whole series from
// snapshots (a few per second); each update replaces the series in one call with points decimated to the plot's width.
class LiveChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChartView)

public:
    explicit LiveChartView(QWidget* parent = nullptr);
    ~LiveChartView() override;

    void clear();
    // The two charts: output tokens/s with requests in flight, and TTFT.
    enum class Part { Throughput, Ttft };
    // Replaces the curves of `part` (or of both); a series that has not grown since the last call (same length, same
    // last sample) is not drawn again.
    void showSeries(const QVector<LivePoint>& series, Part part);
    void showSeries(const QVector<LivePoint>& series);

    // For tests: points currently drawn by each chart.
    int throughputPointCount() const;
    int ttftPointCount() const;
    int inFlightPointCount() const;
    // Hover values of each chart (the throughput chart's covers output tokens/s and in flight).
    ChartHover* throughputHover() const { return m_throughput.hover; }
    ChartHover* ttftHover() const { return m_ttft.hover; }

private:
    struct Plot {
        QChart* chart = nullptr;
        QChartView* view = nullptr;
        QLineSeries* series = nullptr;
        QValueAxis* xAxis = nullptr;
        QValueAxis* yAxis = nullptr;
        ChartHover* hover = nullptr;
    };

    Plot makePlot(const QString& title, const QString& seriesName, const QString& yTitle, const QColor& color);
    void updatePlot(Plot& plot, const QList<QPointF>& points, double tMax);

    Plot m_throughput;
    Plot m_ttft;
    QLineSeries* m_inFlight = nullptr; // on m_throughput's chart, against m_inFlightAxis
    QValueAxis* m_inFlightAxis = nullptr;
    struct Shown {
        qsizetype size = -1; // of the series last shown; -1 after clear()
        double lastT = 0;
    };
    Shown m_shown[2]; // by Part
};

} // namespace tl
