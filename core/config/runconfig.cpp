#include "config/runconfig.h"

#include "config/parameterregistry.h"
#include "config/secretmask.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <cmath>

namespace tl {

namespace {

const QStringList kEndpointSuffixes = {
    QStringLiteral("chat/completions"),
    QStringLiteral("completions"),
    QStringLiteral("responses"),
    QStringLiteral("embeddings"),
    QStringLiteral("reranks"),
    QStringLiteral("rerank"),
};

const QStringList kKnownDatasets = {
    QStringLiteral("builtin"),
    QStringLiteral("openqa"),
    QStringLiteral("longalpaca"),
    QStringLiteral("line_by_line"),
    QStringLiteral("custom"),
    QStringLiteral("share_gpt_zh"),
    QStringLiteral("share_gpt_en"),
    QStringLiteral("speed_benchmark"),
    QStringLiteral("speed_benchmark_long"),
    QStringLiteral("random"),
    QStringLiteral("embedding"),
    QStringLiteral("embed"),
    QStringLiteral("embedding_batch"),
    QStringLiteral("random_embedding"),
    QStringLiteral("random_embedding_batch"),
    QStringLiteral("rerank"),
    QStringLiteral("random_rerank"),
    QStringLiteral("random_vl"),
    QStringLiteral("flickr8k"),
    QStringLiteral("kontext_bench"),
    QStringLiteral("random_multi_turn"),
    QStringLiteral("share_gpt_zh_multi_turn"),
    QStringLiteral("share_gpt_en_multi_turn"),
    QStringLiteral("custom_multi_turn"),
    QStringLiteral("workload_trace"),
    QStringLiteral("swe_smith"),
    QStringLiteral("trie_agentic_coding"),
    QStringLiteral("trie_code_qa"),
    QStringLiteral("trie_office_work"),
};
// Datasets whose prompts carry images: chat content parts (or the Responses API's input_image).
const QStringList kImageDatasets
    = {QStringLiteral("random_vl"), QStringLiteral("flickr8k"), QStringLiteral("kontext_bench")};
// Datasets read only from --dataset-path (no hub copy).
const QStringList kLocalOnlyDatasets = {QStringLiteral("line_by_line"), QStringLiteral("custom"),
    QStringLiteral("embedding"), QStringLiteral("embed"), QStringLiteral("embedding_batch"), QStringLiteral("rerank"),
    QStringLiteral("custom_multi_turn"), QStringLiteral("workload_trace")};
// Datasets that generate token sequences and need --tokenizer-path.
const QStringList kTokenizerDatasets = {QStringLiteral("random"), QStringLiteral("random_embedding"),
    QStringLiteral("random_embedding_batch"), QStringLiteral("random_rerank"), QStringLiteral("random_vl"),
    QStringLiteral("random_multi_turn"), QStringLiteral("trie_agentic_coding"), QStringLiteral("trie_code_qa"),
    QStringLiteral("trie_office_work")};
// Datasets that accept --dataset-args' length-control keys (EvalScope's TextLengthArgs).
const QStringList kLengthControlDatasets = {QStringLiteral("openqa"), QStringLiteral("longalpaca"),
    QStringLiteral("line_by_line"), QStringLiteral("share_gpt_zh"), QStringLiteral("share_gpt_en")};

// --query-template's JSON object (inline or @file); null with `error` set when it is unreadable or not an object.
nlohmann::json parseJsonObjectArg(const QString& value, QString* error)
{
    QByteArray data = value.toUtf8();
    if (value.startsWith(u'@')) {
        QFile f(value.mid(1));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("cannot read '%1': %2").arg(value.mid(1), f.errorString());
            return nullptr;
        }
        data = f.readAll();
    }
    if (jsonutil::tooDeep(data)) {
        *error = Tr::tr("nests arrays/objects deeper than %1 levels; flatten it").arg(jsonutil::kMaxDepth);
        return nullptr;
    }
    auto j = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        *error = Tr::tr("must be a JSON object (inline or @FILE.json), e.g. '{\"messages\": [], \"top_p\": 0.9}'");
        return nullptr;
    }
    return j;
}

QString stripSlash(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace

QString RunConfig::resolvedUrl() const
{
    // EvalScope's local APIs start a server on --port and aim at it; here the server is whatever listens there.
    QString stripped = (api == u"local" || api == u"local_vllm")
        ? QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)
        : stripSlash(url.trimmed());
    bool known = false;
    for (const QString& suffix : kEndpointSuffixes) {
        if (stripped.endsWith(suffix)) {
            known = true;
            break;
        }
    }
    const ApiKind kind = apiKind();
    if (!known) {
        switch (kind) {
        case ApiKind::Responses:
            stripped += QStringLiteral("/responses");
            break;
        case ApiKind::Embedding:
            stripped += QStringLiteral("/embeddings");
            break;
        case ApiKind::Rerank:
            stripped += QStringLiteral("/reranks");
            break;
        case ApiKind::Chat:
            stripped += QStringLiteral("/chat/completions");
            break;
        }
    }
    if (kind == ApiKind::Responses && stripped.endsWith(u"/chat/completions"))
        stripped = stripped.chopped(int(qstrlen("/chat/completions"))) + QStringLiteral("/responses");
    // --tokenize-prompt sends token ids, and speed_benchmark plain prompts, to /v1/completions (EvalScope).
    const QLatin1StringView chat("chat/completions");
    if ((tokenizePrompt || dataset.startsWith(u"speed_benchmark")) && stripped.endsWith(chat))
        stripped = stripped.chopped(chat.size()) + QStringLiteral("completions");
    return stripped;
}

RunConfig::ApiKind RunConfig::apiKind() const
{
    return apiKindOf(api);
}

RunConfig::ApiKind RunConfig::apiKindOf(const QString& api)
{
    if (api.contains(u"respons"))
        return ApiKind::Responses;
    if (api == u"openai_embedding" || api == u"embedding")
        return ApiKind::Embedding;
    if (api == u"openai_rerank" || api == u"rerank")
        return ApiKind::Rerank;
    return ApiKind::Chat;
}

bool RunConfig::effectiveApplyChatTemplate() const
{
    if (applyChatTemplate)
        return *applyChatTemplate;
    if (dataset.startsWith(u"speed_benchmark"))
        return false;
    // Decided on the URL before --tokenize-prompt rewrites it, as EvalScope does.
    RunConfig plain = *this;
    plain.tokenizePrompt = false;
    return plain.resolvedUrl().endsWith(QStringLiteral("chat/completions"));
}

QByteArray RunConfig::queryTemplateJson() const
{
    if (queryTemplate.isEmpty())
        return {};
    QString error;
    const nlohmann::json j = parseJsonObjectArg(queryTemplate, &error);
    return j.is_null() ? QByteArray() : jsonutil::dump(j);
}

int RunConfig::warmupCount(int pointNumber) const
{
    if (warmupNum <= 0)
        return 0;
    if (warmupNum >= 1)
        return int(warmupNum);
    return std::max(1, int(warmupNum * pointNumber));
}

QString RunConfig::effectiveName() const
{
    QString n = name.isEmpty() ? QFileInfo(model).fileName() : name;
    if (n.isEmpty() && model.isEmpty())
        n = dataset; // EvalScope's model_id without a model (workload_trace): the dataset's name
    if (n.isEmpty())
        n = QStringLiteral("run");
    static const QString bad = QStringLiteral("<>:\"|?*\\/");
    for (QChar& c : n) {
        if (bad.contains(c) || c == QChar(0))
            c = u'_';
    }
    // "." and ".." would name the outputs folder or its parent: a stored run name (older project files, imports)
    // must not place an export outside its folder either.
    if (n == u"." || n == u"..")
        n = QStringLiteral("_");
    return n;
}

QString RunConfig::maskedUrl() const
{
    return SecretMask::maskUrl(resolvedUrl(), secretHeaders);
}

QString RunConfig::effectiveApiKey() const
{
    if (!apiKey.isEmpty())
        return apiKey;
    if (!apiKeyEnv.isEmpty())
        return qEnvironmentVariable(apiKeyEnv.toLocal8Bit().constData());
    return qEnvironmentVariable("OPENAI_API_KEY");
}

QStringList RunConfig::secretValues() const
{
    QStringList out;
    const auto add = [&out](const QString& s) {
        if (!s.isEmpty() && !SecretMask::isMask(s))
            out.append(s);
    };
    add(effectiveApiKey());
    add(QUrl(resolvedUrl()).password());
    for (const auto& [k, v] : headers) {
        if (SecretMask::isSecretHeader(k, secretHeaders))
            add(v);
    }
    return out;
}

QList<RunPoint> RunConfig::autoSweepAnchors() const
{
    const int n = number.isEmpty() ? 1 : std::max(1, number.first());
    const int maxParallel = parallel.isEmpty() ? 1 : std::max(1, parallel.first());
    return {RunPoint{1, n, -1.0}, openLoop ? RunPoint{-1, n, -1.0} : RunPoint{maxParallel, n, -1.0}};
}

QList<RunPoint> RunConfig::sweepPoints() const
{
    if (isAutoSweep()) // the anchors; the points between follow from their measured throughput (RunController)
        return autoSweepAnchors();
    QList<RunPoint> points;
    if (openLoop && isTraceReplay()) { // the trace brings its arrival times: one point per --number value
        for (const int n : number)
            points.append(RunPoint{-1, n, -1.0});
        return points;
    }
    if (openLoop) {
        for (qsizetype i = 0; i < std::min(rate.size(), number.size()); ++i)
            points.append(RunPoint{-1, number.at(i), rate.at(i)});
        return points;
    }
    const qsizetype count = std::min(parallel.size(), number.size());
    points.reserve(count);
    const double r = rate.isEmpty() ? -1.0 : rate.first();
    for (qsizetype i = 0; i < count; ++i)
        points.append(RunPoint{parallel.at(i), number.at(i), r});
    return points;
}

void RunConfig::validateSla(ConfigErrors& errors) const
{
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };
    if (!slaAutoTune)
        return;
    if (slaParams.trimmed().isEmpty())
        add("--sla-params",
            Tr::tr("is required with --sla-auto-tune, e.g. --sla-params '{\"p99_latency\": \"<=2s\"}'"));
    if (slaUpperBound < slaLowerBound)
        add("--sla-upper-bound", Tr::tr("%1 is below --sla-lower-bound %2").arg(slaUpperBound).arg(slaLowerBound));
    if (openLoop)
        add("--open-loop",
            Tr::tr("SLA auto-tune runs closed loop (--sla-variable rate paces arrivals within "
                   "--sla-fixed-parallel); drop --open-loop"));
    if (numRuns > 1)
        add("--num-runs", Tr::tr("repeats sweep points; SLA auto-tune repeats its probes with --sla-num-runs"));
}

void RunConfig::validateAutoSweep(ConfigErrors& errors) const
{
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };
    if (number.size() != 1)
        add("--number", Tr::tr("--sweep auto takes one --number (the requests of every point), got %1 values")
                            .arg(number.size()));
    if (!openLoop && parallel.size() != 1)
        add("--parallel",
            Tr::tr("--sweep auto takes one --parallel (the concurrency of the maximum-throughput point), got %1 "
                   "values")
                .arg(parallel.size()));
    if (!openLoop && !parallel.isEmpty() && parallel.first() < 2)
        add("--parallel",
            Tr::tr("--sweep auto needs the concurrency of the maximum-throughput point above 1, e.g. --parallel 64"));
    if (rate.size() != 1 || rate.first() != -1.0)
        add("--rate", Tr::tr("--sweep auto chooses the rates from the measured throughput; drop --rate"));
    if (isTraceReplay())
        add("--sweep", Tr::tr("workload_trace replays the trace's own timeline; drop --sweep auto"));
    if (slaAutoTune)
        add("--sweep", Tr::tr("SLA auto-tune chooses its own probes; drop --sweep auto or --sla-auto-tune"));
}

QList<RunPoint> RunConfig::runPoints() const
{
    const int repeats = std::max(1, numRuns);
    QList<RunPoint> points;
    for (const RunPoint& p : sweepPoints()) {
        for (int i = 0; i < repeats; ++i)
            points.append(p);
    }
    return points;
}

int RunConfig::sweepIndex(int runPointIndex) const
{
    return runPointIndex / std::max(1, numRuns);
}

ConfigErrors RunConfig::validate() const
{
    // Each field's own rule (type, range, choices, syntax) is declared with it in the parameter registry; what
    // follows are the rules between fields.
    ConfigErrors errors = ParameterRegistry::validateFields(*this);
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };

    if (isTraceReplay()) {
        if (!openLoop)
            add("--open-loop", Tr::tr("workload_trace replays the trace's own arrival times, whatever is in flight: "
                                      "add --open-loop"));
    } else if (isAutoSweep()) {
        // its own rules below
    } else if (openLoop) {
        for (double r : rate) {
            if (!(r > 0)) {
                add("--rate", Tr::tr("--open-loop needs arrival rates > 0 requests per second, e.g. --rate 5 10 20"));
                break;
            }
        }
        if (!number.isEmpty() && rate.size() != number.size()) {
            add("--number",
                Tr::tr("gives %1 value(s) but --rate gives %2; in open loop give one --number per --rate "
                       "value, e.g. --rate 5 10 --number 100 200")
                    .arg(number.size())
                    .arg(rate.size()));
        }
    } else if (!parallel.isEmpty() && !number.isEmpty() && parallel.size() != number.size()) {
        add("--number",
            Tr::tr("gives %1 value(s) but --parallel gives %2; give one --number per --parallel value, "
                   "e.g. --parallel 1 4 --number 20 80")
                .arg(number.size())
                .arg(parallel.size()));
    }
    if (minTokens && *minTokens > maxTokens)
        add("--min-tokens", Tr::tr("is %1, above --max-tokens %2").arg(*minTokens).arg(maxTokens));

    if (continuousUsage && apiKind() != ApiKind::Chat) {
        add("--continuous-usage",
            Tr::tr("applies to --api openai (chat/completions and completions); the Responses, embedding and rerank "
                   "APIs have no per-chunk usage"));
    } else if (continuousUsage && !stream) {
        add("--continuous-usage", Tr::tr("needs a streamed run: a whole answer carries one usage object; drop "
                                         "--no-stream or --continuous-usage"));
    }

    validateDataset(errors);
    validateMultiTurn(errors);
    validateSla(errors);
    if (isAutoSweep())
        validateAutoSweep(errors);
    return errors;
}

bool RunConfig::isTraceReplay() const
{
    return prompt.isEmpty() && dataset == u"workload_trace";
}

bool RunConfig::isMultiTurnDataset(const QString& dataset)
{
    return dataset.endsWith(u"_multi_turn") || dataset == u"swe_smith" || dataset.startsWith(u"trie_");
}

void RunConfig::validateMultiTurn(ConfigErrors& errors) const
{
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };
    const bool conversations = isMultiTurnDataset(dataset);
    if (!multiTurn) {
        if (conversations && prompt.isEmpty())
            add("--multi-turn", Tr::tr("dataset '%1' holds conversations: add --multi-turn").arg(dataset));
        return;
    }
    if (isTraceReplay()) {
        add("--multi-turn", Tr::tr("workload_trace replays single requests on the trace's timeline, not "
                                   "conversations; drop --multi-turn"));
        return;
    }
    if (!prompt.isEmpty() || !conversations) {
        add("--dataset",
            Tr::tr("--multi-turn needs a conversation dataset: random_multi_turn, share_gpt_zh_multi_turn, "
                   "share_gpt_en_multi_turn, custom_multi_turn, swe_smith, trie_agentic_coding, trie_code_qa or "
                   "trie_office_work (and no --prompt)"));
    }
    if (openLoop)
        add("--open-loop", Tr::tr("cannot be used with --multi-turn: turns wait for the previous reply; drop one"));
    if (apiKind() != ApiKind::Chat || !effectiveApplyChatTemplate())
        add("--api", Tr::tr("--multi-turn sends chat messages: use --api openai with a chat/completions URL"));
    if (dataset == u"random_multi_turn" && !maxTurns)
        add("--max-turns", Tr::tr("random_multi_turn needs the largest number of turns: pass --max-turns N"));
    if (maxTurns && *maxTurns < minTurns)
        add("--max-turns", Tr::tr("is %1, below --min-turns %2; raise it").arg(*maxTurns).arg(minTurns));
    if (!multiTurnArgs.trimmed().isEmpty()) {
        auto args = nlohmann::json::parse(multiTurnArgs.cbegin(), multiTurnArgs.cend(), nullptr, false);
        if (args.is_object())
            args.erase("num_workers"); // EvalScope promotes it to --num-workers, which has no effect here
        if (!args.is_object())
            add("--multi-turn-args", Tr::tr("must be a JSON object, e.g. --multi-turn-args '{}'"));
        else if (!args.empty())
            add("--multi-turn-args",
                Tr::tr("dataset '%1' takes no options; drop --multi-turn-args (deprecated: use --dataset-args)")
                    .arg(dataset));
    }
}

void RunConfig::validateDataset(ConfigErrors& errors) const
{
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };
    if (maxTokensUpper && *maxTokensUpper < maxTokens) {
        add("--max-tokens",
            Tr::tr("the range %1 %2 is reversed; give MIN MAX, e.g. --max-tokens 128 512").arg(maxTokens).arg(
                *maxTokensUpper));
    }
    if (kKnownDatasets.contains(dataset) && kLocalOnlyDatasets.contains(dataset) && prompt.isEmpty() && datasetPath.isEmpty()) {
        add("--dataset-path", Tr::tr("dataset '%1' reads a local file: pass --dataset-path FILE").arg(dataset));
    }
    const bool embeddingData = dataset.startsWith(u"embed") || dataset.startsWith(u"random_embedding");
    const bool rerankData = dataset == u"rerank" || dataset == u"random_rerank";
    if (prompt.isEmpty() && embeddingData && apiKind() != ApiKind::Embedding)
        add("--api", Tr::tr("dataset '%1' yields texts to embed: use --api openai_embedding").arg(dataset));
    if (prompt.isEmpty() && rerankData && apiKind() != ApiKind::Rerank)
        add("--api", Tr::tr("dataset '%1' yields a query and documents: use --api openai_rerank").arg(dataset));
    if (dataSource == u"local" && datasetPath.isEmpty() && prompt.isEmpty()
        && QStringList{QStringLiteral("openqa"), QStringLiteral("longalpaca"), QStringLiteral("share_gpt_zh"),
            QStringLiteral("share_gpt_en"), QStringLiteral("share_gpt_zh_multi_turn"),
            QStringLiteral("share_gpt_en_multi_turn"), QStringLiteral("trie_agentic_coding"),
            QStringLiteral("trie_code_qa"), QStringLiteral("trie_office_work")}
               .contains(dataset))
        add("--dataset-path", Tr::tr("--data-source local needs the dataset's file: pass --dataset-path FILE"));
    const bool needsTokenizer = kTokenizerDatasets.contains(dataset) && prompt.isEmpty();
    if (tokenizerPath.isEmpty()) {
        if (needsTokenizer) {
            add("--tokenizer-path",
                Tr::tr("dataset '%1' generates token sequences: pass --tokenizer-path MODEL_DIR or tokenizer.json")
                    .arg(dataset));
        }
        if (tokenizePrompt)
            add("--tokenize-prompt", Tr::tr("needs --tokenizer-path to turn prompts into token ids"));
    }
    if (prompt.isEmpty() && kImageDatasets.contains(dataset)) {
        if (apiKind() == ApiKind::Embedding || apiKind() == ApiKind::Rerank)
            add("--api", Tr::tr("dataset '%1' sends images in chat messages: use --api openai").arg(dataset));
        else if (tokenizePrompt)
            add("--tokenize-prompt", Tr::tr("cannot send images as token ids; drop it for dataset '%1'").arg(dataset));
        else if (apiKind() == ApiKind::Chat && !effectiveApplyChatTemplate())
            add("--dataset", Tr::tr("dataset '%1' sends images in chat messages: use a chat/completions URL "
                                    "without --no-apply-chat-template, or --api openai_responses")
                                 .arg(dataset));
    }
    if (tokenizePrompt && api.contains(u"respons"))
        add("--tokenize-prompt", Tr::tr("cannot be used with the Responses API; use --api openai"));
    if (maxPromptLength < minPromptLength) {
        add("--max-prompt-length",
            Tr::tr("is %1, below --min-prompt-length %2; raise it or lower the minimum")
                .arg(maxPromptLength)
                .arg(minPromptLength));
    }

    // --extra-args keys that datasets read (they are sent in the body too, as EvalScope does).
    const auto extra = jsonutil::tooDeep(extraArgs)
        ? nlohmann::json()
        : nlohmann::json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
    if (extra.is_object()) {
        for (const char* key : {"batch_size", "num_documents"}) {
            if (extra.contains(key) && !(extra[key].is_number_integer() && extra[key].get<qint64>() > 0))
                add("--extra-args", Tr::tr("\"%1\" must be a whole number > 0").arg(QString::fromLatin1(key)));
        }
        if (extra.contains("document_length_ratio")
            && !(extra["document_length_ratio"].is_number() && extra["document_length_ratio"].get<double>() > 0))
            add("--extra-args", Tr::tr("\"document_length_ratio\" must be a number > 0, e.g. 5"));
    }

    if (datasetArgs.trimmed().isEmpty())
        return;
    if (jsonutil::tooDeep(datasetArgs)) {
        add("--dataset-args", Tr::tr("nests arrays/objects deeper than %1 levels; flatten it").arg(jsonutil::kMaxDepth));
        return;
    }
    const auto args = nlohmann::json::parse(datasetArgs.cbegin(), datasetArgs.cend(), nullptr, false);
    if (args.is_discarded() || !args.is_object()) {
        add("--dataset-args", Tr::tr("must be a JSON object, e.g. --dataset-args '{\"target_input_len\": 1024}'"));
        return;
    }
    if (isTraceReplay() || dataset == u"swe_smith")
        return; // workload_trace's and swe_smith's own keys: checked by their loaders
    if (!args.empty() && !kLengthControlDatasets.contains(dataset)) {
        add("--dataset-args",
            Tr::tr("dataset '%1' takes no --dataset-args; the length-control keys apply to %2")
                .arg(dataset, kLengthControlDatasets.join(u", ")));
        return;
    }
    static const QStringList keys = {QStringLiteral("target_input_len"), QStringLiteral("input_len_mode"),
        QStringLiteral("prefix_file"), QStringLiteral("prefix_role")};
    for (const auto& [key, value] : args.items()) {
        if (!keys.contains(QString::fromStdString(key)))
            add("--dataset-args",
                Tr::tr("unknown key \"%1\"; the keys are %2").arg(QString::fromStdString(key), keys.join(u", ")));
    }
    const auto target = args.find("target_input_len");
    const bool hasTarget = target != args.end() && !target->is_null();
    if (hasTarget && !(target->is_number_integer() && target->get<qint64>() > 0))
        add("--dataset-args", Tr::tr("\"target_input_len\" must be a whole number of tokens > 0"));
    if (hasTarget && tokenizerPath.isEmpty())
        add("--tokenizer-path", Tr::tr("\"target_input_len\" counts tokens: pass --tokenizer-path"));
    const std::string mode = args.value("input_len_mode", std::string("cap"));
    if (mode != "cap" && mode != "drop")
        add("--dataset-args", Tr::tr("\"input_len_mode\" must be \"cap\" or \"drop\""));
    const std::string role = args.value("prefix_role", std::string("system"));
    if (role != "system" && role != "user")
        add("--dataset-args", Tr::tr("\"prefix_role\" must be \"system\" or \"user\""));
    if (const auto pf = args.find("prefix_file"); pf != args.end() && !pf->is_null()) {
        const QString file = pf->is_string() ? jsonutil::toQString(*pf) : QString();
        if (!QFileInfo(file).isFile())
            add("--dataset-args", Tr::tr("\"prefix_file\" '%1' is not a readable file").arg(file));
        if (!hasTarget)
            add("--dataset-args", Tr::tr("\"prefix_file\" needs \"target_input_len\", the length to pad to"));
        if (mode == "drop")
            add("--dataset-args", Tr::tr("\"prefix_file\" pads prompts, so it cannot be used with \"drop\""));
    }
}

QByteArray RunConfig::toJson(bool includeSecrets) const
{
    return ParameterRegistry::toJson(*this, includeSecrets);
}

RunConfig RunConfig::fromJson(const QByteArray& data, ConfigErrors* errors)
{
    return ParameterRegistry::fromJson(data, errors);
}

SloSpec RunConfig::slo() const
{
    QString error;
    return SloSpec::parse(goodput, &error).value_or(SloSpec());
}

} // namespace tl
