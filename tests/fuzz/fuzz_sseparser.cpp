// libFuzzer target: SseParser fed the input in two reads split where the first byte says, then finished, with the
// worker's per-event limit checked as Worker::responseData() checks it. Seeds: corpus/sseparser.
#include "api/sseparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const qsizetype split = bytes.isEmpty() ? 0 : data[0] % (bytes.size() + 1);
    tl::SseParser parser;
    QList<tl::SseEvent> events;
    parser.feed(bytes.first(split), events);
    parser.feed(bytes.sliced(split), events);
    if (parser.pendingBytes() > bytes.size() + 1) // holds no more than it was given
        __builtin_trap();
    tl::SseEvent last;
    parser.finish(last);
    return 0;
}
