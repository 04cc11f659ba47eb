#pragma once

#include <QList>
#include <QPair>
#include <QPointF>
#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QValueAxis;

namespace tl {

// A publication-like XY chart of the results page: lines (with markers), step lines (histograms) or scatter points,
// coloured from ChartPalette, a title, axis titles with their units, and optionally x ticks at chosen values with
// their own labels (the tested loads of a sweep). Long lines are thinned with MinMaxDecimator and scatters sampled
// to at most kMaxScatterPoints, so a point of a million requests still draws at once.
//
// While the view is hidden (a chart on a tab not shown) what is set is kept and handed to QtCharts only when the view
// is shown, or asked for what QtCharts holds (chart(), drawnPointCount(), xTickLabels()), or exported: a hidden
// QChart is laid out all the same, 4-6 ms of the GUI thread for each chart of a run's results (bench_guilag).
class XYChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XYChartView)

public:
    static constexpr int kMaxScatterPoints = 4000;
    // ErrorBars: `points` are pairs, (x, low) then (x, high), one vertical bar with caps per pair (a confidence
    // interval); the legend names the series once.
    enum class Kind { Line, Step, Scatter, ErrorBars };
    struct Series {
        QString name;
        QList<QPointF> points; // sorted by x for lines and steps
        Kind kind = Kind::Line;
        int color = 0; // ChartPalette index
        Qt::PenStyle style = Qt::SolidLine;
        bool markers = false; // lines: a marker on each point (a sweep has a handful)
        bool star = false; // scatter: large star markers (a marked point, such as the saturation point)
        QString toolTip; // shown when a point of the series is hovered
    };

    explicit XYChartView(QWidget* parent = nullptr);
    ~XYChartView() override;

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setAxisTitles(const QString& x, const QString& y);
    QString xTitle() const { return m_xTitle; }
    QString yTitle() const { return m_yTitle; }
    // Ticks only at these x values, labelled with the given text; empty: a round value axis from 0.
    void setXTicks(const QList<QPair<double, QString>>& ticks);
    QStringList xTickLabels() const;
    void setSeries(const QList<Series>& series);
    int seriesCount() const { return int(m_series.size()); }
    // Points handed to the chart for series `i` (after thinning; for error bars, the number of bars).
    int drawnPointCount(int i) const;
    QStringList seriesNames() const;
    const QList<Series>& seriesList() const { return m_series; }
    QChart* chart() const;
    // Hands what was set while hidden to QtCharts now (before a hidden chart is rendered).
    void applyPending();
    bool hasPending() const { return m_pending != 0; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    enum Pending { Title = 1, AxisTitles = 2, Series_ = 4 };
    void defer(int what);
    void applySeries();
    void rebuildAxes(double maxX, double maxY);
    void addErrorBars(const Series& s, double capHalfWidth);

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QAbstractAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    QString m_title;
    QString m_xTitle;
    QString m_yTitle;
    int m_pending = 0; // Pending flags: set while hidden, not yet handed to QtCharts
    QList<QPair<double, QString>> m_ticks;
    QList<Series> m_series;
    QList<int> m_drawn;
};

} // namespace tl
