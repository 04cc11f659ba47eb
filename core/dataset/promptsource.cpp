#include "dataset/promptsource.h"

#include "config/runconfig.h"
#include "dataset/conversationsource.h"
#include "dataset/datasetdownloader.h"
#include "dataset/filepromptsource.h"
#include "dataset/hubdataset.h"
#include "dataset/hubresolver.h"
#include "dataset/imagepromptsource.h"
#include "dataset/listpromptsource.h"
#include "dataset/promptshaper.h"
#include "dataset/randompromptsource.h"
#include "dataset/recordparser.h"
#include "dataset/tracesource.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <random>

namespace tl {

namespace {

ConfigError fail(const char* field, const QString& message)
{
    return ConfigError{QString::fromLatin1(field), message};
}

// Reports download progress on the log at most every two seconds when the caller gave no callback.
PromptSource::Progress loggingProgress(const QString& what)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer, what](qint64 received, qint64 total) {
        if (timer->elapsed() < 2000 && received != total)
            return;
        timer->restart();
        if (total > 0)
            qInfo("dataset: downloading %s: %.1f of %.1f MB", qPrintable(what), double(received) / 1e6,
                  double(total) / 1e6);
        else
            qInfo("dataset: downloading %s: %.1f MB", qPrintable(what), double(received) / 1e6);
    };
}

// The hub entry of the dataset `config` names and the hub it is read from; nullopt + *error when it is not a hub
// dataset or not on the hub --data-source names.
struct HubSource {
    HubDataset hub;
    QString source; // "modelscope" or "huggingface"
    QString dir; // its folder in the cache
};
std::optional<HubSource> hubSource(const RunConfig& config, ConfigError* error)
{
    const std::optional<HubDataset> hub = HubDataset::forDataset(config.dataset);
    if (!hub) {
        *error = fail(
            "--dataset-path", Tr::tr("dataset '%1' reads a local file: pass --dataset-path FILE").arg(config.dataset));
        return std::nullopt;
    }
    const QString source = config.dataSource.isEmpty() ? QStringLiteral("modelscope") : config.dataSource;
    if (source == u"local") {
        *error = fail("--dataset-path",
            Tr::tr("--data-source local needs the dataset's file: pass --dataset-path "
                   "%1")
                .arg(hub->describe()));
        return std::nullopt;
    }
    if (!hub->isOn(source)) {
        *error = fail("--data-source",
            Tr::tr("dataset '%1' is only on ModelScope; use --data-source modelscope or "
                   "--dataset-path FILE")
                .arg(config.dataset));
        return std::nullopt;
    }
    return HubSource{*hub, source, hub->cacheDir(HubDataset::cacheRoot(config.datasetCache), source)};
}

// The files a dataset reads: --dataset-path (a file, or a folder holding the hub's files), else the cached hub
// copy, downloaded first when missing (a split dataset's files named by the hub's listing first).
QStringList resolveDatasetFiles(const RunConfig& config, const PromptSource::Progress& progress, ConfigError* error)
{
    const std::optional<HubDataset> hub = HubDataset::forDataset(config.dataset);
    if (!config.datasetPath.isEmpty()) {
        const QFileInfo info(config.datasetPath);
        if (info.isFile())
            return {config.datasetPath};
        if (info.isDir() && hub) {
            const QStringList found = hub->localFiles(config.datasetPath);
            if (found.isEmpty()) {
                *error = fail("--dataset-path",
                    Tr::tr("'%1' holds no %2; pass the dataset file itself").arg(config.datasetPath, hub->describe()));
                return {};
            }
            QStringList paths;
            for (const QString& f : found)
                paths.append(QDir(config.datasetPath).filePath(f));
            return paths;
        }
        *error = fail("--dataset-path",
            Tr::tr("'%1' is not a file; dataset '%2' reads one file").arg(config.datasetPath, config.dataset));
        return {};
    }
    const std::optional<HubSource> target = hubSource(config, error);
    if (!target)
        return {};
    // Once downloaded, the cache answers: no request to the hub (offline runs work).
    QStringList files = target->hub.split.isEmpty() ? QStringList{target->hub.file} : target->hub.localFiles(target->dir);
    if (files.isEmpty()) {
        QString listError;
        files = HubResolver::resolve(target->hub, target->source, config.dataset, &listError);
        if (files.isEmpty()) {
            *error = fail("--dataset", Tr::tr("%1; for offline use download %2 yourself and pass --dataset-path")
                                           .arg(listError, target->hub.describe()));
            return {};
        }
    }
    QStringList paths;
    for (const QString& f : std::as_const(files)) {
        const QString path = target->dir + u'/' + f;
        paths.append(path);
        if (QFileInfo(path).isFile())
            continue;
        QString downloadError;
        if (!DatasetDownloader::download(target->hub.fileUrl(target->source, f), path,
                progress ? progress : loggingProgress(f), &downloadError)) {
            *error = fail("--dataset", Tr::tr("%1; for offline use download %2 yourself and pass --dataset-path FILE")
                                           .arg(downloadError, f));
            return {};
        }
    }
    return paths;
}

} // namespace

QString PromptSource::datasetFile(const RunConfig& config, const Progress& progress, ConfigError* error)
{
    return resolveDatasetFiles(config, progress, error).value(0);
}

QStringList PromptSource::datasetFiles(const RunConfig& config, const Progress& progress, ConfigError* error)
{
    return resolveDatasetFiles(config, progress, error);
}

namespace {

qint64 itemsNeeded(const RunConfig& config)
{
    qint64 needed = 1;
    for (const RunPoint& p : config.runPoints())
        needed = std::max<qint64>(needed, qint64(p.number) + config.warmupCount(p.number));
    return needed;
}

// The prompt's tokens as the client tokenizer counts them, for requests the server answers without usage: chat
// prompts through the chat template with the generation prompt (what a chat server tokenizes; the random dataset
// counts the same way), plain prompts and Responses input without special tokens (EvalScope's fallback). Embedding
// and rerank inputs as an embedding server tokenizes them: each input with the special tokens ([CLS] ... [SEP]),
// and each (query, document) pair of a rerank request as one sequence pair through the post-processor's pair form,
// summed over the documents (EvalScope's fallback encodes them bare and counts the query once, short by the special
// tokens and the repeated query). -1 when it cannot be counted as the server would (chat messages with a tokenizer
// that has no chat template, a rerank tokenizer without a known pair form, a body of an unknown shape).
qint64 countPromptTokens(const DatasetOptions& o, const PromptItem& item)
{
    const Tokenizer& tok = *o.tokenizer;
    const ChatTemplate* tmpl = tok.chatTemplate();
    const auto countText = [&tok](const std::string& text) { return qint64(tok.count(text)); };
    const auto countQString = [&countText](const QString& text) { return countText(text.toStdString()); };
    const auto countChat = [&](const nlohmann::json& messages) -> qint64 {
        if (!tmpl || !messages.is_array())
            return -1;
        QString error;
        const std::optional<std::string> rendered = tmpl->render(messages, true, &error);
        return rendered ? countText(*rendered) : -1;
    };
    switch (item.kind) {
    case PromptItem::Kind::Text:
        if (o.chat && tmpl)
            return countChat(nlohmann::json::array({{{"role", "user"}, {"content", item.text.toStdString()}}}));
        return countQString(item.text);
    case PromptItem::Kind::Messages:
        return countChat(nlohmann::json::parse(item.messages.cbegin(), item.messages.cend(), nullptr, false));
    case PromptItem::Kind::Body: {
        const auto body = nlohmann::json::parse(item.body.cbegin(), item.body.cend(), nullptr, false);
        if (!body.is_object())
            return -1;
        if (const auto it = body.find("messages"); it != body.end())
            return countChat(*it);
        if (const auto it = body.find("prompt"); it != body.end() && it->is_string())
            return countText(it->get<std::string>());
        if (const auto it = body.find("input"); it != body.end() && it->is_string())
            return countText(it->get<std::string>());
        return -1;
    }
    case PromptItem::Kind::TokenIds:
        return item.tokenIds.size();
    case PromptItem::Kind::Embedding: {
        qint64 n = 0;
        for (const QString& input : item.inputs)
            n += qint64(tok.encode(input.toStdString(), true).size());
        return n;
    }
    case PromptItem::Kind::Rerank: {
        if (!tok.hasPairTemplate())
            return -1;
        const std::string query = item.query.toStdString();
        qint64 n = 0;
        for (const QString& document : item.documents)
            n += qint64(tok.encodePair(query, document.toStdString(), true).size());
        return n;
    }
    }
    return -1;
}

} // namespace

PromptSource::PromptSource(std::shared_ptr<const DatasetOptions> options)
    : m_options(std::move(options))
{
}

PromptSource::~PromptSource() = default;

std::shared_ptr<const PromptSource> PromptSource::withDatasetOffset(qint64) const
{
    return shared_from_this();
}

qint64 PromptSource::countTokens(const DatasetOptions& options, const PromptItem& item)
{
    return options.tokenizer ? countPromptTokens(options, item) : -1;
}

ConfigError PromptSource::failureAt(qint64) const
{
    return {};
}

PromptItem PromptSource::prepare(PromptItem item, qint64 seq) const
{
    const DatasetOptions& o = *m_options;
    if (o.maxTokensRange && !item.maxTokens) {
        std::mt19937_64 rng(o.seed ^ (quint64(seq) * 0x9E3779B97F4A7C15ULL) ^ 0x6D6178746F6BULL);
        item.maxTokens = std::uniform_int_distribution<int>(o.maxTokensRange->first, o.maxTokensRange->second)(rng);
    }
    if (o.tokenizePrompt && o.tokenizer
        && (item.kind == PromptItem::Kind::Text || item.kind == PromptItem::Kind::Messages)) {
        // EvalScope: strings are encoded without special tokens, chat messages through the chat template.
        std::string text;
        const ChatTemplate* tmpl = o.tokenizer->chatTemplate();
        nlohmann::json messages;
        if (item.kind == PromptItem::Kind::Messages && !jsonutil::tooDeep(item.messages))
            messages = nlohmann::json::parse(item.messages.cbegin(), item.messages.cend(), nullptr, false);
        else if (o.chat && tmpl)
            messages = nlohmann::json::array({{{"role", "user"}, {"content", item.text.toStdString()}}});
        if (tmpl && messages.is_array()) {
            QString renderError;
            if (auto rendered = tmpl->render(messages, true, &renderError))
                text = std::move(*rendered);
            else
                qWarning("dataset: cannot render the chat template for --tokenize-prompt: %s", qPrintable(renderError));
        }
        if (text.empty() && item.kind == PromptItem::Kind::Text)
            text = item.text.toStdString();
        if (!text.empty()) {
            const std::vector<int32_t> ids = o.tokenizer->encode(text, false);
            item.kind = PromptItem::Kind::TokenIds;
            item.tokenIds = QList<qint32>(ids.begin(), ids.end());
            item.promptTokens = qint64(ids.size());
        }
    }
    // Every dataset, not only random: a server that sends no usage still gets its input counted (Avg Input Tokens,
    // total throughput). Counted here, on the prefetcher's thread, never on a worker's.
    if (o.tokenizer && item.promptTokens < 0)
        item.promptTokens = countPromptTokens(o, item);
    return item;
}

std::optional<PromptSource::Download> PromptSource::pendingDownload(const RunConfig& config)
{
    if (!config.prompt.isEmpty() || !config.datasetPath.isEmpty())
        return std::nullopt;
    ConfigError ignored; // load() reports it
    const std::optional<HubSource> target = hubSource(config, &ignored);
    if (!target)
        return std::nullopt;
    if (!target->hub.split.isEmpty()) { // the files are named by the listing, which load() reads first
        if (!target->hub.localFiles(target->dir).isEmpty())
            return std::nullopt;
        return Download{target->hub.listingUrl(target->source), target->dir, true};
    }
    const QString file = target->dir + u'/' + target->hub.file;
    if (QFileInfo(file).isFile())
        return std::nullopt;
    return Download{target->hub.fileUrl(target->source, target->hub.file), file};
}

std::shared_ptr<const PromptSource> PromptSource::load(const RunConfig& config, ConfigError* error,
                                                       const Progress& progress)
{
    std::optional<DatasetOptions> resolved = DatasetOptions::fromConfig(config, error);
    if (!resolved)
        return nullptr;
    const auto options = std::make_shared<const DatasetOptions>(std::move(*resolved));

    if (!config.prompt.isEmpty()) {
        QString text = config.prompt;
        if (text.startsWith(u'@')) {
            QFile f(text.mid(1));
            if (!f.open(QIODevice::ReadOnly)) {
                *error = fail("--prompt", Tr::tr("cannot read '%1': %2").arg(text.mid(1), f.errorString()));
                return nullptr;
            }
            text = QString::fromUtf8(f.readAll());
        }
        return std::make_shared<ListPromptSource>(options, QList<PromptItem>{PromptItem{text}});
    }
    const QString& dataset = config.dataset;
    if (config.multiTurn || RunConfig::isMultiTurnDataset(dataset))
        return ConversationSource::load(config, error, progress);
    if (dataset == u"workload_trace")
        return TraceSource::load(config, error);
    if (dataset == u"builtin") {
        QList<PromptItem> items;
        for (const QString& p : builtinPrompts())
            items.append(PromptItem{p});
        return std::make_shared<ListPromptSource>(options, items);
    }
    if (dataset.startsWith(u"speed_benchmark")) {
        // EvalScope: '熵' repeated L times for each length, twice each, sent as plain completions prompts.
        const QList<int> lengths = dataset == u"speed_benchmark_long" ? QList<int>{63488, 129024}
                                                                      : QList<int>{1, 6144, 14336, 30720};
        QList<PromptItem> items;
        for (const int length : lengths) {
            const QString text(length, QChar(0x71B5));
            items.append(PromptItem{text});
            items.append(PromptItem{text});
        }
        return std::make_shared<ListPromptSource>(options, items);
    }
    if (dataset.startsWith(u"random")) {
        RandomPromptSource::Mode mode = RandomPromptSource::Mode::Text;
        if (dataset == u"random_embedding")
            mode = RandomPromptSource::Mode::Embedding;
        else if (dataset == u"random_embedding_batch")
            mode = RandomPromptSource::Mode::EmbeddingBatch;
        else if (dataset == u"random_rerank")
            mode = RandomPromptSource::Mode::Rerank;
        else if (dataset == u"random_vl")
            mode = RandomPromptSource::Mode::VisionLanguage;
        QString message;
        auto source = RandomPromptSource::create(mode, options, &message);
        if (!source)
            *error = fail(options->tokenizer ? "--dataset" : "--tokenizer-path", message);
        return source;
    }

    if (dataset == u"flickr8k" || dataset == u"kontext_bench") {
        // A folder of images, unless it holds the hub's files (flickr8k's test/0.tar shard, kontext_bench's test
        // split as Parquet files), which are then read as the hub copy is.
        QStringList paths{config.datasetPath};
        const std::optional<HubDataset> hub = HubDataset::forDataset(dataset);
        const bool imageFolder = !config.datasetPath.isEmpty() && QFileInfo(config.datasetPath).isDir()
            && (hub->split.isEmpty() ? !QFileInfo::exists(QDir(config.datasetPath).filePath(hub->file))
                                     : hub->localFiles(config.datasetPath).isEmpty());
        if (!imageFolder) {
            paths = resolveDatasetFiles(config, progress, error);
            if (paths.isEmpty())
                return nullptr;
        }
        QString message;
        auto source = ImagePromptSource::open(paths, options, &message,
            HubDataset::cacheRoot(config.datasetCache) + QStringLiteral("/extracted"));
        if (!source)
            *error = fail("--dataset-path", message);
        return source;
    }

    const QString path = resolveDatasetFiles(config, progress, error).value(0);
    if (path.isEmpty())
        return nullptr;
    QString message;
    auto shaper = PromptShaper::create(options, &message);
    if (!shaper) {
        *error = fail("--dataset-args", message);
        return nullptr;
    }
    auto parser = RecordParser::create(dataset, path, shaper);
    if (!parser) {
        *error = fail("--dataset", Tr::tr("unknown dataset '%1'").arg(dataset));
        return nullptr;
    }
    const int batch = dataset == u"embedding_batch" ? options->batchSize : 0;
    auto source = FilePromptSource::open(path, std::move(parser), batch, itemsNeeded(config), options, &message);
    if (!source)
        *error = fail("--dataset-path", message);
    return source;
}

QStringList PromptSource::builtinPrompts()
{
    return {
        QStringLiteral("What is the capital of Australia, and why was it chosen?"),
        QStringLiteral("Explain how a refrigerator keeps food cold."),
        QStringLiteral("Why is the sky blue during the day and red at sunset?"),
        QStringLiteral("Give three tips for writing clear technical documentation."),
        QStringLiteral("How does compound interest work? Give a short example."),
        QStringLiteral("What is the difference between a virus and a bacterium?"),
        QStringLiteral("Summarise the plot of Romeo and Juliet in two sentences."),
        QStringLiteral("How do vaccines train the immune system?"),
        QStringLiteral("What causes the seasons on Earth?"),
        QStringLiteral("Write a haiku about a quiet mountain lake."),
        QStringLiteral("What are the main differences between TCP and UDP?"),
        QStringLiteral("How should I prepare for a job interview as a software engineer?"),
        QStringLiteral("Explain recursion to a ten-year-old."),
        QStringLiteral("What is photosynthesis and why does it matter?"),
        QStringLiteral("List five healthy breakfast ideas that take under ten minutes."),
        QStringLiteral("How does a hash table handle collisions?"),
        QStringLiteral("Why do cats purr?"),
        QStringLiteral("What is the greenhouse effect?"),
        QStringLiteral("Translate 'good morning, how are you?' into French and Spanish."),
        QStringLiteral("What is the Pythagorean theorem? Show one use of it."),
        QStringLiteral("How do noise-cancelling headphones work?"),
        QStringLiteral("Describe the water cycle in simple terms."),
        QStringLiteral("What makes a good password?"),
        QStringLiteral("Explain the difference between weather and climate."),
        QStringLiteral("How does GPS determine your location?"),
        QStringLiteral("What are black holes made of?"),
        QStringLiteral("Suggest a name for a bakery that specialises in sourdough."),
        QStringLiteral("Why does bread go stale?"),
        QStringLiteral("What is the role of the mitochondria in a cell?"),
        QStringLiteral("How do I reverse a linked list? Describe the idea."),
        QStringLiteral("What were the main causes of the First World War?"),
        QStringLiteral("Explain what an API is with an everyday analogy."),
        QStringLiteral("How can I improve my sleep quality?"),
        QStringLiteral("What is inflation and how is it measured?"),
        QStringLiteral("Why do leaves change colour in autumn?"),
        QStringLiteral("Explain big-O notation briefly."),
        QStringLiteral("What is the tallest mountain in the solar system?"),
        QStringLiteral("How do airplanes stay in the air?"),
        QStringLiteral("Give a short definition of machine learning."),
        QStringLiteral("What is the best way to learn a new language as an adult?"),
    };
}

} // namespace tl
