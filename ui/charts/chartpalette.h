#pragma once

#include <QColor>
#include <QFont>

class QAbstractAxis;
class QChart;

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
    // Every chart's title (QtCharts' and the painted request timeline's): one size and weight on every page.
    static QFont titleFont();
    static QFont labelFont();
    // The one look of the charts (results, comparison, live page): the title in titleFont(), the legend in
    // labelFont() under the plot (never over the data), the same margins, a square background; the axes already
    // in the chart as styleAxis() does.
    static void style(QChart* chart);
    // Axis labels in labelFont(), the axis title in it bold. For axes added after style().
    static void styleAxis(QAbstractAxis* axis);
};

} // namespace tl
