#include "charts/histogramchartview.h"

#include "charts/chartaxes.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

#include <QVBoxLayout>

namespace tl {

HistogramChartView::HistogramChartView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(tr("TTFT histogram of the current point"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->hide();
    m_series = new QBarSeries(m_chart);
    m_series->setBarWidth(0.95);
    m_set = new QBarSet(tr("requests"), m_series);
    m_set->setColor(QColor(0xd6, 0x61, 0x1e));
    m_series->append(m_set);
    m_chart->addSeries(m_series);
    m_xAxis = new QBarCategoryAxis(m_chart);
    m_xAxis->setTitleText(tr("TTFT up to (ms)"));
    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setTitleText(tr("requests"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_series->attachAxis(m_xAxis);
    m_series->attachAxis(m_yAxis);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("ttftHistogramView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setHistogram(0, 0, {});
}

HistogramChartView::~HistogramChartView() = default;

void HistogramChartView::setHistogram(double startMs, double binWidthMs, const QVector<int>& counts)
{
    QStringList labels;
    QList<qreal> values;
    int yMax = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const double edge = startMs + binWidthMs * double(i + 1);
        labels.append(QString::number(edge, 'f', binWidthMs >= 1 ? 0 : binWidthMs >= 0.1 ? 2 : 3));
        values.append(counts.at(i));
        yMax = std::max(yMax, counts.at(i));
    }
    m_xAxis->setCategories(labels);
    m_set->remove(0, m_set->count());
    m_set->append(values);
    ChartAxes::setNiceRange(m_yAxis, yMax * 1.1, 5.0);
}

int HistogramChartView::binCount() const
{
    return int(m_set->count());
}

int HistogramChartView::sampleCount() const
{
    int n = 0;
    for (int i = 0; i < m_set->count(); ++i)
        n += int(m_set->at(i));
    return n;
}

} // namespace tl
