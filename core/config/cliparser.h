#pragma once

#include "config/runconfig.h"

#include <QStringList>

namespace tl {

// Parses `throughline-cli run` arguments with EvalScope perf's flag names and semantics:
// list flags take several values (`--parallel 1 4 16`), booleans have `--no-` forms, `--flag=value` works too.
class CliParser final {
public:
    struct Result {
        RunConfig config;
        ConfigErrors errors; // parse errors followed by RunConfig::validate() errors
        // One line each, naming the flag as given: flags accepted for EvalScope compatibility that change nothing
        // here, and settings EvalScope itself ignores with a warning (--n-choices with the Responses API).
        ConfigErrors warnings;
        bool helpRequested = false;
    };

    // `args` are the words after the subcommand (no program name, no "run"). Every flag comes from the
    // ParameterRegistry; errors name the flag as it was given (`-n`, not `--number`).
    static Result parseRun(const QStringList& args, const RunConfig& defaults = RunConfig());
    // The same without RunConfig::validate(): only the words' own errors (unknown flags, values of the wrong type
    // or out of range). For conversions of commands that need not make a complete run.
    static Result parseArguments(const QStringList& args, const RunConfig& defaults = RunConfig());
    // Help text listing every parameter of the registry, by group, unsupported ones with the reason.
    static QString runHelp();
};

} // namespace tl
