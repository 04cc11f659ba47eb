#pragma once

#include "config/configerror.h"

#include <QString>

#include <memory>
#include <optional>

namespace tl {

struct RunConfig;
class Tokenizer;

// What every dataset source needs from the run configuration, resolved once: the tokenizer (loaded), the
// length policy, the seed and the per-request post-processing. Immutable; shared by the sources of a run.
struct DatasetOptions {
    std::shared_ptr<const Tokenizer> tokenizer; // null without --tokenizer-path
    bool chat = true; // apply_chat_template: prompts become user messages (decided before --tokenize-prompt)
    bool tokenizePrompt = false;
    int minPromptLength = 0;
    int maxPromptLength = 131072;
    int prefixLength = 0;
    qint64 datasetOffset = 0;
    quint64 seed = 0; // --seed, or a random value drawn at load when none is given
    bool seeded = false;
    // --dataset-args length control (EvalScope's TextLengthArgs)
    std::optional<int> targetInputLen;
    bool dropShort = false; // input_len_mode "drop" (default "cap")
    QString prefixFile;
    bool prefixAsSystem = true; // prefix_role "system" (default) or "user"
    // --extra-args keys read by the embedding and rerank datasets
    int batchSize = 8;
    int numDocuments = 10;
    double documentLengthRatio = 5.0;
    // Image datasets (random_vl generates, flickr8k/kontext_bench read): size, PIL colour mode, count per request,
    // and the patch size that counts an image's tokens when the server sends no usage.
    int imageWidth = 224;
    int imageHeight = 224;
    QString imageFormat = QStringLiteral("RGB");
    int imageNum = 1;
    int imagePatchSize = 28;
    // --max-tokens MIN MAX
    std::optional<std::pair<int, int>> maxTokensRange;
    // Parsed items a lazy file source keeps. Workers ask for an index right after claiming it, so indices
    // arrive nearly in order whatever --parallel is; a straggler outside the window costs a re-read from the
    // nearest checkpoint, not a wrong item.
    int windowItems = 512;

    // Resolves `config` (loads the tokenizer when --tokenizer-path is given). nullopt + *error naming the flag.
    static std::optional<DatasetOptions> fromConfig(const RunConfig& config, ConfigError* error);
};

} // namespace tl
