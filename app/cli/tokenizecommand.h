#pragma once

#include <QStringList>
#include <QTextStream>

namespace tl {

// `throughline-cli tokenize`: token ids of a text, of each line of a file or of each string of a JSON array,
// one JSON line {"n": count, "ids": [...]} each, so prompt lengths can be checked and compared with another
// implementation. Exit codes: 0 done, 2 bad arguments (one line naming the flag), 1 output failure.
class TokenizeCommand final {
public:
    enum ExitCode { Ok = 0, Failed = 1, BadArguments = 2 };

    // args: what follows "tokenize".
    static int run(const QStringList& args, QTextStream& out, QTextStream& err);
    static QString help();
};

} // namespace tl
