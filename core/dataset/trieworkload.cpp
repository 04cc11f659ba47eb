#include "dataset/trieworkload.h"

#include "dataset/tokenconvergence.h"
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <random>

namespace tl {

namespace {

using nlohmann::json;

bool lengthOk(const json& v)
{
    return v.is_number_integer() && v.get<qint64>() >= 0 && v.get<qint64>() <= TrieWorkload::kMaxTokens;
}

} // namespace

std::optional<TrieWorkload::Row> TrieWorkload::parseRow(const QByteArray& line, QString* why)
{
    const json j = jsonutil::tooDeep(line) ? json(json::value_t::discarded)
                                           : json::parse(line.cbegin(), line.cend(), nullptr, false);
    if (!j.is_object()) {
        *why = Tr::tr("not a JSON object with input_prompt_length, num_turns and the per-turn lengths");
        return std::nullopt;
    }
    Row row;
    const auto n = j.find("num_turns");
    if (n == j.end() || !n->is_number_integer() || n->get<qint64>() < 0 || n->get<qint64>() > kMaxTurns) {
        *why = Tr::tr("\"num_turns\" must be a whole number from 0 to %1").arg(kMaxTurns);
        return std::nullopt;
    }
    const auto turns = size_t(n->get<qint64>());
    for (const char* key : {"input_prompt_length", "final_assistant_response_length"}) {
        const auto it = j.find(key);
        if (it == j.end() || !lengthOk(*it)) {
            *why = Tr::tr("\"%1\" must be a whole number of tokens >= 0").arg(QLatin1StringView(key));
            return std::nullopt;
        }
    }
    row.inputPromptLength = j["input_prompt_length"].get<qint64>();
    row.finalAssistantResponseLength = j["final_assistant_response_length"].get<qint64>();
    for (const char* key : {"assistant_response_length", "tool_call_output_length", "tool_call_latency"}) {
        const auto it = j.find(key);
        if (it == j.end() || !it->is_array() || it->size() != turns) {
            *why = Tr::tr("\"%1\" must be a list of num_turns (%2) values").arg(QLatin1StringView(key)).arg(turns);
            return std::nullopt;
        }
        for (const json& v : *it) {
            const bool latency = std::string_view(key) == "tool_call_latency";
            if (latency ? !(v.is_number() && v.get<double>() >= 0 && std::isfinite(v.get<double>()) && v.get<double>() < 86400)
                        : !lengthOk(v)) {
                *why = latency ? Tr::tr("\"tool_call_latency\" values must be seconds >= 0")
                               : Tr::tr("\"%1\" values must be whole numbers of tokens >= 0").arg(QLatin1StringView(key));
                return std::nullopt;
            }
        }
    }
    for (const json& v : j["assistant_response_length"])
        row.assistantResponseLength.push_back(v.get<qint64>());
    for (const json& v : j["tool_call_output_length"])
        row.toolCallOutputLength.push_back(v.get<qint64>());
    for (const json& v : j["tool_call_latency"])
        row.toolCallLatencyS.push_back(v.get<double>());
    return row;
}

QByteArray TrieWorkload::encodeRow(const Row& row)
{
    return jsonutil::dump(json{{"input_prompt_length", row.inputPromptLength}, {"num_turns", row.numTurns()},
        {"assistant_response_length", row.assistantResponseLength}, {"tool_call_output_length", row.toolCallOutputLength},
        {"tool_call_latency", row.toolCallLatencyS}, {"final_assistant_response_length", row.finalAssistantResponseLength}});
}

std::optional<TrieWorkload::Row> TrieWorkload::decodeRow(const QByteArray& data)
{
    QString ignored;
    return parseRow(data, &ignored);
}

std::vector<int32_t> TrieWorkload::ordinaryTokens(const Tokenizer& tokenizer)
{
    std::vector<int32_t> out;
    for (int32_t id = 0; id < tokenizer.vocabSize(); ++id) {
        if (!tokenizer.isSpecial(id) && !tokenizer.isByteFallback(id) && !tokenizer.idToToken(id).empty())
            out.push_back(id);
    }
    return out;
}

std::string TrieWorkload::syntheticText(
    const Tokenizer& tokenizer, const std::vector<int32_t>& vocabulary, qint64 tokens, quint64 seed)
{
    if (tokens <= 0 || vocabulary.empty())
        return {};
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
    std::vector<int32_t> ids(static_cast<size_t>(tokens));
    for (int32_t& id : ids)
        id = vocabulary[pick(rng)];
    return convergeToLength(tokenizer, std::move(ids), qsizetype(tokens), [&] { return vocabulary[pick(rng)]; }).text;
}

Conversation TrieWorkload::conversation(
    const Row& row, const Tokenizer& tokenizer, const std::vector<int32_t>& vocabulary, quint64 seed)
{
    const auto text = [&](qint64 tokens, int turn) {
        return syntheticText(tokenizer, vocabulary, tokens, seed ^ (quint64(turn + 1) * 0x9E3779B97F4A7C15ULL));
    };
    const int n = row.numTurns();
    const auto answer = [&](int turn) {
        // At least 1: a server refuses max_tokens 0.
        const qint64 tokens = turn < n ? row.assistantResponseLength[size_t(turn)] : row.finalAssistantResponseLength;
        return int(std::clamp<qint64>(tokens, 1, std::numeric_limits<int>::max()));
    };
    Conversation c;
    ConversationTurn first;
    first.messages.push_back({{"role", "user"}, {"content", text(row.inputPromptLength, 0)}});
    first.maxTokens = answer(0);
    c.append(std::move(first));
    for (int i = 1; i <= n; ++i) {
        ConversationTurn turn;
        turn.messages.push_back({{"role", "user"}, {"content", text(row.toolCallOutputLength[size_t(i - 1)], i)}});
        turn.toolCallLatencyS = row.toolCallLatencyS[size_t(i - 1)];
        turn.maxTokens = answer(i);
        c.append(std::move(turn));
    }
    return c;
}

} // namespace tl
