#include "pages/liverunpage.h"

#include "charts/livechartview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tl {

LiveRunPage::LiveRunPage(QWidget* parent)
    : QWidget(parent)
    , m_target(new QLabel(tr("No run yet: fill in the Setup page and press Run."), this))
    , m_progress(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_chart(new LiveChartView(this))
{
    m_target->setObjectName(QStringLiteral("targetLabel"));
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    QFont bold = m_progress->font();
    bold.setBold(true);
    m_progress->setFont(bold);
    m_bar->setObjectName(QStringLiteral("pointProgress"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(8);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("First press: send no new requests and let those in flight finish. "
                          "Second press: abort them too."));
    m_stop->setEnabled(false);
    m_chart->setObjectName(QStringLiteral("liveChart"));
    connect(m_stop, &QPushButton::clicked, this, &LiveRunPage::stopRequested);

    auto* header = new QHBoxLayout;
    auto* labels = new QVBoxLayout;
    labels->addWidget(m_target);
    labels->addWidget(m_progress);
    header->addLayout(labels, 1);
    header->addWidget(m_stop, 0, Qt::AlignVCenter);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_bar);
    layout->addWidget(m_chart, 1);
}

LiveRunPage::~LiveRunPage() = default;

void LiveRunPage::beginRun(const QString& target)
{
    m_target->setText(target);
    m_progress->setText(tr("Starting…"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_pointIndex = -1;
    m_chart->clear();
}

void LiveRunPage::setStopEnabled(bool enabled)
{
    m_stop->setEnabled(enabled);
}

void LiveRunPage::showSnapshot(const RunSnapshot& snapshot)
{
    m_progress->setText(progressText(snapshot));
    if (snapshot.total > 0) {
        m_bar->setRange(0, int(snapshot.total));
        m_bar->setValue(int(std::min(snapshot.total, snapshot.completed + snapshot.failed)));
    }
    // The series belongs to the current point; keep the last point's curves on screen between points.
    if (snapshot.series.isEmpty() && snapshot.state != RunState::Running)
        return;
    if (snapshot.pointIndex != m_pointIndex) {
        m_pointIndex = snapshot.pointIndex;
        m_chart->clear();
    }
    m_chart->showSeries(snapshot.series);
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

QString LiveRunPage::progressText(const RunSnapshot& s) const
{
    if (s.state == RunState::Testing || s.pointIndex < 0)
        return stateText(s.state);
    const QLocale locale;
    QStringList parts;
    if (s.state != RunState::Running)
        parts.append(stateText(s.state));
    parts.append(tr("point %1/%2").arg(s.pointIndex + 1).arg(s.pointCount));
    parts.append(tr("parallel %1").arg(s.point.parallel));
    parts.append(tr("%1/%2 done").arg(locale.toString(s.completed + s.failed), locale.toString(s.total)));
    parts.append(tr("%n in flight", nullptr, s.inFlight));
    parts.append(tr("%n failed", nullptr, int(s.failed)));
    parts.append(tr("%1 s").arg(locale.toString(s.elapsedS, 'f', 1)));
    return parts.join(QStringLiteral(" · "));
}

} // namespace tl
