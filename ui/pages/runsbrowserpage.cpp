#include "pages/runsbrowserpage.h"

#include "models/runlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tl {

RunsBrowserPage::RunsBrowserPage(QWidget* parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_model(new RunListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    m_caption->setObjectName(QStringLiteral("runsCaption"));
    m_caption->setWordWrap(true);
    m_model->setObjectName(QStringLiteral("runListModel"));
    m_proxy->setObjectName(QStringLiteral("runListProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunListModel::SortRole);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunListModel::Started, Qt::DescendingOrder);
    // Newest first is what the list is for; the arrow would cost every column its width in a narrow dock.
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_table, 1);
    setRuns(QString(), {});
}

RunsBrowserPage::~RunsBrowserPage() = default;

void RunsBrowserPage::setRuns(const QString& projectName, const QList<RunData>& runs)
{
    const QString current = m_table->currentIndex().data(RunListModel::RunIdRole).toString();
    if (projectName.isEmpty())
        m_caption->setText(tr("No project open: use File ▸ Open Project… to browse stored runs."));
    else if (runs.isEmpty())
        m_caption->setText(tr("%1 has no runs yet.").arg(projectName));
    else
        m_caption->setText(tr("%n run(s) in %1", nullptr, int(runs.size())).arg(projectName));
    {
        const QScopedValueRollback guard(m_selecting, true);
        m_model->setRuns(runs);
    }
    if (!current.isEmpty())
        selectRun(current);
    m_table->resizeColumnsToContents();
}

void RunsBrowserPage::selectRun(const QString& runId)
{
    const int row = m_model->rowOf(runId);
    if (row < 0)
        return;
    const QScopedValueRollback guard(m_selecting, true);
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsBrowserPage::onCurrentChanged(const QModelIndex& current)
{
    if (m_selecting || !current.isValid())
        return;
    Q_EMIT runSelected(current.data(RunListModel::RunIdRole).toString());
}

} // namespace tl
