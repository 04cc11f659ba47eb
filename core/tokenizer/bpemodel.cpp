#include "tokenizer/bpemodel.h"

#include "tokenizer/addedtokens.h"
#include "tokenizer/bpewordcache.h"
#include "tokenizer/unicodeutil.h"
#include "tokenizer/vocabjson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>

namespace tl {

namespace {

struct HeapItem {
    int32_t rank;
    int32_t pos;
    int32_t newId;
};

// std::push_heap builds a max-heap; invert so the lowest rank, then the leftmost position, is on top.
struct HeapAfter {
    bool operator()(const HeapItem& a, const HeapItem& b) const
    {
        return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos;
    }
};

uint64_t pairKey(int32_t left, int32_t right)
{
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

size_t slotOf(uint64_t key, uint64_t mask)
{
    return static_cast<size_t>(((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask);
}

constexpr uint64_t kEmptyKey = ~uint64_t(0);

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool optionalString(const nlohmann::json& model, const char* key, std::string* out, QString* error)
{
    const auto it = model.find(key);
    if (it == model.end() || it->is_null())
        return true;
    if (!it->is_string()) {
        *error = QStringLiteral("model.%1 must be a string or null").arg(QLatin1String(key));
        return false;
    }
    *out = it->get<std::string>();
    return true;
}

bool optionalBool(const nlohmann::json& model, const char* key, bool* out, QString* error)
{
    const auto it = model.find(key);
    if (it == model.end() || it->is_null())
        return true;
    if (!it->is_boolean()) {
        *error = QStringLiteral("model.%1 must be true or false").arg(QLatin1String(key));
        return false;
    }
    *out = it->get<bool>();
    return true;
}

} // namespace

BpeModel::BpeModel()
    : m_cache(std::make_unique<BpeWordCache>())
{
    m_byteIds.fill(-1);
    m_byteFallbackIds.fill(-1);
}

BpeModel::~BpeModel() = default;

char32_t BpeModel::byteToChar(uint8_t byte)
{
    // Bytes that are printable Latin-1 stand for themselves; the others are numbered from U+0100 on.
    const auto printable = [](int b) { return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE); };
    if (printable(byte))
        return byte;
    int n = 0;
    for (int b = 0; b < byte; ++b) {
        if (!printable(b))
            ++n;
    }
    return static_cast<char32_t>(256 + n);
}

std::unique_ptr<BpeModel> BpeModel::fromJson(const nlohmann::json& model, bool byteLevel, QString* error)
{
    std::unique_ptr<BpeModel> bpe(new BpeModel());
    bpe->m_byteLevel = byteLevel;

    if (const auto dropout = model.find("dropout");
        dropout != model.end() && !dropout->is_null() && !(dropout->is_number() && dropout->get<double>() == 0.0)) {
        *error = QStringLiteral(
            "model.dropout is not supported (BPE dropout is random; counts would not be reproducible)");
        return nullptr;
    }
    std::string unkToken;
    if (!optionalString(model, "unk_token", &unkToken, error)
        || !optionalString(model, "continuing_subword_prefix", &bpe->m_continuingPrefix, error)
        || !optionalString(model, "end_of_word_suffix", &bpe->m_endOfWordSuffix, error)
        || !optionalBool(model, "fuse_unk", &bpe->m_fuseUnk, error)
        || !optionalBool(model, "byte_fallback", &bpe->m_byteFallback, error)
        || !optionalBool(model, "ignore_merges", &bpe->m_ignoreMerges, error))
        return nullptr;

    if (!readVocabObject(model, bpe->m_vocab, bpe->m_idToToken, bpe->m_maxId, error))
        return nullptr;

    if (!unkToken.empty()) {
        bpe->m_unkId = bpe->tokenToId(unkToken);
        if (bpe->m_unkId < 0) {
            *error = QStringLiteral("model.unk_token \"%1\" is not in model.vocab").arg(fromStd(unkToken));
            return nullptr;
        }
    }
    for (int b = 0; b < 256; ++b) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "<0x%02X>", b);
        bpe->m_byteFallbackIds[static_cast<size_t>(b)] = bpe->tokenToId(hex);
        if (byteLevel) {
            std::string stand;
            unicode::appendUtf8(stand, byteToChar(static_cast<uint8_t>(b)));
            bpe->m_byteIds[static_cast<size_t>(b)] = bpe->tokenToId(stand);
        }
    }

    const auto merges = model.find("merges");
    if (merges == model.end() || !merges->is_array()) {
        *error = QStringLiteral("model.merges must be an array");
        return nullptr;
    }
    const size_t capacity = std::bit_ceil(std::max<size_t>(16, merges->size() * 2));
    bpe->m_merges.assign(capacity, MergeSlot{kEmptyKey, Merge{0, 0}});
    bpe->m_mergeMask = capacity - 1;
    const size_t prefixLen = bpe->m_continuingPrefix.size();
    int32_t rank = 0;
    for (const auto& merge : *merges) {
        std::string left;
        std::string right;
        if (merge.is_string()) {
            const auto& text = merge.get_ref<const std::string&>();
            const size_t space = text.find(' ');
            if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos) {
                *error = QStringLiteral("model.merges[%1] \"%2\" is not two tokens separated by one space")
                             .arg(rank)
                             .arg(fromStd(text));
                return nullptr;
            }
            left = text.substr(0, space);
            right = text.substr(space + 1);
        } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
            left = merge[0].get<std::string>();
            right = merge[1].get<std::string>();
        } else {
            *error = QStringLiteral("model.merges[%1] must be \"a b\" or [\"a\", \"b\"]").arg(rank);
            return nullptr;
        }
        const int32_t leftId = bpe->tokenToId(left);
        const int32_t rightId = bpe->tokenToId(right);
        const std::string merged = left + (right.size() >= prefixLen ? right.substr(prefixLen) : right);
        const int32_t newId = bpe->tokenToId(merged);
        if (leftId < 0 || rightId < 0 || newId < 0) {
            *error = QStringLiteral("model.merges[%1] uses a token missing from model.vocab (\"%2\")")
                         .arg(rank)
                         .arg(fromStd(leftId < 0 ? left
                                 : rightId < 0   ? right
                                                 : merged));
            return nullptr;
        }
        // Like Hugging Face's HashMap collect, a repeated pair keeps the later rank.
        const uint64_t key = pairKey(leftId, rightId);
        size_t slot = slotOf(key, bpe->m_mergeMask);
        while (bpe->m_merges[slot].key != kEmptyKey && bpe->m_merges[slot].key != key)
            slot = (slot + 1) & bpe->m_mergeMask;
        bpe->m_merges[slot] = MergeSlot{key, Merge{rank, newId}};
        ++rank;
    }

    const std::string metaspace = "\u2581";
    if (!byteLevel && !bpe->m_ignoreMerges && bpe->m_continuingPrefix.empty() && bpe->m_endOfWordSuffix.empty()
        && bpe->tokenToId(metaspace) >= 0) {
        const bool onlyLeading = std::all_of(bpe->m_vocab.begin(), bpe->m_vocab.end(), [&](const auto& entry) {
            std::string_view token = entry.first;
            while (token.starts_with(metaspace))
                token.remove_prefix(metaspace.size());
            return token.find(metaspace) == std::string_view::npos;
        });
        if (onlyLeading)
            bpe->m_splitBefore = metaspace;
    }
    return bpe;
}

int32_t BpeModel::tokenToId(std::string_view token) const
{
    const auto it = m_vocab.find(token);
    return it == m_vocab.end() ? -1 : it->second;
}

const std::string& BpeModel::idToToken(int32_t id) const
{
    static const std::string empty;
    if (id < 0 || static_cast<size_t>(id) >= m_idToToken.size())
        return empty;
    return m_idToToken[static_cast<size_t>(id)];
}

bool BpeModel::isByteFallback(int32_t id) const
{
    return id >= 0 && std::find(m_byteFallbackIds.begin(), m_byteFallbackIds.end(), id) != m_byteFallbackIds.end();
}

const BpeModel::Merge* BpeModel::findMerge(int32_t left, int32_t right) const
{
    const uint64_t key = pairKey(left, right);
    size_t slot = slotOf(key, m_mergeMask);
    while (true) {
        const MergeSlot& entry = m_merges[slot];
        if (entry.key == key)
            return &entry.merge;
        if (entry.key == kEmptyKey)
            return nullptr;
        slot = (slot + 1) & m_mergeMask;
    }
}

void BpeModel::encodeWord(std::string_view word, std::vector<int32_t>& out) const
{
    if (word.empty())
        return;
    if (m_ignoreMerges) {
        std::string mapped;
        if (m_byteLevel) {
            for (const char c : word)
                unicode::appendUtf8(mapped, byteToChar(static_cast<uint8_t>(c)));
        }
        const int32_t id = tokenToId(m_byteLevel ? std::string_view(mapped) : word);
        if (id >= 0) {
            out.push_back(id);
            return;
        }
    }
    if (!m_splitBefore.empty()) {
        const std::string_view cut = m_splitBefore;
        size_t start = 0;
        for (size_t hit = word.find(cut, 1); hit != std::string_view::npos; hit = word.find(cut, hit + cut.size())) {
            if (hit >= cut.size() && word.substr(hit - cut.size(), cut.size()) == cut)
                continue; // inside a run of "▁": merges may join them
            encodeSegment(word.substr(start, hit - start), out);
            start = hit;
        }
        encodeSegment(word.substr(start), out);
        return;
    }
    encodeSegment(word, out);
}

void BpeModel::encodeSegment(std::string_view word, std::vector<int32_t>& out) const
{
    const bool cacheable = word.size() <= BpeWordCache::kMaxWordBytes;
    if (cacheable && m_cache->lookup(word, out))
        return;
    const size_t before = out.size();
    mergeWord(word, out);
    if (cacheable)
        m_cache->insert(word, out.data() + before, out.size() - before);
}

void BpeModel::initialSymbols(std::string_view word, std::vector<Symbol>& symbols) const
{
    symbols.clear();
    const auto add = [&symbols](int32_t id, int32_t len) {
        const auto index = static_cast<int32_t>(symbols.size());
        symbols.push_back(Symbol{id, index - 1, index + 1, len});
    };
    const bool plain = m_continuingPrefix.empty() && m_endOfWordSuffix.empty();
    if (m_byteLevel && plain) {
        bool complete = true;
        for (const char c : word)
            complete = complete && m_byteIds[static_cast<uint8_t>(c)] >= 0;
        if (complete) {
            for (const char c : word)
                add(m_byteIds[static_cast<uint8_t>(c)], 1);
            symbols.back().next = -1;
            return;
        }
    }

    int32_t unkLen = 0; // pending unknown run (ids follow Hugging Face's merge_word)
    std::string piece;
    size_t pos = 0;
    while (pos < word.size()) {
        // One "character" of the string the model sees: a byte's stand-in (byte-level) or a code point.
        size_t charLen = 1;
        if (!m_byteLevel) {
            const auto b = static_cast<unsigned char>(word[pos]);
            charLen = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            charLen = std::min(charLen, word.size() - pos);
        }
        piece.clear();
        if (pos > 0)
            piece += m_continuingPrefix;
        if (m_byteLevel)
            unicode::appendUtf8(piece, byteToChar(static_cast<uint8_t>(word[pos])));
        else
            piece.append(word.substr(pos, charLen));
        if (pos + charLen == word.size())
            piece += m_endOfWordSuffix;
        const auto byteLen = static_cast<int32_t>(charLen);
        pos += charLen;

        const int32_t id = tokenToId(piece);
        if (id >= 0) {
            if (unkLen > 0) {
                add(m_unkId, unkLen);
                unkLen = 0;
            }
            add(id, byteLen);
            continue;
        }
        if (m_byteFallback) {
            bool all = true;
            for (const char c : piece)
                all = all && m_byteFallbackIds[static_cast<uint8_t>(c)] >= 0;
            if (all) {
                // Hugging Face emits the pending unk only when a known token follows, so a byte run
                // between two unknowns leaves the first unk pending; mirror that order exactly.
                for (const char c : piece)
                    add(m_byteFallbackIds[static_cast<uint8_t>(c)], 1);
                continue;
            }
        }
        if (m_unkId >= 0) {
            if (unkLen > 0 && !m_fuseUnk) {
                add(m_unkId, unkLen);
                unkLen = 0;
            }
            unkLen += byteLen;
        }
        // Without an unk token Hugging Face drops the character.
    }
    if (unkLen > 0)
        add(m_unkId, unkLen);
    if (!symbols.empty())
        symbols.back().next = -1;
}

void BpeModel::mergeWord(std::string_view word, std::vector<int32_t>& out) const
{
    thread_local std::vector<Symbol> symbols;
    thread_local std::vector<HeapItem> heap;
    initialSymbols(word, symbols);
    if (symbols.empty())
        return;
    heap.clear();
    const auto count = static_cast<int32_t>(symbols.size());
    for (int32_t i = 0; i + 1 < count; ++i) {
        if (const Merge* m = findMerge(symbols[static_cast<size_t>(i)].id, symbols[static_cast<size_t>(i + 1)].id))
            heap.push_back(HeapItem{m->rank, i, m->newId});
    }
    std::make_heap(heap.begin(), heap.end(), HeapAfter{});
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), HeapAfter{});
        const HeapItem top = heap.back();
        heap.pop_back();
        Symbol& current = symbols[static_cast<size_t>(top.pos)];
        if (current.len == 0 || current.next < 0)
            continue;
        Symbol& right = symbols[static_cast<size_t>(current.next)];
        const Merge* m = findMerge(current.id, right.id);
        if (!m || m->newId != top.newId)
            continue; // stale: one side was merged since this pair was queued
        current.id = top.newId;
        current.len += right.len;
        current.next = right.next;
        right.len = 0;
        if (current.next >= 0)
            symbols[static_cast<size_t>(current.next)].prev = top.pos;
        if (current.prev >= 0) {
            const Symbol& prev = symbols[static_cast<size_t>(current.prev)];
            if (const Merge* pm = findMerge(prev.id, current.id)) {
                heap.push_back(HeapItem{pm->rank, current.prev, pm->newId});
                std::push_heap(heap.begin(), heap.end(), HeapAfter{});
            }
        }
        if (current.next >= 0) {
            const Symbol& next = symbols[static_cast<size_t>(current.next)];
            if (const Merge* nm = findMerge(current.id, next.id)) {
                heap.push_back(HeapItem{nm->rank, top.pos, nm->newId});
                std::push_heap(heap.begin(), heap.end(), HeapAfter{});
            }
        }
    }
    for (int32_t i = 0; i >= 0; i = symbols[static_cast<size_t>(i)].next)
        out.push_back(symbols[static_cast<size_t>(i)].id);
}

} // namespace tl
