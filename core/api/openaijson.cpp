#include "api/openaijson.h"

#include "util/jsonutil.h"

namespace tl::openaijson {

namespace {

// More tokens than any model answers or reads in one request: a count past it is the server's garbage.
constexpr qint64 kMaxTokenCount = 100'000'000;

// Characters of an error message kept (an error body may be megabytes).
constexpr qsizetype kMaxErrorChars = 4096;

// A token count: a non-negative integer of believable size, else -1 (missing, negative, fractional, a string,
// absurd), so that the caller falls back to counting chunks.
qint64 tokenCount(const nlohmann::json& obj, const char* key)
{
    const auto it = obj.find(key);
    if (it == obj.end())
        return -1;
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        return v <= std::uint64_t(kMaxTokenCount) ? qint64(v) : -1;
    }
    if (it->is_number_integer()) {
        const auto v = it->get<std::int64_t>();
        return v >= 0 && v <= kMaxTokenCount ? v : -1;
    }
    return -1;
}

} // namespace

nlohmann::json parseObject(QByteArrayView data, ParsedEvent& ev)
{
    if (jsonutil::tooDeep(data)) {
        ev.valid = false;
        return nullptr;
    }
    auto j = nlohmann::json::parse(data.begin(), data.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        ev.valid = false;
        return nullptr;
    }
    readError(j, ev);
    if (const auto id = j.find("id"); id != j.end() && id->is_string())
        ev.id = QByteArray::fromStdString(id->get_ref<const std::string&>());
    if (const auto usage = j.find("usage"); usage != j.end())
        readUsage(*usage, ev);
    return j;
}

void readUsage(const nlohmann::json& usage, ParsedEvent& ev)
{
    if (!usage.is_object())
        return;
    ev.hasUsage = true;
    ev.promptTokens = tokenCount(usage, "prompt_tokens");
    if (ev.promptTokens < 0)
        ev.promptTokens = tokenCount(usage, "input_tokens");
    if (ev.promptTokens < 0)
        ev.promptTokens = tokenCount(usage, "total_tokens");
    ev.completionTokens = tokenCount(usage, "completion_tokens");
    if (ev.completionTokens < 0)
        ev.completionTokens = tokenCount(usage, "output_tokens");
    for (const char* details : {"prompt_tokens_details", "input_tokens_details"}) {
        if (const auto d = usage.find(details); d != usage.end() && d->is_object()) {
            if (const qint64 cached = tokenCount(*d, "cached_tokens"); cached >= 0)
                ev.cachedTokens = cached;
        }
    }
}

void readError(const nlohmann::json& j, ParsedEvent& ev)
{
    const auto it = j.find("error");
    if (it == j.end() || it->is_null())
        return;
    ev.isError = true;
    const auto message = it->is_object() ? it->find("message") : it->end();
    if (it->is_object() && message != it->end() && message->is_string())
        ev.errorMessage = jsonutil::toQString(*message).left(kMaxErrorChars);
    else // depth-bounded by parseObject(), so dumping it cannot run out of stack
        ev.errorMessage = QString::fromUtf8(jsonutil::dump(*it).left(kMaxErrorChars));
}

nlohmann::ordered_json extraArgs(const QByteArray& text)
{
    if (text.trimmed().isEmpty())
        return nlohmann::ordered_json::object();
    auto extra = nlohmann::ordered_json::parse(text.cbegin(), text.cend(), nullptr, false);
    return extra.is_object() ? extra : nlohmann::ordered_json::object();
}

QByteArray dump(const nlohmann::ordered_json& body)
{
    return jsonutil::dumpOrdered(body);
}

} // namespace tl::openaijson
