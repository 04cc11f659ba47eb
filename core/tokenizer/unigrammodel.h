#pragma once

#include "tokenizer/tokenmodel.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <array>
#include <memory>
#include <string>
#include <unordered_map>

namespace tl {

class BpeWordCache;

// The "Unigram" model of tokenizer.json (SentencePiece Unigram: T5, XLM-R, ALBERT and their embedding and
// rerank descendants), as Hugging Face's models/unigram encode_optimized: a Viterbi best path over every
// vocabulary piece that starts at each character (a byte trie of all pieces, control and byte pieces
// included), ties kept by the first path found, a character no piece of its own length covers scored
// min_score - 10 as unk, runs of unk fused into one piece, and then each piece's id: its vocabulary id, else
// its bytes as <0xNN> pieces when byte_fallback is on and all exist, else unk_id.
class UnigramModel final : public TokenModel {
public:
    static std::unique_ptr<UnigramModel> fromJson(const nlohmann::json& model, QString* error);
    ~UnigramModel() override;

    void encodeWord(std::string_view word, std::vector<int32_t>& out) const override;
    int32_t maxId() const override { return static_cast<int32_t>(m_pieces.size()) - 1; }
    int32_t tokenToId(std::string_view token) const override;
    const std::string& idToToken(int32_t id) const override;
    bool isByteFallback(int32_t id) const override;

private:
    UnigramModel();
    void encodeUncached(std::string_view word, std::vector<int32_t>& out) const;
    struct TransparentHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    int32_t child(int32_t node, unsigned char byte) const;

    std::vector<std::string> m_pieces; // indexed by id
    std::vector<double> m_scores;
    std::unordered_map<std::string, int32_t, TransparentHash, std::equal_to<>> m_vocab; // last id of a duplicate
    // Byte trie of every piece: node 0 is the root; m_edges maps (node << 8 | byte) to the child node.
    std::unordered_map<uint64_t, int32_t> m_edges;
    std::vector<int32_t> m_nodeToken; // the piece id ending at each node, or -1
    std::array<int32_t, 256> m_byteIds{}; // <0xNN>, or -1
    double m_unkScore = 0;
    int32_t m_unkId = -1;
    bool m_byteFallback = false;
    std::unique_ptr<BpeWordCache> m_cache; // recent words
};

} // namespace tl
