#pragma once

#include <QCoreApplication>
#include <QString>

namespace tl {

// One line per --dataset mode for the setup form, after docs/DATASETS.md (its table is the longer account).
class DatasetDescriptions final {
    Q_DECLARE_TR_FUNCTIONS(DatasetDescriptions)

public:
    // Empty for a name the table does not know.
    static QString describe(const QString& dataset);
};

} // namespace tl
