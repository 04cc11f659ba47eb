#include "engine/runcontroller.h"

#include "dataset/promptsource.h"
#include "dataset/tracesource.h"
#include "engine/connectiontest.h"
#include "engine/dispatcher.h"
#include "engine/requestfactory.h"
#include "engine/worker.h"
#include "metrics/harnesshealth.h"
#include "metrics/summary.h"
#include "model/runsink.h"
#include "util/monoclock.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <limits>

#include <sys/resource.h>

namespace tl {

namespace {

// User + system CPU time of this whole process (every thread) so far; -1 where unknown.
double processCpuSeconds()
{
    rusage u{};
    if (getrusage(RUSAGE_SELF, &u) != 0)
        return -1;
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

} // namespace

namespace {

void registerTypes()
{
    qRegisterMetaType<tl::WorkerBatch>();
    qRegisterMetaType<tl::RequestRecord>();
    qRegisterMetaType<tl::RunPoint>();
    qRegisterMetaType<tl::PointResult>();
    qRegisterMetaType<tl::RunSnapshotPtr>();
    qRegisterMetaType<tl::ConfigError>();
    qRegisterMetaType<tl::RunState>();
}

} // namespace

RunController::RunController(QObject* parent)
    : QObject(parent)
    , m_snapshotTimer(new QTimer(this))
    , m_sleepTimer(new QTimer(this))
    , m_durationTimer(new QTimer(this))
    , m_accumulator(RunConfig::ApiKind::Chat) // replaced by one for the run's API at each timed phase
    , m_snapshot(std::make_shared<RunSnapshot>())
{
    registerTypes();
    m_snapshotTimer->setInterval(250);
    connect(m_snapshotTimer, &QTimer::timeout, this, &RunController::publishSnapshot);
    m_sleepTimer->setSingleShot(true);
    connect(m_sleepTimer, &QTimer::timeout, this, [this] { startPoint(m_pointIndex + 1); });
    m_durationTimer->setSingleShot(true);
    m_durationTimer->setTimerType(Qt::PreciseTimer);
    connect(m_durationTimer, &QTimer::timeout, this, &RunController::onDurationElapsed);
}

RunController::~RunController()
{
    if (m_dispatcher)
        m_dispatcher->requestStop();
    for (Worker* w : m_workers)
        QMetaObject::invokeMethod(w, &Worker::abortAll, Qt::QueuedConnection);
    stopWorkers();
}

void RunController::setSnapshotIntervalMs(int ms)
{
    m_snapshotTimer->setInterval(ms);
}

bool RunController::isRunning() const
{
    return m_state == RunState::Testing || m_state == RunState::Running || m_state == RunState::Sleeping;
}

int RunController::workerCountFor(int parallel, int configured)
{
    const int threads = configured > 0 ? configured : std::max(1, QThread::idealThreadCount());
    if (parallel < 0) // open loop: no cap on requests in flight, so every thread takes arrivals
        return threads;
    return std::clamp(parallel, 1, threads);
}

ConfigErrors RunController::start(const RunConfig& config, RunSink* sink)
{
    if (isRunning())
        return {ConfigError{QString(), tr("a run is already in progress; stop it first")}};
    ConfigErrors errors = config.validate();
    if (!errors.isEmpty())
        return errors;
    // Asked now rather than in validate(): it depends on the environment's proxies, which belong to the run.
    QString transportWhy;
    const std::optional<Transport::Kind> transport = chooseTransport(config, &transportWhy);
    if (!transport)
        return {ConfigError{QStringLiteral("--transport"), transportWhy}};
    ConfigError promptError;
    auto prompts = PromptSource::load(config, &promptError);
    if (!prompts)
        return {promptError};

    std::optional<SlaTuner> tuner;
    if (config.slaAutoTune) {
        QString slaError;
        const auto settings = SlaTuner::settingsFor(config, &slaError);
        if (!settings)
            return {ConfigError{slaError.section(u':', 0, 0), slaError.section(u':', 1).trimmed()}};
        tuner.emplace(*settings);
    }

    m_config = config;
    m_points = config.runPoints();
    m_tuner = std::move(tuner);
    m_autoSweep.reset();
    if (config.isAutoSweep()) // the anchors first; the points between once they are measured
        m_autoSweep.emplace(config);
    m_probeTags.clear();
    if (m_tuner) { // the points are the probes the tuner asks for, one at a time
        const auto probe = m_tuner->next();
        m_points = {probe->point};
        m_probeTags = {probe->tag()};
    }
    m_runSeed = quint64(monotonicNs());
    m_store = sink;
    m_factory = std::make_shared<const RequestFactory>(config, std::move(prompts));
    m_transport = *transport;
    m_limits.maxResponseBytes = config.maxResponseBytes;
    m_limits.maxEventBytes = config.maxEventBytes;
    m_results.clear();
    m_datasetError = {};
    m_prefetchStats = {};
    m_pointIndex = -1;
    m_stopRequests = 0;
    m_runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_runAnchorNs = monotonicNs();
    m_conversationCursor = std::make_shared<std::atomic<qint64>>(0);
    m_traceSchedule = m_factory->prompts().arrivalSchedule();
    for (RunPoint& p : m_points) { // --number truncates a trace; a larger one replays all of it
        p.number = pointRequests(p.number);
        // A replay point is named and summarised by the rate its records arrive at (rate_<R>_number_<N>, "Request
        // Rate"), not by an unpaced -1: the trace's timeline is the schedule (docs/DATASETS.md).
        if (m_traceSchedule)
            p.rate = TraceSource::meanRate(*m_traceSchedule, p.number);
    }

    if (m_store) {
        RunData info;
        info.id = m_runId;
        info.name = config.effectiveName();
        info.configJson = config.toJson(false);
        info.model = config.model;
        info.url = config.maskedUrl();
        info.api = config.api;
        info.monotonicAnchorNs = m_runAnchorNs;
        info.createdMs = QDateTime::currentMSecsSinceEpoch();
        m_store->beginRun(info);
    }
    m_state = RunState::Testing; // running from here on: handlers of runStarted see isRunning()
    Q_EMIT runStarted(m_runId);

    // EvalScope skips the test for embedding and rerank endpoints.
    const RunConfig::ApiKind kind = config.apiKind();
    if (config.noTestConnection || kind == RunConfig::ApiKind::Embedding || kind == RunConfig::ApiKind::Rerank) {
        startPoint(0);
        return {};
    }
    publishSnapshot();
    m_connectionTest = new ConnectionTest(m_factory, config.totalTimeout, this);
    m_connectionTest->setResponseLimits(m_limits);
    m_connectionTest->setRetryIntervalMs(m_connectionRetryMs);
    connect(m_connectionTest, &ConnectionTest::retrying, this, &RunController::connectionTestRetrying);
    connect(m_connectionTest, &ConnectionTest::succeeded, this, &RunController::onConnectionTestDone);
    connect(m_connectionTest, &ConnectionTest::failed, this, [this](const ConfigError& error) {
        m_connectionTest->deleteLater();
        m_connectionTest = nullptr;
        finishRun(RunState::Failed, error);
    });
    m_connectionTest->start();
    return {};
}

void RunController::onConnectionTestDone()
{
    if (m_store && !m_connectionTest->fingerprint().isEmpty())
        m_store->setFingerprint(m_runId, m_connectionTest->fingerprint());
    m_connectionTest->deleteLater();
    m_connectionTest = nullptr;
    startPoint(0);
}

int RunController::pointRequests(int number) const
{
    return m_traceSchedule ? int(std::min<qint64>(number, qint64(m_traceSchedule->size()))) : number;
}

int RunController::warmupPhase(int number) const
{
    return m_traceSchedule ? 0 : m_config.warmupCount(number);
}

void RunController::startPoint(int index)
{
    if (index >= m_points.size()) {
        finishRun(m_stopRequests > 0 ? RunState::Stopped : RunState::Finished);
        return;
    }
    m_pointIndex = index;
    const RunPoint point = m_points.at(index);
    m_state = RunState::Running;
    if (m_store)
        m_store->beginPoint(m_runId, index, point.parallel, point.number, point.rate);
    Q_EMIT pointStarted(index, point);
    m_pointRecords = 0;
    const int warmup = warmupPhase(point.number);
    startPhase(warmup > 0 ? Phase::Warmup : Phase::Timed, warmup > 0 ? warmup : pointRequests(point.number));
    m_snapshotTimer->start();
    publishSnapshot();
}

void RunController::startPhase(Phase phase, int requests)
{
    const RunPoint point = m_points.at(m_pointIndex);
    m_phase = phase;
    m_pointStartNs = monotonicNs();
    m_live = LiveSeries(m_pointStartNs);
    if (phase == Phase::Timed) {
        m_pointCpuSeconds = processCpuSeconds();
        m_pointMachineTicks = machineCpuTicks();
        m_accumulator = PointAccumulator(m_config.apiKind(), point, m_pointStartNs);
        m_accumulator.setSlo(m_config.slo());
    }
    // Repetitions of a point (--num-runs) draw the same schedule and prompts: the seed and the dataset offset follow
    // the sweep point, not the run point.
    const int sweepIndex = m_tuner ? m_pointIndex : m_config.sweepIndex(m_pointIndex);
    quint64 seed = m_config.seed ? quint64(*m_config.seed) + quint64(sweepIndex) : quint64(m_pointStartNs);
    if (!m_config.seed && m_config.numRuns > 1)
        seed = m_runSeed + quint64(sweepIndex);
    Dispatcher::Arrival arrival = Dispatcher::Arrival::Poisson;
    if (m_config.arrivalDistribution == u"constant")
        arrival = Dispatcher::Arrival::Constant;
    else if (m_config.arrivalDistribution == u"gamma" || m_config.burstiness != 1.0)
        arrival = Dispatcher::Arrival::Gamma;
    const bool multiTurn = m_config.multiTurn;
    // --multi-turn: indices are turns, unpaced (a slot paces its own turns); the warmup phase runs `requests`
    // whole conversations (EvalScope), the timed phase `requests` turns.
    const bool conversationWarmup = multiTurn && phase == Phase::Warmup;
    m_dispatcher = std::make_shared<Dispatcher>(conversationWarmup ? std::numeric_limits<qint64>::max() : requests,
        multiTurn || m_traceSchedule ? -1.0 : point.rate, m_pointStartNs, seed, arrival, m_config.burstiness);
    if (multiTurn)
        m_dispatcher->setConversations(m_conversationCursor, conversationWarmup ? requests : -1);
    if (m_traceSchedule) { // the trace's own timeline, its first records the warmup (inline, EvalScope)
        const std::vector<qint64> offsets(m_traceSchedule->begin(), m_traceSchedule->begin() + requests);
        m_dispatcher->setSchedule(offsets, m_pointStartNs, std::min(m_config.warmupCount(requests), requests));
    }
    // --duration bounds the timed phase only (soft exit: no new request, in-flight ones finish).
    if (phase == Phase::Timed && m_config.duration)
        m_durationTimer->start(int(*m_config.duration * 1000));

    // Random datasets advance --dataset-offset by each earlier point's --number (EvalScope), so prompts never repeat.
    qint64 datasetOffset = m_config.datasetOffset;
    // SLA: every probe run advances it; --sweep auto: its points, the ones between included (each --num-runs times).
    QList<RunPoint> sweep = m_tuner ? m_points : m_config.sweepPoints();
    if (m_autoSweep) {
        sweep.clear();
        for (qsizetype i = 0; i < m_points.size(); i += std::max(1, m_config.numRuns))
            sweep.append(m_points.at(i));
    }
    for (int i = 0; i < sweepIndex && i < sweep.size(); ++i)
        datasetOffset += sweep.at(i).number;
    // The phase's bodies are built ahead on a producer thread, not by the workers between their timestamps.
    PromptPrefetcher::Options prefetch;
    prefetch.first = phase == Phase::Timed ? warmupPhase(point.number) : 0;
    prefetch.count = requests;
    if (multiTurn) { // the conversations this phase may claim: at most one per turn, plus one per slot
        prefetch.first = m_conversationCursor->load();
        prefetch.count = qint64(requests) + std::max(point.parallel, 1);
    }
    prefetch.lookahead = PromptPrefetcher::lookaheadFor(
        point.parallel > 0 ? qint64(point.parallel) : qint64(std::ceil(std::max(point.rate, 0.0))));
    prefetch.onFailure = [this, dispatcher = m_dispatcher](const ConfigError& error) {
        dispatcher->requestStop(); // at once, on the thread that met it: no worker claims another request
        QMetaObject::invokeMethod(
            this, [this, error] { onDatasetFailed(error); }, Qt::QueuedConnection);
    };
    const auto factory = m_factory->forDatasetOffset(datasetOffset)->withPrefetch(std::move(prefetch));
    m_prefetcher = factory->prefetcher();
    const int count = workerCountFor(point.parallel, m_config.workers);
    m_workersRunning = count;
    for (int i = 0; i < count; ++i) {
        WorkerOptions options;
        options.workerId = i;
        options.openLoop = point.parallel < 0;
        options.slotCount = options.openLoop ? 0 : point.parallel / count + (i < point.parallel % count ? 1 : 0);
        options.connectTimeoutS = m_config.connectTimeout;
        options.readTimeoutS = m_config.readTimeout;
        options.totalTimeoutS = m_config.totalTimeout;
        options.connectRatePerS = m_config.connectRate / count; // the run's rate and burst, shared by its workers
        options.rampBurst = std::max(1, Worker::kRampBurst / count);
        options.debug = m_config.debug;
        options.storeBodies = m_config.storeBodies;
        options.secrets = m_config.secretValues();
        options.transport = m_transport;
        options.limits = m_limits;
        options.warmup = phase == Phase::Warmup;
        options.seqOffset = phase == Phase::Timed ? warmupPhase(point.number) : 0;
        options.multiTurn = multiTurn;
        options.maxTurns = m_config.maxTurns;
        options.turnRate = multiTurn ? point.rate : -1.0;
        options.seed = seed;
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("tl-worker-%1").arg(i));
        auto* worker = new Worker(options, factory, m_dispatcher);
        worker->moveToThread(thread);
        connect(thread, &QThread::started, worker, &Worker::start);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &Worker::batchReady, this, &RunController::onBatch);
        connect(worker, &Worker::finished, this, &RunController::onWorkerFinished);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    for (QThread* t : m_threads)
        t->start();
}

void RunController::onBatch(const WorkerBatch& batch)
{
    m_live.addBatch(batch);
    if (batch.records.isEmpty())
        return;
    m_accumulator.add(batch.records); // skips warmup records
    m_pointRecords += batch.records.size();
    Q_EMIT recordsArrived(batch.records);
    if (m_store)
        m_store->writeRequests(m_runId, m_pointIndex, batch.records);
}

void RunController::onWorkerFinished()
{
    if (--m_workersRunning > 0)
        return;
    stopWorkers();
    if (m_phase == Phase::Warmup && m_stopRequests == 0 && m_datasetError.message.isEmpty()) {
        startPhase(Phase::Timed, m_points.at(m_pointIndex).number);
        return;
    }
    finishPoint();
}

void RunController::stopWorkers()
{
    for (QThread* t : m_threads) {
        t->quit();
        t->wait();
        delete t;
    }
    m_threads.clear();
    m_workers.clear(); // deleted by their threads' finished signal
    stopPrefetcher();
}

void RunController::stopPrefetcher()
{
    if (!m_prefetcher)
        return;
    m_prefetcher->stop(); // joins the producer; no failure is reported after this
    const PromptPrefetcher::Stats s = m_prefetcher->stats();
    m_prefetchStats.built += s.built;
    m_prefetchStats.hits += s.hits;
    m_prefetchStats.misses += s.misses;
    m_prefetchStats.held = std::max(m_prefetchStats.held, s.held);
    m_prefetchStats.heldBytes = std::max(m_prefetchStats.heldBytes, s.heldBytes);
    m_prefetchStats.peakHeld = std::max(m_prefetchStats.peakHeld, s.peakHeld);
    m_prefetchStats.peakHeldBytes = std::max(m_prefetchStats.peakHeldBytes, s.peakHeldBytes);
    m_prefetcher.reset();
}

void RunController::finishPoint()
{
    m_snapshotTimer->stop();
    m_durationTimer->stop();
    // A big point's metrics take hundreds of milliseconds (percentiles and extended metrics over every record):
    // they are computed on a pool thread so that the controller's thread, the GUI's in the workbench, keeps
    // running its event loop. The workers have stopped, so the accumulator is complete and handed over whole.
    // The harness sample is taken now, when the point's last request ended, not when its metrics are ready.
    HarnessSample sample;
    sample.cpuSeconds = processCpuSeconds() - m_pointCpuSeconds;
    sample.wallSeconds = double(monotonicNs() - m_pointStartNs) / 1e9;
    sample.cores = std::max(1, QThread::idealThreadCount());
    sample.reads = m_accumulator.eventReads();
    sample.events = m_accumulator.dataEvents();
    const auto [busy, total] = machineCpuTicks();
    if (busy >= 0 && total > m_pointMachineTicks.second)
        sample.machineBusyShare
            = double(busy - m_pointMachineTicks.first) / double(total - m_pointMachineTicks.second);
    m_pendingHarness = sample;
    auto accumulator = std::make_shared<const PointAccumulator>(std::move(m_accumulator));
    m_accumulator = PointAccumulator(m_config.apiKind());
    auto* watcher = new QFutureWatcher<PointResult>(this);
    connect(watcher, &QFutureWatcher<PointResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        completePoint(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([accumulator] {
        PointResult metrics;
        metrics.summary = accumulator->summary();
        metrics.percentiles = accumulator->percentiles();
        metrics.extended = accumulator->extended();
        return metrics;
    }));
}

void RunController::completePoint(PointResult result)
{
    result.index = m_pointIndex;
    result.point = m_points.at(m_pointIndex);
    result.harness = assessHarness(result, m_pendingHarness);
    const bool datasetFailed = !m_datasetError.message.isEmpty();
    result.stopped = (m_stopRequests > 0 || datasetFailed) && m_dispatcher->claimed() < m_dispatcher->total();
    result.warmupRequests = m_traceSchedule
        ? std::min(m_config.warmupCount(pointRequests(result.point.number)), pointRequests(result.point.number))
        : m_config.warmupCount(result.point.number);
    result.status = result.stopped ? QStringLiteral("stopped") : QStringLiteral("completed");
    result.hasSummary = true;
    result.requestCount = m_pointRecords; // warmup included, as the project file counts them
    if (m_pointIndex < m_probeTags.size())
        result.slaProbe = m_probeTags.at(m_pointIndex);
    m_results.append(result);
    // The tuner judges a probe only when it ran to its end: a stopped or failed run asks for no further probe.
    const bool probeComplete = m_tuner && m_stopRequests == 0 && !datasetFailed;
    if (probeComplete)
        m_tuner->addResult(result.slaProbe.value, result);
    m_dispatcher.reset();
    if (m_store)
        m_store->finishPoint(m_runId, result);
    publishSnapshot();
    Q_EMIT pointFinished(result);

    if (datasetFailed) {
        finishRun(RunState::Failed, m_datasetError);
        return;
    }
    if (probeComplete && m_pointIndex + 1 >= m_points.size()) {
        if (const auto probe = m_tuner->next()) {
            m_points.append(probe->point);
            m_probeTags.append(probe->tag());
        }
    }
    const int anchorPoints = 2 * std::max(1, m_config.numRuns);
    if (m_autoSweep && m_stopRequests == 0 && m_pointIndex + 1 == anchorPoints && m_points.size() == anchorPoints) {
        for (const RunPoint& p : m_autoSweep->between(m_results.mid(0, anchorPoints), m_config.numRuns)) {
            for (int i = 0; i < std::max(1, m_config.numRuns); ++i)
                m_points.append(p);
        }
    }
    if (m_stopRequests > 0 || m_pointIndex + 1 >= m_points.size()) {
        finishRun(m_stopRequests > 0 ? RunState::Stopped : RunState::Finished);
        return;
    }
    if (m_config.sleepInterval > 0) {
        m_state = RunState::Sleeping;
        publishSnapshot();
        m_sleepTimer->start(m_config.sleepInterval * 1000);
    } else {
        startPoint(m_pointIndex + 1);
    }
}

void RunController::finishRun(RunState state, const ConfigError& error)
{
    m_snapshotTimer->stop();
    m_sleepTimer->stop();
    m_durationTimer->stop();
    m_state = state;
    if (m_store)
        m_store->finishRun(m_runId, runStateName(state));
    m_factory.reset();
    publishSnapshot();
    Q_EMIT runFinished(state, error);
}

void RunController::stop()
{
    ++m_stopRequests;
    switch (m_state) {
    case RunState::Testing:
        if (m_connectionTest) {
            m_connectionTest->cancel();
            m_connectionTest->deleteLater();
            m_connectionTest = nullptr;
        }
        finishRun(RunState::Stopped);
        break;
    case RunState::Sleeping:
        finishRun(RunState::Stopped);
        break;
    case RunState::Running:
        stopDispatching();
        if (m_stopRequests >= 2) {
            for (Worker* w : m_workers)
                QMetaObject::invokeMethod(w, &Worker::abortAll, Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
}

void RunController::onDurationElapsed()
{
    if (m_config.multiTurn && m_dispatcher) { // trace-level soft exit: claimed conversations run every turn left
        m_dispatcher->stopConversations();
        return;
    }
    stopDispatching();
}

void RunController::stopDispatching()
{
    if (m_dispatcher)
        m_dispatcher->requestStop();
    for (Worker* w : m_workers)
        QMetaObject::invokeMethod(w, &Worker::stopDispatch, Qt::QueuedConnection);
}

void RunController::fail(const ConfigError& error)
{
    if (m_state == RunState::Testing) {
        if (m_connectionTest) {
            m_connectionTest->cancel();
            m_connectionTest->deleteLater();
            m_connectionTest = nullptr;
        }
        finishRun(RunState::Failed, error);
        return;
    }
    onDatasetFailed(error);
}

void RunController::onDatasetFailed(const ConfigError& error)
{
    if (!m_datasetError.message.isEmpty() || !isRunning())
        return; // the run already ended, or is failing already
    m_datasetError = error;
    if (m_state == RunState::Sleeping) {
        finishRun(RunState::Failed, error);
        return;
    }
    stopDispatching(); // in-flight requests finish and are kept; finishPoint() then fails the run
}

void RunController::publishSnapshot()
{
    auto snap = std::make_shared<RunSnapshot>();
    snap->runId = m_runId;
    snap->state = m_state;
    snap->pointIndex = m_pointIndex;
    snap->pointCount = int(m_points.size());
    if (m_pointIndex >= 0 && m_pointIndex < m_points.size())
        snap->point = m_points.at(m_pointIndex);
    snap->probe = m_probeTags.value(m_pointIndex);
    snap->total = snap->point.number;
    if (m_state == RunState::Running)
        m_live.sample(monotonicNs());
    snap->completed = m_live.completed();
    snap->failed = m_live.failed();
    snap->inFlight = m_live.inFlight();
    snap->elapsedS = m_pointStartNs != 0 ? double(monotonicNs() - m_pointStartNs) / 1e9 : 0.0;
    snap->series = m_live.points();
    snap->results = m_results;
    m_snapshot = std::move(snap);
    Q_EMIT snapshotAvailable(m_snapshot);
}

} // namespace tl
