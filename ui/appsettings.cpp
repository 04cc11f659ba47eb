#include "appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace tl {

namespace {

// Keys of the settings file; not translated.
const QString kRecent = QStringLiteral("project/recent");
const QString kLast = QStringLiteral("project/last");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLanguage = QStringLiteral("ui/language");
const QString kProjectFolder = QStringLiteral("folders/projects");
const QString kImportFolder = QStringLiteral("folders/import");
const QString kExportFolder = QStringLiteral("folders/export");
const QString kLastForm = QStringLiteral("setup/lastForm");
const QString kPresets = QStringLiteral("setup/presets"); // one map: a preset's name may hold any character

} // namespace

AppSettings::AppSettings(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{
}

std::unique_ptr<AppSettings> AppSettings::createDefault()
{
    return std::make_unique<AppSettings>(std::make_unique<QSettings>());
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::recentProjects() const
{
    QStringList out;
    for (const QString& path : m_settings->value(kRecent).toStringList()) {
        if (QFileInfo::exists(path))
            out.append(path);
    }
    return out;
}

void AppSettings::addRecentProject(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = m_settings->value(kRecent).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    m_settings->setValue(kRecent, recent);
}

void AppSettings::clearRecentProjects()
{
    m_settings->remove(kRecent);
}

QString AppSettings::lastProject() const
{
    return m_settings->value(kLast).toString();
}

void AppSettings::setLastProject(const QString& path)
{
    m_settings->setValue(kLast, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    m_settings->setValue(kGeometry, geometry);
    m_settings->setValue(kState, state);
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    m_settings->setValue(kLanguage, language);
}

QString AppSettings::projectFolder() const
{
    return m_settings->value(kProjectFolder, QDir::homePath()).toString();
}

void AppSettings::setProjectFolder(const QString& folder)
{
    m_settings->setValue(kProjectFolder, folder);
}

QString AppSettings::importFolder() const
{
    return m_settings->value(kImportFolder, projectFolder()).toString();
}

void AppSettings::setImportFolder(const QString& folder)
{
    m_settings->setValue(kImportFolder, folder);
}

QString AppSettings::exportFolder() const
{
    return m_settings->value(kExportFolder, projectFolder()).toString();
}

void AppSettings::setExportFolder(const QString& folder)
{
    m_settings->setValue(kExportFolder, folder);
}

QByteArray AppSettings::lastForm() const
{
    return m_settings->value(kLastForm).toByteArray();
}

void AppSettings::setLastForm(const QByteArray& configJson)
{
    m_settings->setValue(kLastForm, configJson);
}

QStringList AppSettings::presetNames() const
{
    QStringList names = m_settings->value(kPresets).toMap().keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

QByteArray AppSettings::preset(const QString& name) const
{
    return m_settings->value(kPresets).toMap().value(name).toByteArray();
}

void AppSettings::setPreset(const QString& name, const QByteArray& configJson)
{
    QVariantMap presets = m_settings->value(kPresets).toMap();
    presets.insert(name, configJson);
    m_settings->setValue(kPresets, presets);
}

void AppSettings::removePreset(const QString& name)
{
    QVariantMap presets = m_settings->value(kPresets).toMap();
    presets.remove(name);
    m_settings->setValue(kPresets, presets);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace tl
