#pragma once

#include <QString>

#include <limits>

namespace tl {

// Whether the client machine, not the server, may have limited or distorted a point's numbers: how late requests
// left their schedule, whether the load asked for was applied, how much of the machine the client used, and how
// many data events each socket read brought (a client that falls behind reads many events at once and stamps them
// all with the read's time). docs/METRICS.md "Harness health" gives the thresholds and their calibration.
struct HarnessHealth {
    enum class Verdict { Unknown, Good, Suspect };

    Verdict verdict = Verdict::Unknown;
    QString reason; // one line: the first threshold crossed, or what was within bounds
    double scheduleLagP50Ms = std::numeric_limits<double>::quiet_NaN();
    double scheduleLagP99Ms = std::numeric_limits<double>::quiet_NaN();
    // Achieved / target: open loop the arrival rate, closed loop the mean concurrency over --parallel. NaN when the
    // point cannot say (too few requests per slot for the drain at the end not to dominate).
    double loadRatio = std::numeric_limits<double>::quiet_NaN();
    double clientCpuShare = std::numeric_limits<double>::quiet_NaN(); // process CPU time / (wall time x cores)
    double eventsPerRead = std::numeric_limits<double>::quiet_NaN(); // data events per socket read (lean transport)
    // Busy share of every CPU of the machine over the point, all processes (Linux /proc/stat): near 1, the client's
    // threads wait for a CPU behind other work and stamp events late, however little CPU they use themselves.
    double machineBusyShare = std::numeric_limits<double>::quiet_NaN();

    bool suspect() const { return verdict == Verdict::Suspect; }
};

// "good", "suspect", "unknown": how the project file and the exports write a verdict.
inline QString harnessVerdictName(HarnessHealth::Verdict v)
{
    return v == HarnessHealth::Verdict::Good ? QStringLiteral("good")
        : v == HarnessHealth::Verdict::Suspect ? QStringLiteral("suspect")
                                                : QStringLiteral("unknown");
}

} // namespace tl
