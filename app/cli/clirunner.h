#pragma once

#include "config/runconfig.h"
#include "engine/runsnapshot.h"

#include <QFile>
#include <QObject>
#include <QTextStream>

#include <memory>

namespace tl {

class EvalScopeDataDb;
class LocalServer;
class LogTee;
class OutputWriter;
class WorkloadMetrics;
class ProjectStore;
class RunController;

// Drives one `throughline-cli run`: opens the project file, runs the controller, prints EvalScope-style tables,
// writes the output tree, and ends the event loop with the exit code.
class CliRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliRunner)

public:
    // ClientFailed: the client itself failed requests (out of file descriptors...): the figures do not measure the
    // server. Documented in README.md.
    enum ExitCode { Ok = 0, OtherError = 1, BadArguments = 2, ConnectionFailed = 3, AllFailed = 4, ClientFailed = 5 };
    // File descriptors every run needs besides one socket per request in flight (threads, epoll sets, timers, the
    // project file and its WAL, outputs).
    static constexpr qint64 kReservedFileDescriptors = 64;

    // Raises this process's soft RLIMIT_NOFILE to its hard limit (called once at start); returns the soft limit now
    // in force, -1 when unlimited or unknown.
    static qint64 raiseFileLimit();

    explicit CliRunner(QObject* parent = nullptr);
    ~CliRunner() override;

    // Starts the run; returns false (with exitCode() set and the reason printed) when it could not start.
    bool start(const RunConfig& config);
    int exitCode() const { return m_exitCode; }
    void requestStop(); // SIGINT: first soft, then hard

Q_SIGNALS:
    void done(int exitCode);

private:
    void onPointFinished(const tl::PointResult& result);
    void onSnapshot(const tl::RunSnapshotPtr& snapshot);
    void writeProgress(const QString& status, bool force);
    // Warns when --parallel needs more file descriptors than the process may open (lean transport: the requests
    // past it fail as client_resources); refuses the run on the qt transport, which cannot survive it.
    bool checkParallelFits(const RunConfig& config);
    void writeRunFiles(tl::RunState state, const QList<tl::PointResult>& results);
    void onRunFinished(tl::RunState state, const tl::ConfigError& error);
    void fail(int code, const QString& message);
    // trace_summary.json (multi-turn), workload_throughput.json and workload_timeline.json of the point just ended.
    void writeWorkloadFiles(const tl::PointResult& result);
    bool startLocalServer(const RunConfig& config);
    void stopLocalServer();
    void openDataDb(int index, const tl::RunPoint& point);
    void appendDataDb(const QList<tl::RequestRecord>& records);

    QFile m_log; // benchmark.log in the output root, once known
    std::unique_ptr<LogTee> m_outTee;
    std::unique_ptr<LogTee> m_errTee;
    QTextStream m_out;
    QTextStream m_err;
    RunConfig m_config;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<OutputWriter> m_outputs;
    RunController* m_controller = nullptr;
    std::unique_ptr<LocalServer> m_localServer; // --api local/local_vllm
    std::unique_ptr<EvalScopeDataDb> m_dataDb; // the current point's benchmark_data.db
    int m_exitCode = Ok;
    bool m_pointStarted = false; // a failure after this is not the connection test's
    qint64 m_loggedAt = 0; // requests finished when the running metrics were last printed (--log-every-n-query)
    qint64 m_processedBefore = 0; // requests finished in earlier points
    qint64 m_processed = 0;
    qint64 m_progressWrittenMs = 0;
    std::unique_ptr<WorkloadMetrics> m_workload; // the current point's records, folded as they arrive
};

} // namespace tl
