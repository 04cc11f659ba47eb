#include "models/loadpointsmodel.h"

#include <cmath>
#include <limits>

namespace tl {

namespace {

constexpr double kEmpty = std::numeric_limits<double>::quiet_NaN();

} // namespace

LoadPointsModel::LoadPointsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

LoadPointsModel::~LoadPointsModel() = default;

void LoadPointsModel::setOpenLoop(bool openLoop)
{
    if (m_openLoop == openLoop)
        return;
    m_openLoop = openLoop;
    Q_EMIT headerDataChanged(Qt::Horizontal, LoadColumn, LoadColumn);
}

void LoadPointsModel::setPoints(const QList<double>& loads, const QList<double>& numbers)
{
    QList<Point> points;
    const qsizetype rows = std::max(loads.size(), numbers.size());
    for (qsizetype i = 0; i < rows; ++i)
        points.append({loads.value(i, kEmpty), numbers.value(i, kEmpty)});
    beginResetModel();
    m_points = points;
    endResetModel();
}

QList<double> LoadPointsModel::column(int column) const
{
    QList<double> values;
    for (const Point& p : m_points) {
        const double v = column == LoadColumn ? p.load : p.number;
        if (!std::isnan(v))
            values.append(v);
    }
    return values;
}

int LoadPointsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_points.size());
}

int LoadPointsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LoadPointsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Point& p = m_points.at(index.row());
    const double v = index.column() == LoadColumn ? p.load : p.number;
    switch (role) {
    case Qt::DisplayRole:
        return std::isnan(v) ? QString() : QString::number(v);
    case Qt::EditRole:
        return std::isnan(v) ? QVariant() : QVariant(v);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool LoadPointsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    double v = kEmpty;
    if (!value.toString().trimmed().isEmpty()) {
        bool ok = false;
        v = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return false; // the view keeps the old value; the core's rules judge the numbers that are numbers
    }
    Point& p = m_points[index.row()];
    (index.column() == LoadColumn ? p.load : p.number) = v;
    Q_EMIT dataChanged(index, index);
    return true;
}

Qt::ItemFlags LoadPointsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant LoadPointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == LoadColumn)
        return m_openLoop ? tr("Rate (requests/s)") : tr("Parallel");
    if (section == NumberColumn)
        return tr("Number");
    return {};
}

bool LoadPointsModel::insertRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || row > m_points.size() || count < 1)
        return false;
    // A new point continues the sweep: twice the last load, the last number.
    const Point last = m_points.isEmpty() ? Point{0.5, 100} : m_points.value(row > 0 ? row - 1 : 0);
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_points.insert(row + i, {last.load * 2, last.number});
    endInsertRows();
    return true;
}

bool LoadPointsModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_points.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_points.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace tl
