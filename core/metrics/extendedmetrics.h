#pragma once

#include "metrics/summary.h"
#include "model/extendedmetrics.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tl {

// "server" (every chunked request had token deltas), "even spread" (none had), "mixed" or "none" (no chunked request).
QString tokenDeltaSource(const ExtendedMetrics& m);

// throughline_metrics.json: the extended metrics of one point, written beside EvalScope's files.
QByteArray extendedMetricsToJson(const ExtendedMetrics& m);

} // namespace tl
