#include "pages/comparisonpage.h"

#include "charts/comparisonchart.h"
#include "metrics/pointaccumulator.h"
#include "models/comparisontablemodel.h"
#include "storage/comparisonreport.h"
#include "storage/projectreader.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <optional>

namespace tl {

namespace {

// The metrics the sweep chart offers: every number of the catalogue, percentile columns at p50, p90 and p99.
struct ChartMetric {
    const MetricDef* metric;
    QString label; // percentile label or empty
    QString name;
};

const QList<ChartMetric>& chartMetrics()
{
    static const QList<ChartMetric> list = [] {
        QList<ChartMetric> out;
        for (const MetricDef& m : MetricCatalogue::all()) {
            if (m.format == MetricFormat::Text)
                continue;
            if (m.table == MetricTable::Percentiles || m.table == MetricTable::ExtendedPercentiles) {
                for (const char* p : {"50%", "90%", "99%"})
                    out.append({&m, QString::fromLatin1(p),
                        QStringLiteral("%1 p%2").arg(m.nameString(), QString::fromLatin1(p).chopped(1))});
            } else {
                out.append({&m, QString(), m.nameString()});
            }
        }
        return out;
    }();
    return list;
}

double loadOf(const RunPoint& p)
{
    return p.rate > 0 ? p.rate : double(p.parallel);
}

// The pool the page's loads run on. Not the global pool: a load's bootstrap (RunComparison::compare) blocks on
// QtConcurrent::blockingMap (once in the global pool, now in its own), so two loads holding the global pool's threads
// (2 on a 2-core machine: the stored values' and the verdicts', or a replaced comparison still running) waited for
// each other forever; and the GUI thread waits on the global pool when Qt splits an image conversion over it.
QThreadPool* loadPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(4);
        return p;
    }();
    return pool;
}

// A run and its points as stored (no request read); nullopt with `error` set when it cannot be read.
std::optional<RunData> storedRun(ProjectReader& reader, const QString& id, QString* error)
{
    std::optional<RunData> run = reader.run(id);
    if (run)
        run->points = reader.points(id, false);
    if (!run || !reader.lastError().isEmpty()) {
        *error = reader.lastError().isEmpty() ? ComparisonPage::tr("run %1 is not in the project").arg(id)
                                              : reader.lastError();
        return std::nullopt;
    }
    return run;
}

} // namespace

ComparisonPage::ComparisonPage(QWidget* parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_candidate(new QComboBox(this))
    , m_point(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_sweepChart(new ComparisonChart(this))
    , m_curveChart(new ComparisonChart(this))
    , m_model(new ComparisonTableModel(this))
    , m_table(new QTableView(this))
    , m_config(new QTreeWidget(this))
    , m_basePoint(new QComboBox(this))
    , m_candPoint(new QComboBox(this))
    , m_compareChosen(new QPushButton(tr("Compare chosen points"), this))
    , m_export(new QPushButton(tr("Export report…"), this))
    , m_watcher(new QFutureWatcher<Result>(this))
    , m_summaryWatcher(new QFutureWatcher<Result>(this))
    , m_chosenWatcher(new QFutureWatcher<Chosen>(this))
{
    m_header->setObjectName(QStringLiteral("comparisonHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setText(tr("Select two or more runs in the project explorer (Ctrl+click) and choose "
                         "<b>Compare Selected Runs</b> from their context menu."));
    m_warnings->setObjectName(QStringLiteral("comparisonWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_warnings->hide();
    m_candidate->setObjectName(QStringLiteral("comparisonCandidate"));
    m_point->setObjectName(QStringLiteral("comparisonPoint"));
    m_metric->setObjectName(QStringLiteral("comparisonMetric"));
    for (const ChartMetric& m : chartMetrics())
        m_metric->addItem(
            m.metric->unitString().isEmpty() ? m.name : tr("%1 (%2)").arg(m.name, m.metric->unitString()));
    m_metric->setCurrentIndex(0);
    for (int i = 0; i < chartMetrics().size(); ++i) {
        if (chartMetrics().at(i).metric->id == MetricId::Ttft && chartMetrics().at(i).label == u"99%")
            m_metric->setCurrentIndex(i);
    }
    m_sweepChart->setObjectName(QStringLiteral("comparisonSweepChart"));
    m_curveChart->setObjectName(QStringLiteral("comparisonCurveChart"));
    m_model->setObjectName(QStringLiteral("comparisonModel"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ComparisonTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the catalogue's order until a header is clicked
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ComparisonTableModel::Metric, QHeaderView::Stretch);
    m_config->setObjectName(QStringLiteral("comparisonConfig"));
    m_config->setHeaderLabels({tr("Parameter"), tr("Baseline"), tr("Candidate"), tr("Workload")});
    m_config->setRootIsDecorated(false);

    m_basePoint->setObjectName(QStringLiteral("comparisonBaselinePoint"));
    m_basePoint->setToolTip(tr("A point of the baseline to compare with any point of the candidate"));
    m_candPoint->setObjectName(QStringLiteral("comparisonCandidatePoint"));
    m_candPoint->setToolTip(tr("A point of the candidate to compare with the chosen baseline point"));
    m_compareChosen->setObjectName(QStringLiteral("compareChosenPoints"));
    m_compareChosen->setToolTip(tr("Compare the two chosen points, whatever their loads (parallel 4 against "
                                   "parallel 8, say), with bootstrap verdicts from their requests"));
    m_compareChosen->setEnabled(false);
    m_export->setObjectName(QStringLiteral("exportComparisonButton"));
    m_export->setToolTip(
        tr("Save the comparison shown as a self-contained HTML report (inline charts, opens offline)"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &ComparisonPage::askExportHtml);
    connect(m_watcher, &QFutureWatcher<Result>::finished, this, &ComparisonPage::onLoaded);
    connect(m_summaryWatcher, &QFutureWatcher<Result>::finished, this, &ComparisonPage::onSummariesLoaded);
    connect(m_chosenWatcher, &QFutureWatcher<Chosen>::finished, this, &ComparisonPage::onChosenLoaded);
    connect(m_compareChosen, &QPushButton::clicked, this,
        [this] { compareChosenPoints(m_basePoint->currentIndex(), m_candPoint->currentIndex()); });
    connect(m_candidate, &QComboBox::currentIndexChanged, this, &ComparisonPage::showDiff);
    connect(m_point, &QComboBox::currentIndexChanged, this, &ComparisonPage::showDiff);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &ComparisonPage::updateSweepChart);

    auto* choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Candidate:"), this));
    choices->addWidget(m_candidate, 1);
    choices->addWidget(new QLabel(tr("Point:"), this));
    choices->addWidget(m_point);
    choices->addWidget(new QLabel(tr("Sweep chart:"), this));
    choices->addWidget(m_metric, 1);
    auto* chosen = new QHBoxLayout;
    chosen->addWidget(new QLabel(tr("Or compare baseline point"), this));
    chosen->addWidget(m_basePoint);
    chosen->addWidget(new QLabel(tr("with candidate point"), this));
    chosen->addWidget(m_candPoint);
    chosen->addWidget(m_compareChosen);
    chosen->addStretch(1);
    chosen->addWidget(m_export);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_sweepChart);
    charts->addWidget(m_curveChart);
    auto* details = new QTabWidget(this);
    details->setObjectName(QStringLiteral("comparisonDetails"));
    details->addTab(m_table, tr("Metrics"));
    details->addTab(m_config, tr("Configuration"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_warnings);
    layout->addLayout(choices);
    layout->addLayout(chosen);
    layout->addWidget(split, 1);
}

ComparisonPage::~ComparisonPage()
{
    m_watcher->waitForFinished(); // the pool thread holds no pointer into the page, but finish before tearing down
    m_summaryWatcher->waitForFinished();
    m_chosenWatcher->waitForFinished();
}

bool ComparisonPage::isBusy() const
{
    return m_summaryWatcher->isRunning() || m_watcher->isRunning() || m_chosenWatcher->isRunning();
}

QString ComparisonPage::cacheStamp(const RunData& run)
{
    if (run.status == u"running")
        return {};
    return QStringLiteral("%1/%2/%3/%4").arg(run.status).arg(run.pointCount).arg(run.requestCount).arg(run.updatedMs);
}

ComparisonPage::Result ComparisonPage::load(
    const QString& projectPath, const QStringList& runIds, const SampleCache& cache)
{
    Result r;
    ProjectReader reader;
    if (!reader.open(projectPath, &r.error))
        return r;
    // Each run's stored points, and of its requests only what the verdicts resample: the records are streamed
    // through one accumulator per point (ProjectReader::forEachRequest), never held; a run in the cache is not read.
    for (const QString& id : runIds) {
        std::optional<RunData> run = storedRun(reader, id, &r.error);
        if (!run)
            return r;
        const QString stamp = cacheStamp(*run);
        const auto cached = cache.constFind(id);
        if (!stamp.isEmpty() && cached != cache.constEnd() && cached->stamp == stamp
            && cached->samples.size() == run->points.size()) {
            r.samples.append(cached->samples);
            r.runs.append(*run);
            continue;
        }
        const RunConfig::ApiKind api = RunConfig::apiKindOf(run->api);
        std::vector<PointAccumulator> accumulators;
        QHash<int, int> position; // stored point index -> position in run->points
        for (int i = 0; i < run->points.size(); ++i) {
            accumulators.emplace_back(api, run->points.at(i).point);
            position.insert(run->points.at(i).index, i);
        }
        const bool read = reader.forEachRequest(
            id,
            [&accumulators, &position](int stored, const RequestRecord& rec) {
                const auto it = position.constFind(stored);
                if (it != position.constEnd())
                    accumulators[std::size_t(*it)].add(rec);
            },
            ProjectReader::RequestDetail::Full);
        if (!read) {
            r.error = reader.lastError();
            return r;
        }
        QList<PointSamples> runSamples;
        for (const PointAccumulator& acc : accumulators)
            runSamples.append(RunComparison::samplesFrom(acc));
        r.samples.append(runSamples);
        r.runs.append(*run);
        ++r.runsRead;
    }
    for (qsizetype i = 1; i < r.runs.size(); ++i)
        r.comparisons.append(
            RunComparison::compare(r.runs.first(), r.samples.first(), r.runs.at(i), r.samples.at(i)));
    return r;
}

ComparisonPage::Result ComparisonPage::loadSummaries(const QString& projectPath, const QStringList& runIds)
{
    Result r;
    ProjectReader reader;
    if (!reader.open(projectPath, &r.error))
        return r;
    for (const QString& id : runIds) {
        std::optional<RunData> run = storedRun(reader, id, &r.error);
        if (!run)
            return r;
        r.samples.append(QList<PointSamples>(run->points.size())); // none: every resampled verdict waits
        r.runs.append(*run);
    }
    for (qsizetype i = 1; i < r.runs.size(); ++i)
        r.comparisons.append(
            RunComparison::compare(r.runs.first(), r.samples.first(), r.runs.at(i), r.samples.at(i)));
    r.samples.clear();
    return r;
}

void ComparisonPage::compare(const QString& projectPath, const QStringList& runIds)
{
    if (runIds.size() < 2) {
        m_header->setText(tr("Select at least two runs to compare."));
        return;
    }
    m_projectPath = projectPath;
    m_runIds = runIds;
    m_showingChosen = false;
    m_header->setText(
        tr("Comparing %n run(s): loading their requests and bootstrapping the verdicts…", nullptr, int(runIds.size())));
    if (projectPath != m_cachePath) {
        m_cache.clear();
        m_cachePath = projectPath;
    }
    // The stored values first (milliseconds: the points' rows); the requests' read and the bootstrap start when
    // they are in (onSummariesLoaded). Started together, the stored values' own comparison waited for the threads
    // the verdicts' bootstrap held: in about one comparison of three between runs already cached (bench_results,
    // 100,000-request runs) the stored values came only with the verdicts, 1.8-2.1 s later.
    m_summaryWatcher->setFuture(QtConcurrent::run(loadPool(), &ComparisonPage::loadSummaries, projectPath, runIds));
}

QString ComparisonPage::legendName(const RunData& run) const
{
    return tr("%1 · %2 · %3")
        .arg(run.name.isEmpty() ? run.id.left(8) : run.name, run.model,
            run.created().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

void ComparisonPage::onSummariesLoaded()
{
    const QString projectPath = m_projectPath;
    const QStringList runIds = m_runIds;
    m_watcher->setFuture(QtConcurrent::run(loadPool(),
        [projectPath, runIds, cache = m_cache] { return ComparisonPage::load(projectPath, runIds, cache); }));
    const Result summaries = m_summaryWatcher->result();
    if (!summaries.error.isEmpty())
        return; // load() reports it
    showResult(summaries, true);
    Q_EMIT summariesShown();
}

void ComparisonPage::onLoaded()
{
    if (m_summaryWatcher->isRunning())
        return; // a newer comparison's stored values are being read; its own load follows them
    Result loaded = m_watcher->result();
    for (qsizetype i = 0; i < loaded.runs.size() && i < loaded.samples.size(); ++i) {
        const QString stamp = cacheStamp(loaded.runs.at(i));
        if (!stamp.isEmpty())
            m_cache.insert(loaded.runs.at(i).id, CachedSamples{stamp, loaded.samples.at(i)});
    }
    loaded.samples.clear(); // held once, in the cache
    // A run's samples are every per-request value (tens of MB for 100,000 requests): keep the runs shown, and a few.
    constexpr qsizetype kCachedRuns = 8;
    for (auto it = m_cache.begin(); m_cache.size() > kCachedRuns && it != m_cache.end();) {
        const bool shown = std::any_of(
            loaded.runs.cbegin(), loaded.runs.cend(), [&it](const RunData& r) { return r.id == it.key(); });
        it = shown ? std::next(it) : m_cache.erase(it);
    }
    showResult(loaded, false);
    Q_EMIT comparisonReady();
}

void ComparisonPage::showResult(const Result& result, bool verdictsPending)
{
    m_result = result;
    m_model->setVerdictsPending(verdictsPending);
    if (!m_result.error.isEmpty()) {
        m_export->setEnabled(false);
        m_header->setText(tr("Cannot compare: %1").arg(m_result.error.toHtmlEscaped()));
        return;
    }
    QStringList names;
    for (int i = 0; i < m_result.runs.size(); ++i)
        names.append(QStringLiteral("<span style=\"color:%1\">■</span> %2%3")
                         .arg(ComparisonChart::colour(i).name(), legendName(m_result.runs.at(i)).toHtmlEscaped(),
                             i == 0 ? tr(" (baseline)") : QString()));
    QString header = names.join(QStringLiteral("&nbsp;&nbsp; "));
    if (verdictsPending)
        header += tr("<br><i>Stored values shown; reading the requests and bootstrapping the verdicts…</i>");
    m_header->setText(header);
    m_export->setEnabled(!verdictsPending && m_result.runs.size() >= 2);
    {
        // The same candidate stays chosen when the verdicts replace the stored values.
        const QSignalBlocker block(m_candidate);
        const int previous = m_candidate->currentIndex();
        const int previousCount = m_candidate->count();
        m_candidate->clear();
        for (qsizetype i = 1; i < m_result.runs.size(); ++i)
            m_candidate->addItem(legendName(m_result.runs.at(i)));
        if (previous >= 0 && previousCount == m_candidate->count())
            m_candidate->setCurrentIndex(previous);
    }
    updateSweepChart();
    updateCurveChart();
    showDiff();
}

void ComparisonPage::showDiff()
{
    m_showingChosen = false;
    fillPointChoices();
    const int c = m_candidate->currentIndex();
    if (c < 0 || c >= m_result.comparisons.size()) {
        m_model->setRows({});
        return;
    }
    const RunComparison& cmp = m_result.comparisons.at(c);
    if (sender() != m_point) {
        const QSignalBlocker block(m_point);
        const QString previous = m_point->currentText();
        m_point->clear();
        for (const PointComparison& p : cmp.points)
            m_point->addItem(p.load);
        m_point->setCurrentIndex(std::max(0, m_point->findText(previous)));
    }
    const int p = m_point->currentIndex();
    m_model->setRows(p >= 0 && p < cmp.points.size() ? cmp.points.at(p).metrics : QList<MetricComparison>());
    m_table->resizeColumnsToContents();

    showWarnings(cmp);
}

void ComparisonPage::showWarnings(const RunComparison& cmp)
{
    QStringList warnings;
    for (const QString& w : cmp.notComparable)
        warnings.append(tr("⚠ Not comparable: %1").arg(w));
    if (cmp.points.isEmpty())
        warnings.append(tr("⚠ No point of the same load in both runs: choose points to compare below."));
    if (m_showingChosen && !cmp.points.isEmpty())
        warnings.append(tr("Showing the chosen points: %1 (baseline point %2, candidate point %3).")
                            .arg(cmp.points.first().load)
                            .arg(cmp.points.first().baselineIndex + 1)
                            .arg(cmp.points.first().candidateIndex + 1));
    if (!cmp.unmatchedBaseline.isEmpty())
        warnings.append(tr("Only in the baseline: %1").arg(cmp.unmatchedBaseline.join(QStringLiteral(", "))));
    if (!cmp.unmatchedCandidate.isEmpty())
        warnings.append(tr("Only in the candidate: %1").arg(cmp.unmatchedCandidate.join(QStringLiteral(", "))));
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());

    m_config->clear();
    for (const ParameterRegistry::Difference& d : cmp.configDiff) {
        const bool workload = ParameterRegistry::definesWorkload(*d.parameter);
        auto* item = new QTreeWidgetItem(
            m_config, {d.parameter->flag(), d.before, d.after, workload ? tr("defines the workload") : QString()});
        item->setToolTip(0, QCoreApplication::translate("Throughline", d.parameter->help));
        if (workload)
            item->setForeground(3, ComparisonTableModel::verdictColour(Verdict::Worse));
    }
    if (cmp.configDiff.isEmpty())
        new QTreeWidgetItem(m_config, {tr("(the same configuration)")});
    for (int i = 0; i < m_config->columnCount(); ++i)
        m_config->resizeColumnToContents(i);
}

void ComparisonPage::fillPointChoices()
{
    const int c = m_candidate->currentIndex() + 1;
    const auto fill = [](QComboBox* box, const RunData* run) {
        const QSignalBlocker block(box);
        const int previous = box->currentIndex();
        box->clear();
        if (!run)
            return;
        for (int i = 0; i < run->points.size(); ++i) {
            const RunPoint& p = run->points.at(i).point;
            box->addItem(p.rate > 0 ? tr("%1: rate %2").arg(i + 1).arg(p.rate)
                                    : tr("%1: parallel %2").arg(i + 1).arg(p.parallel));
        }
        box->setCurrentIndex(previous >= 0 && previous < box->count() ? previous : 0);
    };
    fill(m_basePoint, m_result.runs.isEmpty() ? nullptr : &m_result.runs.first());
    fill(m_candPoint, c > 0 && c < m_result.runs.size() ? &m_result.runs.at(c) : nullptr);
    m_compareChosen->setEnabled(m_basePoint->count() > 0 && m_candPoint->count() > 0 && !m_chosenWatcher->isRunning());
}

void ComparisonPage::compareChosenPoints(int baselinePoint, int candidatePoint)
{
    const int c = m_candidate->currentIndex() + 1;
    if (m_result.runs.isEmpty() || c <= 0 || c >= m_result.runs.size() || m_chosenWatcher->isRunning())
        return;
    const QString baseId = m_result.runs.first().id;
    const QString candId = m_result.runs.at(c).id;
    m_compareChosen->setEnabled(false);
    m_chosenWatcher->setFuture(
        QtConcurrent::run(loadPool(), &ComparisonPage::loadChosen, m_projectPath, baseId, baselinePoint, candId, candidatePoint));
}

ComparisonPage::Chosen ComparisonPage::loadChosen(const QString& projectPath, const QString& baselineId,
    int baselinePoint, const QString& candidateId, int candidatePoint)
{
    Chosen out;
    ProjectReader reader;
    if (!reader.open(projectPath, &out.error))
        return out;
    // Each run with its points' summaries, and the requests of the chosen point only.
    const auto read = [&reader, &out](const QString& id, int point) -> std::optional<RunData> {
        std::optional<RunData> run = reader.run(id);
        if (!run) {
            out.error = reader.lastError().isEmpty() ? tr("run %1 is not in the project").arg(id) : reader.lastError();
            return std::nullopt;
        }
        run->points = reader.points(id, false);
        if (point < 0 || point >= run->points.size()) {
            out.error = tr("run %1 has no point %2").arg(id.left(8)).arg(point + 1);
            return std::nullopt;
        }
        run->points[point].records = reader.requests(id, run->points.at(point).index);
        return run;
    };
    const std::optional<RunData> baseline = read(baselineId, baselinePoint);
    if (!baseline)
        return out;
    const std::optional<RunData> candidate = read(candidateId, candidatePoint);
    if (!candidate)
        return out;
    out.comparison = RunComparison::comparePoints(*baseline, baselinePoint, *candidate, candidatePoint);
    return out;
}

void ComparisonPage::onChosenLoaded()
{
    m_chosen = m_chosenWatcher->result();
    m_compareChosen->setEnabled(m_basePoint->count() > 0 && m_candPoint->count() > 0);
    if (!m_chosen.error.isEmpty() || m_chosen.comparison.points.isEmpty()) {
        m_warnings->setText(tr("Cannot compare the chosen points: %1").arg(m_chosen.error));
        m_warnings->show();
        Q_EMIT chosenPointsCompared();
        return;
    }
    m_showingChosen = true;
    m_model->setRows(m_chosen.comparison.points.first().metrics);
    m_table->resizeColumnsToContents();
    showWarnings(m_chosen.comparison);
    Q_EMIT chosenPointsCompared();
}

void ComparisonPage::updateSweepChart()
{
    const int index = m_metric->currentIndex();
    if (index < 0 || m_result.runs.isEmpty())
        return;
    const ChartMetric& m = chartMetrics().at(index);
    QList<ComparisonChart::Curve> curves;
    bool openLoop = false;
    for (const RunData& run : std::as_const(m_result.runs)) {
        ComparisonChart::Curve c{legendName(run), {}};
        for (const PointResult& p : run.points) {
            if (!p.hasSummary)
                continue;
            openLoop = openLoop || p.point.rate > 0;
            c.points.append(QPointF(loadOf(p.point), MetricCatalogue::value(*m.metric, p, m.label)));
        }
        curves.append(c);
    }
    const QString unit = m.metric->unitString();
    const QString y = unit.isEmpty() ? m.name : tr("%1 (%2)").arg(m.name, unit);
    m_sweepChart->setCurves(
        tr("%1 against the load").arg(m.name), openLoop ? tr("rate (req/s)") : tr("parallel"), y, curves);
}

void ComparisonPage::updateCurveChart()
{
    QList<ComparisonChart::Curve> curves;
    const MetricDef& x = MetricCatalogue::get(MetricId::OutputThroughput);
    const MetricDef& y = MetricCatalogue::get(MetricId::AvgLatency);
    for (const RunData& run : std::as_const(m_result.runs)) {
        ComparisonChart::Curve c{legendName(run), {}};
        for (const PointResult& p : run.points) {
            if (p.hasSummary)
                c.points.append(QPointF(MetricCatalogue::value(x, p), MetricCatalogue::value(y, p)));
        }
        curves.append(c);
    }
    m_curveChart->setCurves(
        tr("Throughput–latency"), tr("output throughput (tok/s)"), tr("average latency (s)"), curves);
}

bool ComparisonPage::exportHtml(const QString& path)
{
    const int c = m_candidate->currentIndex();
    if (path.isEmpty() || c < 0 || c >= m_result.comparisons.size() || c + 1 >= m_result.runs.size())
        return false;
    const RunComparison comparison = m_showingChosen ? m_chosen.comparison : m_result.comparisons.at(c);
    const RunData baseline = m_result.runs.first(); // summaries only: the records were dropped once compared
    const RunData candidate = m_result.runs.at(c + 1);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT exportFinished(error.isEmpty(), error.isEmpty() ? tr("Report saved to %1").arg(path) : error);
    });
    watcher->setFuture(QtConcurrent::run([comparison, baseline, candidate, path]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return tr("cannot write %1: %2").arg(path, file.errorString());
        file.write(ComparisonReport::render(comparison, baseline, candidate));
        if (!file.commit())
            return tr("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }));
    return true;
}

void ComparisonPage::askExportHtml()
{
    const int c = m_candidate->currentIndex();
    if (c < 0 || c + 1 >= m_result.runs.size())
        return;
    const auto stem = [](const RunData& r) { return (r.name.isEmpty() ? r.id.left(8) : r.name).left(40); };
    QString name
        = QStringLiteral("compare_%1_vs_%2.html").arg(stem(m_result.runs.first()), stem(m_result.runs.at(c + 1)));
    static const QString kBad = QStringLiteral("\\/:*?\"<>| ");
    for (QChar& ch : name) {
        if (kBad.contains(ch) || ch.unicode() < 32)
            ch = u'_';
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison Report"), QDir::home().filePath(name), tr("HTML files (*.html)"));
    exportHtml(path);
}

} // namespace tl
