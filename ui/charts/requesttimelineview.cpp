#include "charts/requesttimelineview.h"

#include "charts/chartpalette.h"
#include "model/requestrecord.h"

#include <QLocale>
#include <QPainter>

#include <cmath>

namespace tl {

namespace {

double niceStep(double range, int ticks)
{
    if (range <= 0)
        return 1;
    const double raw = range / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * mag)
            return m * mag;
    }
    return 10 * mag;
}

} // namespace

RequestTimelineView::RequestTimelineView(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(280, 200);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, Qt::black);
    setPalette(p);
}

RequestTimelineView::~RequestTimelineView() = default;

void RequestTimelineView::setTitle(const QString& title)
{
    m_title = title;
    update();
}

void RequestTimelineView::setBars(const QVector<Bar>& bars)
{
    m_bars = bars;
    m_maxEndS = 0;
    m_classes.clear();
    for (const Bar& b : m_bars) {
        m_maxEndS = std::max(m_maxEndS, b.endS);
        if (b.errorClass != 0 && !m_classes.contains(b.errorClass))
            m_classes.append(b.errorClass);
    }
    std::sort(m_classes.begin(), m_classes.end());
    update();
}

void RequestTimelineView::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    p.setPen(Qt::black);
    const QFont titleFont = ChartPalette::titleFont();
    const QFont labelFont = ChartPalette::labelFont();
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics labelMetrics(labelFont);

    // Title, then the legend on one line under it.
    p.setFont(titleFont);
    int y = 6;
    p.drawText(QRect(0, y, width(), titleMetrics.height()), Qt::AlignHCenter, m_title);
    y += titleMetrics.height() + 4;
    p.setFont(labelFont);
    struct Entry {
        QColor color;
        QString text;
    };
    QList<Entry> legend{{ChartPalette::success(), tr("Succeeded (send → last token)")},
        {ChartPalette::firstToken(), tr("First token")}};
    for (quint8 c : m_classes)
        legend.append({ChartPalette::errorColor(c), errorClassName(ErrorClass(c))});
    int x = 10;
    for (const Entry& e : legend) {
        const int w = labelMetrics.horizontalAdvance(e.text) + 24;
        if (x + w > width() - 10) {
            x = 10;
            y += labelMetrics.height() + 2;
        }
        p.fillRect(QRect(x, y + labelMetrics.height() / 2 - 4, 12, 8), e.color);
        p.drawText(QPoint(x + 16, y + labelMetrics.ascent()), e.text);
        x += w;
    }
    y += labelMetrics.height() + 6;

    const int left = labelMetrics.horizontalAdvance(QStringLiteral("000000")) + labelMetrics.height() + 8;
    const int bottom = labelMetrics.height() * 2 + 10;
    const QRect plot(left, y, qMax(10, width() - left - 14), qMax(10, height() - y - bottom));

    // Time axis: round ticks in seconds.
    const double span = m_maxEndS > 0 ? m_maxEndS : 1.0;
    const double step = niceStep(span, 5);
    const double axisMax = std::ceil(span / step) * step;
    for (double t = 0; t <= axisMax + step / 2; t += step) {
        const int tx = plot.left() + int(std::lround(t / axisMax * (plot.width() - 1)));
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        p.drawLine(tx, plot.top() + 1, tx, plot.bottom() - 1);
        p.setPen(Qt::black);
        p.drawLine(tx, plot.bottom(), tx, plot.bottom() + 4);
        const QString label = QLocale().toString(t, 'g', 4);
        p.drawText(QRect(tx - 40, plot.bottom() + 5, 80, labelMetrics.height()), Qt::AlignHCenter, label);
    }
    p.drawText(QRect(plot.left(), plot.bottom() + 6 + labelMetrics.height(), plot.width(), labelMetrics.height()),
        Qt::AlignHCenter, tr("Time since the point's first send (s)"));
    p.save();
    p.translate(labelMetrics.height(), plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, -labelMetrics.height(), plot.height(), labelMetrics.height()),
        Qt::AlignHCenter, tr("Requests, by send time (%n)", nullptr, int(m_bars.size())));
    p.restore();

    m_lastDrawn = 0;
    const int n = int(m_bars.size());
    const double rowH = double(plot.height() - 2) / qMax(1, n);
    const double scale = (plot.width() - 2) / axisMax;
    int stride = 1;
    if (n > kMaxDrawn)
        stride = (n + kMaxDrawn - 1) / kMaxDrawn;
    const double barH = qBound(1.0, rowH * 0.8, 10.0);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setClipRect(plot.adjusted(1, 1, -1, -1));
    for (int i = 0; i < n; ++i) {
        const Bar& b = m_bars.at(i);
        if (b.errorClass == 0 && i % stride != 0)
            continue;
        const double top = plot.top() + 1 + i * rowH;
        const double x0 = plot.left() + 1 + b.startS * scale;
        const double x1 = plot.left() + 1 + std::max(b.endS, b.startS) * scale;
        const QColor color = b.errorClass == 0 ? ChartPalette::success() : ChartPalette::errorColor(b.errorClass);
        p.fillRect(QRectF(x0, top, std::max(1.0, x1 - x0), barH), color);
        if (b.firstS >= 0) {
            const double fx = plot.left() + 1 + b.firstS * scale;
            p.fillRect(QRectF(fx - 1, top, 2, barH), ChartPalette::firstToken());
        }
        ++m_lastDrawn;
    }
    p.setClipping(false);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot.adjusted(0, 0, -1, -1));
}

} // namespace tl
