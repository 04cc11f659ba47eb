#pragma once

#include <QByteArray>
#include <QString>

namespace tl {

// random_vl's images (EvalScope §4.3): a canvas of one random colour with 1-5 random shapes (filled rectangle,
// filled ellipse, or a line 1-5 px wide) in random colours, encoded as PNG. Deterministic per seed.
class ImageSynth {
public:
    // `mode` is the PIL colour mode EvalScope passes to Image.new (its --image-format): RGB, RGBA, L, LA or 1
    // ("1" is written as 8-bit black and white). Empty string + *error for any other.
    static int channelsOf(const QString& mode, QString* error);
    static QByteArray png(quint64 seed, int width, int height, const QString& mode);
};

} // namespace tl
