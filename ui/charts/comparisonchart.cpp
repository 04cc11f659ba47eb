#include "charts/comparisonchart.h"

#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

QScatterSeries::MarkerShape markerShape(int index)
{
    static const QScatterSeries::MarkerShape shapes[]
        = {QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapeTriangle,
            QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapeStar,
            QScatterSeries::MarkerShapePentagon};
    return shapes[index % int(std::size(shapes))];
}

// A range from 0 (or the smallest value when it is negative) to a little over the largest, rounded to nice ticks.
void fitAxis(QValueAxis* axis, double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    low = std::min(0.0, low);
    if (high <= low)
        high = low + 1;
    axis->setRange(low, high + (high - low) * 0.05);
    axis->applyNiceNumbers();
}

} // namespace

ComparisonChart::ComparisonChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    // On the right, one run a line: names with model and date do not fit side by side under a half-width chart.
    m_chart->legend()->setAlignment(Qt::AlignRight);
    QFont legendFont = m_chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_chart->legend()->setFont(legendFont);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(300);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

ComparisonChart::~ComparisonChart() = default;

QColor ComparisonChart::colour(int index)
{
    static const QColor palette[]
        = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xE6, 0x9F, 0x00),
            QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    return palette[index % int(std::size(palette))];
}

void ComparisonChart::setCurves(
    const QString& title, const QString& xTitle, const QString& yTitle, const QList<Curve>& curves)
{
    m_chart->removeAllSeries();
    // The same two axes every time: QtCharts deletes a removed axis's labels only on the event loop, so a grab or an
    // export right after a new comparison drew the old axes' labels over the new ones.
    auto* x = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    auto* y = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0));
    if (!x || !y) {
        x = new QValueAxis;
        y = new QValueAxis;
        x->setLabelFormat(QStringLiteral("%.4g"));
        y->setLabelFormat(QStringLiteral("%.4g"));
        m_chart->addAxis(x, Qt::AlignBottom);
        m_chart->addAxis(y, Qt::AlignLeft);
    }
    m_chart->setTitle(title);
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    double xLow = 0;
    double xHigh = -1;
    double yLow = 0;
    double yHigh = -1;
    for (int i = 0; i < curves.size(); ++i) {
        const Curve& c = curves.at(i);
        auto* line = new QLineSeries;
        auto* markers = new QScatterSeries;
        QPen pen(colour(i));
        pen.setWidthF(2.0);
        line->setPen(pen);
        markers->setName(c.name);
        markers->setColor(colour(i));
        markers->setBorderColor(colour(i));
        markers->setMarkerShape(markerShape(i));
        markers->setMarkerSize(11);
        for (const QPointF& p : c.points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                continue; // a point whose metric the run has not (an import without it)
            line->append(p);
            markers->append(p);
            xLow = std::min(xLow, p.x());
            xHigh = std::max(xHigh, p.x());
            yLow = std::min(yLow, p.y());
            yHigh = std::max(yHigh, p.y());
        }
        m_chart->addSeries(line);
        m_chart->addSeries(markers);
        for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(line), static_cast<QAbstractSeries*>(markers)}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        // The legend shows each run once, with its marker's shape and colour.
        for (QLegendMarker* marker : m_chart->legend()->markers(line))
            marker->setVisible(false);
    }
    fitAxis(x, xLow, xHigh);
    fitAxis(y, yLow, yHigh);
    m_curveCount = int(curves.size());
}

QStringList ComparisonChart::legendNames() const
{
    QStringList out;
    for (QAbstractSeries* series : m_chart->series()) {
        if (series->type() == QAbstractSeries::SeriesTypeScatter)
            out.append(series->name()); // the legend's entries: the line series have none
    }
    return out;
}

} // namespace tl
