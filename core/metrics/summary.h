#pragma once

#include "config/runconfig.h"
#include "model/requestrecord.h"
#include "model/summary.h"

#include <nlohmann/json_fwd.hpp>

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QStringList>
#include <QVector>

namespace tl {

// Shorthands over PointAccumulator for a finished list of records.
Summary computeSummary(const QList<RequestRecord>& records, const RunPoint& point, RunConfig::ApiKind api);
PercentileTable computePercentiles(const QList<RequestRecord>& records);

// benchmark_summary.json and benchmark_percentile.json with EvalScope's exact keys and rounding, non-finite values
// null (Throughline's own storage and JSON).
QByteArray summaryToJson(const Summary& s);
QByteArray percentilesToJson(const PercentileTable& t);
// The same as the files EvalScope's readers get: non-finite values as Python writes them (NaN).
QByteArray summaryToEvalScopeFile(const Summary& s);
QByteArray percentilesToEvalScopeFile(const PercentileTable& t);
// The table as EvalScope's rows: [{"Percentiles": "min", "<metric>": value|null, ...}, ...].
nlohmann::ordered_json percentileRows(const PercentileTable& t, int decimals);
// A scalar metric's value as its file writes it: a whole number, rounded to its decimals (null when not finite), or
// as given.
nlohmann::ordered_json scalar(const struct MetricDef& metric, double value);
Summary summaryFromJson(const QByteArray& data);
PercentileTable percentilesFromJson(const QByteArray& data);

} // namespace tl

