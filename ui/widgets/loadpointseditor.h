#pragma once

#include <QWidget>

class QTableView;

namespace tl {

class LoadPointsModel;

// The sweep's points as a small table with Add and Remove: one row per run point, its load (--parallel in closed
// loop, --rate in open loop) and its --number. The Load group's list fields stay the compact way; the form keeps the
// two in step (pointsEdited when the user changed the table, setPoints when the fields changed).
class LoadPointsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadPointsEditor)

public:
    explicit LoadPointsEditor(QWidget* parent = nullptr);
    ~LoadPointsEditor() override;

    LoadPointsModel* model() const { return m_points; }
    // Shows these points (without pointsEdited) unless the table already holds them.
    void setPoints(bool openLoop, const QList<double>& loads, const QList<double>& numbers);
    void addPoint();
    // Removes the current row, or the last; the last point is never removed.
    void removePoint();

Q_SIGNALS:
    void pointsEdited();

private:
    void onModelChanged();

    LoadPointsModel* m_points = nullptr;
    QTableView* m_view = nullptr;
    bool m_filling = false;
};

} // namespace tl
