#include "config/parameterdef.h"

namespace tl::registrydef {

void addLoadParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    // --- Load ---
    r << Def("parallel", {"--parallel"}, G::Load)
             .field(&RunConfig::parallel)
             .metavar("P ...")
             .unit("requests")
             .min(1)
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Closed loop: maximum requests in flight. Several values make a sweep (one run point each)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "Each value is one run point; a new request starts as soon as one finishes, so at most P "
                 "are in flight. Give one --number per value."))
             .example({QStringLiteral("2"), QStringLiteral("8")});
    r << Def("number", {"--number", "-n"}, G::Load)
             .field(&RunConfig::number)
             .metavar("N ...")
             .unit("requests")
             .min(1)
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline", "Requests per run point; one value per --parallel value."))
             .example({QStringLiteral("20"), QStringLiteral("80")});
    r << Def("rate", {"--rate"}, G::Load)
             .field(&RunConfig::rate)
             .metavar("R")
             .unit("requests/s")
             .nonEmpty()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Requests per second within the --parallel cap: Poisson arrivals on an absolute schedule rescaled "
                 "to last number/rate seconds; -1 = no pacing (default). Only the first value is used in closed "
                 "loop."))
             .example({QStringLiteral("5")})
             .bad({QStringLiteral("0")})
             .check([](const RunConfig& c) {
                 for (double r : c.rate) {
                     if (!(r == -1.0 || r > 0.0))
                         return Tr::tr("must be -1 (no pacing) or a positive number of requests per second (got %1)")
                             .arg(r);
                 }
                 return QString();
             });
    r << Def("open_loop", {"--open-loop"}, G::Load)
             .field(&RunConfig::openLoop)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Open loop: requests arrive on the --rate schedule (Poisson, rescaled to number/rate seconds) "
                 "whatever is in flight; --rate becomes the sweep (one --number per --rate) and --parallel is "
                 "ignored."));
    r << Def("arrival_distribution", {"--arrival-distribution"}, G::Load)
             .field(&RunConfig::arrivalDistribution)
             .metavar("D")
             .choices({QStringLiteral("poisson"), QStringLiteral("gamma"), QStringLiteral("constant")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Paced arrivals (with --rate): poisson (default), gamma (shape --burstiness) or constant "
                 "intervals."))
             .example({QStringLiteral("constant")});
    r << Def("burstiness", {"--burstiness"}, G::Load)
             .field(&RunConfig::burstiness)
             .metavar("B")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Gamma shape of the inter-arrival gaps, mean kept at 1/rate (vLLM's meaning): < 1 burstier, > 1 "
                 "smoother; a value other than 1 selects gamma arrivals."))
             .example({QStringLiteral("0.5")});
    r << Def("sleep_interval", {"--sleep-interval"}, G::Load)
             .field(&RunConfig::sleepInterval)
             .metavar("S")
             .unit("s")
             .min(0)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "Seconds to wait between sweep points and between --num-runs repetitions (default 5)."))
             .example({QStringLiteral("0")});
    r << Def("warmup_num", {"--warmup-num"}, G::Load)
             .field(&RunConfig::warmupNum)
             .metavar("N")
             .unit("requests")
             .min(0)
             .max(kIntMax)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Warmup requests run in full before each point's timed phase, at the same load, excluded from "
                 "every metric (stored flagged). >= 1: a count; between 0 and 1: a ratio of --number (at least 1)."))
             .example({QStringLiteral("0.2")});
    r << Def("duration", {"--duration"}, G::Load)
             .field(&RunConfig::duration)
             .metavar("S")
             .unit("s")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Seconds per run point (warmup excluded): then no new request starts and in-flight ones finish; "
                 "whichever of --number and --duration comes first ends the point."))
             .example({QStringLiteral("30")});
    r << Def("connect_rate", {"--connect-rate"}, G::Load)
             .field(&RunConfig::connectRate)
             .metavar("N")
             .unit("connections/s")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "New connections per second when a point starts, after a burst of 64 (default 2000; 0 = no "
                 "limit), so that a start with thousands of streams does not overflow the server's accept queue."))
             .example({QStringLiteral("500")});
}

} // namespace tl::registrydef
