#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace tl {

// Min-heap of (deadline on the monotonic clock, stream id): each worker thread arms ONE precise timer for
// the earliest entry instead of one QTimer per stream, so thousands of concurrent streams cost one timer.
// Entries of streams that went away are not searched for and removed; the owner skips them when they pop.
class SimDeadlineQueue final {
public:
    struct Entry {
        qint64 deadlineNs = 0;
        quint64 id = 0;

        // Reversed so that std::push_heap/pop_heap (max-heaps) keep the earliest deadline on top; the id
        // breaks ties so that streams due at the same instant are served in the order they were created.
        friend bool operator<(const Entry& a, const Entry& b)
        {
            return a.deadlineNs != b.deadlineNs ? a.deadlineNs > b.deadlineNs : a.id > b.id;
        }
    };

    void push(qint64 deadlineNs, quint64 id)
    {
        m_heap.push_back({deadlineNs, id});
        std::push_heap(m_heap.begin(), m_heap.end());
    }
    Entry pop()
    {
        std::pop_heap(m_heap.begin(), m_heap.end());
        const Entry top = m_heap.back();
        m_heap.pop_back();
        return top;
    }
    const Entry& top() const { return m_heap.front(); }
    bool isEmpty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    void clear() { m_heap.clear(); }

private:
    std::vector<Entry> m_heap;
};

} // namespace tl
