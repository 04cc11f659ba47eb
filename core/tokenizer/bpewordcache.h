#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tl {

// Word -> ids memo for the models (BPE, WordPiece, Unigram). Sixteen shards, each behind its own mutex, keep contention
// low when many dataset threads encode at once; a shard that grows past its budget is simply cleared, which bounds
// memory without the bookkeeping of an LRU.
class BpeWordCache final {
public:
    static constexpr size_t kMaxWordBytes = 64;

    bool lookup(std::string_view word, std::vector<int32_t>& out) const;
    void insert(std::string_view word, const int32_t* ids, size_t count);
    // Appends `word`'s ids to `out`: the cached ones, or those `encode(word, out)` appends, then remembered (words
    // longer than kMaxWordBytes are encoded every time).
    template <typename Encode> void encodeThrough(std::string_view word, std::vector<int32_t>& out, Encode&& encode)
    {
        const bool cacheable = word.size() <= kMaxWordBytes;
        if (cacheable && lookup(word, out))
            return;
        const size_t before = out.size();
        encode(word, out);
        if (cacheable)
            insert(word, out.data() + before, out.size() - before);
    }

private:
    struct TransparentHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    struct Shard {
        mutable std::mutex mutex;
        std::unordered_map<std::string, std::vector<int32_t>, TransparentHash, std::equal_to<>> map;
    };
    static constexpr size_t kShards = 16;
    static constexpr size_t kMaxEntriesPerShard = 8192;

    static size_t shardOf(size_t hash) { return (hash >> 7) % kShards; }

    std::array<Shard, kShards> m_shards;
};

} // namespace tl
