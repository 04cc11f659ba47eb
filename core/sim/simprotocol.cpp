#include "sim/simprotocol.h"

#include "sim/simconfig.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QRandomGenerator>

#include <array>
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

bool countPromptTokens(SimJob::Kind kind, const json& body, qint64* tokens, QByteArray* error)
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
        *tokens = total;
        return true;
    }
    const auto prompt = body.find("prompt");
    if (prompt != body.end() && prompt->is_string()) {
        *tokens = ceilDiv4(prompt->get_ref<const std::string&>().size());
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
    case 431:
        return "RequestHeaderFieldsTooLargeError";
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

QByteArray usageJson(const SimJob& job)
{
    return R"({"prompt_tokens":)" + QByteArray::number(job.promptTokens) + R"(,"total_tokens":)"
        + QByteArray::number(job.promptTokens + job.outputTokens) + R"(,"completion_tokens":)"
        + QByteArray::number(job.outputTokens) + '}';
}

QByteArrayView finishReason(const SimJob& job)
{
    return job.finishedByLength ? QByteArrayView(R"("length")") : QByteArrayView(R"("stop")");
}

} // namespace

bool SimProtocol::parseJob(
    SimJob::Kind kind, QByteArrayView body, const SimConfig& config, SimJob* job, QByteArray* error)
{
    const json request = json::parse(body.begin(), body.end(), nullptr, false);
    if (request.is_discarded()) {
        *error = "request body is not valid JSON";
        return false;
    }
    if (!request.is_object()) {
        *error = "request body must be a JSON object";
        return false;
    }

    qint64 promptTokens = 0;
    if (!countPromptTokens(kind, request, &promptTokens, error))
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

    qint64 n = config.defaultOutputTokens;
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
    SimJob result;
    result.kind = kind;
    result.stream = stream;
    result.includeUsage = stream && includeUsage;
    result.outputTokens = static_cast<int>(n);
    result.promptTokens = static_cast<int>(promptTokens);
    result.finishedByLength = limit && n >= *limit;
    result.id = (chat ? QByteArrayView("chatcmpl-") : QByteArrayView("cmpl-")).toByteArray() + randomHex();
    const QByteArrayView object = !chat ? QByteArrayView("text_completion")
        : stream                        ? QByteArrayView("chat.completion.chunk")
                                        : QByteArrayView("chat.completion");
    result.prefix = R"({"id":")" + result.id + R"(","object":")" + object.toByteArray() + R"(","created":)"
        + QByteArray::number(QDateTime::currentSecsSinceEpoch()) + R"(,"model":)" + modelJson + R"(,"choices":)";
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
    const bool last = k >= job.outputTokens;
    // Room for up to three events (role, token, usage) plus framing, so the appends below never reallocate.
    out.reserve(out.size() + 3 * job.prefix.size() + 512);
    const QByteArrayView reason = last ? finishReason(job) : QByteArrayView("null");
    const QByteArrayView word = tokenText(k);
    if (job.kind == SimJob::Kind::Chat) {
        if (k == 1) {
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
    if (!last)
        return;
    if (job.includeUsage)
        appendEvent(out, chunked, {job.prefix, R"([],"usage":)", usageJson(job), "}"});
    appendEvent(out, chunked, {"[DONE]"});
    if (chunked)
        out += "0\r\n\r\n";
}

QByteArray SimProtocol::completeBody(const SimJob& job)
{
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
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

} // namespace tl
