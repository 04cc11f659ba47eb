#pragma once

#include <QByteArray>
#include <QFile>
#include <QIODevice>

#include <cstdio>

namespace tl {

// What the CLI prints, passed on to the console and, once a run's output folder is known, also written to its
// benchmark.log as EvalScope writes its log lines: "2026-12-03 07:40:01,123 - throughline - INFO - message".
// Lines a stream marks as "error: " or "warning: " are logged at ERROR and WARNING.
class LogTee final : public QIODevice {
public:
    LogTee(FILE* console, QFile* log);
    ~LogTee() override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 len) override;

private:
    void writeLine(const QByteArray& line);

    FILE* m_console;
    QFile* m_log;
    QByteArray m_partial; // the start of a line not yet ended
};

} // namespace tl
