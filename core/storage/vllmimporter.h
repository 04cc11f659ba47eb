#pragma once

#include "storage/rundata.h"

#include <QString>

#include <optional>

namespace tl {

// Reads the result JSON of vLLM's `vllm bench serve --save-result` (or benchmarks/benchmark_serving.py) into a run.
// A file written with --append-result holds one JSON object per line: each becomes a run point of one sweep.
// With --save-detailed the per-request lists (input_lens, output_lens, ttfts, itls, errors) become requests and
// every metric is recomputed from them; without it the point keeps vLLM's own aggregates. vLLM records no send
// times and no endpoint URL; RunData::importNotes says so.
class VllmImporter final {
public:
    static std::optional<RunData> import(const QString& path, QString* error);
    // Whether `data` looks like a vLLM bench serve result (for format detection).
    static bool recognises(const QByteArray& data);
};

} // namespace tl
