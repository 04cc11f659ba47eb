#include "tokenizer/chattemplate.h"

#include "tokenizer/jinjatemplate.h"

#include <stdexcept>

namespace tl {

ChatTemplate::~ChatTemplate() = default;

std::unique_ptr<ChatTemplate> ChatTemplate::create(
    const std::string& source, const std::string& bosToken, const std::string& eosToken, QString* error)
{
    std::unique_ptr<ChatTemplate> chat(new ChatTemplate());
    try {
        chat->m_template = std::make_unique<JinjaTemplate>(source);
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return nullptr;
    }
    chat->m_source = source;
    chat->m_bosToken = bosToken;
    chat->m_eosToken = eosToken;
    return chat;
}

std::optional<std::string> ChatTemplate::render(
    const nlohmann::json& messages, bool addGenerationPrompt, QString* error) const
{
    return render(messages, addGenerationPrompt, nlohmann::json::object(), error);
}

std::optional<std::string> ChatTemplate::render(
    const nlohmann::json& messages, bool addGenerationPrompt, const nlohmann::json& extraContext, QString* error) const
{
    if (!messages.is_array()) {
        *error = QStringLiteral("chat template: messages must be an array of {\"role\", \"content\"} objects");
        return std::nullopt;
    }
    // The variables transformers' apply_chat_template passes: tools and documents are None when not given.
    jinja::Value context = jinja::Value::object();
    context["messages"] = jinja::Value::parse(messages.dump());
    context["add_generation_prompt"] = addGenerationPrompt;
    context["tools"] = nullptr;
    context["documents"] = nullptr;
    if (!m_bosToken.empty())
        context["bos_token"] = m_bosToken;
    if (!m_eosToken.empty())
        context["eos_token"] = m_eosToken;
    if (extraContext.is_object()) {
        for (auto it = extraContext.begin(); it != extraContext.end(); ++it)
            context[it.key()] = jinja::Value::parse(it.value().dump());
    }
    try {
        return m_template->render(context);
    } catch (const std::exception& e) {
        *error = QStringLiteral("chat template: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

} // namespace tl
