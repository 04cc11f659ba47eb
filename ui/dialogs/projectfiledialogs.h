#pragma once

#include "storage/runimporter.h"

#include <QString>

class QWidget;

namespace tl {

// The file pickers of the File menu, starting in `folder`; each returns an empty string when cancelled.
// Project paths always end in .tlproj.
class ProjectFileDialogs final {
public:
    static QString newProject(QWidget* parent, const QString& folder);
    static QString openProject(QWidget* parent, const QString& folder);
    static QString copyProject(QWidget* parent, const QString& folder);
    // A folder for EvalScope output, a JSON file otherwise.
    static QString importSource(QWidget* parent, const QString& folder, RunImporter::Format format);
};

} // namespace tl
