#pragma once

#include <QtGlobal>

#include <chrono>

namespace tl {

// Nanoseconds on the monotonic clock (CLOCK_MONOTONIC on Linux, shared by every process on the host),
// so that client timestamps and the emulated server's ground truth can be compared directly.
inline qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace tl
