#pragma once

#include "model/pointresult.h"

#include <QByteArray>

namespace tl {

// The run_points.result_json column (schema 4): every measured field of a PointResult that the summary and
// percentile columns cannot hold exactly — the summary and both percentile tables unrounded, the extended metrics
// with the errors by class and their first messages, the stopped flag and the warmup count. Doubles are written with
// the shortest text that reads back to the same bits, so a stored point equals the live one; NaN (no sample) is null.
QByteArray pointResultToJson(const PointResult& r);
// Fills those fields of `r` (index, point, status, request count and records are columns of their own). False when
// the text is not such an object; `r` is then unchanged.
bool pointResultFromJson(const QByteArray& json, PointResult& r);

} // namespace tl
