#pragma once

#include "models/requesttable.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

#include <memory>

namespace tl {

// The per-request table of a run, virtualised: it holds the shared RequestTable's columns and one int per visible
// row (the row order after filtering and sorting), and formats a cell only when the view asks for it. Filtering
// (failed only, one error class, one point, the slowest N) and sorting are done by the model on those ints, so a
// million requests sort in a fraction of a second and scroll like ten. SortRole holds the raw number (NaN: none).
class RequestTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTableModel)

public:
    enum Column { Point, Seq, Status, Http, Sent, Ttft, Latency, Tpot, InputTokens, OutputTokens, Error, ColumnCount };
    enum Role { SortRole = Qt::UserRole, TableRowRole };

    struct Filter {
        bool failedOnly = false;
        int errorClass = -1; // ErrorClass, -1 = any
        int point = -1; // point index, -1 = every point
        int slowest = 0; // > 0: only the N slowest (by latency) of what passes the rest
        bool warmup = false; // include warmup requests (no metric counts them)
        friend bool operator==(const Filter&, const Filter&) = default;
    };

    // What the CSV export needs, copyable to a pool thread.
    struct Snapshot {
        std::shared_ptr<const RequestTable> table;
        std::shared_ptr<const RunData> run;
        QStringList pointLabels;
        QVector<int> rows;
    };

    explicit RequestTableModel(QObject* parent = nullptr);
    ~RequestTableModel() override;

    // `run` (optional) gives the detail of each request (error messages, events); `pointLabels` name the points.
    void setTable(std::shared_ptr<const RequestTable> table, const QStringList& pointLabels,
        std::shared_ptr<const RunData> run = {});
    void clear();
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    int totalCount() const { return m_table ? m_table->size() : 0; }
    int sortColumn() const { return m_sortColumn; }
    // The row of the RequestTable shown at `row`; -1 when out of range.
    int tableRow(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row) : -1; }
    // The stored record at view row `row`; nullptr when the model was given no run.
    const RequestRecord* record(int row) const;
    const RequestTable* table() const { return m_table.get(); }
    Snapshot snapshot() const;
    static QStringList header();
    // The shown rows as CSV (a header row, then one row per request as the table shows it); safe on any thread.
    static QByteArray csv(const Snapshot& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void rebuild();
    void sortRows();
    static double sortValue(const RequestTable& t, int row, int column);
    static QString text(const Snapshot& s, int row, int column, const RequestRecord* record);

    std::shared_ptr<const RequestTable> m_table;
    std::shared_ptr<const RunData> m_run;
    QStringList m_pointLabels;
    Filter m_filter;
    QVector<int> m_rows;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace tl
