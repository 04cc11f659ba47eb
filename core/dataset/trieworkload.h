#pragma once

#include "dataset/conversationsource.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace tl {

class Tokenizer;

// trie_agentic_coding / trie_code_qa / trie_office_work (applied-compute/trie, EvalScope's trie replay): each
// JSONL row describes one agentic session by its lengths only, and becomes num_turns + 1 turns of synthetic text:
// turn 0 a user prompt of input_prompt_length tokens answered with max_tokens assistant_response_length[0]; turn
// i >= 1 a "tool output" user message of tool_call_output_length[i-1] tokens, sent tool_call_latency[i-1] seconds
// after the previous reply, answered with assistant_response_length[i] (final_assistant_response_length for the
// last turn). The text is random ordinary tokens converged to the exact length with the run's tokenizer,
// deterministic per (--seed, conversation, turn).
class TrieWorkload final {
public:
    static constexpr int kMaxTurns = 4096;
    static constexpr qint64 kMaxTokens = 10000000; // per message: past it the row is garbage

    struct Row {
        qint64 inputPromptLength = 0;
        std::vector<qint64> assistantResponseLength; // num_turns
        std::vector<qint64> toolCallOutputLength; // num_turns
        std::vector<double> toolCallLatencyS; // num_turns
        qint64 finalAssistantResponseLength = 0;
        int numTurns() const { return int(assistantResponseLength.size()); }
    };

    // nullopt + *why when `line` is not a trie row.
    static std::optional<Row> parseRow(const QByteArray& line, QString* why);
    static QByteArray encodeRow(const Row& row);
    static std::optional<Row> decodeRow(const QByteArray& data);

    // The ordinary tokens synthetic text is drawn from (no special, no byte-fallback tokens).
    static std::vector<int32_t> ordinaryTokens(const Tokenizer& tokenizer);
    // Text of exactly `tokens` tokens (as the tokenizer re-encodes it, unless convergence gives up).
    static std::string syntheticText(
        const Tokenizer& tokenizer, const std::vector<int32_t>& vocabulary, qint64 tokens, quint64 seed);

    // The conversation of `row`, its texts drawn with `seed`.
    static Conversation conversation(
        const Row& row, const Tokenizer& tokenizer, const std::vector<int32_t>& vocabulary, quint64 seed);
};

} // namespace tl
