// libFuzzer target: a chat template parsed and rendered with two messages; the engine's budgets must turn every
// unbounded template into an error. Seeds: corpus/chattemplate.
#include "tokenizer/chattemplate.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const nlohmann::json messages
        = nlohmann::json::parse(R"([{"role":"system","content":"s"},{"role":"user","content":"hi"}])");
    const std::string source(reinterpret_cast<const char*>(data), size);
    QString error;
    const auto chat = tl::ChatTemplate::create(source, "<s>", "</s>", &error);
    if (chat)
        chat->render(messages, true, &error);
    return 0;
}
