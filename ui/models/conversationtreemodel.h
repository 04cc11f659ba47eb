#pragma once

#include "model/rundata.h"

#include <QAbstractItemModel>
#include <QList>

#include <map>
#include <utility>

namespace tl {

// A --multi-turn run's requests grouped by conversation: one top-level row per conversation (its point, turns,
// the turns that succeeded, first-turn TTFT, conversation latency from the first send to the last end) with its
// turns as children in turn order (seq, TTFT, latency, prompt, cached and completion tokens, status). Warmup
// turns are kept and marked. Single-turn requests are left out.
class ConversationTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationTreeModel)

public:
    enum Column {
        Conversation,
        Point,
        Turn,
        Seq,
        Ttft,
        Latency,
        PromptTokens,
        CachedTokens,
        CompletionTokens,
        Status,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    struct Group {
        int point = -1;
        qint64 conversationId = -1;
        QList<RequestRecord> turns; // in turn order
    };
    // Collects requests one by one (what a streamed read of the project file gives) and groups them; single-turn
    // requests are dropped at once, so a run without conversations costs one comparison per request.
    class Builder {
    public:
        void add(int point, const RequestRecord& r);
        QList<Group> finish();

    private:
        std::map<std::pair<int, qint64>, Group> m_byId;
    };
    // Groups the run's requests (those its points hold); safe on any thread.
    static QList<Group> group(const RunData& run);

    explicit ConversationTreeModel(QObject* parent = nullptr);
    ~ConversationTreeModel() override;

    void setGroups(QList<Group> groups);
    const QList<Group>& groups() const { return m_groups; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr quintptr kTopLevel = ~quintptr(0);
    QVariant conversationData(const Group& g, int column, int role) const;
    QVariant turnData(const RequestRecord& r, int column, int role) const;

    QList<Group> m_groups;
};

} // namespace tl
