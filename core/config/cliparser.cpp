#include "config/cliparser.h"

#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QFile>

#include <QRegularExpression>

#include <functional>

namespace tl {

namespace {

enum class Kind { Flag, Value, List };

struct Option {
    QStringList names; // first is canonical
    Kind kind;
    const char* metavar;
    const char* help;
    std::function<void(RunConfig&, const QStringList&, ConfigErrors&)> apply;
};

bool looksLikeValue(const QString& word)
{
    static const QRegularExpression number(QStringLiteral("^-\\d+(\\.\\d*)?([eE][-+]?\\d+)?$"));
    return !word.startsWith(u'-') || number.match(word).hasMatch() || word == u"-";
}

ConfigError typeError(const QString& flag, const QString& value, const QString& expected)
{
    return ConfigError{flag, Tr::tr("'%1' is not %2").arg(value, expected)};
}

auto intValue(int RunConfig::*field)
{
    return [field](RunConfig& c, const QStringList& v, ConfigErrors& e) {
        bool ok = false;
        const int x = v.first().toInt(&ok);
        if (!ok)
            e.append(typeError(QString(), v.first(), Tr::tr("a whole number")));
        else
            c.*field = x;
    };
}

template <typename T> auto optionalNumber(std::optional<T> RunConfig::*field)
{
    return [field](RunConfig& c, const QStringList& v, ConfigErrors& e) {
        bool ok = false;
        if constexpr (std::is_same_v<T, double>) {
            const double x = v.first().toDouble(&ok);
            if (ok)
                c.*field = x;
        } else {
            const qint64 x = v.first().toLongLong(&ok);
            if (ok)
                c.*field = static_cast<T>(x);
        }
        if (!ok)
            e.append(typeError(QString(), v.first(), Tr::tr("a number")));
    };
}

auto stringValue(QString RunConfig::*field)
{
    return [field](RunConfig& c, const QStringList& v, ConfigErrors&) { c.*field = v.first(); };
}

auto stringList(QStringList RunConfig::*field)
{
    return [field](RunConfig& c, const QStringList& v, ConfigErrors&) { c.*field = v; };
}

auto flagValue(bool RunConfig::*field, bool value)
{
    return [field, value](RunConfig& c, const QStringList&, ConfigErrors&) { c.*field = value; };
}

// An EvalScope flag for something Throughline does not do (yet): a clear error instead of a silent no-op.
auto unsupported(const char* why)
{
    return [why](RunConfig&, const QStringList&, ConfigErrors& e) {
        e.append(ConfigError{QString(), Tr::tr(why)});
    };
}

// EvalScope's tuning knobs for its Python internals: accepted and kept in the saved configuration.
auto compatInt(int RunConfig::*field)
{
    return intValue(field);
}

auto intList(QList<int> RunConfig::*field)
{
    return [field](RunConfig& c, const QStringList& v, ConfigErrors& e) {
        QList<int> out;
        for (const QString& word : v) {
            bool ok = false;
            const int x = word.toInt(&ok);
            if (!ok) {
                e.append(typeError(QString(), word, Tr::tr("a whole number (give a list as separate words: 1 4 16)")));
                return;
            }
            out.append(x);
        }
        c.*field = out;
    };
}

const QList<Option>& options()
{
    static const QList<Option> table = {
        {{QStringLiteral("--model")}, Kind::Value, "NAME", "Model name sent in the request body (required).",
            stringValue(&RunConfig::model)},
        {{QStringLiteral("--api")}, Kind::Value, "API",
            "API type: openai (chat/completions or completions; default), openai_responses (alias responses), "
            "openai_embedding (embedding), openai_rerank (rerank); local/local_vllm aim at 127.0.0.1:--port.",
            stringValue(&RunConfig::api)},
        {{QStringLiteral("--url")}, Kind::Value, "URL",
            "Endpoint URL. Without an endpoint suffix the API's is appended (/chat/completions, /responses, "
            "/embeddings, /reranks: EvalScope's rule).",
            stringValue(&RunConfig::url)},
        {{QStringLiteral("--api-key")}, Kind::Value, "KEY", "Sends 'Authorization: Bearer KEY'. Masked in saved files.",
            stringValue(&RunConfig::apiKey)},
        {{QStringLiteral("--headers")}, Kind::List, "K=V ...", "Extra HTTP headers, split on the first '='.",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                for (const QString& kv : v) {
                    const qsizetype eq = kv.indexOf(u'=');
                    if (eq <= 0) {
                        e.append(typeError(QString(), kv, Tr::tr("a header in KEY=VALUE form")));
                        return;
                    }
                    c.headers.append({kv.left(eq), kv.mid(eq + 1)});
                }
            }},
        {{QStringLiteral("--parallel")}, Kind::List, "P ...",
            "Closed loop: maximum requests in flight. Several values make a sweep (one run point each).",
            intList(&RunConfig::parallel)},
        {{QStringLiteral("--number"), QStringLiteral("-n")}, Kind::List, "N ...",
            "Requests per run point; one value per --parallel value.", intList(&RunConfig::number)},
        {{QStringLiteral("--rate")}, Kind::List, "R",
            "Requests per second within the --parallel cap: Poisson arrivals on an absolute schedule rescaled to "
            "last number/rate seconds; -1 = no pacing (default). Only the first value is used in closed loop.",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                QList<double> out;
                for (const QString& word : v) {
                    bool ok = false;
                    const double x = word.toDouble(&ok);
                    if (!ok) {
                        e.append(typeError(QString(), word, Tr::tr("a number")));
                        return;
                    }
                    out.append(x);
                }
                c.rate = out;
            }},
        {{QStringLiteral("--open-loop")}, Kind::Flag, nullptr,
            "Open loop: requests arrive on the --rate schedule (Poisson, rescaled to number/rate seconds) whatever is "
            "in flight; --rate becomes the sweep (one --number per --rate) and --parallel is ignored.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.openLoop = true; }},
        {{QStringLiteral("--arrival-distribution")}, Kind::Value, "D",
            "Paced arrivals (with --rate): poisson (default), gamma (shape --burstiness) or constant intervals.",
            stringValue(&RunConfig::arrivalDistribution)},
        {{QStringLiteral("--burstiness")}, Kind::Value, "B",
            "Gamma shape of the inter-arrival gaps, mean kept at 1/rate (vLLM's meaning): < 1 burstier, > 1 smoother; "
            "a "
            "value other than 1 selects gamma arrivals.",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const double x = v.first().toDouble(&ok);
                if (ok)
                    c.burstiness = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a number")));
            }},
        {{QStringLiteral("--stream")}, Kind::Flag, nullptr,
            "Stream responses (SSE) [default]; needed for TTFT/ITL/TPOT.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.stream = true; }},
        {{QStringLiteral("--no-stream")}, Kind::Flag, nullptr, "Ask for whole (non-streamed) responses.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.stream = false; }},
        {{QStringLiteral("--continuous-usage")}, Kind::Flag, nullptr,
            "Also send stream_options.continuous_usage_stats (vLLM, SGLang): usage in every chunk, so each event's "
            "token count is exact for ITL per token and tokens per chunk. Off by default: bodies stay EvalScope's.",
            flagValue(&RunConfig::continuousUsage, true)},
        {{QStringLiteral("--sleep-interval")}, Kind::Value, "S", "Seconds to wait between sweep points (default 5).",
            intValue(&RunConfig::sleepInterval)},
        {{QStringLiteral("--warmup-num")}, Kind::Value, "N",
            "Warmup requests run in full before each point's timed phase, at the same load, excluded from every "
            "metric (stored flagged). >= 1: a count; between 0 and 1: a ratio of --number (at least 1).",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const double x = v.first().toDouble(&ok);
                if (ok)
                    c.warmupNum = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a number")));
            }},
        {{QStringLiteral("--duration")}, Kind::Value, "S",
            "Seconds per run point (warmup excluded): then no new request starts and in-flight ones finish; "
            "whichever of --number and --duration comes first ends the point.",
            optionalNumber(&RunConfig::duration)},
        {{QStringLiteral("--max-tokens")}, Kind::List, "N [MAX]",
            "max_tokens in the body (default 2048); two values MIN MAX draw each request's max_tokens uniformly "
            "from MIN..MAX (inclusive; repeatable with --seed).",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                if (v.size() > 2) {
                    e.append(ConfigError{QString(), Tr::tr("takes one value or a MIN MAX pair (got %1 values)").arg(v.size())});
                    return;
                }
                QList<int> values;
                for (const QString& word : v) {
                    bool ok = false;
                    values.append(word.toInt(&ok));
                    if (!ok) {
                        e.append(typeError(QString(), word, Tr::tr("a whole number")));
                        return;
                    }
                }
                c.maxTokens = values.first();
                c.maxTokensUpper = values.size() == 2 ? std::optional<int>(values.last()) : std::nullopt;
            }},
        {{QStringLiteral("--min-tokens")}, Kind::Value, "N", "min_tokens in the body.",
            optionalNumber(&RunConfig::minTokens)},
        {{QStringLiteral("--temperature")}, Kind::Value, "T", "temperature in the body (default 0.0).",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const double x = v.first().toDouble(&ok);
                if (ok)
                    c.temperature = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a number")));
            }},
        {{QStringLiteral("--top-p")}, Kind::Value, "P", "top_p in the body.", optionalNumber(&RunConfig::topP)},
        {{QStringLiteral("--top-k")}, Kind::Value, "K", "top_k in the body.", optionalNumber(&RunConfig::topK)},
        {{QStringLiteral("--seed")}, Kind::Value, "S",
            "seed in the body; also makes datasets repeatable (random prompts, --max-tokens ranges).",
            optionalNumber(&RunConfig::seed)},
        {{QStringLiteral("--frequency-penalty")}, Kind::Value, "F", "frequency_penalty in the body.",
            optionalNumber(&RunConfig::frequencyPenalty)},
        {{QStringLiteral("--repetition-penalty")}, Kind::Value, "F", "repetition_penalty in the body.",
            optionalNumber(&RunConfig::repetitionPenalty)},
        {{QStringLiteral("--logprobs")}, Kind::Flag, nullptr, "logprobs: true in the body.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.logprobs = true; }},
        {{QStringLiteral("--n-choices")}, Kind::Value, "N", "n in the body (choices per request).",
            optionalNumber(&RunConfig::nChoices)},
        {{QStringLiteral("--stop")}, Kind::List, "S ...", "stop strings in the body.", stringList(&RunConfig::stop)},
        {{QStringLiteral("--stop-token-ids")}, Kind::List, "ID ...",
            "stop_token_ids in the body (sent as JSON strings, as EvalScope does).",
            stringList(&RunConfig::stopTokenIds)},
        {{QStringLiteral("--extra-args")}, Kind::Value, "JSON",
            "JSON object merged into every request body, e.g. '{\"ignore_eos\": true}'.",
            [](RunConfig& c, const QStringList& v, ConfigErrors&) { c.extraArgs = v.first().toUtf8(); }},
        {{QStringLiteral("--apply-chat-template")}, Kind::Flag, nullptr,
            "Send chat messages (default when the URL ends with chat/completions).",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.applyChatTemplate = true; }},
        {{QStringLiteral("--no-apply-chat-template")}, Kind::Flag, nullptr, "Send a plain 'prompt' string.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.applyChatTemplate = false; }},
        {{QStringLiteral("--prompt")}, Kind::Value, "TEXT",
            "Fixed prompt for every request (takes priority over --dataset); '@FILE' reads a file.",
            stringValue(&RunConfig::prompt)},
        {{QStringLiteral("--query-template")}, Kind::Value, "JSON",
            "Request body template, inline or '@FILE.json': the dataset's prompt replaces its messages/prompt, then "
            "the run's parameters overwrite its keys.",
            stringValue(&RunConfig::queryTemplate)},
        {{QStringLiteral("--dataset")}, Kind::Value, "NAME",
            "Prompt source (docs/DATASETS.md): builtin (default: 40 short questions), openqa, longalpaca, "
            "share_gpt_zh, share_gpt_en (downloaded from the hub, or --dataset-path), line_by_line, custom, "
            "embedding, embedding_batch, rerank (a local file), random, random_embedding, random_embedding_batch, "
            "random_rerank (need --tokenizer-path), speed_benchmark, speed_benchmark_long.",
            stringValue(&RunConfig::dataset)},
        {{QStringLiteral("--dataset-path")}, Kind::Value, "PATH",
            "Local dataset file, or the folder holding the dataset's file (offline use; implies --data-source local).",
            stringValue(&RunConfig::datasetPath)},
        {{QStringLiteral("--data-source")}, Kind::Value, "HUB",
            "Where hub datasets come from: modelscope (default), huggingface, or local (--dataset-path only).",
            stringValue(&RunConfig::dataSource)},
        {{QStringLiteral("--dataset-args")}, Kind::Value, "JSON",
            "Length control for openqa, longalpaca, line_by_line, share_gpt_*: {\"target_input_len\": N, "
            "\"input_len_mode\": \"cap\"|\"drop\", \"prefix_file\": FILE, \"prefix_role\": \"system\"|\"user\"}.",
            [](RunConfig& c, const QStringList& v, ConfigErrors&) { c.datasetArgs = v.first().toUtf8(); }},
        {{QStringLiteral("--dataset-cache")}, Kind::Value, "DIR",
            "Hub download cache (default $THROUGHLINE_DATASET_CACHE or ~/.cache/throughline/datasets).",
            stringValue(&RunConfig::datasetCache)},
        {{QStringLiteral("--tokenizer-path")}, Kind::Value, "PATH",
            "Hugging Face model folder or tokenizer.json: counts prompt lengths in tokens and feeds random datasets.",
            stringValue(&RunConfig::tokenizerPath)},
        {{QStringLiteral("--min-prompt-length")}, Kind::Value, "N",
            "Drop prompts shorter than N (tokens with --tokenizer-path, else characters); random: the lower bound.",
            intValue(&RunConfig::minPromptLength)},
        {{QStringLiteral("--max-prompt-length")}, Kind::Value, "N",
            "Drop prompts longer than N (default 131072); random: the upper bound of the sampled length.",
            intValue(&RunConfig::maxPromptLength)},
        {{QStringLiteral("--prefix-length")}, Kind::Value, "N",
            "random: a shared random prefix of N tokens on every prompt (prefix-cache testing).",
            intValue(&RunConfig::prefixLength)},
        {{QStringLiteral("--tokenize-prompt")}, Kind::Flag, nullptr,
            "Send prompts as token ids to /v1/completions (needs --tokenizer-path).",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.tokenizePrompt = true; }},
        {{QStringLiteral("--dataset-offset")}, Kind::Value, "N",
            "random: token-window offset; advanced by each point's --number so prompts never repeat.",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const qint64 x = v.first().toLongLong(&ok);
                if (ok)
                    c.datasetOffset = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a whole number")));
            }},
        {{QStringLiteral("--connect-timeout")}, Kind::Value, "S", "Seconds allowed to connect and receive headers.",
            optionalNumber(&RunConfig::connectTimeout)},
        {{QStringLiteral("--read-timeout")}, Kind::Value, "S", "Longest allowed gap between reads, in seconds.",
            optionalNumber(&RunConfig::readTimeout)},
        {{QStringLiteral("--total-timeout")}, Kind::Value, "S", "Seconds allowed per request (default 21600).",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const double x = v.first().toDouble(&ok);
                if (ok)
                    c.totalTimeout = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a number")));
            }},
        {{QStringLiteral("--no-test-connection")}, Kind::Flag, nullptr, "Skip the test request before the run.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.noTestConnection = true; }},
        {{QStringLiteral("--workers")}, Kind::Value, "N", "Client worker threads (default 0 = one per core).",
            intValue(&RunConfig::workers)},
        {{QStringLiteral("--port")}, Kind::Value, "PORT",
            "--api local/local_vllm: benchmark the server on http://127.0.0.1:PORT/v1/chat/completions (default "
            "8877). Throughline starts no model itself: run one there (or throughline-sim --port PORT).",
            intValue(&RunConfig::port)},
        {{QStringLiteral("--insecure")}, Kind::Flag, nullptr,
            "HTTPS without certificate verification (self-signed test servers).", flagValue(&RunConfig::insecure, true)},
        {{QStringLiteral("--ca-cert")}, Kind::Value, "FILE.pem",
            "Also trust the CA certificates in this PEM file (besides the system's).", stringValue(&RunConfig::caCert)},
        {{QStringLiteral("--no-proxy")}, Kind::Flag, nullptr,
            "Ignore http_proxy/https_proxy/no_proxy from the environment (used by default, as EvalScope does).",
            flagValue(&RunConfig::noProxy, true)},
        {{QStringLiteral("--connect-rate")}, Kind::Value, "N",
            "New connections per second when a point starts, after a burst of 64 (default 2000; 0 = no limit), so "
            "that a start with thousands of streams does not overflow the server's accept queue.",
            [](RunConfig& c, const QStringList& v, ConfigErrors& e) {
                bool ok = false;
                const double x = v.first().toDouble(&ok);
                if (ok)
                    c.connectRate = x;
                else
                    e.append(typeError(QString(), v.first(), Tr::tr("a number")));
            }},
        {{QStringLiteral("--transport")}, Kind::Value, "auto|lean|qt",
            "HTTP client: lean (Throughline's own HTTP/1.1 on the worker threads' sockets: the least overhead), qt "
            "(QNetworkAccessManager: HTTPS and proxies) or auto (default: lean for plain http:// without a proxy, "
            "else qt).",
            stringValue(&RunConfig::transport)},
        {{QStringLiteral("--debug")}, Kind::Flag, nullptr,
            "Log each request body (first and last 100 characters) and each response event (first and last 200) "
            "to stderr.",
            flagValue(&RunConfig::debug, true)},
        {{QStringLiteral("--log-every-n-query")}, Kind::Value, "N",
            "Print the running metrics every N finished requests (default 100).", intValue(&RunConfig::logEveryNQuery)},
        {{QStringLiteral("--enable-progress-tracker")}, Kind::Flag, nullptr,
            "Keep <outputs>/<run>/progress.json up to date (status, processed and total counts, percent).",
            flagValue(&RunConfig::enableProgressTracker, true)},
        {{QStringLiteral("--db-commit-interval")}, Kind::Value, "N",
            "Accepted for EvalScope compatibility; no effect (the project file commits one transaction per batch).",
            compatInt(&RunConfig::dbCommitInterval)},
        {{QStringLiteral("--queue-size-multiplier")}, Kind::Value, "N",
            "Accepted for EvalScope compatibility; no effect (results leave the workers in batches).",
            compatInt(&RunConfig::queueSizeMultiplier)},
        {{QStringLiteral("--in-flight-task-multiplier")}, Kind::Value, "N",
            "Accepted for EvalScope compatibility; no effect (requests are created when a slot frees).",
            compatInt(&RunConfig::inFlightTaskMultiplier)},
        {{QStringLiteral("--num-workers")}, Kind::Value, "N",
            "Accepted for EvalScope compatibility; no effect (prompts are generated lazily). See --workers.",
            compatInt(&RunConfig::numWorkers)},
        {{QStringLiteral("--attn-implementation")}, Kind::Value, "NAME",
            "EvalScope's in-process transformers model; not supported: serve the model and give --url.",
            unsupported("Throughline benchmarks servers only: start the model behind an OpenAI-compatible server "
                        "and give its --url")},
        {{QStringLiteral("--visualizer"), QStringLiteral("--wandb-api-key"), QStringLiteral("--swanlab-api-key"),
             QStringLiteral("--swanlab-host")},
            Kind::Value, "NAME",
            "Experiment trackers (wandb, swanlab, clearml): not supported; the project file keeps every request.",
            unsupported("experiment trackers are not supported; every request is kept in the --project file "
                        "(export it with 'throughline-cli runs export')")},
        {{QStringLiteral("--multi-turn"), QStringLiteral("--sla-auto-tune")}, Kind::Flag, nullptr,
            "Multi-turn conversations and SLA auto-tuning: not in this version.",
            unsupported("not in this version of Throughline (planned: conversations and SLA auto-tuning)")},
        {{QStringLiteral("--min-turns"), QStringLiteral("--max-turns"), QStringLiteral("--sla-variable"),
             QStringLiteral("--sla-params"), QStringLiteral("--sla-upper-bound"), QStringLiteral("--sla-lower-bound"),
             QStringLiteral("--sla-fixed-parallel"), QStringLiteral("--sla-num-runs"),
             QStringLiteral("--sla-number-multiplier"), QStringLiteral("--multi-turn-args"),
             QStringLiteral("--image-width"), QStringLiteral("--image-height"), QStringLiteral("--image-format"),
             QStringLiteral("--image-num"), QStringLiteral("--image-patch-size")},
            Kind::Value, "V", "Multi-turn, SLA and image options: not in this version.",
            unsupported("not in this version of Throughline (planned: conversations, SLA auto-tuning and images)")},
        {{QStringLiteral("--outputs-dir")}, Kind::Value, "DIR",
            "Root of EvalScope's output tree: DIR/<YYYYmmdd_HHMMSS>/<name>/parallel_<P>_number_<N>/ (default "
            "./outputs).",
            stringValue(&RunConfig::outputsDir)},
        {{QStringLiteral("--no-timestamp")}, Kind::Flag, nullptr, "Leave the <YYYYmmdd_HHMMSS> level out of the tree.",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.noTimestamp = true; }},
        {{QStringLiteral("--no-outputs")}, Kind::Flag, nullptr,
            "Write no output tree (the project file still keeps all).",
            [](RunConfig& c, const QStringList&, ConfigErrors&) { c.writeOutputs = false; }},
        {{QStringLiteral("--name")}, Kind::Value, "NAME", "Run name (default: the model's base name).",
            stringValue(&RunConfig::name)},
        {{QStringLiteral("--project")}, Kind::Value, "FILE.tlproj",
            "Project file that stores every request of the run (created if missing); the workbench opens it.",
            stringValue(&RunConfig::project)},
    };
    return table;
}

const Option* findOption(const QString& name)
{
    for (const Option& o : options()) {
        if (o.names.contains(name))
            return &o;
    }
    return nullptr;
}

// --config FILE: a saved configuration (benchmark_args.json, ours or EvalScope's, or an exported run's JSON with
// it under "config") becomes the base that the other flags then change, wherever --config stands.
bool loadConfigFile(const QString& path, RunConfig* config, ConfigErrors* errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(ConfigError{QStringLiteral("--config"),
            Tr::tr("cannot read '%1': %2; give a benchmark_args.json or an exported run JSON")
                .arg(path, file.errorString())});
        return false;
    }
    QByteArray data = file.readAll();
    const auto j = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_object() && j.contains("config") && j["config"].is_object()) {
        const std::string inner = j["config"].dump();
        data = QByteArray(inner.data(), qsizetype(inner.size()));
    } else if (!j.is_object()) {
        errors->append(ConfigError{
            QStringLiteral("--config"), Tr::tr("'%1' is not a JSON object of run parameters").arg(path)});
        return false;
    }
    ConfigErrors local;
    const RunConfig loaded = RunConfig::fromJson(data, &local);
    for (ConfigError e : local) {
        e.message = Tr::tr("in '%1': %2 %3").arg(path, e.field, e.message);
        e.field = QStringLiteral("--config");
        errors->append(e);
    }
    if (!local.isEmpty())
        return false;
    *config = loaded;
    config->project.clear(); // where results go is this invocation's choice, not the saved run's
    return true;
}

} // namespace

CliParser::Result CliParser::parseRun(const QStringList& args, const RunConfig& defaults)
{
    Result result;
    result.config = defaults;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--config")
            loadConfigFile(args.at(i + 1), &result.config, &result.errors);
        else if (args.at(i).startsWith(u"--config="))
            loadConfigFile(args.at(i).mid(9), &result.config, &result.errors);
    }
    if (!args.isEmpty() && args.constLast() == u"--config")
        result.errors.append(ConfigError{QStringLiteral("--config"), Tr::tr("needs a value (FILE.json)")});
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString word = args.at(i);
        if (word == u"--config") {
            ++i; // loaded above
            continue;
        }
        if (word.startsWith(u"--config="))
            continue;
        if (word == u"-h" || word == u"--help") {
            result.helpRequested = true;
            return result;
        }
        QString inlineValue;
        bool hasInline = false;
        if (word.startsWith(u"--")) {
            const qsizetype eq = word.indexOf(u'=');
            if (eq > 0) {
                inlineValue = word.mid(eq + 1);
                word = word.left(eq);
                hasInline = true;
            }
        }
        const Option* opt = findOption(word);
        if (!opt) {
            result.errors.append(ConfigError{word,
                word.startsWith(u'-') ? Tr::tr("unknown option; see 'throughline-cli run --help'")
                                      : Tr::tr("unexpected argument; options start with --")});
            continue;
        }
        const QString flag = opt->names.first();
        QStringList values;
        if (opt->kind == Kind::Flag) {
            if (hasInline) {
                result.errors.append(ConfigError{flag, Tr::tr("takes no value")});
                continue;
            }
        } else if (hasInline) {
            values.append(inlineValue);
        } else {
            while (i + 1 < args.size() && looksLikeValue(args.at(i + 1))) {
                values.append(args.at(++i));
                if (opt->kind == Kind::Value)
                    break;
            }
            if (values.isEmpty()) {
                result.errors.append(
                    ConfigError{flag, Tr::tr("needs a value (%1)").arg(QString::fromLatin1(opt->metavar))});
                continue;
            }
        }
        ConfigErrors local;
        opt->apply(result.config, values, local);
        for (ConfigError& e : local) {
            if (e.field.isEmpty())
                e.field = flag;
            result.errors.append(e);
        }
    }
    if (result.errors.isEmpty())
        result.errors = result.config.validate();
    return result;
}

QString CliParser::runHelp()
{
    QString out = Tr::tr("Usage: throughline-cli run --url URL --model NAME [options]\n\n"
                         "Runs a benchmark sweep (closed loop, or open loop with --open-loop) against an "
                         "OpenAI-compatible endpoint and prints, per run point, EvalScope's summary and percentile "
                         "tables and Throughline's own metrics (docs/METRICS.md). Flags follow EvalScope perf.\n\n"
                         "Options:\n");
    for (const Option& o : options()) {
        QString head = QStringLiteral("  ") + o.names.join(QStringLiteral(", "));
        if (o.metavar != nullptr)
            head += u' ' + QString::fromLatin1(o.metavar);
        out += head.leftJustified(34) + u' ' + QString::fromUtf8(o.help) + u'\n';
    }
    out += QStringLiteral("  --config FILE.json").leftJustified(34) + u' '
        + Tr::tr("Start from a saved configuration (a benchmark_args.json, Throughline's or EvalScope's, or a "
                 "run exported with 'runs export --format json'); the other flags change it.")
        + u'\n';
    out += QStringLiteral("  -h, --help").leftJustified(34) + u' ' + Tr::tr("Show this help.") + u'\n';
    out += Tr::tr("\nExit codes: 0 success; 2 bad arguments; 3 the connection test failed; 4 every request failed; "
                  "1 another error (e.g. the project file cannot be written).\n");
    return out;
}

} // namespace tl
