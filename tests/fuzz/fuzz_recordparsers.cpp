// libFuzzer target: one dataset record (a JSONL line or a text line) through every dataset mode's record parser.
// Seeds: corpus/recordparsers.
#include "dataset/datasetoptions.h"
#include "dataset/promptshaper.h"
#include "dataset/recordparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::shared_ptr<const tl::PromptShaper> shaper = [] {
        QString error;
        return tl::PromptShaper::create(std::make_shared<tl::DatasetOptions>(), &error);
    }();
    static const std::vector<std::unique_ptr<tl::RecordParser>> parsers = [] {
        std::vector<std::unique_ptr<tl::RecordParser>> all;
        for (const char* dataset :
            {"openqa", "longalpaca", "custom", "line_by_line", "share_gpt_en", "embedding", "rerank"}) {
            for (const char* path : {"d.jsonl", "d.txt"}) {
                if (auto p = tl::RecordParser::create(QString::fromLatin1(dataset), QString::fromLatin1(path), shaper))
                    all.push_back(std::move(p));
            }
        }
        return all;
    }();
    const QByteArray record(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const auto& parser : parsers)
        parser->parse(record);
    return 0;
}
