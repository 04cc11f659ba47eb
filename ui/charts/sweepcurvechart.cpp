#include "charts/sweepcurvechart.h"

#include "charts/chartaxes.h"
#include "charts/charthover.h"
#include "charts/chartpalette.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <QComboBox>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QCursor>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QPen>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

const QString kBlankTick = QStringLiteral(" ");

QLineSeries* makeLine(QChart* chart, const QColor& color, Qt::PenStyle style)
{
    auto* series = new QLineSeries(chart);
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
    , m_xCombo(new QComboBox(this))
    , m_yCombo(new QComboBox(this))
{
    m_chart->setTitle(tr("Throughput–latency curve of the sweep"));
    m_p50 = makeLine(m_chart, QColor(0xd6, 0x61, 0x1e), Qt::SolidLine);
    m_p99 = makeLine(m_chart, QColor(0x8c, 0x2d, 0x04), Qt::DashLine);
    m_provisional = new QScatterSeries(m_chart);
    m_provisional->setName(tr("running point (provisional)"));
    m_provisional->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_provisional->setMarkerSize(11);
    m_provisional->setColor(Qt::transparent);
    m_provisional->setBorderColor(QColor(0x1f, 0x77, 0xb4));
    m_chart->addSeries(m_provisional);
    m_knee = new QScatterSeries(m_chart);
    m_knee->setName(tr("saturation point"));
    m_knee->setMarkerShape(QScatterSeries::MarkerShapeStar);
    m_knee->setMarkerSize(20);
    m_knee->setColor(QColor(0x00, 0x9e, 0x73)); // Okabe–Ito bluish green: apart from the curves' oranges
    m_knee->setBorderColor(QColor(0x00, 0x5e, 0x43));
    m_chart->addSeries(m_knee);
    connect(m_knee, &QScatterSeries::hovered, this, [this](const QPointF&, bool state) {
        if (state && !m_kneeTip.isEmpty())
            QToolTip::showText(QCursor::pos(), m_kneeTip, m_view);
        else
            QToolTip::hideText();
    });
    m_xAxis = new QCategoryAxis(m_chart);
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_yAxis = new QValueAxis(m_chart);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : m_chart->series()) {
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    ChartPalette::style(m_chart);
    // The readable ticks depend on the plot's width: chosen again after each layout (queued: not inside QtCharts'
    // layout pass that reports the change).
    connect(m_chart, &QChart::plotAreaChanged, this, &SweepCurveChart::applyTicks, Qt::QueuedConnection);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("sweepCurveView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_hover = new ChartHover(m_view, m_chart, this);

    m_xCombo->setObjectName(QStringLiteral("curveXCombo"));
    m_xCombo->addItem(tr("output tokens/s"), int(XMetric::OutputTokensPerS));
    m_xCombo->addItem(tr("requests/s"), int(XMetric::RequestsPerS));
    m_yCombo->setObjectName(QStringLiteral("curveYCombo"));
    m_yCombo->addItem(tr("TTFT"), int(YMetric::Ttft));
    m_yCombo->addItem(tr("ITL"), int(YMetric::Itl));
    m_yCombo->addItem(tr("latency"), int(YMetric::Latency));
    connect(m_xCombo, &QComboBox::currentIndexChanged, this, &SweepCurveChart::onAxesChosen);
    connect(m_yCombo, &QComboBox::currentIndexChanged, this, &SweepCurveChart::onAxesChosen);
    auto* choices = new QHBoxLayout;
    auto* xLabel = new QLabel(tr("&x:"), this);
    xLabel->setBuddy(m_xCombo);
    auto* yLabel = new QLabel(tr("&y (p50 and p99):"), this);
    yLabel->setBuddy(m_yCombo);
    choices->addWidget(xLabel);
    choices->addWidget(m_xCombo);
    choices->addSpacing(12);
    choices->addWidget(yLabel);
    choices->addWidget(m_yCombo);
    choices->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(choices);
    layout->addWidget(m_view, 1);
    setAxes(XMetric::OutputTokensPerS, YMetric::Ttft);
}

SweepCurveChart::~SweepCurveChart() = default;

double SweepCurveChart::xValue(const Point& p, XMetric x)
{
    return x == XMetric::RequestsPerS ? p.requestsPerS : p.outputTokPerS;
}

std::pair<double, double> SweepCurveChart::yValues(const Point& p, YMetric y)
{
    switch (y) {
    case YMetric::Itl:
        return {p.itlP50Ms, p.itlP99Ms};
    case YMetric::Latency:
        return {p.latencyP50S, p.latencyP99S};
    case YMetric::Ttft:
        break;
    }
    return {p.ttftP50Ms, p.ttftP99Ms};
}

void SweepCurveChart::setAxes(XMetric x, YMetric y)
{
    m_x = x;
    m_y = y;
    {
        const QSignalBlocker bx(m_xCombo);
        const QSignalBlocker by(m_yCombo);
        m_xCombo->setCurrentIndex(m_xCombo->findData(int(x)));
        m_yCombo->setCurrentIndex(m_yCombo->findData(int(y)));
    }
    const QString name = m_yCombo->currentText();
    const QString unit = y == YMetric::Latency ? tr("s") : tr("ms");
    const QString xName = m_xCombo->currentText();
    m_p50->setName(tr("%1 p50").arg(name));
    m_p99->setName(tr("%1 p99").arg(name));
    m_xAxis->setTitleText(tr("%1 (ticks: tested load)").arg(xName));
    m_yAxis->setTitleText(tr("%1 (%2)").arg(name, unit));
    const QList<QXYSeries*> series = {m_p50, m_p99, m_provisional};
    m_hover->hide();
    m_hover->unwatchAll(); // the series keep their objects; their names and units change
    const int yDecimals = y == YMetric::Latency ? 3 : 2;
    for (QXYSeries* s : series)
        m_hover->watch(s, xName, 1, unit, yDecimals);
    redraw();
}

void SweepCurveChart::onAxesChosen()
{
    setAxes(XMetric(m_xCombo->currentData().toInt()), YMetric(m_yCombo->currentData().toInt()));
}

void SweepCurveChart::setPoints(const QList<Point>& finished, const std::optional<Point>& running)
{
    if (m_redraws > 0 && finished == m_finished && running == m_running)
        return;
    m_finished = finished;
    m_running = running;
    redraw();
}

void SweepCurveChart::redraw()
{
    ++m_redraws;
    QList<QPointF> p50;
    QList<QPointF> p99;
    double xMax = 0;
    double yMax = 0;
    for (const Point& p : m_finished) {
        const double x = xValue(p, m_x);
        const auto [y50, y99] = yValues(p, m_y);
        p50.append(QPointF(x, y50));
        p99.append(QPointF(x, y99));
        xMax = std::max(xMax, x);
        yMax = std::max(yMax, y99);
    }
    QList<QPointF> provisional;
    std::optional<Point> running;
    if (m_running) {
        const double x = xValue(*m_running, m_x);
        const auto [y50, y99] = yValues(*m_running, m_y);
        if (std::isfinite(x) && std::isfinite(y50) && std::isfinite(y99)) {
            provisional = {QPointF(x, y50), QPointF(x, y99)};
            xMax = std::max(xMax, x);
            yMax = std::max(yMax, y99);
            running = m_running;
        }
    }
    // Only the series that changed: while a point runs only the provisional one moves, and each replaced series
    // updates its graphics items (the finished curves' were a third of the live page's chart work, bench_guilag).
    const auto replace = [](QXYSeries* series, const QList<QPointF>& points) {
        if (series->points() != points)
            series->replace(points);
    };
    replace(m_p50, p50);
    replace(m_p99, p99);
    replace(m_provisional, provisional);
    replace(m_knee,
        m_kneeIndex >= 0 && m_kneeIndex < p50.size() ? QList<QPointF>{p50.at(m_kneeIndex)} : QList<QPointF>{});
    // The legend names what is drawn: no "running point" entry for a finished sweep, no star without a knee.
    // A marker shown or hidden needs the legend laid out again, which Qt Charts does not do by itself (other axis
    // changes used to relayout the whole chart on every redraw; they are skipped now when nothing changed).
    bool legendChanged = false;
    for (QScatterSeries* series : {m_provisional, m_knee}) {
        for (QLegendMarker* marker : m_chart->legend()->markers(series)) {
            if (marker->isVisible() != (series->count() > 0)) {
                marker->setVisible(series->count() > 0);
                legendChanged = true;
            }
        }
    }
    if (legendChanged) {
        if (QGraphicsLayout* layout = m_chart->legend()->layout())
            layout->invalidate();
        if (QGraphicsLayout* layout = m_chart->layout())
            layout->invalidate();
    }

    // Ticks at each tested load's x; the axis ends a little past the last one, at a round value, so that it moves
    // only when a point passes it: each move (and each moved tick) lays the chart out again, and the running point
    // moves at every snapshot.
    const double end = xMax > 0 ? ChartAxes::niceCeiling(xMax * 1.1) : 1.0;
    QList<std::pair<QString, double>> ticks;
    double last = 0;
    QList<Point> loads = m_finished;
    if (running)
        loads.append(*running);
    for (const Point& p : loads) {
        // Category ends must grow; a load whose x did not grow keeps its label on the previous tick.
        double x = xValue(p, m_x);
        // The running point's tick stays where it was while the point moves less than 1 % of the axis (a pixel or
        // so): moving it rebuilt the axis's categories at every snapshot.
        if (running && &p == &loads.constLast() && m_runningTick && m_runningTick->first == p.load
            && std::abs(m_runningTick->second - x) < end / 100)
            x = m_runningTick->second;
        const bool known = std::any_of(ticks.cbegin(), ticks.cend(), [&p](const auto& t) { return t.first == p.load; });
        if (x <= last || known)
            continue;
        ticks.append({p.load, x});
        last = x;
    }
    // QtCharts lays out a category axis without categories not at all: its title stayed where it was created, at
    // the top of the chart, over the plot. An empty run gets one blank category at the end, which also keeps the
    // plot's height when the first tested load arrives.
    if (ticks.isEmpty())
        ticks.append({kBlankTick, end});
    if (running && !ticks.isEmpty() && ticks.constLast().first == running->load)
        m_runningTick = ticks.constLast();
    else
        m_runningTick.reset();
    if (m_xAxis->min() != 0 || m_xAxis->max() != end)
        m_xAxis->setRange(0, end);
    m_ticks = ticks;
    applyTicks();
    ChartAxes::setNiceRange(m_yAxis, yMax * 1.1, m_y == YMetric::Latency ? 0.01 : 1.0);
}

void SweepCurveChart::applyTicks()
{
    QList<std::pair<QString, double>> shown = m_ticks;
    const double width = m_chart->plotArea().width();
    m_ticksWidth = width;
    const double low = m_xAxis->min();
    const double high = m_xAxis->max();
    if (m_ticks.size() > 2 && width > 0 && high > low) {
        // Each label centred on its tick, as the axis draws them (AxisLabelsPositionOnValue); a letter's width of
        // space between two labels, half that between the saturation point's, the last and the first.
        const QFontMetricsF metrics(m_xAxis->labelsFont());
        QList<double> centres;
        QList<double> widths;
        int knee = -1;
        const QString kneeLoad = m_kneeIndex >= 0 && m_kneeIndex < m_finished.size() ? m_finished.at(m_kneeIndex).load
                                                                                      : QString();
        for (int i = 0; i < m_ticks.size(); ++i) {
            centres.append((m_ticks.at(i).second - low) / (high - low) * width);
            widths.append(metrics.horizontalAdvance(m_ticks.at(i).first));
            if (!kneeLoad.isEmpty() && m_ticks.at(i).first == kneeLoad)
                knee = i;
        }
        const int last = int(m_ticks.size()) - 1;
        shown.clear();
        const double gap = metrics.horizontalAdvance(u'M');
        for (int i : ChartAxes::readableLabels(centres, widths, {knee, last, 0}, gap, gap / 2))
            shown.append(m_ticks.at(i));
    }
    if (shown == m_shownTicks && m_xAxis->count() == shown.size())
        return;
    for (const QString& label : m_xAxis->categoriesLabels())
        m_xAxis->remove(label);
    m_xAxis->setStartValue(0);
    for (const auto& [label, x] : std::as_const(shown))
        m_xAxis->append(label, x);
    m_shownTicks = shown;
}

void SweepCurveChart::setSaturation(int index, const QString& toolTip)
{
    m_kneeIndex = index;
    m_kneeTip = index >= 0 ? toolTip : QString();
    m_knee->setVisible(index >= 0);
    redraw();
}

QList<QPointF> SweepCurveChart::saturationPoints() const
{
    return m_knee->points();
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
    QStringList labels;
    for (const auto& [label, x] : m_ticks) {
        if (label != kBlankTick)
            labels.append(label);
    }
    return labels;
}

QList<double> SweepCurveChart::tickValues() const
{
    QList<double> values;
    for (const auto& [label, x] : m_ticks) {
        if (label != kBlankTick)
            values.append(x);
    }
    return values;
}

double SweepCurveChart::xAxisEnd() const
{
    return m_xAxis->max();
}

QStringList SweepCurveChart::shownTickLabels() const
{
    QStringList labels = m_xAxis->categoriesLabels();
    labels.removeAll(kBlankTick);
    return labels;
}

QList<QPointF> SweepCurveChart::p50Points() const
{
    return m_p50->points();
}

QList<QPointF> SweepCurveChart::p99Points() const
{
    return m_p99->points();
}

QList<QPointF> SweepCurveChart::provisionalPoints() const
{
    return m_provisional->points();
}

QString SweepCurveChart::xTitle() const
{
    return m_xAxis->titleText();
}

QString SweepCurveChart::yTitle() const
{
    return m_yAxis->titleText();
}

QRectF SweepCurveChart::xTitleGeometry() const
{
    return ChartAxes::titleGeometry(m_chart, m_xAxis);
}

QRectF SweepCurveChart::plotArea() const
{
    return m_chart->plotArea();
}

QList<SweepCurveChart::DrawnLabel> SweepCurveChart::drawnTickLabels() const
{
    QList<DrawnLabel> out;
    if (!m_chart->scene())
        return out;
    const QStringList shown = shownTickLabels();
    for (QGraphicsItem* item : m_chart->scene()->items()) {
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || !shown.contains(text->toPlainText()))
            continue;
        const double width = QFontMetricsF(text->font()).horizontalAdvance(text->toPlainText());
        const double centre = text->sceneBoundingRect().center().x();
        out.append({text->toPlainText(), centre - width / 2, centre + width / 2});
    }
    std::sort(out.begin(), out.end(), [](const DrawnLabel& a, const DrawnLabel& b) { return a.left < b.left; });
    return out;
}

} // namespace tl
