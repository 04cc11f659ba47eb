#include "widgets/presetbar.h"

#include "appsettings.h"
#include "projectsession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace tl {

PresetBar::PresetBar(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setObjectName(QStringLiteral("presetCombo"));
    m_combo->setMinimumContentsLength(16);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto button = [this, layout](const QString& text, const char* name, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(QLatin1StringView(name));
        connect(b, &QToolButton::clicked, this, slot);
        layout->addWidget(b);
    };
    layout->addWidget(new QLabel(tr("Preset:"), this));
    layout->addWidget(m_combo, 1);
    button(tr("Load"), "loadPresetButton", [this] { Q_EMIT loadRequested(m_combo->currentText()); });
    button(tr("Save as…"), "savePresetButton", [this] { onSaveClicked(); });
    button(tr("Duplicate…"), "duplicatePresetButton", [this] { onDuplicateClicked(); });
    button(tr("Delete"), "deletePresetButton", [this] { onDeleteClicked(); });
    hide();
}

PresetBar::~PresetBar() = default;

void PresetBar::setSettings(AppSettings* settings)
{
    m_settings = settings;
    projectChanged();
}

void PresetBar::setProject(ProjectSession* project)
{
    m_project = project;
    projectChanged();
}

void PresetBar::projectChanged()
{
    setVisible(m_settings != nullptr || m_project != nullptr);
    refresh();
}

bool PresetBar::inProject() const
{
    return m_project && m_project->isWritable();
}

QStringList PresetBar::names() const
{
    if (inProject())
        return m_project->presetNames();
    return m_settings ? m_settings->presetNames() : QStringList();
}

QByteArray PresetBar::json(const QString& name) const
{
    if (inProject())
        return m_project->preset(name);
    return m_settings ? m_settings->preset(name) : QByteArray();
}

bool PresetBar::store(const QString& name, const QByteArray& json)
{
    if (inProject()) {
        QString error;
        if (!m_project->savePreset(name, json, &error)) {
            Q_EMIT failed(tr("Preset '%1' not saved: %2").arg(name, error));
            return false;
        }
    } else if (m_settings) {
        m_settings->setPreset(name, json);
    } else {
        return false;
    }
    refresh(name);
    return true;
}

bool PresetBar::duplicate(const QString& name, const QString& newName)
{
    const QByteArray stored = json(name);
    if (stored.isEmpty() || newName.trimmed().isEmpty())
        return false;
    return store(newName.trimmed(), stored);
}

void PresetBar::remove(const QString& name)
{
    if (inProject()) {
        QString error;
        if (!m_project->deletePreset(name, &error))
            Q_EMIT failed(tr("Preset '%1' not deleted: %2").arg(name, error));
    } else if (m_settings) {
        m_settings->removePreset(name);
    }
    refresh();
}

void PresetBar::refresh(const QString& current)
{
    m_combo->setToolTip(inProject()
            ? tr("Named run setups, stored in the project %1 (without the API key).").arg(m_project->path())
            : tr("Named run setups, kept in this computer's settings while no writable project is open (without the "
                 "API key)."));
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItems(names());
    if (!current.isEmpty())
        m_combo->setCurrentText(current);
}

void PresetBar::onSaveClicked()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save preset"), tr("Name:"), QLineEdit::Normal, m_combo->currentText(), &ok);
    if (ok)
        Q_EMIT saveRequested(name);
}

void PresetBar::onDuplicateClicked()
{
    const QString name = m_combo->currentText();
    if (name.isEmpty())
        return;
    bool ok = false;
    const QString copy = QInputDialog::getText(
        this, tr("Duplicate preset"), tr("Name of the copy:"), QLineEdit::Normal, tr("%1 (copy)").arg(name), &ok);
    if (ok)
        duplicate(name, copy);
}

void PresetBar::onDeleteClicked()
{
    const QString name = m_combo->currentText();
    if (!name.isEmpty())
        remove(name);
}

} // namespace tl
