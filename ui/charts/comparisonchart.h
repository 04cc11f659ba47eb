#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

class QChart;
class QChartView;

namespace tl {

// Several runs' curves over one another (the comparison page's sweep and throughput–latency charts): each run a line
// with its own colour of the Okabe–Ito palette (colour-blind safe) and its own marker shape, so that the curves stay
// apart in grey print too. The legend names each run.
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
    QStringList legendNames() const;
    // Okabe & Ito's palette (2008) in the order curves take it: blue, vermillion, bluish green, orange, reddish
    // purple, sky blue, yellow, black.
    static QColor colour(int index);

private:
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    int m_curveCount = 0;
};

} // namespace tl
