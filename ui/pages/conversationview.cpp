#include "pages/conversationview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tl {

ConversationView::ConversationView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ConversationTreeModel(this))
    , m_view(new QTreeView(this))
    , m_note(new QLabel(this))
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ConversationTreeModel::SortRole);
    m_view->setModel(proxy);
    m_view->setObjectName(QStringLiteral("conversationTree"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConversationTreeModel::Conversation, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    connect(
        &m_watcher, &QFutureWatcher<QList<ConversationTreeModel::Group>>::finished, this, &ConversationView::onGrouped);
    setRun(nullptr);
}

ConversationView::~ConversationView()
{
    m_watcher.waitForFinished();
}

void ConversationView::setRun(std::shared_ptr<const RunData> run)
{
    m_model->setGroups({});
    ++m_generation;
    if (!run) {
        m_note->setText(tr("No run selected."));
        return;
    }
    m_note->setText(tr("Grouping the requests by conversation…"));
    m_pendingGeneration = m_generation;
    m_watcher.setFuture(QtConcurrent::run([run] { return ConversationTreeModel::group(*run); }));
}

void ConversationView::onGrouped()
{
    if (m_pendingGeneration != m_generation || m_watcher.isCanceled())
        return;
    setGroups(m_watcher.result());
}

void ConversationView::setGroups(QList<ConversationTreeModel::Group> groups)
{
    ++m_generation; // a grouping still running for an earlier run is dropped
    const int count = int(groups.size());
    m_model->setGroups(std::move(groups));
    m_note->setText(count == 0 ? tr("This run has no conversations: its requests were single-turn (see Requests).")
                               : tr("%n conversation(s); expand one to see its turns in order.", nullptr, count));
    Q_EMIT conversationsShown(count);
}

} // namespace tl
