// libFuzzer target: a whole Parquet file (footer, schema, pages, codecs, nested assembly) through ParquetReader.
// Seeds: corpus/parquetreader (the fixtures of tests/data/parquet).
#include "dataset/parquetreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    tl::ParquetReader reader;
    QString error;
    if (!reader.openData(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), QStringLiteral("f"), &error))
        return 0;
    (void)reader.columns();
    while (reader.next(&error)) { }
    return 0;
}
