#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "appsettings.h"
#include "charts/slasearchchart.h"
#include "charts/sweepchartview.h"
#include "models/failuretablemodel.h"
#include "models/percentiletablemodel.h"
#include "models/requesttable.h"
#include "models/requesttablemodel.h"
#include "models/summarytablemodel.h"
#include "pages/conversationview.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace tl {

ResultsPage::ResultsPage(QWidget* parent)
    : QWidget(parent)
    , m_metrics(sweepMetrics())
    , m_title(new QLabel(tr("No results yet: run a benchmark or pick a run in the Runs list."), this))
    , m_badge(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_pointCombo(new QComboBox(this))
    , m_model(new SummaryTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_chart(new SweepChartView(this))
    , m_percentiles(new PercentileTableModel(this))
    , m_failures(new FailureTableModel(this))
    , m_requests(new RequestTableModel(this))
{
    m_loadPool = new QThreadPool(this);
    m_loadPool->setMaxThreadCount(1);
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_badge->setObjectName(QStringLiteral("resultsBadge"));
    m_badge->hide();
    m_meta->setObjectName(QStringLiteral("resultsMeta"));
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("resultsMessage"));
    m_message->setWordWrap(true);
    m_model->setObjectName(QStringLiteral("summaryModel"));
    m_proxy->setObjectName(QStringLiteral("summaryProxy"));
    m_percentiles->setObjectName(QStringLiteral("percentileModel"));
    m_failures->setObjectName(QStringLiteral("failureModel"));
    m_requests->setObjectName(QStringLiteral("requestModel"));
    m_pointCombo->setObjectName(QStringLiteral("pointCombo"));
    m_pointCombo->setToolTip(tr("The point the percentile table and the Point tab show"));
    m_pointCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // Header: title and failure badge, one line of facts, the run's actions.
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_badge);
    auto* actions = new QHBoxLayout;
    actions->setSpacing(4);
    const auto addButton = [this, actions](const QString& text, const char* name, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        actions->addWidget(b);
        m_runButtons.append(b);
        return b;
    };
    connect(addButton(tr("Rename…"), "renameButton", tr("Rename the run")), &QPushButton::clicked, this,
        [this] { Q_EMIT renameRequested(runId()); });
    connect(addButton(tr("Tags…"), "tagsButton", tr("Edit the run's tags")), &QPushButton::clicked, this,
        [this] { Q_EMIT tagsRequested(runId()); });
    connect(addButton(tr("Notes…"), "notesButton", tr("Edit the run's notes")), &QPushButton::clicked, this,
        [this] { Q_EMIT notesRequested(runId()); });
    connect(addButton(tr("Re-run"), "rerunButton", tr("Run the same configuration again")), &QPushButton::clicked, this,
        [this] { Q_EMIT rerunRequested(runId()); });
    connect(addButton(tr("Copy as command"), "copyCommandButton",
                tr("Copy the throughline-cli command line of this run (the API key left out)")),
        &QPushButton::clicked, this, &ResultsPage::copyCommand);
    auto* exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportRunButton"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("HTML report…"), this, &ResultsPage::askExportHtml);
    exportMenu->addAction(tr("EvalScope output folder…"), this, &ResultsPage::askExportEvalScope);
    exportMenu->addAction(tr("Summary table as CSV…"), this, &ResultsPage::askExportSummaryCsv);
    exportMenu->addAction(tr("Requests as CSV (as filtered)…"), this, &ResultsPage::askExportRequestsCsv);
    exportMenu->addAction(tr("Every chart as PNG and SVG…"), this, &ResultsPage::askExportAllCharts);
    exportButton->setMenu(exportMenu);
    actions->addWidget(exportButton);
    actions->addStretch(1);
    actions->addWidget(new QLabel(tr("Point:"), this));
    actions->addWidget(m_pointCombo);

    m_tabs->setObjectName(QStringLiteral("resultsTabs"));
    m_tabs->addTab(buildSummaryTab(), tr("Summary"));
    m_tabs->addTab(buildSweepTab(), tr("Sweep"));
    m_tabs->addTab(buildPointTab(), tr("Point"));
    m_tabs->addTab(buildRequestsTab(), tr("Requests"));
    m_tabs->addTab(m_conversations = new ConversationView(this), tr("Conversations"));
    m_tabs->addTab(buildConfigTab(), tr("Configuration"));
    m_slaSearch = new SlaSearchChart(this);
    m_slaSearch->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_meta);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_pointCombo, &QComboBox::currentIndexChanged, this, &ResultsPage::updatePointCharts);
    updateHeader();
}

ResultsPage::~ResultsPage() = default;

QWidget* ResultsPage::framed(QWidget* chart)
{
    m_charts.append(chart);
    auto* frame = new QWidget(this);
    auto* exportButton = new QToolButton(frame);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save this chart as PNG or SVG"));
    exportButton->setObjectName(chart->objectName() + QStringLiteral("Export"));
    auto* copyButton = new QToolButton(frame);
    copyButton->setText(tr("Copy"));
    copyButton->setToolTip(tr("Copy this chart to the clipboard as an image"));
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    row->addWidget(exportButton);
    row->addWidget(copyButton);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(row);
    layout->addWidget(chart, 1);
    connect(exportButton, &QToolButton::clicked, this, [this, chart] { askExportChart(chart); });
    connect(copyButton, &QToolButton::clicked, this, [this, chart] { copyChart(chart); });
    return frame;
}

void ResultsPage::addTableActions(QTableView* view, const QString& name)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* action = new QAction(tr("Export table as CSV…"), view);
    connect(action, &QAction::triggered, this, [this, view, name] { askExportTable(view->model(), name); });
    view->addAction(action);
}

void ResultsPage::setResults(const QString& title, const QList<PointResult>& results)
{
    // Emptying a page that shows nothing changes nothing but the title: its charts would only be laid out again
    // (at a run's start and end, 10-20 ms of the GUI thread).
    const bool alreadyEmpty = results.isEmpty() && m_points.isEmpty() && !m_run && m_pendingRunId.isEmpty();
    ++m_generation; // a load still running, or the showing of a loaded one, is no longer wanted
    m_latestLoad->store(m_generation);
    m_showSteps.clear();
    m_pendingRunId.clear();
    m_run.reset();
    m_requestTable.reset();
    m_precomputed.reset();
    m_title->setText(title);
    m_requests->clear();
    m_failures->clear();
    m_conversations->setRun(nullptr);
    ++m_goodputGeneration;
    m_goodputLine->clear();
    if (!alreadyEmpty)
        showPoints(results);
    updateHeader();
}

bool ResultsPage::isLoading() const
{
    return !m_pendingRunId.isEmpty();
}

QString ResultsPage::runId() const
{
    return m_run ? m_run->id : QString();
}

void ResultsPage::updateRunInfo(const RunData& listed)
{
    if (!m_run || listed.id != m_run->id)
        return;
    auto run = std::make_shared<RunData>(*m_run);
    run->name = listed.name;
    run->notes = listed.notes;
    run->tags = listed.tags;
    m_run = run;
    m_requests->setTable(m_requestTable, pointLabels(), m_run);
    updateHeader();
}

QStringList ResultsPage::pointLabels() const
{
    QStringList labels;
    for (const PointResult& p : m_points)
        labels << resultspage::loadLabel(p.point);
    return labels;
}

void ResultsPage::showPoints(const QList<PointResult>& points)
{
    showSummary(points);
    updateSweepCharts();
    updatePointCharts();
}

void ResultsPage::showSummary(const QList<PointResult>& points)
{
    m_points = points;
    m_model->setResults(points);
    m_chart->setResults(points);
    m_table->resizeColumnsToContents();
    const QSignalBlocker blockPoint(m_pointCombo);
    const QSignalBlocker blockFilter(m_pointFilter);
    const int previous = m_pointCombo->currentIndex();
    m_pointCombo->clear();
    m_pointFilter->clear();
    m_pointFilter->addItem(tr("Every point"), -1);
    const QStringList labels = pointLabels();
    for (int i = 0; i < points.size(); ++i) {
        const QString text = tr("%1 · %n requests", nullptr, points.at(i).summary.totalRequests).arg(labels.at(i));
        m_pointCombo->addItem(text, i);
        m_pointFilter->addItem(text, i);
    }
    if (!points.isEmpty())
        m_pointCombo->setCurrentIndex(previous >= 0 && previous < points.size() ? previous : int(points.size()) - 1);
}

void ResultsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateHeader();
}

void ResultsPage::updateHeader()
{
    const bool stored = m_run != nullptr;
    static const QStringList kWriting{QStringLiteral("renameButton"), QStringLiteral("tagsButton"),
        QStringLiteral("notesButton"), QStringLiteral("rerunButton")};
    for (QPushButton* b : std::as_const(m_runButtons))
        b->setEnabled(stored && !(m_readOnly && kWriting.contains(b->objectName())));
    if (!stored) {
        m_badge->hide();
        m_meta->setText(m_points.isEmpty() ? QString() : tr("%n points", nullptr, int(m_points.size())));
        return;
    }
    const RunData& run = *m_run;
    m_title->setText(tr("Run “%1”").arg(run.name));
    QStringList facts;
    facts << tr("Model <b>%1</b>").arg(run.model.toHtmlEscaped()) << tr("target %1").arg(run.url.toHtmlEscaped())
          << tr("started %1").arg(QLocale().toString(run.created().toLocalTime(), QLocale::ShortFormat))
          << tr("status <b>%1</b>").arg(run.status.toHtmlEscaped()) << tr("%n points", nullptr, int(run.points.size()))
          << tr("%n requests", nullptr, int(m_failures->requestCount()));
    if (!run.tags.isEmpty())
        facts << tr("tags: %1").arg(run.tags.join(QStringLiteral(", ")).toHtmlEscaped());
    QString meta = facts.join(QStringLiteral(" · "));
    if (!run.notes.isEmpty())
        meta += QStringLiteral("<br><i>%1</i>").arg(run.notes.toHtmlEscaped());
    m_meta->setText(meta);
    const qint64 failed = m_failures->failedCount();
    if (failed > 0) {
        const double share = m_failures->requestCount() > 0 ? 100.0 * failed / m_failures->requestCount() : 0;
        m_badge->setText(tr("⚠ %n failed requests (%1 %)", nullptr, int(failed)).arg(share, 0, 'f', 1));
        m_badge->setStyleSheet(QStringLiteral(
            "QLabel { color: white; background: #d55e00; border-radius: 4px; padding: 3px 8px; font-weight: bold; }"));
        m_badge->show();
    } else if (run.status != u"completed") {
        m_badge->setText(run.status);
        m_badge->setStyleSheet(QStringLiteral(
            "QLabel { color: black; background: #e69f00; border-radius: 4px; padding: 3px 8px; font-weight: bold; }"));
        m_badge->show();
    } else {
        m_badge->hide();
    }
    m_failureTitle->setText(failed == 0
            ? tr("No request failed.")
            : tr("%1 of %2 requests failed, by class and HTTP status:")
                  .arg(QLocale().toString(failed), QLocale().toString(m_failures->requestCount())));
}

} // namespace tl
