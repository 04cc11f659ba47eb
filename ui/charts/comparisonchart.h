#pragma once

#include <QColor>
#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QString>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;

namespace tl {

// Several runs' curves over one another (the comparison page's sweep and throughput–latency charts): each run a line
// with its own colour of the Okabe–Ito palette (colour-blind safe) and its own marker shape, so that the curves stay
// apart in grey print too. The legend under the chart names each run in full (run, model and date), one line each
// with its marker: QtCharts' own legend elided such names to "fast-a · throughline-sim · 2026-12-03 1…" beside a
// half-width chart, and lays them side by side, never on several lines, under it.
class ComparisonChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonChart)

public:
    struct Curve {
        QString name; // the legend: run, model and date
        QList<QPointF> points; // in drawing order
    };

    explicit ComparisonChart(QWidget* parent = nullptr);
    ~ComparisonChart() override;

    void setCurves(const QString& title, const QString& xTitle, const QString& yTitle, const QList<Curve>& curves);
    int curveCount() const { return m_curveCount; }
    QString title() const;
    // The legend's entries as shown, one per curve.
    QStringList legendNames() const;
    QList<QLabel*> legendLabels() const { return m_legendTexts; }
    // Okabe & Ito's palette (2008) in the order curves take it (ChartPalette): blue, vermillion, bluish green, orange,
    // reddish purple, sky blue, yellow, black.
    static QColor colour(int index);
    // The legend's symbol of curve `index`: its marker's shape in its colour.
    static QPixmap markerIcon(int index, qreal devicePixelRatio);

private:
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QWidget* m_legend = nullptr;
    QGridLayout* m_legendLayout = nullptr;
    QList<QLabel*> m_legendTexts;
    QList<QLabel*> m_legendIcons;
    int m_curveCount = 0;
};

} // namespace tl
