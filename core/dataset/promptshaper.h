#pragma once

#include "api/apiplugin.h"
#include "dataset/datasetoptions.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace tl {

// EvalScope's prompt-length policy for text datasets: the --min/--max-prompt-length filter (tokens of the
// templated chat or of the prompt with a tokenizer, characters without), or --dataset-args' target_input_len
// (truncate longer prompts; keep or drop shorter ones) with an optional prefix_file padding each prompt to
// exactly the target. Then wraps the prompt as the run sends it. Immutable and thread-safe.
class PromptShaper final {
public:
    // nullptr + *error when the prefix_file cannot be read.
    static std::shared_ptr<const PromptShaper> create(std::shared_ptr<const DatasetOptions> options, QString* error);

    // EvalScope's check_prompt_length measure of one user prompt.
    qsizetype promptLength(const QString& text) const;
    // A plain-text prompt; nullopt with *dropReason naming the filter that dropped it.
    std::optional<PromptItem> shapeText(const QString& text, QString* dropReason) const;
    // A conversation of user/assistant messages ending with a user message (share_gpt).
    std::optional<PromptItem> shapeConversation(nlohmann::json messages, QString* dropReason) const;
    // Whether length control (target_input_len) replaces the min/max filter.
    bool lengthControl() const { return m_options->targetInputLen.has_value(); }
    const std::shared_ptr<const DatasetOptions>& options() const { return m_options; }

private:
    explicit PromptShaper(std::shared_ptr<const DatasetOptions> options);
    std::string prefixOfLength(qsizetype tokens) const;
    bool fitToTarget(std::string& text, QString* dropReason) const;
    PromptItem wrap(const std::string& prefix, nlohmann::json messages) const;

    std::shared_ptr<const DatasetOptions> m_options;
    std::vector<int32_t> m_prefixPool; // prefix_file's tokens
};

} // namespace tl
