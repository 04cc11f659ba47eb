// libFuzzer target: every API plugin's reader of server answers (stream events and whole bodies: usage, error, id,
// choices, Responses API events) on arbitrary bytes. No exception may escape and counts stay in range.
// Seeds: corpus/apijson.
#include "api/embeddingapi.h"
#include "api/openaiapi.h"
#include "api/responsesapi.h"
#include "config/runconfig.h"

#include <cstddef>
#include <cstdint>

namespace {

void check(const tl::ParsedEvent& ev)
{
    if (ev.completionTokens > 100'000'000 || ev.promptTokens > 100'000'000 || ev.errorMessage.size() > 5000)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const tl::RunConfig config;
    static const tl::OpenAiApi chat(config);
    static const tl::ResponsesApi responses(config);
    static const tl::EmbeddingApi embedding(config, tl::EmbeddingApi::Kind::Embedding);
    static const tl::EmbeddingApi rerank(config, tl::EmbeddingApi::Kind::Rerank);
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    check(chat.parseStreamEvent(bytes));
    check(chat.parseBody(bytes));
    check(responses.parseStreamEvent(bytes));
    check(responses.parseBody(bytes));
    check(embedding.parseBody(bytes));
    check(rerank.parseBody(bytes));
    return 0;
}
