#include "util/imagecodec.h"

#include <array>

namespace tl::imagecodec {

namespace {

const std::array<quint32, 256>& crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32(QByteArrayView a, QByteArrayView b)
{
    quint32 c = 0xFFFFFFFFU;
    for (QByteArrayView part : {a, b}) {
        for (char ch : part)
            c = crcTable()[(c ^ quint8(ch)) & 0xFF] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFU;
}

void putBe32(QByteArray& out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void chunk(QByteArray& out, const char* type, QByteArrayView data)
{
    putBe32(out, quint32(data.size()));
    const QByteArrayView t(type, 4);
    out.append(t);
    out.append(data);
    putBe32(out, crc32(t, data));
}

quint32 be32(const uchar* p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
}

quint16 be16(const uchar* p)
{
    return quint16(p[0] << 8 | p[1]);
}

quint16 le16(const uchar* p)
{
    return quint16(p[0] | p[1] << 8);
}

std::optional<ImageInfo> jpegInfo(const uchar* d, qsizetype n)
{
    // Segments after SOI: FF marker, then a 16-bit length that counts itself; SOFn (C0..CF less C4, C8, CC)
    // carries precision, height, width.
    qsizetype i = 2;
    while (i + 4 <= n) {
        if (d[i] != 0xFF)
            return std::nullopt;
        const uchar marker = d[i + 1];
        if (marker == 0xFF) {
            ++i; // fill byte
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        const qsizetype length = be16(d + i + 2);
        if (length < 2)
            return std::nullopt;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (i + 9 > n || length < 7)
                return std::nullopt;
            const int height = be16(d + i + 5);
            const int width = be16(d + i + 7);
            if (width == 0 || height == 0)
                return std::nullopt;
            return ImageInfo{width, height, "image/jpeg"};
        }
        i += 2 + length;
    }
    return std::nullopt;
}

} // namespace

QByteArray encodePng(int width, int height, int channels, QByteArrayView pixels)
{
    static const char colourTypes[5] = {0, 0, 4, 2, 6};
    if (width <= 0 || height <= 0 || channels < 1 || channels > 4
        || pixels.size() != qsizetype(width) * height * channels)
        return {};
    QByteArray raw;
    const qsizetype stride = qsizetype(width) * channels;
    raw.reserve((stride + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter: none
        raw.append(pixels.sliced(y * stride, stride));
    }
    QByteArray z = qCompress(raw, 6);
    z.remove(0, 4); // qCompress prefixes the uncompressed length; the rest is a zlib stream

    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBe32(ihdr, quint32(width));
    putBe32(ihdr, quint32(height));
    ihdr.append(char(8)).append(colourTypes[channels]).append('\0').append('\0').append('\0');
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", z);
    chunk(out, "IEND", {});
    return out;
}

std::optional<ImageInfo> probe(QByteArrayView data)
{
    const auto* d = reinterpret_cast<const uchar*>(data.data());
    const qsizetype n = data.size();
    if (n >= 24 && data.first(8) == QByteArrayView("\x89PNG\r\n\x1a\n", 8) && data.sliced(12, 4) == "IHDR") {
        const quint32 w = be32(d + 16);
        const quint32 h = be32(d + 20);
        if (w == 0 || h == 0 || w > 0x7FFFFFFFU || h > 0x7FFFFFFFU)
            return std::nullopt;
        return ImageInfo{int(w), int(h), "image/png"};
    }
    if (n >= 4 && d[0] == 0xFF && d[1] == 0xD8)
        return jpegInfo(d, n);
    if (n >= 10 && (data.first(6) == "GIF87a" || data.first(6) == "GIF89a")) {
        const int w = le16(d + 6);
        const int h = le16(d + 8);
        if (w == 0 || h == 0)
            return std::nullopt;
        return ImageInfo{w, h, "image/gif"};
    }
    if (n >= 30 && data.first(4) == "RIFF" && data.sliced(8, 4) == "WEBP") {
        const QByteArrayView kind = data.sliced(12, 4);
        int w = 0;
        int h = 0;
        if (kind == "VP8X") {
            w = 1 + (d[24] | d[25] << 8 | d[26] << 16);
            h = 1 + (d[27] | d[28] << 8 | d[29] << 16);
        } else if (kind == "VP8 ") {
            w = le16(d + 26) & 0x3FFF;
            h = le16(d + 28) & 0x3FFF;
        } else if (kind == "VP8L" && d[20] == 0x2F) {
            const quint32 bits = quint32(d[21]) | quint32(d[22]) << 8 | quint32(d[23]) << 16 | quint32(d[24]) << 24;
            w = int(bits & 0x3FFF) + 1;
            h = int((bits >> 14) & 0x3FFF) + 1;
        }
        if (w <= 0 || h <= 0)
            return std::nullopt;
        return ImageInfo{w, h, "image/webp"};
    }
    return std::nullopt;
}

std::optional<QByteArray> fromDataUrl(QByteArrayView url, qsizetype maxBytes)
{
    if (!url.startsWith("data:image/"))
        return std::nullopt;
    const qsizetype comma = url.indexOf(',');
    if (comma < 0 || !url.first(comma).endsWith(";base64"))
        return std::nullopt;
    QByteArrayView text = url.sliced(comma + 1);
    if (maxBytes >= 0 && text.size() > (maxBytes + 2) / 3 * 4)
        text = text.first((maxBytes + 2) / 3 * 4);
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(*decoded);
}

qint64 patchTokens(int width, int height, int patch)
{
    if (width <= 0 || height <= 0 || patch <= 0)
        return 0;
    return ((qint64(width) + patch - 1) / patch) * ((qint64(height) + patch - 1) / patch);
}

} // namespace tl::imagecodec
