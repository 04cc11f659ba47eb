#include "models/percentiletablemodel.h"

#include "metrics/metriccatalogue.h"

#include <cmath>

namespace tl {

PercentileTableModel::PercentileTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

PercentileTableModel::~PercentileTableModel() = default;

void PercentileTableModel::setTable(const PercentileTable& table)
{
    beginResetModel();
    m_table = table;
    // A table whose columns and values disagree (a damaged import) shows no rows rather than reading past them.
    if (m_table.values.size() != m_table.metrics.size())
        m_table = PercentileTable{};
    for (const QVector<double>& column : std::as_const(m_table.values)) {
        if (column.size() != m_table.labels.size()) {
            m_table = PercentileTable{};
            break;
        }
    }
    endResetModel();
}

int PercentileTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.labels.size());
}

int PercentileTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.metrics.size());
}

QVariant PercentileTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = m_table.values.at(index.column()).at(index.row());
    if (role == SortRole)
        return v;
    if (role == Qt::DisplayRole) {
        if (std::isnan(v))
            return QString();
        const MetricDef* def = MetricCatalogue::find(MetricTable::Percentiles, m_table.metrics.at(index.column()));
        return QString::number(v, 'f', def ? def->decimals : 2);
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PercentileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_table.labels.size())
            return m_table.labels.at(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section < 0 || section >= m_table.metrics.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_table.metrics.at(section);
    if (role == Qt::ToolTipRole) {
        const MetricDef* def = MetricCatalogue::find(MetricTable::Percentiles, m_table.metrics.at(section));
        return def ? def->definitionString() : QVariant();
    }
    return {};
}

} // namespace tl
