#pragma once

#include "model/harnesshealth.h"
#include "model/pointresult.h"

#include <utility>

namespace tl {

// The harness-health rule (docs/METRICS.md "Harness health"), calibrated on the 2-core VM against the emulated
// server's ground truth: a point is suspect when any threshold below is crossed, good otherwise.
namespace HarnessThresholds {
inline constexpr double kLagP99Ms = 5.0; // schedule lag p99
inline constexpr double kLoadRatio = 0.9; // achieved / target rate or concurrency
inline constexpr double kCpuShare = 0.5; // client CPU / (wall x cores)
inline constexpr double kEventsPerRead = 4.0; // data events per socket read
inline constexpr double kMachineBusy = 0.9; // busy share of the machine's CPUs, every process
// Closed loop: the mean concurrency is judged only when the point has this many requests per slot (with fewer the
// drain at its end lowers it by itself).
inline constexpr int kRequestsPerSlot = 8;
}

// What the run measured about its own process during the point's timed phase.
struct HarnessSample {
    double cpuSeconds = -1; // user + system time of the whole process (all threads); < 0 = unknown
    double wallSeconds = 0;
    int cores = 1;
    qint64 reads = 0; // socket reads that brought response bytes (lean transport; 0 = unknown)
    qint64 events = 0; // data events those reads carried
    double machineBusyShare = -1; // busy share of all CPUs over the timed phase, every process; < 0 = unknown
};

// Busy and total CPU time of the whole machine so far, in clock ticks (Linux /proc/stat); {-1, -1} elsewhere.
std::pair<qint64, qint64> machineCpuTicks();

// Judges a finished point from its metrics (schedule lag, achieved load) and the process sample.
HarnessHealth assessHarness(const PointResult& point, const HarnessSample& sample);
// Sets the verdict and reason of `measured` from its figures (NaN figures are not judged): the rule alone, for a
// caller that measured the figures itself (the live page, while the point runs). Unknown when `requests` is 0.
HarnessHealth judgeHarness(HarnessHealth measured, qint64 requests);

} // namespace tl
