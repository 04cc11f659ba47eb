#include "charts/sweepcurvechart.h"

#include "charts/chartaxes.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <QPen>
#include <QVBoxLayout>

#include <cmath>

namespace tl {

namespace {

QLineSeries* makeLine(QChart* chart, const QString& name, const QColor& color, Qt::PenStyle style)
{
    auto* series = new QLineSeries(chart);
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    pen.setStyle(style);
    series->setPen(pen);
    series->setPointsVisible(true);
    chart->addSeries(series);
    return series;
}

} // namespace

SweepCurveChart::SweepCurveChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(tr("Throughput–latency curve of the sweep"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_p50 = makeLine(m_chart, tr("TTFT p50"), QColor(0xd6, 0x61, 0x1e), Qt::SolidLine);
    m_p99 = makeLine(m_chart, tr("TTFT p99"), QColor(0x8c, 0x2d, 0x04), Qt::DashLine);
    m_provisional = new QScatterSeries(m_chart);
    m_provisional->setName(tr("running point (provisional)"));
    m_provisional->setMarkerSize(10);
    m_provisional->setColor(Qt::transparent);
    m_provisional->setBorderColor(QColor(0xd6, 0x61, 0x1e));
    m_chart->addSeries(m_provisional);
    m_xAxis = new QCategoryAxis(m_chart);
    m_xAxis->setTitleText(tr("output tokens/s (ticks: tested load)"));
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setTitleText(tr("TTFT (ms)"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : m_chart->series()) {
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("sweepCurveView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setPoints({}, std::nullopt);
}

SweepCurveChart::~SweepCurveChart() = default;

void SweepCurveChart::setPoints(const QList<Point>& finished, const std::optional<Point>& running)
{
    QList<QPointF> p50;
    QList<QPointF> p99;
    double xMax = 0;
    double yMax = 0;
    for (const Point& p : finished) {
        p50.append(QPointF(p.outputTokPerS, p.ttftP50Ms));
        p99.append(QPointF(p.outputTokPerS, p.ttftP99Ms));
        xMax = std::max(xMax, p.outputTokPerS);
        yMax = std::max(yMax, p.ttftP99Ms);
    }
    QList<QPointF> provisional;
    if (running && std::isfinite(running->ttftP50Ms)) {
        provisional = {
            QPointF(running->outputTokPerS, running->ttftP50Ms), QPointF(running->outputTokPerS, running->ttftP99Ms)};
        xMax = std::max(xMax, running->outputTokPerS);
        yMax = std::max(yMax, running->ttftP99Ms);
    }
    m_p50->replace(p50);
    m_p99->replace(p99);
    m_provisional->replace(provisional);

    // Ticks at each tested load's throughput; the axis ends a little past the last one.
    for (const QString& label : m_xAxis->categoriesLabels())
        m_xAxis->remove(label);
    const double end = xMax > 0 ? xMax * 1.1 : 1.0;
    m_xAxis->setRange(0, end);
    m_xAxis->setStartValue(0);
    double last = 0;
    QList<Point> ticks = finished;
    if (running && std::isfinite(running->ttftP50Ms))
        ticks.append(*running);
    for (const Point& p : ticks) {
        // Category ends must grow; a load whose throughput did not grow keeps its label on the previous tick.
        if (p.outputTokPerS <= last || m_xAxis->categoriesLabels().contains(p.load))
            continue;
        m_xAxis->append(p.load, p.outputTokPerS);
        last = p.outputTokPerS;
    }
    ChartAxes::setNiceRange(m_yAxis, yMax * 1.1, 1.0);
}

int SweepCurveChart::finishedCount() const
{
    return int(m_p50->count());
}

bool SweepCurveChart::hasProvisional() const
{
    return m_provisional->count() > 0;
}

QStringList SweepCurveChart::tickLabels() const
{
    return m_xAxis->categoriesLabels();
}

} // namespace tl
