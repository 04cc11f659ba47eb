#pragma once

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
    // Where `axis`'s title is drawn in `chart`'s scene (for tests); an empty rect when it is not drawn.
    static QRectF titleGeometry(const QChart* chart, const QAbstractAxis* axis);
};

} // namespace tl
