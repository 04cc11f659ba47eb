#include "config/runconfig.h"
#include "core/promptsourcetest.h"
#include "dataset/filepromptsource.h"
#include "dataset/promptsource.h"
#include "dataset/recordparser.h"
#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace tl;

namespace {

RunConfig config(const char* dataset, const QString& path = QString())
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.dataset = QString::fromLatin1(dataset);
    c.datasetPath = path;
    c.number = {10};
    return c;
}

QString data(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/datasets/") + QString::fromLatin1(name));
}

std::shared_ptr<const PromptSource> load(const RunConfig& config)
{
    return test::loadSource(config);
}

nlohmann::json messagesOf(const PromptItem& item)
{
    return nlohmann::json::parse(item.messages.toStdString());
}

// A JSONL file of `lines` openqa records "q<i>", with a malformed line at `badLine` (1-based, 0 = none).
QString writeQuestions(const QTemporaryDir& dir, int lines, int badLine = 0)
{
    const QString path = dir.filePath(QStringLiteral("q.jsonl"));
    return test::writeQuestions(path, lines, badLine, "{\"question\": broken") ? path : QString();
}

std::shared_ptr<const FilePromptSource> openQuestions(const QString& path, int window, qint64 needed)
{
    auto options = std::make_shared<DatasetOptions>();
    options->chat = false;
    options->windowItems = window;
    QString error;
    auto shaper = PromptShaper::create(options, &error);
    auto source = FilePromptSource::open(path, RecordParser::create(QStringLiteral("openqa"), path, shaper), 0, needed,
                                         options, &error);
    if (!source)
        qWarning("%s", qPrintable(error));
    return source;
}

} // namespace

class TestPromptSource final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openqaReadsQuestionsAndCycles()
    {
        const auto source = load(config("openqa", data("open_qa.jsonl")));
        QVERIFY(source);
        QCOMPARE(source->at(0).text, QStringLiteral("我有一个计算机相关的问题，请用中文回答，什么是 TCP 握手"));
        QCOMPARE(source->at(1).text, QStringLiteral("为什么天空是蓝色的？")); // stripped
        QCOMPARE(source->at(3).kind, PromptItem::Kind::Text);
        QCOMPARE(source->at(4).text, source->at(0).text); // 4 records (a blank line skipped), then cycling
        QCOMPARE(source->at(9).text, source->at(1).text);
    }

    void bomAndCrlf()
    {
        const auto source = load(config("openqa", data("open_qa_bom_crlf.jsonl")));
        QVERIFY(source);
        QCOMPARE(source->at(0).text, QStringLiteral("bom first line"));
        QCOMPARE(source->at(1).text, QStringLiteral("crlf second line"));
        QCOMPARE(source->at(2).text, QStringLiteral("bom first line"));
    }

    void datasetPathFolderFindsTheHubFile()
    {
        RunConfig c = config("longalpaca", QFileInfo(data("LongAlpaca-12k.json")).absolutePath());
        const auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->at(1).text, QStringLiteral("Second, short instruction."));
    }

    void longalpacaJsonArray()
    {
        const auto source = load(config("longalpaca", data("LongAlpaca-12k.json")));
        QVERIFY(source);
        QVERIFY(source->at(0).text.contains(QStringLiteral("[brackets] and {braces} and \"quotes\", commas")));
        QCOMPARE(source->at(2).text, QStringLiteral("Third instruction,\nspanning lines."));
        QCOMPARE(source->at(3).text, source->at(0).text);
    }

    void shareGptCarriesTheHistory()
    {
        const auto source = load(config("share_gpt_zh", data("sharegpt_zh.jsonl")));
        QVERIFY(source);
        const PromptItem first = source->at(0);
        QCOMPARE(first.kind, PromptItem::Kind::Messages);
        const auto m = messagesOf(first);
        QCOMPARE(m.size(), size_t(3)); // user, assistant, user: the trailing assistant reply dropped
        QCOMPARE(m[0]["role"].get<std::string>(), std::string("user"));
        QCOMPARE(m[1]["role"].get<std::string>(), std::string("assistant"));
        QCOMPARE(QString::fromStdString(m[2]["content"].get<std::string>()), QStringLiteral("讲个笑话"));
        QCOMPARE(source->at(1).text, QStringLiteral("What is 2+2?")); // one user turn: a plain user message
        QCOMPARE(source->at(2).kind, PromptItem::Kind::Messages); // the third has no human turn: dropped, cycled

        RunConfig plain = config("share_gpt_zh", data("sharegpt_zh.jsonl"));
        plain.applyChatTemplate = false;
        const auto completions = load(plain);
        QVERIFY(completions);
        QCOMPARE(completions->at(0).kind, PromptItem::Kind::Text);
        QCOMPARE(completions->at(0).text, QStringLiteral("讲个笑话"));
    }

    void lineByLineFormats()
    {
        const auto source = load(config("line_by_line", data("line_by_line.txt")));
        QVERIFY(source);
        QCOMPARE(source->at(0).kind, PromptItem::Kind::Text);
        QCOMPARE(source->at(0).text, QStringLiteral("A plain prompt on its own line."));
        const PromptItem messages = source->at(1);
        QCOMPARE(messages.kind, PromptItem::Kind::Messages);
        QCOMPARE(messagesOf(messages)[0]["content"].get<std::string>(), std::string("Be brief."));
        const PromptItem body = source->at(2);
        QCOMPARE(body.kind, PromptItem::Kind::Body);
        QCOMPARE(nlohmann::json::parse(body.body.toStdString())["model"].get<std::string>(),
                 std::string("custom-model"));
        QCOMPARE(source->at(3).kind, PromptItem::Kind::Text);
        QCOMPARE(source->at(3).text, QStringLiteral("[not json but starts with a bracket"));
        QCOMPARE(source->at(4).text, source->at(0).text);
    }

    void customIsPlainText()
    {
        const auto source = load(config("custom", data("custom.txt")));
        QVERIFY(source);
        QCOMPARE(source->at(2).kind, PromptItem::Kind::Text);
        QCOMPARE(source->at(2).text, QStringLiteral("{\"this\": \"is plain text for custom\"}"));
    }

    void embeddingFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("texts");
        QTest::newRow("txt") << data("embedding.txt")
                             << QStringList{QStringLiteral("first text to embed"), QStringLiteral("second text to embed"),
                                    QStringLiteral("third"), QStringLiteral("fourth text to embed")};
        QTest::newRow("jsonl") << data("embedding.jsonl")
                               << QStringList{QStringLiteral("a bare string"), QStringLiteral("from text"),
                                      QStringLiteral("from input"), QStringLiteral("from sentence"),
                                      QStringLiteral("from content")};
        QTest::newRow("json array") << data("embedding.json")
                                    << QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                           QStringLiteral("three")};
    }
    void embeddingFiles()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, texts);
        const auto source = load(config("embedding", file));
        QVERIFY(source);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const PromptItem item = source->at(i);
            QCOMPARE(item.kind, PromptItem::Kind::Embedding);
            QVERIFY(!item.batch);
            QCOMPARE(item.inputs, QStringList{texts.at(i)});
        }
    }

    void embeddingBatches()
    {
        RunConfig c = config("embedding_batch", data("embedding.txt"));
        c.extraArgs = R"({"batch_size": 2})";
        const auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->at(0).inputs,
                 (QStringList{QStringLiteral("first text to embed"), QStringLiteral("second text to embed")}));
        QVERIFY(source->at(0).batch);
        QCOMPARE(source->at(2).inputs, QStringList{QStringLiteral("fifth text to embed")}); // the partial batch kept
        QCOMPARE(source->at(3).inputs, source->at(0).inputs);
    }

    void rerankFiles()
    {
        const auto source = load(config("rerank", data("rerank.jsonl")));
        QVERIFY(source);
        QCOMPARE(source->at(0).kind, PromptItem::Kind::Rerank);
        QCOMPARE(source->at(0).query, QStringLiteral("what is a cat"));
        QCOMPARE(source->at(0).documents.size(), 2);
        QCOMPARE(source->at(1).documents.size(), 3); // "passages"
        QCOMPARE(source->at(2).query, QStringLiteral("texts key")); // the record without a query is dropped
        QCOMPARE(source->at(2).documents, QStringList{QStringLiteral("t1")});
        const auto array = load(config("rerank", data("rerank.json")));
        QVERIFY(array);
        QCOMPARE(array->at(1).documents, (QStringList{QStringLiteral("d2"), QStringLiteral("d3")}));
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed line") << "openqa" << data("open_qa_malformed.jsonl")
                                        << "open_qa_malformed.jsonl, line 3: expected a JSON object";
        QTest::newRow("wrong field") << "openqa" << data("open_qa_wrong_field.jsonl")
                                     << "open_qa_wrong_field.jsonl, line 2: the object has no \"question\"";
        QTest::newRow("empty file") << "openqa" << data("empty.jsonl") << "holds no records";
        QTest::newRow("blank lines") << "custom" << data("blank.txt") << "holds no records";
        QTest::newRow("embedding field") << "embedding" << data("embedding_bad.jsonl")
                                         << "embedding_bad.jsonl, line 2: the object has none of";
        QTest::newRow("sharegpt shape") << "share_gpt_en" << data("open_qa.jsonl")
                                        << "open_qa.jsonl, line 1: expected a JSON object with a \"conversation\"";
    }
    void badFiles()
    {
        QFETCH(QString, dataset);
        QFETCH(QString, file);
        QFETCH(QString, message);
        RunConfig c = config("openqa", file);
        c.dataset = dataset;
        c = test::withApi(c);
        QVERIFY(c.validate().isEmpty());
        ConfigError error;
        QVERIFY(!PromptSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--dataset-path"));
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
    }

    void missingFileIsAConfigError()
    {
        const ConfigErrors errors = config("openqa", QStringLiteral("/nonexistent/open_qa.jsonl")).validate();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("--dataset-path"));
        QVERIFY(errors.first().message.contains(QStringLiteral("/nonexistent/open_qa.jsonl")));
        QCOMPARE(config("custom").validate().first().field, QStringLiteral("--dataset-path"));
    }

    void characterFilters()
    {
        // Without a tokenizer lengths are characters (code points): 10 for the stripped sky question.
        RunConfig c = config("openqa", data("open_qa.jsonl"));
        c.maxPromptLength = 10;
        auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->at(0).text, QStringLiteral("为什么天空是蓝色的？"));
        QCOMPARE(source->at(1).text, QStringLiteral("为什么天空是蓝色的？"));
        c.maxPromptLength = 200;
        c.minPromptLength = 30;
        source = load(c);
        QVERIFY(source);
        QVERIFY(source->at(0).text.endsWith(QStringLiteral("TCP 握手"))); // exactly 30 characters: kept
        QVERIFY(source->at(1).text.startsWith(QStringLiteral("What is the capital"))); // the 21-character one dropped
    }

    void emptyAfterFilteringNamesTheFilter()
    {
        RunConfig c = config("openqa", data("open_qa.jsonl"));
        c.maxPromptLength = 5;
        ConfigError error;
        QVERIFY(!PromptSource::load(c, &error));
        QVERIFY2(error.message.contains(QStringLiteral("empty after filtering")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("4 dropped by --max-prompt-length 5")), qPrintable(error.message));
    }

    void maxTokensRange()
    {
        RunConfig c = config("builtin");
        c.maxTokens = 10;
        c.maxTokensUpper = 13;
        c.seed = 7;
        const auto a = load(c);
        const auto b = load(c);
        QVERIFY(a && b);
        QSet<int> seen;
        for (qint64 seq = 0; seq < 200; ++seq) {
            const std::optional<int> v = a->at(seq).maxTokens;
            QVERIFY(v);
            QVERIFY(*v >= 10 && *v <= 13);
            QCOMPARE(b->at(seq).maxTokens, v); // repeatable with --seed
            seen.insert(*v);
        }
        QCOMPARE(seen.size(), 4); // both ends inclusive
        c.maxTokensUpper.reset();
        QVERIFY(!load(c)->at(0).maxTokens);
    }

    void fixedPrompts()
    {
        RunConfig c = config("builtin");
        auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->at(0).text, PromptSource::builtinPrompts().first());
        QCOMPARE(source->at(40).text, PromptSource::builtinPrompts().first());
        c.prompt = QStringLiteral("@") + data("custom.txt");
        source = load(c);
        QVERIFY(source);
        QVERIFY(source->at(5).text.startsWith(QStringLiteral("short\n")));
    }

    void speedBenchmark()
    {
        RunConfig c = config("speed_benchmark");
        QCOMPARE(c.resolvedUrl(), QStringLiteral("http://127.0.0.1:9/v1/completions"));
        QVERIFY(!c.effectiveApplyChatTemplate());
        const auto source = load(c);
        QVERIFY(source);
        const QList<int> lengths{1, 1, 6144, 6144, 14336, 14336, 30720, 30720};
        for (int i = 0; i < lengths.size(); ++i) {
            QCOMPARE(source->at(i).text.size(), lengths.at(i));
            QCOMPARE(source->at(i).text.at(0), QChar(0x71B5));
        }
        c.dataset = QStringLiteral("speed_benchmark_long");
        QCOMPARE(load(c)->at(1).text.size(), 63488);
    }

    void lazyWindowCyclesAndRewinds()
    {
        QTemporaryDir dir;
        const QString path = writeQuestions(dir, 5000);
        const auto source = openQuestions(path, 64, 10);
        QVERIFY(source);
        QCOMPARE(source->knownCount(), -1); // only the first items were read
        QVERIFY(source->windowSize() <= 64);
        for (qint64 i = 0; i < 5000; ++i) {
            if (source->at(i).text != QStringLiteral("q%1").arg(i + 1))
                QFAIL(qPrintable(QStringLiteral("item %1 is %2").arg(i).arg(source->at(i).text)));
        }
        QVERIFY(source->windowSize() <= 64);
        QCOMPARE(source->at(10).text, QStringLiteral("q11")); // evicted: re-read from a checkpoint
        QCOMPARE(source->at(5007).text, QStringLiteral("q8")); // past the end: cycles
        QCOMPARE(source->knownCount(), 5000);
        QCOMPARE(source->at(4999).text, QStringLiteral("q5000"));
    }

    void lazyWindowFromManyThreads()
    {
        QTemporaryDir dir;
        const QString path = writeQuestions(dir, 3000);
        const auto source = openQuestions(path, 128, 10);
        QVERIFY(source);
        std::atomic<qint64> next{0};
        std::atomic<int> wrong{0};
        QList<QThread*> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&] {
                for (qint64 seq = next++; seq < 7000; seq = next++) {
                    if (source->at(seq).text != QStringLiteral("q%1").arg(seq % 3000 + 1))
                        ++wrong;
                }
            }));
            threads.last()->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(wrong.load(), 0);
    }

    // A malformed line past the records checked when opening fails the request it would have fed and every later
    // one, with the file, the line and the fix: a run stops there instead of skipping it.
    void malformedLineMetDuringTheRunFailsFromThere()
    {
        QTemporaryDir dir;
        const QString path = writeQuestions(dir, 1000, 700);
        const auto source = openQuestions(path, 64, 10);
        QVERIFY(source); // line 700 is past the records checked when opening
        QCOMPARE(source->at(698).text, QStringLiteral("q699"));
        QCOMPARE(source->failureAt(698), ConfigError());
        source->at(699); // meets line 700
        const ConfigError failure = source->failureAt(699);
        QCOMPARE(failure.field, QStringLiteral("--dataset-path"));
        QCOMPARE(failure.message,
            path
                + QStringLiteral(", line 700: expected a JSON object with a \"question\" string; "
                                 "fix or delete that line"));
        QCOMPARE(source->failureAt(5000), failure);
        QCOMPARE(source->failureAt(698), ConfigError()); // the requests before it are good
        QCOMPARE(source->at(10).text, QStringLiteral("q11")); // re-read from a checkpoint: nothing changes
        QCOMPARE(source->failureAt(10), ConfigError());
        QCOMPARE(source->failureAt(699), failure);
        // The same malformed line within the checked start is an error naming it.
        QString error;
        auto options = std::make_shared<DatasetOptions>();
        options->windowItems = 2000;
        auto shaper = PromptShaper::create(options, &error);
        QVERIFY(!FilePromptSource::open(path, RecordParser::create(QStringLiteral("openqa"), path, shaper), 0, 1000,
                                        options, &error));
        QVERIFY2(error.endsWith(QStringLiteral("line 700: expected a JSON object with a \"question\" string")),
                 qPrintable(error));
    }

    // A JSON array cut short past the checked start fails the same way (the reader's own error, with the fix).
    void truncatedJsonArrayMetDuringTheRunFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docs.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[\n");
        for (int i = 0; i < 100; ++i)
            f.write("{\"text\": \"t" + QByteArray::number(i) + "\"},\n");
        f.write("{\"text\": \"cut");
        f.close();
        auto options = std::make_shared<DatasetOptions>();
        options->windowItems = 16;
        QString error;
        auto shaper = PromptShaper::create(options, &error);
        const auto source = FilePromptSource::open(
            path, RecordParser::create(QStringLiteral("embedding"), path, shaper), 0, 10, options, &error);
        QVERIFY2(source, qPrintable(error));
        QCOMPARE(source->at(99).inputs, QStringList{QStringLiteral("t99")});
        QCOMPARE(source->failureAt(99), ConfigError());
        source->at(100);
        const ConfigError failure = source->failureAt(100);
        QVERIFY2(failure.message.startsWith(path + QStringLiteral(", line 102: ")), qPrintable(failure.message));
        QVERIFY2(failure.message.endsWith(QStringLiteral("; fix the file")), qPrintable(failure.message));
    }
};

QTEST_GUILESS_MAIN(TestPromptSource)
#include "tst_promptsource.moc"
