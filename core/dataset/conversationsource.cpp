#include "dataset/conversationsource.h"

#include "config/runconfig.h"
#include "dataset/parquetreader.h"
#include "dataset/promptshaper.h"
#include "dataset/randompromptsource.h"
#include "dataset/recordreader.h"
#include "dataset/swesmithbuilder.h"
#include "dataset/trieworkload.h"
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <QFile>

#include <random>

namespace tl {

namespace {

using nlohmann::json;

json parseRecord(const QByteArray& record)
{
    if (jsonutil::tooDeep(record))
        return json(json::value_t::discarded);
    return json::parse(record.cbegin(), record.cend(), nullptr, false);
}

// The text of the conversation's first user message when it is a string (the length filter's measure).
std::optional<QString> firstUserText(const Conversation& c)
{
    for (const ConversationTurn& t : c) {
        for (const json& m : t.messages) {
            if (m.value("role", std::string()) == "user") {
                const auto content = m.find("content");
                if (content != m.end() && content->is_string())
                    return jsonutil::toQString(*content);
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

} // namespace

ConversationSource::ConversationSource(std::shared_ptr<const DatasetOptions> options, std::optional<int> maxTurns)
    : PromptSource(std::move(options))
    , m_maxTurns(maxTurns)
{
}

std::optional<Conversation> ConversationSource::fromCustomLine(const QByteArray& line, QString* why)
{
    const json j = parseRecord(line);
    if (j.is_discarded() || !j.is_array()) {
        *why = Tr::tr("not a JSON array of {\"role\", \"content\"} messages");
        return std::nullopt;
    }
    // EvalScope: assistant messages are turn boundaries (their content is discarded); a turn's delta is every
    // other message since the last boundary, so a system message joins turn 1.
    Conversation out;
    ConversationTurn turn;
    for (const json& m : j) {
        if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content")) {
            *why = Tr::tr("each message must be an object with \"role\" and \"content\"");
            return std::nullopt;
        }
        if (m["role"] == "assistant") {
            if (!turn.messages.empty())
                out.append(std::move(turn));
            turn = ConversationTurn{};
            continue;
        }
        turn.messages.push_back({{"role", m["role"]}, {"content", m["content"]}});
    }
    if (!turn.messages.empty())
        out.append(std::move(turn));
    if (out.isEmpty()) {
        *why = Tr::tr("no user message");
        return std::nullopt;
    }
    return out;
}

std::optional<Conversation> ConversationSource::fromShareGptLine(const QByteArray& line, QString* why)
{
    const json j = parseRecord(line);
    if (j.is_discarded() || !j.is_object() || !j.contains("conversation") || !j["conversation"].is_array()) {
        *why = Tr::tr("expected a JSON object with a \"conversation\" array of {\"human\", \"assistant\"}");
        return std::nullopt;
    }
    // One turn per non-empty human message; the dataset's assistant replies are discarded (the model's fill in).
    Conversation out;
    for (const json& t : j["conversation"]) {
        if (!t.is_object())
            continue;
        const auto human = t.find("human");
        if (human == t.end() || !human->is_string() || human->get_ref<const std::string&>().empty())
            continue;
        ConversationTurn turn;
        turn.messages.push_back({{"role", "user"}, {"content", *human}});
        out.append(std::move(turn));
    }
    if (out.isEmpty()) {
        *why = Tr::tr("no human turn");
        return std::nullopt;
    }
    return out;
}

QByteArray ConversationSource::encode(const Conversation& conversation)
{
    json out = json::array();
    for (const ConversationTurn& t : conversation) {
        json turn = {{"messages", t.messages}};
        if (t.maxTokens)
            turn["max_tokens"] = *t.maxTokens;
        if (t.toolCallLatencyS > 0)
            turn["tool_call_latency"] = t.toolCallLatencyS;
        out.push_back(std::move(turn));
    }
    return jsonutil::dump(out);
}

std::optional<Conversation> ConversationSource::decode(const QByteArray& data)
{
    const json j = json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!j.is_array())
        return std::nullopt;
    Conversation out;
    for (const json& t : j) {
        if (!t.is_object() || !t.contains("messages") || !t["messages"].is_array())
            return std::nullopt;
        ConversationTurn turn;
        turn.messages = t["messages"];
        if (const auto it = t.find("max_tokens"); it != t.end() && it->is_number_integer())
            turn.maxTokens = it->get<int>();
        if (const auto it = t.find("tool_call_latency"); it != t.end() && it->is_number())
            turn.toolCallLatencyS = std::max(0.0, it->get<double>());
        out.append(std::move(turn));
    }
    return out;
}

Conversation ConversationSource::truncated(Conversation c) const
{
    if (m_maxTurns && c.size() > *m_maxTurns)
        c.resize(*m_maxTurns);
    return c;
}

Conversation ConversationSource::conversation(qint64 index) const
{
    return decode(itemAt(index).body).value_or(Conversation{});
}

PromptItem ConversationSource::itemAt(qint64 seq) const
{
    PromptItem item;
    item.kind = PromptItem::Kind::Body;
    if (m_trie) { // the row's synthetic turns, a pure function of (seed, index)
        const std::optional<TrieWorkload::Row> row
            = TrieWorkload::decodeRow(m_conversations.at(qsizetype(seq % m_conversations.size())));
        const quint64 seed = options().seed ^ (quint64(seq + 1) * 0xD1B54A32D192ED03ULL) ^ 0x74726965ULL;
        item.body = encode(row ? truncated(TrieWorkload::conversation(*row, *options().tokenizer, m_vocabulary, seed))
                               : Conversation{});
        return item;
    }
    if (!m_random) {
        item.body = m_conversations.at(qsizetype(seq % m_conversations.size()));
        return item;
    }
    // random_multi_turn: the turn count and each turn's window are a pure function of (seed, index).
    const int maxTurns = m_maxTurns.value_or(m_minTurns);
    std::mt19937_64 rng(options().seed ^ (quint64(seq) * 0x9E3779B97F4A7C15ULL) ^ 0x7475726E73ULL);
    const int turns = std::uniform_int_distribution<int>(m_minTurns, std::max(m_minTurns, maxTurns))(rng);
    Conversation c;
    for (int k = 0; k < turns; ++k) {
        const PromptItem p = m_random->at(seq * qint64(maxTurns) + k);
        ConversationTurn turn;
        turn.messages.push_back({{"role", "user"}, {"content", jsonutil::toStd(p.text)}});
        c.append(std::move(turn));
    }
    item.body = encode(c);
    return item;
}

std::shared_ptr<const ConversationSource> ConversationSource::load(
    const RunConfig& config, ConfigError* error, const Progress& progress)
{
    auto fail = [error](const char* field, const QString& message) {
        *error = ConfigError{QString::fromLatin1(field), message};
        return nullptr;
    };
    std::optional<DatasetOptions> resolved = DatasetOptions::fromConfig(config, error);
    if (!resolved)
        return nullptr;
    if (config.dataset == u"random_multi_turn") {
        // EvalScope: no chat-template subtraction, --tokenize-prompt ignored (turns are always chat messages).
        DatasetOptions turnOptions = *resolved;
        turnOptions.chat = false;
        turnOptions.tokenizePrompt = false;
        turnOptions.maxTokensRange.reset();
        if (config.tokenizePrompt)
            qWarning("dataset: random_multi_turn ignores --tokenize-prompt: turns are sent as chat messages");
        QString message;
        auto random = RandomPromptSource::create(
            RandomPromptSource::Mode::Text, std::make_shared<const DatasetOptions>(std::move(turnOptions)), &message);
        if (!random)
            return fail(resolved->tokenizer ? "--dataset" : "--tokenizer-path", message);
        auto source = std::shared_ptr<ConversationSource>(new ConversationSource(
            std::make_shared<const DatasetOptions>(std::move(*resolved)), config.maxTurns));
        source->m_random = std::move(random);
        source->m_minTurns = config.minTurns;
        return source;
    }

    const QString path = PromptSource::datasetFile(config, progress, error);
    if (path.isEmpty())
        return nullptr;
    const auto options = std::make_shared<const DatasetOptions>(std::move(*resolved));
    if (config.dataset == u"swe_smith")
        return loadSweSmith(config, options, path, error);
    const bool trie = config.dataset.startsWith(u"trie_");
    if (trie && !options->tokenizer)
        return fail("--tokenizer-path",
            Tr::tr("dataset '%1' generates token sequences: pass --tokenizer-path MODEL_DIR or tokenizer.json")
                .arg(config.dataset));
    QString message;
    auto shaper = PromptShaper::create(options, &message);
    if (!shaper)
        return fail("--dataset-args", message);
    RecordReader reader;
    if (!reader.open(path, false, &message))
        return fail("--dataset-path", message);

    qint64 needed = 0;
    for (const RunPoint& p : config.runPoints())
        needed += qint64(p.number) + config.warmupCount(p.number);
    needed = std::clamp<qint64>(needed, 1, kMaxLoaded);
    const bool shareGpt = config.dataset.startsWith(u"share_gpt");
    auto source = std::shared_ptr<ConversationSource>(new ConversationSource(options, config.maxTurns));
    qint64 skipped = 0;
    QString firstSkip;
    while (source->m_conversations.size() < needed) {
        const std::optional<RecordReader::Record> record = reader.next(&message);
        if (!record) {
            if (!message.isEmpty())
                return fail("--dataset-path", message);
            break;
        }
        QString why;
        if (trie) {
            const std::optional<TrieWorkload::Row> row = TrieWorkload::parseRow(record->data, &why);
            if (row) {
                source->m_conversations.append(TrieWorkload::encodeRow(*row));
                continue;
            }
            if (firstSkip.isEmpty())
                firstSkip = Tr::tr("line %1: %2").arg(record->line).arg(why);
            ++skipped;
            continue;
        }
        std::optional<Conversation> c
            = shareGpt ? fromShareGptLine(record->data, &why) : fromCustomLine(record->data, &why);
        if (c) {
            // EvalScope's length filter, on the first user message when it is a string.
            if (const std::optional<QString> first = firstUserText(*c)) {
                const qsizetype length = shaper->promptLength(*first);
                if (length < options->minPromptLength || length > options->maxPromptLength) {
                    c.reset();
                    why = Tr::tr("first user message outside --min/--max-prompt-length");
                }
            }
        }
        if (!c) {
            if (firstSkip.isEmpty())
                firstSkip = Tr::tr("line %1: %2").arg(record->line).arg(why);
            ++skipped;
            continue;
        }
        source->m_conversations.append(encode(source->truncated(std::move(*c))));
    }
    if (trie) {
        source->m_trie = true;
        source->m_vocabulary = TrieWorkload::ordinaryTokens(*options->tokenizer);
        if (source->m_vocabulary.empty())
            return fail("--tokenizer-path", Tr::tr("the tokenizer has no ordinary tokens to build prompts from"));
    }
    if (skipped > 0)
        qWarning("dataset: %s: skipped %lld record(s) (first: %s)", qPrintable(path), skipped, qPrintable(firstSkip));
    if (source->m_conversations.isEmpty()) {
        return fail("--dataset-path",
            Tr::tr("'%1' holds no usable conversation%2").arg(path, firstSkip.isEmpty() ? QString() : u" (" + firstSkip + u')'));
    }
    return source;
}

std::shared_ptr<const ConversationSource> ConversationSource::loadSweSmith(const RunConfig& config,
    const std::shared_ptr<const DatasetOptions>& options, const QString& path, ConfigError* error)
{
    auto fail = [error](const char* field, const QString& message) {
        *error = ConfigError{QString::fromLatin1(field), message};
        return nullptr;
    };
    qint64 needed = 0;
    for (const RunPoint& p : config.runPoints())
        needed += qint64(p.number) + config.warmupCount(p.number);
    needed = std::clamp<qint64>(needed, 1, kMaxLoaded);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail("--dataset-path", Tr::tr("cannot read '%1': %2").arg(path, file.errorString()));
    auto source = std::shared_ptr<ConversationSource>(new ConversationSource(options, config.maxTurns));
    QString why;
    const bool parquet = ParquetReader::looksLikeParquet(file.peek(4));
    if (!parquet && SweSmithBuilder::isPrebuilt(file.peek(4096))) {
        if (file.size() > kMaxPrebuiltBytes)
            return fail("--dataset-path", Tr::tr("'%1' is larger than %2 MB; a pre-built swe_smith file is read whole")
                                              .arg(path)
                                              .arg(kMaxPrebuiltBytes / 1000000));
        const std::optional<QList<Conversation>> conversations
            = SweSmithBuilder::parsePrebuilt(file.readAll(), needed, config.maxTurns, &why);
        if (!conversations)
            return fail("--dataset-path", Tr::tr("'%1': %2").arg(path, why));
        for (const Conversation& c : *conversations)
            source->m_conversations.append(encode(c));
        return source;
    }
    // Trajectories: built live, which needs the tokenizer to measure the turns.
    const std::optional<SweSmithBuilder::Options> buildOptions = SweSmithBuilder::parseOptions(config.datasetArgs, &why);
    if (!buildOptions)
        return fail("--dataset-args", why);
    if (!options->tokenizer)
        return fail("--tokenizer-path", Tr::tr("swe_smith builds its conversations from trajectories in tokens: pass "
                                               "--tokenizer-path (or a pre-built file as --dataset-path)"));
    file.close();
    QList<QStringList> trajectories;
    qint64 skipped = 0;
    QString firstSkip;
    QString message;
    if (parquet) { // the hub's copy: one trajectory per row, read row group by row group
        ParquetReader reader;
        if (!reader.open(path, &message))
            return fail("--dataset-path", message);
        const QString column = QStringLiteral("messages");
        if (!reader.hasColumn(column))
            return fail("--dataset-path", Tr::tr("'%1' has no \"messages\" column (it has: %2); expected the "
                                                 "SWE-smith-trajectories `tool` split")
                                              .arg(path, reader.columns().join(QStringLiteral(", "))));
        reader.select({column});
        qint64 row = 0;
        while (const std::optional<nlohmann::json> record = reader.next(&message)) {
            ++row;
            std::optional<QStringList> messages = SweSmithBuilder::userMessagesOf((*record)["messages"], &why);
            if (!messages) {
                if (firstSkip.isEmpty())
                    firstSkip = Tr::tr("row %1: %2").arg(row).arg(why);
                ++skipped;
                continue;
            }
            trajectories.append(std::move(*messages));
        }
    } else { // JSONL, a trajectory per line
        RecordReader reader;
        if (!reader.open(path, false, &message))
            return fail("--dataset-path", message);
        while (const std::optional<RecordReader::Record> record = reader.next(&message)) {
            std::optional<QStringList> messages = SweSmithBuilder::userMessages(record->data, &why);
            if (!messages) {
                if (firstSkip.isEmpty())
                    firstSkip = Tr::tr("line %1: %2").arg(record->line).arg(why);
                ++skipped;
                continue;
            }
            trajectories.append(std::move(*messages));
        }
    }
    if (!message.isEmpty())
        return fail("--dataset-path", message);
    if (skipped > 0)
        qWarning("dataset: %s: skipped %lld record(s) (first: %s)", qPrintable(path), skipped, qPrintable(firstSkip));
    const QList<Conversation> built = SweSmithBuilder::build(trajectories, *buildOptions, *options->tokenizer,
        config.minTurns, config.maxTurns.value_or(config.minTurns), options->seed, config.datasetOffset, needed);
    if (built.isEmpty())
        return fail("--dataset-path",
            Tr::tr("'%1': no trajectory is long enough for the turns asked (first_turn_length, subsequent_turn_length, "
                   "--max-turns); lower them")
                .arg(path));
    for (const Conversation& c : built)
        source->m_conversations.append(encode(c));
    return source;
}

} // namespace tl
