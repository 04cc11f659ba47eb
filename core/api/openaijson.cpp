#include "api/openaijson.h"

#include "util/jsonutil.h"

namespace tl::openaijson {

namespace {

qint64 integer(const nlohmann::json& obj, const char* key)
{
    const auto it = obj.find(key);
    return (it != obj.end() && it->is_number_integer()) ? it->get<qint64>() : -1;
}

} // namespace

nlohmann::json parseObject(QByteArrayView data, ParsedEvent& ev)
{
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
    ev.promptTokens = integer(usage, "prompt_tokens");
    if (ev.promptTokens < 0)
        ev.promptTokens = integer(usage, "input_tokens");
    if (ev.promptTokens < 0)
        ev.promptTokens = integer(usage, "total_tokens");
    ev.completionTokens = integer(usage, "completion_tokens");
    if (ev.completionTokens < 0)
        ev.completionTokens = integer(usage, "output_tokens");
    for (const char* details : {"prompt_tokens_details", "input_tokens_details"}) {
        if (const auto d = usage.find(details); d != usage.end() && d->is_object()) {
            if (const qint64 cached = integer(*d, "cached_tokens"); cached >= 0)
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
    if (it->is_object() && it->contains("message") && (*it)["message"].is_string())
        ev.errorMessage = jsonutil::toQString((*it)["message"]);
    else
        ev.errorMessage = QString::fromUtf8(jsonutil::dump(*it));
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
