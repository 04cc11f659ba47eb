#pragma once

#include "api/apiplugin.h"

#include <nlohmann/json.hpp>

namespace tl {

// /v1/embeddings and /v1/rerank (EvalScope's `openai_embedding` and `openai_rerank`, §3.3–3.4 of the behaviour
// reference): never streamed; the body is {"input": text | [texts]} or {"query", "documents"} plus the model and
// --extra-args; prompt tokens come from usage.prompt_tokens, else total_tokens, else (rerank) Cohere's
// meta.billed_units.search_units. Latency runs to the end of the body (EvalScope stops at the headers; the headers
// time is recorded too, so its figure can be recomputed).
class EmbeddingApi final : public ApiPlugin {
public:
    enum class Kind { Embedding, Rerank };
    EmbeddingApi(const RunConfig& config, Kind kind);

    QByteArray buildBody(const PromptItem& prompt) const override;
    ParsedEvent parseStreamEvent(QByteArrayView data) const override { return parseBody(data); }
    ParsedEvent parseBody(QByteArrayView body) const override;
    bool streaming() const override { return false; }

    // What EvalScope sends as the only document when a rerank prompt is a bare string.
    static constexpr const char* kDefaultDocument = "This is a test document for reranking.";

private:
    nlohmann::ordered_json m_base; // model and --extra-args
    Kind m_kind;
};

} // namespace tl
