#include "charts/comparisonchart.h"

#include "charts/chartpalette.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtMath>

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
    ChartPalette::style(m_chart);
    m_chart->legend()->hide(); // the legend is m_legend, under the view
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(300);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white); // one white figure with the legend under it
    m_legend = new QWidget(this);
    m_legend->setObjectName(QStringLiteral("comparisonLegend"));
    m_legend->setAutoFillBackground(true);
    QPalette white = m_legend->palette();
    white.setColor(QPalette::Window, Qt::white);
    m_legend->setPalette(white);
    m_legendLayout = new QGridLayout(m_legend);
    m_legendLayout->setContentsMargins(12, 2, 12, 6);
    m_legendLayout->setHorizontalSpacing(6);
    m_legendLayout->setVerticalSpacing(2);
    m_legendLayout->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
}

ComparisonChart::~ComparisonChart() = default;

QColor ComparisonChart::colour(int index)
{
    return ChartPalette::color(index);
}

QPixmap ComparisonChart::markerIcon(int index, qreal devicePixelRatio)
{
    // The shapes QScatterSeries draws, at the legend's size.
    constexpr int kSize = 14;
    QPixmap pixmap(QSize(kSize, kSize) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour(index), 1));
    p.setBrush(colour(index));
    const QRectF r(2, 2, kSize - 4, kSize - 4);
    const QPointF c = r.center();
    const double radius = r.width() / 2;
    const auto polygon = [&](int corners, double startDegrees, double inner) {
        // A regular polygon, or with `inner` < 1 a star alternating outer and inner corners.
        QPolygonF points;
        const int n = inner < 1 ? corners * 2 : corners;
        for (int k = 0; k < n; ++k) {
            const double angle = qDegreesToRadians(startDegrees + 360.0 * k / n);
            const double rk = inner < 1 && k % 2 ? radius * inner : radius;
            points << QPointF(c.x() + rk * std::cos(angle), c.y() + rk * std::sin(angle));
        }
        p.drawPolygon(points);
    };
    switch (markerShape(index)) {
    case QScatterSeries::MarkerShapeCircle:
        p.drawEllipse(r);
        break;
    case QScatterSeries::MarkerShapeRectangle:
        p.drawRect(r.adjusted(1, 1, -1, -1));
        break;
    case QScatterSeries::MarkerShapeTriangle:
        polygon(3, -90, 1);
        break;
    case QScatterSeries::MarkerShapeRotatedRectangle:
        polygon(4, -90, 1);
        break;
    case QScatterSeries::MarkerShapeStar:
        polygon(5, -90, 0.45);
        break;
    default:
        polygon(5, -90, 1); // pentagon
        break;
    }
    return pixmap;
}

QString ComparisonChart::title() const
{
    return m_chart->title();
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
        ChartPalette::styleAxis(x);
        ChartPalette::styleAxis(y);
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
    }
    fitAxis(x, xLow, xHigh);
    fitAxis(y, yLow, yHigh);
    m_curveCount = int(curves.size());

    // The legend: each run once, its marker's shape and colour, then its full name (wrapped, never elided).
    while (m_legendTexts.size() > curves.size()) {
        delete m_legendTexts.takeLast();
        delete m_legendIcons.takeLast();
    }
    while (m_legendTexts.size() < curves.size()) {
        const int row = int(m_legendTexts.size());
        auto* icon = new QLabel(m_legend);
        icon->setPixmap(markerIcon(row, devicePixelRatioF()));
        auto* text = new QLabel(m_legend);
        text->setObjectName(QStringLiteral("comparisonLegendEntry"));
        text->setFont(ChartPalette::labelFont());
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_legendLayout->addWidget(icon, row, 0, Qt::AlignTop);
        m_legendLayout->addWidget(text, row, 1);
        m_legendIcons.append(icon);
        m_legendTexts.append(text);
    }
    for (int i = 0; i < curves.size(); ++i)
        m_legendTexts.at(i)->setText(curves.at(i).name);
    m_legend->setVisible(!curves.isEmpty());
}

QStringList ComparisonChart::legendNames() const
{
    QStringList out;
    for (const QLabel* label : m_legendTexts)
        out.append(label->text());
    return out;
}

} // namespace tl
