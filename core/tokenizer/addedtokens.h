#pragma once

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

// The largest token id a tokenizer.json may use (2^24 - 1; the largest real vocabularies hold about 260,000 tokens).
// Ids index tables of size largest id + 1: an id near INT32_MAX asked for a 2^31-entry table (tens of GB) and
// overflowed the vocabulary size. Larger ids are refused with the entry named.
constexpr int32_t kMaxTokenId = (1 << 24) - 1;

// The added_tokens of tokenizer.json (special tokens such as <|im_start|>, and plain added ones such as
// <think>). They are cut out of the text before normalization (or after it, for tokens marked
// "normalized") with a byte trie giving the leftmost-longest match, like Hugging Face's Aho-Corasick
// matcher, honouring lstrip/rstrip/single_word.
class AddedTokens final {
public:
    struct Token {
        std::string content;
        int32_t id = -1;
        bool special = false;
        bool lstrip = false;
        bool rstrip = false;
        bool singleWord = false;
        bool normalized = false;
    };
    // A cut of the text: an added token (id >= 0) or a stretch of plain text [begin, end).
    struct Segment {
        size_t begin;
        size_t end;
        int32_t id;
    };

    // json: the added_tokens array (may be null).
    static std::unique_ptr<AddedTokens> fromJson(const nlohmann::json& json, QString* error);
    ~AddedTokens();

    // normalizedPass: match the tokens marked "normalized" (on normalized text) instead of the others.
    void split(std::string_view text, bool normalizedPass, std::vector<Segment>& out) const;
    bool hasNormalized() const { return m_hasNormalized; }

    const Token* byId(int32_t id) const;
    const Token* byContent(std::string_view content) const;
    int32_t maxId() const { return m_maxId; }

private:
    struct Node {
        std::vector<std::pair<uint8_t, int32_t>> children; // sorted by byte
        int32_t token = -1; // index into m_tokens when a token ends here
    };
    struct Trie {
        std::vector<Node> nodes{Node{}};
        std::array<bool, 256> firstByte{};
        bool empty = true;
    };

    AddedTokens() = default;
    static void insert(Trie& trie, const std::string& content, int32_t index);
    // Length of the longest token starting at text[pos] and its index, or {0, -1}.
    std::pair<size_t, int32_t> longestAt(const Trie& trie, std::string_view text, size_t pos) const;

    std::vector<Token> m_tokens;
    std::unordered_map<int32_t, size_t> m_byId;
    Trie m_raw;
    Trie m_normalized;
    int32_t m_maxId = -1;
    bool m_hasNormalized = false;
};

} // namespace tl
