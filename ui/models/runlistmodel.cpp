#include "models/runlistmodel.h"

#include <QLocale>

namespace tl {

RunListModel::RunListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

RunListModel::~RunListModel() = default;

void RunListModel::setRuns(const QList<RunData>& runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunListModel::rowOf(const QString& runId) const
{
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).id == runId)
            return int(i);
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant RunListModel::displayValue(const RunData& run, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return run.name;
    case Model:
        return run.model;
    case Started:
        return run.created().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Status:
        return statusText(run.status);
    case Points:
        return locale.toString(run.pointCount);
    case Requests:
        return locale.toString(run.requestCount);
    default:
        return {};
    }
}

QVariant RunListModel::sortValue(const RunData& run, int column)
{
    switch (column) {
    case Name:
        return run.name;
    case Model:
        return run.model;
    case Started:
        return run.created();
    case Status:
        return run.status;
    case Points:
        return run.pointCount;
    case Requests:
        return run.requestCount;
    default:
        return {};
    }
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunData& run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(run, index.column());
    case SortRole:
        return sortValue(run, index.column());
    case RunIdRole:
        return run.id;
    case Qt::ToolTipRole:
        return QString(run.url + u'\n' + run.id);
    case Qt::TextAlignmentRole:
        if (index.column() == Points || index.column() == Requests)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Model:
        return tr("Model");
    case Started:
        return tr("Started");
    case Status:
        return tr("Status");
    case Points:
        return tr("Points");
    case Requests:
        return tr("Requests");
    default:
        return {};
    }
}

} // namespace tl
