#include "models/comparisontablemodel.h"

#include <QColor>
#include <QFont>

#include <cmath>

namespace tl {

namespace {

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("–");
}

QString signedNumber(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', decimals);
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

ComparisonTableModel::~ComparisonTableModel() = default;

void ComparisonTableModel::setRows(const QList<MetricComparison>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ComparisonTableModel::setVerdictsPending(bool pending)
{
    if (pending == m_pending)
        return;
    m_pending = pending;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, VerdictColumn), index(int(m_rows.size()) - 1, Interval));
}

int ComparisonTableModel::rowOf(const QString& key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ComparisonTableModel::verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Better:
        return tr("better");
    case Verdict::Worse:
        return tr("worse");
    case Verdict::Different:
        return tr("different");
    case Verdict::Inconclusive:
        return tr("inconclusive");
    case Verdict::NotApplicable:
        break;
    }
    return tr("n/a");
}

QColor ComparisonTableModel::verdictColour(Verdict v)
{
    switch (v) {
    case Verdict::Better:
        return QColor(0x00, 0x72, 0xB2); // Okabe–Ito blue
    case Verdict::Worse:
        return QColor(0xD5, 0x5E, 0x00); // Okabe–Ito vermillion
    case Verdict::Different:
        return QColor(0xCC, 0x79, 0xA7); // Okabe–Ito reddish purple
    case Verdict::Inconclusive:
    case Verdict::NotApplicable:
        break;
    }
    return {};
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MetricComparison& m = m_rows.at(index.row());
    const int decimals = m.metric->decimals;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Metric:
            return m.metric->unitString().isEmpty() ? m.name : tr("%1 (%2)").arg(m.name, m.metric->unitString());
        case Baseline:
            return number(m.baseline, decimals);
        case Candidate:
            return number(m.candidate, decimals);
        case Delta:
            return signedNumber(m.delta, decimals);
        case DeltaPercent:
            return std::isfinite(m.deltaPercent) ? tr("%1%").arg(signedNumber(m.deltaPercent, 1)) : QStringLiteral("–");
        case VerdictColumn:
            return m_pending && m.verdict != Verdict::NotApplicable ? tr("computing…") : verdictText(m.verdict);
        case Interval:
            return m.interval.isValid()
                ? tr("[%1, %2]")
                      .arg(signedNumber(m.interval.low, decimals + 1), signedNumber(m.interval.high, decimals + 1))
                : QStringLiteral("–");
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Metric || column == Baseline || column == Candidate)
            return tr("<b>%1</b> (%2, %3)<br>%4")
                .arg(m.name.toHtmlEscaped(), m.metric->unitString().isEmpty() ? tr("text") : m.metric->unitString(),
                    MetricCatalogue::directionName(m.metric->direction), m.metric->definitionString().toHtmlEscaped());
        if ((column == VerdictColumn || column == Interval) && m_pending && m.verdict != Verdict::NotApplicable)
            return tr("Reading the runs' requests and bootstrapping the verdicts…");
        if (column == VerdictColumn || column == Interval)
            return tr("%1<br>%2 baseline and %3 candidate samples")
                .arg(m.reason.toHtmlEscaped())
                .arg(m.baselineSamples)
                .arg(m.candidateSamples);
        return {};
    case Qt::ForegroundRole:
        if (column == VerdictColumn || column == Delta || column == DeltaPercent) {
            const Verdict v = column == VerdictColumn ? m.verdict
                : m.change == Change::Better          ? Verdict::Better
                : m.change == Change::Worse           ? Verdict::Worse
                                                      : Verdict::NotApplicable;
            const QColor c = verdictColour(v);
            if (c.isValid())
                return c;
        }
        return {};
    case Qt::FontRole:
        if (column == VerdictColumn && (m.verdict == Verdict::Better || m.verdict == Verdict::Worse)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Metric || column == VerdictColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (column) {
        case Metric:
            return m.name;
        case Baseline:
            return m.baseline;
        case Candidate:
            return m.candidate;
        case Delta:
            return m.delta;
        case DeltaPercent:
            return m.deltaPercent;
        case VerdictColumn:
            return int(m.verdict);
        case Interval:
            return m.interval.low;
        case ColumnCount:
            break;
        }
        return {};
    case KeyRole:
        return m.key;
    case VerdictRole:
        return verdictName(m.verdict);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Metric:
            return tr("Metric");
        case Baseline:
            return tr("Baseline");
        case Candidate:
            return tr("Candidate");
        case Delta:
            return tr("Δ");
        case DeltaPercent:
            return tr("Δ %");
        case VerdictColumn:
            return tr("Verdict");
        case Interval:
            return tr("95% interval of Δ");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole && section == VerdictColumn)
        return tr("From a seeded bootstrap of the stored requests (docs/METRICS.md, “Comparing runs”): better or "
                  "worse when the interval of the difference excludes 0 and the change is at least 5%; "
                  "inconclusive otherwise or with too few samples; n/a for one value per point.");
    return {};
}

} // namespace tl
