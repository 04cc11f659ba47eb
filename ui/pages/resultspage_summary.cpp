#include "pages/resultspage.h"
#include "pages/resultspage_p.h"

#include "charts/sweepchartview.h"
#include "metrics/goodput.h"
#include "models/failuretablemodel.h"
#include "models/percentiletablemodel.h"
#include "models/requesttable.h"
#include "models/summarytablemodel.h"

#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>
#include <vector>

namespace tl {

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

} // namespace tl
