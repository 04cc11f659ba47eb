#include "charts/chartpalette.h"

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

#include <QFontDatabase>

#include <array>

namespace tl {

namespace {

// Okabe & Ito (2008), "Color Universal Design".
constexpr std::array<QRgb, ChartPalette::kColorCount> kOkabeIto = {
    0xff0072b2, // blue
    0xffd55e00, // vermillion
    0xff009e73, // bluish green
    0xffe69f00, // orange
    0xffcc79a7, // reddish purple
    0xff56b4e9, // sky blue
    0xfff0e442, // yellow
    0xff000000, // black
};

} // namespace

QColor ChartPalette::color(int index)
{
    return QColor::fromRgba(kOkabeIto.at(std::size_t(((index % kColorCount) + kColorCount) % kColorCount)));
}

QColor ChartPalette::errorColor(int errorClass)
{
    // Failures never take the success blue: classes cycle over vermillion, purple, black, orange, sky blue, yellow.
    static constexpr std::array<int, 6> kFailure = {1, 4, 7, 3, 5, 6};
    return color(kFailure.at(std::size_t(qMax(0, errorClass)) % kFailure.size()));
}

QFont ChartPalette::titleFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    f.setPointSizeF(10);
    f.setBold(true);
    return f;
}

QFont ChartPalette::labelFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    f.setPointSizeF(9);
    return f;
}

void ChartPalette::style(QChart* chart)
{
    chart->setTitleFont(titleFont());
    chart->legend()->setFont(labelFont());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->setBackgroundRoundness(0);
    for (QAbstractAxis* axis : chart->axes())
        styleAxis(axis);
}

void ChartPalette::styleAxis(QAbstractAxis* axis)
{
    axis->setLabelsFont(labelFont());
    QFont title = labelFont();
    title.setBold(true);
    axis->setTitleFont(title);
}

} // namespace tl
