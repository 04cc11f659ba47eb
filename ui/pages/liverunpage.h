#pragma once

#include "charts/sweepcurvechart.h"
#include "engine/runsnapshot.h"
#include "liverunstats.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;

namespace tl {

class HistogramChartView;
class LiveChartView;

// What a run is doing now: overall and per-point progress (counts, elapsed, remaining estimate, in flight),
// success, failure and abort counters with failures by class and the latest errors, a harness-health marker, and
// live charts (time series, sweep curve, TTFT and ITL histograms), all redrawn from the controller's snapshots
// (4 Hz) and the records it forwards.
class LiveRunPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRunPage)

public:
    explicit LiveRunPage(QWidget* parent = nullptr);
    ~LiveRunPage() override;

    // A new run aimed at `target` (model @ URL) over `points` begins: clears the page.
    void beginRun(const QString& target, const QList<RunPoint>& points = {});
    void showSnapshot(const RunSnapshot& snapshot);
    // The controller's pointStarted: records from now on belong to point `index`.
    void startPoint(int index, const tl::RunPoint& point);
    void addRecords(const QList<tl::RequestRecord>& records);
    // 0: not stopping; 1: draining (the button now aborts); 2: aborting.
    void setStopStage(int stage);
    void finishRun(RunState state);
    void setStopEnabled(bool enabled);
    LiveChartView* chart() const { return m_chart; }
    SweepCurveChart* curve() const { return m_curve; }
    const LiveRunStats& stats() const { return m_stats; }

Q_SIGNALS:
    void stopRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildCounters(QWidget* parent);
    QString progressText(const RunSnapshot& s) const;
    QString overallText(const RunSnapshot& s) const;
    QString stateText(RunState state) const;
    void updateCounters();
    void updateHealth(const RunSnapshot& s);
    void updateCharts(const RunSnapshot& s);
    void drawNextChart();
    static QString loadLabel(const RunPoint& point);
    static QString duration(double seconds);

    LiveRunStats m_stats;
    QList<RunPoint> m_points;
    QLabel* m_target = nullptr;
    QLabel* m_overall = nullptr;
    QLabel* m_progress = nullptr;
    QProgressBar* m_overallBar = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_succeeded = nullptr;
    QLabel* m_failed = nullptr;
    QLabel* m_aborted = nullptr;
    QLabel* m_byClass = nullptr;
    QLabel* m_health = nullptr;
    QListWidget* m_errors = nullptr;
    LiveChartView* m_chart = nullptr;
    SweepCurveChart* m_curve = nullptr;
    HistogramChartView* m_histogram = nullptr;
    HistogramChartView* m_itlHistogram = nullptr;
    int m_pointIndex = -1; // of the last snapshot
    int m_recordPoint = -1; // of the records arriving
    int m_stopStage = 0;
    // Records arrived (or a point or run began) since the charts last read m_stats: the histograms and the running
    // point's percentiles are recomputed only then.
    bool m_statsChanged = true;
    std::optional<SweepCurveChart::Point> m_runningPercentiles;

    // A snapshot's charts are drawn one at a time, kChartStepMs apart, not all in the snapshot's slot: each chart's
    // redraw, and the scene work Qt posts after it, is then a pass of the event loop of its own. Drawn all at once,
    // a 500-stream run's snapshot held the GUI thread for 35-65 ms in one pass (bench_guilag). What is still to be
    // drawn, from the latest snapshot:
    static constexpr int kChartStepMs = 4;
    QTimer* m_chartTimer = nullptr;
    bool m_clearSeries = false;
    std::optional<QVector<LivePoint>> m_pendingSeries;
    bool m_pendingTtftSeries = false; // m_pendingSeries drawn on the throughput chart, not yet on the TTFT one
    std::optional<std::pair<QList<SweepCurveChart::Point>, std::optional<SweepCurveChart::Point>>> m_pendingCurve;
    std::optional<LiveRunStats::Histogram> m_pendingTtft;
    std::optional<LiveRunStats::Histogram> m_pendingItl;
};

} // namespace tl
