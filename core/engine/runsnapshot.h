#pragma once

#include "metrics/liveseries.h"
#include "model/pointresult.h"
#include "model/runpoint.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <memory>

namespace tl {

enum class RunState { Idle, Testing, Running, Sleeping, Finished, Stopped, Failed };
QString runStateName(RunState s);

// An immutable picture of a run for views: taken on the controller's thread, shared read-only.
struct RunSnapshot {
    QString runId;
    RunState state = RunState::Idle;
    int pointIndex = -1;
    int pointCount = 0;
    RunPoint point;
    SlaProbe probe; // --sla-auto-tune: the probe the current point measures
    qint64 total = 0; // requests of the current point
    qint64 completed = 0;
    qint64 failed = 0;
    int inFlight = 0;
    double elapsedS = 0;
    QVector<LivePoint> series; // current point
    QList<PointResult> results; // finished points
};

using RunSnapshotPtr = std::shared_ptr<const RunSnapshot>;

} // namespace tl

Q_DECLARE_METATYPE(tl::RunSnapshotPtr)
Q_DECLARE_METATYPE(tl::RunState)
