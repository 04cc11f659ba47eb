#pragma once

#include "storage/projectreader.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace tl {

class RunListModel;

// The runs stored in the open project file (by the GUI or by throughline-cli --project), newest first.
// Picking one asks for its points' summaries.
class RunsBrowserPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsBrowserPage)

public:
    explicit RunsBrowserPage(QWidget* parent = nullptr);
    ~RunsBrowserPage() override;

    // `projectName` empty = no project open.
    void setRuns(const QString& projectName, const QList<RunData>& runs);
    // Makes `runId` the current row without emitting runSelected.
    void selectRun(const QString& runId);
    RunListModel* model() const { return m_model; }

Q_SIGNALS:
    void runSelected(const QString& runId);

private:
    void onCurrentChanged(const QModelIndex& current);

    QLabel* m_caption = nullptr;
    RunListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    bool m_selecting = false;
};

} // namespace tl
