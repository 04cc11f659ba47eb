#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace tl {

// The workbench's remembered state, read and written through one QSettings: recent and last project, window
// layout, language and default folders. Built once in main() and handed to the window (no global instance), so a
// test can give it a settings file of its own.
class AppSettings final {
public:
    static constexpr int kMaxRecentProjects = 8;

    explicit AppSettings(std::unique_ptr<QSettings> settings);
    // The user's settings (QSettings' native place for the application's organisation and name).
    static std::unique_ptr<AppSettings> createDefault();
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QStringList recentProjects() const; // most recent first, files that still exist only
    void addRecentProject(const QString& path);
    void clearRecentProjects();
    QString lastProject() const;
    void setLastProject(const QString& path);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

    // "" follows the system locale; otherwise a locale name such as "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString& language);
    QString projectFolder() const; // where New/Open start; the home folder when unset
    void setProjectFolder(const QString& folder);
    QString importFolder() const; // where Import starts; the project folder when unset
    void setImportFolder(const QString& folder);
    QString exportFolder() const; // where the results page's exports go; the project folder when unset
    void setExportFolder(const QString& folder);

    // Named run setups of the setup form ("presets"): name -> RunConfig JSON without secrets.
    QStringList presetNames() const; // sorted
    QByteArray preset(const QString& name) const; // empty when there is none of that name
    void setPreset(const QString& name, const QByteArray& configJson);
    void removePreset(const QString& name);

    // The setup form as the user left it (RunConfig JSON without secrets), filled in again on the next start.
    QByteArray lastForm() const;
    void setLastForm(const QByteArray& configJson);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tl
