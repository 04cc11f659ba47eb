#pragma once

#include "config/configerror.h"
#include "config/runconfig.h"

#include <QString>
#include <QStringList>

namespace tl {

// Run configurations as shell command lines, both ways, from the ParameterRegistry: "copy as command" writes
// the `throughline-cli run …` line of a configuration's non-default parameters; a pasted `evalscope perf …` or
// `throughline-cli run …` line becomes a configuration plus the flags that could not be mapped.
class CommandLine final {
public:
    // A word quoted for a POSIX shell only when it needs it ('…' with ' written as '\'').
    static QString quote(const QString& word);
    // Splits a shell command line into words: '…', "…" (with \" \\ \$ \` escapes), backslashes and line
    // continuations. Returns false (with `error`) on an unterminated quote.
    static bool split(const QString& line, QStringList* words, QString* error);

    // The flags and values of every parameter that differs from the default (secrets masked unless asked).
    static QStringList toArguments(const RunConfig& config, bool includeSecrets = false);
    // "throughline-cli run …", shell-quoted.
    static QString toCommandLine(const RunConfig& config, bool includeSecrets = false);

    struct Conversion {
        RunConfig config;
        QStringList arguments; // the throughline-cli run arguments kept
        QStringList unmapped; // "--flag: why" for every flag left out
        ConfigErrors errors; // words that make no command (bad values); empty = a usable conversion
        QString command() const;
    };
    // Converts `evalscope perf …`, `throughline-cli run …` or bare flags. Flags Throughline does not know or does
    // not support are left out and listed; their values go with them.
    static Conversion convert(const QString& line);
};

} // namespace tl
