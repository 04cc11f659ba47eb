#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tl {

// The "model" stage of tokenizer.json (BPE, WordPiece, Unigram): turns one pre-tokenized word into ids.
// Implementations are immutable after construction and safe to call from many threads.
class TokenModel {
public:
    virtual ~TokenModel() = default;
    virtual void encodeWord(std::string_view word, std::vector<int32_t>& out) const = 0;
    virtual int32_t maxId() const = 0;
    virtual int32_t tokenToId(std::string_view token) const = 0;
    // The token's string, or an empty string for an id outside the vocabulary.
    virtual const std::string& idToToken(int32_t id) const = 0;
    virtual bool isByteFallback(int32_t id) const = 0;

protected:
    TokenModel() = default;
    TokenModel(const TokenModel&) = delete;
    TokenModel& operator=(const TokenModel&) = delete;
};

} // namespace tl
