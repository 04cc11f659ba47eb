#pragma once

#include "storage/projectreader.h"

#include <QAbstractTableModel>
#include <QList>

namespace tl {

// The runs stored in a project file, newest first, as ProjectReader::runs() returns them.
class RunListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunListModel)

public:
    enum Column { Name, Model, Started, Status, Points, Requests, ColumnCount };
    enum Role { SortRole = Qt::UserRole, RunIdRole };

    explicit RunListModel(QObject* parent = nullptr);
    ~RunListModel() override;

    void setRuns(const QList<RunData>& runs);
    const QList<RunData>& runs() const { return m_runs; }
    int rowOf(const QString& runId) const; // -1 if absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const RunData& run, int column) const;
    static QVariant sortValue(const RunData& run, int column);
    QString statusText(const QString& status) const;

    QList<RunData> m_runs;
};

} // namespace tl
