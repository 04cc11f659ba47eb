#pragma once

#include <QColor>
#include <QFont>

namespace tl {

// The colours and fonts of the results charts: the Okabe–Ito palette (distinguishable with every common colour
// vision deficiency, and in greyscale by its markers and dash styles) and font sizes that stay readable when a
// chart is exported at 1x and 2x.
class ChartPalette final {
public:
    static constexpr int kColorCount = 8;
    // Okabe–Ito order without black first: blue, vermillion, bluish green, orange, reddish purple, sky blue,
    // yellow, black.
    static QColor color(int index);
    // The colour of a failure class (ErrorClass as an integer), the same in every chart and the legend.
    static QColor errorColor(int errorClass);
    static QColor success() { return color(0); }
    static QColor firstToken() { return color(3); }
    static QFont titleFont();
    static QFont labelFont();
};

} // namespace tl
