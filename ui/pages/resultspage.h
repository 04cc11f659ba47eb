#pragma once

#include "engine/runsnapshot.h"
#include "model/goodput.h"
#include "model/rundata.h"

#include <QSize>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QThreadPool;
class QTreeWidget;

namespace tl {

class AppSettings;
class ProjectReader;
class ConversationView;
class FailureTableModel;
class PercentileTableModel;
class RequestTableModel;
class RequestTimelineView;
class SlaSearchChart;
class SummaryTableModel;
class SweepChartView;
class SweepCurveChart;
class XYChartView;
struct RequestTable;

// The results of one run. A stored run is read from the project file on a pool thread (showRun) and shown as:
// a header (name, model, target, date, status, failures marked), the summary table, the chosen point's
// percentile table and the failures by class and HTTP status (Summary); sweep charts of any catalogue metric against
// the load and the throughput–latency curve (Sweep); the chosen point's percentile curves, TTFT and ITL histograms,
// request timeline and scatters (Point); every request, filtered and sorted, with one request's detail (Requests);
// the configuration from the parameter registry (Configuration). Every chart exports to PNG/SVG and the clipboard,
// every table to CSV, the run to an HTML report and an EvalScope folder; files are written off the GUI thread.
// A live run shows its summary and sweep through setResults().
class ResultsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    // One metric the sweep chart can draw.
    struct SweepMetric {
        QString name;
        QString unit;
        std::function<double(const PointResult&)> value;
    };

    explicit ResultsPage(QWidget* parent = nullptr);
    ~ResultsPage() override;

    void setSettings(AppSettings* settings) { m_settings = settings; }
    // A project open read-only (browsing): Rename, Tags, Notes and Re-run are disabled.
    void setReadOnly(bool readOnly);
    // A run in progress or just finished: its summary and sweep, no requests.
    void setResults(const QString& title, const QList<PointResult>& results);
    // Reads run `runId` from the project file at `projectPath` off the GUI thread; runLoaded() when shown.
    void showRun(const QString& projectPath, const QString& runId);
    // The stored run's name, notes and tags changed (rename, tags, notes): shows them without reading it again.
    void updateRunInfo(const RunData& listed);
    bool isLoading() const;
    QString runId() const;
    const RunData* run() const { return m_run.get(); }

    SummaryTableModel* model() const { return m_model; }
    RequestTableModel* requestModel() const { return m_requests; }
    FailureTableModel* failureModel() const { return m_failures; }
    PercentileTableModel* percentileModel() const { return m_percentiles; }
    static QList<SweepMetric> sweepMetrics();
    void setSweepMetric(int index);
    void setPoint(int index); // the point of the Point tab and the percentile table
    int currentPoint() const;
    // "What if" SLOs: goodput and each SLO's attainment of every point recomputed from the stored per-request values
    // (the request table's TTFT, TPOT and latency) on a pool thread; goodputApplied() when shown in the summary, the
    // sweep metrics and the line under the SLO fields. False when there is nothing to recompute from.
    bool applyGoodputSlo(const SloSpec& slo);
    static QList<PointResult> goodputFromTable(
        QList<PointResult> points, const RequestTable& table, const SloSpec& slo);
    const QList<PointResult>& points() const { return m_points; }
    // The last showRun(): reading and indexing on the pool thread plus showing on the GUI thread, and the latter.
    qint64 lastLoadMs() const { return m_lastLoadMs; }
    qint64 lastShowMs() const { return m_lastShowMs; }
    // The GUI-thread steps of the last showRun()'s showing, in ms each (each separated by a turn of the event loop).
    const QList<qint64>& lastShowStepsMs() const { return m_lastShowSteps; }

    // Exports (the menus ask for the file first). Each returns false when nothing was started; exportFinished
    // follows otherwise.
    bool exportChart(QWidget* chart, const QString& path, QSize size, int dpi);
    void copyChart(QWidget* chart);
    bool exportTableCsv(const QAbstractItemModel* model, const QString& path);
    bool exportRequestsCsv(const QString& path);
    bool exportHtml(const QString& path);
    bool exportEvalScope(const QString& folder);
    // Every chart of the page (summary, sweep and point tabs) as `<defaultExportName()>_<chart>.png` and `.svg` in
    // `folder`: rendered here (widgets live on the GUI thread), written on a pool thread.
    bool exportAllCharts(const QString& folder, QSize size, int dpi);
    QList<QWidget*> charts() const { return m_charts; }
    int pendingExports() const { return m_pendingExports; }
    // The same exports with the file or folder asked first (defaults named after the run and date, in the last folder
    // used): what File > Export and the page's own buttons call.
    void askExportAllCharts();
    void askExportSummaryCsv();
    void askExportRequestsCsv();
    void askExportHtml();
    void askExportEvalScope();
    // "<run name>_<yyyyMMdd-HHmm>" with characters that are not safe in a file name replaced.
    QString defaultExportName() const;

Q_SIGNALS:
    void runLoaded(const QString& runId);
    void goodputApplied();
    void requestDetailShown(); // the detail view shows the current request (read from the project when needed)
    void pointChartsShown(int point); // the Point tab shows point `point`'s requests
    void loadFailed(const QString& message);
    void exportFinished(bool ok, const QString& message);
    void renameRequested(const QString& runId);
    void tagsRequested(const QString& runId);
    void notesRequested(const QString& runId);
    void rerunRequested(const QString& runId);

private:
    struct Loaded;
    struct PointCharts;
    // From the request table's rows of point `index` and the first requests of the point in full (ITL samples).
    static PointCharts computePointCharts(const RequestTable& table, int index, const QList<RequestRecord>& itlRecords);
    // The first requests of a stored point, in full, for the ITL histogram (the rest of the charts read the table).
    static QList<RequestRecord> readItlRecords(const ProjectReader& reader, const QString& runId, int storedPoint);
    // Reads `runId` with every request (what the EvalScope export writes) when `run` holds no records.
    static std::shared_ptr<const RunData> withRecords(
        const QString& projectPath, std::shared_ptr<const RunData> run, QString* error);
    void showRecordDetail(const RequestRecord& r, const QString& pointLabel);
    void showPointCharts(const PointCharts& charts); // the histograms, then the scatters and timeline
    void showPointHistograms(const PointCharts& charts);
    enum class PointScatters { All, Ttft, Latency, Timeline };
    // The two scatters and the timeline (pointChartsShown() with the timeline), or one of them.
    void showPointScatters(const PointCharts& charts, PointScatters which = PointScatters::All);
    QWidget* buildSummaryTab();
    QWidget* buildGoodputRow(QWidget* parent);
    void showGoodput(const QList<PointResult>& points);
    QWidget* buildSweepTab();
    QWidget* buildPointTab();
    QWidget* buildRequestsTab();
    QWidget* buildConfigTab();
    QWidget* framed(QWidget* chart);
    void addTableActions(QTableView* view, const QString& name);
    void onLoaded(const Loaded& loaded);
    void showNextStep(int generation);
    void showPoints(const QList<PointResult>& points);
    void showSummary(const QList<PointResult>& points); // showPoints() without the sweep and point charts
    void updateHeader();
    void updateSweepCharts();
    void updatePointCharts(); // updatePercentileCharts(), then requestPointCharts()
    void updatePercentileCharts(); // the percentile table and curves of the chosen point, from its stored table
    void requestPointCharts(); // the charts from the point's requests: precomputed, or computed on a pool thread
    void updateRequestFilter();
    void showRequestDetail();
    void fillConfig();
    void copyCommand();
    void askExportChart(QWidget* chart);
    void askExportTable(const QAbstractItemModel* model, const QString& what);
    void startJob(const QString& done, std::function<QString()> work);
    QString exportFolder() const;
    void rememberFolder(const QString& path);
    QStringList pointLabels() const;

    AppSettings* m_settings = nullptr;
    QString m_projectPath;
    QString m_pendingRunId;
    int m_generation = 0;
    int m_pendingExports = 0;
    qint64 m_lastLoadMs = -1;
    qint64 m_lastShowMs = -1;
    QList<std::function<void()>> m_showSteps; // what is left of showing a loaded run, kShowStepMs apart
    static constexpr int kShowStepMs = 3;
    QList<qint64> m_lastShowSteps;
    QThreadPool* m_loadPool = nullptr; // the loader's thread, below the GUI thread's priority
    std::shared_ptr<std::atomic_int> m_latestLoad = std::make_shared<std::atomic_int>(0); // loads queued before it skip
    std::shared_ptr<const RunData> m_run;
    std::shared_ptr<const RequestTable> m_requestTable;
    QList<PointResult> m_points;
    std::shared_ptr<const PointCharts> m_precomputed; // the loader's charts of the run's last point
    int m_chartGeneration = 0;
    int m_detailGeneration = 0;
    QList<SweepMetric> m_metrics;

    QLabel* m_title = nullptr;
    QLabel* m_badge = nullptr;
    QLabel* m_meta = nullptr;
    QLabel* m_message = nullptr;
    QList<QPushButton*> m_runButtons;
    bool m_readOnly = false;
    QTabWidget* m_tabs = nullptr;
    SlaSearchChart* m_slaSearch = nullptr; // a tab only for SLA auto-tune runs
    QComboBox* m_pointCombo = nullptr;
    SummaryTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QList<QWidget*> m_charts; // every chart framed(), in page order
    SweepChartView* m_chart = nullptr;
    PercentileTableModel* m_percentiles = nullptr;
    FailureTableModel* m_failures = nullptr;
    ConversationView* m_conversations = nullptr; // --multi-turn runs: requests by conversation
    QLabel* m_failureTitle = nullptr;
    QComboBox* m_metricCombo = nullptr;
    XYChartView* m_sweepMetric = nullptr;
    SweepCurveChart* m_curve = nullptr;
    XYChartView* m_percentileCurves = nullptr;
    XYChartView* m_ttftHistogram = nullptr;
    XYChartView* m_itlHistogram = nullptr;
    RequestTimelineView* m_timeline = nullptr;
    XYChartView* m_ttftScatter = nullptr;
    XYChartView* m_latencyScatter = nullptr;
    RequestTableModel* m_requests = nullptr;
    QTableView* m_requestView = nullptr;
    QCheckBox* m_failedOnly = nullptr;
    QComboBox* m_classFilter = nullptr;
    QComboBox* m_pointFilter = nullptr;
    QSpinBox* m_slowest = nullptr;
    QLabel* m_requestCount = nullptr;
    QTextBrowser* m_detail = nullptr;
    QTreeWidget* m_config = nullptr;
    QDoubleSpinBox* m_sloTtft = nullptr;
    QDoubleSpinBox* m_sloTpot = nullptr;
    QDoubleSpinBox* m_sloE2el = nullptr;
    QPushButton* m_applySlo = nullptr;
    QLabel* m_goodputLine = nullptr;
    int m_goodputGeneration = 0;
};

} // namespace tl
