#include "dialogs/projectfiledialogs.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace tl {

namespace {

QString withSuffix(QString path)
{
    if (!path.isEmpty() && !path.endsWith(QStringLiteral(".tlproj")))
        path += QStringLiteral(".tlproj");
    return path;
}

} // namespace

QString ProjectFileDialogs::newProject(QWidget* parent, const QString& folder)
{
    return withSuffix(
        QFileDialog::getSaveFileName(parent, QCoreApplication::translate("tl::ProjectFileDialogs", "New Project"),
            folder, QCoreApplication::translate("tl::ProjectFileDialogs", "Throughline projects (*.tlproj)")));
}

QString ProjectFileDialogs::openProject(QWidget* parent, const QString& folder)
{
    return QFileDialog::getOpenFileName(parent, QCoreApplication::translate("tl::ProjectFileDialogs", "Open Project"),
        folder,
        QCoreApplication::translate("tl::ProjectFileDialogs", "Throughline projects (*.tlproj);;All files (*)"));
}

QString ProjectFileDialogs::copyProject(QWidget* parent, const QString& folder)
{
    return withSuffix(
        QFileDialog::getSaveFileName(parent, QCoreApplication::translate("tl::ProjectFileDialogs", "Save a Copy As"),
            folder, QCoreApplication::translate("tl::ProjectFileDialogs", "Throughline projects (*.tlproj)")));
}

QString ProjectFileDialogs::importSource(QWidget* parent, const QString& folder, RunImporter::Format format)
{
    if (format == RunImporter::Format::EvalScope)
        return QFileDialog::getExistingDirectory(
            parent, QCoreApplication::translate("tl::ProjectFileDialogs", "Import EvalScope Output Folder"), folder);
    return QFileDialog::getOpenFileName(parent, QCoreApplication::translate("tl::ProjectFileDialogs", "Import Run"),
        folder, QCoreApplication::translate("tl::ProjectFileDialogs", "JSON files (*.json);;All files (*)"));
}

} // namespace tl
