#include "config/runconfig.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

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

const QStringList kKnownApis = {QStringLiteral("openai")};
const QStringList kKnownDatasets
    = {QStringLiteral("builtin"), QStringLiteral("line_by_line"), QStringLiteral("openqa")};

QString stripSlash(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace

QString RunPoint::name() const
{
    if (parallel < 0) {
        QString r = QString::number(rate, 'g', 15);
        if (!r.contains(u'.') && !r.contains(u'e'))
            r += QStringLiteral(".0");
        return QStringLiteral("rate_%1_number_%2").arg(r).arg(number);
    }
    return QStringLiteral("parallel_%1_number_%2").arg(parallel).arg(number);
}

QString RunConfig::resolvedUrl() const
{
    QString stripped = stripSlash(url.trimmed());
    for (const QString& suffix : kEndpointSuffixes) {
        if (stripped.endsWith(suffix))
            return stripped;
    }
    return stripped + QStringLiteral("/chat/completions");
}

bool RunConfig::effectiveApplyChatTemplate() const
{
    if (applyChatTemplate)
        return *applyChatTemplate;
    return resolvedUrl().endsWith(QStringLiteral("chat/completions"));
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

    if (!extraArgs.trimmed().isEmpty()) {
        const auto parsed = nlohmann::json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            add("--extra-args", Tr::tr("must be a JSON object, e.g. --extra-args '{\"ignore_eos\": true}'"));
    }

    if (!kKnownDatasets.contains(dataset)) {
        add("--dataset",
            Tr::tr("unknown dataset '%1'; this version supports: %2").arg(dataset, kKnownDatasets.join(u", ")));
    } else if ((dataset == u"line_by_line" || dataset == u"openqa") && prompt.isEmpty()) {
        if (datasetPath.isEmpty())
            add("--dataset-path", Tr::tr("dataset '%1' needs a local file: pass --dataset-path FILE").arg(dataset));
        else if (!QFileInfo(datasetPath).isFile())
            add("--dataset-path", Tr::tr("'%1' does not exist or is not a file").arg(datasetPath));
    }
    if (prompt.startsWith(u'@') && !QFileInfo(prompt.mid(1)).isFile())
        add("--prompt", Tr::tr("'%1' does not exist; '@FILE' reads the prompt from FILE").arg(prompt.mid(1)));
    return errors;
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
    j["open_loop"] = openLoop;
    j["arrival_distribution"] = jsonutil::toStd(arrivalDistribution);
    j["burstiness"] = burstiness;
    j["sleep_interval"] = sleepInterval;
    j["warmup_num"] = warmupNum;
    j["duration"] = duration ? json(*duration) : json(nullptr);
    j["max_tokens"] = maxTokens;
    j["min_tokens"] = minTokens ? json(*minTokens) : json(nullptr);
    j["temperature"] = temperature;
    j["top_p"] = topP ? json(*topP) : json(nullptr);
    j["top_k"] = topK ? json(*topK) : json(nullptr);
    j["seed"] = seed ? json(*seed) : json(nullptr);
    j["extra_args"] = extraArgs.trimmed().isEmpty() ? json::object()
                                                    : json::parse(extraArgs.cbegin(), extraArgs.cend(), nullptr, false);
    j["apply_chat_template"] = effectiveApplyChatTemplate();
    j["prompt"] = prompt.isEmpty() ? json(nullptr) : json(jsonutil::toStd(prompt));
    j["dataset"] = jsonutil::toStd(dataset);
    j["dataset_path"] = datasetPath.isEmpty() ? json(nullptr) : json(jsonutil::toStd(datasetPath));
    j["connect_timeout"] = connectTimeout ? json(*connectTimeout) : json(nullptr);
    j["read_timeout"] = readTimeout ? json(*readTimeout) : json(nullptr);
    j["total_timeout"] = totalTimeout;
    j["no_test_connection"] = noTestConnection;
    j["outputs_dir"] = jsonutil::toStd(outputsDir);
    j["no_timestamp"] = noTimestamp;
    j["name"] = jsonutil::toStd(effectiveName());
    j["workers"] = workers;
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
    get("open_loop", c.openLoop);
    get("arrival_distribution", c.arrivalDistribution);
    get("burstiness", c.burstiness);
    get("sleep_interval", c.sleepInterval);
    get("warmup_num", c.warmupNum);
    get("duration", c.duration);
    get("max_tokens", c.maxTokens);
    get("min_tokens", c.minTokens);
    get("temperature", c.temperature);
    get("top_p", c.topP);
    get("top_k", c.topK);
    get("seed", c.seed);
    if (const auto it = j.find("extra_args"); it != j.end() && it->is_object() && !it->empty())
        c.extraArgs = jsonutil::dump(*it);
    get("prompt", c.prompt);
    get("dataset", c.dataset);
    get("dataset_path", c.datasetPath);
    get("connect_timeout", c.connectTimeout);
    get("read_timeout", c.readTimeout);
    get("total_timeout", c.totalTimeout);
    get("no_test_connection", c.noTestConnection);
    get("outputs_dir", c.outputsDir);
    get("no_timestamp", c.noTimestamp);
    get("name", c.name);
    get("workers", c.workers);
    get("project", c.project);
    return c;
}

} // namespace tl
