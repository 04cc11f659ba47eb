#include "charts/livechartview.h"

#include "charts/chartaxes.h"
#include "charts/charthover.h"
#include "charts/chartpalette.h"
#include "charts/minmaxdecimator.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <QFontMetrics>
#include <QPen>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tl {

LiveChartView::LiveChartView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_throughput = makePlot(tr("Output throughput"), tr("output tokens/s"), tr("tokens/s"), QColor(0x1f, 0x77, 0xb4));
    m_ttft = makePlot(tr("Time to first token (mean over the last second)"), tr("TTFT of completed requests"), tr("ms"),
        QColor(0xd6, 0x61, 0x1e));
    m_throughput.view->setObjectName(QStringLiteral("throughputChart"));
    m_inFlight = new QLineSeries(m_throughput.chart);
    m_inFlight->setName(tr("requests in flight"));
    QPen inFlightPen(QColor(0x2c, 0xa0, 0x2c));
    inFlightPen.setWidthF(1.5);
    inFlightPen.setStyle(Qt::DashLine);
    m_inFlight->setPen(inFlightPen);
    m_throughput.chart->addSeries(m_inFlight);
    m_inFlightAxis = new QValueAxis(m_throughput.chart);
    m_inFlightAxis->setTitleText(tr("in flight"));
    m_throughput.chart->addAxis(m_inFlightAxis, Qt::AlignRight);
    ChartPalette::styleAxis(m_inFlightAxis);
    m_inFlight->attachAxis(m_throughput.xAxis);
    m_inFlight->attachAxis(m_inFlightAxis);
    m_throughput.hover->watch(m_inFlight, tr("t (s)"), 2, QString(), 0);
    m_ttft.view->setObjectName(QStringLiteral("ttftChart"));
    m_ttft.chart->legend()->hide();
    layout->addWidget(m_throughput.view, 1);
    layout->addWidget(m_ttft.view, 1);
    clear();
}

LiveChartView::~LiveChartView() = default;

LiveChartView::Plot LiveChartView::makePlot(
    const QString& title, const QString& seriesName, const QString& yTitle, const QColor& color)
{
    Plot p;
    p.chart = new QChart;
    p.chart->setTitle(title);
    p.series = new QLineSeries(p.chart);
    p.series->setName(seriesName);
    QPen pen(color);
    pen.setWidthF(2.0);
    p.series->setPen(pen);
    p.chart->addSeries(p.series);
    p.xAxis = new QValueAxis(p.chart);
    p.xAxis->setTitleText(tr("time since the point started (s)"));
    p.yAxis = new QValueAxis(p.chart);
    p.yAxis->setTitleText(yTitle);
    p.chart->addAxis(p.xAxis, Qt::AlignBottom);
    p.chart->addAxis(p.yAxis, Qt::AlignLeft);
    p.series->attachAxis(p.xAxis);
    p.series->attachAxis(p.yAxis);
    ChartPalette::style(p.chart);
    p.view = new QChartView(p.chart, this); // the view owns the chart
    p.view->setRenderHint(QPainter::Antialiasing);
    // Lower, QtCharts elides the axis labels of the chart with a legend (its title, legend, labels and axis title
    // are about six lines of text): measured on the translated title, since Chinese glyphs come from a taller
    // fallback font (at 200 px the Chinese throughput chart lost every label to "…").
    const int line = QFontMetrics(p.chart->titleFont()).boundingRect(title).height();
    p.view->setMinimumHeight(std::max(200, 110 + 6 * line));
    p.hover = new ChartHover(p.view, p.chart, this);
    p.hover->watch(p.series, tr("t (s)"), 2, yTitle, 1);
    return p;
}

void LiveChartView::clear()
{
    updatePlot(m_throughput, {}, 0);
    updatePlot(m_ttft, {}, 0);
    m_inFlight->clear();
    ChartAxes::setNiceRange(m_inFlightAxis, 0, 5.0);
    m_shown[0] = m_shown[1] = Shown{};
}

void LiveChartView::showSeries(const QVector<LivePoint>& series)
{
    showSeries(series, Part::Throughput);
    showSeries(series, Part::Ttft);
}

void LiveChartView::showSeries(const QVector<LivePoint>& series, Part part)
{
    const double lastT = series.isEmpty() ? 0 : series.constLast().tS;
    Shown& shown = m_shown[part == Part::Throughput ? 0 : 1];
    if (series.size() == shown.size && lastT == shown.lastT)
        return;
    shown = Shown{series.size(), lastT};
    QList<QPointF> points;
    points.reserve(series.size());
    if (part == Part::Ttft) {
        for (const LivePoint& p : series) {
            if (!std::isnan(p.ttftMs)) // no request finished in that second
                points.append(QPointF(p.tS, p.ttftMs));
        }
        updatePlot(m_ttft, points, lastT);
        return;
    }
    QList<QPointF> inFlight;
    inFlight.reserve(series.size());
    double inFlightMax = 0;
    for (const LivePoint& p : series) {
        points.append(QPointF(p.tS, p.outputTokPerS));
        inFlight.append(QPointF(p.tS, p.inFlight));
        inFlightMax = std::max(inFlightMax, double(p.inFlight));
    }
    updatePlot(m_throughput, points, lastT);
    const int columns = std::max(100, int(m_throughput.chart->plotArea().width()));
    m_inFlight->replace(MinMaxDecimator::decimate(inFlight, columns));
    ChartAxes::setNiceRange(m_inFlightAxis, inFlightMax * 1.1, 5.0);
}

int LiveChartView::inFlightPointCount() const
{
    return int(m_inFlight->count());
}

void LiveChartView::updatePlot(Plot& plot, const QList<QPointF>& points, double tMax)
{
    const int columns = std::max(100, int(plot.chart->plotArea().width()));
    plot.series->replace(MinMaxDecimator::decimate(points, columns));
    double yMax = 0;
    for (const QPointF& p : points)
        yMax = std::max(yMax, p.y());
    ChartAxes::setNiceRange(plot.xAxis, tMax, 10.0);
    ChartAxes::setNiceRange(plot.yAxis, yMax * 1.1, 1.0);
}

int LiveChartView::throughputPointCount() const
{
    return int(m_throughput.series->count());
}

int LiveChartView::ttftPointCount() const
{
    return int(m_ttft.series->count());
}

} // namespace tl
