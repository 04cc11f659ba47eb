#pragma once

#include <QRectF>
#include <QVector>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;

namespace tl {

class ChartHover;

// A histogram of the current point's TTFT (or, after setKind, ITL): equal bins from `startMs`, their upper edges as
// the category labels; hovering a bar shows its range and count.
class HistogramChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramChartView)

public:
    explicit HistogramChartView(QWidget* parent = nullptr);
    ~HistogramChartView() override;

    // Titles and colour for another quantity: `name` is its short name ("ITL") in the title, axis and hover text.
    // `intervals`: the samples are inter-token intervals (ITL), not requests.
    void setKind(const QString& name, const QColor& color, bool intervals = false);
    // Rebuilds the bars only when something changed: the live page sets the histogram 4 times a second and most
    // snapshots of a long point leave it as it was.
    void setHistogram(double startMs, double binWidthMs, const QVector<int>& counts);
    // How many times the bars were rebuilt (for tests of the skip above).
    int rebuildCount() const { return m_rebuilds; }
    // What hovering bin `index` shows ("ITL 12.0–14.5 ms: 37 requests").
    QString binText(int index) const;
    ChartHover* hover() const { return m_hover; }
    int binCount() const;
    // For tests: where the x axis's title and the plot are drawn, in scene coordinates.
    QRectF xTitleGeometry() const;
    QRectF plotArea() const;
    int sampleCount() const;

private:
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QBarSeries* m_series = nullptr;
    QBarSet* m_set = nullptr;
    QBarCategoryAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    ChartHover* m_hover = nullptr;
    QString m_name;
    bool m_intervals = false;
    double m_startMs = 0;
    double m_binWidthMs = 0;
    QVector<int> m_counts;
    bool m_shown = false; // setHistogram ran once
    int m_rebuilds = 0;
};

} // namespace tl
