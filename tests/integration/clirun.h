#pragma once

// Runs the built throughline-cli with arguments and collects its exit code and output (header-only, for the CLI
// integration tests).

#include <QProcess>
#include <QString>
#include <QStringList>

namespace tl::test {

struct CliResult {
    int exitCode = -1; // -2: crashed
    QString out;
    QString err;
};

inline CliResult runCliBinary(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-cli"), args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace tl::test
