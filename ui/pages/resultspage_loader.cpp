#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "charts/slasearchchart.h"
#include "models/failuretablemodel.h"
#include "models/requesttable.h"
#include "models/requesttablemodel.h"
#include "models/summarytablemodel.h"
#include "pages/conversationview.h"
#include "storage/projectreader.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLabel>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace tl {

namespace {

// Puts the calling thread below the GUI thread: on Linux a nice value 5 above the process's main thread (the thread
// keeps it: lowering a nice value again needs a privilege, so the loader has its own pool). Elsewhere nothing.
void lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    constexpr int kLower = 5;
    errno = 0;
    const int base = ::getpriority(PRIO_PROCESS, id_t(::getpid()));
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), std::min(base + kLower, 19));
#endif
}

} // namespace

void ResultsPage::showRun(const QString& projectPath, const QString& runId)
{
    m_projectPath = projectPath;
    m_pendingRunId = runId;
    const int generation = ++m_generation;
    m_showSteps.clear();
    m_message->setText(tr("Loading the run…"));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onLoaded(watcher->result());
    });
    m_latestLoad->store(generation);
    watcher->setFuture(QtConcurrent::run(m_loadPool, [projectPath, runId, generation, latest = m_latestLoad] {
        QElapsedTimer timer;
        timer.start();
        Loaded out;
        out.generation = generation;
        if (latest->load() != generation)
            return out; // another run was asked for while this one waited for the loader's thread
        // Below the GUI thread: on a busy machine the reading must not hold the GUI thread's core for 100 ms.
        lowerThreadPriority();
        ProjectReader reader;
        QString error;
        if (!reader.open(projectPath, &error)) {
            out.error = error;
            return out;
        }
        // Lazily: the points' stored results, then every request streamed into the compact table (of the events only
        // what TTFT, latency and TPOT read); a request's full record is read when the detail view asks for it.
        std::optional<RunData> run = reader.run(runId);
        if (run)
            run->points = reader.points(runId, false);
        if (!run || !reader.lastError().isEmpty()) {
            out.error
                = reader.lastError().isEmpty() ? tr("the run %1 is not in the project").arg(runId) : reader.lastError();
            return out;
        }
        // Points still running (no summary yet) are left out, as the summary table does.
        run->points.erase(
            std::remove_if(run->points.begin(), run->points.end(), [](const PointResult& p) { return !p.hasSummary; }),
            run->points.end());
        QHash<int, int> position; // stored point index -> position in run->points
        for (int i = 0; i < run->points.size(); ++i)
            position.insert(run->points.at(i).index, i);
        auto table = std::make_shared<RequestTable>();
        table->reserve(run->requestCount);
        ConversationTreeModel::Builder conversations;
        reader.forEachRequest(runId, [&table, &position, &conversations](int storedPoint, const RequestRecord& r) {
            const auto it = position.constFind(storedPoint);
            if (it != position.constEnd()) {
                table->append(*it, -1, r);
                conversations.add(storedPoint, r);
            }
        });
        if (!reader.lastError().isEmpty()) {
            out.error = reader.lastError();
            return out;
        }
        table->finish();
        auto shared = std::make_shared<const RunData>(std::move(*run));
        out.failures = FailureTableModel::group(*table);
        if (!shared->points.isEmpty()) {
            const int last = int(shared->points.size()) - 1;
            out.charts = std::make_shared<const PointCharts>(
                computePointCharts(*table, last, readItlRecords(reader, runId, shared->points.at(last).index)));
        }
        out.conversations = conversations.finish();
        out.table = std::move(table);
        out.run = std::move(shared);
        out.elapsedMs = timer.elapsed();
        return out;
    }));
}

void ResultsPage::onLoaded(const Loaded& loaded)
{
    if (loaded.generation != m_generation)
        return;
    if (!loaded.run) {
        m_pendingRunId.clear();
        m_message->setText(tr("The run could not be read: %1").arg(loaded.error));
        Q_EMIT loadFailed(loaded.error);
        return;
    }
    // Showing a run of many points and requests takes longer than a frame on the GUI thread, so it is done in steps,
    // each in its own turn of the event loop (input and paints in between): the visible summary first, then the other
    // tabs. isLoading() stays true and runLoaded() waits for the last step.
    m_lastShowMs = 0;
    m_lastShowSteps.clear();
    m_showSteps = {
        [this, loaded] {
            m_message->clear();
            m_run = loaded.run;
            m_requestTable = loaded.table;
            m_precomputed = loaded.charts;
            ++m_goodputGeneration;
            m_goodputLine->clear();
            m_failures->setFailures(loaded.failures);
            showSummary(m_run->points);
            updateHeader();
        },
        [this] { updateSweepCharts(); },
        [this] { updatePercentileCharts(); },
        [this] {
            // The loader's charts are those of the last point, the one chosen after a load; any other is computed.
            ++m_chartGeneration;
            if (m_precomputed && m_precomputed->point == currentPoint())
                showPointHistograms(*m_precomputed);
            else
                requestPointCharts();
        },
        [this] {
            if (m_precomputed && m_precomputed->point == currentPoint())
                showPointScatters(*m_precomputed, PointScatters::Ttft);
        },
        [this] {
            if (m_precomputed && m_precomputed->point == currentPoint())
                showPointScatters(*m_precomputed, PointScatters::Latency);
        },
        [this] {
            if (m_precomputed && m_precomputed->point == currentPoint())
                showPointScatters(*m_precomputed, PointScatters::Timeline);
        },
        [this] {
            m_slaSearch->attachTo(m_tabs, 2, *m_run);
            m_requests->setTable(m_requestTable, pointLabels(), m_run);
            m_requestView->sortByColumn(RequestTableModel::Point, Qt::AscendingOrder);
        },
        [this, conversations = loaded.conversations] { m_conversations->setGroups(conversations); },
        [this, elapsedMs = loaded.elapsedMs] {
            fillConfig();
            m_lastLoadMs = elapsedMs; // the showing's time is added when the last step is done
        },
    };
    showNextStep(m_generation);
}

void ResultsPage::showNextStep(int generation)
{
    if (generation != m_generation || m_showSteps.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    const std::function<void()> step = m_showSteps.takeFirst();
    step();
    m_lastShowSteps.append(timer.elapsed());
    m_lastShowMs += m_lastShowSteps.constLast();
    if (!m_showSteps.isEmpty()) {
        // A real timer, not a posted call: the scene work Qt posts after a step's charts then runs in a pass of the
        // event loop of its own, before the next step, rather than in one pass with it (bench_guilag: 30-40 ms).
        QTimer::singleShot(kShowStepMs, Qt::PreciseTimer, this, [this, generation] { showNextStep(generation); });
        return;
    }
    m_lastLoadMs += m_lastShowMs;
    m_pendingRunId.clear();
    Q_EMIT runLoaded(m_run->id);
}

} // namespace tl
