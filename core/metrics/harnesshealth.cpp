#include "metrics/harnesshealth.h"

#include "metrics/metriccatalogue.h"
#include "util/tr.h"

#include <QFile>

#include <cmath>

namespace tl {

std::pair<qint64, qint64> machineCpuTicks()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return {-1, -1};
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    if (fields.size() < 5 || fields.first() != "cpu")
        return {-1, -1};
    qint64 total = 0;
    for (qsizetype i = 1; i < fields.size(); ++i)
        total += fields.at(i).toLongLong();
    const qint64 idle = fields.at(4).toLongLong() + (fields.size() > 5 ? fields.at(5).toLongLong() : 0); // + iowait
    return {total - idle, total};
}

HarnessHealth assessHarness(const PointResult& point, const HarnessSample& sample)
{
    namespace T = HarnessThresholds;
    HarnessHealth h;
    const MetricDef& lag = MetricCatalogue::get(MetricId::ScheduleLag);
    h.scheduleLagP50Ms = MetricCatalogue::value(lag, point, QStringLiteral("50%"));
    h.scheduleLagP99Ms = MetricCatalogue::value(lag, point, QStringLiteral("99%"));
    const RunPoint& p = point.point;
    if (p.parallel < 0 || p.rate > 0) {
        if (p.rate > 0 && std::isfinite(point.extended.achievedRate))
            h.loadRatio = point.extended.achievedRate / p.rate;
    } else if (p.parallel > 0 && point.summary.totalRequests >= T::kRequestsPerSlot * p.parallel) {
        h.loadRatio = point.extended.meanConcurrency / p.parallel;
    }
    if (sample.cpuSeconds >= 0 && sample.wallSeconds > 0 && sample.cores > 0)
        h.clientCpuShare = sample.cpuSeconds / (sample.wallSeconds * sample.cores);
    if (sample.reads > 0)
        h.eventsPerRead = double(sample.events) / double(sample.reads);
    if (sample.machineBusyShare >= 0)
        h.machineBusyShare = sample.machineBusyShare;
    return judgeHarness(h, point.summary.totalRequests);
}

HarnessHealth judgeHarness(HarnessHealth h, qint64 requests)
{
    namespace T = HarnessThresholds;
    h.verdict = HarnessHealth::Verdict::Unknown;
    h.reason.clear();
    if (requests == 0)
        return h; // nothing measured: unknown
    h.verdict = HarnessHealth::Verdict::Suspect;
    if (h.scheduleLagP99Ms > T::kLagP99Ms) {
        h.reason = Tr::tr("requests left %1 ms behind their schedule (p99 > %2 ms)")
                       .arg(h.scheduleLagP99Ms, 0, 'f', 1)
                       .arg(T::kLagP99Ms);
    } else if (h.loadRatio < T::kLoadRatio) {
        h.reason = Tr::tr("%1% of the load asked for was applied (< %2%)")
                       .arg(100.0 * h.loadRatio, 0, 'f', 0)
                       .arg(100.0 * T::kLoadRatio, 0, 'f', 0);
    } else if (h.clientCpuShare > T::kCpuShare) {
        h.reason = Tr::tr("the client used %1% of the machine's CPU (> %2%)")
                       .arg(100.0 * h.clientCpuShare, 0, 'f', 0)
                       .arg(100.0 * T::kCpuShare, 0, 'f', 0);
    } else if (h.machineBusyShare > T::kMachineBusy) {
        h.reason = Tr::tr("the machine's CPUs were %1% busy (> %2%): the client waited for a CPU behind other work")
                       .arg(100.0 * h.machineBusyShare, 0, 'f', 0)
                       .arg(100.0 * T::kMachineBusy, 0, 'f', 0);
    } else if (h.eventsPerRead > T::kEventsPerRead) {
        h.reason = Tr::tr("%1 events per socket read (> %2): the client read in bursts")
                       .arg(h.eventsPerRead, 0, 'f', 1)
                       .arg(T::kEventsPerRead);
    } else {
        h.verdict = HarnessHealth::Verdict::Good;
        QStringList within;
        if (std::isfinite(h.scheduleLagP99Ms))
            within << Tr::tr("schedule lag p99 %1 ms").arg(h.scheduleLagP99Ms, 0, 'f', 2);
        if (std::isfinite(h.loadRatio))
            within << Tr::tr("%1% of the load applied").arg(100.0 * h.loadRatio, 0, 'f', 0);
        if (std::isfinite(h.clientCpuShare))
            within << Tr::tr("client CPU %1%").arg(100.0 * h.clientCpuShare, 0, 'f', 0);
        if (std::isfinite(h.eventsPerRead))
            within << Tr::tr("%1 events per read").arg(h.eventsPerRead, 0, 'f', 2);
        if (std::isfinite(h.machineBusyShare))
            within << Tr::tr("machine CPUs %1% busy").arg(100.0 * h.machineBusyShare, 0, 'f', 0);
        h.reason = within.join(QStringLiteral(", "));
    }
    return h;
}

} // namespace tl
