#include "api/openaiapi.h"

#include "api/openaijson.h"

#include "config/runconfig.h"
#include "util/jsonutil.h"

namespace tl {

namespace {

// Appends obj[key] to `text` when it is a string.
void appendString(const nlohmann::json& obj, const char* key, QByteArray& text)
{
    const auto it = obj.find(key);
    if (it != obj.end() && it->is_string())
        text += QByteArray::fromStdString(it->get_ref<const std::string&>());
}

qsizetype stringSize(const nlohmann::json& obj, const char* key)
{
    const auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? static_cast<qsizetype>(it->get_ref<const std::string&>().size())
                                                : 0;
}

} // namespace

OpenAiApi::OpenAiApi(const RunConfig& config)
    : m_chat(config.effectiveApplyChatTemplate())
    , m_stream(config.stream)
    , m_collectText(!config.tokenizerPath.isEmpty())
    , m_collectReply(config.multiTurn)
{
    if (const QByteArray t = config.queryTemplateJson(); !t.isEmpty()) {
        // EvalScope: the dataset's prompt replaces the template's, then the run's parameters overwrite its keys.
        m_template = nlohmann::ordered_json::parse(t.cbegin(), t.cend(), nullptr, false);
        if (!m_template.is_object())
            m_template = nullptr;
    }
    // EvalScope's order: model, max_tokens, min_tokens, frequency_penalty, repetition_penalty, logprobs, n, seed,
    // stop, stream, stop_token_ids, temperature, top_p, top_k, then --extra-args.
    m_base["model"] = jsonutil::toStd(config.model);
    m_base["max_tokens"] = config.maxTokens;
    if (config.minTokens)
        m_base["min_tokens"] = *config.minTokens;
    if (config.frequencyPenalty)
        m_base["frequency_penalty"] = *config.frequencyPenalty;
    if (config.repetitionPenalty)
        m_base["repetition_penalty"] = *config.repetitionPenalty;
    if (config.logprobs)
        m_base["logprobs"] = *config.logprobs;
    if (config.nChoices)
        m_base["n"] = *config.nChoices;
    if (config.seed)
        m_base["seed"] = *config.seed;
    auto strings = [](const QStringList& items) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const QString& item : items)
            out.push_back(jsonutil::toStd(item));
        return out;
    };
    if (!config.stop.isEmpty())
        m_base["stop"] = strings(config.stop);
    m_base["stream"] = config.stream;
    if (!config.stopTokenIds.isEmpty())
        m_base["stop_token_ids"] = strings(config.stopTokenIds);
    m_base["temperature"] = config.temperature;
    if (config.topP)
        m_base["top_p"] = *config.topP;
    if (config.topK)
        m_base["top_k"] = *config.topK;
    if (!config.extraArgs.trimmed().isEmpty()) {
        const auto extra = nlohmann::ordered_json::parse(config.extraArgs.cbegin(), config.extraArgs.cend(), nullptr,
                                                         false);
        if (extra.is_object())
            m_base.update(extra);
    }
    m_streamOptions = {{"include_usage", true}};
    if (config.continuousUsage)
        m_streamOptions["continuous_usage_stats"] = true; // vLLM: usage in every chunk
    if (jsonutil::isTrue(m_base, "stream"))
        m_base["stream_options"] = m_streamOptions;
    else
        m_base.erase("stream_options");
}

QByteArray OpenAiApi::buildBody(const PromptItem& prompt) const
{
    using ojson = nlohmann::ordered_json;
    ojson body;
    if (prompt.kind == PromptItem::Kind::Body) {
        // A whole body from the dataset (line_by_line JSON objects): the run's parameters only fill what it
        // lacks, as EvalScope's setdefault does; stream_options follows the body's own stream value.
        body = ojson::parse(prompt.body.cbegin(), prompt.body.cend(), nullptr, false);
        if (!body.is_object())
            body = ojson::object();
        for (const auto& [key, value] : m_base.items()) {
            if (key == "stream_options")
                continue;
            if (key == "model" && value.is_string() && value.get_ref<const std::string&>().empty())
                continue; // no --model (workload_trace): the body's own model, or none
            if (!body.contains(key))
                body[key] = (key == "max_tokens" && prompt.maxTokens) ? ojson(*prompt.maxTokens) : value;
        }
        if (jsonutil::isTrue(body, "stream")) {
            if (!body.contains("stream_options"))
                body["stream_options"] = m_streamOptions;
        } else {
            body.erase("stream_options");
        }
    } else {
        if (!m_template.is_null())
            body = m_template;
        switch (prompt.kind) {
        case PromptItem::Kind::Messages: {
            auto messages = ojson::parse(prompt.messages.cbegin(), prompt.messages.cend(), nullptr, false);
            body["messages"] = messages.is_array() ? std::move(messages) : ojson::array();
            break;
        }
        case PromptItem::Kind::TokenIds: {
            ojson ids = ojson::array();
            for (const qint32 id : prompt.tokenIds)
                ids.push_back(id);
            body["prompt"] = std::move(ids);
            break;
        }
        default:
            if (m_chat)
                body["messages"] = ojson::array({{{"role", "user"}, {"content", jsonutil::toStd(prompt.text)}}});
            else
                body["prompt"] = jsonutil::toStd(prompt.text);
            break;
        }
        for (const auto& [key, value] : m_base.items())
            body[key] = value;
        if (prompt.maxTokens)
            body["max_tokens"] = *prompt.maxTokens;
    }
    return openaijson::dump(body);
}

namespace {

// The first choice, when `choices` is a non-empty array (EvalScope's TTFT/ITL condition).
const nlohmann::json* firstChoice(const nlohmann::json& j, ParsedEvent& ev)
{
    const auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array() || choices->empty())
        return nullptr;
    ev.hasChoices = true;
    return choices->front().is_object() ? &choices->front() : nullptr;
}

} // namespace

ParsedEvent OpenAiApi::parseStreamEvent(QByteArrayView data) const
{
    ParsedEvent ev;
    const nlohmann::json j = openaijson::parseObject(data, ev);
    if (!ev.valid)
        return ev;
    if (const nlohmann::json* c0 = firstChoice(j, ev)) {
        if (jsonutil::stringOf(j, "object") == "text_completion") {
            ev.contentChars = stringSize(*c0, "text");
            if (m_collectText)
                appendString(*c0, "text", ev.text);
        } else if (const auto delta = c0->find("delta"); delta != c0->end() && delta->is_object()) {
            ev.contentChars = stringSize(*delta, "content") + stringSize(*delta, "reasoning_content");
            if (m_collectText)
                appendString(*delta, "content", ev.text);
            if (m_collectReply) { // EvalScope's generated_text: content + reasoning_content per chunk
                appendString(*delta, "content", ev.reply);
                appendString(*delta, "reasoning_content", ev.reply);
            }
        }
    }
    ev.hasContent = ev.contentChars > 0;
    return ev;
}

ParsedEvent OpenAiApi::parseBody(QByteArrayView body) const
{
    ParsedEvent ev;
    const nlohmann::json j = openaijson::parseObject(body, ev);
    if (!ev.valid)
        return ev;
    if (const nlohmann::json* c0 = firstChoice(j, ev)) {
        if (const auto msg = c0->find("message"); msg != c0->end() && msg->is_object()) {
            ev.contentChars = stringSize(*msg, "content") + stringSize(*msg, "reasoning_content");
            if (m_collectText)
                appendString(*msg, "content", ev.text);
            if (m_collectReply) {
                appendString(*msg, "content", ev.reply);
                appendString(*msg, "reasoning_content", ev.reply);
            }
        } else {
            ev.contentChars = stringSize(*c0, "text");
            if (m_collectText)
                appendString(*c0, "text", ev.text);
        }
    }
    ev.hasContent = ev.contentChars > 0;
    return ev;
}

} // namespace tl
