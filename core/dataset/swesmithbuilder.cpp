#include "dataset/swesmithbuilder.h"

#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace tl {

namespace {

using nlohmann::json;

json parse(const QByteArray& data)
{
    if (jsonutil::tooDeep(data))
        return json(json::value_t::discarded);
    return json::parse(data.cbegin(), data.cend(), nullptr, false);
}

// An int, or [min, max]; nullopt when neither (or not > 0, or reversed).
std::optional<std::pair<qint64, qint64>> lengthRange(const json& v)
{
    if (v.is_number_integer() && v.get<qint64>() > 0)
        return std::make_pair(v.get<qint64>(), v.get<qint64>());
    if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()
        && v[0].get<qint64>() > 0 && v[1].get<qint64>() >= v[0].get<qint64>())
        return std::make_pair(v[0].get<qint64>(), v[1].get<qint64>());
    return std::nullopt;
}

// A message's text: a string, or the "text" of its content parts.
std::optional<QString> contentText(const json& content)
{
    if (content.is_string())
        return jsonutil::toQString(content);
    if (!content.is_array())
        return std::nullopt;
    QString text;
    for (const json& part : content) {
        if (part.is_object() && part.contains("text") && part["text"].is_string())
            text += jsonutil::toQString(part["text"]);
    }
    return text;
}

} // namespace

std::optional<SweSmithBuilder::Options> SweSmithBuilder::parseOptions(const QByteArray& datasetArgs, QString* why)
{
    Options o;
    if (datasetArgs.trimmed().isEmpty())
        return o;
    const json args = parse(datasetArgs);
    if (!args.is_object()) {
        *why = Tr::tr("must be a JSON object, e.g. --dataset-args '{\"first_turn_length\": [8000, 16000]}'");
        return std::nullopt;
    }
    for (const auto& [key, value] : args.items()) {
        if (key == "first_turn_length" || key == "subsequent_turn_length") {
            const auto range = lengthRange(value);
            if (!range) {
                *why = Tr::tr("\"%1\" must be a whole number of tokens > 0 or [min, max]").arg(QString::fromStdString(key));
                return std::nullopt;
            }
            (key == "first_turn_length" ? o.firstTurnLength : o.subsequentTurnLength) = *range;
        } else if (key == "chars_per_token") {
            if (!value.is_number() || !(value.get<double>() > 0) || !std::isfinite(value.get<double>())) {
                *why = Tr::tr("\"chars_per_token\" must be a number > 0");
                return std::nullopt;
            }
            o.charsPerToken = value.get<double>();
        } else if (key != "num_workers") { // EvalScope's process pool: nothing to set here
            *why = Tr::tr("unknown key \"%1\" for swe_smith; the keys are first_turn_length, subsequent_turn_length, "
                          "chars_per_token")
                       .arg(QString::fromStdString(key));
            return std::nullopt;
        }
    }
    return o;
}

bool SweSmithBuilder::isPrebuilt(const QByteArray& head)
{
    const QByteArray t = head.trimmed();
    return t.startsWith('{') && t.left(4096).contains("\"conversations\"");
}

std::optional<QList<Conversation>> SweSmithBuilder::parsePrebuilt(
    const QByteArray& data, qint64 limit, std::optional<int> maxTurns, QString* why)
{
    const json j = parse(data);
    if (!j.is_object() || !j.contains("conversations") || !j["conversations"].is_array()) {
        *why = Tr::tr("expected {\"conversations\": [[{\"messages\": [...], \"prompt_tokens\": N}, ...], ...]}");
        return std::nullopt;
    }
    QList<Conversation> out;
    qint64 index = 0;
    for (const json& c : j["conversations"]) {
        ++index;
        if (!c.is_array()) {
            *why = Tr::tr("conversation %1 is not a list of turns").arg(index);
            return std::nullopt;
        }
        Conversation conversation;
        for (const json& t : c) {
            if (!t.is_object() || !t.contains("messages") || !t["messages"].is_array()) {
                *why = Tr::tr("conversation %1: each turn must be an object with a \"messages\" list").arg(index);
                return std::nullopt;
            }
            ConversationTurn turn;
            for (const json& m : t["messages"]) {
                if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content")) {
                    *why = Tr::tr("conversation %1: each message must have \"role\" and \"content\"").arg(index);
                    return std::nullopt;
                }
                turn.messages.push_back({{"role", m["role"]}, {"content", m["content"]}});
            }
            if (!turn.messages.empty())
                conversation.append(std::move(turn));
        }
        if (maxTurns && conversation.size() > *maxTurns)
            conversation.resize(*maxTurns);
        if (!conversation.isEmpty())
            out.append(std::move(conversation));
        if (qint64(out.size()) >= limit)
            break;
    }
    if (out.isEmpty()) {
        *why = Tr::tr("no conversation with a turn");
        return std::nullopt;
    }
    return out;
}

std::optional<QStringList> SweSmithBuilder::userMessages(const QByteArray& line, QString* why)
{
    const json j = parse(line);
    const auto messages = j.is_object() ? j.find("messages") : j.end();
    if (!j.is_object() || messages == j.end() || !messages->is_array()) {
        *why = Tr::tr("not a JSON object with a \"messages\" list (a SWE-smith trajectory)");
        return std::nullopt;
    }
    return userMessagesOf(*messages, why);
}

std::optional<QStringList> SweSmithBuilder::userMessagesOf(const nlohmann::json& value, QString* why)
{
    json parsed;
    const json* messages = &value;
    if (value.is_string()) { // SWE-smith-trajectories' Parquet column: the list as JSON text
        const std::string& text = value.get_ref<const std::string&>();
        parsed = parse(QByteArray::fromRawData(text.data(), qsizetype(text.size())));
        messages = &parsed;
    }
    if (!messages->is_array()) {
        *why = Tr::tr("\"messages\" is not a list of messages (nor JSON text holding one)");
        return std::nullopt;
    }
    QStringList out;
    for (const json& m : *messages) {
        if (!m.is_object() || !m.contains("role") || !m["role"].is_string())
            continue;
        const std::string& role = m["role"].get_ref<const std::string&>();
        if (role != "user" && role != "tool") // tool outputs are the user's side of an agentic session
            continue;
        const std::optional<QString> text = contentText(m.value("content", json()));
        if (text && !text->isEmpty())
            out.append(*text);
    }
    return out;
}

QList<Conversation> SweSmithBuilder::build(const QList<QStringList>& trajectories, const Options& options,
    const Tokenizer& tokenizer, int minTurns, int maxTurns, quint64 seed, qint64 datasetOffset, qint64 limit)
{
    maxTurns = std::max(minTurns, maxTurns);
    const double threshold = double(options.firstTurnLength.second + options.subsequentTurnLength.second * (maxTurns - 1))
        * options.charsPerToken;
    std::vector<qsizetype> candidates;
    for (qsizetype i = 0; i < trajectories.size(); ++i) {
        qint64 chars = 0;
        for (const QString& m : trajectories.at(i))
            chars += m.size();
        if (double(chars) >= threshold)
            candidates.push_back(i);
    }
    std::mt19937_64 rng(seed);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    if (!candidates.empty())
        std::rotate(candidates.begin(),
            candidates.begin() + std::ptrdiff_t(datasetOffset % qint64(candidates.size())), candidates.end());

    QList<Conversation> out;
    for (const qsizetype index : candidates) {
        if (qint64(out.size()) >= limit)
            break;
        std::mt19937_64 draw(seed ^ (quint64(index + 1) * 0x9E3779B97F4A7C15ULL));
        const auto uniform = [&draw](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(draw); };
        const int turns = int(uniform(minTurns, maxTurns));
        const QStringList& messages = trajectories.at(index);
        qsizetype next = 0;
        Conversation conversation;
        bool ranOut = false;
        for (int t = 0; t < turns && !ranOut; ++t) {
            const auto& range = t == 0 ? options.firstTurnLength : options.subsequentTurnLength;
            qint64 budget = uniform(range.first, range.second);
            ConversationTurn turn;
            while (budget > 0) {
                if (next >= messages.size()) {
                    ranOut = true;
                    break;
                }
                const std::string text = messages.at(next++).toStdString();
                std::vector<int32_t> ids = tokenizer.encode(text, false);
                std::string content = text;
                if (qint64(ids.size()) > budget) { // the last message is cut to fit
                    ids.resize(size_t(budget));
                    content = tokenizer.decode(ids, false);
                }
                budget -= qint64(ids.size());
                turn.messages.push_back({{"role", "user"}, {"content", content}});
            }
            if (!ranOut)
                conversation.append(std::move(turn));
        }
        if (!ranOut && !conversation.isEmpty())
            out.append(std::move(conversation));
    }
    return out;
}

} // namespace tl
