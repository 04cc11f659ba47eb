#pragma once

#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace tl {

// Service-level objectives of --goodput (vLLM's meaning): per-request limits in milliseconds on TTFT, TPOT and
// end-to-end latency. A request is good when it succeeded and every limit given holds.
struct SloSpec {
    std::optional<double> ttftMs;
    std::optional<double> tpotMs;
    std::optional<double> e2elMs;

    bool isEmpty() const { return !ttftMs && !tpotMs && !e2elMs; }
    // "ttft:300 tpot:50", the form --goodput takes; empty when no limit is set.
    QString toText() const;
    // Reads --goodput's words ("ttft:300", "tpot:50", "e2el:2000"; milliseconds). On a bad word returns nullopt and
    // sets *error to one line naming it and the expected form.
    static std::optional<SloSpec> parse(const QStringList& words, QString* error);
    friend bool operator==(const SloSpec&, const SloSpec&) = default;
};

// Goodput of one run point under an SloSpec. NaN everywhere when no SLO was given.
struct GoodputResult {
    SloSpec slo;
    int goodRequests = 0; // successful requests meeting every SLO given
    int totalRequests = 0; // the timed phase's requests (failed ones miss every SLO)
    double goodput = std::numeric_limits<double>::quiet_NaN(); // good requests / test duration (req/s)
    // Share of the point's requests meeting each SLO alone, in percent (NaN when that SLO was not given).
    double ttftAttainmentPct = std::numeric_limits<double>::quiet_NaN();
    double tpotAttainmentPct = std::numeric_limits<double>::quiet_NaN();
    double e2elAttainmentPct = std::numeric_limits<double>::quiet_NaN();
    double goodPct = std::numeric_limits<double>::quiet_NaN(); // good requests / total requests, percent
};

} // namespace tl
