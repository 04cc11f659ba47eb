#pragma once

#include "model/requestrecord.h"
#include "engine/runsnapshot.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <QVector>

namespace tl {

// What the live page shows beyond the controller's snapshot, folded from the finished requests as they arrive
// (RunController::recordsArrived): failures by class with user aborts apart, the latest error messages, the TTFT
// samples and schedule lag of the current point, and a harness-health verdict. Pure: no widgets, no timers.
class LiveRunStats final {
public:
    static constexpr int kLatestErrors = 5;

    struct Health {
        bool known = false; // too little measured yet to say
        bool good = true;
        QString reason; // one line, translated
    };

    struct Histogram {
        double startMs = 0; // the lower edge of the first bin
        double binWidthMs = 0;
        QVector<int> counts;
    };

    void beginRun();
    // A new point starts: its TTFT samples and schedule lag start empty (run totals go on).
    void startPoint(int pointIndex);
    // Requests of a point arriving reset the per-point figures when the point changed.
    void addRecords(const QList<RequestRecord>& records, int pointIndex);

    qint64 succeeded() const { return m_succeeded; } // whole run, warmup excluded
    qint64 failed() const { return m_failed; } // server and network failures, user aborts excluded
    qint64 aborted() const { return m_aborted; } // requests the user's second Stop aborted
    const QMap<ErrorClass, qint64>& failuresByClass() const { return m_byClass; } // Aborted excluded
    const QStringList& latestErrors() const { return m_latestErrors; } // newest first
    const QVector<double>& pointTtftsMs() const { return m_ttftsMs; }
    double pointTtftPercentileMs(double p) const; // NaN when none
    double pointScheduleLagP99Ms() const; // NaN when no request had a schedule
    // `bins` equal bins from the smallest to the largest TTFT of the current point (at least 0.1 ms wide).
    Histogram ttftHistogram(int bins) const;
    // The current point's inter-token latencies: a uniform sample of at most kItlSamples of them (a 500-stream point
    // yields millions; percentiles of the sample are the provisional point's, the finished point's come from core).
    static constexpr int kItlSamples = 20000;
    const QVector<double>& pointItlsMs() const { return m_itlsMs; }
    double pointItlPercentileMs(double p) const; // NaN when none
    double pointLatencyPercentileS(double p) const; // NaN when none
    Histogram itlHistogram(int bins) const;
    // Whether the client, not the server, may be limiting the numbers: schedule lag, and achieved vs target
    // concurrency (closed loop) over the steady part of the point's series.
    Health health(const RunSnapshot& snapshot) const;

private:
    void addItls(const RequestRecord& r);

    int m_pointIndex = -1;
    qint64 m_succeeded = 0;
    qint64 m_failed = 0;
    qint64 m_aborted = 0;
    QMap<ErrorClass, qint64> m_byClass;
    QStringList m_latestErrors;
    QVector<double> m_ttftsMs;
    QVector<double> m_lagsMs;
    QVector<double> m_itlsMs;
    qint64 m_itlSeen = 0; // ITLs of the point so far, sampled or not
    quint64 m_sampleState = 0x9E3779B97F4A7C15ULL; // reservoir sampling's generator (deterministic)
    QVector<double> m_latenciesS;
};

} // namespace tl
