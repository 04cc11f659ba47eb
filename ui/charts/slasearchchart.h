#pragma once

#include "metrics/slatuner.h"
#include "model/rundata.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;

namespace tl {

// The search of an SLA auto-tune run (--sla-auto-tune) replayed from its stored probes: the searched variable
// against one criterion's metric, each run as a small point, each value's mean with its confidence interval marked
// by its verdict (pass, fail, judged on the mean), the threshold as a dashed line, and the answer per group above.
class SlaSearchChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlaSearchChart)

public:
    explicit SlaSearchChart(QWidget* parent = nullptr);
    ~SlaSearchChart() override;

    // Replays `points` (those tagged with a probe) under `config`'s SLA settings; false, and empty, when the run is
    // no SLA auto-tune or has no probe.
    bool setRun(const RunConfig& config, const QList<PointResult>& points);
    bool hasProbes() const { return m_tuner.has_value() && !m_tuner->probedValues().isEmpty(); }
    // Shows this widget as the "SLA search" tab of `tabs` (at `index`) when `run` has probes; removes it otherwise.
    void attachTo(QTabWidget* tabs, int index, const RunData& run);

    QString answerText() const;
    QChart* chart() const { return m_chart; }
    // The criteria the chart can show ("group 1: p99_latency <= 0.33 s", ...).
    QStringList criteria() const;
    void showCriterion(int index);

private:
    void rebuild();

    std::optional<SlaTuner> m_tuner;
    QList<QPair<int, int>> m_criteria; // (group, criterion) of each combo entry
    QComboBox* m_criterionCombo = nullptr;
    QLabel* m_criterionLabel = nullptr;
    QLabel* m_answer = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
};

} // namespace tl
