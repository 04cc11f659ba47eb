#include "api/responsesapi.h"

#include "api/openaijson.h"
#include "config/runconfig.h"
#include "util/jsonutil.h"

#include <array>
#include <string_view>

namespace tl {

namespace {

using ojson = nlohmann::ordered_json;

// Chat content parts in the Responses API's spelling: text -> input_text, image_url -> input_image.
ojson normaliseMessages(ojson messages)
{
    for (auto& message : messages) {
        if (!message.is_object())
            continue;
        const auto content = message.find("content");
        if (content == message.end() || !content->is_array())
            continue;
        for (auto& part : *content) {
            if (!part.is_object())
                continue;
            const std::string type = jsonutil::stringOf(part, "type");
            if (type == "text") {
                part["type"] = "input_text";
            } else if (type == "image_url") {
                ojson url = part.value("image_url", ojson());
                if (url.is_object())
                    url = url.value("url", ojson());
                part = ojson{{"type", "input_image"}, {"image_url", url}, {"detail", "auto"}};
            }
        }
    }
    return messages;
}

bool isTextDelta(std::string_view type)
{
    static constexpr std::array<std::string_view, 4> kDeltas = {"response.output_text.delta",
        "response.refusal.delta", "response.reasoning_text.delta", "response.reasoning_summary_text.delta"};
    return std::find(kDeltas.begin(), kDeltas.end(), type) != kDeltas.end();
}

// Generated text of a whole response object: output_text, or the message items' output_text/refusal parts.
QByteArray outputText(const nlohmann::json& response)
{
    if (const auto t = response.find("output_text"); t != response.end() && t->is_string())
        return QByteArray::fromStdString(t->get_ref<const std::string&>());
    QByteArray text;
    const auto output = response.find("output");
    if (output == response.end() || !output->is_array())
        return text;
    for (const auto& item : *output) {
        if (!item.is_object() || jsonutil::stringOf(item, "type") != "message")
            continue;
        const auto content = item.find("content");
        if (content == item.end() || !content->is_array())
            continue;
        for (const auto& part : *content) {
            if (!part.is_object())
                continue;
            const std::string type = jsonutil::stringOf(part, "type");
            const char* key = type == "output_text" ? "text" : (type == "refusal" ? "refusal" : nullptr);
            if (key && part.contains(key) && part[key].is_string())
                text += QByteArray::fromStdString(part[key].get_ref<const std::string&>());
        }
    }
    return text;
}

void readResponseObject(const nlohmann::json& response, ParsedEvent& ev)
{
    if (!response.is_object())
        return;
    if (const auto usage = response.find("usage"); usage != response.end())
        openaijson::readUsage(*usage, ev);
    if (const auto id = response.find("id"); id != response.end() && id->is_string() && ev.id.isEmpty())
        ev.id = QByteArray::fromStdString(id->get_ref<const std::string&>());
    ev.text = outputText(response);
    ev.contentChars = ev.text.size();
    ev.hasContent = ev.contentChars > 0;
}

} // namespace

ResponsesApi::ResponsesApi(const RunConfig& config)
    : m_stream(config.stream)
    , m_collectText(!config.tokenizerPath.isEmpty())
{
    if (const QByteArray t = config.queryTemplateJson(); !t.isEmpty()) {
        m_template = ojson::parse(t.cbegin(), t.cend(), nullptr, false);
        if (!m_template.is_object())
            m_template = nullptr;
    }
    if (!config.model.isEmpty()) // no --model (workload_trace): the body's own model
        m_base["model"] = jsonutil::toStd(config.model);
    m_base["max_output_tokens"] = config.maxTokens;
    m_base["stream"] = config.stream;
    m_base["temperature"] = config.temperature;
    if (config.topP)
        m_base["top_p"] = *config.topP;
    m_base.update(openaijson::extraArgs(config.extraArgs));
    m_stream = m_base.value("stream", false);
}

QByteArray ResponsesApi::buildBody(const PromptItem& prompt) const
{
    ojson body = m_template.is_null() ? ojson::object() : m_template;
    switch (prompt.kind) {
    case PromptItem::Kind::Body: {
        body = ojson::parse(prompt.body.cbegin(), prompt.body.cend(), nullptr, false);
        if (!body.is_object())
            body = ojson::object();
        if (const auto m = body.find("messages"); m != body.end()) {
            body["input"] = normaliseMessages(*m);
            body.erase("messages");
        }
        break;
    }
    case PromptItem::Kind::Messages: {
        auto messages = ojson::parse(prompt.messages.cbegin(), prompt.messages.cend(), nullptr, false);
        body["input"] = messages.is_array() ? normaliseMessages(std::move(messages)) : ojson::array();
        break;
    }
    default:
        body["input"] = jsonutil::toStd(prompt.text);
        break;
    }
    for (const auto& [key, value] : m_base.items()) // EvalScope overwrites these whatever the body held
        body[key] = value;
    if (prompt.maxTokens)
        body["max_output_tokens"] = *prompt.maxTokens;
    return openaijson::dump(body);
}

ParsedEvent ResponsesApi::parseStreamEvent(QByteArrayView data) const
{
    ParsedEvent ev;
    const nlohmann::json j = openaijson::parseObject(data, ev);
    if (!ev.valid)
        return ev;
    const std::string type = jsonutil::stringOf(j, "type");
    if (type == "response.created")
        readResponseObject(jsonutil::member(j, "response"), ev); // the response id, nothing else yet
    if (isTextDelta(type)) {
        const auto delta = j.find("delta");
        if (delta != j.end() && delta->is_string() && !delta->get_ref<const std::string&>().empty()) {
            ev.hasChoices = true; // a TTFT/ITL event, as `choices` is for chat completions
            ev.contentChars = qsizetype(delta->get_ref<const std::string&>().size());
            ev.hasContent = true;
            if (m_collectText && type.find("reasoning") == std::string::npos)
                ev.text = QByteArray::fromStdString(delta->get_ref<const std::string&>());
        }
    } else if (type == "response.completed" || type == "response.incomplete") {
        // incomplete is how a response that reached max_output_tokens ends: a normal end for a benchmark.
        const ParsedEvent before = ev;
        readResponseObject(jsonutil::member(j, "response"), ev);
        ev.hasContent = before.hasContent; // the text was counted (and collected) delta by delta
        ev.contentChars = before.contentChars;
        ev.text = before.text;
    } else if (type == "response.failed" || type == "error") {
        ev.isError = true;
        const nlohmann::json& error = type == "error" ? j : jsonutil::member(jsonutil::member(j, "response"), "error");
        if (jsonutil::member(error, "message").is_string())
            ev.errorMessage = jsonutil::toQString(jsonutil::member(error, "message")).left(4096);
        else
            ev.errorMessage = QString::fromUtf8(jsonutil::dump(j)).left(500);
    }
    return ev;
}

ParsedEvent ResponsesApi::parseBody(QByteArrayView body) const
{
    ParsedEvent ev;
    const nlohmann::json j = openaijson::parseObject(body, ev);
    if (!ev.valid)
        return ev;
    readResponseObject(j, ev);
    if (!m_collectText)
        ev.text.clear();
    if (jsonutil::stringOf(j, "status") == "failed") {
        ev.isError = true;
        ev.errorMessage = QString::fromUtf8(jsonutil::dump(jsonutil::member(j, "error")).left(4096));
    }
    return ev;
}

} // namespace tl
