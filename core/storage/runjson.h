#pragma once

#include "storage/rundata.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Throughline's own JSON of a whole run: its configuration (EvalScope's benchmark_args.json keys under "config"),
// provenance, notes and tags, and per run point the summary, the percentile table and every request with every
// event time. Import reads it back into an identical run, so runs can be shared between projects and machines.
//
//   {"format": "throughline-run", "format_version": 1, "id", "name", "status", "tool_version", "model", "url",
//    "api", "created_ms", "source", "source_path", "import_notes": [..], "notes", "tags": [..],
//    "fingerprint": {..} | null, "config": {..},
//    "points": [{"index", "parallel", "number", "rate", "status", "summary": {..} | null, "percentiles": [..],
//                "requests": [{"seq", "warmup", "success", "stream", "scheduled_ns", "sent_ns", "headers_ns",
//                              "end_ns", "event_ns": [..], "event_flags": [..], "prompt_tokens", "completion_tokens",
//                              "cached_tokens", "token_source", "http_status", "error_class", "error_message",
//                              "bytes", "response_id", "retries", and with --multi-turn "conversation_id",
//                              "turn_index"}]}]}
//
// Times are nanoseconds relative to the run's anchor; unknown token counts are null.
namespace tl::RunJson {

constexpr int kFormatVersion = 1;

QByteArray toJson(const RunData& run);
// nullopt with a message naming the problem when `data` is not a run this version can read.
std::optional<RunData> fromJson(const QByteArray& data, QString* error);
// Whether `data` looks like this format (for import's format detection).
bool looksLikeRunJson(const QByteArray& data);

} // namespace tl::RunJson
