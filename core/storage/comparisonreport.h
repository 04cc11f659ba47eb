#pragma once

#include "metrics/runcomparison.h"
#include "model/rundata.h"

#include <QByteArray>
#include <QStringList>

namespace tl {

// A comparison of two runs as one self-contained HTML page, like HtmlReport: inline CSS and inline SVG, no script, no
// external address (opens offline, attaches to a CI job). Sections: the two runs (name, model, endpoint, date),
// how the verdicts were reached, the warnings when the workloads differ, overlaid sweep charts of both runs
// (throughput, TTFT p50/p99, latency against the load), one diff table per compared point (baseline, candidate,
// change, % change, verdict coloured by the metric's direction, the reason as a tooltip) and the configuration diff.
class ComparisonReport final {
public:
    // `baseline` and `candidate` need their points' summaries only (records are not read); `keys` limits the table
    // rows (every metric when empty).
    static QByteArray render(const RunComparison& comparison, const RunData& baseline, const RunData& candidate,
        const QStringList& keys = {});
};

} // namespace tl
