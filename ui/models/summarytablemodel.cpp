#include "models/summarytablemodel.h"

#include <QLocale>

#include <cmath>

namespace tl {

namespace {

const QString kTtft = QStringLiteral("TTFT (ms)");
const QString kItl = QStringLiteral("ITL (ms)");
const QString kTpot = QStringLiteral("TPOT (ms)");
const QString kLatency = QStringLiteral("Latency (s)");
const QString kP50 = QStringLiteral("50%");
const QString kP99 = QStringLiteral("99%");

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
    const Summary& s = r.summary;
    const PercentileTable& p = r.percentiles;
    switch (column) {
    case Parallel:
        return r.point.parallel;
    case Number:
        return r.point.number;
    case Success:
        return s.successRequests;
    case Failed:
        return s.failedRequests;
    case Duration:
        return s.testDurationS;
    case ReqPerS:
        return s.reqThroughput;
    case OutTokPerS:
        return s.outputThroughput;
    case TtftAvg:
        return s.avgTtftMs;
    case TtftP50:
        return p.value(kTtft, kP50);
    case TtftP99:
        return p.value(kTtft, kP99);
    case ItlAvg:
        return s.avgItlMs;
    case ItlP50:
        return p.value(kItl, kP50);
    case ItlP99:
        return p.value(kItl, kP99);
    case TpotAvg:
        return s.avgTpotMs;
    case TpotP50:
        return p.value(kTpot, kP50);
    case TpotP99:
        return p.value(kTpot, kP99);
    case LatencyAvg:
        return s.avgLatencyS;
    case LatencyP50:
        return p.value(kLatency, kP50);
    case LatencyP99:
        return p.value(kLatency, kP99);
    default:
        return std::nan("");
    }
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
    switch (section) {
    case Parallel:
        return tr("Parallel");
    case Number:
        return tr("Number");
    case Success:
        return tr("Success");
    case Failed:
        return tr("Failed");
    case Duration:
        return tr("Duration\n(s)");
    case ReqPerS:
        return tr("Req/s");
    case OutTokPerS:
        return tr("Output\ntok/s");
    case TtftAvg:
        return tr("TTFT avg\n(ms)");
    case TtftP50:
        return tr("TTFT P50\n(ms)");
    case TtftP99:
        return tr("TTFT P99\n(ms)");
    case ItlAvg:
        return tr("ITL avg\n(ms)");
    case ItlP50:
        return tr("ITL P50\n(ms)");
    case ItlP99:
        return tr("ITL P99\n(ms)");
    case TpotAvg:
        return tr("TPOT avg\n(ms)");
    case TpotP50:
        return tr("TPOT P50\n(ms)");
    case TpotP99:
        return tr("TPOT P99\n(ms)");
    case LatencyAvg:
        return tr("Latency avg\n(s)");
    case LatencyP50:
        return tr("Latency P50\n(s)");
    case LatencyP99:
        return tr("Latency P99\n(s)");
    default:
        return {};
    }
}

QString SummaryTableModel::headerToolTip(int column) const
{
    switch (column) {
    case Parallel:
        return tr("Maximum requests in flight (closed loop)");
    case Number:
        return tr("Requests in this run point");
    case Duration:
        return tr("From the first request sent to the last one finished");
    case ReqPerS:
        return tr("Successful requests per second");
    case OutTokPerS:
        return tr("Output tokens per second over the whole point");
    case TtftAvg:
    case TtftP50:
    case TtftP99:
        return tr("Time to first token");
    case ItlAvg:
    case ItlP50:
    case ItlP99:
        return tr("Inter-token latency: the gap between consecutive chunks");
    case TpotAvg:
    case TpotP50:
    case TpotP99:
        return tr("Time per output token after the first");
    case LatencyAvg:
    case LatencyP50:
    case LatencyP99:
        return tr("End-to-end request latency");
    default:
        return {};
    }
}

} // namespace tl
