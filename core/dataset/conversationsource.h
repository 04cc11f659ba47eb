#pragma once

#include "dataset/promptsource.h"

#include <QByteArray>
#include <QList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace tl {

class PromptShaper;

// One user turn of a conversation (EvalScope's Turn): the messages it adds to the history (its "delta": the user
// message, with a leading system message on turn 1), an optional per-turn max_tokens and the seconds to wait
// before it (a tool call's latency).
struct ConversationTurn {
    nlohmann::json messages = nlohmann::json::array();
    std::optional<int> maxTokens;
    double toolCallLatencyS = 0;
};
using Conversation = QList<ConversationTurn>;

// The conversations of a --multi-turn run (docs/DATASETS.md), by conversation index, cycled when the dataset
// is shorter than the run. Each item is a PromptItem of kind Body holding the conversation serialised as
// [{"messages": [...], "max_tokens": N, "tool_call_latency": S}, ...], so the run's look-ahead producer
// (PromptPrefetcher) builds them ahead of the workers like any prompt; a worker decodes it with decode().
// - random_multi_turn: U[--min-turns, --max-turns] turns of random token windows (the random dataset's method,
//   lengths from U[--min-prompt-length, --max-prompt-length] without template subtraction, --prefix-length's
//   shared prefix on every turn); generated per index, deterministic per (--seed, index).
// - share_gpt_{zh,en}_multi_turn: one turn per non-empty human message (the dataset's replies are discarded).
// - custom_multi_turn: a JSON array of {role, content} per line, split into turns at assistant messages.
// - swe_smith: a pre-built file or a trajectories file built live (SweSmithBuilder).
// - trie_agentic_coding, trie_code_qa, trie_office_work: rows of lengths turned into synthetic turns
//   (TrieWorkload), generated per index from the row kept in memory.
// File datasets keep the conversations the run needs in memory (at most kMaxLoaded), truncated to --max-turns.
class ConversationSource final : public PromptSource {
public:
    static constexpr qint64 kMaxLoaded = 50000;
    static constexpr qint64 kMaxPrebuiltBytes = 2000LL * 1000 * 1000; // a pre-built swe_smith file is read whole

    // nullptr + *error (naming the flag; for files the file and line) when none can be loaded.
    static std::shared_ptr<const ConversationSource> load(
        const RunConfig& config, ConfigError* error, const Progress& progress = {});

    // Parsers of one record, public for tests: nullopt with *why when the record is skipped.
    static std::optional<Conversation> fromCustomLine(const QByteArray& line, QString* why);
    static std::optional<Conversation> fromShareGptLine(const QByteArray& line, QString* why);

    static QByteArray encode(const Conversation& conversation);
    // nullopt when `data` is not what encode() writes.
    static std::optional<Conversation> decode(const QByteArray& data);

    // The conversation at `index` (cycled), decoded.
    Conversation conversation(qint64 index) const;
    qint64 loadedCount() const { return m_conversations.size(); }

protected:
    PromptItem itemAt(qint64 seq) const override;

private:
    ConversationSource(std::shared_ptr<const DatasetOptions> options, std::optional<int> maxTurns);
    Conversation truncated(Conversation c) const;
    static std::shared_ptr<const ConversationSource> loadSweSmith(const RunConfig& config,
        const std::shared_ptr<const DatasetOptions>& options, const QString& path, ConfigError* error);

    std::optional<int> m_maxTurns;
    QList<QByteArray> m_conversations; // encoded; empty for random_multi_turn
    std::shared_ptr<const PromptSource> m_random; // random_multi_turn's turn contents
    bool m_trie = false; // trie_*: m_conversations holds rows (TrieWorkload::encodeRow), not conversations
    std::vector<int32_t> m_vocabulary; // trie_*: the tokens of the synthetic text
    int m_minTurns = 1;
};

} // namespace tl
