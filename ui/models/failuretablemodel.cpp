#include "models/failuretablemodel.h"

#include "models/requesttable.h"

#include <QColor>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace tl {

FailureTableModel::FailureTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

FailureTableModel::~FailureTableModel() = default;

FailureTableModel::Failures FailureTableModel::group(const RunData& run, int point)
{
    Failures out;
    QHash<quint32, int> where; // (class << 16 | status) -> group
    for (int pi = 0; pi < run.points.size(); ++pi) {
        if (point >= 0 && pi != point)
            continue;
        for (const RequestRecord& r : run.points.at(pi).records) {
            if (r.warmup)
                continue;
            ++out.total;
            if (r.success)
                continue;
            ++out.failed;
            const quint32 key = (quint32(r.errorClass) << 16) | quint32(qBound(0, r.httpStatus, 0xffff));
            auto it = where.find(key);
            if (it == where.end()) {
                it = where.insert(key, int(out.groups.size()));
                out.groups.append(Group{r.errorClass, r.httpStatus, 0, r.errorMessage.left(500).simplified()});
            }
            ++out.groups[*it].count;
        }
    }
    std::stable_sort(
        out.groups.begin(), out.groups.end(), [](const Group& a, const Group& b) { return a.count > b.count; });
    return out;
}

FailureTableModel::Failures FailureTableModel::group(const RequestTable& table, int point)
{
    Failures out;
    QHash<quint32, int> where; // (class << 16 | status) -> group
    for (int row = 0; row < table.size(); ++row) {
        if ((point >= 0 && table.point.at(row) != point) || table.warmup(row))
            continue;
        ++out.total;
        if (table.success(row))
            continue;
        ++out.failed;
        const auto errorClass = ErrorClass(table.errorClass.at(row));
        const int status = table.httpStatus.at(row);
        const quint32 key = (quint32(errorClass) << 16) | quint32(qBound(0, status, 0xffff));
        auto it = where.find(key);
        if (it == where.end()) {
            it = where.insert(key, int(out.groups.size()));
            out.groups.append(Group{errorClass, status, 0, table.errorMessage(row).left(500).simplified()});
        }
        ++out.groups[*it].count;
    }
    std::stable_sort(
        out.groups.begin(), out.groups.end(), [](const Group& a, const Group& b) { return a.count > b.count; });
    return out;
}

void FailureTableModel::setFailures(const Failures& failures)
{
    beginResetModel();
    m_groups = failures.groups;
    m_failed = failures.failed;
    m_total = failures.total;
    endResetModel();
}

void FailureTableModel::clear()
{
    setRun(RunData{});
}

int FailureTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int FailureTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailureTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group& g = m_groups.at(index.row());
    const double share = m_total > 0 ? 100.0 * double(g.count) / double(m_total) : 0.0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Class:
            return errorClassName(g.errorClass);
        case Http:
            return g.httpStatus > 0 ? QString::number(g.httpStatus) : tr("none");
        case Count:
            return QLocale().toString(g.count);
        case Share:
            return QStringLiteral("%1 %").arg(share, 0, 'f', 1);
        case Example:
            return g.example;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Class:
            return int(g.errorClass);
        case Http:
            return g.httpStatus;
        case Count:
            return g.count;
        case Share:
            return share;
        case Example:
            return g.example;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Example)
        return g.example;
    if (role == Qt::ForegroundRole && index.column() == Class)
        return QColor(0xd5, 0x5e, 0x00);
    if (role == Qt::TextAlignmentRole && (index.column() == Count || index.column() == Share))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FailureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Class:
        return tr("Failure class");
    case Http:
        return tr("HTTP status");
    case Count:
        return tr("Requests");
    case Share:
        return tr("Share of requests");
    case Example:
        return tr("Example message");
    default:
        return {};
    }
}

} // namespace tl
