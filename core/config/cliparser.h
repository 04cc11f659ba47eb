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
        bool helpRequested = false;
    };

    // `args` are the words after the subcommand (no program name, no "run").
    static Result parseRun(const QStringList& args, const RunConfig& defaults = RunConfig());
    // Help text listing every flag the parser accepts.
    static QString runHelp();
};

} // namespace tl
