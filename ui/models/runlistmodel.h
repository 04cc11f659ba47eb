#pragma once

#include "storage/projectreader.h"

#include <QAbstractItemModel>
#include <QList>

namespace tl {

// One run as the project explorer lists it: the stored row plus what the list derives from its points.
struct RunListEntry {
    RunData run;
    qint64 failures = 0; // failed requests of its points (warmup excluded)
};

// The runs stored in a project file as a tree: one level of groups (by day, or by target and model) over the runs,
// or the runs alone when not grouped. Group rows carry the group's name in the first column and its run count in
// the Points column's neighbour; every other column of a group is empty.
class RunListModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunListModel)

public:
    enum Column { Name, Model, Load, Points, Requests, Failures, Status, Started, ColumnCount };
    enum Role { SortRole = Qt::UserRole, RunIdRole, FilterRole, IsGroupRole };
    enum class Grouping { None, Date, Target };

    explicit RunListModel(QObject* parent = nullptr);
    ~RunListModel() override;

    void setRuns(const QList<RunListEntry>& runs);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    const QList<RunListEntry>& runs() const { return m_runs; }
    const RunData* run(const QString& runId) const; // nullptr if absent
    QModelIndex indexOf(const QString& runId, int column = 0) const; // invalid if absent
    // "parallel 1, 4, 16" or "rate 2, 5 req/s" from the stored configuration.
    static QString loadText(const QByteArray& configJson);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group {
        QString title;
        QList<int> runs; // indices into m_runs
    };

    void rebuildGroups();
    QString groupKey(const RunData& run) const;
    int runIndexAt(const QModelIndex& index) const; // -1 for a group row
    QVariant runData(const RunListEntry& entry, int column, int role) const;
    QVariant displayValue(const RunListEntry& entry, int column) const;
    static QVariant sortValue(const RunListEntry& entry, int column);
    QString statusText(const QString& status) const;

    QList<RunListEntry> m_runs;
    QList<Group> m_groups; // empty when not grouped
    Grouping m_grouping = Grouping::None;
};

} // namespace tl
