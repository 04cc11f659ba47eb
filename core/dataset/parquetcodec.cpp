#include "dataset/parquetcodec.h"

#include "util/tr.h"

#include <QtEndian>

#include <zlib.h>
#ifdef THROUGHLINE_HAVE_ZSTD
#include <zstd.h>
#endif

#include <algorithm>
#include <cstring>

namespace tl {

// ---- decompression -------------------------------------------------------------------------------------------------

namespace parquetcodec {

bool snappyDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error)
{
    const auto* p = reinterpret_cast<const uchar*>(in.constData());
    const uchar* end = p + in.size();
    quint64 length = 0;
    for (int shift = 0;; shift += 7) {
        if (p >= end || shift > 35) {
            *error = Tr::tr("snappy data has no valid length");
            return false;
        }
        const uchar b = *p++;
        length |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    if (qint64(length) != expectedSize) {
        *error = Tr::tr("snappy data holds %1 bytes where the page says %2").arg(length).arg(expectedSize);
        return false;
    }
    out->resize(qsizetype(length));
    char* o = out->data();
    qint64 have = 0;
    while (p < end) {
        const uchar tag = *p++;
        qint64 len = 0;
        qint64 offset = 0;
        switch (tag & 3) {
        case 0: { // literal
            len = tag >> 2;
            if (len >= 60) {
                const int extra = int(len) - 59;
                if (end - p < extra) {
                    *error = Tr::tr("snappy data cut short");
                    return false;
                }
                len = 0;
                for (int i = 0; i < extra; ++i)
                    len |= qint64(p[i]) << (8 * i);
                p += extra;
            }
            ++len;
            if (len > end - p || len > qint64(length) - have) {
                *error = Tr::tr("a snappy literal runs past its end");
                return false;
            }
            std::memcpy(o + have, p, size_t(len));
            p += len;
            have += len;
            continue;
        }
        case 1:
            if (end - p < 1) {
                *error = Tr::tr("snappy data cut short");
                return false;
            }
            len = 4 + ((tag >> 2) & 7);
            offset = (qint64(tag >> 5) << 8) | p[0];
            p += 1;
            break;
        case 2:
            if (end - p < 2) {
                *error = Tr::tr("snappy data cut short");
                return false;
            }
            len = (tag >> 2) + 1;
            offset = p[0] | (qint64(p[1]) << 8);
            p += 2;
            break;
        default:
            if (end - p < 4) {
                *error = Tr::tr("snappy data cut short");
                return false;
            }
            len = (tag >> 2) + 1;
            offset = qint64(qFromLittleEndian<quint32>(p));
            p += 4;
            break;
        }
        if (offset <= 0 || offset > have || len > qint64(length) - have) {
            *error = Tr::tr("a snappy copy points outside the data");
            return false;
        }
        for (qint64 i = 0; i < len; ++i) // copies may overlap their own output
            o[have + i] = o[have - offset + i];
        have += len;
    }
    if (have != qint64(length)) {
        *error = Tr::tr("snappy data cut short");
        return false;
    }
    return true;
}

bool gzipDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error)
{
    out->resize(qsizetype(expectedSize));
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) { // gzip or zlib header, detected
        *error = Tr::tr("cannot start zlib");
        return false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out->data());
    z.avail_out = uInt(expectedSize);
    int rc = inflate(&z, Z_FINISH);
    // Some writers concatenate gzip members: go on while input is left and output room remains.
    while (rc == Z_STREAM_END && z.avail_in > 0 && z.avail_out > 0) {
        if (inflateReset(&z) != Z_OK)
            break;
        rc = inflate(&z, Z_FINISH);
    }
    const qint64 produced = expectedSize - qint64(z.avail_out);
    inflateEnd(&z);
    if (rc != Z_STREAM_END || produced != expectedSize) {
        *error = Tr::tr("gzip data is corrupt or does not hold the %1 bytes the page says").arg(expectedSize);
        return false;
    }
    return true;
}

bool zstdDecompress(const QByteArray& in, qint64 expectedSize, QByteArray* out, QString* error)
{
#ifdef THROUGHLINE_HAVE_ZSTD
    out->resize(qsizetype(expectedSize));
    const size_t n = ZSTD_decompress(out->data(), size_t(expectedSize), in.constData(), size_t(in.size()));
    if (ZSTD_isError(n) || qint64(n) != expectedSize) {
        *error = Tr::tr("zstd data is corrupt or does not hold the %1 bytes the page says").arg(expectedSize);
        return false;
    }
    return true;
#else
    Q_UNUSED(in);
    Q_UNUSED(expectedSize);
    Q_UNUSED(out);
    *error = Tr::tr("this build of Throughline reads no ZSTD-compressed Parquet (built without libzstd)");
    return false;
#endif
}

bool hasZstd()
{
#ifdef THROUGHLINE_HAVE_ZSTD
    return true;
#else
    return false;
#endif
}

} // namespace parquetcodec

} // namespace tl
