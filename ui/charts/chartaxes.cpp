#include "charts/chartaxes.h"

#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>

#include <QGraphicsScene>
#include <QGraphicsTextItem>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

// The smallest of 1, 2, 2.5, 5 x 10^k that is >= x.
double niceStep(double x)
{
    if (!(x > 0) || !std::isfinite(x))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * magnitude >= x * (1 - 1e-9))
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

int decimalsFor(double step)
{
    int decimals = 0;
    double scaled = step;
    while (decimals < 6 && std::abs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, scaled)) {
        scaled *= 10;
        ++decimals;
    }
    return decimals;
}

} // namespace

void ChartAxes::setNiceRange(QValueAxis* axis, double max, double floorMax)
{
    const double step = niceStep(std::max(max, floorMax) / (kTickCount - 1));
    // Only what changed is set: QValueAxis::setLabelFormat() re-lays out the whole chart (every label's text
    // document) even when the format is the same, and the live charts call this 4 times a second.
    if (axis->tickCount() != kTickCount)
        axis->setTickCount(kTickCount);
    if (axis->min() != 0 || axis->max() != step * (kTickCount - 1))
        axis->setRange(0, step * (kTickCount - 1));
    const QString format = QStringLiteral("%.") + QString::number(decimalsFor(step)) + QStringLiteral("f");
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
}

double ChartAxes::niceCeiling(double max)
{
    if (!(max > 0) || !std::isfinite(max))
        return 1.0;
    const double step = niceStep(max / 10);
    return std::ceil(max / step * (1 - 1e-12)) * step;
}

QRectF ChartAxes::titleGeometry(const QChart* chart, const QAbstractAxis* axis)
{
    if (!chart->scene())
        return {};
    for (QGraphicsItem* item : chart->scene()->items()) {
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (text && text->isVisible() && text->toPlainText() == axis->titleText())
            return text->sceneBoundingRect();
    }
    return {};
}

QList<int> ChartAxes::readableLabels(const QList<double>& centres, const QList<double>& widths,
    const QList<int>& keep, double gap, double keepGap)
{
    const qsizetype n = std::min(centres.size(), widths.size());
    QList<int> chosen;
    const auto clears = [&](int i, double space) {
        return std::all_of(chosen.cbegin(), chosen.cend(), [&](int j) {
            return std::abs(centres.at(i) - centres.at(j)) >= (widths.at(i) + widths.at(j)) / 2 + space;
        });
    };
    for (int i : keep) {
        if (i >= 0 && i < n && !chosen.contains(i) && clears(i, keepGap))
            chosen.append(i);
    }
    for (int i = 0; i < n; ++i) {
        if (!chosen.contains(i) && clears(i, gap))
            chosen.append(i);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

} // namespace tl
