#include "config/parameterdef.h"

namespace tl::registrydef {

// Throughline's capacity answers (docs/METRICS.md "Capacity"): goodput under SLOs and repeated points with
// confidence intervals. Not EvalScope flags; saved in the run's configuration like every other parameter.
void addCapacityParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    r << Def("goodput", {"--goodput"}, G::Sla)
             .field(&RunConfig::goodput)
             .nullWhenEmpty()
             .metavar("METRIC:MS ...")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Service-level objectives for goodput, in milliseconds: ttft:MS tpot:MS e2el:MS (any of them). A "
                 "request is good when it succeeded and every SLO given holds; goodput = good requests per second "
                 "of the point (vLLM's meaning), with each SLO's attainment in percent."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "TTFT, TPOT and e2el are EvalScope's per-request TTFT, TPOT and latency; a limit holds when the "
                 "value is at most the limit. Failed requests miss every SLO. A stored run can be re-evaluated "
                 "with other SLOs: throughline-cli runs show RUN --goodput ttft:300."))
             .example({QStringLiteral("ttft:300"), QStringLiteral("tpot:50")})
             .bad({QStringLiteral("ttft=300")})
             .check([](const RunConfig& c) {
                 QString error;
                 return SloSpec::parse(c.goodput, &error) ? QString() : error;
             });
    r << Def("num_runs", {"--num-runs"}, G::Load)
             .field(&RunConfig::numRuns)
             .metavar("N")
             .min(1)
             .max(1000)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Run each sweep point N times with the same seed, --sleep-interval seconds apart, and report the "
                 "mean, standard deviation, coefficient of variation and a t-distribution confidence interval of "
                 "each metric over the repetitions (default 1). Each repetition is a point of the run."))
             .example({QStringLiteral("3")});
    r << Def("confidence_level", {"--confidence-level"}, G::Load)
             .field(&RunConfig::confidenceLevel)
             .metavar("C")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Confidence level of the intervals over --num-runs repetitions and --sla-num-runs probes, between 0 "
                 "and 1 (default 0.95)."))
             .example({QStringLiteral("0.9")})
             .bad({QStringLiteral("1")})
             .check([](const RunConfig& c) {
                 return c.confidenceLevel < 1.0
                     ? QString()
                     : Tr::tr("must be below 1 (got %1); e.g. 0.95 for a 95% interval").arg(c.confidenceLevel);
             });
    r << Def("sweep", {"--sweep"}, G::Load)
             .field(&RunConfig::sweep)
             .metavar("MODE")
             .choices({QStringLiteral("list"), QStringLiteral("auto")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "list (default): the --parallel (or --rate) values as given. auto: a synchronous point, a "
                 "maximum-throughput point at --parallel (every request at once in open loop), then points spread "
                 "evenly between their measured throughputs, --sweep-points in all (GuideLLM's sweep)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "With auto the rates between are r_i = sync + (max - sync) x i / (K - 1), i = 1..K-2, from the "
                 "anchors' measured request throughput (the mean of their --num-runs repetitions). Open loop runs "
                 "them as arrival rates; closed loop as the concurrency round(r_i / sync) that carries r_i at the "
                 "synchronous latency (Little's law), between 2 and --parallel - 1, without duplicates. Takes one "
                 "--number and no --rate."))
             .example({QStringLiteral("auto")})
             .bad({QStringLiteral("knee")});
    r << Def("sweep_points", {"--sweep-points"}, G::Load)
             .field(&RunConfig::autoSweepPoints)
             .metavar("K")
             .min(3)
             .max(100)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--sweep auto: the points in all, the two anchors included (default 6; closed loop may run fewer "
                 "when two rates map to one concurrency)."))
             .example({QStringLiteral("8")})
             .bad({QStringLiteral("2")});
}

} // namespace tl::registrydef
