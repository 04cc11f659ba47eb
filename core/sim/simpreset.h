#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tl {

struct SimConfig;

// Named bundles of serving-model settings for the emulated server. The shipped ones ("fast-gpu",
// "slow-cpu") are compiled in, byte for byte the files in resources/sim-presets/ (a test checks it), so the
// server needs no data files; any other argument is read as a path to a JSON file with the same keys, which
// are the long command-line flag names: max-num-seqs, prefill-tok-per-s, decode-base-ms, decode-per-seq-ms,
// ttft-ms, itl-ms, output-tokens, output-len-dist, tokens-per-chunk, prefix-cache, seed; "description" is
// ignored. Keys a preset leaves out keep the value they had.
namespace SimPreset {
QStringList builtinNames();
QByteArray builtinJson(const QString& name); // empty when not a shipped preset
// Applies a shipped preset or a JSON file to `config`; false with a message when unknown or malformed.
bool apply(const QString& nameOrPath, SimConfig* config, QString* error);
bool applyJson(const QByteArray& bytes, SimConfig* config, QString* error);
} // namespace SimPreset

} // namespace tl
