#include "cli/clirunner.h"

#include "cli/texttables.h"
#include "metrics/repeatstats.h"
#include "config/secretmask.h"
#include "engine/runcontroller.h"
#include "storage/outputwriter.h"
#include "storage/projectstore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace tl {

CliRunner::CliRunner(QObject* parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
    , m_controller(new RunController(this))
{
    connect(m_controller, &RunController::pointStarted, this, [this](int index, const RunPoint& p) {
        m_pointStarted = true;
        const QString load
            = p.parallel < 0 ? tr("open loop at %1 req/s").arg(p.rate) : tr("parallel %1").arg(p.parallel);
        m_out << tr("Run point %1/%2: %3, number %4 ...")
                     .arg(index + 1)
                     .arg(m_config.runPoints().size())
                     .arg(load)
                     .arg(p.number)
              << Qt::endl;
    });
    connect(m_controller, &RunController::pointFinished, this, &CliRunner::onPointFinished);
    connect(m_controller, &RunController::snapshotAvailable, this, &CliRunner::onSnapshot);
    connect(m_controller, &RunController::runFinished, this, &CliRunner::onRunFinished);
}

CliRunner::~CliRunner() = default;

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
    if (!config.project.isEmpty()) {
        QString error;
        m_store = ProjectStore::open(config.project, &error);
        if (!m_store) {
            fail(OtherError, QStringLiteral("--project: ") + error);
            return false;
        }
    }
    if (config.writeOutputs)
        m_outputs = std::make_unique<OutputWriter>(config, QDateTime::currentDateTime());
    const ConfigErrors startErrors = m_controller->start(config, m_store.get());
    if (!startErrors.isEmpty()) {
        fail(BadArguments, startErrors.first().toString());
        return false;
    }
    m_out << tr("Throughline %1: benchmarking %2 at %3 (%4 transport)")
                 .arg(QStringLiteral(THROUGHLINE_VERSION), config.model, SecretMask::maskUrl(config.resolvedUrl()),
                     Transport::kindName(m_controller->transport()))
          << Qt::endl;
    return true;
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
    if (m_outputs) {
        QString error;
        if (!m_outputs->writePoint(result, &error))
            fail(OtherError, error);
    }
}

void CliRunner::onRunFinished(RunState state, const ConfigError& error)
{
    QString storeError;
    if (m_store && !m_store->flush(&storeError))
        fail(OtherError, storeError);
    const QList<PointResult>& results = m_controller->results();
    writeProgress(state == RunState::Failed ? QStringLiteral("error") : QStringLiteral("completed"), true);
    if (state == RunState::Failed && !m_pointStarted) {
        fail(ConnectionFailed, error.toString()); // the connection test failed: nothing was measured
    } else {
        if (!results.isEmpty())
            m_out << TextTables::overview(results) << TextTables::perRequest(results);
        if (m_config.numRuns > 1 && !results.isEmpty())
            m_out << TextTables::repeats(repeatGroups(results, m_config.numRuns, m_config.confidenceLevel));
        int success = 0;
        int total = 0;
        for (const PointResult& r : results) {
            success += r.summary.successRequests;
            total += r.summary.totalRequests;
        }
        if (m_outputs && !results.isEmpty())
            m_out << tr("Output files: %1").arg(QDir(m_outputs->rootDir()).absolutePath()) << Qt::endl;
        if (m_store)
            m_out << tr("Project file: %1 (run %2)")
                         .arg(QFileInfo(m_store->path()).absoluteFilePath(), m_controller->runId())
                  << Qt::endl;
        if (state == RunState::Stopped)
            m_out << tr("The run was stopped before it finished; what was measured is kept.") << Qt::endl;
        if (state == RunState::Failed) // e.g. a malformed dataset line met during the run: one line with the fix
            fail(OtherError, error.toString());
        if (total > 0 && success == 0 && m_exitCode == Ok) {
            fail(AllFailed, tr("every request failed (%1 of %1); see the failure classes above").arg(total));
        }
    }
    Q_EMIT done(m_exitCode);
}

} // namespace tl
