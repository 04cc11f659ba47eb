#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class QWidget;

namespace tl {

// Draws a chart widget at a chosen size and resolution, for export: the widget is laid out at `size` (logical
// pixels, i.e. at 96 dpi), drawn, and put back. Drawing is on the GUI thread (widgets live there) and takes a few
// milliseconds; encoding and writing the file is for a pool thread (writeFile).
class ChartExporter final {
public:
    static constexpr int kBaseDpi = 96;
    // A PNG-ready image of size * dpi / 96 pixels, its dots per metre set to `dpi`.
    static QImage renderImage(QWidget* chart, QSize size, int dpi);
    // An SVG document of `size` (its viewBox) at `dpi`, text kept as text.
    static QByteArray renderSvg(QWidget* chart, QSize size, int dpi, const QString& title);
    // Encodes and writes; safe on any thread. False with a message naming the path.
    static bool writePng(const QImage& image, const QString& path, QString* error);
    static bool writeFile(const QByteArray& data, const QString& path, QString* error);

private:
    static QWidget* drawnWidget(QWidget* chart);
};

} // namespace tl
