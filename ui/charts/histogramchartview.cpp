#include "charts/histogramchartview.h"

#include "charts/chartaxes.h"
#include "charts/charthover.h"
#include "charts/chartpalette.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

#include <QLocale>
#include <QVBoxLayout>

namespace tl {

HistogramChartView::HistogramChartView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->legend()->hide();
    m_series = new QBarSeries(m_chart);
    m_series->setBarWidth(0.95);
    m_set = new QBarSet(tr("requests"), m_series);
    m_series->append(m_set);
    m_chart->addSeries(m_series);
    m_xAxis = new QBarCategoryAxis(m_chart);
    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setTitleText(tr("requests"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_series->attachAxis(m_xAxis);
    m_series->attachAxis(m_yAxis);
    ChartPalette::style(m_chart);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("ttftHistogramView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_hover = new ChartHover(m_view, m_chart, this);
    connect(m_set, &QBarSet::hovered, this, [this](bool status, int index) {
        status ? m_hover->showText(binText(index)) : m_hover->hide();
    });
    setKind(tr("TTFT"), QColor(0xd6, 0x61, 0x1e));
    setHistogram(0, 0, {});
}

void HistogramChartView::setKind(const QString& name, const QColor& color, bool intervals)
{
    m_name = name;
    m_intervals = intervals;
    m_yAxis->setTitleText(intervals ? tr("intervals") : tr("requests"));
    m_chart->setTitle(tr("%1 histogram of the current point").arg(name));
    m_xAxis->setTitleText(tr("%1 up to (ms)").arg(name));
    m_set->setColor(color);
}

QString HistogramChartView::binText(int index) const
{
    if (index < 0 || index >= m_set->count())
        return {};
    const QLocale locale;
    const int decimals = m_binWidthMs >= 1 ? 1 : 3;
    const int n = int(m_set->at(index));
    return (m_intervals ? tr("%1 %2–%3 ms: %n interval(s)", nullptr, n) : tr("%1 %2–%3 ms: %n request(s)", nullptr, n))
        .arg(m_name, locale.toString(m_startMs + m_binWidthMs * index, 'f', decimals),
            locale.toString(m_startMs + m_binWidthMs * (index + 1), 'f', decimals));
}

HistogramChartView::~HistogramChartView() = default;

void HistogramChartView::setHistogram(double startMs, double binWidthMs, const QVector<int>& counts)
{
    if (m_shown && startMs == m_startMs && binWidthMs == m_binWidthMs && counts == m_counts)
        return;
    m_shown = true;
    ++m_rebuilds;
    m_startMs = startMs;
    m_binWidthMs = binWidthMs;
    m_counts = counts;
    QStringList labels;
    QList<qreal> values;
    int yMax = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const double edge = startMs + binWidthMs * double(i + 1);
        labels.append(QString::number(edge, 'f', binWidthMs >= 1 ? 0 : binWidthMs >= 0.1 ? 2 : 3));
        values.append(counts.at(i));
        yMax = std::max(yMax, counts.at(i));
    }
    // QtCharts lays out a category axis without categories not at all, leaving its title at the chart's top left:
    // an empty histogram keeps one blank category.
    if (labels.isEmpty())
        labels.append(QStringLiteral(" "));
    if (labels != m_xAxis->categories())
        m_xAxis->setCategories(labels);
    if (m_set->count() == values.size()) {
        // Same bins, new counts: only the bars that changed.
        for (int i = 0; i < values.size(); ++i) {
            if (m_set->at(i) != values.at(i))
                m_set->replace(i, values.at(i));
        }
    } else {
        m_set->remove(0, m_set->count());
        m_set->append(values);
    }
    ChartAxes::setNiceRange(m_yAxis, yMax * 1.1, 5.0);
}

int HistogramChartView::binCount() const
{
    return int(m_set->count());
}

QRectF HistogramChartView::xTitleGeometry() const
{
    return ChartAxes::titleGeometry(m_chart, m_xAxis);
}

QRectF HistogramChartView::plotArea() const
{
    return m_chart->plotArea();
}

int HistogramChartView::sampleCount() const
{
    int n = 0;
    for (int i = 0; i < m_set->count(); ++i)
        n += int(m_set->at(i));
    return n;
}

} // namespace tl
