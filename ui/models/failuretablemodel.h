#pragma once

#include "model/rundata.h"

#include <QAbstractTableModel>
#include <QList>

namespace tl {

struct RequestTable;

// A run's failures grouped by class and HTTP status (429 apart from 500 apart from a reset...), warmup excluded:
// how many, their share of the run's requests, and the first message of each group as an example.
class FailureTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailureTableModel)

public:
    enum Column { Class, Http, Count, Share, Example, ColumnCount };
    enum Role { SortRole = Qt::UserRole };
    struct Group {
        ErrorClass errorClass = ErrorClass::None;
        int httpStatus = 0;
        qint64 count = 0;
        QString example;
    };

    explicit FailureTableModel(QObject* parent = nullptr);
    ~FailureTableModel() override;

    struct Failures {
        QList<Group> groups; // largest first
        qint64 failed = 0;
        qint64 total = 0;
    };
    // Groups the requests of every point (or of point `point` only); safe on any thread.
    static Failures group(const RunData& run, int point = -1);
    // The same from a request table's columns (no records needed: a run read lazily).
    static Failures group(const RequestTable& table, int point = -1);
    void setFailures(const Failures& failures);
    void setRun(const RunData& run, int point = -1) { setFailures(group(run, point)); }
    void clear();
    qint64 failedCount() const { return m_failed; }
    qint64 requestCount() const { return m_total; }
    const QList<Group>& groups() const { return m_groups; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Group> m_groups;
    qint64 m_failed = 0;
    qint64 m_total = 0;
};

} // namespace tl
