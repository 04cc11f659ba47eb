#include "config/runconfig.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

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

// EvalScope's API names and aliases (`local`/`local_vllm` start a model server in EvalScope; here they are
// accepted as the plain OpenAI API aimed at --url).
const QStringList kKnownApis = {QStringLiteral("openai"), QStringLiteral("local"), QStringLiteral("local_vllm"),
    QStringLiteral("openai_responses"), QStringLiteral("openai_response"), QStringLiteral("responses"),
    QStringLiteral("openai_embedding"), QStringLiteral("embedding"), QStringLiteral("openai_rerank"),
    QStringLiteral("rerank")};
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
};
// Datasets read only from --dataset-path (no hub copy).
const QStringList kLocalOnlyDatasets = {QStringLiteral("line_by_line"), QStringLiteral("custom"),
    QStringLiteral("embedding"), QStringLiteral("embed"), QStringLiteral("embedding_batch"), QStringLiteral("rerank")};
// Datasets that generate token sequences and need --tokenizer-path.
const QStringList kTokenizerDatasets = {QStringLiteral("random"), QStringLiteral("random_embedding"),
    QStringLiteral("random_embedding_batch"), QStringLiteral("random_rerank")};
// Datasets that accept --dataset-args' length-control keys (EvalScope's TextLengthArgs).
const QStringList kLengthControlDatasets = {QStringLiteral("openqa"), QStringLiteral("longalpaca"),
    QStringLiteral("line_by_line"), QStringLiteral("share_gpt_zh"), QStringLiteral("share_gpt_en")};

nlohmann::json stringList(const QStringList& items)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString& item : items)
        out.push_back(jsonutil::toStd(item));
    return out;
}

// A list of strings (or one string, or numbers written as numbers) from a saved configuration.
QStringList stringListFrom(const nlohmann::json& j, const char* key)
{
    QStringList out;
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return out;
    const nlohmann::json items = it->is_array() ? *it : nlohmann::json::array({*it});
    for (const auto& item : items)
        out.append(item.is_string() ? jsonutil::toQString(item) : QString::fromUtf8(jsonutil::dump(item)));
    return out;
}

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
    if (n.isEmpty())
        n = QStringLiteral("run");
    static const QString bad = QStringLiteral("<>:\"|?*\\/");
    for (QChar& c : n) {
        if (bad.contains(c) || c == QChar(0))
            c = u'_';
    }
    return n;
}

QList<RunPoint> RunConfig::runPoints() const
{
    QList<RunPoint> points;
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

ConfigErrors RunConfig::validate() const
{
    ConfigErrors errors;
    auto add = [&errors](const char* field, const QString& message) {
        errors.append(ConfigError{QString::fromLatin1(field), message});
    };

    if (model.trimmed().isEmpty())
        add("--model", Tr::tr("a model name is required; pass the name the server serves, e.g. --model Qwen3-8B"));
    if (!kKnownApis.contains(api))
        add("--api", Tr::tr("unknown API '%1'; this version supports: %2").arg(api, kKnownApis.join(u", ")));

    const QUrl u(url.trimmed(), QUrl::StrictMode);
    if (url.trimmed().isEmpty()) {
        add("--url", Tr::tr("an endpoint URL is required, e.g. --url http://127.0.0.1:8000/v1/chat/completions"));
    } else if (!u.isValid() || (u.scheme() != u"http" && u.scheme() != u"https") || u.host().isEmpty()) {
        add("--url", Tr::tr("'%1' is not an http(s) URL; use e.g. http://127.0.0.1:8000/v1/chat/completions").arg(url));
    }

    if (parallel.isEmpty())
        add("--parallel", Tr::tr("needs at least one value, e.g. --parallel 1 4 16"));
    for (int p : parallel) {
        if (p < 1) {
            add("--parallel", Tr::tr("every value must be a whole number >= 1 (got %1)").arg(p));
            break;
        }
    }
    if (number.isEmpty())
        add("--number", Tr::tr("needs at least one value, e.g. --number 100 400"));
    for (int n : number) {
        if (n < 1) {
            add("--number", Tr::tr("every value must be a whole number >= 1 (got %1)").arg(n));
            break;
        }
    }
    if (!QStringList{QStringLiteral("poisson"), QStringLiteral("gamma"), QStringLiteral("constant")}.contains(
            arrivalDistribution))
        add("--arrival-distribution", Tr::tr("must be poisson, gamma or constant (got '%1')").arg(arrivalDistribution));
    if (!(burstiness > 0))
        add("--burstiness", Tr::tr("must be > 0 (1 = Poisson; smaller is burstier)"));
    if (openLoop) {
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
    for (double r : rate) {
        if (!(r == -1.0 || r > 0.0)) {
            add("--rate", Tr::tr("must be -1 (no pacing) or a positive number of requests per second (got %1)").arg(r));
            break;
        }
    }
    if (maxTokens < 0)
        add("--max-tokens", Tr::tr("must be >= 0 (got %1)").arg(maxTokens));
    if (minTokens && *minTokens < 0)
        add("--min-tokens", Tr::tr("must be >= 0 (got %1)").arg(*minTokens));
    if (minTokens && *minTokens > maxTokens)
        add("--min-tokens", Tr::tr("is %1, above --max-tokens %2").arg(*minTokens).arg(maxTokens));
    if (!(warmupNum >= 0))
        add("--warmup-num", Tr::tr("must be >= 0: a count (>= 1) or a ratio of --number (between 0 and 1)"));
    if (duration && !(*duration > 0))
        add("--duration", Tr::tr("must be a positive number of seconds"));
    if (sleepInterval < 0)
        add("--sleep-interval", Tr::tr("must be >= 0 seconds (got %1)").arg(sleepInterval));
    if (connectTimeout && !(*connectTimeout > 0))
        add("--connect-timeout", Tr::tr("must be a positive number of seconds"));
    if (readTimeout && !(*readTimeout > 0))
        add("--read-timeout", Tr::tr("must be a positive number of seconds"));
    if (!(totalTimeout > 0))
        add("--total-timeout", Tr::tr("must be a positive number of seconds"));
    if (workers < 0)
        add("--workers", Tr::tr("must be >= 0 (0 = one worker thread per core)"));
    if (nChoices && *nChoices < 1)
        add("--n-choices", Tr::tr("must be at least 1"));
    if (port < 1 || port > 65535)
        add("--port", Tr::tr("must be a TCP port from 1 to 65535 (got %1)").arg(port));
    if (!(connectRate >= 0))
        add("--connect-rate", Tr::tr("must be >= 0 new connections per second (0 = no limit)"));
    if (const QString t = transport.trimmed().toLower(); t != u"auto" && t != u"lean" && t != u"qt")
        add("--transport", Tr::tr("must be auto, lean or qt (got '%1')").arg(transport));
    if (logEveryNQuery < 1)
        add("--log-every-n-query", Tr::tr("must be at least 1"));
    if (!caCert.isEmpty() && !QFileInfo(caCert).isFile())
        add("--ca-cert", Tr::tr("'%1' is not a file; give a PEM file of CA certificates").arg(caCert));

    if (!extraArgs.trimmed().isEmpty()) {
        const auto parsed = nlohmann::json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            add("--extra-args", Tr::tr("must be a JSON object, e.g. --extra-args '{\"ignore_eos\": true}'"));
    }

    if (continuousUsage && apiKind() != ApiKind::Chat) {
        add("--continuous-usage",
            Tr::tr("applies to --api openai (chat/completions and completions); the Responses, embedding and rerank "
                   "APIs have no per-chunk usage"));
    } else if (continuousUsage && !stream) {
        add("--continuous-usage", Tr::tr("needs a streamed run: a whole answer carries one usage object; drop "
                                         "--no-stream or --continuous-usage"));
    }

    validateDataset(errors);
    return errors;
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
    if (!kKnownDatasets.contains(dataset)) {
        add("--dataset",
            Tr::tr("unknown dataset '%1'; this version supports: %2").arg(dataset, kKnownDatasets.join(u", ")));
    } else if (kLocalOnlyDatasets.contains(dataset) && prompt.isEmpty() && datasetPath.isEmpty()) {
        add("--dataset-path", Tr::tr("dataset '%1' reads a local file: pass --dataset-path FILE").arg(dataset));
    }
    const bool embeddingData = dataset.startsWith(u"embed") || dataset.startsWith(u"random_embedding");
    const bool rerankData = dataset == u"rerank" || dataset == u"random_rerank";
    if (prompt.isEmpty() && embeddingData && apiKind() != ApiKind::Embedding)
        add("--api", Tr::tr("dataset '%1' yields texts to embed: use --api openai_embedding").arg(dataset));
    if (prompt.isEmpty() && rerankData && apiKind() != ApiKind::Rerank)
        add("--api", Tr::tr("dataset '%1' yields a query and documents: use --api openai_rerank").arg(dataset));
    if (!datasetPath.isEmpty() && !QFileInfo::exists(datasetPath))
        add("--dataset-path", Tr::tr("'%1' does not exist; give a dataset file or the folder holding it").arg(datasetPath));
    if (!dataSource.isEmpty() && dataSource != u"modelscope" && dataSource != u"huggingface" && dataSource != u"local")
        add("--data-source", Tr::tr("must be modelscope, huggingface or local (got '%1')").arg(dataSource));
    if (dataSource == u"local" && datasetPath.isEmpty() && prompt.isEmpty()
        && QStringList{QStringLiteral("openqa"), QStringLiteral("longalpaca"), QStringLiteral("share_gpt_zh"),
            QStringLiteral("share_gpt_en")}
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
    } else if (!QFileInfo::exists(tokenizerPath)) {
        add("--tokenizer-path",
            Tr::tr("'%1' does not exist; give a model folder or its tokenizer.json").arg(tokenizerPath));
    }
    if (tokenizePrompt && api.contains(u"respons"))
        add("--tokenize-prompt", Tr::tr("cannot be used with the Responses API; use --api openai"));
    if (prefixLength < 0)
        add("--prefix-length", Tr::tr("must be >= 0 tokens (got %1)").arg(prefixLength));
    if (minPromptLength < 0)
        add("--min-prompt-length", Tr::tr("must be >= 0 (got %1)").arg(minPromptLength));
    if (maxPromptLength < minPromptLength) {
        add("--max-prompt-length",
            Tr::tr("is %1, below --min-prompt-length %2; raise it or lower the minimum")
                .arg(maxPromptLength)
                .arg(minPromptLength));
    }
    if (datasetOffset < 0)
        add("--dataset-offset", Tr::tr("must be >= 0 (got %1)").arg(datasetOffset));
    if (!queryTemplate.isEmpty()) {
        QString error;
        if (parseJsonObjectArg(queryTemplate, &error).is_null())
            add("--query-template", error);
    }
    if (prompt.startsWith(u'@') && !QFileInfo(prompt.mid(1)).isFile())
        add("--prompt", Tr::tr("'%1' does not exist; '@FILE' reads the prompt from FILE").arg(prompt.mid(1)));

    // --extra-args keys that datasets read (they are sent in the body too, as EvalScope does).
    const auto extra = nlohmann::json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
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
    const auto args = nlohmann::json::parse(datasetArgs.cbegin(), datasetArgs.cend(), nullptr, false);
    if (args.is_discarded() || !args.is_object()) {
        add("--dataset-args", Tr::tr("must be a JSON object, e.g. --dataset-args '{\"target_input_len\": 1024}'"));
        return;
    }
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
    using nlohmann::json;
    json j;
    j["model"] = jsonutil::toStd(model);
    j["api"] = jsonutil::toStd(api);
    j["url"] = jsonutil::toStd(resolvedUrl());
    j["api_key"] = apiKey.isEmpty() ? json(nullptr) : json(includeSecrets ? jsonutil::toStd(apiKey) : "**********");
    json h = json::object();
    for (const auto& [k, v] : headers) {
        const bool secret = k.compare(u"authorization", Qt::CaseInsensitive) == 0
            || k.compare(u"x-api-key", Qt::CaseInsensitive) == 0;
        h[jsonutil::toStd(k)] = (secret && !includeSecrets) ? std::string("**********") : jsonutil::toStd(v);
    }
    j["headers"] = h;
    j["parallel"] = parallel;
    j["number"] = number;
    j["rate"] = rate;
    j["stream"] = stream;
    j["continuous_usage"] = continuousUsage;
    j["open_loop"] = openLoop;
    j["arrival_distribution"] = jsonutil::toStd(arrivalDistribution);
    j["burstiness"] = burstiness;
    j["sleep_interval"] = sleepInterval;
    j["warmup_num"] = warmupNum;
    j["duration"] = duration ? json(*duration) : json(nullptr);
    j["max_tokens"] = maxTokensUpper ? json::array({maxTokens, *maxTokensUpper}) : json(maxTokens);
    j["min_tokens"] = minTokens ? json(*minTokens) : json(nullptr);
    j["temperature"] = temperature;
    j["top_p"] = topP ? json(*topP) : json(nullptr);
    j["top_k"] = topK ? json(*topK) : json(nullptr);
    j["seed"] = seed ? json(*seed) : json(nullptr);
    j["frequency_penalty"] = frequencyPenalty ? json(*frequencyPenalty) : json(nullptr);
    j["repetition_penalty"] = repetitionPenalty ? json(*repetitionPenalty) : json(nullptr);
    j["logprobs"] = logprobs ? json(*logprobs) : json(nullptr);
    j["n_choices"] = nChoices ? json(*nChoices) : json(nullptr);
    j["stop"] = stop.isEmpty() ? json(nullptr) : stringList(stop);
    j["stop_token_ids"] = stopTokenIds.isEmpty() ? json(nullptr) : stringList(stopTokenIds);
    j["extra_args"] = extraArgs.trimmed().isEmpty() ? json::object()
                                                    : json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
    j["apply_chat_template"] = effectiveApplyChatTemplate();
    j["prompt"] = prompt.isEmpty() ? json(nullptr) : json(jsonutil::toStd(prompt));
    j["dataset"] = jsonutil::toStd(dataset);
    j["dataset_path"] = datasetPath.isEmpty() ? json(nullptr) : json(jsonutil::toStd(datasetPath));
    j["data_source"] = dataSource.isEmpty() ? json(nullptr) : json(jsonutil::toStd(dataSource));
    j["dataset_args"] = datasetArgs.trimmed().isEmpty()
        ? json(nullptr)
        : json::parse(datasetArgs.cbegin(), datasetArgs.cend(), nullptr, false);
    j["dataset_cache"] = datasetCache.isEmpty() ? json(nullptr) : json(jsonutil::toStd(datasetCache));
    j["tokenizer_path"] = tokenizerPath.isEmpty() ? json(nullptr) : json(jsonutil::toStd(tokenizerPath));
    j["prefix_length"] = prefixLength;
    j["min_prompt_length"] = minPromptLength;
    j["max_prompt_length"] = maxPromptLength;
    j["tokenize_prompt"] = tokenizePrompt;
    j["dataset_offset"] = datasetOffset;
    j["query_template"] = queryTemplate.isEmpty() ? json(nullptr) : json(jsonutil::toStd(queryTemplate));
    j["connect_timeout"] = connectTimeout ? json(*connectTimeout) : json(nullptr);
    j["read_timeout"] = readTimeout ? json(*readTimeout) : json(nullptr);
    j["total_timeout"] = totalTimeout;
    j["no_test_connection"] = noTestConnection;
    j["outputs_dir"] = jsonutil::toStd(outputsDir);
    j["no_timestamp"] = noTimestamp;
    j["name"] = jsonutil::toStd(effectiveName());
    j["workers"] = workers;
    j["port"] = port;
    j["insecure"] = insecure;
    j["ca_cert"] = caCert.isEmpty() ? json(nullptr) : json(jsonutil::toStd(caCert));
    j["no_proxy"] = noProxy;
    j["connect_rate"] = connectRate;
    j["transport"] = transport.toStdString();
    j["debug"] = debug;
    j["log_every_n_query"] = logEveryNQuery;
    j["enable_progress_tracker"] = enableProgressTracker;
    j["db_commit_interval"] = dbCommitInterval;
    j["queue_size_multiplier"] = queueSizeMultiplier;
    j["in_flight_task_multiplier"] = inFlightTaskMultiplier;
    j["num_workers"] = numWorkers;
    j["project"] = project.isEmpty() ? json(nullptr) : json(jsonutil::toStd(project));
    return jsonutil::dump(j, 4);
}

RunConfig RunConfig::fromJson(const QByteArray& data, ConfigErrors* errors)
{
    using nlohmann::json;
    RunConfig c;
    const json j = json::parse(data.cbegin(), data.cend(), nullptr, false);
    auto fail = [errors](const QString& field, const QString& message) {
        if (errors)
            errors->append(ConfigError{field, message});
    };
    if (j.is_discarded() || !j.is_object()) {
        fail(QString(), Tr::tr("the run configuration is not a JSON object"));
        return c;
    }
    auto get = [&](const char* key, auto& target) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null())
            return;
        try {
            using T = std::decay_t<decltype(target)>;
            if constexpr (std::is_same_v<T, QString>) {
                target = jsonutil::toQString(*it);
            } else if constexpr (std::is_same_v<T, QList<int>> || std::is_same_v<T, QList<double>>) {
                using V = typename T::value_type;
                target.clear();
                if (it->is_array()) {
                    for (const auto& v : *it)
                        target.append(v.get<V>());
                } else {
                    target.append(it->get<V>());
                }
            } else if constexpr (
                std::is_same_v<T,
                    std::optional<
                        int>> || std::is_same_v<T, std::optional<double>> || std::is_same_v<T, std::optional<qint64>> || std::is_same_v<T, std::optional<bool>>) {
                target = it->get<typename T::value_type>();
            } else {
                target = it->get<T>();
            }
        } catch (const json::exception&) {
            fail(QStringLiteral("--") + QString::fromLatin1(key).replace(u'_', u'-'),
                Tr::tr("has the wrong type in the saved configuration"));
        }
    };
    get("model", c.model);
    get("api", c.api);
    get("url", c.url);
    QString key;
    get("api_key", key);
    if (key != u"**********")
        c.apiKey = key;
    if (const auto it = j.find("headers"); it != j.end() && it->is_object()) {
        for (const auto& [k, v] : it->items()) {
            if (v.is_string())
                c.headers.append({QString::fromStdString(k), jsonutil::toQString(v)});
        }
    }
    get("parallel", c.parallel);
    get("number", c.number);
    get("rate", c.rate);
    get("stream", c.stream);
    get("continuous_usage", c.continuousUsage);
    get("open_loop", c.openLoop);
    get("arrival_distribution", c.arrivalDistribution);
    get("burstiness", c.burstiness);
    get("sleep_interval", c.sleepInterval);
    get("warmup_num", c.warmupNum);
    get("duration", c.duration);
    if (const auto it = j.find("max_tokens"); it != j.end() && it->is_array() && it->size() == 2
        && (*it)[0].is_number_integer() && (*it)[1].is_number_integer()) {
        c.maxTokens = (*it)[0].get<int>();
        c.maxTokensUpper = (*it)[1].get<int>();
    } else {
        get("max_tokens", c.maxTokens);
    }
    get("min_tokens", c.minTokens);
    get("temperature", c.temperature);
    get("top_p", c.topP);
    get("top_k", c.topK);
    get("seed", c.seed);
    get("frequency_penalty", c.frequencyPenalty);
    get("repetition_penalty", c.repetitionPenalty);
    get("logprobs", c.logprobs);
    get("n_choices", c.nChoices);
    c.stop = stringListFrom(j, "stop");
    c.stopTokenIds = stringListFrom(j, "stop_token_ids");
    if (const auto it = j.find("extra_args"); it != j.end() && it->is_object() && !it->empty())
        c.extraArgs = jsonutil::dump(*it);
    get("prompt", c.prompt);
    get("dataset", c.dataset);
    get("dataset_path", c.datasetPath);
    get("data_source", c.dataSource);
    if (const auto it = j.find("dataset_args"); it != j.end() && it->is_object() && !it->empty())
        c.datasetArgs = jsonutil::dump(*it);
    get("dataset_cache", c.datasetCache);
    get("tokenizer_path", c.tokenizerPath);
    get("prefix_length", c.prefixLength);
    get("min_prompt_length", c.minPromptLength);
    get("max_prompt_length", c.maxPromptLength);
    get("tokenize_prompt", c.tokenizePrompt);
    get("dataset_offset", c.datasetOffset);
    get("query_template", c.queryTemplate);
    get("connect_timeout", c.connectTimeout);
    get("read_timeout", c.readTimeout);
    get("total_timeout", c.totalTimeout);
    get("no_test_connection", c.noTestConnection);
    get("outputs_dir", c.outputsDir);
    get("no_timestamp", c.noTimestamp);
    get("name", c.name);
    get("workers", c.workers);
    get("port", c.port);
    get("insecure", c.insecure);
    get("ca_cert", c.caCert);
    get("no_proxy", c.noProxy);
    get("connect_rate", c.connectRate);
    get("transport", c.transport);
    get("debug", c.debug);
    get("log_every_n_query", c.logEveryNQuery);
    get("enable_progress_tracker", c.enableProgressTracker);
    get("db_commit_interval", c.dbCommitInterval);
    get("queue_size_multiplier", c.queueSizeMultiplier);
    get("in_flight_task_multiplier", c.inFlightTaskMultiplier);
    get("num_workers", c.numWorkers);
    get("project", c.project);
    return c;
}

} // namespace tl
