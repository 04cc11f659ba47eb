#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace tl::imagecodec {

// PNG of an 8-bit image, no QtGui: `channels` 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA), `pixels` row-major,
// width * height * channels bytes. Filter 0 on every row, zlib (Qt's qCompress) for the IDAT stream.
QByteArray encodePng(int width, int height, int channels, QByteArrayView pixels);

// Width, height and MIME type of a PNG, JPEG, GIF or WebP image read from its header alone (a hostile or truncated
// file gives nullopt, never a read past `data`). Used to count image tokens (ceil(w/p) * ceil(h/p)) on both sides.
struct ImageInfo {
    int width = 0;
    int height = 0;
    const char* mime = "";
};
std::optional<ImageInfo> probe(QByteArrayView data);

// A data URL's image bytes: "data:image/png;base64,...." -> the decoded bytes; nullopt for anything else. With
// `maxBytes` >= 0 only about that many leading bytes are decoded (enough for probe(): headers sit at the start).
std::optional<QByteArray> fromDataUrl(QByteArrayView url, qsizetype maxBytes = -1);

// Image tokens the way EvalScope's client counts them: ceil(width / patch) * ceil(height / patch).
qint64 patchTokens(int width, int height, int patch);

} // namespace tl::imagecodec
