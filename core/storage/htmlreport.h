#pragma once

#include "storage/rundata.h"

#include <QByteArray>

namespace tl {

// One self-contained HTML page about a run: inline CSS and inline SVG charts, no script, no external file or
// address, so it opens anywhere offline (an attachment, a CI artefact). Sections: what was run (model, endpoint,
// dates, provenance and what an import lacked, notes, tags), the summary table per sweep point, sweep charts
// (throughput and latency percentiles against the load), each point's percentile table, and the configuration.
class HtmlReport final {
public:
    static QByteArray render(const RunData& run);
};

} // namespace tl
