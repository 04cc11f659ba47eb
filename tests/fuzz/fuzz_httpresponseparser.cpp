// libFuzzer target: HttpResponseParser fed the input in reads of a size the first byte says, then closed; the body
// bytes it hands on can never exceed the bytes given. Seeds: corpus/httpresponseparser.
#include "net/httpresponseparser.h"

#include <cstddef>
#include <cstdint>

namespace {

struct Sink final : tl::HttpResponseParser::Sink {
    qint64 bodyBytes = 0;
    void responseHead(int, QByteArrayView, QByteArrayView) override { }
    void responseBody(QByteArrayView data) override { bodyBytes += data.size(); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const qsizetype step = 1 + data[0];
    tl::HttpResponseParser parser;
    Sink sink;
    for (qsizetype pos = 0; pos < bytes.size() && !parser.done() && !parser.failed(); pos += step)
        parser.feed(bytes.sliced(pos, std::min(step, bytes.size() - pos)), sink);
    parser.closed();
    if (sink.bodyBytes > bytes.size())
        __builtin_trap();
    return 0;
}
