#pragma once

#include "engine/runsnapshot.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tl {

class LiveChartView;

// What a run is doing now: a one-line progress summary, a progress bar for the current point and the live
// charts of that point, all drawn from the controller's snapshots.
class LiveRunPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRunPage)

public:
    explicit LiveRunPage(QWidget* parent = nullptr);
    ~LiveRunPage() override;

    // A new run aimed at `target` (model @ URL) begins: clears the charts.
    void beginRun(const QString& target);
    void showSnapshot(const RunSnapshot& snapshot);
    void setStopEnabled(bool enabled);
    LiveChartView* chart() const { return m_chart; }

Q_SIGNALS:
    void stopRequested();

private:
    QString progressText(const RunSnapshot& s) const;
    QString stateText(RunState state) const;

    QLabel* m_target = nullptr;
    QLabel* m_progress = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_stop = nullptr;
    LiveChartView* m_chart = nullptr;
    int m_pointIndex = -1;
};

} // namespace tl
