#include "tokenizer/bpewordcache.h"

namespace tl {

bool BpeWordCache::lookup(std::string_view word, std::vector<int32_t>& out) const
{
    const size_t hash = TransparentHash{}(word);
    const Shard& shard = m_shards[shardOf(hash)];
    std::lock_guard lock(shard.mutex);
    const auto it = shard.map.find(word);
    if (it == shard.map.end())
        return false;
    out.insert(out.end(), it->second.begin(), it->second.end());
    return true;
}

void BpeWordCache::insert(std::string_view word, const int32_t* ids, size_t count)
{
    const size_t hash = TransparentHash{}(word);
    Shard& shard = m_shards[shardOf(hash)];
    std::lock_guard lock(shard.mutex);
    if (shard.map.size() >= kMaxEntriesPerShard)
        shard.map.clear();
    shard.map.try_emplace(std::string(word), ids, ids + count);
}

} // namespace tl
