#pragma once

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLineEdit;

namespace tl {

class AppSettings;

// Settings ▸ Preferences: the language (system, English, Simplified Chinese; applied at the next start) and the
// folders New/Open and Import start in. The theme follows the desktop. Writes to AppSettings when accepted.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings* settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    QLineEdit* folderRow(const QString& value, const QString& objectName, QFormLayout* form, const QString& label);
    void browse(QLineEdit* edit);

    AppSettings* m_settings;
    QComboBox* m_language = nullptr;
    QLineEdit* m_projectFolder = nullptr;
    QLineEdit* m_importFolder = nullptr;
};

} // namespace tl
