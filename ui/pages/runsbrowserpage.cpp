#include "pages/runsbrowserpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tl {

RunsBrowserPage::RunsBrowserPage(QWidget* parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_grouping(new QComboBox(this))
    , m_model(new RunListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_menu(new QMenu(this))
{
    m_caption->setObjectName(QStringLiteral("runsCaption"));
    m_caption->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("runsFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, tag or model"));
    m_filter->setClearButtonEnabled(true);
    m_grouping->setObjectName(QStringLiteral("runsGrouping"));
    m_grouping->addItem(tr("No grouping"), int(RunListModel::Grouping::None));
    m_grouping->addItem(tr("Group by date"), int(RunListModel::Grouping::Date));
    m_grouping->addItem(tr("Group by target and model"), int(RunListModel::Grouping::Target));
    m_model->setObjectName(QStringLiteral("runListModel"));
    m_proxy->setObjectName(QStringLiteral("runListProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunListModel::SortRole);
    m_proxy->setFilterRole(RunListModel::FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true); // a group stays while one of its runs matches
    m_tree->setObjectName(QStringLiteral("runsTable"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(RunListModel::Started, Qt::DescendingOrder);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection); // several runs: Compare
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_menu->setObjectName(QStringLiteral("runsContextMenu"));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &RunsBrowserPage::showContextMenu);
    connect(m_filter, &QLineEdit::textChanged, this, &RunsBrowserPage::setFilterText);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &RunsBrowserPage::onGroupingChosen);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_grouping);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addLayout(tools);
    layout->addWidget(m_tree, 1);
    setRuns(QString(), {});
}

RunsBrowserPage::~RunsBrowserPage() = default;

void RunsBrowserPage::setRuns(const QString& projectName, const QList<RunListEntry>& runs)
{
    const QString current = m_tree->currentIndex().data(RunListModel::RunIdRole).toString();
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
    m_tree->expandAll();
    if (!current.isEmpty())
        selectRun(current);
    for (int c = 0; c < RunListModel::ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
}

void RunsBrowserPage::setFilterText(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
    m_tree->expandAll();
}

void RunsBrowserPage::setGrouping(RunListModel::Grouping grouping)
{
    const int comboIndex = m_grouping->findData(int(grouping));
    if (m_grouping->currentIndex() != comboIndex) {
        m_grouping->setCurrentIndex(comboIndex); // comes back here through currentIndexChanged
        return;
    }
    const QString current = m_tree->currentIndex().data(RunListModel::RunIdRole).toString();
    {
        const QScopedValueRollback guard(m_selecting, true);
        m_model->setGrouping(grouping);
    }
    m_tree->setRootIsDecorated(grouping != RunListModel::Grouping::None);
    m_tree->expandAll();
    if (!current.isEmpty())
        selectRun(current);
}

void RunsBrowserPage::onGroupingChosen(int comboIndex)
{
    setGrouping(RunListModel::Grouping(m_grouping->itemData(comboIndex).toInt()));
}

void RunsBrowserPage::selectRun(const QString& runId)
{
    const QModelIndex source = m_model->indexOf(runId);
    if (!source.isValid())
        return;
    const QScopedValueRollback guard(m_selecting, true);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.isValid())
        m_tree->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsBrowserPage::onCurrentChanged(const QModelIndex& current)
{
    if (m_selecting || !current.isValid() || current.data(RunListModel::IsGroupRole).toBool())
        return;
    Q_EMIT runSelected(current.data(RunListModel::RunIdRole).toString());
}

QMenu* RunsBrowserPage::contextMenuFor(const QString& runId)
{
    m_menu->clear();
    const auto add
        = [this, &runId](const QString& text, const char* name, void (RunsBrowserPage::*signal)(const QString&)) {
              QAction* action = m_menu->addAction(text);
              action->setObjectName(QString::fromLatin1(name));
              connect(action, &QAction::triggered, this, [this, runId, signal] { Q_EMIT(this->*signal)(runId); });
              return action;
          };
    add(tr("&Open"), "openRunAction", &RunsBrowserPage::runSelected);
    // Read-only (a project open for browsing): what would write to it is shown, disabled.
    const QList<QAction*> writing{add(tr("&Rename…"), "renameRunAction", &RunsBrowserPage::renameRequested),
        add(tr("&Tags…"), "tagRunAction", &RunsBrowserPage::tagsRequested),
        add(tr("&Note…"), "noteRunAction", &RunsBrowserPage::notesRequested)};
    m_menu->addSeparator();
    QAction* rerun = add(tr("Re-run with This &Configuration"), "rerunAction", &RunsBrowserPage::rerunRequested);
    add(tr("D&uplicate Settings to the Form"), "duplicateRunAction", &RunsBrowserPage::duplicateRequested);
    m_menu->addSeparator();
    QAction* compare = m_menu->addAction(tr("&Compare Selected Runs"));
    compare->setObjectName(QStringLiteral("compareRunsAction"));
    const QStringList selected = selectedRunIds();
    compare->setEnabled(selected.size() >= 2);
    connect(compare, &QAction::triggered, this, [this, selected] { Q_EMIT compareRequested(selected); });
    m_menu->addSeparator();
    QAction* remove = add(tr("&Delete…"), "deleteRunAction", &RunsBrowserPage::deleteRequested);
    for (QAction* action : writing + QList<QAction*>{rerun, remove}) {
        action->setEnabled(!m_readOnly);
        if (m_readOnly)
            action->setToolTip(tr("The project is open read-only"));
    }
    return m_menu;
}

QStringList RunsBrowserPage::selectedRunIds() const
{
    QList<const RunData*> runs;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (const RunData* run = m_model->run(index.data(RunListModel::RunIdRole).toString()))
            runs.append(run);
    }
    std::stable_sort(
        runs.begin(), runs.end(), [](const RunData* a, const RunData* b) { return a->createdMs < b->createdMs; });
    QStringList ids;
    for (const RunData* run : std::as_const(runs))
        ids.append(run->id);
    return ids;
}

void RunsBrowserPage::selectRuns(const QStringList& runIds)
{
    const QScopedValueRollback guard(m_selecting, true);
    QItemSelection selection;
    for (const QString& id : runIds) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(id));
        if (index.isValid())
            selection.select(index, index);
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsBrowserPage::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid() || index.data(RunListModel::IsGroupRole).toBool())
        return;
    contextMenuFor(index.data(RunListModel::RunIdRole).toString())->popup(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace tl
