#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace tl {

class JinjaTemplate;

// The chat_template of a model's tokenizer_config.json, rendered the way Hugging Face transformers'
// apply_chat_template does (a Jinja2 subset, see docs/TOKENIZER.md), so that a chat prompt's token
// count includes the template's framing. Immutable and thread-safe after create().
class ChatTemplate final {
public:
    // source: the Jinja text. bosToken/eosToken: tokenizer_config.json's bos_token/eos_token ("" when absent).
    // nullptr + *error when the template cannot be parsed.
    static std::unique_ptr<ChatTemplate> create(
        const std::string& source, const std::string& bosToken, const std::string& eosToken, QString* error);
    ~ChatTemplate();
    ChatTemplate(const ChatTemplate&) = delete;
    ChatTemplate& operator=(const ChatTemplate&) = delete;

    // messages: [{"role":..., "content":...}, ...]. std::nullopt + *error when the template cannot be rendered.
    std::optional<std::string> render(const nlohmann::json& messages, bool addGenerationPrompt, QString* error) const;
    // The same with extra template variables (e.g. {"enable_thinking": false}, "tools").
    std::optional<std::string> render(const nlohmann::json& messages, bool addGenerationPrompt,
        const nlohmann::json& extraContext, QString* error) const;

    const std::string& source() const { return m_source; }

private:
    ChatTemplate() = default;

    std::unique_ptr<JinjaTemplate> m_template;
    std::string m_source;
    std::string m_bosToken;
    std::string m_eosToken;
};

} // namespace tl
