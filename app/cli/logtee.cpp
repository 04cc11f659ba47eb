#include "cli/logtee.h"

#include <QDateTime>

namespace tl {

LogTee::LogTee(FILE* console, QFile* log)
    : m_console(console)
    , m_log(log)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

LogTee::~LogTee()
{
    if (!m_partial.isEmpty())
        writeLine(m_partial);
}

qint64 LogTee::readData(char*, qint64)
{
    return -1;
}

qint64 LogTee::writeData(const char* data, qint64 len)
{
    std::fwrite(data, 1, size_t(len), m_console);
    std::fflush(m_console);
    if (!m_log->isOpen()) {
        m_partial.clear();
        return len;
    }
    m_partial.append(data, len);
    qsizetype start = 0;
    for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
        writeLine(m_partial.mid(start, nl - start));
        start = nl + 1;
    }
    m_partial.remove(0, start);
    m_log->flush();
    return len;
}

void LogTee::writeLine(const QByteArray& line)
{
    if (!m_log->isOpen())
        return;
    const char* level = line.startsWith("error: ") ? "ERROR" : line.startsWith("warning: ") ? "WARNING" : "INFO";
    m_log->write(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")).toLatin1());
    m_log->write(" - throughline - ");
    m_log->write(level);
    m_log->write(" - ");
    m_log->write(line);
    m_log->write("\n");
}

} // namespace tl
