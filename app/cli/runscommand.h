#pragma once

#include <QStringList>
#include <QTextStream>

namespace tl {

// `throughline-cli runs list|show|export|import|delete|note|tag` and `throughline-cli report`: the project file
// from scripts and CI, without the GUI. Exit codes: 0 done, 2 bad arguments, 1 anything else; errors are one line
// on stderr naming the flag or file.
class RunsCommand final {
public:
    enum ExitCode { Ok = 0, Failed = 1, BadArguments = 2 };

    // `args`: what follows "runs" (or "report").
    static int runs(const QStringList& args, QTextStream& out, QTextStream& err);
    static int report(const QStringList& args, QTextStream& out, QTextStream& err);
    static QString runsHelp();
};

} // namespace tl
