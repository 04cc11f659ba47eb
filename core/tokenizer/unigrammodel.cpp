#include "tokenizer/unigrammodel.h"

#include "tokenizer/addedtokens.h"
#include "tokenizer/bpewordcache.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tl {

namespace {

// tokenizers' K_UNK_PENALTY: an unknown character scores this much below the lowest piece.
constexpr double kUnkPenalty = 10.0;

const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}

} // namespace

UnigramModel::UnigramModel()
    : m_cache(std::make_unique<BpeWordCache>())
{
}

UnigramModel::~UnigramModel() = default;

void UnigramModel::encodeWord(std::string_view word, std::vector<int32_t>& out) const
{
    m_cache->encodeThrough(word, out, [this](std::string_view w, std::vector<int32_t>& o) { encodeUncached(w, o); });
}

std::unique_ptr<UnigramModel> UnigramModel::fromJson(const nlohmann::json& model, QString* error)
{
    std::unique_ptr<UnigramModel> uni(new UnigramModel());
    uni->m_byteIds.fill(-1);
    if (const auto it = model.find("byte_fallback"); it != model.end() && !it->is_null()) {
        if (!it->is_boolean()) {
            *error = QStringLiteral("model.byte_fallback must be true or false");
            return nullptr;
        }
        uni->m_byteFallback = it->get<bool>();
    }
    const auto vocab = model.find("vocab");
    if (vocab == model.end() || !vocab->is_array() || vocab->empty()) {
        *error = QStringLiteral("model.vocab must be a non-empty array of [piece, score]");
        return nullptr;
    }
    if (vocab->size() > size_t(kMaxTokenId) + 1) {
        *error = QStringLiteral("model.vocab has more than %1 pieces").arg(kMaxTokenId + 1);
        return nullptr;
    }
    const auto unk = model.find("unk_id");
    // Hugging Face fails at encode time on any character outside the vocabulary when there is no unk_id.
    if (unk == model.end() || !unk->is_number_integer() || unk->get<int64_t>() < 0
        || unk->get<int64_t>() >= static_cast<int64_t>(vocab->size())) {
        *error = QStringLiteral("model.unk_id must be the id of a piece of model.vocab (0 to %1)")
                     .arg(static_cast<qint64>(vocab->size()) - 1);
        return nullptr;
    }
    uni->m_unkId = static_cast<int32_t>(unk->get<int64_t>());

    uni->m_pieces.reserve(vocab->size());
    uni->m_scores.reserve(vocab->size());
    uni->m_vocab.reserve(vocab->size());
    uni->m_nodeToken.push_back(-1);
    double minScore = INFINITY;
    for (size_t i = 0; i < vocab->size(); ++i) {
        const auto& entry = (*vocab)[i];
        if (!entry.is_array() || entry.size() != 2 || !entry[0].is_string() || !entry[1].is_number()
            || !std::isfinite(entry[1].get<double>())) {
            *error = QStringLiteral("model.vocab[%1] must be [piece, score] with a finite score").arg(i);
            return nullptr;
        }
        const auto id = static_cast<int32_t>(i);
        const std::string& piece = entry[0].get_ref<const std::string&>();
        const double score = entry[1].get<double>();
        uni->m_pieces.push_back(piece);
        uni->m_scores.push_back(score);
        uni->m_vocab.insert_or_assign(piece, id);
        minScore = std::min(minScore, score);
        int32_t node = 0;
        for (const char c : piece) {
            const uint64_t key = (uint64_t(uint32_t(node)) << 8) | static_cast<unsigned char>(c);
            const auto edge = uni->m_edges.find(key);
            if (edge != uni->m_edges.end()) {
                node = edge->second;
            } else {
                const auto next = static_cast<int32_t>(uni->m_nodeToken.size());
                uni->m_nodeToken.push_back(-1);
                uni->m_edges.emplace(key, next);
                node = next;
            }
        }
        if (node != 0)
            uni->m_nodeToken[static_cast<size_t>(node)] = id; // a duplicate piece resolves to its last id
    }
    uni->m_unkScore = minScore - kUnkPenalty;
    // The trie gives a piece's text; its id is the vocabulary's (the last duplicate), as token_to_ids does.
    for (int32_t& token : uni->m_nodeToken) {
        if (token >= 0)
            token = uni->m_vocab.find(std::string_view(uni->m_pieces[static_cast<size_t>(token)]))->second;
    }
    for (int b = 0; b < 256; ++b) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "<0x%02X>", b);
        uni->m_byteIds[static_cast<size_t>(b)] = uni->tokenToId(hex);
    }
    return uni;
}

int32_t UnigramModel::child(int32_t node, unsigned char byte) const
{
    const auto edge = m_edges.find((uint64_t(uint32_t(node)) << 8) | byte);
    return edge == m_edges.end() ? -1 : edge->second;
}

void UnigramModel::encodeUncached(std::string_view word, std::vector<int32_t>& out) const
{
    if (word.empty())
        return;
    struct Best {
        double score = 0;
        int32_t start = -1; // -1: not reached yet
        int32_t id = -1;
    };
    thread_local std::vector<Best> best;
    const size_t size = word.size();
    best.assign(size + 1, Best{});
    for (size_t start = 0; start < size;) {
        const auto lead = static_cast<unsigned char>(word[start]);
        const size_t charLen = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const double here = best[start].score;
        bool singleCharPiece = false;
        int32_t node = 0;
        for (size_t pos = start; pos < size; ++pos) {
            node = child(node, static_cast<unsigned char>(word[pos]));
            if (node < 0)
                break;
            const int32_t id = m_nodeToken[static_cast<size_t>(node)];
            if (id < 0)
                continue;
            Best& target = best[pos + 1];
            const double candidate = m_scores[static_cast<size_t>(id)] + here;
            if (target.start < 0 || candidate > target.score)
                target = Best{candidate, static_cast<int32_t>(start), id};
            if (pos + 1 - start == charLen)
                singleCharPiece = true;
        }
        if (!singleCharPiece) {
            Best& target = best[std::min(start + charLen, size)];
            const double candidate = m_unkScore + here;
            if (target.start < 0 || candidate > target.score)
                target = Best{candidate, static_cast<int32_t>(start), m_unkId};
        }
        start += charLen;
    }

    // Back from the end; runs of unk are fused into one piece (fuse_unk is always on for Unigram).
    thread_local std::vector<std::pair<size_t, size_t>> pieces; // byte ranges, last first
    pieces.clear();
    size_t unkBegin = 0;
    size_t unkEnd = 0; // unkEnd > unkBegin while a run is open
    for (size_t end = size; end > 0;) {
        const Best& node = best[end];
        const auto begin = static_cast<size_t>(node.start);
        if (node.id == m_unkId) {
            if (unkEnd == unkBegin)
                unkEnd = end;
            unkBegin = begin;
        } else {
            if (unkEnd > unkBegin)
                pieces.emplace_back(unkBegin, unkEnd);
            unkBegin = unkEnd = 0;
            pieces.emplace_back(begin, end);
        }
        end = begin;
    }
    if (unkEnd > unkBegin)
        pieces.emplace_back(unkBegin, unkEnd);

    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
        const std::string_view text = word.substr(it->first, it->second - it->first);
        const auto found = m_vocab.find(text);
        if (found != m_vocab.end()) {
            out.push_back(found->second);
            continue;
        }
        if (m_byteFallback && std::all_of(text.begin(), text.end(), [&](char c) {
                return m_byteIds[static_cast<unsigned char>(c)] >= 0;
            })) {
            for (const char c : text)
                out.push_back(m_byteIds[static_cast<unsigned char>(c)]);
            continue;
        }
        out.push_back(m_unkId);
    }
}

int32_t UnigramModel::tokenToId(std::string_view token) const
{
    const auto it = m_vocab.find(token);
    return it == m_vocab.end() ? -1 : it->second;
}

const std::string& UnigramModel::idToToken(int32_t id) const
{
    if (id < 0 || static_cast<size_t>(id) >= m_pieces.size())
        return emptyString();
    return m_pieces[static_cast<size_t>(id)];
}

bool UnigramModel::isByteFallback(int32_t id) const
{
    return m_byteFallback && id >= 0 && std::find(m_byteIds.begin(), m_byteIds.end(), id) != m_byteIds.end();
}

} // namespace tl
