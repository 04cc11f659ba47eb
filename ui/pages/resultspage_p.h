#pragma once

// Private to ResultsPage, whose definitions are split by responsibility over resultspage*.cpp: resultspage.cpp (the
// page, its header and the points it shows), _loader (reading a stored run off the GUI thread and showing it),
// _summary (summary tab and goodput what-if), _sweep (sweep tab), _point (Point tab), _requests (Requests tab and a
// request's detail), _config (Configuration tab, copy as command) and _exports (files and clipboard).

#include "charts/requesttimelineview.h"
#include "models/conversationtreemodel.h"
#include "models/failuretablemodel.h"
#include "pages/resultspage.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

#include <memory>

namespace tl {

// What the Point tab draws from a point's requests, computed on a pool thread (a point can hold a million).
struct ResultsPage::PointCharts {
    int point = -1;
    QList<QPointF> ttftHistogram;
    QList<QPointF> itlHistogram;
    QList<QPointF> ttftByPrompt;
    QList<QPointF> latencyByOutput;
    QVector<RequestTimelineView::Bar> bars;
};

struct ResultsPage::Loaded {
    int generation = 0;
    std::shared_ptr<const RunData> run;
    std::shared_ptr<const RequestTable> table;
    std::shared_ptr<const PointCharts> charts;
    FailureTableModel::Failures failures;
    QList<ConversationTreeModel::Group> conversations; // a --multi-turn run's requests by conversation
    QString error;
    qint64 elapsedMs = 0;
};

namespace resultspage {

// A point's load as the tables and charts label it: "P16" (closed loop) or "R2.5" (open loop).
inline QString loadLabel(const RunPoint& p)
{
    if (p.rate > 0)
        return QStringLiteral("R%1").arg(p.rate);
    return QStringLiteral("P%1").arg(p.parallel);
}

} // namespace resultspage

} // namespace tl
