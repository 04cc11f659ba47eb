#pragma once

#include "storage/rundata.h"

#include <QString>

#include <optional>

namespace tl {

// Reads an EvalScope perf output folder into a run: a run-point folder (parallel_<P>_number_<N> or
// rate_<R>_number_<N>), the folder above several of them, or an outputs folder with its <YYYYmmdd_HHMMSS> level.
// Requests come from benchmark_data.db (its `result` table) and every metric is recomputed from them; the
// benchmark_*.json files supply the configuration and a cross-check. What EvalScope does not keep (headers
// time, HTTP status, error text, per-chunk absolute times, warmup requests) is named in RunData::importNotes.
class EvalScopeImporter final {
public:
    static std::optional<RunData> import(const QString& path, QString* error);
    // Whether `path` looks like an EvalScope output folder (for format detection).
    static bool recognises(const QString& path);
};

} // namespace tl
