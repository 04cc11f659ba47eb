#pragma once

#include "config/runconfig.h"
#include "engine/connectiontest.h"
#include "engine/promptprefetcher.h"
#include "engine/responselimits.h"
#include "engine/runsnapshot.h"
#include "metrics/autosweep.h"
#include "metrics/harnesshealth.h"
#include "metrics/liveseries.h"
#include "metrics/pointaccumulator.h"
#include "metrics/slatuner.h"
#include "net/transport.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

class QThread;
class QTimer;

namespace tl {

class ConnectionTest;
class Dispatcher;
class RunSink;
class RequestFactory;
class Worker;

// Runs a benchmark: validates the config, tests the connection, then runs each point of the sweep on worker
// threads, aggregates their batches, stores every request and publishes immutable snapshots a few times a
// second. Owns no sockets itself: it lives on the GUI thread (or the CLI's main thread) and only coordinates.
class RunController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Validates and starts. Returns the problems (each naming its field) instead of starting when there are any.
    // `sink` (the project store, normally) may be null; when given it must outlive the run.
    ConfigErrors start(const RunConfig& config, RunSink* sink = nullptr);
    // First call: no new requests, in-flight ones finish (soft stop). Second call: abort those too.
    void stop();
    // Ends the run as Failed with `error` (e.g. the project file cannot store its requests): no new request is sent,
    // those in flight finish and are counted.
    void fail(const tl::ConfigError& error);

    bool isRunning() const;
    RunState state() const { return m_state; }
    RunSnapshotPtr snapshot() const { return m_snapshot; }
    QString runId() const { return m_runId; }
    // What carries the requests of the run started last (--transport, auto resolved).
    Transport::Kind transport() const { return m_transport; }
    const QList<PointResult>& results() const { return m_results; }
    // --sla-auto-tune: the search of the run started last (its probes so far and what they say); null otherwise.
    const SlaTuner* slaTuner() const { return m_tuner ? &*m_tuner : nullptr; }
    // The SLA probe point `index` measures (invalid when the run is no SLA auto-tune).
    SlaProbe probeOf(int index) const { return m_probeTags.value(index); }
    // The points planned so far: grows as SLA probes are asked for and once --sweep auto's anchors are measured.
    int plannedPoints() const { return int(m_points.size()); }
    // How the phases run so far had their request bodies: built ahead by the look-ahead producer (hits) or on a
    // worker thread because it had not got there (misses); held and peak figures are the largest of any phase.
    PromptPrefetcher::Stats prefetchStats() const { return m_prefetchStats; }
    // Worker threads used for a point of the given parallelism.
    static int workerCountFor(int parallel, int configured);

    void setSnapshotIntervalMs(int ms);
    // How long the connection test waits between attempts while the server is not up (ConnectionTest; tests).
    void setConnectionTestRetryIntervalMs(int ms) { m_connectionRetryMs = ms; }
    // How much of an answer the next run's requests (and its connection test) may hold; defaults otherwise.

Q_SIGNALS:
    void runStarted(const QString& runId);
    void pointStarted(int index, tl::RunPoint point);
    void snapshotAvailable(tl::RunSnapshotPtr snapshot);
    void pointFinished(const tl::PointResult& result);
    // Finished requests as they arrive from the workers (one signal per worker batch, ~20 a second per worker),
    // warmup included, for views and tools that want the raw records; the project file stores the same.
    void recordsArrived(const QList<tl::RequestRecord>& records);
    // The run ended: finished, stopped by the user, or failed (the connection test, or a malformed dataset line met
    // during the run: what was measured until then is kept and stored): `error` is empty unless it failed.
    void runFinished(tl::RunState state, const tl::ConfigError& error);
    // The connection test's attempt failed because the server is not up yet; it is sent again in `inMs`.
    void connectionTestRetrying(int attempt, const QString& why, int inMs);

private:
    void onConnectionTestDone();
    enum class Phase { Warmup, Timed };
    void startPoint(int index);
    void startPhase(Phase phase, int requests);
    void onBatch(const tl::WorkerBatch& batch);
    void onWorkerFinished();
    void finishPoint();
    void completePoint(PointResult result); // with the metrics finishPoint() computed off this thread
    void finishRun(RunState state, const ConfigError& error = {});
    void publishSnapshot();
    void stopWorkers();
    void stopDispatching(); // soft stop: no new request; in-flight ones finish
    void onDurationElapsed(); // --duration: soft stop (multi-turn: no new conversation; claimed ones finish)
    void onDatasetFailed(const tl::ConfigError& error); // the prompts cannot go on: stop dispatching, then fail
    void stopPrefetcher();

    RunConfig m_config;
    std::pair<qint64, qint64> m_pointMachineTicks{-1, -1}; // machine busy/total CPU ticks then
    double m_pointCpuSeconds = 0; // process CPU time when the timed phase began (harness health)
    HarnessSample m_pendingHarness; // taken when the point's last request ended, judged when its metrics are ready
    quint64 m_runSeed = 0; // the seed of every repetition of a point when --seed is not given (--num-runs)
    QList<RunPoint> m_points; // --sla-auto-tune: the probes so far, one appended as each point ends
    std::optional<SlaTuner> m_tuner;
    std::optional<AutoSweep> m_autoSweep; // --sweep auto
    QList<SlaProbe> m_probeTags; // the probe of each point of m_points (SLA auto-tune)
    RunSink* m_store = nullptr;
    std::shared_ptr<const RequestFactory> m_factory;
    Transport::Kind m_transport = Transport::Kind::Lean;
    ResponseLimits m_limits;
    std::shared_ptr<Dispatcher> m_dispatcher;
    std::shared_ptr<PromptPrefetcher> m_prefetcher; // the current phase's look-ahead producer
    PromptPrefetcher::Stats m_prefetchStats;
    ConfigError m_datasetError; // set when the dataset failed during the run
    std::vector<QThread*> m_threads;
    std::vector<Worker*> m_workers;
    ConnectionTest* m_connectionTest = nullptr;
    QTimer* m_snapshotTimer = nullptr;
    QTimer* m_sleepTimer = nullptr;
    QTimer* m_durationTimer = nullptr;
    Phase m_phase = Phase::Timed;
    LiveSeries m_live;
    PointAccumulator m_accumulator; // the timed phase's records, folded as they arrive
    qint64 m_pointRecords = 0; // records of the current point, warmup included
    QList<PointResult> m_results;
    RunSnapshotPtr m_snapshot;
    QString m_runId;
    RunState m_state = RunState::Idle;
    int m_pointIndex = -1;
    int m_workersRunning = 0;
    int m_stopRequests = 0;
    int m_connectionRetryMs = ConnectionTest::kRetryIntervalMs;
    qint64 m_pointStartNs = 0;
    qint64 m_runAnchorNs = 0;
    // --multi-turn: the next conversation to claim, shared by every phase and point of the run
    std::shared_ptr<std::atomic<qint64>> m_conversationCursor;
    // workload_trace: the dataset's own arrival offsets (owned by the factory's source); null otherwise.
    const std::vector<qint64>* m_traceSchedule = nullptr;
    // Requests of a point of `number` (a trace replays at most its records) and its separate warmup phase's size
    // (none for a trace: its warmup records are inline on the timeline).
    int pointRequests(int number) const;
    int warmupPhase(int number) const;
};

} // namespace tl
