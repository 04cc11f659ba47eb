#include "config/parameterdef.h"

namespace tl::registrydef {

void addGenerationParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    using T = ParameterType;
    // --- Generation ---
    r << Def("max_tokens", {"--max-tokens"}, G::Generation)
             .type(T::IntRange)
             .metavar("N [MAX]")
             .unit("tokens")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "max_tokens in the body (default 2048); two values MIN MAX draw each request's max_tokens "
                 "uniformly from MIN..MAX (inclusive; repeatable with --seed)."))
             .example({QStringLiteral("64")})
             .bad({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")})
             .getter([](const RunConfig& c) {
                 return c.maxTokensUpper ? json::array({c.maxTokens, *c.maxTokensUpper}) : json(c.maxTokens);
             })
             .setter([](RunConfig& c, const json& v) {
                 if (v.is_array() && (v.size() == 1 || v.size() == 2)) {
                     int low = 0;
                     int high = 0;
                     if (QString e = readJ(v[0], &low); !e.isEmpty())
                         return e;
                     if (v.size() == 2) {
                         if (QString e = readJ(v[1], &high); !e.isEmpty())
                             return e;
                     }
                     c.maxTokens = low;
                     c.maxTokensUpper = v.size() == 2 ? std::optional<int>(high) : std::nullopt;
                     return QString();
                 }
                 if (v.is_array())
                     return Tr::tr("takes one value or a MIN MAX pair (got %1 values)").arg(v.size());
                 int n = 0;
                 if (QString e = readJ(v, &n); !e.isEmpty())
                     return e;
                 c.maxTokens = n;
                 c.maxTokensUpper.reset();
                 return QString();
             });
    r << Def("min_tokens", {"--min-tokens"}, G::Generation)
             .field(&RunConfig::minTokens)
             .metavar("N")
             .unit("tokens")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "min_tokens in the body."))
             .example({QStringLiteral("8")});
    r << Def("temperature", {"--temperature"}, G::Generation)
             .field(&RunConfig::temperature)
             .metavar("T")
             .min(0)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "temperature in the body (default 0.0)."))
             .example({QStringLiteral("0.7")});
    r << Def("top_p", {"--top-p"}, G::Generation)
             .field(&RunConfig::topP)
             .metavar("P")
             .min(0)
             .max(1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "top_p in the body."))
             .example({QStringLiteral("0.9")});
    r << Def("top_k", {"--top-k"}, G::Generation)
             .field(&RunConfig::topK)
             .metavar("K")
             .min(-1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "top_k in the body (-1: no limit, as vLLM reads it)."))
             .example({QStringLiteral("20")});
    r << Def("seed", {"--seed"}, G::Generation)
             .field(&RunConfig::seed)
             .metavar("S")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "seed in the body; also makes datasets repeatable (random prompts, --max-tokens ranges)."))
             .example({QStringLiteral("42")});
    r << Def("frequency_penalty", {"--frequency-penalty"}, G::Generation)
             .field(&RunConfig::frequencyPenalty)
             .metavar("F")
             .min(-2)
             .max(2)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "frequency_penalty in the body."))
             .example({QStringLiteral("0.5")});
    r << Def("repetition_penalty", {"--repetition-penalty"}, G::Generation)
             .field(&RunConfig::repetitionPenalty)
             .metavar("F")
             .min(0, true)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "repetition_penalty in the body."))
             .example({QStringLiteral("1.1")});
    r << Def("logprobs", {"--logprobs"}, G::Generation)
             .field(&RunConfig::logprobs)
             .negative("--no-logprobs")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "logprobs: true in the body."));
    r << Def("n_choices", {"--n-choices"}, G::Generation)
             .field(&RunConfig::nChoices)
             .metavar("N")
             .min(1)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "n in the body (choices per request)."))
             .example({QStringLiteral("2")});
    r << Def("stop", {"--stop"}, G::Generation)
             .field(&RunConfig::stop)
             .nullWhenEmpty()
             .metavar("S ...")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline", "stop strings in the body."))
             .example({QStringLiteral("###"), QStringLiteral("END")});
    r << Def("stop_token_ids", {"--stop-token-ids"}, G::Generation)
             .field(&RunConfig::stopTokenIds)
             .nullWhenEmpty()
             .metavar("ID ...")
             .body()
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "stop_token_ids in the body (sent as JSON strings, as EvalScope does)."))
             .example({QStringLiteral("7"), QStringLiteral("9")})
             .bad({QStringLiteral("eos")})
             .check([](const RunConfig& c) {
                 for (const QString& id : c.stopTokenIds) {
                     bool ok = false;
                     id.toLongLong(&ok);
                     if (!ok)
                         return Tr::tr("'%1' is not a token id; give whole numbers, e.g. --stop-token-ids 151645")
                             .arg(id);
                 }
                 return QString();
             });
    r << jsonText(Def("extra_args", {"--extra-args"}, G::Generation)
                      .metavar("JSON")
                      .body()
                      .help(QT_TRANSLATE_NOOP(
                          "Throughline", "JSON object merged into every request body, e.g. '{\"ignore_eos\": true}'."))
                      .example({QStringLiteral("{\"ignore_eos\":true}")})
                      .bad({QStringLiteral("[1,2]")})
                      .check([](const RunConfig& c) {
                          return jsonObjectCheck(c.extraArgs, "--extra-args '{\"ignore_eos\": true}'");
                      }),
        &RunConfig::extraArgs, true);
    r << Def("stream", {"--stream"}, G::Generation)
             .field(&RunConfig::stream)
             .negative("--no-stream")
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Stream responses (SSE) [default]; --no-stream asks for whole responses. Needed for "
                 "TTFT/ITL/TPOT."));
    r << Def("continuous_usage", {"--continuous-usage"}, G::Generation)
             .field(&RunConfig::continuousUsage)
             .body()
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Also send stream_options.continuous_usage_stats (vLLM, SGLang): usage in every chunk, so each "
                 "event's token count is exact for ITL per token and tokens per chunk. Off by default: bodies stay "
                 "EvalScope's."));
    r << Def("apply_chat_template", {"--apply-chat-template"}, G::Generation)
             .field(&RunConfig::applyChatTemplate)
             .negative("--no-apply-chat-template")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Send chat messages (default when the URL ends with chat/completions); --no-apply-chat-template "
                 "sends a plain 'prompt' string."))
             .saver([](const RunConfig& c, bool) { return json(c.effectiveApplyChatTemplate()); });
}

} // namespace tl::registrydef
