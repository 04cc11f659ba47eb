#pragma once

#include "tokenizer/tokenmodel.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tl {

class BpeWordCache;

// The "BPE" model of tokenizer.json: vocabulary, ranked merges and the merge loop of Hugging Face's
// word.rs (a min-heap of (rank, position) over a linked list of symbols, so ties go to the leftmost
// pair), with byte fallback, unk fusing and ignore_merges. A cache of recent words makes repeated
// words cost one lookup; it is sharded behind mutexes so encodeWord() may run on many threads.
class BpeModel final : public TokenModel {
public:
    // byteLevel: words arrive as raw UTF-8 and are mapped to GPT-2's byte alphabet first.
    static std::unique_ptr<BpeModel> fromJson(const nlohmann::json& model, bool byteLevel, QString* error);
    ~BpeModel() override;

    void encodeWord(std::string_view word, std::vector<int32_t>& out) const override;

    int32_t size() const { return static_cast<int32_t>(m_idToToken.size()); }
    int32_t maxId() const override { return m_maxId; }
    int32_t tokenToId(std::string_view token) const override;
    const std::string& idToToken(int32_t id) const override;
    bool isByteFallback(int32_t id) const override;

    // GPT-2's bytes_to_unicode(): the printable stand-in of every byte.
    static char32_t byteToChar(uint8_t byte);

private:
    BpeModel();
    struct TransparentHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    struct Merge {
        int32_t rank;
        int32_t newId;
    };
    struct MergeSlot {
        uint64_t key; // (left id << 32 | right id); ~0 when empty
        Merge merge;
    };
    struct Symbol {
        int32_t id;
        int32_t prev;
        int32_t next;
        int32_t len; // 0 once merged into its left neighbour
    };

    const Merge* findMerge(int32_t left, int32_t right) const;
    void mergeWord(std::string_view word, std::vector<int32_t>& out) const;
    void encodeSegment(std::string_view word, std::vector<int32_t>& out) const;
    void initialSymbols(std::string_view word, std::vector<Symbol>& symbols) const;

    std::unordered_map<std::string, int32_t, TransparentHash, std::equal_to<>> m_vocab;
    std::vector<std::string> m_idToToken; // indexed by id; gaps are empty
    std::vector<MergeSlot> m_merges; // open addressing, linear probing
    // SentencePiece-style vocabularies where "▁" only ever starts a token: no merge can cross the point
    // before a "▁" that follows another character, so long words are cut there and cached piecewise.
    std::string m_splitBefore;
    uint64_t m_mergeMask = 0;
    std::array<int32_t, 256> m_byteIds{}; // byte-level: id of each byte's stand-in character
    std::array<int32_t, 256> m_byteFallbackIds{}; // <0xNN>, or -1
    std::string m_continuingPrefix;
    std::string m_endOfWordSuffix;
    int32_t m_unkId = -1;
    int32_t m_maxId = -1;
    bool m_byteLevel = false;
    bool m_byteFallback = false;
    bool m_fuseUnk = false;
    bool m_ignoreMerges = false;
    std::unique_ptr<BpeWordCache> m_cache;
};

} // namespace tl
