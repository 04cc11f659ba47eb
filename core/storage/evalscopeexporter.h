#pragma once

#include "storage/rundata.h"

#include <QString>
#include <QStringList>

namespace tl {

// Writes a run as EvalScope perf's output tree, so EvalScope's own report and dashboard read it:
// <dir>/<name>/parallel_<P>_number_<N>/ (rate_<R>_number_<N> in open loop) with benchmark_args.json,
// benchmark_summary.json, benchmark_percentile.json (when a request succeeded) and benchmark_data.db (its `result`
// table, one row per non-warmup request, §7.2 of the behaviour reference). Throughline keeps no request bodies or
// response chunks, so `request` is NULL and `response_messages` an empty pickled list.
class EvalScopeExporter final {
public:
    // `root` receives <dir>/<name>; false with a message naming the path on failure.
    static bool exportRun(const RunData& run, const QString& dir, QString* root, QString* error);
    static bool writeDataDb(const QString& path, const QList<RequestRecord>& records, QString* error);
};

} // namespace tl
