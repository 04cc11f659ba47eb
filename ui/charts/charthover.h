#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>

class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QXYSeries;

namespace tl {

// Hover values of a chart: while the pointer is over the plot, the exact x and y of the drawn point nearest to it
// (over every watched series) show in a label at the plot's top right and as the view's tooltip. Points drawn are
// real samples (MinMaxDecimator keeps the extremes it chose), so the values shown are measured ones.
class ChartHover final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartHover)

public:
    // Watches the pointer over `view`, whose chart is `chart`.
    ChartHover(QChartView* view, QChart* chart, QObject* parent = nullptr);
    ~ChartHover() override;

    // `series` takes part; its values read "<seriesName>: <y> <yUnit> at <xName> <x> <xUnit>".
    void watch(QXYSeries* series, const QString& xName, int xDecimals, const QString& yUnit, int yDecimals);
    void unwatchAll();
    // Shows the values of the drawn point nearest to `value` (chart coordinates); hides when no series has points.
    void showNearest(QPointF value);
    // The same with the pointer's position in each watched series' own coordinates, in watch order.
    void showNearest(const QList<QPointF>& values);
    // Shows a ready text (bar charts: one bin).
    void showText(const QString& text);
    void hide();
    QString text() const { return m_text; }

    // Index of the point of `points` (sorted by x or not) nearest to `at` in x, then in y; -1 when empty.
    static qsizetype nearestIndex(const QList<QPointF>& points, QPointF at, double xScale = 1.0, double yScale = 1.0);
    // "TTFT p50: 181.00 ms at output tokens/s 4100.0"
    static QString format(
        const QString& seriesName, QPointF point, const QString& xName, int xDecimals, const QString& yUnit, int yDecimals);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Watch {
        QXYSeries* series = nullptr;
        QString xName;
        int xDecimals = 1;
        QString yUnit;
        int yDecimals = 1;
    };

    QChartView* m_view = nullptr;
    QChart* m_chart = nullptr;
    QGraphicsSimpleTextItem* m_label = nullptr;
    QList<Watch> m_watches;
    QString m_text;
};

} // namespace tl
