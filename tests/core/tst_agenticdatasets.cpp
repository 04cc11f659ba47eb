// The agentic conversation datasets on fixture excerpts in their real formats: trie_* rows (parser, synthetic turns
// of the exact token lengths with their max_tokens and tool-call latencies, a hub download into the cache against a
// local fixture server, a local file) and swe_smith (a pre-built file; a live build from trajectories in JSONL or in
// the hub's Parquet, downloaded from a local fixture server, and a run of it against the emulated server).

#include "config/runconfig.h"
#include "dataset/conversationsource.h"
#include "dataset/hubdataset.h"
#include "dataset/parquetcodec.h"
#include "dataset/parquetreader.h"
#include "dataset/swesmithbuilder.h"
#include "dataset/trieworkload.h"
#include "fixtureserver.h"
#include "sim/simserver.h"
#include "tokenizer/tokenizer.h"

#include "../integration/runonce.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;

namespace {

RunConfig conversationConfig(const QString& dataset)
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.multiTurn = true;
    c.dataset = dataset;
    c.number = {20};
    c.parallel = {1};
    return c;
}

// swe_smith's live build from the JSONL fixture of trajectories, with turn lengths small enough for it.
RunConfig sweSmithLiveConfig()
{
    RunConfig c = conversationConfig(QStringLiteral("swe_smith"));
    c.datasetPath = QFINDTESTDATA("data/datasets/swe_smith_trajectories.jsonl");
    c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
    c.datasetArgs = QByteArray(R"({"first_turn_length": 50, "subsequent_turn_length": [10, 20], "chars_per_token": 1})");
    c.minTurns = 2;
    c.maxTurns = 4;
    c.seed = 3;
    return c;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 tokensOf(const Tokenizer& tok, const nlohmann::json& message)
{
    return qint64(tok.count(message["content"].get<std::string>()));
}

// The first error, for a failure message (QVERIFY2 evaluates it whether or not the check fails).
QString describe(const ConfigErrors& errors)
{
    return errors.isEmpty() ? QStringLiteral("no error") : errors.first().toString();
}

} // namespace

class TestAgenticDatasets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trieRow_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("error"); // empty: valid
        const QByteArray ok = R"({"input_prompt_length": 5, "num_turns": 1, "assistant_response_length": [2],
            "tool_call_output_length": [3], "tool_call_latency": [0.5], "final_assistant_response_length": 4})";
        QTest::newRow("valid") << ok << QString();
        QTest::newRow("no turns") << QByteArray(R"({"input_prompt_length": 5, "num_turns": 0,
            "assistant_response_length": [], "tool_call_output_length": [], "tool_call_latency": [],
            "final_assistant_response_length": 4})") << QString();
        QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not a JSON object");
        QTest::newRow("no num_turns") << QByteArray(R"({"input_prompt_length": 5})") << QStringLiteral("\"num_turns\"");
        QTest::newRow("negative length") << QByteArray(ok).replace("\"input_prompt_length\": 5", "\"input_prompt_length\": -1")
                                         << QStringLiteral("\"input_prompt_length\"");
        QTest::newRow("list too short") << QByteArray(ok).replace("[3]", "[]") << QStringLiteral("\"tool_call_output_length\"");
        QTest::newRow("latency text") << QByteArray(ok).replace("[0.5]", "[\"x\"]")
                                      << QStringLiteral("\"tool_call_latency\" values");
        QTest::newRow("fractional tokens") << QByteArray(ok).replace("[2]", "[2.5]")
                                           << QStringLiteral("\"assistant_response_length\" values");
    }
    void trieRow()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, error);
        QString why;
        const auto row = TrieWorkload::parseRow(line, &why);
        if (error.isEmpty()) {
            QVERIFY2(row, qPrintable(why));
            QCOMPARE(TrieWorkload::decodeRow(TrieWorkload::encodeRow(*row))->numTurns(), row->numTurns());
        } else {
            QVERIFY(!row);
            QVERIFY2(why.contains(error), qPrintable(why));
        }
    }

    // Row 1 of the fixture: 24 tokens (answer 7), then tool outputs of 12 and 9 tokens after 0.25 s and 1.5 s,
    // answered with 3 and then the final 11.
    void trieTurnsHaveTheRowsLengths()
    {
        RunConfig c = conversationConfig(QStringLiteral("trie_agentic_coding"));
        c.datasetPath = QFINDTESTDATA("data/datasets/trie_agentic_coding.jsonl");
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        ConfigError error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record.*line 3")));
        const auto source = ConversationSource::load(c, &error);
        QVERIFY2(source, qPrintable(error.message));
        QCOMPARE(source->loadedCount(), 3);
        QString tokError;
        const auto tok = Tokenizer::load(c.tokenizerPath, &tokError);
        QVERIFY2(tok, qPrintable(tokError));

        const Conversation first = source->conversation(0);
        QCOMPARE(first.size(), 3);
        const QList<qint64> lengths{24, 12, 9};
        const QList<int> answers{7, 3, 11};
        const QList<double> latencies{0, 0.25, 1.5};
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(first.at(t).messages.size(), size_t(1));
            QVERIFY(first.at(t).messages[0]["role"] == "user");
            QCOMPARE(tokensOf(*tok, first.at(t).messages[0]), lengths.at(t));
            QCOMPARE(first.at(t).maxTokens.value_or(-1), answers.at(t));
            QCOMPARE(first.at(t).toolCallLatencyS, latencies.at(t));
        }
        const Conversation second = source->conversation(1); // num_turns 0: the prompt alone, the final answer
        QCOMPARE(second.size(), 1);
        QCOMPARE(second.first().maxTokens.value_or(-1), 4);
        QVERIFY(source->conversation(0).at(0).messages == first.at(0).messages); // deterministic per index

        c.maxTurns = 2; // --max-turns truncates
        const auto truncated = ConversationSource::load(c, &error);
        QVERIFY(truncated);
        QCOMPARE(truncated->conversation(0).size(), 2);
    }

    void trieFromTheHub()
    {
        test::FixtureServer server;
        const QByteArray target = "/api/v1/datasets/evalscope/trie-workloads/repo?Revision=master&FilePath=code_qa_8k.jsonl";
        server.files.insert(target, readFile(QFINDTESTDATA("data/datasets/trie_agentic_coding.jsonl")));
        qputenv("THROUGHLINE_MODELSCOPE_ENDPOINT", server.base().toUtf8());
        QTemporaryDir cache;
        RunConfig c = conversationConfig(QStringLiteral("trie_code_qa"));
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        c.datasetCache = cache.path();
        ConfigError error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record")));
        const auto source = ConversationSource::load(c, &error);
        qunsetenv("THROUGHLINE_MODELSCOPE_ENDPOINT");
        QVERIFY2(source, qPrintable(error.message));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().target, target);
        const QString cached = HubDataset::forDataset(c.dataset)->cachePath(cache.path(), QStringLiteral("modelscope"));
        QVERIFY(QFileInfo(cached).isFile());
        QCOMPARE(source->loadedCount(), 3);

        // Hugging Face has no copy: named as such.
        c.dataSource = QStringLiteral("huggingface");
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--data-source"));
    }

    void configRules_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<bool>("multiTurn");
        QTest::addColumn<bool>("tokenizer");
        QTest::addColumn<QString>("field"); // empty: valid
        QTest::newRow("trie") << "trie_office_work" << true << true << QString();
        QTest::newRow("trie without --multi-turn") << "trie_office_work" << false << true << "--multi-turn";
        QTest::newRow("trie without a tokenizer") << "trie_agentic_coding" << true << false << "--tokenizer-path";
        QTest::newRow("swe_smith from the hub") << "swe_smith" << true << false << QString();
        QTest::newRow("swe_smith without --multi-turn") << "swe_smith" << false << false << "--multi-turn";
    }
    void configRules()
    {
        QFETCH(QString, dataset);
        QFETCH(bool, multiTurn);
        QFETCH(bool, tokenizer);
        QFETCH(QString, field);
        RunConfig c = conversationConfig(dataset);
        c.multiTurn = multiTurn;
        if (tokenizer)
            c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        const ConfigErrors errors = c.validate();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
            return;
        }
        QVERIFY2(std::any_of(errors.cbegin(), errors.cend(), [&](const ConfigError& e) { return e.field == field; }),
            qPrintable(describe(errors)));
    }

    void sweSmithPrebuilt()
    {
        RunConfig c = conversationConfig(QStringLiteral("swe_smith"));
        c.datasetPath = QFINDTESTDATA("data/datasets/swe_smith_prebuilt.json");
        ConfigError error;
        const auto source = ConversationSource::load(c, &error);
        QVERIFY2(source, qPrintable(error.message));
        QCOMPARE(source->loadedCount(), 2);
        const Conversation first = source->conversation(0);
        QCOMPARE(first.size(), 3);
        QVERIFY(first.at(1).messages[0]["content"].get<std::string>().rfind("OBSERVATION", 0) == 0);
        const Conversation second = source->conversation(1);
        QCOMPARE(second.size(), 2);
        QCOMPARE(second.at(0).messages.size(), size_t(2)); // the system message joins turn 1
        QVERIFY(second.at(0).messages[0]["role"] == "system");

        c.maxTurns = 1;
        QCOMPARE(ConversationSource::load(c, &error)->conversation(0).size(), 1);

        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"conversations": [[{"prompt_tokens": 3}]]})");
        f.close();
        c.datasetPath = bad;
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--dataset-path"));
        QVERIFY2(error.message.contains(QStringLiteral("\"messages\"")), qPrintable(error.message));
    }

    void sweSmithTrajectoryMessages()
    {
        QString why;
        const auto messages = SweSmithBuilder::userMessages(
            R"({"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "task"},
                {"role": "assistant", "content": "a"}, {"role": "tool", "content": [{"type": "text", "text": "out"}]}]})",
            &why);
        QVERIFY2(messages, qPrintable(why));
        QCOMPARE(*messages, (QStringList{QStringLiteral("task"), QStringLiteral("out")}));
        QVERIFY(!SweSmithBuilder::userMessages("[1]", &why));
    }

    // Live build: every turn is user messages, turn 1 about first_turn_length tokens, later ones about
    // subsequent_turn_length; the short trajectory is left out, the malformed line skipped.
    void sweSmithLiveBuild()
    {
        RunConfig c = sweSmithLiveConfig();
        ConfigError error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record.*line 5")));
        const auto source = ConversationSource::load(c, &error);
        QVERIFY2(source, qPrintable(error.message));
        QCOMPARE(source->loadedCount(), 3);
        QString tokError;
        const auto tok = Tokenizer::load(c.tokenizerPath, &tokError);
        QVERIFY(tok);
        for (qint64 i = 0; i < 3; ++i) {
            const Conversation conv = source->conversation(i);
            QVERIFY2(conv.size() >= 2 && conv.size() <= 4, qPrintable(QString::number(conv.size())));
            for (int t = 0; t < conv.size(); ++t) {
                qint64 tokens = 0;
                for (const auto& m : conv.at(t).messages) {
                    QVERIFY(m["role"] == "user");
                    tokens += tokensOf(*tok, m);
                }
                // The cut message is decoded and re-encoded: a token either way at the cut.
                if (t == 0)
                    QVERIFY2(std::abs(tokens - 50) <= 2, qPrintable(QString::number(tokens)));
                else
                    QVERIFY2(tokens >= 8 && tokens <= 22, qPrintable(QString::number(tokens)));
            }
        }

        c.datasetArgs = QByteArray(R"({"first_turn_length": 100000})"); // no trajectory that long
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record")));
        QVERIFY(!ConversationSource::load(c, &error));
        QVERIFY2(error.message.contains(QStringLiteral("long enough")), qPrintable(error.message));

        c.datasetArgs = QByteArray(R"({"first_turn_length": [5, 2]})");
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--dataset-args"));

        c.tokenizerPath.clear();
        c.datasetArgs.clear();
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--tokenizer-path"));
    }

    // The hub's Parquet copy (messages as JSON text, row 5 not JSON) and a copy with messages as a LIST of
    // {role, content} structs build the same conversations as the JSONL fixture they were made from.
    void sweSmithLiveBuildFromParquet_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("skipsOne");
        QTest::newRow("messages as JSON text, zstd") << "swe_smith_trajectories.parquet" << true;
        QTest::newRow("messages as a list of structs, snappy") << "swe_smith_trajectories_list.parquet" << false;
    }
    void sweSmithLiveBuildFromParquet()
    {
        QFETCH(QString, file);
        QFETCH(bool, skipsOne);
        if (skipsOne && !parquetcodec::hasZstd())
            QSKIP("built without libzstd: the hub's shape is ZSTD-compressed");
        RunConfig c = sweSmithLiveConfig();
        ConfigError error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record.*line 5")));
        const auto fromJsonl = ConversationSource::load(c, &error);
        QVERIFY2(fromJsonl, qPrintable(error.message));

        c.datasetPath = QFINDTESTDATA(QStringLiteral("data/parquet/") + file);
        if (skipsOne)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record.*row 5: ")));
        const auto fromParquet = ConversationSource::load(c, &error);
        QVERIFY2(fromParquet, qPrintable(error.message));
        QCOMPARE(fromParquet->loadedCount(), fromJsonl->loadedCount());
        for (qint64 i = 0; i < fromJsonl->loadedCount(); ++i)
            QCOMPARE(ConversationSource::encode(fromParquet->conversation(i)),
                ConversationSource::encode(fromJsonl->conversation(i)));
    }

    void sweSmithParquetErrors()
    {
        RunConfig c = conversationConfig(QStringLiteral("swe_smith"));
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        ConfigError error;
        c.datasetPath = QFINDTESTDATA("data/parquet/kontext_bench.parquet"); // Parquet, but not trajectories
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--dataset-path"));
        QVERIFY2(error.message.contains(u"no \"messages\" column") && error.message.contains(u"instruction"),
            qPrintable(error.message));

        QTemporaryDir dir;
        const QByteArray good = readFile(QFINDTESTDATA("data/parquet/swe_smith_trajectories.parquet"));
        const QString cut = dir.filePath(QStringLiteral("cut.parquet"));
        QFile f(cut);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(good.left(good.size() - 100));
        f.close();
        c.datasetPath = cut;
        QVERIFY(!ConversationSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--dataset-path"));
        QVERIFY2(error.message.contains(u"cut.parquet' is not a readable Parquet file"), qPrintable(error.message));
    }

    // Without --dataset-path, the `tool` split's first shard is downloaded into the cache (from a local fixture
    // server standing in for ModelScope and Hugging Face) and built live.
    void sweSmithFromTheHub_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::newRow("modelscope") << "modelscope";
        QTest::newRow("huggingface") << "huggingface";
    }
    void sweSmithFromTheHub()
    {
        QFETCH(QString, hub);
        if (!parquetcodec::hasZstd())
            QSKIP("built without libzstd: the hub's shape is ZSTD-compressed");
        test::FixtureServer server;
        const char* env = hub == u"modelscope" ? "THROUGHLINE_MODELSCOPE_ENDPOINT" : "HF_ENDPOINT";
        qputenv(env, server.base().toUtf8());
        const HubDataset entry = *HubDataset::forDataset(QStringLiteral("swe_smith"));
        // The hub's listing names the tool split's eight shards (and the other splits'); the first is read.
        const QByteArray shard = readFile(QFINDTESTDATA("data/parquet/swe_smith_trajectories.parquet"));
        QList<std::pair<QString, QByteArray>> repo{{QStringLiteral("README.md"), "# SWE-smith trajectories"}};
        for (int i = 7; i >= 0; --i) {
            repo.append({QStringLiteral("data/tool-%1-of-00008.parquet").arg(i, 5, 10, QLatin1Char('0')),
                i == 0 ? shard : QByteArray("not this shard")});
            repo.append({QStringLiteral("data/xml-%1-of-00008.parquet").arg(i, 5, 10, QLatin1Char('0')), "no"});
        }
        server.serveRepository(entry, hub, repo);
        const QByteArray target =
            test::FixtureServer::targetOf(entry.fileUrl(hub, QStringLiteral("data/tool-00000-of-00008.parquet")));
        QTemporaryDir cache;
        RunConfig c = conversationConfig(QStringLiteral("swe_smith"));
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        c.datasetArgs = QByteArray(R"({"first_turn_length": 50, "subsequent_turn_length": 10, "chars_per_token": 1})");
        c.dataSource = hub;
        c.datasetCache = cache.path();
        ConfigError error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 record")));
        const auto source = ConversationSource::load(c, &error);
        qunsetenv(env);
        QVERIFY2(source, qPrintable(error.message));
        QCOMPARE(server.requests.last().target, target); // after the listing, the first shard alone
        QCOMPARE(server.requests.count(), hub == u"modelscope" ? 3 : 2);
        QVERIFY(QFileInfo(entry.cacheDir(cache.path(), hub) + QStringLiteral("/data/tool-00000-of-00008.parquet"))
                    .isFile());
        QCOMPARE(source->loadedCount(), 3);
    }

    // End to end: a multi-turn run of the Parquet-built conversations against the emulated server.
    void sweSmithParquetRunsAgainstEmulatedServer()
    {
        SimConfig simConfig;
        simConfig.ttftMs = 1;
        simConfig.itlMs = 1;
        SimServer sim(simConfig);
        QString simError;
        QVERIFY2(sim.start(&simError), qPrintable(simError));
        RunConfig c = conversationConfig(QStringLiteral("swe_smith"));
        c.url = sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        c.datasetPath = QFINDTESTDATA("data/parquet/swe_smith_trajectories_list.parquet");
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        c.datasetArgs = QByteArray(R"({"first_turn_length": 50, "subsequent_turn_length": 10, "chars_per_token": 1})");
        c.minTurns = 2;
        c.maxTurns = 2;
        c.number = {6};
        c.parallel = {1};
        c.maxTokens = 2;
        c.sleepInterval = 0;
        c.writeOutputs = false;
        const PointResult point = test::runFirstPoint(c);
        QCOMPARE(point.summary.successRequests, 6);
        QCOMPARE(point.summary.failedRequests, 0);
    }
};

QTEST_GUILESS_MAIN(TestAgenticDatasets)
#include "tst_agenticdatasets.moc"
