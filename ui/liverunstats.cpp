#include "liverunstats.h"

#include "metrics/harnesshealth.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

// The smallest of 1, 2 and 5 x 10^k that is >= x.
double niceWidth(double x)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= x * (1 - 1e-9))
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

// `bins` bins of a round width (1, 2 or 5 x 10^k ms, at least 0.1 ms) from a multiple of it, the last one closed:
// the edges, which the chart shows as its category labels, stay where they are while new values fall inside them.
// (Edges at the values' own minimum and maximum moved with every snapshot, and a category axis given new labels lays
// its whole chart out again, four times a second.)
LiveRunStats::Histogram histogramOf(const QVector<double>& values, int bins)
{
    LiveRunStats::Histogram h;
    if (bins <= 0 || values.isEmpty())
        return h;
    const auto [min, max] = std::minmax_element(values.cbegin(), values.cend());
    double width = niceWidth(std::max(0.1, (*max - *min) / bins));
    double start = std::floor(*min / width) * width;
    while (start + width * bins < *max) { // the start rounded down by up to a bin: one width up
        width = niceWidth(width * 1.5);
        start = std::floor(*min / width) * width;
    }
    h.startMs = start;
    h.binWidthMs = width;
    h.counts.fill(0, bins);
    for (double v : values)
        ++h.counts[std::clamp(int((v - h.startMs) / h.binWidthMs), 0, bins - 1)];
    return h;
}

double nearestRank(QVector<double> values, double p)
{
    if (values.isEmpty())
        return std::nan("");
    // Selection, not a sort: this runs on the GUI thread at every snapshot over up to kItlSamples values.
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    const auto nth = values.begin() + std::clamp<qsizetype>(rank - 1, 0, values.size() - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

} // namespace

void LiveRunStats::beginRun()
{
    *this = LiveRunStats();
}

void LiveRunStats::startPoint(int pointIndex)
{
    m_pointIndex = pointIndex;
    m_ttftsMs.clear();
    m_lagsMs.clear();
    m_itlsMs.clear();
    m_itlSeen = 0;
    m_latenciesS.clear();
}

void LiveRunStats::addRecords(const QList<RequestRecord>& records, int pointIndex)
{
    if (pointIndex != m_pointIndex)
        startPoint(pointIndex);
    for (const RequestRecord& r : records) {
        if (r.warmup)
            continue;
        if (r.scheduledNs > 0 && r.sentNs > 0)
            m_lagsMs.append(double(std::max<qint64>(0, r.sentNs - r.scheduledNs)) / 1e6);
        if (r.success) {
            ++m_succeeded;
            m_ttftsMs.append(r.ttftS() * 1000.0);
            m_latenciesS.append(r.latencyS());
            addItls(r);
            continue;
        }
        if (r.errorClass == ErrorClass::Aborted) {
            ++m_aborted;
            continue;
        }
        ++m_failed;
        ++m_byClass[r.errorClass];
        QString line = errorClassName(r.errorClass);
        if (r.httpStatus > 0)
            line += QStringLiteral(" (HTTP %1)").arg(r.httpStatus);
        if (!r.errorMessage.isEmpty())
            line += QStringLiteral(": ") + r.errorMessage.simplified().left(200);
        m_latestErrors.prepend(line);
        if (m_latestErrors.size() > kLatestErrors)
            m_latestErrors.removeLast();
    }
}

double LiveRunStats::pointTtftPercentileMs(double p) const
{
    return nearestRank(m_ttftsMs, p);
}

double LiveRunStats::pointScheduleLagP99Ms() const
{
    return nearestRank(m_lagsMs, 0.99);
}

LiveRunStats::Histogram LiveRunStats::ttftHistogram(int bins) const
{
    return histogramOf(m_ttftsMs, bins);
}

LiveRunStats::Histogram LiveRunStats::itlHistogram(int bins) const
{
    return histogramOf(m_itlsMs, bins);
}

double LiveRunStats::pointItlPercentileMs(double p) const
{
    return nearestRank(m_itlsMs, p);
}

double LiveRunStats::pointLatencyPercentileS(double p) const
{
    return nearestRank(m_latenciesS, p);
}

void LiveRunStats::addItls(const RequestRecord& r)
{
    for (double itl : r.itlS()) {
        ++m_itlSeen;
        if (m_itlsMs.size() < kItlSamples) {
            m_itlsMs.append(itl * 1000.0);
            continue;
        }
        // Algorithm R with a xorshift generator: every ITL seen has the same chance of being in the sample.
        m_sampleState ^= m_sampleState << 13;
        m_sampleState ^= m_sampleState >> 7;
        m_sampleState ^= m_sampleState << 17;
        const auto slot = qint64(m_sampleState % quint64(m_itlSeen));
        if (slot < kItlSamples)
            m_itlsMs[slot] = itl * 1000.0;
    }
}

LiveRunStats::Health LiveRunStats::health(const RunSnapshot& snapshot) const
{
    // The figures the live page can see while the point runs; the rule and its thresholds are core's
    // (judgeHarness, the same verdict the finished point stores).
    HarnessHealth measured;
    measured.scheduleLagP50Ms = nearestRank(m_lagsMs, 0.5);
    measured.scheduleLagP99Ms = pointScheduleLagP99Ms();
    // Closed loop: while more requests remain than slots, every slot should be busy.
    const int target = snapshot.point.parallel;
    double achieved = std::nan("");
    if (target > 0) {
        double sum = 0;
        int samples = 0;
        for (const LivePoint& p : snapshot.series) {
            if (p.tS < 1.0 || p.completed + p.failed + target >= snapshot.total)
                continue;
            sum += p.inFlight;
            ++samples;
        }
        if (samples >= 2) {
            achieved = sum / samples;
            measured.loadRatio = achieved / target;
        }
    }
    Health h;
    if (std::isnan(measured.scheduleLagP99Ms) && std::isnan(measured.loadRatio))
        return h; // too little measured yet
    const HarnessHealth judged = judgeHarness(measured, std::max<qsizetype>(1, m_lagsMs.size()));
    h.known = judged.verdict != HarnessHealth::Verdict::Unknown;
    h.good = !judged.suspect();
    h.reason = judged.reason;
    if (!std::isnan(achieved))
        h.reason += QCoreApplication::translate("tl::LiveRunStats", " (%1 of %2 requests in flight on average)")
                        .arg(QString::number(achieved, 'f', 1))
                        .arg(target);
    return h;
}

} // namespace tl
