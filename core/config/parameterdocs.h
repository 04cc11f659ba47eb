#pragma once

#include <QString>

namespace tl {

// Text generated from the ParameterRegistry for people and shells: docs/PARAMETERS.md
// (`throughline-cli docs parameters`) and `throughline-cli completion bash|zsh|fish`.
class ParameterDocs final {
public:
    static QString markdown();
    // Completion script for `shell` (bash, zsh or fish); empty for another name.
    static QString completion(const QString& shell);
    static QStringList shells();
};

} // namespace tl
