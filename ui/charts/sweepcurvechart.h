#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QWidget>

#include <optional>

class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tl {

class ChartHover;

// The sweep's throughput–latency curve growing point by point: x output tokens/s or requests/s, y the p50 and p99 of
// TTFT, ITL or latency (switchable above the chart), one point per run point with the x axis ticked at each point's
// throughput and labelled with its tested load ("P16"). Where points sit close together (low loads, or past
// saturation) the ticks whose labels would crowd their neighbours are left out, for the chart's width as drawn: the
// saturation point's, the last and the first are kept first (ChartAxes::readableLabels). The running point is drawn
// provisional (hollow markers) until it finishes. Hovering shows the nearest point's values.
class SweepCurveChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepCurveChart)

public:
    enum class XMetric { OutputTokensPerS, RequestsPerS };
    enum class YMetric { Ttft, Itl, Latency };

    struct Point {
        QString load; // the tick label: "P16", "R5"
        double outputTokPerS = 0;
        double ttftP50Ms = 0;
        double ttftP99Ms = 0;
        double requestsPerS = 0;
        double itlP50Ms = 0;
        double itlP99Ms = 0;
        double latencyP50S = 0;
        double latencyP99S = 0;
        bool operator==(const Point&) const = default;
    };

    explicit SweepCurveChart(QWidget* parent = nullptr);
    ~SweepCurveChart() override;

    // `finished` points in sweep order; `running` is the point in progress, if any. Points equal to those shown are
    // not redrawn (the live page sets them 4 times a second; between points nothing changes).
    void setPoints(const QList<Point>& finished, const std::optional<Point>& running);
    // Marks finished point `index` (-1: none) as the sweep's saturation point: a star on its p50, with `toolTip`
    // (what was seen and the rule) when hovered.
    void setSaturation(int index, const QString& toolTip);
    QList<QPointF> saturationPoints() const;
    QString saturationToolTip() const { return m_kneeTip; }
    // Switches the axes (as the drop-downs above the chart do) and redraws the points last set.
    void setAxes(XMetric x, YMetric y);
    XMetric xMetric() const { return m_x; }
    YMetric yMetric() const { return m_y; }
    int finishedCount() const;
    bool hasProvisional() const;
    // Every tested load with a place on the x axis (a load whose x did not grow has none), in sweep order.
    QStringList tickLabels() const;
    // For tests: where tickLabels() sit on the x axis, and where the axis ends.
    QList<double> tickValues() const;
    double xAxisEnd() const;
    // The ticks drawn: those of tickLabels() whose labels do not crowd a neighbour's at the chart's present width.
    QStringList shownTickLabels() const;
    // For tests: the plot width the shown ticks were chosen for (they follow the plot's width a turn of the event loop
    // after each layout).
    double ticksChosenForWidth() const { return m_ticksWidth; }
    // For tests: the drawn points and axis titles.
    QList<QPointF> p50Points() const;
    QList<QPointF> p99Points() const;
    QList<QPointF> provisionalPoints() const;
    QString xTitle() const;
    QString yTitle() const;
    // For tests: where the x axis's title and the plot are drawn, in scene coordinates (an empty rect when the title
    // is not drawn).
    QRectF xTitleGeometry() const;
    QRectF plotArea() const;
    // For tests: the x tick labels QtCharts drew (it hides one that overlaps its left neighbour), left to right, each
    // with its text's extent along x in scene coordinates.
    struct DrawnLabel {
        QString text;
        double left = 0;
        double right = 0;
    };
    QList<DrawnLabel> drawnTickLabels() const;
    ChartHover* hover() const { return m_hover; }
    int redrawCount() const { return m_redraws; } // for tests of the skip above

    // The chosen axes' values of a point: x, y p50, y p99.
    static double xValue(const Point& p, XMetric x);
    static std::pair<double, double> yValues(const Point& p, YMetric y);

private:
    void redraw();
    void onAxesChosen();
    // Puts on the axis the ticks of m_ticks whose labels stay readable at the plot's present width.
    void applyTicks();

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QComboBox* m_xCombo = nullptr;
    QComboBox* m_yCombo = nullptr;
    QLineSeries* m_p50 = nullptr;
    QLineSeries* m_p99 = nullptr;
    QScatterSeries* m_provisional = nullptr;
    QScatterSeries* m_knee = nullptr;
    int m_kneeIndex = -1;
    QString m_kneeTip;
    QCategoryAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    ChartHover* m_hover = nullptr;
    XMetric m_x = XMetric::OutputTokensPerS;
    YMetric m_y = YMetric::Ttft;
    QList<Point> m_finished;
    std::optional<Point> m_running;
    QList<std::pair<QString, double>> m_ticks; // every tested load's tick as last built
    std::optional<std::pair<QString, double>> m_runningTick; // the running point's tick as last built
    QList<std::pair<QString, double>> m_shownTicks; // the x axis's categories: the readable ones of m_ticks
    int m_redraws = 0;
    double m_ticksWidth = 0;
};

} // namespace tl
