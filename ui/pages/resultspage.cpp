#include "pages/resultspage.h"

#include "charts/sweepchartview.h"
#include "models/summarytablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tl {

ResultsPage::ResultsPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("No results yet: run a benchmark or pick a run in the Runs list."), this))
    , m_model(new SummaryTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_chart(new SweepChartView(this))
{
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_model->setObjectName(QStringLiteral("summaryModel"));
    m_proxy->setObjectName(QStringLiteral("summaryProxy"));
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

    m_chart->setObjectName(QStringLiteral("sweepChart"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({260, 540}); // a sweep has a handful of points: give the chart the room
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
}

ResultsPage::~ResultsPage() = default;

void ResultsPage::setResults(const QString& title, const QList<PointResult>& results)
{
    m_title->setText(title);
    m_model->setResults(results);
    m_chart->setResults(results);
    m_table->resizeColumnsToContents();
}

} // namespace tl
