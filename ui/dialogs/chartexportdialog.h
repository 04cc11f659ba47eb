#pragma once

#include <QDialog>
#include <QSize>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tl {

// Asks how to export a chart: PNG or SVG, the size in logical pixels (96 dpi), the resolution (1x = 96 dpi,
// 2x = 192 dpi, print = 300 dpi) and the file, named after the run and its date in the last export folder.
class ChartExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartExportDialog)

public:
    enum class Format { Png, Svg };
    ChartExportDialog(const QString& defaultPathWithoutSuffix, QSize defaultSize, QWidget* parent = nullptr);
    ~ChartExportDialog() override;

    Format format() const;
    QSize chartSize() const;
    int dpi() const;
    QString path() const;

private:
    void browse();
    void syncSuffix();

    QComboBox* m_format = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QComboBox* m_dpi = nullptr;
    QLineEdit* m_path = nullptr;
};

} // namespace tl
