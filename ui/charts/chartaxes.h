#pragma once

class QValueAxis;

namespace tl {

// Round axis ranges shared by the charts: 0 to a "nice" maximum split into a fixed number of round intervals.
class ChartAxes final {
public:
    static constexpr int kTickCount = 6;
    // Sets `axis` to [0, m] with m >= max(max, floorMax) and round labels every m / (kTickCount - 1).
    static void setNiceRange(QValueAxis* axis, double max, double floorMax);
};

} // namespace tl
