#pragma once

#include "model/extendedmetrics.h"
#include "model/runpoint.h"
#include "model/summary.h"

#include <QMetaType>

namespace tl {

// The finished result of one run point.
struct PointResult {
    int index = 0;
    RunPoint point;
    Summary summary;
    PercentileTable percentiles;
    ExtendedMetrics extended; // Throughline's metrics beyond EvalScope's
    bool stopped = false; // the user stopped it before every request was sent
    int warmupRequests = 0; // sent before the timed phase; excluded from every metric
};

} // namespace tl

Q_DECLARE_METATYPE(tl::PointResult)
