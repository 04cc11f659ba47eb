#include "api/embeddingapi.h"

#include "api/openaijson.h"
#include "config/runconfig.h"
#include "util/jsonutil.h"

namespace tl {

namespace {

using ojson = nlohmann::ordered_json;

ojson stringArray(const QStringList& items)
{
    ojson out = ojson::array();
    for (const QString& s : items)
        out.push_back(jsonutil::toStd(s));
    return out;
}

// The text contents of a chat message array, in order (EvalScope flattens messages to their texts).
QStringList messageTexts(const QByteArray& messagesJson)
{
    QStringList texts;
    if (jsonutil::tooDeep(messagesJson))
        return texts;
    const auto messages = nlohmann::json::parse(messagesJson.cbegin(), messagesJson.cend(), nullptr, false);
    if (!messages.is_array())
        return texts;
    for (const auto& m : messages) {
        const auto content = m.is_object() ? m.find("content") : m.end();
        if (content == m.end())
            continue;
        if (content->is_string()) {
            texts.append(jsonutil::toQString(*content));
        } else if (content->is_array()) {
            for (const auto& part : *content) {
                if (part.is_object() && jsonutil::stringOf(part, "type") == "text" && part.contains("text"))
                    texts.append(jsonutil::toQString(part["text"]));
            }
        }
    }
    return texts;
}

} // namespace

EmbeddingApi::EmbeddingApi(const RunConfig& config, Kind kind)
    : m_kind(kind)
{
    m_base["model"] = jsonutil::toStd(config.model);
    m_base.update(openaijson::extraArgs(config.extraArgs));
}

QByteArray EmbeddingApi::buildBody(const PromptItem& prompt) const
{
    ojson body;
    if (prompt.kind == PromptItem::Kind::Body) {
        body = ojson::parse(prompt.body.cbegin(), prompt.body.cend(), nullptr, false);
        if (!body.is_object())
            body = ojson::object();
    } else if (m_kind == Kind::Embedding) {
        QStringList inputs = prompt.kind == PromptItem::Kind::Embedding ? prompt.inputs
            : prompt.kind == PromptItem::Kind::Messages                ? messageTexts(prompt.messages)
                                                                        : QStringList{prompt.text};
        if (inputs.size() == 1 && !prompt.batch)
            body["input"] = jsonutil::toStd(inputs.constFirst());
        else
            body["input"] = stringArray(inputs);
    } else {
        QString query = prompt.query;
        QStringList documents = prompt.documents;
        if (prompt.kind == PromptItem::Kind::Messages) { // first text the query, the rest documents
            documents = messageTexts(prompt.messages);
            query = documents.isEmpty() ? QString() : documents.takeFirst();
            if (documents.isEmpty())
                documents.append(QString());
        } else if (prompt.kind != PromptItem::Kind::Rerank) {
            query = prompt.text;
            documents = {QString::fromLatin1(kDefaultDocument)};
        }
        body["query"] = jsonutil::toStd(query);
        body["documents"] = stringArray(documents);
    }
    for (const auto& [key, value] : m_base.items()) {
        if (prompt.kind != PromptItem::Kind::Body || !body.contains(key))
            body[key] = value;
    }
    return openaijson::dump(body);
}

ParsedEvent EmbeddingApi::parseBody(QByteArrayView bytes) const
{
    ParsedEvent ev;
    const nlohmann::json j = openaijson::parseObject(bytes, ev);
    if (!ev.valid)
        return ev;
    if (ev.hasUsage)
        ev.completionTokens = 0;
    if (m_kind == Kind::Rerank && (!ev.hasUsage || ev.promptTokens < 0)) {
        const auto meta = j.find("meta");
        if (meta != j.end() && meta->is_object() && meta->contains("billed_units")) {
            const auto& billed = (*meta)["billed_units"];
            const nlohmann::json& units = jsonutil::member(billed, "search_units");
            // An integer only: converting a huge or fractional double to an integer is undefined behaviour.
            if (units.is_number_integer() && units.get<qint64>() >= 0) {
                ev.hasUsage = true;
                ev.promptTokens = units.get<qint64>();
                ev.completionTokens = 0;
            }
        }
    }
    const char* listKey = m_kind == Kind::Embedding ? "data" : "results";
    const auto list = j.find(listKey);
    ev.hasChoices = list != j.end() && list->is_array() && !list->empty();
    ev.hasContent = ev.hasChoices;
    if (!ev.isError && !ev.hasChoices) {
        ev.isError = true; // a 200 without the result list is no answer
        ev.errorMessage = QStringLiteral("the answer has no \"%1\" list").arg(QLatin1StringView(listKey));
    }
    return ev;
}

} // namespace tl
