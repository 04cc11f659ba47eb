#pragma once

#include "config/configerror.h"
#include "model/goodput.h"
#include "model/runpoint.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tl {

// Every parameter of a benchmark run as one value type. Field names follow EvalScope perf's
// (`--max-tokens` is maxTokens here and "max_tokens" in JSON) so configs and outputs interoperate.
struct RunConfig {
    // Model and API
    QString model;
    QString api = QStringLiteral("openai");
    QString url = QStringLiteral("http://127.0.0.1:8877/v1/chat/completions");
    QString apiKey;
    QString apiKeyEnv; // name of the environment variable holding the key (--api-key-env); never its value
    QList<QPair<QString, QString>> headers;
    // Header names whose values are credentials although not named like one (--secret-headers; case-insensitive):
    // masked wherever the named ones are (SecretMask::isSecretHeader).
    QStringList secretHeaders;

    // Load shape
    QList<int> parallel{1};
    QList<int> number{1000};
    QList<double> rate{-1.0};
    bool stream = true;
    // Also ask chat/completions for stream_options.continuous_usage_stats (vLLM, SGLang): usage in every chunk, so
    // each event's token count is known exactly. Off by default, so bodies stay EvalScope's.
    bool continuousUsage = false;
    bool openLoop = false;
    QString arrivalDistribution = QStringLiteral("poisson"); // poisson | gamma | constant (paced arrivals)
    double burstiness = 1.0; // gamma shape; != 1 selects gamma arrivals // arrivals on the --rate schedule whatever is
                             // in flight; --rate is then the sweep
    int sleepInterval = 5; // seconds between sweep points
    double warmupNum = 0; // >= 1: warmup requests per point; 0 < v < 1: a ratio of --number; 0: none
    std::optional<double> duration; // seconds per point; soft exit (in-flight requests finish)
    // Capacity (docs/METRICS.md "Capacity"): --goodput SLO words ("ttft:300", ms), --num-runs repetitions of each
    // point with the same seed, and the confidence level of their t-distribution intervals.
    QStringList goodput;
    int numRuns = 1;
    double confidenceLevel = 0.95;
    // --sweep auto (AutoSweep): a synchronous point, a maximum-throughput point at --parallel, then --sweep-points
    // in all spread between their measured throughputs; "list" runs the --parallel/--rate lists as given.
    QString sweep = QStringLiteral("list");
    int autoSweepPoints = 6;
    bool isAutoSweep() const { return sweep == u"auto"; }
    // SLA auto-tune (EvalScope's --sla-*; docs/METRICS.md "SLA auto-tune"): the run's points are the probes SlaTuner
    // asks for, not the sweep.
    bool slaAutoTune = false;
    QString slaVariable = QStringLiteral("parallel"); // parallel | rate
    QByteArray slaParams; // JSON: one criteria group (object) or a list of them
    int slaUpperBound = 65536;
    int slaLowerBound = 1;
    std::optional<int> slaFixedParallel; // rate mode: the concurrency cap; unset = the upper bound
    int slaNumRuns = 3;
    std::optional<double> slaNumberMultiplier; // requests per probe = max(1, round(value x this)); unset = 2

    // Request body
    int maxTokens = 2048;
    std::optional<int> minTokens;
    double temperature = 0.0;
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<qint64> seed;
    std::optional<double> frequencyPenalty;
    std::optional<double> repetitionPenalty;
    std::optional<bool> logprobs;
    std::optional<int> nChoices; // "n"
    QStringList stop;
    QStringList stopTokenIds; // sent as JSON strings, as EvalScope types them
    QByteArray extraArgs; // JSON object text merged into every body; empty = none
    std::optional<bool> applyChatTemplate; // unset = auto (true iff the URL ends with chat/completions)

    // Prompts and datasets (docs/DATASETS.md)
    QString prompt; // fixed prompt for every request ("@file" reads a file)
    QString dataset = QStringLiteral("builtin"); // builtin or one of EvalScope's dataset modes
    QString datasetPath; // a local file, or a folder holding the dataset's files
    QString dataSource; // modelscope | huggingface | local; empty = modelscope, or local with --dataset-path
    QByteArray datasetArgs; // JSON object: target_input_len, input_len_mode, prefix_file, prefix_role
    QString datasetCache; // hub download cache; empty = $THROUGHLINE_DATASET_CACHE or ~/.cache/throughline/datasets
    QString tokenizerPath; // Hugging Face model folder or tokenizer.json
    int prefixLength = 0; // random: shared random-token prefix of every prompt
    int minPromptLength = 0; // tokens with a tokenizer, characters without
    int maxPromptLength = 131072;
    bool tokenizePrompt = false; // send token ids to /v1/completions
    qint64 datasetOffset = 0; // random: token-window offset, advanced by each point's --number
    QString queryTemplate; // JSON body template, inline or "@file.json"
    std::optional<int> maxTokensUpper; // --max-tokens MIN MAX: per-request max_tokens from [maxTokens, this]
    int imageWidth = 224; // random_vl: generated image size in px
    int imageHeight = 224;
    QString imageFormat = QStringLiteral("RGB"); // random_vl: PIL colour mode (the encoding is always PNG)
    int imageNum = 1; // random_vl: images per request
    int imagePatchSize = 28; // image datasets: ceil(w/p)*ceil(h/p) tokens per image when the server gives no usage

    // Multi-turn conversations (docs/DATASETS.md): --number counts turns, --parallel conversations in flight
    bool multiTurn = false;
    int minTurns = 1;
    std::optional<int> maxTurns; // required by random_multi_turn; truncates the other datasets' conversations
    QByteArray multiTurnArgs; // deprecated EvalScope flag: its keys are merged into --dataset-args

    // Network
    std::optional<double> connectTimeout; // seconds
    std::optional<double> readTimeout; // seconds between reads
    double totalTimeout = 21600.0; // seconds per request
    bool noTestConnection = false;
    int workers = 0; // worker threads; 0 = one per core
    // What a server may send before a request is given up as response_too_large (hostile servers must cost a recorded
    // failure, not the client's memory): body bytes of one response, and one server-sent event or stream line.
    qint64 maxResponseBytes = qint64(16) << 20;
    qint64 maxEventBytes = qint64(1) << 20;
    int port = 8877; // --api local/local_vllm: the URL becomes http://127.0.0.1:<port>/v1/chat/completions
    // --api local/local_vllm: the server started as a child process ({model}, {port}, {attn_implementation} filled
    // in); empty: vLLM's OpenAI server (LocalServer::command).
    QString localServerCommand;
    QString attnImplementation; // passed on to the local server
    bool insecure = false; // HTTPS without certificate verification
    QString caCert; // PEM file of extra trusted CA certificates
    bool noProxy = false; // ignore http_proxy/https_proxy/no_proxy from the environment
    double connectRate = 2000.0; // new connections per second when a point starts, after a burst of 64; 0 = no limit
    // HTTP client: "auto" (lean for plain http:// without a proxy, else qt), "lean" (own sockets) or "qt"
    // (QNetworkAccessManager). See Transport.
    QString transport = QStringLiteral("auto");
    bool debug = false; // log request bodies and response events (truncated) to stderr
    int logEveryNQuery = 100; // the CLI prints running metrics every N finished requests
    bool enableProgressTracker = false; // the CLI keeps <outputs>/progress.json up to date
    // EvalScope's tuning knobs for its Python internals: kept in the saved configuration, no effect here.
    int dbCommitInterval = 1000;
    int queueSizeMultiplier = 5;
    int inFlightTaskMultiplier = 2;
    int numWorkers = 0;

    // Outputs
    QString outputsDir = QStringLiteral("./outputs");
    bool writeOutputs = true; // the CLI writes EvalScope's output tree; the GUI keeps everything in the project
    bool noTimestamp = false;
    bool storeBodies = false; // --store-bodies: keep each request's body in the project and benchmark_data.db
    QString name; // run name; default = basename of the model
    QString project; // *.tlproj project file; empty = none

    // --- derived values ---
    // The API family --api names (EvalScope's names and aliases).
    enum class ApiKind { Chat, Responses, Embedding, Rerank }; // Chat: chat/completions and completions
    ApiKind apiKind() const;
    // The family of an --api name, as stored with a run (RunData::api); unknown names are Chat.
    static ApiKind apiKindOf(const QString& api);
    // URL after EvalScope's suffix rule (adds /chat/completions when no known endpoint suffix is present).
    QString resolvedUrl() const;
    // resolvedUrl() with its password and the query items named like secret headers masked, for what is printed or
    // stored (SecretMask::maskUrl with secretHeaders).
    QString maskedUrl() const;
    bool effectiveApplyChatTemplate() const;
    // --query-template's JSON object as text (read from the file for "@file"); empty when none or unreadable.
    QByteArray queryTemplateJson() const;
    // Warmup requests before a point of `number` requests (EvalScope: int(v), or max(1, int(v * number))).
    int warmupCount(int number) const;
    QString effectiveName() const;
    // The key sent as 'Authorization: Bearer': --api-key, else the variable --api-key-env names, else
    // OPENAI_API_KEY. Read from the environment at each call, so the value never enters the config or its files.
    QString effectiveApiKey() const;
    // Every credential of this config in plain text (effective key, URL password, secret header values), for
    // SecretMask::maskText on messages that may quote them.
    QStringList secretValues() const;
    // --goodput as SLOs; empty when not given or invalid (validate() reports that).
    SloSpec slo() const;
    // A dataset that yields conversations (random_multi_turn, share_gpt_*_multi_turn, custom_multi_turn).
    static bool isMultiTurnDataset(const QString& dataset);
    // --dataset workload_trace (without --prompt): a production trace replayed on its own timeline.
    bool isTraceReplay() const;
    // The sweep: zip(number, parallel) in closed loop, zip(number, rate) in open loop.
    QList<RunPoint> sweepPoints() const;
    // --sweep auto's anchors, in the order they run: the synchronous point (parallel 1), then the maximum-throughput
    // point (--parallel in flight, or every request at once in open loop); AutoSweep spreads the points between.
    QList<RunPoint> autoSweepAnchors() const;
    // The points a run measures: each sweep point --num-runs times in a row (the sweep itself when 1).
    QList<RunPoint> runPoints() const;
    // The sweep point a run point repeats.
    int sweepIndex(int runPointIndex) const;
    // Every problem with the config, each naming its field. Empty = valid.
    ConfigErrors validate() const;

    // JSON in EvalScope's benchmark_args.json key names (the API key masked unless includeSecrets).
    QByteArray toJson(bool includeSecrets = false) const;
    static RunConfig fromJson(const QByteArray& data, ConfigErrors* errors);

private:
    void validateDataset(ConfigErrors& errors) const;
    void validateMultiTurn(ConfigErrors& errors) const;
    void validateSla(ConfigErrors& errors) const;
    void validateAutoSweep(ConfigErrors& errors) const;
};

} // namespace tl

Q_DECLARE_METATYPE(tl::RunConfig)
