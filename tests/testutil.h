#pragma once

// Small helpers shared by the test executables (header-only: tests never compile library sources again).

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

namespace tl::test {

// A loopback port with nothing listening on it (bound, noted, closed).
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// Reads a started throughline-sim process's output until it says where it listens: its base URL, or empty
// after 10 s without that line (`seen` gets what it printed, for the failure message).
inline QString simBaseUrl(QProcess& sim, QString* seen)
{
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    while (sim.waitForReadyRead(10000)) {
        *seen += QString::fromUtf8(sim.readAllStandardOutput());
        const auto m = listening.match(*seen);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

// Writes an openqa-format JSONL file of `lines` records {"question": "q<i>"} (i from 1) at `path`, with line
// `badLine` (1-based; 0 = none) replaced by `badRecord`. False when it cannot be written.
inline bool writeQuestions(const QString& path, int lines, int badLine = 0,
    const QByteArray& badRecord = QByteArrayLiteral("{\"prompt\": \"a wrong field\"}"))
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (int i = 1; i <= lines; ++i)
        f.write(i == badLine ? badRecord + '\n' : QByteArray("{\"question\": \"q" + QByteArray::number(i) + "\"}\n"));
    return true;
}

} // namespace tl::test
