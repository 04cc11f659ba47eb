// libFuzzer target: a tokenizer.json (parsed the way Tokenizer::load() does: depth pre-scan, then nlohmann) built
// into a tokenizer, which then encodes and decodes a short text. Seeds: corpus/tokenizerjson.
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (tl::jsonutil::tooDeep(bytes))
        return 0;
    const auto json = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (json.is_discarded())
        return 0;
    QString error;
    const auto tokenizer = tl::Tokenizer::fromJson(json, nlohmann::json(), QStringLiteral("fuzz"), &error);
    if (tokenizer)
        tokenizer->decode(tokenizer->encode("Hello, world! 123 \xc3\xa9"));
    return 0;
}
