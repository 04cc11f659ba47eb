#include "dialogs/chartexportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace tl {

ChartExportDialog::ChartExportDialog(const QString& defaultPathWithoutSuffix, QSize defaultSize, QWidget* parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QComboBox(this))
    , m_path(new QLineEdit(this))
{
    setObjectName(QStringLiteral("chartExportDialog"));
    setWindowTitle(tr("Export Chart"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("PNG image"), int(Format::Png));
    m_format->addItem(tr("SVG drawing (text stays text)"), int(Format::Svg));
    for (QSpinBox* spin : {m_width, m_height}) {
        spin->setRange(200, 4000);
        spin->setSuffix(tr(" px"));
    }
    m_width->setObjectName(QStringLiteral("exportWidth"));
    m_height->setObjectName(QStringLiteral("exportHeight"));
    m_width->setValue(defaultSize.width());
    m_height->setValue(defaultSize.height());
    m_dpi->setObjectName(QStringLiteral("exportDpi"));
    m_dpi->addItem(tr("1x screen (96 dpi)"), 96);
    m_dpi->addItem(tr("2x screen (192 dpi)"), 192);
    m_dpi->addItem(tr("Print (300 dpi)"), 300);
    m_dpi->setCurrentIndex(1);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setMinimumWidth(360);
    m_path->setText(defaultPathWithoutSuffix + QStringLiteral(".png"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(tr("File:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ChartExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ChartExportDialog::syncSuffix);
}

ChartExportDialog::~ChartExportDialog() = default;

ChartExportDialog::Format ChartExportDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

QSize ChartExportDialog::chartSize() const
{
    return {m_width->value(), m_height->value()};
}

int ChartExportDialog::dpi() const
{
    return m_dpi->currentData().toInt();
}

QString ChartExportDialog::path() const
{
    return m_path->text();
}

void ChartExportDialog::syncSuffix()
{
    const QFileInfo info(m_path->text());
    const QString suffix = format() == Format::Svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    m_path->setText(info.path() + u'/' + info.completeBaseName() + suffix);
}

void ChartExportDialog::browse()
{
    const QString filter = format() == Format::Svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), m_path->text(), filter);
    if (!path.isEmpty())
        m_path->setText(path);
}

} // namespace tl
