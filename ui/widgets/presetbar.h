#pragma once

#include <QWidget>

class QComboBox;

namespace tl {

class AppSettings;
class ProjectSession;

// The run form's named presets: a drop-down with Load, Save as…, Duplicate… and Delete, and where presets are kept:
// in the open project when it is writable (the presets table), else in the settings (no project open, or one opened
// for browsing). Neither store is owned; with neither the bar hides. The bar stores and lists JSON; what a preset
// holds (the form's config) is the form's business: Load and Save ask it through loadRequested and saveRequested.
class PresetBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresetBar)

public:
    explicit PresetBar(QWidget* parent = nullptr);
    ~PresetBar() override;

    void setSettings(AppSettings* settings);
    void setProject(ProjectSession* project);
    // The project was opened, closed or replaced: shows its presets.
    void projectChanged();
    bool inProject() const;
    QStringList names() const;
    QByteArray json(const QString& name) const;
    // Stores `json` as `name` (replacing one of that name) and selects it; false (and failed) when it could not.
    bool store(const QString& name, const QByteArray& json);
    bool duplicate(const QString& name, const QString& newName);
    void remove(const QString& name);

Q_SIGNALS:
    void loadRequested(const QString& name);
    void saveRequested(const QString& name);
    void failed(const QString& message);

private:
    void refresh(const QString& current = {});
    void onSaveClicked();
    void onDuplicateClicked();
    void onDeleteClicked();

    AppSettings* m_settings = nullptr;
    ProjectSession* m_project = nullptr;
    QComboBox* m_combo = nullptr;
};

} // namespace tl
