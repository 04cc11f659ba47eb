#pragma once

#include "dataset/conversationsource.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace tl {

class Tokenizer;

// swe_smith (EvalScope's SWE-smith agentic conversations), from one of two files:
// - pre-built (examples/perf/build_swe_smith_dataset.py's output): {"conversations": [[{"messages": [...],
//   "prompt_tokens": N}, ...], ...]}, one list of turns per conversation, each turn's messages its delta;
// - a trajectories file (SWE-bench/SWE-smith-trajectories, split `tool`: the hub's Parquet file, whose "messages"
//   column is JSON text, or a list of {role, content} structs in other copies; or JSONL with a "messages" list per
//   line), built into conversations live: `tool` messages become `user` ones and only user messages are kept;
//   trajectories shorter than (first_turn_upper + subsequent_upper * (max_turns - 1)) * chars_per_token
//   characters are left out; the rest are shuffled with --seed and rotated by --dataset-offset; each conversation
//   gets U[--min-turns, --max-turns] turns; turn 1 collects messages up to first_turn_length tokens (the last one
//   cut to fit), each later turn about subsequent_turn_length more; a trajectory that runs out is dropped.
class SweSmithBuilder final {
public:
    // --dataset-args of swe_smith's live build.
    struct Options {
        std::pair<qint64, qint64> firstTurnLength{65000, 65000}; // an int, or [min, max]
        std::pair<qint64, qint64> subsequentTurnLength{500, 500};
        double charsPerToken = 3.0;
    };
    static std::optional<Options> parseOptions(const QByteArray& datasetArgs, QString* why);

    // Whether `head` (the file's first bytes) is a pre-built file rather than trajectories.
    static bool isPrebuilt(const QByteArray& head);
    // The conversations of a pre-built file (at most `limit`), truncated to `maxTurns`; nullopt + *why when it is
    // not one.
    static std::optional<QList<Conversation>> parsePrebuilt(
        const QByteArray& data, qint64 limit, std::optional<int> maxTurns, QString* why);

    // One trajectory line's user messages (tool -> user), in order; nullopt + *why when the line is not one.
    static std::optional<QStringList> userMessages(const QByteArray& line, QString* why);
    // The same for one trajectory's "messages" value: a list of messages, or a string holding one as JSON text.
    static std::optional<QStringList> userMessagesOf(const nlohmann::json& messages, QString* why);

    // Conversations built from `trajectories` (each a list of user messages) as described above.
    static QList<Conversation> build(const QList<QStringList>& trajectories, const Options& options,
        const Tokenizer& tokenizer, int minTurns, int maxTurns, quint64 seed, qint64 datasetOffset, qint64 limit);
};

} // namespace tl
