#include "charts/xychartview.h"

#include "charts/chartaxes.h"
#include "charts/chartpalette.h"
#include "charts/minmaxdecimator.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <utility>

namespace tl {

namespace {

QList<QPointF> steps(const QList<QPointF>& bins)
{
    // A histogram as a step outline: each bin (x = its lower edge) flat to the next edge.
    QList<QPointF> out;
    out.reserve(bins.size() * 2 + 2);
    for (int i = 0; i < bins.size(); ++i) {
        const double next = i + 1 < bins.size() ? bins.at(i + 1).x()
                                                : bins.at(i).x() + (i > 0 ? bins.at(i).x() - bins.at(i - 1).x() : 1.0);
        if (i == 0)
            out.append(QPointF(bins.at(i).x(), 0));
        out.append(QPointF(bins.at(i).x(), bins.at(i).y()));
        out.append(QPointF(next, bins.at(i).y()));
        if (i + 1 == bins.size())
            out.append(QPointF(next, 0));
    }
    return out;
}

QList<QPointF> sample(const QList<QPointF>& points, int max)
{
    if (points.size() <= max)
        return points;
    QList<QPointF> out;
    out.reserve(max);
    const double stride = double(points.size()) / max;
    for (int i = 0; i < max; ++i)
        out.append(points.at(qMin(qsizetype(i * stride), points.size() - 1)));
    return out;
}

// The dot drawn at each point of a scatter: a QLineSeries without a line paints it in its own paint(), where a
// QScatterSeries makes one graphics item per point (4,000 items took 170-320 ms of the GUI thread when a run was
// opened, Debug build; docs/PERFORMANCE.md).
QImage dotImage(const QColor& color, int diameter)
{
    QImage image(diameter, diameter, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, diameter, diameter));
    return image;
}

} // namespace

XYChartView::XYChartView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    ChartPalette::style(m_chart); // the legend under the plot: never over the data
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    rebuildAxes(1, 1);
}

XYChartView::~XYChartView() = default;

void XYChartView::setTitle(const QString& title)
{
    m_title = title;
    defer(Title);
}

void XYChartView::setAxisTitles(const QString& x, const QString& y)
{
    m_xTitle = x;
    m_yTitle = y;
    defer(AxisTitles);
}

void XYChartView::defer(int what)
{
    m_pending |= what;
    if (isVisible())
        applyPending();
}

void XYChartView::showEvent(QShowEvent* event)
{
    applyPending();
    QWidget::showEvent(event);
}

void XYChartView::applyPending()
{
    const int pending = std::exchange(m_pending, 0);
    if (pending & Title)
        m_chart->setTitle(m_title);
    if (pending & Series_) {
        applySeries(); // the axes' titles with them
    } else if (pending & AxisTitles) {
        m_xAxis->setTitleText(m_xTitle);
        m_yAxis->setTitleText(m_yTitle);
    }
}

QChart* XYChartView::chart() const
{
    const_cast<XYChartView*>(this)->applyPending();
    return m_chart;
}

void XYChartView::setXTicks(const QList<QPair<double, QString>>& ticks)
{
    m_ticks = ticks;
}

QStringList XYChartView::xTickLabels() const
{
    const_cast<XYChartView*>(this)->applyPending();
    if (auto* category = qobject_cast<QCategoryAxis*>(m_xAxis))
        return category->categoriesLabels();
    return {};
}

QStringList XYChartView::seriesNames() const
{
    QStringList names;
    for (const Series& s : m_series)
        names << s.name;
    return names;
}

int XYChartView::drawnPointCount(int i) const
{
    const_cast<XYChartView*>(this)->applyPending();
    return i >= 0 && i < m_drawn.size() ? m_drawn.at(i) : 0;
}

void XYChartView::rebuildAxes(double maxX, double maxY)
{
    // The axes are updated in place and replaced only when the x axis changes kind (ticks or none): QtCharts removes a
    // replaced axis's labels and lines with deleteLater, so until the event loop runs (a grab, an export, a test)
    // they were drawn over the new ones, elided to "…" where the old layout left them no room.
    const bool category = !m_ticks.isEmpty();
    if (m_xAxis && category != (qobject_cast<QCategoryAxis*>(m_xAxis) != nullptr)) {
        m_xAxis->hide(); // its items now, not at deleteLater
        m_chart->removeAxis(m_xAxis);
        delete m_xAxis;
        m_xAxis = nullptr;
    }
    if (!m_xAxis)
        m_xAxis = category ? static_cast<QAbstractAxis*>(new QCategoryAxis) : new QValueAxis;
    if (auto* axis = qobject_cast<QCategoryAxis*>(m_xAxis)) {
        for (const QString& label : axis->categoriesLabels())
            axis->remove(label);
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        double lo = m_ticks.constFirst().first;
        double hi = lo;
        for (const auto& [x, label] : std::as_const(m_ticks)) {
            axis->append(label, x);
            lo = qMin(lo, x);
            hi = qMax(hi, x);
        }
        const double pad = hi > lo ? (hi - lo) * 0.06 : 0.5;
        axis->setRange(lo - pad, hi + pad);
        axis->setStartValue(lo - pad);
    } else {
        ChartAxes::setNiceRange(static_cast<QValueAxis*>(m_xAxis), maxX, 1e-9);
    }
    if (!m_yAxis)
        m_yAxis = new QValueAxis;
    ChartAxes::setNiceRange(m_yAxis, maxY, 1e-9);
    for (QAbstractAxis* axis : {m_xAxis, static_cast<QAbstractAxis*>(m_yAxis)})
        ChartPalette::styleAxis(axis);
    m_xAxis->setTitleText(m_xTitle);
    m_yAxis->setTitleText(m_yTitle);
    if (!m_chart->axes(Qt::Horizontal).contains(m_xAxis))
        m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    if (!m_chart->axes(Qt::Vertical).contains(m_yAxis))
        m_chart->addAxis(m_yAxis, Qt::AlignLeft);
}

void XYChartView::setSeries(const QList<Series>& series)
{
    m_series = series;
    defer(Series_);
}

void XYChartView::applySeries()
{
    m_chart->removeAllSeries();
    const QList<Series>& series = m_series;
    m_drawn.clear();
    double maxX = 0;
    double maxY = 0;
    for (const Series& s : series) {
        for (const QPointF& p : s.points) {
            if (std::isfinite(p.x()))
                maxX = qMax(maxX, p.x());
            if (std::isfinite(p.y()))
                maxY = qMax(maxY, p.y());
        }
    }
    rebuildAxes(maxX, maxY);
    double minX = maxX;
    for (const Series& s : series) {
        for (const QPointF& p : s.points) {
            if (std::isfinite(p.x()))
                minX = qMin(minX, p.x());
        }
    }
    const int columns = qMax(200, m_view->width());
    for (const Series& s : series) {
        if (s.kind == Kind::ErrorBars) {
            addErrorBars(s, maxX > minX ? 0.012 * (maxX - minX) : 0.05);
            continue;
        }
        QList<QPointF> points;
        for (const QPointF& p : s.points) {
            if (std::isfinite(p.x()) && std::isfinite(p.y()))
                points.append(p);
        }
        const QColor color = ChartPalette::color(s.color);
        QXYSeries* xy = nullptr;
        if (s.kind == Kind::Scatter && !s.star) {
            auto* dots = new QLineSeries;
            dots->setPen(QPen(color, 1, Qt::NoPen)); // no line between the points
            dots->setMarkerSize(6); // the dot's size on the chart; the image is drawn at twice that for sharp edges
            dots->setLightMarker(dotImage(color, 12));
            points = sample(points, kMaxScatterPoints);
            xy = dots;
        } else if (s.kind == Kind::Scatter) {
            auto* scatter = new QScatterSeries;
            scatter->setMarkerSize(20);
            scatter->setMarkerShape(QScatterSeries::MarkerShapeStar);
            scatter->setColor(color);
            scatter->setBorderColor(color.darker(150));
            xy = scatter;
        } else {
            auto* line = new QLineSeries;
            QPen pen(color, 2, s.style);
            line->setPen(pen);
            line->setPointsVisible(s.markers);
            if (s.kind == Kind::Step)
                points = steps(points);
            else
                points = MinMaxDecimator::decimate(points, columns);
            xy = line;
        }
        xy->setName(s.name);
        xy->replace(points);
        if (!s.toolTip.isEmpty()) {
            const QString tip = s.toolTip;
            QWidget* view = m_view;
            connect(xy, &QXYSeries::hovered, this, [tip, view](const QPointF&, bool state) {
                if (state)
                    QToolTip::showText(QCursor::pos(), tip, view);
                else
                    QToolTip::hideText();
            });
        }
        m_chart->addSeries(xy);
        xy->attachAxis(m_xAxis);
        xy->attachAxis(m_yAxis);
        if (s.kind == Kind::Scatter && !s.star) {
            for (QLegendMarker* marker : m_chart->legend()->markers(xy)) // the series' pen is none: name its colour
                marker->setBrush(color);
        }
        m_drawn.append(int(points.size()));
    }
    m_chart->legend()->setVisible(series.size() > 1);
}

void XYChartView::addErrorBars(const Series& s, double capHalfWidth)
{
    // One small line series per bar, drawn as an I: the low cap, the bar, the high cap. A sweep has a handful.
    const QColor color = ChartPalette::color(s.color);
    int bars = 0;
    for (qsizetype i = 0; i + 1 < s.points.size(); i += 2) {
        const QPointF low = s.points.at(i);
        const QPointF high = s.points.at(i + 1);
        if (!std::isfinite(low.x()) || !std::isfinite(low.y()) || !std::isfinite(high.y()))
            continue;
        const double x = low.x();
        auto* bar = new QLineSeries;
        bar->setPen(QPen(color, 1.5));
        bar->setName(s.name);
        bar->replace({QPointF(x - capHalfWidth, low.y()), QPointF(x + capHalfWidth, low.y()), QPointF(x, low.y()),
            QPointF(x, high.y()), QPointF(x - capHalfWidth, high.y()), QPointF(x + capHalfWidth, high.y())});
        m_chart->addSeries(bar);
        bar->attachAxis(m_xAxis);
        bar->attachAxis(m_yAxis);
        if (bars > 0) {
            for (QLegendMarker* marker : m_chart->legend()->markers(bar))
                marker->setVisible(false);
        }
        ++bars;
    }
    m_drawn.append(bars);
}

} // namespace tl
