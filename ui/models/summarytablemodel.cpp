#include "models/summarytablemodel.h"

#include "metrics/metriccatalogue.h"

#include <QLocale>

#include <cmath>

namespace tl {

namespace {

// What each column shows: a metric of the catalogue, at a percentile point for the percentile columns.
struct ColumnMetric {
    MetricId metric;
    const char* label; // "50%", "99%"; nullptr for a scalar
    const char* suffix; // added to the metric's name in the header
};

ColumnMetric columnMetric(int column)
{
    switch (column) {
    case SummaryTableModel::Success:
        return {MetricId::SuccessRequests, nullptr, ""};
    case SummaryTableModel::Failed:
        return {MetricId::FailedRequests, nullptr, ""};
    case SummaryTableModel::Duration:
        return {MetricId::TestDuration, nullptr, ""};
    case SummaryTableModel::ReqPerS:
        return {MetricId::ReqThroughput, nullptr, ""};
    case SummaryTableModel::OutTokPerS:
        return {MetricId::OutputThroughput, nullptr, ""};
    case SummaryTableModel::TtftAvg:
        return {MetricId::AvgTtft, nullptr, ""};
    case SummaryTableModel::TtftP50:
        return {MetricId::Ttft, "50%", " P50"};
    case SummaryTableModel::TtftP99:
        return {MetricId::Ttft, "99%", " P99"};
    case SummaryTableModel::ItlAvg:
        return {MetricId::AvgItl, nullptr, ""};
    case SummaryTableModel::ItlP50:
        return {MetricId::Itl, "50%", " P50"};
    case SummaryTableModel::ItlP99:
        return {MetricId::Itl, "99%", " P99"};
    case SummaryTableModel::TpotAvg:
        return {MetricId::AvgTpot, nullptr, ""};
    case SummaryTableModel::TpotP50:
        return {MetricId::Tpot, "50%", " P50"};
    case SummaryTableModel::TpotP99:
        return {MetricId::Tpot, "99%", " P99"};
    case SummaryTableModel::LatencyAvg:
        return {MetricId::AvgLatency, nullptr, ""};
    case SummaryTableModel::LatencyP50:
        return {MetricId::Latency, "50%", " P50"};
    case SummaryTableModel::LatencyP99:
        return {MetricId::Latency, "99%", " P99"};
    default:
        break;
    }
    return {MetricId::Concurrency, nullptr, nullptr}; // Parallel and Number: the point, not a metric
}

bool isCount(int column)
{
    return column <= SummaryTableModel::Failed;
}

} // namespace

SummaryTableModel::SummaryTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

SummaryTableModel::~SummaryTableModel() = default;

void SummaryTableModel::setResults(const QList<PointResult>& results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

int SummaryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int SummaryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double SummaryTableModel::rawValue(const PointResult& r, int column)
{
    if (column == Parallel)
        return r.point.parallel;
    if (column == Number)
        return r.point.number;
    if (column < 0 || column >= ColumnCount)
        return std::nan("");
    const ColumnMetric c = columnMetric(column);
    return MetricCatalogue::value(
        MetricCatalogue::get(c.metric), r, c.label ? QString::fromLatin1(c.label) : QString());
}

QString SummaryTableModel::displayText(const PointResult& r, int column) const
{
    const double v = rawValue(r, column);
    if (std::isnan(v))
        return tr("–", "no sample");
    const QLocale locale;
    if (isCount(column)) {
        const QString count = locale.toString(qint64(v));
        return column == Number && r.stopped ? tr("%1 (stopped)").arg(count) : count;
    }
    // Enough digits to compare points at a glance: three significant figures below 100, whole numbers above.
    const int decimals = std::abs(v) >= 100 ? 0 : std::abs(v) >= 10 ? 1 : std::abs(v) >= 1 ? 2 : 3;
    return locale.toString(v, 'f', decimals);
}

QVariant SummaryTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PointResult& r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case SortRole:
        return rawValue(r, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Failed && !r.extended.errorsByClass.isEmpty()) {
            QStringList lines;
            for (const auto& [errorClass, count] : r.extended.errorsByClass) {
                lines.append(tr("%1: %2").arg(errorClass).arg(count));
                for (const auto& [cls, message] : r.extended.errorMessages) {
                    if (cls == errorClass && !message.isEmpty())
                        lines.append(tr("  e.g. %1").arg(message));
                }
            }
            return lines.join(u'\n');
        }
        return {};
    default:
        return {};
    }
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (role != Qt::DisplayRole)
        return {};
    if (section == Parallel)
        return tr("Parallel");
    if (section == Number)
        return tr("Number");
    const ColumnMetric c = columnMetric(section);
    const MetricDef& m = MetricCatalogue::get(c.metric);
    return QStringLiteral("%1%2\n(%3)").arg(m.nameString(), QString::fromLatin1(c.suffix), m.unitString());
}

QString SummaryTableModel::headerToolTip(int column) const
{
    if (column == Parallel)
        return tr("Maximum requests in flight (closed loop)");
    if (column == Number)
        return tr("Requests in this run point");
    // The catalogue's definition, so every number shown says what it is and which way is better.
    const MetricDef& m = MetricCatalogue::get(columnMetric(column).metric);
    return QStringLiteral("%1 (%2, %3): %4")
        .arg(m.nameString(), m.unitString(), MetricCatalogue::directionName(m.direction), m.definitionString());
}

} // namespace tl
