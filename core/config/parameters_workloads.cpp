#include "config/parameterdef.h"

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
    using T = ParameterType;
    // --- SLA ---
    r << Def("sla_auto_tune", {"--sla-auto-tune"}, G::Sla)
             .unsupported(T::Bool, kSlaReason)
             .help(QT_TRANSLATE_NOOP("Throughline", "Search the highest load that meets the SLA."));
    for (const auto& [key, flag, type, help] :
        {std::tuple{"sla_variable", "--sla-variable", T::String,
             QT_TRANSLATE_NOOP("Throughline", "The load variable the search changes.")},
            std::tuple{"sla_params", "--sla-params", T::Json, QT_TRANSLATE_NOOP("Throughline", "The SLA targets.")},
            std::tuple{"sla_upper_bound", "--sla-upper-bound", T::Int,
                QT_TRANSLATE_NOOP("Throughline", "Upper bound of the search.")},
            std::tuple{"sla_lower_bound", "--sla-lower-bound", T::Int,
                QT_TRANSLATE_NOOP("Throughline", "Lower bound of the search.")},
            std::tuple{
                "sla_fixed_parallel", "--sla-fixed-parallel", T::Int, "Concurrency held while rate is searched."},
            std::tuple{
                "sla_num_runs", "--sla-num-runs", T::Int, QT_TRANSLATE_NOOP("Throughline", "Runs per probed load.")},
            std::tuple{"sla_number_multiplier", "--sla-number-multiplier", T::Double,
                QT_TRANSLATE_NOOP("Throughline", "Requests per unit of load.")}}) {
        r << Def(key, {flag}, G::Sla).unsupported(type, kSlaReason).metavar("V").help(help);
    }
}

} // namespace tl::registrydef
