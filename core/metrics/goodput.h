#pragma once

#include "model/goodput.h"
#include "model/pointresult.h"
#include "model/requestrecord.h"

#include <QList>

#include <vector>

namespace tl {

// One successful request as the SLOs see it (seconds): EvalScope's TTFT, TPOT and latency.
struct SloSample {
    double ttftS = 0;
    double tpotS = 0;
    double e2elS = 0;
};

// Goodput (vLLM's definition): the successful requests meeting every SLO of `slo`, per second of `durationS` (the
// point's test duration), and each SLO's attainment over all `totalRequests` (failed requests miss every SLO).
// A limit holds when the value is at most the limit. All NaN when `slo` is empty.
GoodputResult computeGoodput(const std::vector<SloSample>& successes, int totalRequests, double durationS,
    const SloSpec& slo);

// The same from a point's stored requests (warmup excluded), for a stored or imported run, with `durationS` the
// point's test duration as stored: the "what if my SLO were 300 ms" question, asked after the run.
GoodputResult goodputFromRecords(const QList<RequestRecord>& records, double durationS, const SloSpec& slo);

// Recomputes the goodput of every point of `points` that holds its records (ProjectReader::points(id, true),
// loadRun()) under `slo`, leaving every other metric as stored. Points without records are left as they are.
void applyGoodput(QList<PointResult>& points, const SloSpec& slo);

} // namespace tl
