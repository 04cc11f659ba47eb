#pragma once

#include "model/extendedmetrics.h"
#include "model/harnesshealth.h"
#include "model/requestrecord.h"
#include "model/runpoint.h"
#include "model/slaprobe.h"
#include "model/summary.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace tl {

// One run point and everything measured in it: the live result a run controller emits, the point a project file
// stores and reads back, and the point an import builds or an export writes. One shape for all of them, so a stored
// run shows exactly what the live run showed.
struct PointResult {
    int index = 0;
    RunPoint point;
    // running, completed, stopped, interrupted (the run ended while the point was running: its summary is
    // recomputed from the stored requests).
    QString status = QStringLiteral("completed");
    bool hasSummary = false; // false: the point never finished and stored no request to compute one from
    bool summaryRecomputed = false; // computed on load from the stored requests, not stored by the run
    Summary summary;
    PercentileTable percentiles;
    ExtendedMetrics extended; // Throughline's metrics beyond EvalScope's
    HarnessHealth harness; // whether the client machine may have limited the point (docs/METRICS.md)
    bool stopped = false; // the user stopped it before every request was sent (status "stopped")
    int warmupRequests = 0; // sent before the timed phase; excluded from every metric
    qint64 requestCount = 0; // requests stored for the point (warmup included)
    SlaProbe slaProbe; // --sla-auto-tune: the probe this point measured (invalid otherwise)
    // The point's requests, times relative to the run's anchor. Empty unless asked for: a live result never holds
    // them, ProjectReader::loadRun() and the importers do.
    QList<RequestRecord> records;
};

} // namespace tl

Q_DECLARE_METATYPE(tl::PointResult)
