#include "sim/simtracefile.h"

#include "sim/simtrace.h"

#include <chrono>

namespace tl {

SimTraceFile::SimTraceFile() = default;

SimTraceFile::~SimTraceFile()
{
    close();
}

bool SimTraceFile::open(const QString& path, QString* error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_stopping = false;
    m_writer = std::thread([this] { run(); });
    return true;
}

void SimTraceFile::append(const SimTraceRecord& record)
{
    QByteArray line = record.toJsonLine();
    line += '\n';
    bool wake = false;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_writer.joinable() || m_stopping)
            return;
        m_pending += line;
        ++m_appended;
        wake = m_pending.size() >= kFlushBytes;
    }
    if (wake)
        m_wake.notify_one();
}

qint64 SimTraceFile::appended() const
{
    const std::lock_guard lock(m_mutex);
    return m_appended;
}

void SimTraceFile::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, std::chrono::milliseconds(kFlushIntervalMs),
            [this] { return m_stopping || m_pending.size() >= kFlushBytes; });
        QByteArray chunk;
        chunk.swap(m_pending);
        const bool last = m_stopping;
        lock.unlock();
        // The write and the flush happen outside the lock: server threads never wait for the disk.
        if (!chunk.isEmpty() && m_error.isEmpty()) {
            if (m_file.write(chunk) != chunk.size() || !m_file.flush())
                m_error = m_file.errorString();
        }
        lock.lock();
        if (last && m_pending.isEmpty())
            return;
    }
}

bool SimTraceFile::close(QString* error)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_writer.joinable())
            return m_error.isEmpty();
        m_stopping = true;
    }
    m_wake.notify_one();
    m_writer.join();
    m_file.close();
    if (error && !m_error.isEmpty())
        *error = m_error;
    return m_error.isEmpty();
}

} // namespace tl
