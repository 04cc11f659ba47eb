#include "storage/svgchart.h"

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

QString n(double v)
{
    return QString::number(v, 'f', 1);
}

// A "nice" axis maximum: 1, 2, 2.5 or 5 times a power of ten at or above `v`.
double niceCeiling(double v)
{
    if (!(v > 0))
        return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * p >= v)
            return m * p;
    }
    return 10.0 * p;
}

QString tickLabel(double v)
{
    if (v == 0)
        return QStringLiteral("0");
    if (std::abs(v) >= 1000)
        return QString::number(v, 'f', 0);
    return QString::number(v, 'g', 4);
}

} // namespace

SvgChart::SvgChart(QString title, QString xLabel, QString yLabel)
    : m_title(std::move(title))
    , m_xLabel(std::move(xLabel))
    , m_yLabel(std::move(yLabel))
{
}

QString SvgChart::escape(const QString& text)
{
    QString out = text.toHtmlEscaped();
    // Addresses stay readable text, never something a viewer could follow or fetch.
    out.replace(QStringLiteral("://"), QStringLiteral("&#58;//"));
    return out;
}

QString SvgChart::toSvg(int width, int height) const
{
    const double left = 64;
    const double right = 16;
    const double top = 36;
    const double bottom = 64;
    const double plotW = width - left - right;
    const double plotH = height - top - bottom;
    double maxY = 0;
    for (const Series& s : m_series) {
        for (double v : s.values) {
            if (std::isfinite(v))
                maxY = std::max(maxY, v);
        }
    }
    maxY = niceCeiling(maxY);
    const int count = std::max<int>(1, int(m_categories.size()));
    auto x = [&](int i) { return left + plotW * (count == 1 ? 0.5 : double(i) / double(count - 1)); };
    auto y = [&](double v) { return top + plotH * (1.0 - v / maxY); };

    QString svg;
    svg += QStringLiteral("<svg class=\"chart\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"%3\">\n")
               .arg(width)
               .arg(height)
               .arg(escape(m_title));
    svg += QStringLiteral("<text x=\"%1\" y=\"20\" class=\"title\">%2</text>\n").arg(n(left), escape(m_title));
    // Grid and y ticks: five steps from 0 to the nice maximum.
    for (int k = 0; k <= 4; ++k) {
        const double v = maxY * k / 4.0;
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" class=\"grid\"/>"
                              "<text x=\"%4\" y=\"%5\" class=\"tick\" text-anchor=\"end\">%6</text>\n")
                   .arg(n(left), n(left + plotW), n(y(v)), n(left - 6), n(y(v) + 4), tickLabel(v));
    }
    for (int i = 0; i < m_categories.size(); ++i) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"tick\" text-anchor=\"middle\">%3</text>\n")
                   .arg(n(x(i)), n(top + plotH + 16), escape(m_categories.at(i)));
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" text-anchor=\"middle\">%3</text>\n")
               .arg(n(left + plotW / 2), n(top + plotH + 34), escape(m_xLabel));
    svg += QStringLiteral("<text x=\"14\" y=\"%1\" class=\"axis\" text-anchor=\"middle\" "
                          "transform=\"rotate(-90 14 %1)\">%2</text>\n")
               .arg(n(top + plotH / 2), escape(m_yLabel));
    // Series: a polyline per finite run of values, a marker on every value, a legend entry below.
    double legendX = left;
    for (const Series& s : m_series) {
        QStringList points;
        auto flush = [&] {
            if (points.size() > 1)
                svg += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" points=\"%2\"/>\n")
                           .arg(escape(s.color), points.join(u' '));
            points.clear();
        };
        for (int i = 0; i < s.values.size() && i < count; ++i) {
            const double v = s.values.at(i);
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            points.append(n(x(i)) + QLatin1Char(',') + n(y(v)));
            svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"><title>%4: %5</title></circle>\n")
                       .arg(n(x(i)), n(y(v)), escape(s.color), escape(s.name), tickLabel(v));
        }
        flush();
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"4\" fill=\"%3\"/>"
                              "<text x=\"%4\" y=\"%5\" class=\"legend\">%6</text>\n")
                   .arg(
                       n(legendX), n(height - 14.0), escape(s.color), n(legendX + 16), n(height - 9.0), escape(s.name));
        legendX += 24 + 7.0 * double(s.name.size());
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace tl
