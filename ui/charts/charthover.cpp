#include "charts/charthover.h"

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>

#include <QBrush>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace tl {

namespace {

// The span of the series' axis in `orientation`, for comparing x and y distances; 1 when unknown.
double axisSpan(QXYSeries* series, Qt::Orientation orientation)
{
    for (QAbstractAxis* axis : series->attachedAxes()) {
        if (axis->orientation() != orientation)
            continue;
        if (const auto* v = qobject_cast<const QValueAxis*>(axis); v && v->max() > v->min())
            return v->max() - v->min();
    }
    return 1.0;
}

} // namespace

ChartHover::ChartHover(QChartView* view, QChart* chart, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_chart(chart)
    , m_label(new QGraphicsSimpleTextItem(chart))
{
    m_label->setZValue(20);
    m_label->setBrush(QBrush(view->palette().color(QPalette::WindowText)));
    m_label->hide();
    view->viewport()->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
}

ChartHover::~ChartHover() = default;

void ChartHover::watch(QXYSeries* series, const QString& xName, int xDecimals, const QString& yUnit, int yDecimals)
{
    m_watches.append({series, xName, xDecimals, yUnit, yDecimals});
}

void ChartHover::unwatchAll()
{
    m_watches.clear();
}

qsizetype ChartHover::nearestIndex(const QList<QPointF>& points, QPointF at, double xScale, double yScale)
{
    qsizetype best = -1;
    double bestX = std::numeric_limits<double>::infinity();
    double bestY = bestX;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double dx = std::abs(points.at(i).x() - at.x()) / xScale;
        const double dy = std::abs(points.at(i).y() - at.y()) / yScale;
        // Nearest in x first: a time series answers for the moment under the pointer; equal x, nearest in y.
        if (dx < bestX - 1e-12 || (std::abs(dx - bestX) <= 1e-12 && dy < bestY)) {
            best = i;
            bestX = dx;
            bestY = dy;
        }
    }
    return best;
}

QString ChartHover::format(
    const QString& seriesName, QPointF point, const QString& xName, int xDecimals, const QString& yUnit, int yDecimals)
{
    const QLocale locale;
    QString y = locale.toString(point.y(), 'f', yDecimals);
    if (!yUnit.isEmpty())
        y += u' ' + yUnit;
    return tr("%1: %2 at %3 %4").arg(seriesName, y, xName, locale.toString(point.x(), 'f', xDecimals));
}

void ChartHover::showNearest(QPointF value)
{
    showNearest(QList<QPointF>(m_watches.size(), value));
}

void ChartHover::showNearest(const QList<QPointF>& values)
{
    const Watch* best = nullptr;
    QPointF bestPoint;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (qsizetype k = 0; k < m_watches.size() && k < values.size(); ++k) {
        const Watch& w = m_watches.at(k);
        const QPointF value = values.at(k);
        if (!w.series->isVisible())
            continue;
        const QList<QPointF> points = w.series->points();
        const double xSpan = axisSpan(w.series, Qt::Horizontal);
        const double ySpan = axisSpan(w.series, Qt::Vertical);
        const qsizetype i = nearestIndex(points, value, xSpan, ySpan);
        if (i < 0)
            continue;
        const QPointF p = points.at(i);
        const double distance = std::hypot((p.x() - value.x()) / xSpan, (p.y() - value.y()) / ySpan);
        if (distance < bestDistance) {
            bestDistance = distance;
            bestPoint = p;
            best = &w;
        }
    }
    if (!best) {
        hide();
        return;
    }
    showText(format(best->series->name(), bestPoint, best->xName, best->xDecimals, best->yUnit, best->yDecimals));
}

void ChartHover::showText(const QString& text)
{
    m_text = text;
    m_label->setText(text);
    const QRectF area = m_chart->plotArea();
    m_label->setPos(area.right() - m_label->boundingRect().width() - 4, area.top() + 2);
    m_label->show();
    m_view->setToolTip(text);
}

void ChartHover::hide()
{
    m_text.clear();
    m_label->hide();
    m_view->setToolTip(QString());
}

bool ChartHover::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseMove) {
        const QPointF pos = m_view->mapToScene(static_cast<QMouseEvent*>(event)->position().toPoint());
        const QPointF chartPos = m_chart->mapFromScene(pos);
        if (!m_chart->plotArea().contains(chartPos) || m_watches.isEmpty()) {
            hide();
        } else {
            QList<QPointF> values; // each series against its own axes (in flight has a right axis of its own)
            for (const Watch& w : m_watches)
                values.append(m_chart->mapToValue(chartPos, w.series));
            showNearest(values);
        }
    } else if (event->type() == QEvent::Leave) {
        hide();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tl
