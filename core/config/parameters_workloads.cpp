#include "config/parameterdef.h"
#include "model/slacriteria.h"

namespace tl::registrydef {

void addMultiTurnParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    // --- Multi-turn ---
    r << Def("multi_turn", {"--multi-turn"}, G::MultiTurn)
             .field(&RunConfig::multiTurn)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Multi-turn conversations: --number counts turns, --parallel the conversations in flight; each "
                 "turn carries the history with the model's real replies. Needs a *_multi_turn dataset."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "A worker slot claims a conversation and sends its turns one after another, appending each "
                 "reply (reasoning included) to the history; a failed turn abandons the conversation. "
                 "--duration stops claiming conversations; claimed ones run their remaining turns."));
    r << Def("min_turns", {"--min-turns"}, G::MultiTurn)
             .field(&RunConfig::minTurns)
             .metavar("N")
             .min(1)
             .help(QT_TRANSLATE_NOOP("Throughline", "random_multi_turn: minimum user turns per conversation."))
             .example({QStringLiteral("2")});
    r << Def("max_turns", {"--max-turns"}, G::MultiTurn)
             .field(&RunConfig::maxTurns)
             .metavar("N")
             .min(1)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Maximum user turns per conversation: required by random_multi_turn, truncates the "
                 "conversations of share_gpt_*_multi_turn and custom_multi_turn."))
             .example({QStringLiteral("4")});
    r << jsonText(Def("multi_turn_args", {"--multi-turn-args"}, G::MultiTurn)
                      .metavar("JSON")
                      .help(QT_TRANSLATE_NOOP("Throughline",
                          "Deprecated (EvalScope): its keys are merged into --dataset-args, which wins; "
                          "num_workers is accepted and has no effect."))
                      .example({QStringLiteral("{\"num_workers\": 1}")})
                      .bad({QStringLiteral("[1]")})
                      .check([](const RunConfig& c) { return jsonObjectCheck(c.multiTurnArgs, "'{}'"); }),
        &RunConfig::multiTurnArgs, false);
}

void addSlaParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    // --- SLA auto-tune (docs/METRICS.md "SLA auto-tune"; the search itself is SlaTuner's) ---
    r << Def("sla_auto_tune", {"--sla-auto-tune"}, G::Sla)
             .field(&RunConfig::slaAutoTune)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Search the highest load (or the best max/min metric) that meets --sla-params: each probe is a "
                 "point of the run, repeated --sla-num-runs times."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "From --parallel (or --rate) clamped to the bounds: double while the probe passes (halve while it "
                 "fails), then binary search between the last pass and the first failure. A probe passes when every "
                 "request succeeded and every criterion holds on the mean of its repetitions; a criterion whose "
                 "t-interval straddles its threshold is probed again, up to twice --sla-num-runs times."));
    r << Def("sla_variable", {"--sla-variable"}, G::Sla)
             .field(&RunConfig::slaVariable)
             .choices({QStringLiteral("parallel"), QStringLiteral("rate")})
             .metavar("VAR")
             .example({QStringLiteral("rate")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "The load the search changes: parallel (concurrency) or rate (requests per second, paced within "
                 "--sla-fixed-parallel)."));
    r << Def("sla_params", {"--sla-params"}, G::Sla)
             .type(ParameterType::Json)
             .metavar("JSON")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "The SLA: a JSON object of criteria that must all hold, or a list of such groups, each tuned on its "
                 "own. Metrics avg/p50/p90/p99 _latency, _ttft, _tpot, rps, tps; conditions <=, <, >=, > and a number, "
                 "or max/min. Times take ms or s; a bare number is seconds for latency and milliseconds for TTFT and "
                 "TPOT (EvalScope's actual comparison)."))
             .example({QStringLiteral("[{\"p99_latency\": \"<=2s\", \"avg_ttft\": \"<=500ms\"}]")})
             .bad({QStringLiteral("{\"p99_latency\": \"<=2h\"}")})
             .getter([](const RunConfig& c) {
                 const QByteArray& text = c.slaParams;
                 if (text.trimmed().isEmpty())
                     return json(nullptr);
                 if (jsonutil::tooDeep(text))
                     return json(text.toStdString());
                 json parsed = json::parse(text.cbegin(), text.cend(), nullptr, false);
                 return parsed.is_discarded() ? json(text.toStdString()) : parsed;
             })
             .setter([](RunConfig& c, const json& v) {
                 if (v.is_null())
                     c.slaParams.clear();
                 else if (v.is_string())
                     c.slaParams = QByteArray::fromStdString(v.get<std::string>());
                 else if (v.is_object() || v.is_array())
                     c.slaParams = jsonutil::dump(v);
                 else
                     return Tr::tr("must be a JSON object or a list of objects");
                 return QString();
             })
             .check([](const RunConfig& c) {
                 if (c.slaParams.trimmed().isEmpty())
                     return QString();
                 QString error;
                 return parseSlaParams(c.slaParams, &error) ? QString() : error;
             });
    r << Def("sla_upper_bound", {"--sla-upper-bound"}, G::Sla)
             .field(&RunConfig::slaUpperBound)
             .metavar("N")
             .min(1)
             .help(QT_TRANSLATE_NOOP("Throughline", "Largest value the search probes (default 65536)."))
             .example({QStringLiteral("64")});
    r << Def("sla_lower_bound", {"--sla-lower-bound"}, G::Sla)
             .field(&RunConfig::slaLowerBound)
             .metavar("N")
             .min(1)
             .help(QT_TRANSLATE_NOOP("Throughline", "Smallest value the search probes (default 1)."))
             .example({QStringLiteral("2")});
    r << Def("sla_fixed_parallel", {"--sla-fixed-parallel"}, G::Sla)
             .field(&RunConfig::slaFixedParallel)
             .metavar("N")
             .min(1)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "--sla-variable rate: the concurrency cap of every probe (default the upper bound)."))
             .example({QStringLiteral("32")});
    r << Def("sla_num_runs", {"--sla-num-runs"}, G::Sla)
             .field(&RunConfig::slaNumRuns)
             .metavar("N")
             .min(1)
             .max(100)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Runs of each probed value, averaged (default 3); up to twice as many where the interval straddles "
                 "a threshold."))
             .example({QStringLiteral("2")});
    r << Def("sla_number_multiplier", {"--sla-number-multiplier"}, G::Sla)
             .field(&RunConfig::slaNumberMultiplier)
             .metavar("M")
             .min(0, true)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Requests per probe = max(1, round(value x M)) (default 2)."))
             .example({QStringLiteral("4")});
}

} // namespace tl::registrydef
