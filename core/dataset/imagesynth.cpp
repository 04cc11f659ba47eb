#include "dataset/imagesynth.h"

#include "util/imagecodec.h"
#include "util/tr.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace tl {

namespace {

struct Canvas {
    int width;
    int height;
    int channels;
    bool bilevel;
    QByteArray pixels;

    // An RGB(A) colour in the canvas's mode: grey as ITU-R 601-2 luma (PIL's convert("L")), "1" thresholded.
    std::array<uchar, 4> colour(std::mt19937_64& rng) const
    {
        std::uniform_int_distribution<int> byte(0, 255);
        const int r = byte(rng);
        const int g = byte(rng);
        const int b = byte(rng);
        if (channels >= 3)
            return {uchar(r), uchar(g), uchar(b), uchar(255)};
        int luma = (r * 299 + g * 587 + b * 114) / 1000;
        if (bilevel)
            luma = luma >= 128 ? 255 : 0;
        return {uchar(luma), uchar(255), 0, 0};
    }
    void set(int x, int y, const std::array<uchar, 4>& c)
    {
        if (x < 0 || y < 0 || x >= width || y >= height)
            return;
        char* p = pixels.data() + (qsizetype(y) * width + x) * channels;
        for (int k = 0; k < channels; ++k)
            p[k] = char(c[size_t(k)]);
    }
};

} // namespace

int ImageSynth::channelsOf(const QString& mode, QString* error)
{
    if (mode == u"RGB")
        return 3;
    if (mode == u"RGBA")
        return 4;
    if (mode == u"L" || mode == u"1")
        return 1;
    if (mode == u"LA")
        return 2;
    if (error)
        *error = Tr::tr("'%1' is not a colour mode Throughline can write; use RGB (default), RGBA, L, LA or 1").arg(mode);
    return 0;
}

QByteArray ImageSynth::png(quint64 seed, int width, int height, const QString& mode)
{
    const int channels = channelsOf(mode, nullptr);
    if (channels == 0 || width <= 0 || height <= 0)
        return {};
    std::mt19937_64 rng(seed);
    Canvas c{width, height, channels, mode == u"1", QByteArray(qsizetype(width) * height * channels, '\0')};
    const auto background = c.colour(rng);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            c.set(x, y, background);

    std::uniform_int_distribution<int> px(0, width - 1);
    std::uniform_int_distribution<int> py(0, height - 1);
    const int shapes = std::uniform_int_distribution<int>(1, 5)(rng);
    for (int s = 0; s < shapes; ++s) {
        const int kind = std::uniform_int_distribution<int>(0, 2)(rng);
        int x0 = px(rng), x1 = px(rng), y0 = py(rng), y1 = py(rng);
        const auto colour = c.colour(rng);
        if (kind == 2) { // line, 1-5 px wide: a disc stamped along the segment
            const int w = std::uniform_int_distribution<int>(1, 5)(rng);
            const int steps = std::max(std::abs(x1 - x0), std::abs(y1 - y0)) + 1;
            const double r = w / 2.0;
            for (int i = 0; i < steps; ++i) {
                const double t = steps == 1 ? 0.0 : double(i) / (steps - 1);
                const double cx = x0 + (x1 - x0) * t;
                const double cy = y0 + (y1 - y0) * t;
                for (int dy = -w; dy <= w; ++dy)
                    for (int dx = -w; dx <= w; ++dx)
                        if ((dx * dx + dy * dy) <= r * r + 0.25)
                            c.set(int(std::lround(cx)) + dx, int(std::lround(cy)) + dy, colour);
            }
            continue;
        }
        if (x0 > x1)
            std::swap(x0, x1);
        if (y0 > y1)
            std::swap(y0, y1);
        const double rx = (x1 - x0) / 2.0 + 0.5;
        const double ry = (y1 - y0) / 2.0 + 0.5;
        const double cx = (x0 + x1) / 2.0;
        const double cy = (y0 + y1) / 2.0;
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                if (kind == 1) {
                    const double nx = (x - cx) / rx;
                    const double ny = (y - cy) / ry;
                    if (nx * nx + ny * ny > 1.0)
                        continue;
                }
                c.set(x, y, colour);
            }
        }
    }
    return imagecodec::encodePng(width, height, channels, c.pixels);
}

} // namespace tl
