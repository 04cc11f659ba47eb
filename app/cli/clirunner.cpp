#include "cli/clirunner.h"

#include "cli/logtee.h"
#include "cli/texttables.h"
#include "metrics/repeatstats.h"
#include "metrics/slatuner.h"
#include "config/commandline.h"
#include "engine/localserver.h"
#include "engine/runcontroller.h"
#include "metrics/workloadmetrics.h"
#include "net/transport.h"
#include "storage/evalscopedatadb.h"
#include "storage/htmlreport.h"
#include "storage/outputwriter.h"
#include "storage/projectstore.h"
#include "util/monoclock.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <cmath>

#include <sys/resource.h>

namespace tl {

CliRunner::CliRunner(QObject* parent)
    : QObject(parent)
    , m_outTee(std::make_unique<LogTee>(stdout, &m_log))
    , m_errTee(std::make_unique<LogTee>(stderr, &m_log))
    , m_out(m_outTee.get())
    , m_err(m_errTee.get())
    , m_controller(new RunController(this))
    , m_dataDb(std::make_unique<EvalScopeDataDb>())
{
    connect(m_controller, &RunController::pointStarted, this, [this](int index, const RunPoint& p) {
        m_pointStarted = true;
        const QString load = m_config.dataset == u"workload_trace"
            ? (p.rate > 0 ? tr("trace replay, %1 req/s on average").arg(p.rate) : tr("trace replay"))
            : p.parallel < 0 ? (p.rate > 0 ? tr("open loop at %1 req/s").arg(p.rate) : tr("open loop, every request at once"))
                             : tr("parallel %1").arg(p.parallel);
        if (const SlaProbe probe = m_controller->probeOf(index); probe.isValid()) {
            m_out << tr("SLA probe %1 = %2, run %3 (point %4): %5, number %6 ...")
                         .arg(probe.variable)
                         .arg(probe.value)
                         .arg(probe.repetition + 1)
                         .arg(index + 1)
                         .arg(p.rate > 0 ? load + tr(", %1 req/s").arg(p.rate) : load)
                         .arg(p.number)
                  << Qt::endl;
            return;
        }
        m_out << tr("Run point %1/%2: %3, number %4 ...")
                     .arg(index + 1)
                     .arg(m_controller->plannedPoints())
                     .arg(load)
                     .arg(p.number)
              << Qt::endl;
    });
    connect(m_controller, &RunController::pointStarted, this, [this](int index, const RunPoint& p) {
        m_workload = std::make_unique<WorkloadMetrics>(monotonicNs(), QDateTime::currentMSecsSinceEpoch());
        openDataDb(index, p);
    });
    connect(m_controller, &RunController::recordsArrived, this, [this](const QList<RequestRecord>& records) {
        if (m_workload)
            m_workload->add(records);
        appendDataDb(records);
    });
    connect(m_controller, &RunController::pointFinished, this, &CliRunner::onPointFinished);
    connect(m_controller, &RunController::connectionTestRetrying, this, [this](int attempt, const QString& why, int inMs) {
        m_err << tr("Connection test %1: the server is not ready (%2); trying again in %3 s (until --total-timeout)")
                     .arg(attempt)
                     .arg(why)
                     .arg(inMs / 1000.0)
              << Qt::endl;
    });
    connect(m_controller, &RunController::snapshotAvailable, this, &CliRunner::onSnapshot);
    connect(m_controller, &RunController::runFinished, this, &CliRunner::onRunFinished);
}

CliRunner::~CliRunner()
{
    stopLocalServer();
    m_out.flush();
    m_err.flush();
}

qint64 CliRunner::raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
}

void CliRunner::fail(int code, const QString& message)
{
    m_exitCode = code;
    m_err << tr("error: %1").arg(message) << Qt::endl;
}

bool CliRunner::start(const RunConfig& config)
{
    m_config = config;
    const ConfigErrors errors = config.validate();
    if (!errors.isEmpty()) {
        fail(BadArguments, errors.first().toString());
        return false;
    }
    // Checked here, not by the registry: whether a variable is set belongs to this invocation, not to the config.
    if (config.apiKey.isEmpty() && !config.apiKeyEnv.isEmpty()
        && !qEnvironmentVariableIsSet(config.apiKeyEnv.toLocal8Bit().constData())) {
        fail(BadArguments,
            tr("--api-key-env: the environment variable %1 is not set; export it or pass --api-key")
                .arg(config.apiKeyEnv));
        return false;
    }
    if (!checkParallelFits(config))
        return false;
    if (!config.project.isEmpty()) {
        QString error;
        m_store = ProjectStore::open(config.project, &error);
        if (!m_store) {
            fail(OtherError, QStringLiteral("--project: ") + error);
            return false;
        }
        // A full disk stops the run (failed, with the count stored) rather than measuring what cannot be kept.
        connect(m_store.get(), &ProjectStore::writeFailed, m_controller, [this](const QString& message) {
            m_controller->fail(ConfigError{QStringLiteral("--project"), message});
        });
    }
    if (config.writeOutputs) {
        m_outputs = std::make_unique<OutputWriter>(config, QDateTime::currentDateTime());
        // EvalScope's benchmark.log: everything printed from here on, as log lines.
        m_log.setFileName(m_outputs->rootDir() + QStringLiteral("/benchmark.log"));
        if (!QDir().mkpath(m_outputs->rootDir()) || !m_log.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            fail(OtherError,
                tr("cannot write '%1': %2; check --outputs-dir").arg(m_log.fileName(), m_log.errorString()));
            return false;
        }
    }
    if (LocalServer::isLocalApi(config.api) && !startLocalServer(config))
        return false;
    const ConfigErrors startErrors = m_controller->start(config, m_store.get());
    if (!startErrors.isEmpty()) {
        fail(BadArguments, startErrors.first().toString());
        return false;
    }
    m_out << tr("Throughline %1: benchmarking %2 at %3 (%4 transport)")
                 .arg(QStringLiteral(THROUGHLINE_VERSION), config.model.isEmpty() ? config.dataset : config.model,
                     config.maskedUrl(),
                     Transport::kindName(m_controller->transport()))
          << Qt::endl;
    return true;
}

namespace {

QString quoted(const QStringList& words)
{
    QStringList out;
    for (const QString& w : words)
        out.append(CommandLine::quote(w));
    return out.join(u' ');
}

} // namespace

// --api local/local_vllm: EvalScope starts the model itself; here the configured server command is started as a child
// process, waited for by the connection test (retrying every second: the server is ours and local) and stopped when
// the run ends.
bool CliRunner::startLocalServer(const RunConfig& config)
{
    QStringList warnings;
    const QStringList words = LocalServer::command(config, &warnings);
    for (const QString& w : std::as_const(warnings))
        m_err << tr("warning: %1").arg(w) << Qt::endl;
    const QString logDir = m_outputs ? m_outputs->rootDir() : QDir::currentPath();
    const QString logPath = QDir(logDir).filePath(QStringLiteral("local_server.log"));
    QString error;
    m_localServer = std::make_unique<LocalServer>();
    connect(m_localServer.get(), &LocalServer::exitedEarly, this, [this](int, const QString& message) {
        m_controller->fail(ConfigError{QStringLiteral("--api"), message});
    });
    if (!m_localServer->start(config, logPath, &error)) {
        fail(OtherError, error);
        return false;
    }
    m_controller->setConnectionTestRetryIntervalMs(1000);
    m_out << tr("Started the local server (pid %1): %2; its output: %3")
                 .arg(m_localServer->processId())
                 .arg(quoted(words), logPath)
          << Qt::endl;
    return true;
}

void CliRunner::stopLocalServer()
{
    if (!m_localServer || !m_localServer->isRunning())
        return;
    m_out << tr("Stopping the local server (pid %1)").arg(m_localServer->processId()) << Qt::endl;
    m_localServer->stop();
}

bool CliRunner::checkParallelFits(const RunConfig& config)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return true;
    int parallel = 0;
    for (const RunPoint& p : config.runPoints())
        parallel = std::max(parallel, p.parallel);
    if (config.slaAutoTune) // the largest concurrency a probe may have
        parallel = config.slaVariable == u"rate" ? config.slaFixedParallel.value_or(config.slaUpperBound)
                                                 : config.slaUpperBound;
    const qint64 needed = qint64(parallel) + kReservedFileDescriptors;
    if (needed <= qint64(limit.rlim_cur))
        return true;
    QString transportWhy;
    const auto kind = Transport::chooseKind(config.transport, QUrl(config.resolvedUrl()), config.noProxy, &transportWhy);
    if (kind && *kind == Transport::Kind::Qt) {
        // Qt's HTTP threads abort the whole process (GLib/Qt fatal error) when they cannot get a file descriptor.
        fail(BadArguments,
            tr("--parallel: %1 needs about %2 file descriptors but this process may open %3 (ulimit -n), and the qt "
               "transport cannot survive running out; raise ulimit -n or lower --parallel")
                .arg(parallel)
                .arg(needed)
                .arg(qint64(limit.rlim_cur)));
        return false;
    }
    {
        m_err << tr("warning: --parallel %1 needs about %2 file descriptors but this process may open %3 (ulimit -n, "
                    "hard limit %4): requests past it fail as client_resources; raise the limit or lower --parallel")
                     .arg(parallel)
                     .arg(needed)
                     .arg(qint64(limit.rlim_cur))
                     .arg(limit.rlim_max == RLIM_INFINITY ? tr("unlimited") : QString::number(qint64(limit.rlim_max)))
              << Qt::endl;
    }
    return true;
}

// EvalScope's files of the whole run in the output root: performance_summary.txt (the tables printed after the
// sweep) and perf_report.html (Throughline's self-contained report: no CDN, it opens offline).
void CliRunner::writeRunFiles(RunState state, const QList<PointResult>& results)
{
    QDir().mkpath(m_outputs->rootDir());
    QString error;
    const QString tables = TextTables::overview(results, m_config.numRuns, m_config.confidenceLevel) + TextTables::perRequest(results);
    if (!OutputWriter::writeFile(m_outputs->rootDir() + QStringLiteral("/performance_summary.txt"), tables.toUtf8(),
            &error))
        fail(OtherError, error);
    RunData run;
    run.id = m_controller->runId();
    run.name = m_config.name.isEmpty() ? m_config.model : m_config.name;
    run.status = runStateName(state);
    run.toolVersion = QStringLiteral(THROUGHLINE_VERSION);
    run.model = m_config.model;
    run.url = m_config.maskedUrl();
    run.api = m_config.api;
    run.createdMs = QDateTime::currentMSecsSinceEpoch();
    run.updatedMs = run.createdMs;
    run.configJson = m_config.toJson(false);
    run.pointCount = int(results.size());
    run.points = results;
    for (const PointResult& r : results)
        run.requestCount += r.summary.totalRequests;
    if (!OutputWriter::writeFile(m_outputs->rootDir() + QStringLiteral("/perf_report.html"), HtmlReport::render(run),
            &error))
        fail(OtherError, error);
}

void CliRunner::requestStop()
{
    m_err << tr("Stopping: no new requests; in-flight ones finish (interrupt again to abort them).") << Qt::endl;
    m_controller->stop();
}

void CliRunner::onSnapshot(const RunSnapshotPtr& snap)
{
    if (snap->state != RunState::Running)
        return;
    const qint64 finished = snap->completed + snap->failed;
    m_processed = m_processedBefore + finished;
    if (finished - m_loggedAt >= m_config.logEveryNQuery) {
        m_loggedAt = finished - finished % m_config.logEveryNQuery;
        const double rate = snap->elapsedS > 0 ? double(snap->completed) / snap->elapsedS : 0.0;
        m_out << tr("  %1: %2/%3 finished (%4 failed), %5 req/s, %6 in flight, %7 s")
                     .arg(snap->point.name())
                     .arg(finished)
                     .arg(snap->total)
                     .arg(snap->failed)
                     .arg(rate, 0, 'f', 2)
                     .arg(snap->inFlight)
                     .arg(snap->elapsedS, 0, 'f', 1)
              << Qt::endl;
    }
    writeProgress(QStringLiteral("running"), false);
}

// EvalScope's progress.json (--enable-progress-tracker): written whole and renamed into place, at most once a second.
void CliRunner::writeProgress(const QString& status, bool force)
{
    if (!m_config.enableProgressTracker || !m_outputs)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!force && now - m_progressWrittenMs < 1000)
        return;
    m_progressWrittenMs = now;
    qint64 total = 0;
    for (const RunPoint& p : m_config.runPoints())
        total += p.number;
    QJsonObject j;
    j[QStringLiteral("status")] = status;
    j[QStringLiteral("pipeline")] = QStringLiteral("perf");
    j[QStringLiteral("total_count")] = total;
    j[QStringLiteral("processed_count")] = m_processed;
    j[QStringLiteral("percent")] = total > 0 ? std::round(10000.0 * double(m_processed) / double(total)) / 100.0 : 0.0;
    j[QStringLiteral("updated_at")] = QDateTime::currentDateTime().toString(Qt::ISODate);
    QDir().mkpath(m_outputs->rootDir());
    QSaveFile file(m_outputs->rootDir() + QStringLiteral("/progress.json"));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(j).toJson());
        file.commit();
    }
}

void CliRunner::onPointFinished(const PointResult& result)
{
    m_processedBefore += result.summary.totalRequests;
    m_processed = m_processedBefore;
    m_loggedAt = 0;
    m_out << TextTables::pointSummary(result) << TextTables::pointPercentiles(result);
    if (result.summary.totalRequests > 0)
        m_out << TextTables::pointExtended(result);
    m_out << Qt::endl;
    if (m_workload && m_workload->hasConversations()) {
        const WorkloadMetrics::TraceSummary trace = m_workload->traceSummary();
        QList<QStringList> rows;
        for (const WorkloadMetrics::Row& row : trace.rows) {
            auto n = [](double v) { return QString::number(v, 'f', 4); };
            rows.append({row.metric, n(row.mean), n(row.min), n(row.p50), n(row.p90), n(row.p99), n(row.max)});
        }
        m_out << TextTables::table(tr("Conversations: %1 (%2), cached tokens: %3")
                                       .arg(trace.traces)
                                       .arg(result.point.name(), trace.cacheSource),
            {tr("Metric"), QStringLiteral("mean"), QStringLiteral("min"), QStringLiteral("p50"), QStringLiteral("p90"),
                QStringLiteral("p99"), QStringLiteral("max")},
            rows);
    }
    m_dataDb->close();
    if (m_outputs) {
        QString error;
        if (!m_outputs->writePoint(result, &error))
            fail(OtherError, error);
        else
            writeWorkloadFiles(result);
    }
    m_workload.reset();
}

// EvalScope's benchmark_data.db of the point, filled as its records arrive (one transaction per batch).
void CliRunner::openDataDb(int index, const RunPoint& point)
{
    if (!m_outputs)
        return;
    // The point's folder as writePoint() will name it (an SLA probe's is under sla_tuning/).
    PointResult where;
    where.index = index;
    where.point = point;
    where.slaProbe = m_controller->probeOf(index);
    const QString dir = m_outputs->resultDir(where);
    QString error;
    if (!QDir().mkpath(dir))
        fail(OtherError, tr("cannot create the output folder '%1'; check --outputs-dir").arg(dir));
    else if (!m_dataDb->open(dir + QStringLiteral("/benchmark_data.db"), &error))
        fail(OtherError, error);
}

void CliRunner::appendDataDb(const QList<RequestRecord>& records)
{
    QString error;
    if (m_dataDb->isOpen() && !m_dataDb->append(records, &error)) {
        m_dataDb->close(); // one message, not one per batch
        fail(OtherError, error);
    }
}

void CliRunner::writeWorkloadFiles(const PointResult& result)
{
    if (!m_workload)
        return;
    const QString dir = m_outputs->resultDir(result);
    QString error;
    if ((m_workload->hasConversations()
            && !OutputWriter::writeFile(dir + QStringLiteral("/trace_summary.json"), m_workload->traceSummaryJson(), &error))
        || !OutputWriter::writeFile(
            dir + QStringLiteral("/workload_throughput.json"), m_workload->throughputJson(), &error)
        || !OutputWriter::writeFile(dir + QStringLiteral("/workload_timeline.json"), m_workload->timelineJson(), &error))
        fail(OtherError, error);
}

void CliRunner::onRunFinished(RunState state, const ConfigError& error)
{
    stopLocalServer();
    QString storeError;
    if (m_store && !m_store->flush(&storeError))
        fail(OtherError, storeError);
    const QList<PointResult>& results = m_controller->results();
    writeProgress(state == RunState::Failed ? QStringLiteral("error") : QStringLiteral("completed"), true);
    if (state == RunState::Failed && !m_pointStarted) {
        fail(ConnectionFailed, error.toString()); // the connection test failed: nothing was measured
    } else {
        if (!results.isEmpty())
            m_out << TextTables::overview(results, m_config.numRuns, m_config.confidenceLevel) << TextTables::perRequest(results);
        if (m_config.numRuns > 1 && !results.isEmpty())
            m_out << TextTables::repeats(repeatGroups(results, m_config.numRuns, m_config.confidenceLevel));
        if (const SlaTuner* tuner = m_controller->slaTuner(); tuner && !results.isEmpty()) {
            m_out << TextTables::slaProbes(*tuner) << TextTables::slaSummary(*tuner);
            QString slaError;
            if (m_outputs && !m_outputs->writeSlaSummary(*tuner, &slaError))
                fail(OtherError, slaError);
        }
        int success = 0;
        int total = 0;
        int clientFailed = 0;
        for (const PointResult& r : results) {
            success += r.summary.successRequests;
            total += r.summary.totalRequests;
            for (const auto& [cls, count] : r.extended.errorsByClass) {
                if (isClientError(errorClassFromName(cls)))
                    clientFailed += count;
            }
        }
        if (m_outputs && !results.isEmpty()) {
            writeRunFiles(state, results);
            m_out << tr("Output files: %1").arg(QDir(m_outputs->rootDir()).absolutePath()) << Qt::endl;
        }
        if (m_store)
            m_out << tr("Project file: %1 (run %2)")
                         .arg(QFileInfo(m_store->path()).absoluteFilePath(), m_controller->runId())
                  << Qt::endl;
        if (state == RunState::Stopped)
            m_out << tr("The run was stopped before it finished; what was measured is kept.") << Qt::endl;
        if (state == RunState::Failed) // e.g. a malformed dataset line met during the run: one line with the fix
            fail(OtherError, error.toString());
        if (clientFailed > 0 && m_exitCode == Ok) {
            fail(ClientFailed,
                tr("%1 of %2 requests failed in this client (client_resources: out of file descriptors or memory), "
                   "not in the server; raise ulimit -n or lower --parallel")
                    .arg(clientFailed)
                    .arg(total));
        }
        if (total > 0 && success == 0 && m_exitCode == Ok) {
            fail(AllFailed, tr("every request failed (%1 of %1); see the failure classes above").arg(total));
        }
    }
    Q_EMIT done(m_exitCode);
}

} // namespace tl
