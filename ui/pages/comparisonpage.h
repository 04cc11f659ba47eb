#pragma once

#include "metrics/runcomparison.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace tl {

class ComparisonChart;
class ComparisonTableModel;

// Two or more stored runs side by side: their sweep curves (any catalogue metric against the load) and
// throughput–latency curves overlaid, the diff table of a matched point (baseline = the first run, against the
// candidate chosen) with bootstrap verdicts, the configuration diff and the warnings when the workloads differ.
// Loading the runs and the bootstrap run on a pool thread (QtConcurrent); the page only shows the result.
class ComparisonPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonPage)

public:
    // What the pool thread hands back: every run (its points' results, no requests) and the baseline against each
    // other run.
    struct Result {
        QList<RunData> runs;
        QList<RunComparison> comparisons; // comparisons[i]: runs[0] against runs[i + 1]
        QString error;
        // Each run's per-point samples (what the verdicts resample), read or taken from the cache given to load().
        QList<QList<PointSamples>> samples;
        int runsRead = 0; // runs whose requests were read (the others came from the cache)
    };
    // A finished run's samples, kept between comparisons: comparing it again reads none of its requests.
    struct CachedSamples {
        QString stamp; // status, points and requests as stored: a run still being written is never reused
        QList<PointSamples> samples;
    };
    using SampleCache = QHash<QString, CachedSamples>; // by run id, for one project file

    explicit ComparisonPage(QWidget* parent = nullptr);
    ~ComparisonPage() override;

    // Compares the runs `runIds` of the project file at `projectPath` (the first is the baseline); at least two.
    void compare(const QString& projectPath, const QStringList& runIds);
    bool isBusy() const;
    const Result& result() const { return m_result; }
    ComparisonTableModel* tableModel() const { return m_model; }
    ComparisonChart* sweepChart() const { return m_sweepChart; }
    ComparisonChart* curveChart() const { return m_curveChart; }
    // Blocking: loads and compares on the calling thread (what the pool thread runs); the samples of a run in
    // `cache` with the same stamp are not read again.
    static Result load(const QString& projectPath, const QStringList& runIds, const SampleCache& cache = {});
    // The stamp a run's cached samples must carry to be reused (empty: never cache it).
    static QString cacheStamp(const RunData& run);
    // Blocking: the runs' stored points and their comparisons without verdicts (no request read, no bootstrap): what
    // the page shows first, in milliseconds, while load() runs.
    static Result loadSummaries(const QString& projectPath, const QStringList& runIds);

    // One chosen point of the baseline against one of the current candidate, whatever their loads ("Compare chosen
    // points"): only those two points' requests are read, on a pool thread; chosenPointsCompared() when shown.
    void compareChosenPoints(int baselinePoint, int candidatePoint);
    // The chosen points' comparison the table shows; nullptr while it shows a matched point.
    const RunComparison* chosenComparison() const { return m_showingChosen ? &m_chosen.comparison : nullptr; }
    struct Chosen {
        RunComparison comparison;
        QString error;
    };
    // Writes the comparison shown (the current candidate, or the chosen points) as a self-contained HTML report to
    // `path` on a pool thread; exportFinished() follows. False when there is nothing to export.
    bool exportHtml(const QString& path);
    // Blocking: reads the two points' requests and compares them (what the pool thread runs).
    static Chosen loadChosen(const QString& projectPath, const QString& baselineId, int baselinePoint,
        const QString& candidateId, int candidatePoint);

Q_SIGNALS:
    void summariesShown(); // the stored values are shown, verdicts pending (their load starts now)
    void comparisonReady(); // the result is shown (or its error)
    void chosenPointsCompared(); // the chosen points' comparison is shown (or its error)
    void exportFinished(bool ok, const QString& message);

private:
    void onLoaded();
    void onSummariesLoaded();
    void showResult(const Result& result, bool verdictsPending);
    void showDiff();
    void updateSweepChart();
    void updateCurveChart();
    void fillPointChoices();
    void onChosenLoaded();
    void showWarnings(const RunComparison& cmp);
    void askExportHtml();
    QString legendName(const RunData& run) const;

    QLabel* m_header = nullptr;
    QLabel* m_warnings = nullptr;
    QComboBox* m_candidate = nullptr;
    QComboBox* m_point = nullptr;
    QComboBox* m_metric = nullptr;
    ComparisonChart* m_sweepChart = nullptr;
    ComparisonChart* m_curveChart = nullptr;
    ComparisonTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QTreeWidget* m_config = nullptr;
    QComboBox* m_basePoint = nullptr;
    QComboBox* m_candPoint = nullptr;
    QPushButton* m_compareChosen = nullptr;
    QPushButton* m_export = nullptr;
    QFutureWatcher<Result>* m_watcher = nullptr;
    QFutureWatcher<Result>* m_summaryWatcher = nullptr;
    QFutureWatcher<Chosen>* m_chosenWatcher = nullptr;
    Result m_result;
    Chosen m_chosen;
    bool m_showingChosen = false;
    QString m_projectPath;
    QStringList m_runIds;
    QString m_cachePath; // the project file m_cache belongs to
    SampleCache m_cache;
};

} // namespace tl
