#include "widgets/loadpointseditor.h"

#include "models/loadpointsmodel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QTableView>
#include <QToolButton>

namespace tl {

LoadPointsEditor::LoadPointsEditor(QWidget* parent)
    : QWidget(parent)
    , m_points(new LoadPointsModel(this))
    , m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("loadPointsTable"));
    m_view->setModel(m_points);
    m_view->setToolTip(tr("One row per run point: its load and its number of requests. Double-click to edit."));
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 6);
    m_view->setMaximumHeight(m_view->fontMetrics().height() * 9);
    connect(m_points, &QAbstractItemModel::dataChanged, this, &LoadPointsEditor::onModelChanged);
    connect(m_points, &QAbstractItemModel::rowsInserted, this, &LoadPointsEditor::onModelChanged);
    connect(m_points, &QAbstractItemModel::rowsRemoved, this, &LoadPointsEditor::onModelChanged);

    auto* add = new QToolButton(this);
    add->setObjectName(QStringLiteral("addPointButton"));
    add->setText(tr("Add point"));
    connect(add, &QToolButton::clicked, this, &LoadPointsEditor::addPoint);
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removePointButton"));
    remove->setText(tr("Remove point"));
    connect(remove, &QToolButton::clicked, this, &LoadPointsEditor::removePoint);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 0, 0, 3, 1);
    layout->addWidget(add, 0, 1);
    layout->addWidget(remove, 1, 1);
    layout->setRowStretch(2, 1);
    layout->setColumnStretch(0, 1);
}

LoadPointsEditor::~LoadPointsEditor() = default;

void LoadPointsEditor::setPoints(bool openLoop, const QList<double>& loads, const QList<double>& numbers)
{
    m_filling = true;
    m_points->setOpenLoop(openLoop);
    if (loads != m_points->loads() || numbers != m_points->numbers()
        || m_points->rowCount() != std::max(loads.size(), numbers.size()))
        m_points->setPoints(loads, numbers);
    m_filling = false;
}

void LoadPointsEditor::addPoint()
{
    m_points->insertRows(m_points->rowCount(), 1);
}

void LoadPointsEditor::removePoint()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : m_points->rowCount() - 1;
    if (m_points->rowCount() > 1)
        m_points->removeRows(row, 1);
}

void LoadPointsEditor::onModelChanged()
{
    if (!m_filling)
        Q_EMIT pointsEdited();
}

} // namespace tl
