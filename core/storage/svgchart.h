#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tl {

// A small line chart drawn as inline SVG text, for reports that must open without network access or a charting
// library. The x axis is categorical (one slot per sweep point, labelled with its load), so 1, 4, 16, 64 spread
// evenly; y starts at 0. NaN values leave a gap. Colours are plain CSS strings (core has no QColor).
class SvgChart final {
public:
    struct Series {
        QString name;
        QString color; // CSS colour, e.g. "#1f77b4"
        QVector<double> values; // one per category
    };

    SvgChart(QString title, QString xLabel, QString yLabel);
    void setCategories(const QStringList& categories) { m_categories = categories; }
    void addSeries(const Series& s) { m_series.append(s); }
    QString toSvg(int width = 560, int height = 300) const;

    static QString escape(const QString& text); // XML/HTML text and attribute escaping

private:
    QString m_title;
    QString m_xLabel;
    QString m_yLabel;
    QStringList m_categories;
    QList<Series> m_series;
};

} // namespace tl
