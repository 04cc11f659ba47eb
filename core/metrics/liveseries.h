#pragma once

#include "model/requestrecord.h"

#include <QMap>
#include <QVector>

#include <deque>

namespace tl {

// One sample of the live charts.
struct LivePoint {
    double tS = 0;            // seconds since the run point started
    double outputTokPerS = 0; // content events per second over the last second (each carries >= 1 token)
    double ttftMs = 0;        // mean TTFT of requests that finished in the last second; NaN if none did
    int inFlight = 0;
    qint64 completed = 0;
    qint64 failed = 0;
};

// Turns worker batches into a time series sampled on a timer. Pure; lives on the controller's thread.
class LiveSeries final {
public:
    explicit LiveSeries(qint64 startNs = 0, double windowS = 1.0);

    void addBatch(const WorkerBatch& batch);
    LivePoint sample(qint64 nowNs); // appends the sample to points() and returns it
    const QVector<LivePoint>& points() const { return m_points; }
    qint64 completed() const { return m_completed; }
    qint64 failed() const { return m_failed; }
    int inFlight() const;

private:
    void trim(qint64 nowNs);

    qint64 m_startNs;
    qint64 m_windowNs;
    std::deque<std::pair<qint64, qint64>> m_events; // (batch time, content events)
    std::deque<std::pair<qint64, double>> m_ttfts;  // (completion time, ttft ms)
    QMap<int, int> m_inFlight;                       // per worker
    QVector<LivePoint> m_points;
    qint64 m_completed = 0;
    qint64 m_failed = 0;
};

} // namespace tl
