#include "charts/chartexporter.h"

#include "charts/xychartview.h"

#include <QBuffer>
#include <QChartView>
#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

#include <cmath>

namespace tl {

namespace {

// Lays `widget` out at `size` for the life of the object (a chart view resizes its chart on resizeEvent; the
// chart's own layout runs on the posted LayoutRequest), then puts it back.
class ScopedSize final {
public:
    ScopedSize(QWidget* widget, QSize size)
        : m_widget(widget)
        , m_old(widget->size())
    {
        apply(size);
    }
    ~ScopedSize() { apply(m_old); }
    ScopedSize(const ScopedSize&) = delete;
    ScopedSize& operator=(const ScopedSize&) = delete;

private:
    void apply(QSize size)
    {
        m_widget->resize(size);
        // A widget never shown (a chart on another tab) has its resize pending: a throwaway render delivers it, and
        // the chart's own layout then runs on the posted LayoutRequest.
        QImage warm(size, QImage::Format_ARGB32_Premultiplied);
        for (int pass = 0; pass < 2; ++pass) {
            m_widget->render(&warm);
            QCoreApplication::sendPostedEvents();
        }
    }
    QWidget* m_widget;
    QSize m_old;
};

} // namespace

QWidget* ChartExporter::drawnWidget(QWidget* chart)
{
    // A chart on a tab never shown holds its series until it is shown: hand them to QtCharts before drawing it.
    if (auto* xy = qobject_cast<XYChartView*>(chart))
        xy->applyPending();
    // The chart classes wrap one QChartView in a layout, and a layout never shown ignores resizes: size the view.
    auto* view = chart->findChild<QChartView*>();
    return view ? view : chart;
}

QImage ChartExporter::renderImage(QWidget* chart, QSize size, int dpi)
{
    chart = drawnWidget(chart);
    const qreal scale = qreal(dpi) / kBaseDpi;
    QImage image(QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))),
        QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    image.setDevicePixelRatio(scale);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    {
        ScopedSize sized(chart, size);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        chart->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    image.setDevicePixelRatio(1.0); // the file has its pixels; its resolution says how big they are
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

QByteArray ChartExporter::renderSvg(QWidget* chart, QSize size, int dpi, const QString& title)
{
    chart = drawnWidget(chart);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setResolution(dpi);
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Throughline"));
    {
        ScopedSize sized(chart, size);
        QPainter painter(&svg);
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        chart->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    return buffer.data();
}

bool ChartExporter::writePng(const QImage& image, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("tl::ChartExporter", "%1 could not be written: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ChartExporter::writeFile(const QByteArray& data, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("tl::ChartExporter", "%1 could not be written: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tl
