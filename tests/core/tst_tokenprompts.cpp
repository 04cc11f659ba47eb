// Datasets that count tokens: random prompts of exact length, the token-based length filter and length control,
// --tokenize-prompt, and the random embedding/rerank datasets, against the real tokenizer fixtures.
#include "core/promptsourcetest.h"
#include "config/runconfig.h"
#include "dataset/promptsource.h"
#include "dataset/randompromptsource.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <map>

using namespace tl;

namespace {

QString tokenizerDir(const QString& name)
{
    return QFINDTESTDATA(QStringLiteral("data/tokenizers/") + name);
}

RunConfig config(const char* dataset, const QString& tokenizer)
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.dataset = QString::fromLatin1(dataset);
    c.tokenizerPath = tokenizerDir(tokenizer);
    c.number = {10};
    c.seed = 1;
    return c;
}

std::shared_ptr<const PromptSource> load(const RunConfig& config)
{
    return test::loadSource(config);
}

// Tokenizers load once per test run (parsing a tokenizer.json takes a while).
std::shared_ptr<const Tokenizer> tokenizer(const QString& name)
{
    static std::map<QString, std::shared_ptr<const Tokenizer>> cache;
    auto& t = cache[name];
    if (!t) {
        QString error;
        t = Tokenizer::load(tokenizerDir(name), &error);
        if (!t)
            qWarning("%s", qPrintable(error));
    }
    return t;
}

qsizetype count(const PromptSource& source, const QString& text)
{
    return source.options().tokenizer->count(text.toStdString());
}

} // namespace

class TestTokenPrompts final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomPromptsHaveExactLengths_data()
    {
        QTest::addColumn<QString>("tokenizer");
        QTest::addColumn<int>("minLength");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<int>("prefix");
        QTest::addColumn<bool>("chat");
        for (const char* name : {"gpt2", "qwen3", "mistral7b"}) {
            const QString t = QString::fromLatin1(name);
            QTest::addRow("%s short", name) << t << 1 << 40 << 0 << false;
            QTest::addRow("%s medium+prefix", name) << t << 100 << 300 << 32 << false;
            QTest::addRow("%s exact 1000", name) << t << 1000 << 1000 << 0 << false;
            QTest::addRow("%s chat", name) << t << 60 << 200 << 16 << true;
        }
    }
    void randomPromptsHaveExactLengths()
    {
        QFETCH(QString, tokenizer);
        QFETCH(int, minLength);
        QFETCH(int, maxLength);
        QFETCH(int, prefix);
        QFETCH(bool, chat);
        auto options = std::make_shared<DatasetOptions>();
        options->tokenizer = ::tokenizer(tokenizer);
        QVERIFY(options->tokenizer);
        options->minPromptLength = minLength;
        options->maxPromptLength = maxLength;
        options->prefixLength = prefix;
        options->chat = chat;
        int exact = 0;
        int total = 0;
        for (quint64 seed : {1, 2, 3, 42, 1234}) {
            options->seed = seed;
            QString error;
            const auto base = RandomPromptSource::create(RandomPromptSource::Mode::Text, options, &error);
            QVERIFY2(base, qPrintable(error));
            const auto* source = base.get();
            QCOMPARE(qsizetype(source->prefixIds().size()), qsizetype(prefix));
            const qsizetype tl = source->templateLength();
            if (chat && base->options().tokenizer->chatTemplate())
                QVERIFY(tl > 0);
            for (qint64 seq = 0; seq < 12; ++seq) {
                const std::vector<int32_t> ids = source->tokenIdsFor(seq);
                const qsizetype content = qsizetype(ids.size()) - prefix;
                // The drawn length: the range less the chat template's own tokens (EvalScope's subtraction).
                QVERIFY(content >= std::max<qsizetype>(0, minLength - tl));
                QVERIFY(content <= maxLength - tl);
                QVERIFY(std::equal(source->prefixIds().begin(), source->prefixIds().end(), ids.begin()));
                const PromptItem item = base->at(seq);
                QCOMPARE(item.kind, PromptItem::Kind::Text);
                ++total;
                if (count(*base, item.text) == qsizetype(ids.size()))
                    ++exact;
                else
                    qInfo("seed %llu seq %lld: %lld tokens, wanted %zu", seed, seq, qlonglong(count(*base, item.text)),
                          ids.size());
            }
        }
        QCOMPARE(exact, total);
    }

    void randomIsDeterministicAndOffsetMovesTheWindow()
    {
        RunConfig c = config("random", QStringLiteral("qwen3"));
        c.minPromptLength = 20;
        c.maxPromptLength = 30;
        c.prefixLength = 8;
        const auto a = load(c);
        const auto b = load(c);
        QVERIFY(a && b);
        QCOMPARE(a->at(3).text, b->at(3).text);
        QVERIFY(a->at(3).text != a->at(4).text);
        const auto next = a->withDatasetOffset(10); // the next sweep point
        const auto* ra = dynamic_cast<const RandomPromptSource*>(a.get());
        const auto* rn = dynamic_cast<const RandomPromptSource*>(next.get());
        QVERIFY(ra && rn);
        QCOMPARE(rn->prefixIds(), ra->prefixIds()); // the prefix is shared by the whole run
        QVERIFY(rn->tokenIdsFor(3) != ra->tokenIdsFor(3));
        c.seed = 2;
        QVERIFY(load(c)->at(3).text != a->at(3).text);
    }

    void tokenizePromptSendsIds()
    {
        RunConfig c = config("random", QStringLiteral("gpt2"));
        c.minPromptLength = 50;
        c.maxPromptLength = 60;
        c.prefixLength = 4;
        c.tokenizePrompt = true;
        QCOMPARE(c.resolvedUrl(), QStringLiteral("http://127.0.0.1:9/v1/completions"));
        const auto source = load(c);
        QVERIFY(source);
        const auto* random = dynamic_cast<const RandomPromptSource*>(source.get());
        const PromptItem item = source->at(5);
        QCOMPARE(item.kind, PromptItem::Kind::TokenIds);
        const std::vector<int32_t> ids = random->tokenIdsFor(5);
        QCOMPARE(item.tokenIds, QList<qint32>(ids.begin(), ids.end()));
        QVERIFY(item.tokenIds.size() >= 54 && item.tokenIds.size() <= 64);
    }

    void tokenizePromptRendersTheChatTemplate()
    {
        RunConfig c = config("builtin", QStringLiteral("qwen3"));
        c.tokenizePrompt = true;
        const auto source = load(c);
        QVERIFY(source);
        const PromptItem item = source->at(0);
        QCOMPARE(item.kind, PromptItem::Kind::TokenIds);
        const auto& tok = *source->options().tokenizer;
        QString error;
        const auto rendered = tok.chatTemplate()->render(
            nlohmann::json::array({{{"role", "user"}, {"content", PromptSource::builtinPrompts().first().toStdString()}}}),
            true, &error);
        QVERIFY(rendered);
        const std::vector<int32_t> ids = tok.encode(*rendered, false);
        QCOMPARE(item.tokenIds, QList<qint32>(ids.begin(), ids.end()));
    }

    // Every dataset's prompts carry the client tokenizer's count of them, for servers that send no usage: chat
    // prompts through the chat template (with the generation prompt), plain prompts as they are, embedding inputs
    // with the special tokens and each rerank (query, document) pair as one sequence pair, as the server counts them.
    void everyDatasetCountsItsPromptTokens_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tokenizerName");
        QTest::addColumn<bool>("chat");
        // Qwen3's tokenizer (a chat template) once: loading it is slow under the sanitizers; GPT-2's for the rest.
        QTest::newRow("sharegpt chat qwen3") << "share_gpt_zh" << "sharegpt_zh.jsonl" << "qwen3" << true;
        QTest::newRow("openqa completions") << "openqa" << "open_qa.jsonl" << "gpt2" << false;
        QTest::newRow("line_by_line chat, no template") << "line_by_line" << "line_by_line.txt" << "gpt2" << true;
        QTest::newRow("embedding") << "embedding" << "embedding.jsonl" << "gpt2" << false;
        QTest::newRow("rerank") << "rerank" << "rerank.jsonl" << "gpt2" << false;
        QTest::newRow("embedding bert") << "embedding" << "embedding.jsonl" << "bert-base-uncased" << false;
        QTest::newRow("rerank bert") << "rerank" << "rerank.jsonl" << "bert-base-uncased" << false;
    }
    void everyDatasetCountsItsPromptTokens()
    {
        QFETCH(QString, dataset);
        QFETCH(QString, file);
        QFETCH(QString, tokenizerName);
        QFETCH(bool, chat);
        RunConfig c = config("builtin", tokenizerName);
        c.dataset = dataset;
        if (!file.isEmpty())
            c.datasetPath = QFINDTESTDATA(QStringLiteral("data/datasets/") + file);
        c.applyChatTemplate = chat;
        if (!chat)
            c.url = QStringLiteral("http://127.0.0.1:9/v1/completions");
        c.number = {3};
        const auto source = load(c);
        QVERIFY(source);
        const Tokenizer& tok = *source->options().tokenizer;
        for (qint64 seq = 0; seq < 3; ++seq) {
            const PromptItem item = source->at(seq);
            qint64 expected = 0;
            switch (item.kind) {
            case PromptItem::Kind::Text:
                if (chat && tok.chatTemplate()) {
                    QString error;
                    const auto rendered = tok.chatTemplate()->render(
                        nlohmann::json::array({{{"role", "user"}, {"content", item.text.toStdString()}}}), true, &error);
                    QVERIFY2(rendered, qPrintable(error));
                    expected = qint64(tok.encode(*rendered, false).size());
                } else {
                    expected = qint64(tok.encode(item.text.toStdString(), false).size());
                }
                break;
            case PromptItem::Kind::Messages: {
                if (!tok.chatTemplate()) { // messages cannot be counted as a server would without the template
                    QCOMPARE(item.promptTokens, qint64(-1));
                    continue;
                }
                QString error;
                const auto rendered = tok.chatTemplate()->render(
                    nlohmann::json::parse(item.messages.toStdString()), true, &error);
                QVERIFY2(rendered, qPrintable(error));
                expected = qint64(tok.encode(*rendered, false).size());
                break;
            }
            case PromptItem::Kind::Body: { // line_by_line's whole bodies: their messages
                const auto body = nlohmann::json::parse(item.body.toStdString());
                if (!tok.chatTemplate()) {
                    QCOMPARE(item.promptTokens, qint64(-1));
                    continue;
                }
                QString error;
                const auto rendered = tok.chatTemplate()->render(body.at("messages"), true, &error);
                QVERIFY2(rendered, qPrintable(error));
                expected = qint64(tok.encode(*rendered, false).size());
                break;
            }
            case PromptItem::Kind::Embedding:
                for (const QString& input : item.inputs)
                    expected += qint64(tok.encode(input.toStdString(), true).size());
                break;
            case PromptItem::Kind::Rerank:
                for (const QString& document : item.documents)
                    expected += qint64(tok.encodePair(item.query.toStdString(), document.toStdString(), true).size());
                break;
            default:
                QFAIL("unexpected item kind");
            }
            QVERIFY(expected > 0);
            QCOMPARE(item.promptTokens, expected);
        }
    }

    // An embedding or rerank server without usage is counted as it tokenizes: BERT's [CLS] and [SEP] around each
    // input, and each (query, document) pair as one sequence [CLS] q [SEP] d [SEP] (the query once per document).
    // Counted by hand on bert-base-uncased's vocabulary (every word below is one piece of it).
    void embeddingAndRerankCountAsTheServer()
    {
        RunConfig c = config("builtin", QStringLiteral("bert-base-uncased"));
        c.url = QStringLiteral("http://127.0.0.1:9/v1/rerank");
        c.dataset = QStringLiteral("rerank");
        c.datasetPath = QFINDTESTDATA("data/datasets/rerank.jsonl");
        c.number = {1};
        auto source = load(c);
        QVERIFY(source);
        const PromptItem rerank = source->at(0); // "what is a cat" / "a cat is an animal", "a car is a vehicle"
        QCOMPARE(rerank.kind, PromptItem::Kind::Rerank);
        QCOMPARE(rerank.promptTokens, qint64((1 + 4 + 1 + 5 + 1) * 2)); // 24; bare and once: 4 + 5 + 5 = 14

        c.url = QStringLiteral("http://127.0.0.1:9/v1/embeddings");
        c.dataset = QStringLiteral("embedding");
        c.datasetPath = QFINDTESTDATA("data/datasets/embedding.jsonl");
        source = load(c);
        QVERIFY(source);
        const PromptItem embedding = source->at(1); // {"text": "from text"}
        QCOMPARE(embedding.kind, PromptItem::Kind::Embedding);
        QCOMPARE(embedding.inputs, QStringList{QStringLiteral("from text")});
        QCOMPARE(embedding.promptTokens, qint64(1 + 2 + 1)); // [CLS] from text [SEP]
    }

    void tokenFilters()
    {
        // gpt2 has no chat template: lengths are encode(prompt) (it adds no special tokens).
        RunConfig c = config("openqa", QStringLiteral("gpt2"));
        c.datasetPath = QFINDTESTDATA("data/datasets/open_qa.jsonl");
        c.maxPromptLength = 6;
        const auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->at(0).text, QStringLiteral("How do vaccines work?")); // 5 tokens; the others are longer
        QCOMPARE(source->at(1).text, QStringLiteral("How do vaccines work?"));
        // With a chat template the templated prompt is counted.
        RunConfig chat = config("openqa", QStringLiteral("qwen3"));
        chat.datasetPath = c.datasetPath;
        chat.maxPromptLength = 6;
        ConfigError error;
        QVERIFY(!PromptSource::load(chat, &error));
        QVERIFY2(error.message.contains(QStringLiteral("--max-prompt-length 6")), qPrintable(error.message));
    }

    void targetInputLength_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("items");
        QTest::newRow("cap keeps short prompts") << "cap" << 4;
        QTest::newRow("drop skips them") << "drop" << 3; // "How do vaccines work?" has 5 tokens
    }
    void targetInputLength()
    {
        QFETCH(QString, mode);
        QFETCH(int, items);
        RunConfig c = config("openqa", QStringLiteral("gpt2"));
        c.datasetPath = QFINDTESTDATA("data/datasets/open_qa.jsonl");
        c.datasetArgs = QStringLiteral(R"({"target_input_len": 12, "input_len_mode": "%1"})").arg(mode).toUtf8();
        c.maxPromptLength = 3; // ignored under length control
        const auto source = load(c);
        QVERIFY(source);
        QSet<QString> distinct;
        for (int i = 0; i < 8; ++i) {
            const QString text = source->at(i).text;
            distinct.insert(text);
            QVERIFY(count(*source, text) <= 12);
        }
        QCOMPARE(distinct.size(), items);
        if (mode == u"drop")
            QCOMPARE(count(*source, source->at(2).text), 12); // the long English question, truncated
    }

    void prefixFilePadsToTheTarget_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("system") << "system";
        QTest::newRow("user") << "user";
    }
    void prefixFilePadsToTheTarget()
    {
        QFETCH(QString, role);
        RunConfig c = config("openqa", QStringLiteral("qwen3"));
        c.datasetPath = QFINDTESTDATA("data/datasets/open_qa.jsonl");
        c.datasetArgs = QStringLiteral(R"({"target_input_len": 64, "prefix_file": "%1", "prefix_role": "%2"})")
                            .arg(QFINDTESTDATA("data/datasets/prefix.txt"), role)
                            .toUtf8();
        QVERIFY2(c.validate().isEmpty(), qPrintable(c.validate().value(0).toString()));
        const auto source = load(c);
        QVERIFY(source);
        for (int i = 0; i < 4; ++i) {
            const PromptItem item = source->at(i);
            qsizetype tokens = 0;
            if (role == u"system") {
                QCOMPARE(item.kind, PromptItem::Kind::Messages);
                const auto m = nlohmann::json::parse(item.messages.toStdString());
                QCOMPARE(m.size(), size_t(2));
                QCOMPARE(m[0]["role"].get<std::string>(), std::string("system"));
                for (const auto& msg : m)
                    tokens += source->options().tokenizer->count(msg["content"].get<std::string>());
            } else {
                QCOMPARE(item.kind, PromptItem::Kind::Text);
                QVERIFY(item.text.contains(QStringLiteral("printing press")));
                tokens = count(*source, item.text);
            }
            QVERIFY2(qAbs(tokens - 64) <= 1, qPrintable(QStringLiteral("%1 tokens").arg(tokens)));
        }
    }

    void randomEmbeddingAndRerank()
    {
        RunConfig c = config("random_embedding_batch", QStringLiteral("mistral7b"));
        c.minPromptLength = 10;
        c.maxPromptLength = 20;
        c.extraArgs = R"({"batch_size": 3})";
        auto source = load(c);
        QVERIFY(source);
        PromptItem item = source->at(2);
        QCOMPARE(item.kind, PromptItem::Kind::Embedding);
        QVERIFY(item.batch);
        QCOMPARE(item.inputs.size(), 3);
        for (const QString& text : item.inputs) {
            const qsizetype n = count(*source, text);
            QVERIFY2(n >= 10 && n <= 20, qPrintable(QString::number(n)));
        }
        c.dataset = QStringLiteral("random_embedding");
        item = load(c)->at(0);
        QCOMPARE(item.inputs.size(), 1);
        QVERIFY(!item.batch);

        c.dataset = QStringLiteral("random_rerank");
        c.extraArgs = R"({"num_documents": 4, "document_length_ratio": 2})";
        source = load(c);
        QVERIFY(source);
        item = source->at(1);
        QCOMPARE(item.kind, PromptItem::Kind::Rerank);
        QCOMPARE(item.documents.size(), 4);
        const qsizetype q = count(*source, item.query);
        QVERIFY(q >= 10 && q <= 20);
        for (const QString& doc : item.documents)
            QCOMPARE(count(*source, doc), 2 * q);
    }

    void randomNeedsATokenizerAndRoom()
    {
        RunConfig c = config("random", QString());
        c.tokenizerPath.clear();
        QCOMPARE(c.validate().value(0).field, QStringLiteral("--tokenizer-path"));
        c = config("random", QStringLiteral("qwen3"));
        c.maxPromptLength = 3; // below the chat template's own tokens
        ConfigError error;
        QVERIFY(!PromptSource::load(c, &error));
        QVERIFY2(error.message.contains(QStringLiteral("--max-prompt-length 3")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestTokenPrompts)
#include "tst_tokenprompts.moc"
