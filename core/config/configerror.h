#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace tl {

// One problem with user input: the field (CLI flag name, e.g. "--parallel") and a message that says the fix.
struct ConfigError {
    QString field;
    QString message;

    QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
    friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

using ConfigErrors = QList<ConfigError>;

} // namespace tl

Q_DECLARE_METATYPE(tl::ConfigError)
