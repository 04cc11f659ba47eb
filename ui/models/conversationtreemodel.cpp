#include "models/conversationtreemodel.h"

#include <algorithm>
#include <map>

namespace tl {

void ConversationTreeModel::Builder::add(int point, const RequestRecord& r)
{
    if (r.conversationId < 0)
        return;
    Group& g = m_byId[{point, r.conversationId}];
    g.point = point;
    g.conversationId = r.conversationId;
    g.turns.append(r);
}

QList<ConversationTreeModel::Group> ConversationTreeModel::group(const RunData& run)
{
    Builder builder;
    for (const PointResult& p : run.points)
        for (const RequestRecord& r : p.records)
            builder.add(p.index, r);
    return builder.finish();
}

QList<ConversationTreeModel::Group> ConversationTreeModel::Builder::finish()
{
    std::map<std::pair<int, qint64>, Group> byId = std::move(m_byId);
    m_byId.clear();
    QList<Group> out;
    out.reserve(qsizetype(byId.size()));
    for (auto& [key, g] : byId) {
        std::sort(g.turns.begin(), g.turns.end(),
            [](const RequestRecord& a, const RequestRecord& b) { return a.turnIndex < b.turnIndex; });
        out.append(std::move(g));
    }
    return out;
}

ConversationTreeModel::ConversationTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

ConversationTreeModel::~ConversationTreeModel() = default;

void ConversationTreeModel::setGroups(QList<Group> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

QModelIndex ConversationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_groups.size())
        return {};
    return row < m_groups.at(parent.row()).turns.size() ? createIndex(row, column, quintptr(parent.row()))
                                                        : QModelIndex();
}

QModelIndex ConversationTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int ConversationTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0 || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).turns.size());
}

int ConversationTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ConversationTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != SortRole))
        return {};
    if (index.internalId() == kTopLevel)
        return conversationData(m_groups.at(index.row()), index.column(), role);
    return turnData(m_groups.at(int(index.internalId())).turns.at(index.row()), index.column(), role);
}

QVariant ConversationTreeModel::conversationData(const Group& g, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    switch (column) {
    case Conversation:
        return g.conversationId;
    case Point:
        return g.point + (display ? 1 : 0);
    case Turn: {
        const auto ok
            = std::count_if(g.turns.cbegin(), g.turns.cend(), [](const RequestRecord& r) { return r.success; });
        return display ? tr("%1 of %n turn(s) succeeded", nullptr, int(g.turns.size())).arg(ok) : QVariant(qint64(ok));
    }
    case Ttft:
        if (g.turns.isEmpty() || !g.turns.first().success)
            return display ? QVariant(QString()) : QVariant(-1.0);
        return display ? QVariant(QString::number(g.turns.first().ttftS() * 1000.0, 'f', 1))
                       : QVariant(g.turns.first().ttftS());
    case Latency: {
        if (g.turns.isEmpty())
            return {};
        qint64 first = g.turns.first().sentNs, last = 0;
        for (const RequestRecord& r : g.turns) {
            first = std::min(first, r.sentNs);
            last = std::max(last, r.endNs);
        }
        const double s = double(last - first) / 1e9;
        return display ? QVariant(QString::number(s, 'f', 3)) : QVariant(s);
    }
    case Status: {
        const bool warmup = !g.turns.isEmpty() && g.turns.first().warmup;
        const bool failed
            = std::any_of(g.turns.cbegin(), g.turns.cend(), [](const RequestRecord& r) { return !r.success; });
        QString s = failed ? tr("abandoned") : tr("ok");
        if (warmup)
            s = tr("warmup, %1").arg(s);
        return s;
    }
    default:
        return {};
    }
}

QVariant ConversationTreeModel::turnData(const RequestRecord& r, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    const auto tokens
        = [display](qint64 n) { return n < 0 ? (display ? QVariant(QString()) : QVariant(qint64(-1))) : QVariant(n); };
    switch (column) {
    case Turn:
        return r.turnIndex + (display ? 1 : 0);
    case Seq:
        return r.seq;
    case Ttft:
        if (!r.success)
            return display ? QVariant(QString()) : QVariant(-1.0);
        return display ? QVariant(QString::number(r.ttftS() * 1000.0, 'f', 1)) : QVariant(r.ttftS());
    case Latency:
        if (!r.success)
            return display ? QVariant(QString()) : QVariant(-1.0);
        return display ? QVariant(QString::number(r.latencyS(), 'f', 3)) : QVariant(r.latencyS());
    case PromptTokens:
        return tokens(r.promptTokens);
    case CachedTokens:
        return tokens(r.cachedTokens);
    case CompletionTokens:
        return tokens(r.completionTokens);
    case Status:
        if (r.success)
            return r.warmup ? tr("warmup") : tr("ok");
        return r.httpStatus != 0 ? tr("HTTP %1").arg(r.httpStatus) : errorClassName(r.errorClass);
    default:
        return {};
    }
}

QVariant ConversationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Conversation:
        return tr("Conversation");
    case Point:
        return tr("Point");
    case Turn:
        return tr("Turn");
    case Seq:
        return tr("Request");
    case Ttft:
        return tr("TTFT (ms)");
    case Latency:
        return tr("Latency (s)");
    case PromptTokens:
        return tr("Prompt tokens");
    case CachedTokens:
        return tr("Cached tokens");
    case CompletionTokens:
        return tr("Output tokens");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace tl
