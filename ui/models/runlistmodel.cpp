#include "models/runlistmodel.h"

#include <QColor>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <map>

namespace tl {

namespace {

// Internal id of a run row under group g is g + 1; top-level rows (groups, or runs when not grouped) have id 0.
constexpr quintptr kTopLevel = 0;

QString joinNumbers(const QJsonArray& values)
{
    QStringList parts;
    for (const QJsonValue& v : values)
        parts.append(QLocale().toString(v.toDouble(), 'g', 6));
    return parts.join(QStringLiteral(", "));
}

} // namespace

RunListModel::RunListModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

RunListModel::~RunListModel() = default;

void RunListModel::setRuns(const QList<RunListEntry>& runs)
{
    beginResetModel();
    m_runs = runs;
    rebuildGroups();
    endResetModel();
}

void RunListModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuildGroups();
    endResetModel();
}

QString RunListModel::groupKey(const RunData& run) const
{
    if (m_grouping == Grouping::Date)
        return run.created().toLocalTime().date().toString(Qt::ISODate);
    return tr("%1 at %2").arg(run.model.isEmpty() ? tr("(no model)") : run.model, run.url);
}

void RunListModel::rebuildGroups()
{
    m_groups.clear();
    if (m_grouping == Grouping::None)
        return;
    std::map<QString, QList<int>> byKey;
    for (qsizetype i = 0; i < m_runs.size(); ++i)
        byKey[groupKey(m_runs.at(i).run)].append(int(i));
    for (auto& [key, indices] : byKey)
        m_groups.append(Group{key, indices});
    if (m_grouping == Grouping::Date) // newest day first
        std::reverse(m_groups.begin(), m_groups.end());
}

QString RunListModel::loadText(const QByteArray& configJson)
{
    const QJsonObject config = QJsonDocument::fromJson(configJson).object();
    if (config.value(QStringLiteral("open_loop")).toBool())
        return tr("rate %1 req/s").arg(joinNumbers(config.value(QStringLiteral("rate")).toArray()));
    const QJsonArray parallel = config.value(QStringLiteral("parallel")).toArray();
    if (parallel.isEmpty())
        return {};
    return tr("parallel %1").arg(joinNumbers(parallel));
}

const RunData* RunListModel::run(const QString& runId) const
{
    for (const RunListEntry& e : m_runs) {
        if (e.run.id == runId)
            return &e.run;
    }
    return nullptr;
}

QModelIndex RunListModel::indexOf(const QString& runId, int column) const
{
    int runIndex = -1;
    for (qsizetype i = 0; i < m_runs.size() && runIndex < 0; ++i) {
        if (m_runs.at(i).run.id == runId)
            runIndex = int(i);
    }
    if (runIndex < 0)
        return {};
    if (m_groups.isEmpty())
        return createIndex(runIndex, column, kTopLevel);
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        const qsizetype row = m_groups.at(g).runs.indexOf(runIndex);
        if (row >= 0)
            return createIndex(int(row), column, quintptr(g + 1));
    }
    return {};
}

QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RunListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.isEmpty() ? m_runs.size() : m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel || m_groups.isEmpty())
        return 0;
    return int(m_groups.at(parent.row()).runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

int RunListModel::runIndexAt(const QModelIndex& index) const
{
    if (m_groups.isEmpty())
        return index.row();
    if (index.internalId() == kTopLevel)
        return -1;
    return m_groups.at(int(index.internalId() - 1)).runs.at(index.row());
}

QString RunListModel::statusText(const QString& status) const
{
    // The stored status names are part of the file format; only their display is translated.
    if (status == u"running")
        return tr("running");
    if (status == u"completed")
        return tr("completed");
    if (status == u"stopped")
        return tr("stopped");
    if (status == u"failed")
        return tr("failed");
    if (status == u"interrupted")
        return tr("interrupted");
    return status;
}

QVariant RunListModel::displayValue(const RunListEntry& entry, int column) const
{
    const RunData& run = entry.run;
    const QLocale locale;
    switch (column) {
    case Name:
        return run.name;
    case Model:
        return run.model;
    case Load:
        return loadText(run.configJson);
    case Points:
        return locale.toString(run.pointCount);
    case Requests:
        return locale.toString(run.requestCount);
    case Failures:
        return locale.toString(entry.failures);
    case Status:
        return statusText(run.status);
    case Started:
        return run.created().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return {};
    }
}

QVariant RunListModel::sortValue(const RunListEntry& entry, int column)
{
    const RunData& run = entry.run;
    switch (column) {
    case Name:
        return run.name;
    case Model:
        return run.model;
    case Load:
        return loadText(run.configJson);
    case Points:
        return run.pointCount;
    case Requests:
        return run.requestCount;
    case Failures:
        return entry.failures;
    case Status:
        return run.status;
    case Started:
        return run.created();
    default:
        return {};
    }
}

QVariant RunListModel::runData(const RunListEntry& entry, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(entry, column);
    case SortRole:
        return sortValue(entry, column);
    case RunIdRole:
        return entry.run.id;
    case FilterRole: // what the explorer's filter matches: name, model and tags
        return QString(entry.run.name + u'\n' + entry.run.model + u'\n' + entry.run.tags.join(u'\n'));
    case IsGroupRole:
        return false;
    case Qt::ToolTipRole: {
        QString tip = entry.run.url + u'\n' + entry.run.id;
        if (!entry.run.tags.isEmpty())
            tip += u'\n' + tr("Tags: %1").arg(entry.run.tags.join(QStringLiteral(", ")));
        if (!entry.run.notes.isEmpty())
            tip += u'\n' + tr("Notes: %1").arg(entry.run.notes);
        return tip;
    }
    case Qt::ForegroundRole: // a run with failed requests is marked in vermillion (Okabe–Ito), as the results page does
        if (entry.failures > 0 && (column == Failures || column == Status || column == Name))
            return QColor(0xd5, 0x5e, 0x00);
        return {};
    case Qt::DecorationRole:
        if (entry.failures > 0 && column == Name)
            return QColor(0xd5, 0x5e, 0x00);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Points || column == Requests || column == Failures)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int runIndex = runIndexAt(index);
    if (runIndex >= 0)
        return runData(m_runs.at(runIndex), index.column(), role);
    const Group& group = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Name ? tr("%1 (%n run(s))", nullptr, int(group.runs.size())).arg(group.title)
                                      : QVariant();
    case SortRole: // groups keep their order (newest day first, targets by name) whatever the column sorted
        return index.column() == Started ? QVariant(m_runs.at(group.runs.first()).run.created()) : QVariant(group.title);
    case IsGroupRole:
        return true;
    case FilterRole:
        return QString();
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Model:
        return tr("Model");
    case Load:
        return tr("Load");
    case Points:
        return tr("Points");
    case Requests:
        return tr("Requests");
    case Failures:
        return tr("Failures");
    case Status:
        return tr("Status");
    case Started:
        return tr("Started");
    default:
        return {};
    }
}

} // namespace tl
