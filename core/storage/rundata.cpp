#include "storage/rundata.h"

#include "metrics/pointaccumulator.h"

#include <algorithm>
#include <cmath>

namespace tl {

RequestRecord recordFromTimings(
    int seq, qint64 sentNs, bool stream, double ttftS, const QVector<double>& itlS, double latencyS)
{
    auto ns = [](double s) { return qint64(std::llround(s * 1e9)); };
    RequestRecord r;
    r.seq = seq;
    r.stream = stream;
    r.scheduledNs = sentNs;
    r.sentNs = sentNs;
    r.endNs = sentNs + ns(latencyS);
    if (!stream)
        return r;
    qint64 t = sentNs + ns(ttftS);
    r.eventNs.append(t);
    r.eventFlags.append(quint8(EventHasChoices | EventHasContent));
    for (double gap : itlS) {
        t += ns(gap);
        r.eventNs.append(t);
        r.eventFlags.append(quint8(EventHasChoices | EventHasContent));
    }
    // More than a microsecond after the last chunk: the source's end was a later event (the usage chunk).
    if (r.endNs > t + 1000) {
        r.eventNs.append(r.endNs);
        r.eventFlags.append(quint8(0));
    }
    r.endNs = std::max(r.endNs, t);
    return r;
}

void recomputeMetrics(PointResult& point, RunConfig::ApiKind api, std::optional<double> durationS)
{
    PointAccumulator acc(api, point.point);
    acc.add(point.records);
    point.summary = acc.summary();
    point.extended = acc.extended();
    if (durationS && *durationS > 0) {
        // The rates divide success totals by the duration (EvalScope §5.2): redo them with the given one.
        double prompt = 0;
        double completion = 0;
        for (const RequestRecord& r : std::as_const(point.records)) {
            if (r.warmup || !r.success)
                continue;
            prompt += double(std::max<qint64>(r.promptTokens, 0));
            completion += double(std::max<qint64>(r.completionTokens, 0));
        }
        Summary& s = point.summary;
        s.testDurationS = *durationS;
        s.reqThroughput = s.successRequests / *durationS;
        s.outputThroughput = completion / *durationS;
        s.totalThroughput = (prompt + completion) / *durationS;
    }
    point.hasSummary = true;
    point.percentiles = point.summary.successRequests > 0 ? acc.percentiles() : PercentileTable();
}

} // namespace tl
