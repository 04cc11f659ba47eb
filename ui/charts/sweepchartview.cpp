#include "charts/sweepchartview.h"

#include "charts/chartaxes.h"
#include "charts/chartpalette.h"
#include "metrics/metriccatalogue.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <QPen>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

const QString kTtft = MetricCatalogue::get(MetricId::Ttft).keyString();

} // namespace

SweepChartView::SweepChartView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this)) // the view owns the chart
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    QChart* c = m_chart;
    c->setTitle(tr("Throughput and time to first token by load"));
    m_throughput = makeSeries(tr("Output tok/s (left axis)"), QColor(0x1f, 0x77, 0xb4), Qt::SolidLine);
    m_ttftP50 = makeSeries(tr("TTFT P50 ms (right axis)"), QColor(0xd6, 0x61, 0x1e), Qt::SolidLine);
    m_ttftP99 = makeSeries(tr("TTFT P99 ms (right axis)"), QColor(0x9c, 0x2a, 0x00), Qt::DashLine);

    m_xAxis = new QLogValueAxis(c);
    m_xAxis->setBase(2);
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_xAxis->setTitleText(tr("parallel requests (log scale)"));
    m_throughputAxis = new QValueAxis(c);
    m_throughputAxis->setTitleText(tr("tokens/s"));
    m_ttftAxis = new QValueAxis(c);
    m_ttftAxis->setTitleText(tr("ms"));
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_throughputAxis, Qt::AlignLeft);
    c->addAxis(m_ttftAxis, Qt::AlignRight);
    for (QLineSeries* s : {m_throughput, m_ttftP50, m_ttftP99})
        s->attachAxis(m_xAxis);
    m_throughput->attachAxis(m_throughputAxis);
    m_ttftP50->attachAxis(m_ttftAxis);
    m_ttftP99->attachAxis(m_ttftAxis);
    ChartPalette::style(c);
    m_view->setRenderHint(QPainter::Antialiasing);
    setResults({});
}

SweepChartView::~SweepChartView() = default;

QLineSeries* SweepChartView::makeSeries(const QString& name, const QColor& color, Qt::PenStyle style)
{
    auto* series = new QLineSeries(m_chart);
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    pen.setStyle(style);
    series->setPen(pen);
    series->setPointsVisible(true);
    m_chart->addSeries(series);
    return series;
}

void SweepChartView::setResults(const QList<PointResult>& results)
{
    QList<PointResult> sorted = results;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const PointResult& a, const PointResult& b) { return a.point.parallel < b.point.parallel; });
    QList<QPointF> throughput;
    QList<QPointF> p50;
    QList<QPointF> p99;
    double parallelMin = 1;
    double parallelMax = 1;
    double throughputMax = 0;
    double ttftMax = 0;
    for (const PointResult& r : std::as_const(sorted)) {
        const double x = r.point.parallel;
        parallelMin = throughput.isEmpty() ? x : std::min(parallelMin, x);
        parallelMax = std::max(parallelMax, x);
        throughput.append(QPointF(x, r.summary.outputThroughput));
        throughputMax = std::max(throughputMax, r.summary.outputThroughput);
        const double median = r.percentiles.value(kTtft, QStringLiteral("50%"));
        const double tail = r.percentiles.value(kTtft, QStringLiteral("99%"));
        if (!std::isnan(median))
            p50.append(QPointF(x, median));
        if (!std::isnan(tail)) {
            p99.append(QPointF(x, tail));
            ttftMax = std::max(ttftMax, tail);
        }
    }
    m_throughput->replace(throughput);
    m_ttftP50->replace(p50);
    m_ttftP99->replace(p99);
    // Half a step of margin on a log2 axis keeps the end points off the frame.
    m_xAxis->setRange(parallelMin / 1.5, parallelMax * 1.5);
    ChartAxes::setNiceRange(m_throughputAxis, throughputMax * 1.1, 1.0);
    ChartAxes::setNiceRange(m_ttftAxis, ttftMax * 1.1, 1.0);
}

int SweepChartView::pointCount() const
{
    return int(m_throughput->count());
}

} // namespace tl
