#pragma once

#include "api/apiplugin.h"

#include <nlohmann/json.hpp>

namespace tl {

// OpenAI-compatible /v1/chat/completions and /v1/completions (EvalScope's `openai` API): bodies built as
// EvalScope builds them, stream chunks read the way it reads them (§3.1 of the behaviour reference).
class OpenAiApi final : public ApiPlugin {
public:
    explicit OpenAiApi(const RunConfig& config);

    QByteArray buildBody(const PromptItem& prompt) const override;
    ParsedEvent parseStreamEvent(QByteArrayView data) const override;
    ParsedEvent parseBody(QByteArrayView body) const override;
    bool streaming() const override { return m_stream; }

private:
    nlohmann::ordered_json m_base; // everything but the prompt
    // {"include_usage": true} as EvalScope sends it, plus "continuous_usage_stats": true with --continuous-usage.
    nlohmann::ordered_json m_streamOptions;
    nlohmann::ordered_json m_template; // --query-template's object (its "messages"/"prompt" replaced); null = none
    bool m_chat = true;
    bool m_stream = true;
    bool m_collectText = false; // a tokenizer is given: keep the text for counting when usage is missing
    bool m_collectReply = false; // --multi-turn: keep the reply (content and reasoning) for the next turn's history
};

} // namespace tl
