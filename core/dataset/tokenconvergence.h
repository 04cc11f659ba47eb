#pragma once

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tl {

class Tokenizer;

// Text that re-encodes to exactly `target` tokens, found as EvalScope's converge_to_token_len does: decode the
// ids (special tokens kept), re-encode without special tokens, truncate when too long or append `filler()` ids
// when too short, up to `maxRetries` rounds. `tokens` is the final text's count (== target unless it gave up).
struct ConvergedText {
    std::string text;
    qsizetype tokens = 0;
};
ConvergedText convergeToLength(const Tokenizer& tokenizer, std::vector<int32_t> ids, qsizetype target,
                               const std::function<int32_t()>& filler, int maxRetries = 10);

} // namespace tl
