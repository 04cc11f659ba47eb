#include "pages/liverunpage.h"

#include "charts/histogramchartview.h"
#include "charts/livechartview.h"
#include "charts/sweepcurvechart.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace tl {

namespace {

constexpr int kHistogramBins = 10;
constexpr int kOverallScale = 1000;

QLabel* counterLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// QProgressBar::setValue and setRange (through reset()) repaint the bar at once: QWidget::repaint, which paints every
// dirty region of the window synchronously, from inside the snapshot's slot (a whole-window paint at the end of a
// run). With updates disabled that repaint is skipped, and enabling them again schedules one ordinary update,
// painted with everything else of the frame.
void setBar(QProgressBar* bar, int minimum, int maximum, int value)
{
    if (bar->minimum() == minimum && bar->maximum() == maximum && bar->value() == value)
        return;
    bar->setUpdatesEnabled(false);
    bar->setRange(minimum, maximum);
    bar->setValue(value);
    bar->setUpdatesEnabled(true);
}

} // namespace

LiveRunPage::LiveRunPage(QWidget* parent)
    : QWidget(parent)
    , m_target(new QLabel(tr("No run yet: fill in the Setup page and press Run."), this))
    , m_overall(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_overallBar(new QProgressBar(this))
    , m_bar(new QProgressBar(this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_chart(new LiveChartView(this))
    , m_curve(new SweepCurveChart(this))
    , m_histogram(new HistogramChartView(this))
    , m_itlHistogram(new HistogramChartView(this))
{
    m_target->setObjectName(QStringLiteral("targetLabel"));
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overall->setObjectName(QStringLiteral("overallLabel"));
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    QFont bold = m_progress->font();
    bold.setBold(true);
    m_progress->setFont(bold);
    m_overallBar->setObjectName(QStringLiteral("overallProgress"));
    m_overallBar->setRange(0, kOverallScale);
    m_overallBar->setValue(0);
    m_overallBar->setTextVisible(false);
    m_overallBar->setMaximumHeight(8);
    m_bar->setObjectName(QStringLiteral("pointProgress"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(8);
    // Painted by the style sheet, not the Fusion style: Fusion animates moving stripes on any bar past its minimum,
    // about 60 repaints a second for the whole run (a tenth of the GUI thread's CPU during a run). The busy state of
    // the connection test (range 0-0) still moves.
    for (QProgressBar* bar : {m_overallBar, m_bar})
        bar->setStyleSheet(QStringLiteral("QProgressBar { border: 1px solid palette(mid); border-radius: 2px; "
                                          "background: palette(base); } "
                                          "QProgressBar::chunk { background: palette(highlight); }"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setEnabled(false);
    m_chart->setObjectName(QStringLiteral("liveChart"));
    m_chartTimer = new QTimer(this);
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setTimerType(Qt::PreciseTimer);
    m_chartTimer->setInterval(kChartStepMs);
    connect(m_chartTimer, &QTimer::timeout, this, &LiveRunPage::drawNextChart);
    m_curve->setMinimumHeight(220); // the axis drop-downs above the chart
    m_histogram->setMinimumHeight(180);
    m_curve->setObjectName(QStringLiteral("sweepCurve"));
    m_histogram->setObjectName(QStringLiteral("ttftHistogram"));
    m_itlHistogram->setMinimumHeight(180);
    m_itlHistogram->setObjectName(QStringLiteral("itlHistogram"));
    m_itlHistogram->setKind(tr("ITL"), QColor(0x6a, 0x3d, 0x9a), true);
    connect(m_stop, &QPushButton::clicked, this, &LiveRunPage::stopRequested);
    setStopStage(0);

    auto* header = new QHBoxLayout;
    auto* labels = new QVBoxLayout;
    labels->addWidget(m_target);
    labels->addWidget(m_overall);
    labels->addWidget(m_progress);
    header->addLayout(labels, 1);
    header->addWidget(m_stop, 0, Qt::AlignVCenter);

    auto* charts = new QGridLayout;
    // The time series beside the sweep curve, the two histograms of the current point under them.
    charts->addWidget(m_chart, 0, 0);
    charts->addWidget(m_curve, 0, 1);
    charts->addWidget(m_histogram, 1, 0);
    charts->addWidget(m_itlHistogram, 1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);

    // Counters and charts scroll when the window is small (1024x640) rather than squashing the charts; the header
    // with Stop and the progress bars stays in view.
    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(buildCounters(body));
    bodyLayout->addLayout(charts, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("liveScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_overallBar);
    layout->addWidget(m_bar);
    layout->addWidget(scroll, 1);
    beginRun(m_target->text());
    m_progress->clear();
}

LiveRunPage::~LiveRunPage() = default;

QWidget* LiveRunPage::buildCounters(QWidget* parent)
{
    auto* box = new QWidget(parent);
    m_succeeded = counterLabel("succeededLabel", box);
    m_failed = counterLabel("failedLabel", box);
    m_aborted = counterLabel("abortedLabel", box);
    m_byClass = counterLabel("failuresByClassLabel", box);
    m_byClass->setWordWrap(true);
    m_health = counterLabel("healthLabel", box);
    m_health->setWordWrap(true);
    m_errors = new QListWidget(box);
    m_errors->setObjectName(QStringLiteral("latestErrors"));
    m_errors->setFixedHeight(
        m_errors->fontMetrics().lineSpacing() * LiveRunStats::kLatestErrors + 2 * m_errors->frameWidth() + 4);
    m_errors->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_errors->setTextElideMode(Qt::ElideRight);
    m_errors->setToolTip(tr("The latest failures of the run, newest first"));
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* counts = new QHBoxLayout;
    counts->addWidget(m_succeeded);
    counts->addWidget(m_failed);
    counts->addWidget(m_aborted);
    counts->addStretch(1);
    grid->addLayout(counts, 0, 0);
    grid->addWidget(m_health, 0, 1);
    grid->addWidget(m_byClass, 1, 0);
    grid->addWidget(m_errors, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return box;
}

void LiveRunPage::beginRun(const QString& target, const QList<RunPoint>& points)
{
    m_target->setText(target);
    m_progress->setText(tr("Starting…"));
    m_overall->clear();
    m_points = points;
    setBar(m_bar, 0, 1, 0);
    setBar(m_overallBar, 0, kOverallScale, 0);
    m_pointIndex = -1;
    m_recordPoint = -1;
    m_stats.beginRun();
    m_statsChanged = true;
    m_runningPercentiles.reset();
    m_errors->clear();
    m_chartTimer->stop();
    m_clearSeries = false;
    m_pendingSeries.reset();
    m_pendingTtftSeries = false;
    m_pendingCurve.reset();
    m_pendingTtft.reset();
    m_pendingItl.reset();
    m_chart->clear();
    m_curve->setPoints({}, std::nullopt);
    m_histogram->setHistogram(0, 0, {});
    m_itlHistogram->setHistogram(0, 0, {});
    m_health->setText(tr("Harness health: not measured yet"));
    m_health->setStyleSheet(QString());
    setStopStage(0);
    updateCounters();
}

void LiveRunPage::setStopEnabled(bool enabled)
{
    m_stop->setEnabled(enabled);
}

void LiveRunPage::setStopStage(int stage)
{
    m_stopStage = stage;
    if (stage == 0) {
        m_stop->setText(tr("&Stop"));
        m_stop->setToolTip(tr("First press: send no new requests and let those in flight finish. "
                              "Second press: abort them too."));
    } else {
        m_stop->setText(tr("&Abort In-Flight Requests"));
        m_stop->setToolTip(tr("No new requests are sent. Press again to abort those still in flight; they are counted "
                              "as aborted, apart from server failures."));
    }
}

void LiveRunPage::finishRun(RunState state)
{
    setBar(m_bar, 0, 1, 1);
    if (state == RunState::Finished)
        setBar(m_overallBar, 0, kOverallScale, kOverallScale);
    m_progress->setText(stateText(state));
    setStopStage(0);
}

void LiveRunPage::startPoint(int index, const RunPoint& point)
{
    Q_UNUSED(point)
    m_recordPoint = index;
    m_stats.startPoint(index); // the histogram and the provisional point show only this point's requests
    m_statsChanged = true;
    m_runningPercentiles.reset();
}

void LiveRunPage::addRecords(const QList<RequestRecord>& records)
{
    const int before = int(m_stats.latestErrors().size()) + int(m_stats.failed());
    m_stats.addRecords(records, m_recordPoint);
    m_statsChanged = true;
    if (before != int(m_stats.latestErrors().size()) + int(m_stats.failed())) {
        m_errors->clear();
        for (const QString& error : m_stats.latestErrors()) {
            auto* item = new QListWidgetItem(error, m_errors);
            item->setToolTip(error); // the line is elided; the whole message on hover
        }
    }
}

void LiveRunPage::showSnapshot(const RunSnapshot& snapshot)
{
    m_progress->setText(progressText(snapshot));
    m_overall->setText(overallText(snapshot));
    if (snapshot.state == RunState::Testing) {
        setBar(m_bar, 0, 0, 0); // busy: the connection test has no measurable progress
    } else if (snapshot.total > 0) {
        const qint64 done = std::min(snapshot.total, snapshot.completed + snapshot.failed);
        setBar(m_bar, 0, int(snapshot.total), int(done));
        if (snapshot.pointCount > 0) {
            const double fraction = (snapshot.pointIndex + double(done) / double(snapshot.total)) / snapshot.pointCount;
            setBar(m_overallBar, 0, kOverallScale, int(std::lround(std::clamp(fraction, 0.0, 1.0) * kOverallScale)));
        }
    }
    updateCounters();
    updateHealth(snapshot);
    updateCharts(snapshot);
}

void LiveRunPage::updateCounters()
{
    const QLocale locale;
    m_succeeded->setText(tr("Succeeded: %1").arg(locale.toString(m_stats.succeeded())));
    m_failed->setText(tr("Failed: %1").arg(locale.toString(m_stats.failed())));
    m_aborted->setText(tr("Aborted by you: %1").arg(locale.toString(m_stats.aborted())));
    QStringList parts;
    for (auto it = m_stats.failuresByClass().cbegin(); it != m_stats.failuresByClass().cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(errorClassName(it.key()), locale.toString(it.value())));
    m_byClass->setText(parts.isEmpty() ? tr("Failures by class: none")
                                       : tr("Failures by class: %1").arg(parts.join(QStringLiteral(", "))));
}

void LiveRunPage::updateHealth(const RunSnapshot& s)
{
    const LiveRunStats::Health health = m_stats.health(s);
    if (!health.known)
        return;
    m_health->setText(health.good ? tr("Harness health: ● good — %1").arg(health.reason)
                                  : tr("Harness health: ● suspect — %1").arg(health.reason));
    // A style sheet set again re-polishes the label, 4 times a second: only when the verdict changes.
    const QString style = health.good ? QStringLiteral("color: #2a7a2a;") : QStringLiteral("color: #b35900;");
    if (m_health->styleSheet() != style)
        m_health->setStyleSheet(style);
    m_health->setProperty("suspect", !health.good);
}

void LiveRunPage::updateCharts(const RunSnapshot& s)
{
    // The series belongs to the current point; keep the last point's curves on screen between points.
    if (!s.series.isEmpty() || s.state == RunState::Running) {
        if (s.pointIndex != m_pointIndex) {
            m_pointIndex = s.pointIndex;
            m_clearSeries = true;
        }
        m_pendingSeries = s.series;
        m_pendingTtftSeries = false; // both charts again, from this snapshot
    }
    QList<SweepCurveChart::Point> finished;
    for (const PointResult& r : s.results) {
        const auto pct = [&r](const char* metric, const char* p) {
            return r.percentiles.value(QString::fromLatin1(metric), QString::fromLatin1(p));
        };
        SweepCurveChart::Point point;
        point.load = loadLabel(r.point);
        point.outputTokPerS = r.summary.outputThroughput;
        point.requestsPerS = r.summary.reqThroughput;
        point.ttftP50Ms = pct("TTFT (ms)", "50%");
        point.ttftP99Ms = pct("TTFT (ms)", "99%");
        point.itlP50Ms = pct("ITL (ms)", "50%");
        point.itlP99Ms = pct("ITL (ms)", "99%");
        point.latencyP50S = pct("Latency (s)", "50%");
        point.latencyP99S = pct("Latency (s)", "99%");
        finished.append(point);
    }
    std::optional<SweepCurveChart::Point> running;
    if (s.state == RunState::Running && !s.series.isEmpty() && !m_stats.pointTtftsMs().isEmpty()
        && s.results.size() <= s.pointIndex) {
        double sum = 0;
        for (const LivePoint& p : s.series)
            sum += p.outputTokPerS;
        // The percentiles (selections over up to kItlSamples samples) only when requests arrived since.
        if (m_statsChanged || !m_runningPercentiles) {
            SweepCurveChart::Point point;
            point.ttftP50Ms = m_stats.pointTtftPercentileMs(0.5);
            point.ttftP99Ms = m_stats.pointTtftPercentileMs(0.99);
            point.itlP50Ms = m_stats.pointItlPercentileMs(0.5);
            point.itlP99Ms = m_stats.pointItlPercentileMs(0.99);
            point.latencyP50S = m_stats.pointLatencyPercentileS(0.5);
            point.latencyP99S = m_stats.pointLatencyPercentileS(0.99);
            m_runningPercentiles = point;
        }
        SweepCurveChart::Point point = *m_runningPercentiles;
        point.load = loadLabel(s.point);
        point.outputTokPerS = sum / double(s.series.size());
        point.requestsPerS = s.elapsedS > 0 ? double(s.completed) / s.elapsedS : 0.0;
        running = point;
    }
    m_pendingCurve.emplace(std::move(finished), running);
    if (m_statsChanged) {
        m_pendingTtft = m_stats.ttftHistogram(kHistogramBins);
        m_pendingItl = m_stats.itlHistogram(kHistogramBins);
    }
    m_statsChanged = false;
    // Even the first in a pass of its own: the snapshot may come inside a burst of other work (the run's end).
    if (!m_chartTimer->isActive())
        m_chartTimer->start();
}

void LiveRunPage::drawNextChart()
{
    // A page not shown (the user looks at another tab) draws nothing: the latest snapshot's charts when it is shown.
    if (!isVisible())
        return;
    if (m_pendingSeries && !m_pendingTtftSeries) {
        if (std::exchange(m_clearSeries, false))
            m_chart->clear();
        m_chart->showSeries(*m_pendingSeries, LiveChartView::Part::Throughput);
        m_pendingTtftSeries = true;
    } else if (m_pendingSeries) {
        m_chart->showSeries(*m_pendingSeries, LiveChartView::Part::Ttft);
        m_pendingSeries.reset();
        m_pendingTtftSeries = false;
    } else if (m_pendingCurve) {
        m_curve->setPoints(m_pendingCurve->first, m_pendingCurve->second);
        m_pendingCurve.reset();
    } else if (m_pendingTtft) {
        m_histogram->setHistogram(m_pendingTtft->startMs, m_pendingTtft->binWidthMs, m_pendingTtft->counts);
        m_pendingTtft.reset();
    } else if (m_pendingItl) {
        m_itlHistogram->setHistogram(m_pendingItl->startMs, m_pendingItl->binWidthMs, m_pendingItl->counts);
        m_pendingItl.reset();
    } else {
        return;
    }
    if (m_pendingSeries || m_pendingCurve || m_pendingTtft || m_pendingItl)
        m_chartTimer->start();
}

void LiveRunPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if ((m_pendingSeries || m_pendingCurve || m_pendingTtft || m_pendingItl) && !m_chartTimer->isActive())
        m_chartTimer->start();
}

QString LiveRunPage::loadLabel(const RunPoint& point)
{
    if (point.parallel < 0)
        return tr("R%1").arg(point.rate);
    return tr("P%1").arg(point.parallel);
}

QString LiveRunPage::duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return tr("–");
    const auto s = qint64(std::lround(seconds));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString LiveRunPage::stateText(RunState state) const
{
    switch (state) {
    case RunState::Idle:
        return tr("Idle");
    case RunState::Testing:
        return tr("Testing the connection…");
    case RunState::Running:
        return tr("Running");
    case RunState::Sleeping:
        return tr("Pausing before the next point");
    case RunState::Finished:
        return tr("Finished");
    case RunState::Stopped:
        return tr("Stopped");
    case RunState::Failed:
        return tr("Failed");
    }
    return {};
}

QString LiveRunPage::overallText(const RunSnapshot& s) const
{
    if (s.pointCount <= 0 || s.pointIndex < 0)
        return {};
    double elapsed = s.elapsedS;
    for (const PointResult& r : s.results)
        elapsed += r.index == s.pointIndex ? 0 : r.summary.testDurationS;
    const bool over = s.state == RunState::Finished || s.state == RunState::Stopped || s.state == RunState::Failed;
    if (over) // nothing is left of an ended run ("about 0 s left" read as if it went on)
        return tr("Overall: point %1 of %2 · elapsed %3")
            .arg(s.pointIndex + 1)
            .arg(s.pointCount)
            .arg(duration(elapsed));
    // Remaining: the current point at its present pace, then the later points' requests at the same pace.
    const qint64 done = s.completed + s.failed;
    double remaining = std::nan("");
    if (done > 0 && s.elapsedS > 0) {
        const double perRequest = s.elapsedS / double(done);
        qint64 later = 0;
        for (qsizetype i = s.pointIndex + 1; i < m_points.size(); ++i)
            later += m_points.at(i).number;
        remaining = perRequest * double(std::max<qint64>(0, s.total - done) + later);
    }
    return tr("Overall: point %1 of %2 · elapsed %3 · about %4 left")
        .arg(s.pointIndex + 1)
        .arg(s.pointCount)
        .arg(duration(elapsed), duration(remaining));
}

QString LiveRunPage::progressText(const RunSnapshot& s) const
{
    if (s.state == RunState::Testing || s.pointIndex < 0)
        return stateText(s.state);
    const QLocale locale;
    QStringList parts;
    if (s.state != RunState::Running)
        parts.append(stateText(s.state));
    if (s.probe.isValid()) // SLA auto-tune: which probe of the search this point is
        parts.append(
            tr("SLA probe %1 %2, run %3").arg(s.probe.variable).arg(s.probe.value).arg(s.probe.repetition + 1));
    parts.append(tr("This point: %1").arg(loadLabel(s.point)));
    parts.append(tr("%1/%2 done").arg(locale.toString(s.completed + s.failed), locale.toString(s.total)));
    parts.append(tr("%n in flight", nullptr, s.inFlight));
    parts.append(tr("%n failed", nullptr, int(s.failed)));
    parts.append(tr("elapsed %1").arg(duration(s.elapsedS)));
    const qint64 done = s.completed + s.failed;
    if (done > 0 && s.state == RunState::Running)
        parts.append(tr("about %1 left").arg(duration(s.elapsedS / double(done) * double(s.total - done))));
    return parts.join(QStringLiteral(" · "));
}

} // namespace tl
