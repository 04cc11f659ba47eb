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
#include <QtConcurrent>

#include <algorithm>

namespace tl {

void ResultsPage::showRun(const QString& projectPath, const QString& runId)
{
    m_projectPath = projectPath;
    m_pendingRunId = runId;
    const int generation = ++m_generation;
    m_message->setText(tr("Loading the run…"));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onLoaded(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([projectPath, runId, generation] {
        QElapsedTimer timer;
        timer.start();
        Loaded out;
        out.generation = generation;
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
    m_pendingRunId.clear();
    if (!loaded.run) {
        m_message->setText(tr("The run could not be read: %1").arg(loaded.error));
        Q_EMIT loadFailed(loaded.error);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    m_message->clear();
    m_run = loaded.run;
    m_requestTable = loaded.table;
    m_precomputed = loaded.charts;
    ++m_goodputGeneration;
    m_goodputLine->clear();
    m_failures->setFailures(loaded.failures);
    showPoints(m_run->points);
    m_slaSearch->attachTo(m_tabs, 2, *m_run);
    m_requests->setTable(m_requestTable, pointLabels(), m_run);
    m_conversations->setGroups(loaded.conversations);
    m_requestView->sortByColumn(RequestTableModel::Point, Qt::AscendingOrder);
    fillConfig();
    updateHeader();
    m_lastShowMs = timer.elapsed();
    m_lastLoadMs = loaded.elapsedMs + m_lastShowMs;
    Q_EMIT runLoaded(m_run->id);
}

} // namespace tl
