#include "models/requesttablemodel.h"

#include "storage/csv.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString number(double v, int decimals)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

} // namespace

RequestTableModel::RequestTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

RequestTableModel::~RequestTableModel() = default;

void RequestTableModel::setTable(
    std::shared_ptr<const RequestTable> table, const QStringList& pointLabels, std::shared_ptr<const RunData> run)
{
    beginResetModel();
    m_table = std::move(table);
    m_run = std::move(run);
    m_pointLabels = pointLabels;
    m_filter = Filter{};
    rebuild();
    endResetModel();
}

void RequestTableModel::clear()
{
    setTable({}, {}, {});
}

void RequestTableModel::setFilter(const Filter& filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuild();
    endResetModel();
}

const RequestRecord* RequestTableModel::record(int row) const
{
    const int t = tableRow(row);
    if (t < 0 || !m_run)
        return nullptr;
    const int p = m_table->point.at(t);
    const int r = m_table->record.at(t);
    if (p < 0 || p >= m_run->points.size() || r < 0 || r >= m_run->points.at(p).records.size())
        return nullptr;
    return &m_run->points.at(p).records.at(r);
}

RequestTableModel::Snapshot RequestTableModel::snapshot() const
{
    return Snapshot{m_table, m_run, m_pointLabels, m_rows};
}

void RequestTableModel::rebuild()
{
    m_rows.clear();
    if (!m_table)
        return;
    const RequestTable& t = *m_table;
    const int n = t.size();
    m_rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (!m_filter.warmup && t.warmup(i))
            continue;
        if (m_filter.failedOnly && t.success(i))
            continue;
        if (m_filter.errorClass >= 0 && t.errorClass.at(i) != m_filter.errorClass)
            continue;
        if (m_filter.point >= 0 && t.point.at(i) != m_filter.point)
            continue;
        m_rows.append(i);
    }
    if (m_filter.slowest > 0 && m_rows.size() > m_filter.slowest) {
        const auto slower = [&t](int a, int b) {
            const float la = t.latencyMs.at(a);
            const float lb = t.latencyMs.at(b);
            if (std::isnan(la) != std::isnan(lb))
                return std::isnan(lb);
            return la > lb;
        };
        std::nth_element(m_rows.begin(), m_rows.begin() + m_filter.slowest, m_rows.end(), slower);
        m_rows.resize(m_filter.slowest);
        std::sort(m_rows.begin(), m_rows.end(), slower);
    }
    sortRows();
}

double RequestTableModel::sortValue(const RequestTable& t, int row, int column)
{
    switch (column) {
    case Point:
        return double(t.point.at(row)) * 1e9 + t.seq.at(row);
    case Seq:
        return t.seq.at(row);
    case Status:
    case Error:
        return t.errorClass.at(row);
    case Http:
        return t.httpStatus.at(row);
    case Sent:
        return double(t.sentNs.at(row)) / 1e9;
    case Ttft:
        return t.ttftMs.at(row);
    case Latency:
        return t.latencyMs.at(row);
    case Tpot:
        return t.tpotMs.at(row);
    case InputTokens:
        return t.promptTokens.at(row) < 0 ? kNaN : t.promptTokens.at(row);
    case OutputTokens:
        return t.completionTokens.at(row) < 0 ? kNaN : t.completionTokens.at(row);
    default:
        return kNaN;
    }
}

void RequestTableModel::sortRows()
{
    if (!m_table || m_sortColumn < 0)
        return;
    const RequestTable& t = *m_table;
    if (m_sortColumn == Point && m_sortOrder == Qt::AscendingOrder && t.inPointOrder)
        return; // filtering keeps the table's order
    if (m_sortColumn == Point && m_sortOrder == Qt::DescendingOrder && t.inPointOrder) {
        std::reverse(m_rows.begin(), m_rows.end());
        return;
    }
    // One key per shown row, then a stable sort of (key, row) pairs: unknown values (NaN) always last.
    std::vector<std::pair<double, int>> keyed(std::size_t(m_rows.size()));
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        keyed[std::size_t(i)] = {sortValue(t, m_rows.at(i), m_sortColumn), m_rows.at(i)};
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    // Ties keep the table's order (the row index breaks them): as stable as stable_sort, without its buffer.
    std::sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
        const bool na = std::isnan(a.first);
        const bool nb = std::isnan(b.first);
        if (na || nb)
            return (!na && nb) || (na && nb && a.second < b.second);
        if (a.first != b.first)
            return ascending ? a.first < b.first : a.first > b.first;
        return a.second < b.second;
    });
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows[i] = keyed[std::size_t(i)].second;
}

void RequestTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QVector<int> tableRows;
    tableRows.reserve(before.size());
    for (const QModelIndex& index : before)
        tableRows.append(tableRow(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
    if (!before.isEmpty()) {
        QHash<int, int> where;
        for (int i = 0; i < m_rows.size(); ++i)
            where.insert(m_rows.at(i), i);
        QModelIndexList after;
        for (qsizetype i = 0; i < before.size(); ++i)
            after.append(index(where.value(tableRows.at(i)), before.at(i).column()));
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int RequestTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList RequestTableModel::header()
{
    return {tr("Point"), tr("#"), tr("Status"), tr("HTTP"), tr("Sent (s)"), tr("TTFT (ms)"), tr("Latency (ms)"),
        tr("TPOT (ms)"), tr("Input tokens"), tr("Output tokens"), tr("Error")};
}

QString RequestTableModel::text(const Snapshot& s, int row, int column, const RequestRecord* record)
{
    const RequestTable& t = *s.table;
    switch (column) {
    case Point: {
        const int p = t.point.at(row);
        return p >= 0 && p < s.pointLabels.size() ? s.pointLabels.at(p) : QString::number(p + 1);
    }
    case Seq:
        return QString::number(t.seq.at(row));
    case Status:
        if (t.success(row))
            return t.warmup(row) ? tr("ok (warmup)") : tr("ok");
        return errorClassName(ErrorClass(t.errorClass.at(row)));
    case Http:
        return t.httpStatus.at(row) > 0 ? QString::number(t.httpStatus.at(row)) : QString();
    case Sent:
        return number(double(t.sentNs.at(row)) / 1e9, 3);
    case Ttft:
        return number(t.ttftMs.at(row), 1);
    case Latency:
        return number(t.latencyMs.at(row), 1);
    case Tpot:
        return number(t.tpotMs.at(row), 2);
    case InputTokens:
        return t.promptTokens.at(row) < 0 ? QString() : QString::number(t.promptTokens.at(row));
    case OutputTokens:
        return t.completionTokens.at(row) < 0 ? QString() : QString::number(t.completionTokens.at(row));
    case Error:
        return (record ? record->errorMessage : t.errorMessage(row)).left(300).simplified();
    default:
        return {};
    }
}

QVariant RequestTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_table)
        return {};
    const int row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const Snapshot s{m_table, nullptr, m_pointLabels, {}};
        return text(s, row, index.column(), index.column() == Error ? record(index.row()) : nullptr);
    }
    case SortRole:
        return sortValue(*m_table, row, index.column());
    case TableRowRole:
        return row;
    case Qt::ToolTipRole:
        if (index.column() == Error || index.column() == Status) {
            const RequestRecord* r = record(index.row());
            const QString message = r ? r->errorMessage.left(2000) : m_table->errorMessage(row);
            return message.isEmpty() ? QVariant() : QVariant(message);
        }
        return {};
    case Qt::ForegroundRole:
        if (!m_table->success(row) && (index.column() == Status || index.column() == Error))
            return QColor(0xd5, 0x5e, 0x00); // Okabe–Ito vermillion
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Error || index.column() == Point)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RequestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return header().at(section);
    return {};
}

QByteArray RequestTableModel::csv(const Snapshot& snapshot)
{
    QByteArray out = Csv::row(header());
    if (!snapshot.table)
        return out;
    out.reserve(qsizetype(snapshot.rows.size()) * 80);
    const RequestTable& t = *snapshot.table;
    QStringList fields;
    for (int row : snapshot.rows) {
        const RequestRecord* record = nullptr;
        if (snapshot.run) {
            const int p = t.point.at(row);
            const int r = t.record.at(row);
            if (p >= 0 && p < snapshot.run->points.size() && r >= 0 && r < snapshot.run->points.at(p).records.size())
                record = &snapshot.run->points.at(p).records.at(r);
        }
        fields.clear();
        for (int c = 0; c < ColumnCount; ++c)
            fields << text(snapshot, row, c, record);
        out += Csv::row(fields);
    }
    return out;
}

} // namespace tl
