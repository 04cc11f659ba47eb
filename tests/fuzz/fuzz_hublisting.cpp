// libFuzzer target: a hub's file listing (Hugging Face's tree page, ModelScope's tree page and dataset information,
// an HTTP Link header) through core/dataset/hublisting, then the choice of a split's files from what it listed.
// Traps when a listed path is not safe to join under a cache folder, or when a chosen file was not listed.
// Seeds: corpus/hublisting (each hub's real shapes).
#include "dataset/hublisting.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void check(const tl::hublisting::Page& page)
{
    for (const QString& path : page.files) {
        if (!tl::hublisting::isSafePath(path))
            std::abort();
    }
    // A few split names, one with a regular-expression character.
    for (const char* split : {"test", "tool", "a.b"}) {
        const QStringList chosen = tl::hublisting::splitFiles(page.files, QLatin1String(split));
        for (const QString& path : chosen) {
            if (!page.files.contains(path) || !path.endsWith(QLatin1String(".parquet")))
                std::abort();
        }
        (void)tl::hublisting::shardCount(chosen.value(0));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    tl::hublisting::Page page;
    if (tl::hublisting::parseHuggingFace(body, &page, &error))
        check(page);
    if (tl::hublisting::parseModelScope(body, &page, &error))
        check(page);
    (void)tl::hublisting::parseModelScopeId(body, &error);
    (void)tl::hublisting::nextLink(body);
    return 0;
}
