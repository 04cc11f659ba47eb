#pragma once

#include "config/runconfig.h"

#include <QObject>
#include <QStringList>

class QProcess;

namespace tl {

// The server EvalScope's --api local and local_vllm start: a child process (vLLM's OpenAI server unless
// --local-server-command names another) on 127.0.0.1:--port, its output in a log file, stopped at the end with
// SIGTERM and, when it does not exit in time, SIGKILL. The run waits for it with its retrying connection test.
class LocalServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    explicit LocalServer(QObject* parent = nullptr);
    ~LocalServer() override; // stops the server

    static bool isLocalApi(const QString& api) { return api == u"local" || api == u"local_vllm"; }
    // The program and its arguments for `config`: --local-server-command split into words with {model}, {port} and
    // {attn_implementation} filled in, --port PORT appended when it names no {port}, --attn-implementation NAME when
    // one is given and it names no {attn_implementation}; else vLLM's OpenAI server as EvalScope starts it.
    // `warnings` gets what does not pass on (an attention implementation to vLLM, which has no such option).
    static QStringList command(const RunConfig& config, QStringList* warnings = nullptr);

    // Starts the server, its stdout and stderr appended to `logPath`; false with a one-line reason when it could
    // not be started.
    bool start(const RunConfig& config, const QString& logPath, QString* error);
    // SIGTERM, then SIGKILL when it has not exited after `graceMs`; blocks until it is gone.
    void stop(int graceMs = 10000);
    bool isRunning() const;
    qint64 processId() const;

Q_SIGNALS:
    // The server exited without being asked to (it failed to start or crashed).
    void exitedEarly(int exitCode, const QString& message);

private:
    QProcess* m_process = nullptr;
    bool m_stopping = false;
    QString m_logPath;
};

} // namespace tl
