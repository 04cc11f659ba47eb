#include "tokenizer/addedtokens.h"

#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tl {

namespace {

// Rust's char::is_alphanumeric, used by single_word; close enough to Alphabetic || Numeric for the
// tokens that set it (none of the supported families do).
bool isWordChar(char32_t cp)
{
    return (unicode::charFlags(cp) & (unicode::kLetter | unicode::kNumber)) != 0;
}

char32_t lastCodePointBefore(std::string_view text, size_t pos, size_t* start)
{
    size_t s = pos - 1;
    while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80)
        --s;
    int len = 0;
    *start = s;
    return unicode::decodeUtf8(text, s, &len);
}

} // namespace

AddedTokens::~AddedTokens() = default;

std::unique_ptr<AddedTokens> AddedTokens::fromJson(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<AddedTokens> added(new AddedTokens());
    if (json.is_null())
        return added;
    if (!json.is_array()) {
        *error = QStringLiteral("added_tokens must be an array");
        return nullptr;
    }
    for (size_t i = 0; i < json.size(); ++i) {
        const auto& entry = json[i];
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_number_integer()
            || !entry.contains("content") || !entry["content"].is_string()
            || entry["content"].get_ref<const std::string&>().empty() || entry["id"].get<int64_t>() < 0
            || entry["id"].get<int64_t>() > kMaxTokenId) {
            *error = QStringLiteral("added_tokens[%1] needs a non-empty \"content\" string and an \"id\" from 0 to %2")
                         .arg(i)
                         .arg(kMaxTokenId);
            return nullptr;
        }
        Token token;
        token.content = entry["content"].get<std::string>();
        token.id = static_cast<int32_t>(entry["id"].get<int64_t>());
        token.special = entry.value("special", false);
        token.lstrip = entry.value("lstrip", false);
        token.rstrip = entry.value("rstrip", false);
        token.singleWord = entry.value("single_word", false);
        token.normalized = entry.value("normalized", !token.special);
        const auto index = static_cast<int32_t>(added->m_tokens.size());
        insert(token.normalized ? added->m_normalized : added->m_raw, token.content, index);
        added->m_hasNormalized = added->m_hasNormalized || token.normalized;
        added->m_maxId = std::max(added->m_maxId, token.id);
        added->m_byId[token.id] = added->m_tokens.size();
        added->m_tokens.push_back(std::move(token));
    }
    return added;
}

void AddedTokens::insert(Trie& trie, const std::string& content, int32_t index)
{
    int32_t node = 0;
    for (const char c : content) {
        const auto byte = static_cast<uint8_t>(c);
        auto& children = trie.nodes[static_cast<size_t>(node)].children;
        const auto it = std::lower_bound(
            children.begin(), children.end(), byte, [](const auto& child, uint8_t b) { return child.first < b; });
        if (it != children.end() && it->first == byte) {
            node = it->second;
            continue;
        }
        const auto next = static_cast<int32_t>(trie.nodes.size());
        children.insert(it, {byte, next});
        trie.nodes.emplace_back();
        node = next;
    }
    // A repeated content keeps its first entry, as the first one registered wins in Hugging Face.
    if (trie.nodes[static_cast<size_t>(node)].token < 0)
        trie.nodes[static_cast<size_t>(node)].token = index;
    trie.firstByte[static_cast<uint8_t>(content.front())] = true;
    trie.empty = false;
}

std::pair<size_t, int32_t> AddedTokens::longestAt(const Trie& trie, std::string_view text, size_t pos) const
{
    std::pair<size_t, int32_t> best{0, -1};
    int32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
        const auto& children = trie.nodes[static_cast<size_t>(node)].children;
        const auto byte = static_cast<uint8_t>(text[i]);
        const auto it = std::lower_bound(
            children.begin(), children.end(), byte, [](const auto& child, uint8_t b) { return child.first < b; });
        if (it == children.end() || it->first != byte)
            break;
        node = it->second;
        if (trie.nodes[static_cast<size_t>(node)].token >= 0)
            best = {i + 1 - pos, trie.nodes[static_cast<size_t>(node)].token};
    }
    return best;
}

void AddedTokens::split(std::string_view text, bool normalizedPass, std::vector<Segment>& out) const
{
    out.clear();
    const Trie& trie = normalizedPass ? m_normalized : m_raw;
    if (trie.empty) {
        if (!text.empty())
            out.push_back(Segment{0, text.size(), -1});
        return;
    }
    size_t plainStart = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        if (!trie.firstByte[static_cast<uint8_t>(text[pos])]) {
            ++pos;
            continue;
        }
        const auto [length, index] = longestAt(trie, text, pos);
        if (index < 0) {
            ++pos;
            continue;
        }
        const Token& token = m_tokens[static_cast<size_t>(index)];
        size_t start = pos;
        size_t end = pos + length;
        if (token.singleWord) {
            size_t before = 0;
            const bool wordBefore = start > 0 && isWordChar(lastCodePointBefore(text, start, &before));
            int len = 0;
            const bool wordAfter = end < text.size() && isWordChar(unicode::decodeUtf8(text, end, &len));
            if (wordBefore || wordAfter) {
                ++pos;
                continue;
            }
        }
        if (token.lstrip) {
            while (start > plainStart) {
                size_t s = 0;
                if (!unicode::isWhitespace(lastCodePointBefore(text, start, &s)))
                    break;
                start = s;
            }
        }
        if (token.rstrip) {
            while (end < text.size()) {
                int len = 0;
                if (!unicode::isWhitespace(unicode::decodeUtf8(text, end, &len)))
                    break;
                end += static_cast<size_t>(len);
            }
        }
        if (plainStart < start)
            out.push_back(Segment{plainStart, start, -1});
        out.push_back(Segment{start, end, token.id});
        pos = end;
        plainStart = end;
    }
    if (plainStart < text.size())
        out.push_back(Segment{plainStart, text.size(), -1});
}

const AddedTokens::Token* AddedTokens::byId(int32_t id) const
{
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_tokens[it->second];
}

const AddedTokens::Token* AddedTokens::byContent(std::string_view content) const
{
    for (const Token& token : m_tokens) {
        if (token.content == content)
            return &token;
    }
    return nullptr;
}

} // namespace tl
