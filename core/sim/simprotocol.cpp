#include "sim/simprotocol.h"

#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"

#include "sim/simconfig.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <ctime>
#include <initializer_list>
#include <optional>

namespace tl {

namespace {

using nlohmann::json;

// Common English words that are one token with a leading space in the GPT-2, Mistral and Qwen3 vocabularies
// (checked against shared/fixtures/tokenizers), so a client counting with a real tokenizer gets n back.
// Plain ASCII: they go into JSON unescaped.
constexpr std::array<QByteArrayView, 64> Words
    = {" the", " of", " and", " to", " in", " is", " that", " for", " it", " as", " with", " was", " on", " be", " by",
        " at", " this", " from", " or", " an", " are", " not", " have", " but", " they", " which", " one", " all",
        " were", " can", " more", " has", " their", " been", " when", " there", " also", " new", " time", " other",
        " some", " what", " into", " only", " about", " would", " its", " first", " after", " two", " over", " these",
        " people", " may", " then", " like", " so", " could", " them", " than", " most", " such", " made", " well"};

QByteArray jsonString(const std::string& text)
{
    return QByteArray::fromStdString(json(text).dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArray randomHex()
{
    QByteArray hex;
    for (int i = 0; i < 2; ++i)
        hex += QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    return hex;
}

int ceilDiv4(std::size_t bytes)
{
    return static_cast<int>((bytes + 3) / 4);
}

// Absent and null read as "not given": OpenAI client libraries send null for unset fields.
bool readInt(const json& body, const char* key, std::optional<qint64>* out, QByteArray* error)
{
    const auto it = body.find(key);
    if (it == body.end() || it->is_null())
        return true;
    if (!it->is_number_integer()) {
        *error = QByteArray(key) + " must be an integer";
        return false;
    }
    *out = it->get<qint64>();
    return true;
}

bool readBool(const json& body, const char* key, bool* out, QByteArray* error)
{
    const auto it = body.find(key);
    if (it == body.end() || it->is_null())
        return true;
    if (!it->is_boolean()) {
        *error = QByteArray(key) + " must be a boolean";
        return false;
    }
    *out = it->get<bool>();
    return true;
}

std::size_t contentBytes(const json& content)
{
    if (content.is_string())
        return content.get_ref<const std::string&>().size();
    std::size_t bytes = 0;
    if (content.is_array()) {
        for (const json& part : content) {
            const auto text = part.is_object() ? part.find("text") : part.end();
            if (part.is_object() && text != part.end() && text->is_string())
                bytes += text->get_ref<const std::string&>().size();
        }
    }
    return bytes;
}

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
        for (const json& message : *messages) {
            if (!message.is_object()) {
                *error = "each message must be an object with a role and content";
                return false;
            }
            const auto content = message.find("content");
            const std::size_t bytes = content == message.end() ? 0 : contentBytes(*content);
            total += std::max(1, ceilDiv4(bytes)) + 4;
        }
        *tokens = tokenizer ? tokenizerCount(*tokenizer, kind, body) : total;
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

QByteArrayView errorType(int status)
{
    switch (status) {
    case 400:
        return "BadRequestError";
    case 401:
        return "AuthenticationError";
    case 404:
        return "NotFoundError";
    case 405:
        return "MethodNotAllowedError";
    case 411:
        return "LengthRequiredError";
    case 413:
        return "RequestTooLargeError";
    case 429:
        return "RateLimitError";
    case 431:
        return "RequestHeaderFieldsTooLargeError";
    case 503:
        return "ServiceUnavailableError";
    case 505:
        return "HTTPVersionNotSupportedError";
    default:
        return status >= 500 ? "InternalServerError" : "BadRequestError";
    }
}

// RFC 9110 IMF-fixdate, rebuilt at most once a second per thread. Day and month names are spelled out
// because strftime would follow the locale that QCoreApplication installs.
QByteArray httpDate()
{
    thread_local std::time_t cachedSecond = -1;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        static constexpr const char* Days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static constexpr const char* Months[]
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        char text[40];
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", Days[tm.tm_wday], tm.tm_mday,
            Months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
        cached = text;
        cachedSecond = now;
    }
    return cached;
}

// contentLength < 0: no content-length (a chunked or close-delimited body follows).
QByteArray head(int status, QByteArrayView contentType, qsizetype contentLength, bool chunked, bool keepAlive,
    bool http10, QByteArrayView extraHeaders)
{
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += SimProtocol::reasonPhrase(status);
    out += "\r\ndate: ";
    out += httpDate();
    out += "\r\nserver: throughline-sim\r\n";
    if (contentLength >= 0) {
        out += "content-length: ";
        out += QByteArray::number(contentLength);
        out += "\r\n";
    }
    if (!contentType.isEmpty()) {
        out += "content-type: ";
        out += contentType;
        out += "\r\n";
    }
    if (chunked)
        out += "transfer-encoding: chunked\r\n";
    if (!keepAlive)
        out += "connection: close\r\n";
    else if (http10)
        out += "connection: keep-alive\r\n";
    out += extraHeaders;
    out += "\r\n";
    return out;
}

// One SSE event `data: <parts>\n\n`, framed as one HTTP chunk when `chunked`; sizes are summed first so
// the event is written straight into `out` without a temporary.
void appendEvent(QByteArray& out, bool chunked, std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 8; // "data: " + "\n\n"
    for (const QByteArrayView part : parts)
        size += part.size();
    if (chunked) {
        out += QByteArray::number(size, 16);
        out += "\r\n";
    }
    out += "data: ";
    for (const QByteArrayView part : parts)
        out += part;
    out += "\n\n";
    if (chunked)
        out += "\r\n";
}

// `event: <name>\ndata: <parts>\n\n` as the Responses API streams, one HTTP chunk when `chunked`.
void appendNamedEvent(QByteArray& out, bool chunked, QByteArrayView name, std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 7 + name.size() + 1 + 8; // "event: " name "\n" + "data: " "\n\n"
    for (const QByteArrayView part : parts)
        size += part.size();
    if (chunked) {
        out += QByteArray::number(size, 16);
        out += "\r\n";
    }
    out += "event: ";
    out += name;
    out += "\ndata: ";
    for (const QByteArrayView part : parts)
        out += part;
    out += "\n\n";
    if (chunked)
        out += "\r\n";
}

QByteArray fullText(const SimJob& job)
{
    QByteArray text;
    text.reserve(qsizetype{job.outputTokens} * 8);
    for (int k = 1; k <= job.outputTokens; ++k)
        text += SimProtocol::tokenText(k);
    return text;
}

// "resp_<hex>" -> "msg_<hex>": the one output message of a response.
QByteArray messageId(const SimJob& job)
{
    return "msg_" + job.id.mid(5);
}

QByteArray responsesUsageJson(const SimJob& job)
{
    return R"({"input_tokens":)" + QByteArray::number(job.promptTokens) + R"(,"input_tokens_details":{"cached_tokens":)"
        + QByteArray::number(job.cachedTokens) + R"(},"output_tokens":)" + QByteArray::number(job.outputTokens)
        + R"(,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":)"
        + QByteArray::number(job.promptTokens + job.outputTokens) + '}';
}

QByteArray responsesMessage(const SimJob& job, bool done)
{
    QByteArray out = R"({"id":")" + messageId(job) + R"(","type":"message","status":")"
        + (done ? "completed" : "in_progress") + R"(","role":"assistant","content":[)";
    if (done)
        out += R"({"type":"output_text","text":")" + fullText(job) + R"(","annotations":[]})";
    out += "]}";
    return out;
}

// The response object: in progress (no output, no usage) or final.
QByteArray responseObject(const SimJob& job, bool done)
{
    QByteArray status = "in_progress";
    if (done)
        status = job.finishedByLength ? "incomplete" : "completed";
    QByteArray out = R"({"id":")" + job.id + R"(","object":"response","created_at":)" + QByteArray::number(job.created)
        + R"(,"model":)" + job.modelJson + R"(,"status":")" + status + R"(","error":null,"incomplete_details":)";
    out += done && job.finishedByLength ? QByteArrayView(R"({"reason":"max_output_tokens"})") : QByteArrayView("null");
    out += R"(,"output":[)";
    if (done)
        out += responsesMessage(job, true);
    out += R"(],"usage":)";
    out += done ? responsesUsageJson(job) : QByteArray("null");
    out += '}';
    return out;
}

// Responses API events for tokens first..last: the opening events before token 1, one
// response.output_text.delta per chunk, and the closing events after the last token.
void appendResponsesEvents(const SimJob& job, int first, int last, QByteArrayView delta, bool chunked, QByteArray& out)
{
    const int perChunk = std::max(1, job.tokensPerChunk);
    const QByteArray item = messageId(job);
    const auto seq = [](int n) { return QByteArray::number(n); };
    if (first == 1) {
        const QByteArray opening = responseObject(job, false);
        appendNamedEvent(out, chunked, "response.created",
            {R"({"type":"response.created","sequence_number":0,"response":)", opening, "}"});
        appendNamedEvent(out, chunked, "response.in_progress",
            {R"({"type":"response.in_progress","sequence_number":1,"response":)", opening, "}"});
        appendNamedEvent(out, chunked, "response.output_item.added",
            {R"({"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":)",
                responsesMessage(job, false), "}"});
        appendNamedEvent(out, chunked, "response.content_part.added",
            {R"({"type":"response.content_part.added","sequence_number":3,"item_id":")", item,
                R"(","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}})"});
    }
    const int chunkIndex = (first - 1) / perChunk;
    appendNamedEvent(out, chunked, "response.output_text.delta",
        {R"({"type":"response.output_text.delta","sequence_number":)", seq(4 + chunkIndex), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"delta":")", delta, R"(","logprobs":[]})"});
    if (last < job.outputTokens)
        return;
    int n = 4 + chunkIndex + 1;
    const QByteArray text = fullText(job);
    appendNamedEvent(out, chunked, "response.output_text.done",
        {R"({"type":"response.output_text.done","sequence_number":)", seq(n++), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"text":")", text, R"(","logprobs":[]})"});
    appendNamedEvent(out, chunked, "response.content_part.done",
        {R"({"type":"response.content_part.done","sequence_number":)", seq(n++), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"part":{"type":"output_text","text":")", text,
            R"(","annotations":[]}})"});
    appendNamedEvent(out, chunked, "response.output_item.done",
        {R"({"type":"response.output_item.done","sequence_number":)", seq(n++), R"(,"output_index":0,"item":)",
            responsesMessage(job, true), "}"});
    appendNamedEvent(out, chunked, "response.completed",
        {R"({"type":"response.completed","sequence_number":)", seq(n), R"(,"response":)", responseObject(job, true),
            "}"});
    if (chunked)
        out += "0\r\n\r\n";
}

QByteArray usageJson(const SimJob& job)
{
    QByteArray out = R"({"prompt_tokens":)" + QByteArray::number(job.promptTokens) + R"(,"total_tokens":)"
        + QByteArray::number(job.promptTokens + job.outputTokens) + R"(,"completion_tokens":)"
        + QByteArray::number(job.outputTokens);
    if (job.reportCached)
        out += R"(,"prompt_tokens_details":{"cached_tokens":)" + QByteArray::number(job.cachedTokens) + '}';
    out += '}';
    return out;
}

// FNV-1a over a block, chained with the hash of the blocks before it, so equal blocks at different
// positions or after different prefixes differ.
quint64 chainHash(quint64 previous, const char* data, std::size_t size)
{
    quint64 h = previous ^ 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Whole blocks of the prompt: 64 bytes of "role\0content\0" text per block for chat and string prompts,
// 16 token ids per block for a token-id list.
std::vector<quint64> prefixBlocks(SimJob::Kind kind, const json& request)
{
    std::string text;
    std::vector<quint64> blocks;
    constexpr std::size_t BlockBytes = std::size_t{SimProtocol::PrefixBlockTokens} * 4;
    if (kind == SimJob::Kind::Chat) {
        for (const json& message : request["messages"]) {
            const auto role = message.find("role");
            if (role != message.end() && role->is_string())
                text += role->get_ref<const std::string&>();
            text += '\0';
            const auto content = message.find("content");
            if (content != message.end() && content->is_string()) {
                text += content->get_ref<const std::string&>();
            } else if (content != message.end() && content->is_array()) {
                for (const json& part : *content) {
                    const auto t = part.is_object() ? part.find("text") : part.end();
                    if (part.is_object() && t != part.end() && t->is_string())
                        text += t->get_ref<const std::string&>();
                }
            }
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
                h = chainHash(h, reinterpret_cast<const char*>(ids.data()), sizeof ids);
                blocks.push_back(h);
            }
            return blocks;
        }
    }
    quint64 h = 0;
    for (std::size_t at = 0; at + BlockBytes <= text.size(); at += BlockBytes) {
        h = chainHash(h, text.data() + at, BlockBytes);
        blocks.push_back(h);
    }
    return blocks;
}

QByteArrayView finishReason(const SimJob& job)
{
    return job.finishedByLength ? QByteArrayView(R"("length")") : QByteArrayView(R"("stop")");
}

} // namespace

bool SimProtocol::parseJob(
    SimJob::Kind kind, QByteArrayView body, const SimConfig& config, SimJob* job, QByteArray* error)
{
    return parseJob(kind, body, config, config.defaultOutputTokens, job, error);
}

bool SimProtocol::parseJob(SimJob::Kind kind, QByteArrayView body, const SimConfig& config, int naturalOutputTokens,
    SimJob* job, QByteArray* error)
{
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
    const auto options = request.find("stream_options");
    if (options != request.end() && options->is_object()) {
        const auto usage = options->find("include_usage");
        includeUsage = usage != options->end() && usage->is_boolean() && usage->get<bool>();
    }

    const auto model = request.find("model");
    const QByteArray modelJson = model != request.end() && model->is_string() && !model->empty()
        ? jsonString(model->get_ref<const std::string&>())
        : jsonString(config.modelName.toStdString());

    const bool chat = kind == SimJob::Kind::Chat;
    const bool responses = kind == SimJob::Kind::Responses;
    SimJob result;
    result.kind = kind;
    result.stream = stream;
    result.includeUsage = stream && includeUsage;
    result.outputTokens = static_cast<int>(n);
    result.promptTokens = static_cast<int>(promptTokens);
    result.finishedByLength = limit && n >= *limit;
    result.hasLimit = limit.has_value();
    result.modelJson = modelJson;
    result.created = QDateTime::currentSecsSinceEpoch();
    result.tokensPerChunk = std::max(1, config.tokensPerChunk);
    if (config.prefixCache) {
        result.reportCached = true;
        result.prefixBlocks = prefixBlocks(promptKind, request);
    }
    result.id = (responses     ? QByteArrayView("resp_")
                        : chat ? QByteArrayView("chatcmpl-")
                               : QByteArrayView("cmpl-"))
                    .toByteArray()
        + randomHex();
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

QByteArray SimProtocol::jsonResponse(
    int status, QByteArrayView body, bool keepAlive, bool http10, QByteArrayView extraHeaders)
{
    QByteArray out = head(status, "application/json", body.size(), false, keepAlive, http10, extraHeaders);
    out += body;
    return out;
}

QByteArray SimProtocol::errorResponse(
    int status, QByteArrayView message, bool keepAlive, bool http10, QByteArrayView extraHeaders)
{
    return jsonResponse(status, errorBody(status, message), keepAlive, http10, extraHeaders);
}

QByteArray SimProtocol::emptyResponse(int status, bool keepAlive, bool http10)
{
    return head(status, {}, 0, false, keepAlive, http10, {});
}

QByteArray SimProtocol::continueResponse()
{
    return QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
}

QByteArray SimProtocol::streamHead(bool keepAlive, bool chunked)
{
    return head(200, "text/event-stream; charset=utf-8", -1, chunked, keepAlive, !chunked, {});
}

void SimProtocol::appendStreamEvents(const SimJob& job, int k, bool chunked, QByteArray& out)
{
    appendStreamEvents(job, k, k, chunked, out);
}

void SimProtocol::appendStreamEvents(const SimJob& job, int first, int last, bool chunked, QByteArray& out)
{
    const int k = last;
    const bool isLast = k >= job.outputTokens;
    // Room for up to three events (role, token, usage) plus framing, so the appends below never reallocate.
    out.reserve(out.size() + 3 * job.prefix.size() + 512 + qsizetype{16} * (k - first));
    const QByteArrayView reason = isLast ? finishReason(job) : QByteArrayView("null");
    QByteArray words;
    QByteArrayView word = tokenText(k);
    if (first < k) {
        for (int i = first; i <= k; ++i)
            words += tokenText(i);
        word = words;
    }
    if (job.kind == SimJob::Kind::Responses) {
        appendResponsesEvents(job, first, k, word, chunked, out);
        return;
    }
    if (job.kind == SimJob::Kind::Chat) {
        if (first == 1) {
            appendEvent(out, chunked,
                {job.prefix,
                    R"([{"index":0,"delta":{"role":"assistant","content":""},)"
                    R"("logprobs":null,"finish_reason":null}]})"});
        }
        appendEvent(out, chunked,
            {job.prefix, R"([{"index":0,"delta":{"content":")", word, R"("},"logprobs":null,"finish_reason":)", reason,
                "}]}"});
    } else {
        appendEvent(out, chunked,
            {job.prefix, R"([{"index":0,"text":")", word, R"(","logprobs":null,"finish_reason":)", reason, "}]}"});
    }
    if (!isLast)
        return;
    if (job.includeUsage)
        appendEvent(out, chunked, {job.prefix, R"([],"usage":)", usageJson(job), "}"});
    appendEvent(out, chunked, {"[DONE]"});
    if (chunked)
        out += "0\r\n\r\n";
}

void SimProtocol::appendMalformedEvent(const SimJob& job, bool chunked, QByteArray& out)
{
    // A token event cut off inside its string: not JSON, though framed correctly.
    appendEvent(out, chunked, {job.prefix, R"([{"index":0,"delta":{"content":" trunc)"});
}

void SimProtocol::appendErrorEvent(int status, QByteArrayView message, bool chunked, QByteArray& out)
{
    appendEvent(out, chunked, {errorEventBody(status, message)});
    appendEvent(out, chunked, {"[DONE]"});
    appendEndOfBody(chunked, out);
}

void SimProtocol::appendEndOfBody(bool chunked, QByteArray& out)
{
    if (chunked)
        out += "0\r\n\r\n";
}

QByteArray SimProtocol::errorEventBody(int status, QByteArrayView message)
{
    return R"({"error":)" + errorBody(status, message) + '}';
}

QByteArray SimProtocol::textResponse(
    int status, QByteArrayView contentType, QByteArrayView body, bool keepAlive, bool http10)
{
    QByteArray out = head(status, contentType, body.size(), false, keepAlive, http10, {});
    out += body;
    return out;
}

QByteArray SimProtocol::completeBody(const SimJob& job)
{
    if (job.kind == SimJob::Kind::Responses)
        return responseObject(job, true);
    QByteArray text;
    text.reserve(qsizetype{job.outputTokens} * 8);
    for (int k = 1; k <= job.outputTokens; ++k)
        text += tokenText(k);

    QByteArray out = job.prefix;
    if (job.kind == SimJob::Kind::Chat)
        out += R"([{"index":0,"message":{"role":"assistant","content":")";
    else
        out += R"([{"index":0,"text":")";
    out += text;
    out += job.kind == SimJob::Kind::Chat ? R"("})" : R"(")";
    out += R"(,"logprobs":null,"finish_reason":)";
    out += finishReason(job);
    out += R"(}],"usage":)";
    out += usageJson(job);
    out += '}';
    return out;
}

namespace {

quint64 mix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
}

// One embedding input: its bytes (text, or the token ids' bytes) and its token count.
struct EmbeddingInput {
    std::string bytes;
    int tokens = 0;
};

bool readEmbeddingInputs(const json& input, std::vector<EmbeddingInput>* out)
{
    const auto ids = [](const json& list, EmbeddingInput* in) {
        if (!list.is_array() || list.empty()
            || !std::all_of(list.begin(), list.end(), [](const json& id) { return id.is_number_integer(); }))
            return false;
        for (const json& id : list) {
            const qint64 v = id.get<qint64>();
            in->bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
        in->tokens = static_cast<int>(list.size());
        return true;
    };
    if (input.is_string()) {
        out->push_back({input.get<std::string>(), std::max(1, ceilDiv4(input.get_ref<const std::string&>().size()))});
        return true;
    }
    if (!input.is_array() || input.empty())
        return false;
    if (input.front().is_number_integer()) {
        EmbeddingInput in;
        if (!ids(input, &in))
            return false;
        out->push_back(std::move(in));
        return true;
    }
    for (const json& item : input) {
        EmbeddingInput in;
        if (item.is_string()) {
            in.bytes = item.get<std::string>();
            in.tokens = std::max(1, ceilDiv4(in.bytes.size()));
        } else if (!ids(item, &in)) {
            return false;
        }
        out->push_back(std::move(in));
    }
    return true;
}

std::vector<std::string> lowerWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : text + ' ') {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

} // namespace

bool SimProtocol::embeddingsBody(
    QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error)
{
    const json request = json::parse(body.begin(), body.end(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        *error = "request body must be a JSON object";
        return false;
    }
    std::vector<EmbeddingInput> inputs;
    const auto input = request.find("input");
    if (input == request.end() || !readEmbeddingInputs(*input, &inputs)) {
        *error = "input is required and must be a string, a list of strings, a list of token ids or a list of "
                 "lists of token ids";
        return false;
    }
    std::optional<qint64> dimensions;
    if (!readInt(request, "dimensions", &dimensions, error))
        return false;
    const qint64 dims = dimensions.value_or(config.embeddingDimensions);
    if (dims < 1 || dims > 65536) {
        *error = "dimensions must be from 1 to 65536";
        return false;
    }
    bool base64 = false;
    if (const auto format = request.find("encoding_format"); format != request.end() && !format->is_null()) {
        if (!format->is_string() || (*format != "float" && *format != "base64")) {
            *error = R"(encoding_format must be "float" or "base64")";
            return false;
        }
        base64 = *format == "base64";
    }
    const auto model = request.find("model");
    const QByteArray modelJson = model != request.end() && model->is_string() && !model->empty()
        ? jsonString(model->get_ref<const std::string&>())
        : jsonString(config.modelName.toStdString());

    int tokens = 0;
    QByteArray data;
    std::vector<float> vector(static_cast<std::size_t>(dims));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        tokens += inputs[i].tokens;
        quint64 h = 0xcbf29ce484222325ULL;
        for (const char c : inputs[i].bytes)
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        double norm = 0;
        for (std::size_t d = 0; d < vector.size(); ++d) {
            const double u = static_cast<double>(mix64(h + d) >> 11U) * 0x1.0p-53;
            vector[d] = static_cast<float>(2.0 * u - 1.0);
            norm += double(vector[d]) * vector[d];
        }
        const double scale = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
        if (i > 0)
            data += ',';
        data += R"({"index":)" + QByteArray::number(qulonglong(i)) + R"(,"object":"embedding","embedding":)";
        if (base64) {
            QByteArray raw;
            raw.reserve(static_cast<qsizetype>(vector.size()) * static_cast<qsizetype>(sizeof(float)));
            for (float& v : vector) {
                v = static_cast<float>(v * scale);
                raw.append(reinterpret_cast<const char*>(&v), sizeof v); // little-endian on every target we build
            }
            data += '"' + raw.toBase64() + '"';
        } else {
            data += '[';
            for (std::size_t d = 0; d < vector.size(); ++d) {
                if (d > 0)
                    data += ',';
                data += QByteArray::number(vector[d] * scale, 'g', 7);
            }
            data += ']';
        }
        data += '}';
    }
    *promptTokens = tokens;
    *out = R"({"id":"embd-)" + randomHex() + R"(","object":"list","created":)"
        + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + R"(,"model":)" + modelJson + R"(,"data":[)" + data
        + R"(],"usage":{"prompt_tokens":)" + QByteArray::number(tokens) + R"(,"total_tokens":)"
        + QByteArray::number(tokens) + R"(,"completion_tokens":0,"prompt_tokens_details":null}})";
    return true;
}

bool SimProtocol::rerankBody(
    QByteArrayView body, const SimConfig& config, QByteArray* out, int* promptTokens, QByteArray* error)
{
    const json request = json::parse(body.begin(), body.end(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        *error = "request body must be a JSON object";
        return false;
    }
    const auto query = request.find("query");
    if (query == request.end() || !query->is_string()) {
        *error = "query is required and must be a string";
        return false;
    }
    const auto documents = request.find("documents");
    if (documents == request.end() || !documents->is_array() || documents->empty()) {
        *error = "documents is required and must be a non-empty list of strings or {\"text\": …} objects";
        return false;
    }
    std::vector<std::string> texts;
    for (const json& document : *documents) {
        if (document.is_string()) {
            texts.push_back(document.get<std::string>());
        } else if (document.is_object() && document.contains("text") && document["text"].is_string()) {
            texts.push_back(document["text"].get<std::string>());
        } else {
            *error = "each document must be a string or an object with a \"text\" string";
            return false;
        }
    }
    std::optional<qint64> topN;
    bool returnDocuments = true;
    if (!readInt(request, "top_n", &topN, error) || !readBool(request, "return_documents", &returnDocuments, error))
        return false;
    if (topN && *topN < 1) {
        *error = "top_n must be at least 1";
        return false;
    }
    const auto model = request.find("model");
    const QByteArray modelJson = model != request.end() && model->is_string() && !model->empty()
        ? jsonString(model->get_ref<const std::string&>())
        : jsonString(config.modelName.toStdString());

    // Score: the share of the query's distinct words found in the document, 0.9 of it, plus a small
    // deterministic jitter from the document's text so that ties are broken the same way every time.
    const std::vector<std::string> queryWords = lowerWords(query->get<std::string>());
    const int queryTokens = std::max(1, ceilDiv4(query->get_ref<const std::string&>().size()));
    struct Scored {
        std::size_t index = 0;
        double score = 0;
    };
    std::vector<Scored> scored;
    int tokens = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::vector<std::string> words = lowerWords(texts[i]);
        std::size_t hits = 0;
        for (const std::string& w : queryWords)
            hits += std::find(words.begin(), words.end(), w) != words.end() ? 1 : 0;
        quint64 h = 0xcbf29ce484222325ULL;
        for (const char c : texts[i])
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        const double jitter = static_cast<double>(mix64(h) >> 11U) * 0x1.0p-53;
        const double overlap = queryWords.empty() ? 0.0 : double(hits) / double(queryWords.size());
        scored.push_back({i, 0.9 * overlap + 0.1 * jitter});
        tokens += queryTokens + std::max(1, ceilDiv4(texts[i].size()));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    if (topN && static_cast<std::size_t>(*topN) < scored.size())
        scored.resize(static_cast<std::size_t>(*topN));

    QByteArray results;
    for (std::size_t r = 0; r < scored.size(); ++r) {
        if (r > 0)
            results += ',';
        results += R"({"index":)" + QByteArray::number(qulonglong(scored[r].index));
        if (returnDocuments)
            results += R"(,"document":{"text":)" + jsonString(texts[scored[r].index]) + '}';
        results += R"(,"relevance_score":)" + QByteArray::number(scored[r].score, 'g', 9) + '}';
    }
    *promptTokens = tokens;
    *out = R"({"id":"rerank-)" + randomHex() + R"(","model":)" + modelJson + R"(,"usage":{"total_tokens":)"
        + QByteArray::number(tokens) + R"(},"results":[)" + results + "]}";
    return true;
}

QByteArray SimProtocol::modelsBody(const SimConfig& config)
{
    const std::string name = config.modelName.toStdString();
    nlohmann::ordered_json model;
    model["id"] = name;
    model["object"] = "model";
    model["created"] = QDateTime::currentSecsSinceEpoch();
    model["owned_by"] = "throughline";
    model["root"] = name;
    model["max_model_len"] = MaxModelLen;
    nlohmann::ordered_json list;
    list["object"] = "list";
    list["data"] = nlohmann::ordered_json::array({model});
    return QByteArray::fromStdString(list.dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArray SimProtocol::errorBody(int status, QByteArrayView message)
{
    nlohmann::ordered_json error;
    error["object"] = "error";
    error["message"] = message.toByteArray().toStdString();
    error["type"] = errorType(status).toByteArray().toStdString();
    error["param"] = nullptr;
    error["code"] = status;
    return QByteArray::fromStdString(error.dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArrayView SimProtocol::tokenText(int k)
{
    const auto index = static_cast<std::size_t>(std::max(k - 1, 0)) % Words.size();
    return Words.at(index);
}

QByteArrayView SimProtocol::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

} // namespace tl
