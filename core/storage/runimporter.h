#pragma once

#include "storage/rundata.h"

#include <QString>

#include <optional>

namespace tl {

// Turns what other tools (and Throughline's own export) wrote into an ordinary run, metrics recomputed from the raw
// per-request data wherever the source has it. Never invents data: RunData::importNotes lists what was missing.
class RunImporter final {
public:
    enum class Format { Auto, EvalScope, Vllm, RunJson };

    // "auto", "evalscope", "vllm", "json"; nullopt for anything else.
    static std::optional<Format> formatFromName(const QString& name);
    // Auto: a folder is EvalScope output; a file is Throughline's run JSON or a vLLM result, by its content.
    static std::optional<RunData> import(const QString& path, Format format, QString* error);
};

} // namespace tl
