#include "pages/resultspage.h"

#include "appsettings.h"
#include "charts/chartexporter.h"
#include "charts/chartpalette.h"
#include "charts/minmaxdecimator.h"
#include "charts/requesttimelineview.h"
#include "charts/slasearchchart.h"
#include "charts/repeatedsweep.h"
#include "charts/sweepchartview.h"
#include "charts/sweepcurvechart.h"
#include "charts/xychartview.h"
#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "config/runconfig.h"
#include "dialogs/chartexportdialog.h"
#include "metrics/goodput.h"
#include "metrics/metriccatalogue.h"
#include "metrics/saturation.h"
#include "models/failuretablemodel.h"
#include "models/percentiletablemodel.h"
#include "models/requesttable.h"
#include "models/requesttablemodel.h"
#include "models/summarytablemodel.h"
#include "pages/conversationview.h"
#include "storage/csv.h"
#include "storage/evalscopeexporter.h"
#include "storage/htmlreport.h"
#include "storage/projectreader.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace tl {

// What the Point tab draws from a point's requests, computed on a pool thread (a point can hold a million).
struct ResultsPage::PointCharts {
    int point = -1;
    QList<QPointF> ttftHistogram;
    QList<QPointF> itlHistogram;
    QList<QPointF> ttftByPrompt;
    QList<QPointF> latencyByOutput;
    QVector<RequestTimelineView::Bar> bars;
};

struct ResultsPage::Loaded {
    int generation = 0;
    std::shared_ptr<const RunData> run;
    std::shared_ptr<const RequestTable> table;
    std::shared_ptr<const PointCharts> charts;
    FailureTableModel::Failures failures;
    QList<ConversationTreeModel::Group> conversations; // a --multi-turn run's requests by conversation
    QString error;
    qint64 elapsedMs = 0;
};

namespace {

constexpr QSize kDefaultExportSize(800, 500);

QString loadLabel(const RunPoint& p)
{
    if (p.rate > 0)
        return QStringLiteral("R%1").arg(p.rate);
    return QStringLiteral("P%1").arg(p.parallel);
}

bool openLoop(const QList<PointResult>& points)
{
    return std::any_of(points.cbegin(), points.cend(), [](const PointResult& p) { return p.point.rate > 0; });
}

double loadValue(const RunPoint& p, bool rate)
{
    return rate ? p.rate : double(p.parallel);
}

// The sweep's x positions: log2 of the load when every load is positive (1, 4, 16 evenly spaced), else the index.
QList<double> loadPositions(const QList<PointResult>& points)
{
    const bool rate = openLoop(points);
    QList<double> xs;
    bool positive = true;
    for (const PointResult& p : points)
        positive = positive && loadValue(p.point, rate) > 0;
    for (int i = 0; i < points.size(); ++i)
        xs.append(positive ? std::log2(loadValue(points.at(i).point, rate)) : double(i));
    return xs;
}

QString numberText(double v)
{
    return QLocale().toString(v, 'g', 6);
}

QVector<double> sorted(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

// Equal bins from the minimum to the 99.5th percentile (a few outliers would squash the rest into one bin).
QList<QPointF> histogram(const QVector<double>& values)
{
    QList<QPointF> out;
    if (values.isEmpty())
        return out;
    const int bins = qBound(5, int(std::sqrt(double(values.size()))), 40);
    const QVector<double> s = sorted(values);
    const double lo = s.constFirst();
    const double hi = s.at(qMin(s.size() - 1, qsizetype(std::ceil(0.995 * double(s.size() - 1)))));
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    QVector<int> counts(bins, 0);
    for (double v : s) {
        const int b = int(std::floor((v - lo) / width));
        ++counts[qBound(0, b, bins - 1)];
    }
    for (int b = 0; b < bins; ++b)
        out.append(QPointF(lo + b * width, counts.at(b)));
    return out;
}

double percentileX(const QString& label)
{
    if (label == u"min")
        return 0;
    if (label == u"max")
        return 100;
    QString l = label;
    l.remove(u'%');
    return l.toDouble();
}

// What the star on the sweep charts says: which point, what was seen, and the rule that found it.
QString saturationToolTip(const SaturationPoint& s, const QList<PointResult>& points)
{
    const QString load = s.index >= 0 && s.index < points.size() ? loadLabel(points.at(s.index).point) : QString();
    const QString rule = s.rule == u"rate-missed"
        ? ResultsPage::tr("Rule: the last point before the first one whose achieved request rate falls more than %1% "
                          "below its target rate.")
              .arg(Saturation::kRateMissPct)
        : ResultsPage::tr("Rule: the last point before the first step where request throughput grows by less than "
                          "%1% while the p50 latency grows by more than %2%.")
              .arg(Saturation::kFlatThroughputPct)
              .arg(Saturation::kLatencyJumpPct);
    return ResultsPage::tr("Saturation point: %1\n%2\n%3").arg(load, s.reason, rule);
}

QString safeFileName(QString name)
{
    static const QString kBad = QStringLiteral("\\/:*?\"<>|");
    for (QChar& c : name) {
        if (kBad.contains(c) || c.isSpace() || c.unicode() < 32)
            c = u'_';
    }
    return name.isEmpty() ? QStringLiteral("run") : name.left(80);
}

} // namespace

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
    exportMenu->addAction(tr("Summary table as CSV…"), this, [this] { askExportTable(m_model, tr("summary")); });
    exportMenu->addAction(
        tr("Requests as CSV (as filtered)…"), this, [this] { askExportTable(m_requests, tr("requests")); });
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

QWidget* ResultsPage::buildSummaryTab()
{
    auto* tab = new QWidget(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SummaryTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SummaryTableModel::Parallel, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    addTableActions(m_table, tr("summary"));
    m_chart->setObjectName(QStringLiteral("sweepChart"));

    auto* percentileView = new QTableView(tab);
    percentileView->setObjectName(QStringLiteral("percentileTable"));
    percentileView->setModel(m_percentiles);
    percentileView->setAlternatingRowColors(true);
    addTableActions(percentileView, tr("percentiles"));
    auto* percentileBox = new QGroupBox(tr("Percentiles of the chosen point"), tab);
    (new QVBoxLayout(percentileBox))->addWidget(percentileView);

    auto* failureView = new QTableView(tab);
    failureView->setObjectName(QStringLiteral("failureTable"));
    failureView->setModel(m_failures);
    failureView->verticalHeader()->hide();
    failureView->horizontalHeader()->setStretchLastSection(true);
    connect(m_failures, &QAbstractItemModel::modelReset, failureView, [failureView] {
        for (int c = 0; c < FailureTableModel::Example; ++c)
            failureView->resizeColumnToContents(c);
    });
    addTableActions(failureView, tr("failures"));
    auto* failureBox = new QGroupBox(tr("Failures"), tab);
    m_failureTitle = new QLabel(failureBox);
    m_failureTitle->setObjectName(QStringLiteral("failureSummary"));
    auto* failureLayout = new QVBoxLayout(failureBox);
    failureLayout->addWidget(m_failureTitle);
    failureLayout->addWidget(failureView, 1);

    auto* lower = new QSplitter(Qt::Horizontal, tab);
    lower->addWidget(percentileBox);
    lower->addWidget(failureBox);
    lower->setChildrenCollapsible(false);
    auto* splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_table);
    splitter->addWidget(framed(m_chart));
    splitter->addWidget(lower);
    splitter->setSizes({130, 330, 300});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(buildGoodputRow(tab));
    layout->addWidget(splitter);
    return tab;
}

QWidget* ResultsPage::buildGoodputRow(QWidget* parent)
{
    auto* row = new QWidget(parent);
    const auto spin = [row](const char* name, const QString& tip) {
        auto* box = new QDoubleSpinBox(row);
        box->setObjectName(QString::fromLatin1(name));
        box->setRange(0, 3600000);
        box->setDecimals(0);
        box->setSingleStep(50);
        box->setSuffix(tr(" ms"));
        box->setSpecialValueText(tr("no limit"));
        box->setToolTip(tip);
        return box;
    };
    m_sloTtft = spin("sloTtft", tr("A good request's time to first token is at most this (0: no limit)"));
    m_sloTpot = spin("sloTpot", tr("A good request's time per output token is at most this (0: no limit)"));
    m_sloE2el = spin("sloE2el", tr("A good request's end-to-end latency is at most this (0: no limit)"));
    m_applySlo = new QPushButton(tr("Recompute goodput"), row);
    m_applySlo->setObjectName(QStringLiteral("applySloButton"));
    m_applySlo->setToolTip(tr("What if these were the SLOs: goodput (requests meeting every SLO per second) and each "
                              "SLO's attainment of every point, from the stored requests; the run is not changed"));
    m_goodputLine = new QLabel(row);
    m_goodputLine->setObjectName(QStringLiteral("goodputSummary"));
    m_goodputLine->setWordWrap(true);
    auto* fields = new QHBoxLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addWidget(new QLabel(tr("Goodput what if — TTFT ≤"), row));
    fields->addWidget(m_sloTtft);
    fields->addWidget(new QLabel(tr("TPOT ≤"), row));
    fields->addWidget(m_sloTpot);
    fields->addWidget(new QLabel(tr("latency ≤"), row));
    fields->addWidget(m_sloE2el);
    fields->addWidget(m_applySlo);
    fields->addStretch(1);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields);
    layout->addWidget(m_goodputLine);
    connect(m_applySlo, &QPushButton::clicked, this, [this] {
        SloSpec slo;
        for (auto [box, field] :
            {std::pair{m_sloTtft, &slo.ttftMs}, std::pair{m_sloTpot, &slo.tpotMs}, std::pair{m_sloE2el, &slo.e2elMs}}) {
            if (box->value() > 0)
                *field = box->value();
        }
        applyGoodputSlo(slo);
    });
    return row;
}

bool ResultsPage::applyGoodputSlo(const SloSpec& slo)
{
    if (!slo.ttftMs && !slo.tpotMs && !slo.e2elMs) {
        m_goodputLine->setText(tr("Give at least one SLO."));
        return false;
    }
    if (!m_requestTable) {
        m_goodputLine->setText(tr("No stored requests to recompute goodput from."));
        return false;
    }
    const int generation = ++m_goodputGeneration;
    m_goodputLine->setText(tr("Recomputing goodput…"));
    auto* watcher = new QFutureWatcher<QList<PointResult>>(this);
    connect(watcher, &QFutureWatcher<QList<PointResult>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_goodputGeneration)
            showGoodput(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&ResultsPage::goodputFromTable, m_points, *m_requestTable, slo));
    return true;
}

QList<PointResult> ResultsPage::goodputFromTable(
    QList<PointResult> points, const RequestTable& table, const SloSpec& slo)
{
    // The table holds each request's TTFT, TPOT and latency: no record needs reading.
    std::vector<std::vector<SloSample>> successes(std::size_t(points.size()));
    std::vector<int> totals(std::size_t(points.size()), 0);
    for (int row = 0; row < table.size(); ++row) {
        const int p = table.point.at(row);
        if (p < 0 || p >= points.size() || table.warmup(row))
            continue;
        ++totals[std::size_t(p)];
        if (!table.success(row))
            continue;
        const auto seconds = [](float ms) { return std::isnan(ms) ? 0.0 : double(ms) / 1000.0; };
        successes[std::size_t(p)].push_back(
            {seconds(table.ttftMs.at(row)), seconds(table.tpotMs.at(row)), seconds(table.latencyMs.at(row))});
    }
    for (int p = 0; p < points.size(); ++p) {
        PointResult& point = points[p];
        if (point.hasSummary)
            point.extended.goodput
                = computeGoodput(successes[std::size_t(p)], totals[std::size_t(p)], point.summary.testDurationS, slo);
    }
    return points;
}

void ResultsPage::showGoodput(const QList<PointResult>& points)
{
    const QStringList labels = pointLabels();
    QStringList parts;
    const auto pct
        = [](double v) { return std::isnan(v) ? QStringLiteral("–") : QStringLiteral("%1 %").arg(v, 0, 'f', 1); };
    for (int i = 0; i < points.size() && i < labels.size(); ++i) {
        const GoodputResult& g = points.at(i).extended.goodput;
        QStringList attainment;
        if (g.slo.ttftMs)
            attainment << tr("TTFT %1").arg(pct(g.ttftAttainmentPct));
        if (g.slo.tpotMs)
            attainment << tr("TPOT %1").arg(pct(g.tpotAttainmentPct));
        if (g.slo.e2elMs)
            attainment << tr("latency %1").arg(pct(g.e2elAttainmentPct));
        parts << tr("%1: goodput %2 req/s, %n good request(s)", nullptr, g.goodRequests)
                     .arg(labels.at(i), QLocale().toString(g.goodput, 'f', 2))
                + QStringLiteral(" · ") + attainment.join(QStringLiteral(", "));
    }
    showPoints(points);
    m_goodputLine->setText(tr("What if: %1").arg(parts.join(QStringLiteral("; "))));
    Q_EMIT goodputApplied();
}

QWidget* ResultsPage::buildSweepTab()
{
    auto* tab = new QWidget(this);
    m_metricCombo = new QComboBox(tab);
    m_metricCombo->setObjectName(QStringLiteral("sweepMetric"));
    for (const SweepMetric& m : std::as_const(m_metrics))
        m_metricCombo->addItem(m.unit.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, m.unit));
    m_metricCombo->setMaxVisibleItems(20);
    m_sweepMetric = new XYChartView(tab);
    m_sweepMetric->setObjectName(QStringLiteral("sweepMetricChart"));
    m_curve = new SweepCurveChart(tab);
    m_curve->setObjectName(QStringLiteral("throughputLatencyChart"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Metric:"), tab));
    row->addWidget(m_metricCombo);
    row->addStretch(1);
    auto* charts = new QSplitter(Qt::Horizontal, tab);
    charts->addWidget(framed(m_sweepMetric));
    charts->addWidget(framed(m_curve));
    charts->setChildrenCollapsible(false);
    charts->setSizes({600, 600});
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(charts, 1);
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, &ResultsPage::updateSweepCharts);
    return tab;
}

QWidget* ResultsPage::buildPointTab()
{
    auto* content = new QWidget(this);
    auto* grid = new QGridLayout(content);
    const auto make = [content](const char* name) {
        auto* chart = new XYChartView(content);
        chart->setObjectName(QString::fromLatin1(name));
        chart->setMinimumHeight(260);
        return chart;
    };
    m_percentileCurves = make("percentileChart");
    m_ttftHistogram = make("ttftHistogram");
    m_itlHistogram = make("itlHistogram");
    m_ttftScatter = make("ttftScatter");
    m_latencyScatter = make("latencyScatter");
    m_timeline = new RequestTimelineView(content);
    m_timeline->setObjectName(QStringLiteral("timelineChart"));
    m_timeline->setMinimumHeight(260);
    grid->addWidget(framed(m_percentileCurves), 0, 0);
    grid->addWidget(framed(m_timeline), 0, 1);
    grid->addWidget(framed(m_ttftHistogram), 1, 0);
    grid->addWidget(framed(m_itlHistogram), 1, 1);
    grid->addWidget(framed(m_ttftScatter), 2, 0);
    grid->addWidget(framed(m_latencyScatter), 2, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pointScroll"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    return scroll;
}

QWidget* ResultsPage::buildRequestsTab()
{
    auto* tab = new QWidget(this);
    m_failedOnly = new QCheckBox(tr("Failed only"), tab);
    m_failedOnly->setObjectName(QStringLiteral("failedOnly"));
    m_classFilter = new QComboBox(tab);
    m_classFilter->setObjectName(QStringLiteral("classFilter"));
    m_classFilter->addItem(tr("Any outcome"), -1);
    for (int c = int(ErrorClass::ConnectionRefused); c <= int(ErrorClass::MalformedResponse); ++c)
        m_classFilter->addItem(errorClassName(ErrorClass(c)), c);
    m_pointFilter = new QComboBox(tab);
    m_pointFilter->setObjectName(QStringLiteral("pointFilter"));
    m_slowest = new QSpinBox(tab);
    m_slowest->setObjectName(QStringLiteral("slowestN"));
    m_slowest->setRange(0, 1000000);
    m_slowest->setSpecialValueText(tr("all"));
    m_slowest->setPrefix(tr("slowest "));
    m_slowest->setToolTip(tr("Only the N requests with the longest latency (0: all)"));
    m_requestCount = new QLabel(tab);
    m_requestCount->setObjectName(QStringLiteral("requestCount"));
    auto* exportCsv = new QPushButton(tr("Export CSV…"), tab);
    exportCsv->setObjectName(QStringLiteral("exportRequestsButton"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_failedOnly);
    filters->addWidget(m_classFilter);
    filters->addWidget(m_pointFilter);
    filters->addWidget(m_slowest);
    filters->addWidget(m_requestCount, 1);
    filters->addWidget(exportCsv);

    m_requestView = new QTableView(tab);
    m_requestView->setObjectName(QStringLiteral("requestTable"));
    m_requestView->setModel(m_requests);
    m_requestView->setSortingEnabled(true);
    m_requestView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requestView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_requestView->setAlternatingRowColors(true);
    m_requestView->setWordWrap(false);
    // Fixed row heights: the view never measures a row, so a million rows scroll like ten.
    m_requestView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_requestView->verticalHeader()->setDefaultSectionSize(m_requestView->fontMetrics().height() + 6);
    m_requestView->verticalHeader()->hide();
    m_requestView->horizontalHeader()->setStretchLastSection(true);
    m_requestView->horizontalHeader()->setSortIndicatorShown(true);
    addTableActions(m_requestView, tr("requests"));
    m_detail = new QTextBrowser(tab);
    m_detail->setObjectName(QStringLiteral("requestDetail"));
    m_detail->setPlaceholderText(tr("Pick a request to see its timings, events, tokens and error."));
    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->addWidget(m_requestView);
    splitter->addWidget(m_detail);
    splitter->setSizes({700, 320});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_failedOnly, &QCheckBox::toggled, this, &ResultsPage::updateRequestFilter);
    connect(m_classFilter, &QComboBox::currentIndexChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_pointFilter, &QComboBox::currentIndexChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_slowest, &QSpinBox::valueChanged, this, &ResultsPage::updateRequestFilter);
    connect(m_requestView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ResultsPage::showRequestDetail);
    connect(m_requests, &QAbstractItemModel::modelReset, this, &ResultsPage::showRequestDetail);
    connect(exportCsv, &QPushButton::clicked, this, [this] { askExportTable(m_requests, tr("requests")); });
    return tab;
}

QWidget* ResultsPage::buildConfigTab()
{
    m_config = new QTreeWidget(this);
    m_config->setObjectName(QStringLiteral("configTree"));
    m_config->setColumnCount(3);
    m_config->setHeaderLabels({tr("Parameter"), tr("Value"), tr("Flag")});
    m_config->setRootIsDecorated(true);
    m_config->setAlternatingRowColors(true);
    m_config->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return m_config;
}

QWidget* ResultsPage::framed(QWidget* chart)
{
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

QList<ResultsPage::SweepMetric> ResultsPage::sweepMetrics()
{
    QList<SweepMetric> out;
    // Percentile columns first (what a sweep is read for), at p50, p90 and p99; latency in ms like the others.
    for (const MetricDef* def : MetricCatalogue::inTable(MetricTable::Percentiles)) {
        const bool seconds = def->unitString() == u"s";
        for (const char* label : {"50%", "90%", "99%"}) {
            const QString l = QString::fromLatin1(label);
            const MetricDef& d = *def;
            out.append(SweepMetric{QStringLiteral("%1 p%2").arg(def->nameString(), QString(l).remove(u'%')),
                seconds ? QStringLiteral("ms") : def->unitString(), [&d, l, seconds](const PointResult& r) {
                    const double v = MetricCatalogue::value(d, r, l);
                    return seconds ? v * 1000.0 : v;
                }});
        }
    }
    for (MetricTable table : {MetricTable::Summary, MetricTable::Extended}) {
        for (const MetricDef* def : MetricCatalogue::inTable(table)) {
            if (!def->field || def->format == MetricFormat::Text)
                continue;
            const MetricDef& d = *def;
            out.append(SweepMetric{def->nameString(), def->unitString(),
                [&d](const PointResult& r) { return MetricCatalogue::value(d, r); }});
        }
    }
    out.append(SweepMetric{tr("Success rate"), QStringLiteral("%"), [](const PointResult& r) {
                               return r.summary.totalRequests > 0
                                   ? 100.0 * r.summary.successRequests / r.summary.totalRequests
                                   : std::numeric_limits<double>::quiet_NaN();
                           }});
    return out;
}

void ResultsPage::setResults(const QString& title, const QList<PointResult>& results)
{
    ++m_generation; // a load still running is no longer wanted
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
    showPoints(results);
    updateHeader();
}

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

bool ResultsPage::isLoading() const
{
    return !m_pendingRunId.isEmpty();
}

QString ResultsPage::runId() const
{
    return m_run ? m_run->id : QString();
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
        labels << loadLabel(p.point);
    return labels;
}

void ResultsPage::showPoints(const QList<PointResult>& points)
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
    updateSweepCharts();
    updatePointCharts();
}

void ResultsPage::updateHeader()
{
    const bool stored = m_run != nullptr;
    for (QPushButton* b : std::as_const(m_runButtons))
        b->setEnabled(stored);
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

void ResultsPage::setSweepMetric(int index)
{
    m_metricCombo->setCurrentIndex(index);
}

void ResultsPage::updateSweepCharts()
{
    const int mi = m_metricCombo->currentIndex();
    const QList<double> xs = loadPositions(m_points);
    const bool rate = openLoop(m_points);
    QList<QPair<double, QString>> ticks;
    for (int i = 0; i < m_points.size(); ++i)
        ticks.append({xs.at(i), numberText(loadValue(m_points.at(i).point, rate))});
    const QString xTitle = rate ? tr("Request rate (req/s)") : tr("Concurrency (parallel requests)");
    // The knee (docs/METRICS.md "Saturation point"), starred on both charts with the rule as the tooltip.
    const RepeatedSweep repeated(m_run.get(), m_points); // --num-runs: each sweep point once, mean with its interval
    const SaturationPoint saturation = repeated.saturation();
    const QString saturationTip = saturation.found ? saturationToolTip(saturation, m_points) : QString();
    if (mi >= 0 && mi < m_metrics.size()) {
        const SweepMetric& metric = m_metrics.at(mi);
        m_sweepMetric->setTitle(tr("%1 against the load").arg(metric.name));
        m_sweepMetric->setXTicks(ticks);
        m_sweepMetric->setAxisTitles(
            xTitle, metric.unit.isEmpty() ? metric.name : QStringLiteral("%1 (%2)").arg(metric.name, metric.unit));
        QList<XYChartView::Series> series = repeated.series(metric.name, xs, metric.value);
        if (saturation.found && saturation.index < xs.size())
            series.append(XYChartView::Series{tr("saturation point"), {repeated.position(saturation.index, xs, metric.value)},
                XYChartView::Kind::Scatter, 2, Qt::SolidLine, false, true, saturationTip});
        m_sweepMetric->setSeries(series);
    }
    QList<SweepCurveChart::Point> curve;
    for (const PointResult& p : m_points) {
        curve.append(SweepCurveChart::Point{loadLabel(p.point), p.summary.outputThroughput,
            p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%")),
            p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("99%"))});
    }
    m_curve->setPoints(curve, std::nullopt);
    m_curve->setSaturation(saturation.found ? saturation.index : -1, saturationTip);
}

int ResultsPage::currentPoint() const
{
    return m_pointCombo->currentIndex();
}

void ResultsPage::setPoint(int index)
{
    m_pointCombo->setCurrentIndex(index);
}

void ResultsPage::updatePointCharts()
{
    const int pi = m_pointCombo->currentIndex();
    const PointResult* point = pi >= 0 && pi < m_points.size() ? &m_points.at(pi) : nullptr;
    const QString label = point ? loadLabel(point->point) : QString();
    m_percentiles->setTable(point ? point->percentiles : PercentileTable{});

    // Percentile curves from the point's table: TTFT, ITL, TPOT and latency, all in ms.
    QList<XYChartView::Series> curves;
    if (point) {
        const PercentileTable& t = point->percentiles;
        int color = 0;
        for (const QString& metric : {QStringLiteral("TTFT (ms)"), QStringLiteral("ITL (ms)"),
                 QStringLiteral("TPOT (ms)"), QStringLiteral("Latency (s)")}) {
            const qsizetype col = t.metrics.indexOf(metric);
            const double scale = metric.endsWith(QStringLiteral("(s)")) ? 1000.0 : 1.0;
            XYChartView::Series s{QString(metric).replace(QStringLiteral("(s)"), QStringLiteral("(ms)")), {},
                XYChartView::Kind::Line, color, color % 2 ? Qt::DashLine : Qt::SolidLine, true};
            ++color;
            if (col < 0 || col >= t.values.size())
                continue;
            for (int r = 0; r < t.labels.size() && r < t.values.at(col).size(); ++r)
                s.points.append(QPointF(percentileX(t.labels.at(r)), t.values.at(col).at(r) * scale));
            curves.append(s);
        }
    }
    m_percentileCurves->setTitle(tr("Percentile curves · %1").arg(label));
    m_percentileCurves->setAxisTitles(tr("Percentile (%)"), tr("Time (ms)"));
    m_percentileCurves->setSeries(curves);

    // The rest needs the point's requests (a stored run), worked through on a pool thread.
    const int generation = ++m_chartGeneration;
    if (m_precomputed && m_precomputed->point == pi) {
        showPointCharts(*m_precomputed);
        return;
    }
    if (!point || !m_requestTable || m_projectPath.isEmpty() || !m_run) {
        showPointCharts(PointCharts{pi, {}, {}, {}, {}, {}});
        return;
    }
    auto* watcher = new QFutureWatcher<PointCharts>(this);
    connect(watcher, &QFutureWatcher<PointCharts>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_chartGeneration)
            showPointCharts(watcher->result());
    });
    const std::shared_ptr<const RequestTable> table = m_requestTable;
    const QString path = m_projectPath;
    const QString runId = m_run->id;
    const int stored = point->index;
    watcher->setFuture(QtConcurrent::run([table, path, runId, stored, pi] {
        ProjectReader reader;
        QString error;
        const QList<RequestRecord> itl
            = reader.open(path, &error) ? readItlRecords(reader, runId, stored) : QList<RequestRecord>();
        return computePointCharts(*table, pi, itl);
    }));
}

QList<RequestRecord> ResultsPage::readItlRecords(const ProjectReader& reader, const QString& runId, int storedPoint)
{
    // ITL samples from the point's first requests only: ~100,000 intervals are plenty for a histogram.
    constexpr int kItlRecords = 5000;
    return reader.requests(runId, storedPoint, kItlRecords);
}

ResultsPage::PointCharts ResultsPage::computePointCharts(
    const RequestTable& table, int index, const QList<RequestRecord>& itlRecords)
{
    PointCharts out;
    out.point = index;
    QVector<double> ttft;
    QVector<double> itl;
    QList<QPointF>& ttftByPrompt = out.ttftByPrompt;
    QList<QPointF>& latencyByOutput = out.latencyByOutput;
    QVector<RequestTimelineView::Bar>& bars = out.bars;
    qint64 firstSent = std::numeric_limits<qint64>::max();
    for (int row = 0; row < table.size(); ++row) {
        if (table.point.at(row) == index && !table.warmup(row))
            firstSent = std::min(firstSent, table.sentNs.at(row));
    }
    for (int row = 0; row < table.size(); ++row) {
        if (table.point.at(row) != index || table.warmup(row))
            continue;
        RequestTimelineView::Bar bar;
        bar.startS = float(double(table.sentNs.at(row) - firstSent) / 1e9);
        const double latency = table.latencyMs.at(row);
        if (table.success(row)) {
            const double t = table.ttftMs.at(row);
            ttft.append(t);
            if (table.promptTokens.at(row) >= 0)
                ttftByPrompt.append(QPointF(double(table.promptTokens.at(row)), t));
            if (table.completionTokens.at(row) >= 0)
                latencyByOutput.append(QPointF(double(table.completionTokens.at(row)), latency));
            bar.firstS = bar.startS + float(t / 1000.0);
            bar.endS = bar.startS + float(latency / 1000.0);
        } else {
            bar.endS = bar.startS + (std::isnan(latency) ? 0.0F : float(latency / 1000.0));
            bar.errorClass = table.errorClass.at(row);
        }
        bars.append(bar);
    }
    for (const RequestRecord& r : itlRecords) {
        if (r.warmup || !r.success)
            continue;
        for (double v : r.itlS())
            itl.append(v * 1000.0);
    }
    std::sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.startS < b.startS; });
    // Scatters thinned to one point per cell of about 3 px (outliers keep theirs): drawing a point's requests costs
    // the same for 100 or 1,000,000 of them.
    constexpr int kCellColumns = 240;
    constexpr int kCellRows = 120;
    ttftByPrompt = MinMaxDecimator::cells(ttftByPrompt, kCellColumns, kCellRows);
    latencyByOutput = MinMaxDecimator::cells(latencyByOutput, kCellColumns, kCellRows);
    std::sort(ttftByPrompt.begin(), ttftByPrompt.end(), [](auto a, auto b) { return a.x() < b.x(); });
    std::sort(latencyByOutput.begin(), latencyByOutput.end(), [](auto a, auto b) { return a.x() < b.x(); });

    out.ttftHistogram = histogram(ttft);
    out.itlHistogram = histogram(itl);
    return out;
}

void ResultsPage::showPointCharts(const PointCharts& charts)
{
    const int pi = charts.point;
    const QString label = pi >= 0 && pi < m_points.size() ? loadLabel(m_points.at(pi).point) : QString();
    const QList<QPointF>& ttftByPrompt = charts.ttftByPrompt;
    const QList<QPointF>& latencyByOutput = charts.latencyByOutput;
    m_ttftHistogram->setTitle(tr("TTFT distribution · %1").arg(label));
    m_ttftHistogram->setAxisTitles(tr("Time to first token (ms)"), tr("Requests"));
    m_ttftHistogram->setSeries(charts.ttftHistogram.isEmpty()
            ? QList<XYChartView::Series>{}
            : QList<XYChartView::Series>{{tr("TTFT"), charts.ttftHistogram, XYChartView::Kind::Step, 1}});
    m_itlHistogram->setTitle(tr("ITL distribution · %1").arg(label));
    m_itlHistogram->setAxisTitles(tr("Inter-token latency (ms)"), tr("Events"));
    m_itlHistogram->setSeries(charts.itlHistogram.isEmpty()
            ? QList<XYChartView::Series>{}
            : QList<XYChartView::Series>{{tr("ITL"), charts.itlHistogram, XYChartView::Kind::Step, 2}});
    m_ttftScatter->setTitle(tr("TTFT against prompt length · %1").arg(label));
    m_ttftScatter->setAxisTitles(tr("Prompt length (tokens)"), tr("TTFT (ms)"));
    m_ttftScatter->setSeries({{tr("requests"), ttftByPrompt, XYChartView::Kind::Scatter, 0}});
    m_latencyScatter->setTitle(tr("Latency against output length · %1").arg(label));
    m_latencyScatter->setAxisTitles(tr("Output length (tokens)"), tr("Latency (ms)"));
    m_latencyScatter->setSeries({{tr("requests"), latencyByOutput, XYChartView::Kind::Scatter, 1}});
    m_timeline->setTitle(tr("Request timeline · %1").arg(label));
    m_timeline->setBars(charts.bars);
    Q_EMIT pointChartsShown(pi);
}

void ResultsPage::updateRequestFilter()
{
    RequestTableModel::Filter f;
    f.failedOnly = m_failedOnly->isChecked();
    f.errorClass = m_classFilter->currentData().toInt();
    f.point = m_pointFilter->currentIndex() >= 0 ? m_pointFilter->currentData().toInt() : -1;
    f.slowest = m_slowest->value();
    m_requests->setFilter(f);
    m_requestCount->setText(
        tr("%1 of %2 requests")
            .arg(QLocale().toString(m_requests->rowCount()), QLocale().toString(m_requests->totalCount())));
}

void ResultsPage::showRequestDetail()
{
    const QModelIndex current = m_requestView->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const int t = m_requests->tableRow(row);
    m_requestCount->setText(
        tr("%1 of %2 requests")
            .arg(QLocale().toString(m_requests->rowCount()), QLocale().toString(m_requests->totalCount())));
    ++m_detailGeneration;
    const QString pointLabel
        = row >= 0 ? m_requests->index(row, RequestTableModel::Point).data().toString() : QString();
    if (const RequestRecord* kept = m_requests->record(row)) {
        showRecordDetail(*kept, pointLabel);
        return;
    }
    const int p = t >= 0 && m_requestTable ? m_requestTable->point.at(t) : -1;
    if (t < 0 || !m_run || p < 0 || p >= m_points.size() || m_projectPath.isEmpty()) {
        m_detail->clear();
        Q_EMIT requestDetailShown();
        return;
    }
    // The request in full (every event) from the project file, on a pool thread.
    const int generation = m_detailGeneration;
    const QString path = m_projectPath;
    const QString runId = m_run->id;
    const int stored = m_points.at(p).index;
    const int seq = m_requestTable->seq.at(t);
    auto* watcher = new QFutureWatcher<std::optional<RequestRecord>>(this);
    connect(watcher, &QFutureWatcher<std::optional<RequestRecord>>::finished, this,
        [this, watcher, generation, pointLabel] {
            watcher->deleteLater();
            if (generation != m_detailGeneration)
                return;
            const std::optional<RequestRecord> r = watcher->result();
            if (r) {
                showRecordDetail(*r, pointLabel);
                return;
            }
            m_detail->setPlainText(tr("The request could not be read from the project file."));
            Q_EMIT requestDetailShown();
        });
    watcher->setFuture(QtConcurrent::run([path, runId, stored, seq]() -> std::optional<RequestRecord> {
        ProjectReader reader;
        QString error;
        if (!reader.open(path, &error))
            return std::nullopt;
        return reader.request(runId, stored, seq);
    }));
}

void ResultsPage::showRecordDetail(const RequestRecord& record, const QString& pointLabel)
{
    const RequestRecord* r = &record;
    const auto ms = [r](qint64 ns) {
        return ns > 0 ? QStringLiteral("%1 ms").arg(double(ns - r->sentNs) / 1e6, 0, 'f', 3) : QStringLiteral("—");
    };
    QString html = QStringLiteral("<h3>%1</h3><table>")
                       .arg(tr("Request %1 of point %2").arg(r->seq).arg(pointLabel).toHtmlEscaped());
    const auto rowHtml = [&html](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    rowHtml(tr("Outcome"), r->success ? tr("succeeded") : errorClassName(r->errorClass));
    rowHtml(tr("HTTP status"), r->httpStatus > 0 ? QString::number(r->httpStatus) : tr("none"));
    rowHtml(tr("Stream"), r->stream ? tr("yes") : tr("no"));
    rowHtml(tr("Sent"), tr("%1 s after the run started").arg(double(r->sentNs) / 1e9, 0, 'f', 6));
    rowHtml(tr("Scheduled"), r->scheduledNs > 0 ? ms(r->scheduledNs) : QStringLiteral("—"));
    rowHtml(tr("Headers"), ms(r->headersNs));
    rowHtml(tr("First token"), ms(r->firstChoicesNs()));
    rowHtml(tr("Last token"), ms(r->completedNs()));
    rowHtml(tr("End"), ms(r->endNs));
    if (r->success) {
        rowHtml(tr("TTFT"), QStringLiteral("%1 ms").arg(r->ttftS() * 1000, 0, 'f', 3));
        rowHtml(tr("Latency"), QStringLiteral("%1 ms").arg(r->latencyS() * 1000, 0, 'f', 3));
        rowHtml(tr("TPOT"), QStringLiteral("%1 ms").arg(r->tpotS() * 1000, 0, 'f', 3));
    }
    rowHtml(tr("Prompt tokens"), r->promptTokens >= 0 ? QString::number(r->promptTokens) : tr("unknown"));
    rowHtml(tr("Output tokens"), r->completionTokens >= 0 ? QString::number(r->completionTokens) : tr("unknown"));
    rowHtml(tr("Cached tokens"), r->cachedTokens >= 0 ? QString::number(r->cachedTokens) : tr("unknown"));
    rowHtml(tr("Token counts from"), tokenSourceName(r->tokenSource));
    rowHtml(tr("Bytes received"), QLocale().toString(r->bytesReceived));
    rowHtml(tr("Resends"), QString::number(r->retries));
    if (!r->responseId.isEmpty())
        rowHtml(tr("Response id"), QString::fromUtf8(r->responseId));
    html += QStringLiteral("</table>");
    if (!r->success)
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(tr("Error"), r->errorMessage.left(4000).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Response text"),
                    tr("Throughline stores timings and token counts, not the generated text.").toHtmlEscaped());
    constexpr int kShownEvents = 200;
    QStringList events;
    for (int i = 0; i < r->eventNs.size() && i < kShownEvents; ++i) {
        const quint8 f = i < r->eventFlags.size() ? r->eventFlags.at(i) : 0;
        events << QStringLiteral("%1 ms%2")
                      .arg(double(r->eventNs.at(i) - r->sentNs) / 1e6, 0, 'f', 3)
                      .arg((f & EventHasContent) ? QString() : QStringLiteral(" (no text)"));
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("%n data events, ms after the send", nullptr, int(r->eventNs.size())),
                    QString(events.join(QStringLiteral(", "))
                        + (r->eventNs.size() > kShownEvents ? QStringLiteral(", …") : QString()))
                        .toHtmlEscaped());
    m_detail->setHtml(html);
    Q_EMIT requestDetailShown();
}

void ResultsPage::fillConfig()
{
    m_config->clear();
    if (!m_run)
        return;
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(m_run->configJson, &errors);
    QHash<int, QTreeWidgetItem*> groups;
    for (const Parameter& p : ParameterRegistry::all()) {
        if (!p.key || !p.get)
            continue;
        QTreeWidgetItem*& group = groups[int(p.group)];
        if (!group) {
            group = new QTreeWidgetItem(m_config, {ParameterRegistry::groupName(p.group)});
            group->setFirstColumnSpanned(true);
        }
        const nlohmann::json value = p.get(config);
        const QString shown = p.secret
            ? (value.is_string() && !value.get<std::string>().empty() ? QStringLiteral("***")
                                                                      : ParameterRegistry::displayValue(p, value))
            : ParameterRegistry::displayValue(p, value);
        auto* item = new QTreeWidgetItem(group, {QString::fromUtf8(p.key), shown, p.flags.value(0)});
        if (value != ParameterRegistry::defaultValue(p)) {
            QFont f = item->font(1);
            f.setBold(true);
            item->setFont(1, f);
            item->setToolTip(1, tr("Differs from the default"));
        }
    }
    m_config->expandAll();
    m_config->resizeColumnToContents(0);
}

void ResultsPage::copyCommand()
{
    if (!m_run)
        return;
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(m_run->configJson, &errors);
    QApplication::clipboard()->setText(CommandLine::toCommandLine(config));
    m_message->setText(tr("The command line was copied to the clipboard (without the API key)."));
}

QString ResultsPage::defaultExportName() const
{
    if (!m_run)
        return QStringLiteral("results_%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    return safeFileName(m_run->name) + u'_' + m_run->created().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
}

QString ResultsPage::exportFolder() const
{
    const QString folder = m_settings ? m_settings->exportFolder() : QString();
    return folder.isEmpty() ? QDir::homePath() : folder;
}

void ResultsPage::rememberFolder(const QString& path)
{
    if (m_settings)
        m_settings->setExportFolder(QFileInfo(path).absolutePath());
}

void ResultsPage::startJob(const QString& done, std::function<QString()> work)
{
    ++m_pendingExports;
    m_message->setText(tr("Exporting…"));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        --m_pendingExports;
        const QString error = watcher->result();
        const bool ok = error.isEmpty();
        m_message->setText(ok ? done : tr("The export failed: %1").arg(error));
        Q_EMIT exportFinished(ok, ok ? done : error);
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

bool ResultsPage::exportChart(QWidget* chart, const QString& path, QSize size, int dpi)
{
    if (!chart || path.isEmpty())
        return false;
    rememberFolder(path);
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    const QString title = chart->objectName();
    if (svg) {
        const QByteArray data = ChartExporter::renderSvg(chart, size, dpi, title);
        startJob(tr("Chart saved to %1").arg(path), [data, path] {
            QString error;
            return ChartExporter::writeFile(data, path, &error) ? QString() : error;
        });
    } else {
        const QImage image = ChartExporter::renderImage(chart, size, dpi);
        startJob(tr("Chart saved to %1").arg(path), [image, path] {
            QString error;
            return ChartExporter::writePng(image, path, &error) ? QString() : error;
        });
    }
    return true;
}

void ResultsPage::copyChart(QWidget* chart)
{
    QApplication::clipboard()->setImage(ChartExporter::renderImage(chart, chart->size(), 2 * ChartExporter::kBaseDpi));
    m_message->setText(tr("The chart was copied to the clipboard."));
}

void ResultsPage::askExportChart(QWidget* chart)
{
    QString stem = defaultExportName() + u'_' + chart->objectName();
    ChartExportDialog dialog(QDir(exportFolder()).filePath(stem), kDefaultExportSize, this);
    if (dialog.exec() == QDialog::Accepted)
        exportChart(chart, dialog.path(), dialog.chartSize(), dialog.dpi());
}

bool ResultsPage::exportTableCsv(const QAbstractItemModel* model, const QString& path)
{
    if (!model || path.isEmpty())
        return false;
    rememberFolder(path);
    if (model == m_requests)
        return exportRequestsCsv(path);
    // A small table: its text is taken here (models live on the GUI thread), written on a pool thread.
    QList<QStringList> rows;
    QStringList header;
    const bool vertical = model == m_percentiles;
    if (vertical)
        header << tr("Percentile");
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        if (vertical)
            row << model->headerData(r, Qt::Vertical).toString();
        for (int c = 0; c < model->columnCount(); ++c)
            row << model->index(r, c).data().toString();
        rows << row;
    }
    startJob(tr("Table saved to %1").arg(path), [rows, path] {
        QByteArray data;
        for (const QStringList& row : rows)
            data += Csv::row(row);
        QString error;
        return ChartExporter::writeFile(data, path, &error) ? QString() : error;
    });
    return true;
}

bool ResultsPage::exportRequestsCsv(const QString& path)
{
    if (path.isEmpty())
        return false;
    rememberFolder(path);
    const RequestTableModel::Snapshot snapshot = m_requests->snapshot();
    startJob(tr("Requests saved to %1").arg(path), [snapshot, path] {
        QString error;
        return ChartExporter::writeFile(RequestTableModel::csv(snapshot), path, &error) ? QString() : error;
    });
    return true;
}

void ResultsPage::askExportTable(const QAbstractItemModel* model, const QString& what)
{
    const QString suggested = QDir(exportFolder()).filePath(defaultExportName() + u'_' + what + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTableCsv(model, path);
}

bool ResultsPage::exportHtml(const QString& path)
{
    if (!m_run || path.isEmpty())
        return false;
    rememberFolder(path);
    const std::shared_ptr<const RunData> run = m_run;
    startJob(tr("Report saved to %1").arg(path), [run, path] {
        QString error;
        return ChartExporter::writeFile(HtmlReport::render(*run), path, &error) ? QString() : error;
    });
    return true;
}

bool ResultsPage::exportEvalScope(const QString& folder)
{
    if (!m_run || folder.isEmpty())
        return false;
    if (m_settings)
        m_settings->setExportFolder(folder);
    const std::shared_ptr<const RunData> shown = m_run;
    const QString project = m_projectPath;
    startJob(tr("EvalScope output written under %1").arg(folder), [shown, project, folder] {
        QString root;
        QString error;
        // The page holds no records (a run is read lazily): the export reads them here, on the pool thread.
        const std::shared_ptr<const RunData> run = withRecords(project, shown, &error);
        if (!run)
            return error;
        return EvalScopeExporter::exportRun(*run, folder, &root, &error) ? QString() : error;
    });
    return true;
}

std::shared_ptr<const RunData> ResultsPage::withRecords(
    const QString& projectPath, std::shared_ptr<const RunData> run, QString* error)
{
    const bool hasRecords = std::any_of(
        run->points.cbegin(), run->points.cend(), [](const PointResult& p) { return !p.records.isEmpty(); });
    if (hasRecords || projectPath.isEmpty())
        return run;
    ProjectReader reader;
    if (!reader.open(projectPath, error))
        return nullptr;
    auto full = std::make_shared<RunData>(*run);
    for (PointResult& p : full->points)
        p.records = reader.requests(run->id, p.index);
    if (!reader.lastError().isEmpty()) {
        *error = reader.lastError();
        return nullptr;
    }
    return full;
}

void ResultsPage::askExportHtml()
{
    if (!m_run)
        return;
    const QString suggested = QDir(exportFolder()).filePath(defaultExportName() + QStringLiteral(".html"));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export HTML Report"), suggested, tr("HTML files (*.html)"));
    exportHtml(path);
}

void ResultsPage::askExportEvalScope()
{
    if (!m_run)
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export as EvalScope Output"), exportFolder());
    exportEvalScope(folder);
}

} // namespace tl
