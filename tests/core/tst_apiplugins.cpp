// Request bodies and response parsing of the Responses, embedding and rerank API plugins (EvalScope's
// openai_responses, openai_embedding and openai_rerank, §3.2–3.4 of its behaviour reference).

#include "api/apiplugin.h"
#include "config/runconfig.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace tl;

namespace {

RunConfig configFor(const QString& api, const QString& url = QStringLiteral("http://127.0.0.1:1/v1"))
{
    RunConfig c;
    c.api = api;
    c.url = url;
    c.model = QStringLiteral("m");
    c.maxTokens = 64;
    return c;
}

nlohmann::json bodyOf(const ApiPlugin& api, const PromptItem& item)
{
    const QByteArray b = api.buildBody(item);
    return nlohmann::json::parse(b.cbegin(), b.cend());
}

} // namespace

class TestApiPlugins final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void urlSuffixPerApi_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("resolved");
        const QString base = QStringLiteral("http://h:1/v1");
        QTest::newRow("openai") << "openai" << base << base + QStringLiteral("/chat/completions");
        QTest::newRow("responses") << "openai_responses" << base << base + QStringLiteral("/responses");
        QTest::newRow("responses alias") << "responses" << base + QStringLiteral("/") << base + QStringLiteral("/responses");
        QTest::newRow("responses rewrites chat") << "openai_response" << base + QStringLiteral("/chat/completions")
                                                 << base + QStringLiteral("/responses");
        QTest::newRow("embedding") << "openai_embedding" << base << base + QStringLiteral("/embeddings");
        QTest::newRow("embedding alias") << "embedding" << base << base + QStringLiteral("/embeddings");
        QTest::newRow("rerank") << "openai_rerank" << base << base + QStringLiteral("/reranks");
        QTest::newRow("rerank keeps /rerank") << "rerank" << base + QStringLiteral("/rerank")
                                              << base + QStringLiteral("/rerank");
    }
    void urlSuffixPerApi()
    {
        QFETCH(QString, api);
        QFETCH(QString, url);
        QFETCH(QString, resolved);
        const RunConfig c = configFor(api, url);
        QVERIFY2(c.validate().isEmpty(), qPrintable(c.validate().value(0).toString()));
        QCOMPARE(c.resolvedUrl(), resolved);
    }

    void unknownApiNamesTheChoices()
    {
        const ConfigErrors errors = configFor(QStringLiteral("dashscope")).validate();
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().field, QStringLiteral("--api"));
        QVERIFY(errors.first().message.contains(u"openai_responses"));
    }

    void responsesBody()
    {
        RunConfig c = configFor(QStringLiteral("openai_responses"));
        c.topP = 0.5;
        c.extraArgs = R"({"reasoning": {"effort": "low"}})";
        const auto api = ApiPlugin::create(c);
        const nlohmann::json text = bodyOf(*api, PromptItem{QStringLiteral("hello")});
        QCOMPARE(text["input"].get<std::string>(), std::string("hello"));
        QCOMPARE(text["max_output_tokens"].get<int>(), 64);
        QCOMPARE(text["model"].get<std::string>(), std::string("m"));
        QCOMPARE(text["stream"].get<bool>(), true);
        QCOMPARE(text["top_p"].get<double>(), 0.5);
        QCOMPARE(text["reasoning"]["effort"].get<std::string>(), std::string("low"));
        QVERIFY(!text.contains("stream_options"));
        QVERIFY(!text.contains("max_tokens"));

        PromptItem messages;
        messages.kind = PromptItem::Kind::Messages;
        messages.messages = R"([{"role":"user","content":[{"type":"text","text":"hi"},)"
                            R"({"type":"image_url","image_url":{"url":"data:x"}}]}])";
        messages.maxTokens = 7;
        const nlohmann::json m = bodyOf(*api, messages);
        QCOMPARE(m["input"][0]["content"][0]["type"].get<std::string>(), std::string("input_text"));
        QCOMPARE(m["input"][0]["content"][1]["type"].get<std::string>(), std::string("input_image"));
        QCOMPARE(m["input"][0]["content"][1]["image_url"].get<std::string>(), std::string("data:x"));
        QCOMPARE(m["max_output_tokens"].get<int>(), 7);

        PromptItem body;
        body.kind = PromptItem::Kind::Body;
        body.body = R"({"messages":[{"role":"user","content":"x"}],"model":"other","max_output_tokens":3})";
        const nlohmann::json b = bodyOf(*api, body);
        QVERIFY(!b.contains("messages"));
        QCOMPARE(b["input"][0]["content"].get<std::string>(), std::string("x"));
        QCOMPARE(b["model"].get<std::string>(), std::string("m")); // EvalScope overwrites the run's parameters
        QCOMPARE(b["max_output_tokens"].get<int>(), 64);
    }

    void responsesEvents_data()
    {
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<bool>("timing"); // counts for TTFT/ITL
        QTest::addColumn<bool>("content");
        QTest::addColumn<bool>("error");
        QTest::addColumn<qint64>("outputTokens");
        QTest::newRow("created") << QByteArray(R"({"type":"response.created","response":{"id":"r"}})") << false
                                 << false << false << qint64(-1);
        QTest::newRow("text delta") << QByteArray(R"({"type":"response.output_text.delta","delta":"Hi"})") << true
                                    << true << false << qint64(-1);
        QTest::newRow("empty delta") << QByteArray(R"({"type":"response.output_text.delta","delta":""})") << false
                                     << false << false << qint64(-1);
        QTest::newRow("reasoning delta")
            << QByteArray(R"({"type":"response.reasoning_text.delta","delta":"hm"})") << true << true << false
            << qint64(-1);
        QTest::newRow("refusal delta") << QByteArray(R"({"type":"response.refusal.delta","delta":"no"})") << true
                                       << true << false << qint64(-1);
        QTest::newRow("text done") << QByteArray(R"({"type":"response.output_text.done","text":"Hi there"})")
                                   << false << false << false << qint64(-1);
        QTest::newRow("completed")
            << QByteArray(R"({"type":"response.completed","response":{"output_text":"Hi there",)"
                          R"("usage":{"input_tokens":5,"output_tokens":9,"input_tokens_details":{"cached_tokens":2}}}})")
            << false << false << false << qint64(9);
        QTest::newRow("incomplete at max tokens")
            << QByteArray(R"({"type":"response.incomplete","response":{"incomplete_details":{"reason":)"
                          R"("max_output_tokens"},"usage":{"input_tokens":5,"output_tokens":64}}})")
            << false << false << false << qint64(64);
        QTest::newRow("failed")
            << QByteArray(R"({"type":"response.failed","response":{"error":{"message":"overloaded"}}})") << false
            << false << true << qint64(-1);
        QTest::newRow("error event") << QByteArray(R"({"type":"error","code":"x","message":"bad"})") << false
                                     << false << true << qint64(-1);
    }
    void responsesEvents()
    {
        QFETCH(QByteArray, event);
        QFETCH(bool, timing);
        QFETCH(bool, content);
        QFETCH(bool, error);
        QFETCH(qint64, outputTokens);
        const auto api = ApiPlugin::create(configFor(QStringLiteral("openai_responses")));
        const ParsedEvent ev = api->parseStreamEvent(event);
        QVERIFY(ev.valid);
        QCOMPARE(ev.hasChoices, timing);
        QCOMPARE(ev.hasContent, content);
        QCOMPARE(ev.isError, error);
        QCOMPARE(ev.completionTokens, outputTokens);
        if (outputTokens == 9) {
            QCOMPARE(ev.promptTokens, 5);
            QCOMPARE(ev.cachedTokens, 2);
        }
        if (error)
            QVERIFY(!ev.errorMessage.isEmpty());
    }

    void responsesNonStreamBody()
    {
        RunConfig c = configFor(QStringLiteral("openai_responses"));
        c.stream = false;
        const auto api = ApiPlugin::create(c);
        QVERIFY(!api->streaming());
        const ParsedEvent ev = api->parseBody(
            R"({"object":"response","status":"completed","output":[{"type":"message","content":[)"
            R"({"type":"output_text","text":"abc"}]}],"usage":{"input_tokens":3,"output_tokens":1}})");
        QVERIFY(ev.hasContent);
        QCOMPARE(ev.contentChars, 3);
        QCOMPARE(ev.promptTokens, 3);
        QCOMPARE(ev.completionTokens, 1);
        QVERIFY(!ev.isError);
    }

    void embeddingBodies_data()
    {
        QTest::addColumn<QStringList>("inputs");
        QTest::addColumn<bool>("batch");
        QTest::addColumn<QByteArray>("expectedInput");
        QTest::newRow("one text") << QStringList{QStringLiteral("a")} << false << QByteArray(R"("a")");
        QTest::newRow("batch of one stays a list") << QStringList{QStringLiteral("a")} << true << QByteArray(R"(["a"])");
        QTest::newRow("batch") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << true
                               << QByteArray(R"(["a","b"])");
    }
    void embeddingBodies()
    {
        QFETCH(QStringList, inputs);
        QFETCH(bool, batch);
        QFETCH(QByteArray, expectedInput);
        RunConfig c = configFor(QStringLiteral("openai_embedding"));
        c.extraArgs = R"({"dimensions": 8})";
        const auto api = ApiPlugin::create(c);
        QVERIFY(!api->streaming());
        PromptItem item;
        item.kind = PromptItem::Kind::Embedding;
        item.inputs = inputs;
        item.batch = batch;
        const nlohmann::json body = bodyOf(*api, item);
        QVERIFY2(body["input"] == nlohmann::json::parse(expectedInput.toStdString()), body.dump().c_str());
        QCOMPARE(body["model"].get<std::string>(), std::string("m"));
        QCOMPARE(body["dimensions"].get<int>(), 8);
        QVERIFY(!body.contains("max_tokens"));
        QVERIFY(!body.contains("stream"));
    }

    void embeddingAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("error");
        QTest::addColumn<qint64>("promptTokens");
        QTest::newRow("prompt_tokens") << QByteArray(R"({"data":[{"embedding":[0.1]}],"usage":{"prompt_tokens":4,)"
                                                     R"("total_tokens":4}})")
                                       << false << qint64(4);
        QTest::newRow("total_tokens only") << QByteArray(R"({"data":[{"embedding":[0.1]}],"usage":{"total_tokens":6}})")
                                           << false << qint64(6);
        QTest::newRow("no data list") << QByteArray(R"({"object":"list"})") << true << qint64(-1);
        QTest::newRow("error object") << QByteArray(R"({"error":{"message":"too long"}})") << true << qint64(-1);
    }
    void embeddingAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, error);
        QFETCH(qint64, promptTokens);
        const auto api = ApiPlugin::create(configFor(QStringLiteral("embedding")));
        const ParsedEvent ev = api->parseBody(answer);
        QCOMPARE(ev.isError, error);
        QCOMPARE(ev.promptTokens, promptTokens);
        if (!error)
            QCOMPARE(ev.completionTokens, 0);
    }

    void rerankBodies()
    {
        const auto api = ApiPlugin::create(configFor(QStringLiteral("openai_rerank")));
        PromptItem item;
        item.kind = PromptItem::Kind::Rerank;
        item.query = QStringLiteral("q");
        item.documents = {QStringLiteral("d1"), QStringLiteral("d2")};
        const nlohmann::json body = bodyOf(*api, item);
        QCOMPARE(body["query"].get<std::string>(), std::string("q"));
        QCOMPARE(body["documents"].size(), size_t(2));

        // A bare string: the query plus EvalScope's default document.
        const nlohmann::json bare = bodyOf(*api, PromptItem{QStringLiteral("just a query")});
        QCOMPARE(bare["query"].get<std::string>(), std::string("just a query"));
        QCOMPARE(bare["documents"][0].get<std::string>(), std::string("This is a test document for reranking."));

        // Messages: the first text is the query, the rest documents.
        PromptItem messages;
        messages.kind = PromptItem::Kind::Messages;
        messages.messages = R"([{"role":"user","content":"q2"},{"role":"user","content":"doc"}])";
        const nlohmann::json m = bodyOf(*api, messages);
        QCOMPARE(m["query"].get<std::string>(), std::string("q2"));
        QCOMPARE(m["documents"][0].get<std::string>(), std::string("doc"));
    }

    void rerankTokens()
    {
        const auto api = ApiPlugin::create(configFor(QStringLiteral("rerank")));
        const ParsedEvent usage = api->parseBody(R"({"results":[{"index":0}],"usage":{"total_tokens":12}})");
        QCOMPARE(usage.promptTokens, 12);
        QVERIFY(!usage.isError);
        const ParsedEvent cohere
            = api->parseBody(R"({"results":[{"index":0}],"meta":{"billed_units":{"search_units":1}}})");
        QVERIFY(cohere.hasUsage);
        QCOMPARE(cohere.promptTokens, 1);
        const ParsedEvent empty = api->parseBody(R"({"results":[]})");
        QVERIFY(empty.isError);
    }
};

QTEST_GUILESS_MAIN(TestApiPlugins)
#include "tst_apiplugins.moc"
