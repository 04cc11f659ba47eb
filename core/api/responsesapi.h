#pragma once

#include "api/apiplugin.h"

#include <nlohmann/json.hpp>

namespace tl {

// OpenAI's Responses API, /v1/responses (EvalScope's `openai_responses`, §3.2 of the behaviour reference): the
// prompt goes in `input`, --max-tokens becomes `max_output_tokens`, and only text delta events
// (response.output_text.delta, refusal, reasoning and reasoning-summary deltas) count for TTFT and ITL.
// `response.completed` (or `response.incomplete`, when max_output_tokens ends it) carries the usage;
// `response.failed` and `error` events fail the request.
class ResponsesApi final : public ApiPlugin {
public:
    explicit ResponsesApi(const RunConfig& config);

    QByteArray buildBody(const PromptItem& prompt) const override;
    ParsedEvent parseStreamEvent(QByteArrayView data) const override;
    ParsedEvent parseBody(QByteArrayView body) const override;
    bool streaming() const override { return m_stream; }

private:
    nlohmann::ordered_json m_base; // model, max_output_tokens, stream, temperature, top_p, --extra-args
    nlohmann::ordered_json m_template; // --query-template's object; null = none
    bool m_stream = true;
    bool m_collectText = false; // a tokenizer is given: keep the text for counting when usage is missing
};

} // namespace tl
