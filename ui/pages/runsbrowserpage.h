#pragma once

#include "models/runlistmodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QPoint;
class QSortFilterProxyModel;
class QTreeView;

namespace tl {

// The project explorer: the runs stored in the open project file (by the GUI or by throughline-cli --project),
// grouped by day or by target and model, filtered by name, tag or model. Its context menu asks for what to do
// with a run through signals; the window decides how.
class RunsBrowserPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsBrowserPage)

public:
    explicit RunsBrowserPage(QWidget* parent = nullptr);
    ~RunsBrowserPage() override;

    // `projectName` empty = no project open.
    void setRuns(const QString& projectName, const QList<RunListEntry>& runs);
    // Makes `runId` the current row without emitting runSelected.
    void selectRun(const QString& runId);
    void setFilterText(const QString& text);
    void setGrouping(RunListModel::Grouping grouping);
    RunListModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    // The runs selected (Ctrl/Shift+click), oldest first: the comparison's baseline is the oldest.
    QStringList selectedRunIds() const;
    // Selects these runs (for tests and the Compare action).
    void selectRuns(const QStringList& runIds);
    // A project open read-only (browsing): Rename, Tags, Note, Re-run and Delete are shown disabled.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // The context menu for a run (what a right click shows); for tests.
    QMenu* contextMenuFor(const QString& runId);

Q_SIGNALS:
    void runSelected(const QString& runId);
    void renameRequested(const QString& runId);
    void tagsRequested(const QString& runId);
    void notesRequested(const QString& runId);
    void rerunRequested(const QString& runId);
    void duplicateRequested(const QString& runId);
    void deleteRequested(const QString& runId);
    void compareRequested(const QStringList& runIds); // two or more, oldest first

private:
    void onCurrentChanged(const QModelIndex& current);
    void showContextMenu(const QPoint& pos);
    void onGroupingChosen(int comboIndex);

    bool m_readOnly = false;
    QLabel* m_caption = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_grouping = nullptr;
    RunListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_tree = nullptr;
    QMenu* m_menu = nullptr;
    bool m_selecting = false;
};

} // namespace tl
