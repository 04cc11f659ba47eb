// Generated from resources/sim-presets/*.json; tst_simpreset checks that both stay identical.
#pragma once

#include <QByteArrayView>

namespace tl::SimPresetData {

inline constexpr QByteArrayView FastGpu = R"json({
    "description": "A fast GPU server: an 8B model on one datacentre GPU under vLLM (256 slots, quick prefill, ~8 ms decode steps)",
    "max-num-seqs": 256,
    "prefill-tok-per-s": 20000,
    "decode-base-ms": 8,
    "decode-per-seq-ms": 0.05,
    "output-len-dist": "normal:256:64",
    "prefix-cache": true
}
)json";
inline constexpr QByteArrayView SlowCpu = R"json({
    "description": "A slow CPU server: a small model under llama.cpp on a laptop (4 slots, slow prefill, decode steps that grow fast with the batch)",
    "max-num-seqs": 4,
    "prefill-tok-per-s": 200,
    "decode-base-ms": 60,
    "decode-per-seq-ms": 15,
    "output-len-dist": "normal:128:32",
    "prefix-cache": false
}
)json";

} // namespace tl::SimPresetData
