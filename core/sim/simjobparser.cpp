// SimProtocol::parseJob: validates /v1/chat/completions, /v1/completions and /v1/responses bodies the way vLLM
// does and reduces them to a SimJob (prompt tokens by the documented rule or a tokenizer, output length,
// framing, prefix-cache blocks).

#include "sim/simprotocol.h"

#include "sim/simconfig.h"
#include "sim/simwire.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "util/imagecodec.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

#include <algorithm>
#include <array>
#include <optional>

namespace tl {

namespace {

using nlohmann::json;
using simwire::ceilDiv4;
using simwire::readBool;
using simwire::readInt;

// The text of a message's content: a string, or its text parts joined.
std::string contentText(const json& content)
{
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array()) {
        for (const json& part : content) {
            const auto t = part.is_object() ? part.find("text") : part.end();
            if (part.is_object() && t != part.end() && t->is_string())
                text += t->get_ref<const std::string&>();
        }
    }
    return text;
}

// Image parts of one message's content (chat's image_url, the Responses API's input_image) as prompt tokens, charged
// like a vision model's prefill; false + *error for an image that is not a readable data URL (the sim fetches
// nothing).
bool imageTokens(const json& content, qint64* tokens, QByteArray* error)
{
    if (!content.is_array())
        return true;
    for (const json& part : content) {
        if (!part.is_object())
            continue;
        const std::string type = jsonutil::stringOf(part, "type");
        if (type != "image_url" && type != "input_image")
            continue;
        const auto ref = part.find("image_url");
        const json* url = ref == part.end() ? nullptr : &*ref;
        if (url && url->is_object()) {
            const auto inner = url->find("url");
            url = inner == url->end() ? nullptr : &*inner;
        }
        if (!url || !url->is_string()) {
            *error = "each image part needs an image_url with a url";
            return false;
        }
        const std::string& text = url->get_ref<const std::string&>();
        const auto bytes = imagecodec::fromDataUrl(QByteArrayView(text.data(), qsizetype(text.size())), 65536);
        const auto info = bytes ? imagecodec::probe(*bytes) : std::nullopt;
        if (!info) {
            *error = "image_url must be a base64 data URL of a PNG, JPEG, GIF or WebP image (throughline-sim "
                     "fetches no remote images)";
            return false;
        }
        *tokens += imagecodec::patchTokens(info->width, info->height, SimProtocol::ImagePatchPixels);
    }
    return true;
}

// With a tokenizer: chat through its template (as vLLM renders and counts it), or the contents when it has none
// or cannot render it; completions with the special tokens the tokenizer adds (vLLM's add_special_tokens).
qint64 tokenizerCount(const Tokenizer& tokenizer, SimJob::Kind kind, const json& body)
{
    if (kind != SimJob::Kind::Chat) {
        const std::string& prompt = body["prompt"].get_ref<const std::string&>();
        return qint64(tokenizer.encode(prompt, true).size());
    }
    const json& messages = body["messages"];
    if (const ChatTemplate* chat = tokenizer.chatTemplate()) {
        QString ignored;
        if (const auto rendered = chat->render(messages, true, &ignored))
            return tokenizer.count(*rendered);
    }
    qint64 total = 0;
    for (const json& message : messages)
        total += tokenizer.count(contentText(message.value("content", json())));
    return total;
}

bool countPromptTokens(
    SimJob::Kind kind, const json& body, const Tokenizer* tokenizer, qint64* tokens, QByteArray* error)
{
    if (kind == SimJob::Kind::Chat) {
        const auto messages = body.find("messages");
        if (messages == body.end() || !messages->is_array() || messages->empty()) {
            *error = "messages is required and must be a non-empty list of messages";
            return false;
        }
        qint64 total = 0;
        qint64 images = 0;
        for (const json& message : *messages) {
            if (!message.is_object()) {
                *error = "each message must be an object with a role and content";
                return false;
            }
            const auto content = message.find("content");
            const std::size_t bytes = content == message.end() ? 0 : contentText(*content).size();
            total += std::max(1, ceilDiv4(bytes)) + 4;
            if (content != message.end() && !imageTokens(*content, &images, error))
                return false;
        }
        *tokens = (tokenizer ? tokenizerCount(*tokenizer, kind, body) : total) + images;
        return true;
    }
    const auto prompt = body.find("prompt");
    if (prompt != body.end() && prompt->is_string()) {
        *tokens = tokenizer ? tokenizerCount(*tokenizer, kind, body)
                            : ceilDiv4(prompt->get_ref<const std::string&>().size());
        return true;
    }
    if (prompt != body.end() && prompt->is_array() && !prompt->empty()
        && std::all_of(prompt->begin(), prompt->end(), [](const json& id) { return id.is_number_integer(); })) {
        *tokens = static_cast<qint64>(prompt->size());
        return true;
    }
    *error = "prompt is required and must be a string or a non-empty list of token ids";
    return false;
}

// Turns a /v1/responses body into the chat shape: "instructions" becomes a system message, "input" (a
// string or a list of messages whose content is a string or input_text parts) the messages, and
// max_output_tokens max_tokens.
bool normaliseResponsesRequest(json& request, QByteArray* error)
{
    json messages = json::array();
    const auto instructions = request.find("instructions");
    if (instructions != request.end() && instructions->is_string())
        messages.push_back({{"role", "system"}, {"content", *instructions}});
    const auto input = request.find("input");
    if (input != request.end() && input->is_string()) {
        messages.push_back({{"role", "user"}, {"content", *input}});
    } else if (input != request.end() && input->is_array() && !input->empty()) {
        for (const json& item : *input) {
            if (!item.is_object()) {
                *error = "each input item must be an object with a role and content";
                return false;
            }
            messages.push_back(item);
        }
    } else {
        *error = "input is required and must be a string or a non-empty list of input items";
        return false;
    }
    request["messages"] = std::move(messages);
    request.erase("max_tokens");
    request.erase("max_completion_tokens");
    if (const auto max = request.find("max_output_tokens"); max != request.end())
        request["max_tokens"] = *max;
    return true;
}

// The chained hashes of the whole 64-byte blocks of `text`.
std::vector<quint64> textBlocks(const std::string& text)
{
    constexpr std::size_t BlockBytes = std::size_t{SimProtocol::PrefixBlockTokens} * 4;
    std::vector<quint64> blocks;
    quint64 h = 0;
    for (std::size_t at = 0; at + BlockBytes <= text.size(); at += BlockBytes) {
        h = simwire::fnv1a(text.data() + at, BlockBytes, h);
        blocks.push_back(h);
    }
    return blocks;
}

// Whole blocks of the prompt: 64 bytes of "role\0content\0" text per block for chat and string prompts,
// 16 token ids per block for a token-id list. Each block's hash is chained with the ones before it. Chat: the
// hashed text goes to *chatText too (SimProtocol::historyBlocks).
std::vector<quint64> prefixBlocks(SimJob::Kind kind, const json& request, std::string* chatText)
{
    std::string text;
    std::vector<quint64> blocks;
    if (kind == SimJob::Kind::Chat) {
        for (const json& message : request["messages"]) {
            const auto role = message.find("role");
            if (role != message.end() && role->is_string())
                text += role->get_ref<const std::string&>();
            text += '\0';
            if (const auto content = message.find("content"); content != message.end())
                text += contentText(*content);
            text += '\0';
        }
    } else {
        const json& prompt = request["prompt"];
        if (prompt.is_string()) {
            text = prompt.get<std::string>();
        } else {
            quint64 h = 0;
            const std::size_t whole = prompt.size() / SimProtocol::PrefixBlockTokens;
            for (std::size_t b = 0; b < whole; ++b) {
                std::array<qint64, SimProtocol::PrefixBlockTokens> ids{};
                for (std::size_t i = 0; i < ids.size(); ++i)
                    ids[i] = prompt[b * ids.size() + i].get<qint64>();
                h = simwire::fnv1a(reinterpret_cast<const char*>(ids.data()), sizeof ids, h);
                blocks.push_back(h);
            }
            return blocks;
        }
    }
    blocks = textBlocks(text);
    if (kind == SimJob::Kind::Chat)
        *chatText = std::move(text);
    return blocks;
}

} // namespace

std::vector<quint64> SimProtocol::historyBlocks(const SimJob& job)
{
    if (job.kind != SimJob::Kind::Chat || job.prefixText.empty())
        return {};
    std::string text = job.prefixText;
    text += "assistant";
    text += '\0';
    for (int k = 1; k <= job.outputTokens; ++k) {
        const QByteArrayView word = tokenText(k);
        text.append(word.data(), std::size_t(word.size()));
    }
    text += '\0';
    return textBlocks(text);
}

bool SimProtocol::parseJob(
    SimJob::Kind kind, QByteArrayView body, const SimConfig& config, SimJob* job, QByteArray* error)
{
    return parseJob(kind, body, config, config.defaultOutputTokens, job, error);
}

bool SimProtocol::parseJob(SimJob::Kind kind, QByteArrayView body, const SimConfig& config, int naturalOutputTokens,
    SimJob* job, QByteArray* error)
{
    if (jsonutil::tooDeep(body)) { // a client's body: copying or dumping it would recurse once per level
        *error = "request body nests deeper than " + QByteArray::number(jsonutil::kMaxDepth) + " levels";
        return false;
    }
    json request = json::parse(body.begin(), body.end(), nullptr, false);
    if (request.is_discarded()) {
        *error = "request body is not valid JSON";
        return false;
    }
    if (!request.is_object()) {
        *error = "request body must be a JSON object";
        return false;
    }
    // A Responses request is counted and cached as the chat conversation it stands for.
    if (kind == SimJob::Kind::Responses && !normaliseResponsesRequest(request, error))
        return false;
    const SimJob::Kind promptKind = kind == SimJob::Kind::Responses ? SimJob::Kind::Chat : kind;

    qint64 promptTokens = 0;
    if (!countPromptTokens(promptKind, request, config.tokenizer.get(), &promptTokens, error))
        return false;

    std::optional<qint64> maxTokens;
    std::optional<qint64> minTokens;
    std::optional<qint64> choices;
    bool ignoreEos = false;
    bool stream = false;
    // Chat clients may send the newer max_completion_tokens; it wins over max_tokens as in vLLM.
    if (kind == SimJob::Kind::Chat && !readInt(request, "max_completion_tokens", &maxTokens, error))
        return false;
    if (!maxTokens && !readInt(request, "max_tokens", &maxTokens, error))
        return false;
    if (!readInt(request, "min_tokens", &minTokens, error) || !readInt(request, "n", &choices, error)
        || !readBool(request, "ignore_eos", &ignoreEos, error) || !readBool(request, "stream", &stream, error))
        return false;
    if (maxTokens && *maxTokens < 1) {
        *error = "max_tokens must be at least 1, got " + QByteArray::number(*maxTokens) + '.';
        return false;
    }
    if (minTokens && *minTokens < 0) {
        *error = "min_tokens must be greater than or equal to 0, got " + QByteArray::number(*minTokens) + '.';
        return false;
    }
    if (maxTokens && minTokens && *minTokens > *maxTokens) {
        *error = "min_tokens must be less than or equal to max_tokens=" + QByteArray::number(*maxTokens) + ", got "
            + QByteArray::number(*minTokens) + '.';
        return false;
    }
    if (choices && *choices != 1) {
        *error = "n must be 1: throughline-sim generates a single choice";
        return false;
    }

    qint64 n = naturalOutputTokens;
    std::optional<qint64> limit = maxTokens;
    if (ignoreEos) {
        limit = maxTokens.value_or(IgnoreEosDefaultMaxTokens);
        n = *limit;
    } else if (maxTokens) {
        n = std::min(n, *maxTokens);
    }
    n = std::max<qint64>({n, minTokens.value_or(0), 1});

    const qint64 requested = std::max(n, maxTokens.value_or(0));
    if (promptTokens + requested > MaxModelLen) {
        *error = "This model's maximum context length is " + QByteArray::number(MaxModelLen)
            + " tokens. However, you requested " + QByteArray::number(promptTokens + requested) + " tokens ("
            + QByteArray::number(promptTokens) + " in the messages, " + QByteArray::number(requested)
            + " in the completion). Please reduce the length of the messages or completion.";
        return false;
    }

    bool includeUsage = false;
    bool continuousUsage = false;
    const auto options = request.find("stream_options");
    if (options != request.end() && options->is_object()) {
        auto flag = [&options](const char* key) {
            const auto it = options->find(key);
            return it != options->end() && it->is_boolean() && it->get<bool>();
        };
        includeUsage = flag("include_usage");
        continuousUsage = includeUsage && flag("continuous_usage_stats"); // vLLM ignores it without include_usage
    }

    const QByteArray modelJson = simwire::requestModelJson(request, config);

    const bool chat = kind == SimJob::Kind::Chat;
    const bool responses = kind == SimJob::Kind::Responses;
    SimJob result;
    result.kind = kind;
    result.stream = stream;
    result.includeUsage = stream && includeUsage;
    result.continuousUsage = stream && continuousUsage && !responses;
    result.outputTokens = static_cast<int>(n);
    result.promptTokens = static_cast<int>(promptTokens);
    result.finishedByLength = limit && n >= *limit;
    result.hasLimit = limit.has_value();
    result.modelJson = modelJson;
    result.created = QDateTime::currentSecsSinceEpoch();
    result.tokensPerChunk = std::max(1, config.tokensPerChunk);
    if (config.prefixCache) {
        result.reportCached = true;
        result.prefixBlocks = prefixBlocks(promptKind, request, &result.prefixText);
    }
    result.id = (responses     ? QByteArrayView("resp_")
                        : chat ? QByteArrayView("chatcmpl-")
                               : QByteArrayView("cmpl-"))
                    .toByteArray()
        + simwire::randomHex();
    if (responses)
        result.includeUsage = true; // response.completed always carries usage
    const QByteArrayView object = !chat ? QByteArrayView("text_completion")
        : stream                        ? QByteArrayView("chat.completion.chunk")
                                        : QByteArrayView("chat.completion");
    result.prefix = R"({"id":")" + result.id + R"(","object":")" + object.toByteArray() + R"(","created":)"
        + QByteArray::number(result.created) + R"(,"model":)" + modelJson + R"(,"choices":)";
    *job = std::move(result);
    return true;
}

} // namespace tl
