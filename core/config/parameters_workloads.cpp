#include "config/parameterdef.h"

namespace tl::registrydef {

void addMultiTurnParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    using T = ParameterType;
    // --- Multi-turn ---
    r << Def("multi_turn", {"--multi-turn"}, G::MultiTurn)
             .unsupported(T::Bool, kMultiTurnReason)
             .help(QT_TRANSLATE_NOOP("Throughline", "Multi-turn conversation benchmark (--number counts turns)."));
    r << Def("min_turns", {"--min-turns"}, G::MultiTurn)
             .unsupported(T::Int, kMultiTurnReason)
             .metavar("N")
             .help(QT_TRANSLATE_NOOP("Throughline", "Minimum user turns per conversation."));
    r << Def("max_turns", {"--max-turns"}, G::MultiTurn)
             .unsupported(T::Int, kMultiTurnReason)
             .metavar("N")
             .help(QT_TRANSLATE_NOOP("Throughline", "Maximum user turns per conversation."));
    r << Def("multi_turn_args", {"--multi-turn-args"}, G::MultiTurn)
             .unsupported(T::Json, kMultiTurnReason)
             .metavar("JSON")
             .help(QT_TRANSLATE_NOOP("Throughline", "Options of multi-turn datasets."));
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
