#include "tokenizer/wordpiecemodel.h"

#include "tokenizer/addedtokens.h"
#include "tokenizer/bpewordcache.h"
#include "tokenizer/vocabjson.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tl {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}

} // namespace

WordPieceModel::WordPieceModel()
    : m_cache(std::make_unique<BpeWordCache>())
{
}

WordPieceModel::~WordPieceModel() = default;

void WordPieceModel::encodeWord(std::string_view word, std::vector<int32_t>& out) const
{
    m_cache->encodeThrough(word, out, [this](std::string_view w, std::vector<int32_t>& o) { encodeUncached(w, o); });
}

std::unique_ptr<WordPieceModel> WordPieceModel::fromJson(const nlohmann::json& model, QString* error)
{
    std::unique_ptr<WordPieceModel> wp(new WordPieceModel());
    std::string unkToken = "[UNK]";
    if (const auto it = model.find("unk_token"); it != model.end()) {
        if (!it->is_string()) {
            *error = QStringLiteral("model.unk_token must be a string");
            return nullptr;
        }
        unkToken = it->get<std::string>();
    }
    if (const auto it = model.find("continuing_subword_prefix"); it != model.end()) {
        if (!it->is_string()) {
            *error = QStringLiteral("model.continuing_subword_prefix must be a string");
            return nullptr;
        }
        wp->m_prefix = it->get<std::string>();
    }
    if (const auto it = model.find("max_input_chars_per_word"); it != model.end()) {
        if (!it->is_number_integer() || it->get<int64_t>() < 0) {
            *error = QStringLiteral("model.max_input_chars_per_word must be a non-negative integer");
            return nullptr;
        }
        // Words are at most this many characters; anything above the size of any input is the same.
        wp->m_maxChars = static_cast<size_t>(std::min<int64_t>(it->get<int64_t>(), int64_t(1) << 40));
    }
    if (!readVocabObject(model, wp->m_vocab, wp->m_idToToken, wp->m_maxId, error))
        return nullptr;
    // Hugging Face fails at encode time when an unknown word meets a missing unk token; refuse up front.
    wp->m_unkId = wp->tokenToId(unkToken);
    if (wp->m_unkId < 0) {
        *error = QStringLiteral("model.unk_token \"%1\" is not in model.vocab").arg(fromStd(unkToken));
        return nullptr;
    }
    return wp;
}

void WordPieceModel::encodeUncached(std::string_view word, std::vector<int32_t>& out) const
{
    // Character boundaries (byte offsets) of the word; Hugging Face counts and shortens by characters.
    thread_local std::vector<size_t> bounds;
    thread_local std::string key;
    bounds.clear();
    for (size_t pos = 0; pos < word.size(); ++pos) {
        if ((static_cast<unsigned char>(word[pos]) & 0xC0) != 0x80)
            bounds.push_back(pos);
    }
    if (bounds.size() > m_maxChars) {
        out.push_back(m_unkId);
        return;
    }
    bounds.push_back(word.size());
    const size_t mark = out.size();
    size_t start = 0; // index into bounds
    const size_t last = bounds.size() - 1;
    while (start < last) {
        int32_t found = -1;
        size_t end = last;
        for (; end > start; --end) {
            const std::string_view piece = word.substr(bounds[start], bounds[end] - bounds[start]);
            std::unordered_map<std::string, int32_t, TransparentHash, std::equal_to<>>::const_iterator it;
            if (start == 0) {
                it = m_vocab.find(piece);
            } else {
                key.assign(m_prefix);
                key.append(piece);
                it = m_vocab.find(std::string_view(key));
            }
            if (it != m_vocab.end()) {
                found = it->second;
                break;
            }
        }
        if (found < 0) {
            out.resize(mark);
            out.push_back(m_unkId);
            return;
        }
        out.push_back(found);
        start = end;
    }
}

int32_t WordPieceModel::tokenToId(std::string_view token) const
{
    const auto it = m_vocab.find(token);
    return it == m_vocab.end() ? -1 : it->second;
}

const std::string& WordPieceModel::idToToken(int32_t id) const
{
    if (id < 0 || static_cast<size_t>(id) >= m_idToToken.size())
        return emptyString();
    return m_idToToken[static_cast<size_t>(id)];
}

} // namespace tl
