#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace tl {

struct SimTraceRecord;

// --trace-out: the ground-truth trace written as it happens, one JSON line per request, by a thread of its own.
// Server threads only format their record and append it to a buffer; the writer thread empties the buffer at least
// once a second (sooner when it holds a megabyte), so a server that runs for days never holds its trace in memory
// and a reader sees records at most about a second old.
class SimTraceFile final {
public:
    SimTraceFile();
    ~SimTraceFile();
    SimTraceFile(const SimTraceFile&) = delete;
    SimTraceFile& operator=(const SimTraceFile&) = delete;

    // Creates (or empties) `path` and starts the writer. False with the reason when the file cannot be written.
    bool open(const QString& path, QString* error);
    // Thread-safe; returns at once.
    void append(const SimTraceRecord& record);
    // Writes what is buffered, stops the writer and closes the file. False with the reason when a write failed
    // (the first failure; later records are dropped, the server goes on).
    bool close(QString* error = nullptr);
    // Records handed to the file so far (written or still buffered).
    qint64 appended() const;

private:
    void run();

    static constexpr qsizetype kFlushBytes = 1 << 20;
    static constexpr int kFlushIntervalMs = 1000;

    QFile m_file;
    std::thread m_writer;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QByteArray m_pending;
    qint64 m_appended = 0;
    bool m_stopping = false;
    QString m_error;
};

} // namespace tl
