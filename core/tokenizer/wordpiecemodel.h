#pragma once

#include "tokenizer/tokenmodel.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <memory>
#include <string>
#include <unordered_map>

namespace tl {

class BpeWordCache;

// The "WordPiece" model of tokenizer.json (BERT and its embedding/rerank descendants), as Hugging Face's
// models/wordpiece: greedy longest-match-first from the left, continuations looked up with the
// continuing_subword_prefix ("##"); a word longer than max_input_chars_per_word characters, or one with a
// part that matches nothing, becomes the single unk_token.
class WordPieceModel final : public TokenModel {
public:
    static std::unique_ptr<WordPieceModel> fromJson(const nlohmann::json& model, QString* error);
    ~WordPieceModel() override;

    void encodeWord(std::string_view word, std::vector<int32_t>& out) const override;
    int32_t maxId() const override { return m_maxId; }
    int32_t tokenToId(std::string_view token) const override;
    const std::string& idToToken(int32_t id) const override;
    bool isByteFallback(int32_t) const override { return false; }

private:
    WordPieceModel();
    void encodeUncached(std::string_view word, std::vector<int32_t>& out) const;
    struct TransparentHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };

    std::unordered_map<std::string, int32_t, TransparentHash, std::equal_to<>> m_vocab;
    std::vector<std::string> m_idToToken; // indexed by id; gaps are empty
    std::string m_prefix = "##";
    size_t m_maxChars = 100;
    int32_t m_unkId = -1;
    int32_t m_maxId = -1;
    std::unique_ptr<BpeWordCache> m_cache; // recent words
};

} // namespace tl
