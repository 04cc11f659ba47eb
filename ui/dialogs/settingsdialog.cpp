#include "dialogs/settingsdialog.h"

#include "appsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace tl {

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto* languageNote = new QLabel(tr("A new language applies the next time Throughline starts. The colours follow "
                                       "the desktop's theme."),
        this);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);
    m_projectFolder
        = folderRow(settings->projectFolder(), QStringLiteral("projectFolderEdit"), form, tr("&Projects folder:"));
    m_importFolder = folderRow(settings->importFolder(), QStringLiteral("importFolderEdit"), form, tr("&Import from:"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

QLineEdit* SettingsDialog::folderRow(
    const QString& value, const QString& objectName, QFormLayout* form, const QString& label)
{
    auto* edit = new QLineEdit(value, this);
    edit->setObjectName(objectName);
    auto* button = new QToolButton(this);
    button->setText(tr("…"));
    button->setToolTip(tr("Choose a folder"));
    connect(button, &QToolButton::clicked, this, [this, edit] { browse(edit); });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(button);
    form->addRow(label, row);
    return edit;
}

void SettingsDialog::browse(QLineEdit* edit)
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"), edit->text());
    if (!folder.isEmpty())
        edit->setText(folder);
}

void SettingsDialog::accept()
{
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setProjectFolder(m_projectFolder->text().trimmed());
    m_settings->setImportFolder(m_importFolder->text().trimmed());
    m_settings->sync();
    QDialog::accept();
}

} // namespace tl
