#pragma once

#include "models/conversationtreemodel.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QTreeView;

namespace tl {

// The Results page's Conversations tab: a --multi-turn run's requests grouped by conversation, each expanding
// to its turns in order. The grouping runs on a pool thread; a run without conversations shows a one-line note.
class ConversationView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationView)

public:
    explicit ConversationView(QWidget* parent = nullptr);
    ~ConversationView() override;

    // Shows `run`'s conversations (none for nullptr); an earlier run still being grouped is dropped.
    void setRun(std::shared_ptr<const RunData> run);
    // Shows conversations already grouped (the Results page groups them while it streams a stored run's requests).
    void setGroups(QList<ConversationTreeModel::Group> groups);
    ConversationTreeModel* model() const { return m_model; }

Q_SIGNALS:
    void conversationsShown(int count);

private:
    void onGrouped();

    ConversationTreeModel* m_model;
    QTreeView* m_view;
    QLabel* m_note;
    QFutureWatcher<QList<ConversationTreeModel::Group>> m_watcher;
    int m_generation = 0;
    int m_pendingGeneration = 0;
};

} // namespace tl
