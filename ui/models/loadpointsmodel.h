#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace tl {

// The sweep's points as an editable table for the setup form: one row per run point, its load (--parallel in
// closed loop, --rate in open loop) and its --number. A cell left empty holds NaN, so lists of unequal length
// show as they are and the core's rules report the mismatch.
class LoadPointsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadPointsModel)

public:
    enum Column { LoadColumn, NumberColumn, ColumnCount };

    explicit LoadPointsModel(QObject* parent = nullptr);
    ~LoadPointsModel() override;

    void setOpenLoop(bool openLoop);
    bool openLoop() const { return m_openLoop; }
    void setPoints(const QList<double>& loads, const QList<double>& numbers);
    // The columns as lists, empty cells left out.
    QList<double> loads() const { return column(LoadColumn); }
    QList<double> numbers() const { return column(NumberColumn); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

private:
    struct Point {
        double load;
        double number;
    };
    QList<double> column(int column) const;

    QList<Point> m_points;
    bool m_openLoop = false;
};

} // namespace tl
