#pragma once

#include <QList>

class QAbstractAxis;
class QChart;
class QRectF;
class QValueAxis;

namespace tl {

// Round axis ranges shared by the charts: 0 to a "nice" maximum split into a fixed number of round intervals.
class ChartAxes final {
public:
    static constexpr int kTickCount = 6;
    // Sets `axis` to [0, m] with m >= max(max, floorMax) and round labels every m / (kTickCount - 1).
    static void setNiceRange(QValueAxis* axis, double max, double floorMax);
    // The smallest multiple of a round step (1, 2, 2.5 or 5 x 10^k, a tenth of the result or more) that is >= max:
    // an axis end that moves only when the data crosses it (moving an axis lays its chart out again).
    static double niceCeiling(double max);
    // Where `axis`'s title is drawn in `chart`'s scene (for tests); an empty rect when it is not drawn.
    static QRectF titleGeometry(const QChart* chart, const QAbstractAxis* axis);
    // Which of the tick labels centred at `centres` (pixels along the axis) with `widths` (pixels) to draw so that no
    // two drawn labels come closer than `gap`: first those in `keep`, in that order, each if it clears the ones
    // already chosen by `keepGap` (the first always: two of them need only stay apart as words do); then the others
    // from left to right, each if it clears every chosen one by `gap`. Returns their indices, ascending. For loads
    // whose ticks crowd where a curve's points sit close together.
    static QList<int> readableLabels(const QList<double>& centres, const QList<double>& widths, const QList<int>& keep,
        double gap, double keepGap);
};

} // namespace tl
