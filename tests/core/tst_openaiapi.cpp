#include "api/openaiapi.h"
#include "config/runconfig.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace tl;

namespace {

RunConfig config(const char* url)
{
    RunConfig c;
    c.model = QStringLiteral("qwen");
    c.url = QString::fromLatin1(url);
    c.maxTokens = 32;
    return c;
}

nlohmann::json bodyOf(const OpenAiApi& api, const char* prompt)
{
    return nlohmann::json::parse(api.buildBody(PromptItem{QString::fromUtf8(prompt)}).toStdString());
}

} // namespace

class TestOpenAiApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chatBody()
    {
        RunConfig c = config("http://h:1/v1/chat/completions");
        c.extraArgs = R"({"ignore_eos": true, "temperature": 0.7})";
        c.minTokens = 3;
        const OpenAiApi api(c);
        const auto b = bodyOf(api, "héllo");
        QCOMPARE(b["model"].get<std::string>(), std::string("qwen"));
        QCOMPARE(b["messages"][0]["role"].get<std::string>(), std::string("user"));
        QCOMPARE(QString::fromStdString(b["messages"][0]["content"].get<std::string>()), QString::fromUtf8("héllo"));
        QCOMPARE(b["max_tokens"].get<int>(), 32);
        QCOMPARE(b["min_tokens"].get<int>(), 3);
        QCOMPARE(b["stream"].get<bool>(), true);
        QCOMPARE(b["stream_options"]["include_usage"].get<bool>(), true);
        QCOMPARE(b["ignore_eos"].get<bool>(), true);
        QCOMPARE(b["temperature"].get<double>(), 0.7); // extra args win, as in EvalScope's payload.update
        QVERIFY(!b.contains("prompt"));
    }

    void completionsBodyAndNoStream()
    {
        RunConfig c = config("http://h:1/v1/completions");
        c.stream = false;
        const OpenAiApi api(c);
        const auto b = bodyOf(api, "hi");
        QCOMPARE(b["prompt"].get<std::string>(), std::string("hi"));
        QVERIFY(!b.contains("messages"));
        QCOMPARE(b["stream"].get<bool>(), false);
        QVERIFY(!b.contains("stream_options"));
    }

    void datasetItemKinds()
    {
        RunConfig c = config("http://h:1/v1/chat/completions");
        c.extraArgs = R"({"ignore_eos": true})";
        const OpenAiApi api(c);
        auto build = [&api](const PromptItem& item) { return nlohmann::json::parse(api.buildBody(item).toStdString()); };

        PromptItem messages;
        messages.kind = PromptItem::Kind::Messages;
        messages.messages = R"([{"role":"system","content":"be brief"},{"role":"user","content":"hi"}])";
        messages.maxTokens = 7;
        auto b = build(messages);
        QCOMPARE(b["messages"].size(), size_t(2));
        QCOMPARE(b["messages"][0]["role"].get<std::string>(), std::string("system"));
        QCOMPARE(b["max_tokens"].get<int>(), 7); // the per-request value wins over --max-tokens

        PromptItem ids;
        ids.kind = PromptItem::Kind::TokenIds;
        ids.tokenIds = {5, 17, 99};
        b = build(ids);
        QVERIFY(b["prompt"] == nlohmann::json::array({5, 17, 99}));
        QVERIFY(!b.contains("messages"));
        QCOMPARE(b["max_tokens"].get<int>(), 32);

        // A whole body: the run's parameters only fill the keys it lacks (EvalScope's setdefault).
        PromptItem body;
        body.kind = PromptItem::Kind::Body;
        body.body = R"({"model":"other","messages":[{"role":"user","content":"x"}],"stream":false,"tools":[]})";
        b = build(body);
        QCOMPARE(b["model"].get<std::string>(), std::string("other"));
        QCOMPARE(b["stream"].get<bool>(), false);
        QVERIFY(!b.contains("stream_options"));
        QVERIFY(b.contains("tools"));
        QCOMPARE(b["max_tokens"].get<int>(), 32);
        QCOMPARE(b["ignore_eos"].get<bool>(), true);
        body.body = R"({"messages":[],"max_tokens":3})";
        b = build(body);
        QCOMPARE(b["max_tokens"].get<int>(), 3);
        QCOMPARE(b["stream_options"]["include_usage"].get<bool>(), true);
    }

    void continuousUsageBody_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("continuous");
        QTest::newRow("chat, EvalScope's body") << "http://h:1/v1/chat/completions" << false;
        QTest::newRow("chat, --continuous-usage") << "http://h:1/v1/chat/completions" << true;
        QTest::newRow("completions, --continuous-usage") << "http://h:1/v1/completions" << true;
    }
    void continuousUsageBody()
    {
        QFETCH(QString, url);
        QFETCH(bool, continuous);
        RunConfig c = config(url.toLatin1().constData());
        c.continuousUsage = continuous;
        const OpenAiApi api(c);
        const nlohmann::json expected = continuous
            ? nlohmann::json{{"include_usage", true}, {"continuous_usage_stats", true}}
            : nlohmann::json{{"include_usage", true}};
        QCOMPARE(bodyOf(api, "hi")["stream_options"].dump(), expected.dump());
        // A whole body from the dataset gets the same stream_options when it streams and names none.
        PromptItem body;
        body.kind = PromptItem::Kind::Body;
        body.body = R"({"messages":[],"stream":true})";
        QCOMPARE(nlohmann::json::parse(api.buildBody(body).toStdString())["stream_options"].dump(), expected.dump());
        if (!continuous) // EvalScope's exact bytes: nothing after include_usage
            QVERIFY(api.buildBody(PromptItem{QStringLiteral("hi")}).contains(R"("stream_options":{"include_usage":true})"));
    }

    void queryTemplate()
    {
        RunConfig c = config("http://h:1/v1/chat/completions");
        c.queryTemplate = QStringLiteral(R"({"messages":[{"role":"user","content":"%p"}],"top_p":0.5,"max_tokens":1})");
        const OpenAiApi api(c);
        const auto b = bodyOf(api, "hello");
        QCOMPARE(b["messages"][0]["content"].get<std::string>(), std::string("hello")); // replaced, not substituted
        QCOMPARE(b["top_p"].get<double>(), 0.5); // template keys the run does not set stay
        QCOMPARE(b["max_tokens"].get<int>(), 32); // the run's parameters overwrite the template's
    }

    void streamEvents_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("choices");
        QTest::addColumn<bool>("content");
        QTest::addColumn<bool>("usage");
        QTest::addColumn<bool>("error");
        QTest::newRow("role-only chunk")
            << QByteArray(R"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})")
            << true << true << false << false << false;
        QTest::newRow("content chunk")
            << QByteArray(R"({"choices":[{"index":0,"delta":{"content":" hi"}}]})") << true << true << true << false
            << false;
        QTest::newRow("reasoning chunk")
            << QByteArray(R"({"choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]})") << true << true << true
            << false << false;
        QTest::newRow("completions text")
            << QByteArray(R"({"object":"text_completion","choices":[{"index":0,"text":"x"}]})") << true << true << true
            << false << false;
        QTest::newRow("usage chunk")
            << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":2}}})")
            << true << false << false << true << false;
        QTest::newRow("error event") << QByteArray(R"({"error":{"message":"overloaded","code":503}})") << true << false
                                     << false << false << true;
        QTest::newRow("not json") << QByteArray("{oops") << false << false << false << false << false;
        QTest::newRow("null content") << QByteArray(R"({"choices":[{"delta":{"content":null}}]})") << true << true
                                      << false << false << false;
        // Real servers' variants: the role sent with the first token; completions' usage inside the last choice
        // chunk rather than in a separate "choices": [] chunk.
        QTest::newRow("role with first token")
            << QByteArray(R"({"choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"}}]})") << true << true
            << true << false << false;
        QTest::newRow("completions usage in last choice chunk")
            << QByteArray(R"({"object":"text_completion","choices":[{"index":0,"text":"!","finish_reason":"length"}],)"
                          R"("usage":{"prompt_tokens":4,"completion_tokens":9}})")
            << true << true << true << true << false;
    }
    void streamEvents()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, valid);
        QFETCH(bool, choices);
        QFETCH(bool, content);
        QFETCH(bool, usage);
        QFETCH(bool, error);
        const OpenAiApi api(config("http://h:1/v1"));
        const ParsedEvent ev = api.parseStreamEvent(data);
        QCOMPARE(ev.valid, valid);
        QCOMPARE(ev.hasChoices, choices);
        QCOMPARE(ev.hasContent, content);
        QCOMPARE(ev.hasUsage, usage);
        QCOMPARE(ev.isError, error);
    }

    void usageValues()
    {
        const OpenAiApi api(config("http://h:1/v1"));
        const ParsedEvent ev = api.parseStreamEvent(
            R"({"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":2}}})");
        QCOMPARE(ev.promptTokens, 7);
        QCOMPARE(ev.completionTokens, 3);
        QCOMPARE(ev.cachedTokens, 2);
        const ParsedEvent err = api.parseStreamEvent(R"({"error":{"message":"overloaded"}})");
        QCOMPARE(err.errorMessage, QStringLiteral("overloaded"));
    }

    // vLLM's continuous_usage_stats: a cumulative usage object in every chunk, the role chunk's included.
    void perChunkUsage_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("content");
        QTest::addColumn<qint64>("completionTokens");
        QTest::newRow("role chunk")
            << QByteArray(R"({"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant",)"
                          R"("content":""},"logprobs":null,"finish_reason":null}],)"
                          R"("usage":{"prompt_tokens":9,"total_tokens":9,"completion_tokens":0}})")
            << false << qint64(0);
        QTest::newRow("chat chunk of 3 tokens")
            << QByteArray(R"({"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" a b c"},)"
                          R"("logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":9,"total_tokens":15,)"
                          R"("completion_tokens":6}})")
            << true << qint64(6);
        QTest::newRow("completions chunk")
            << QByteArray(R"({"id":"c","object":"text_completion","choices":[{"index":0,"text":" x","logprobs":null,)"
                          R"("finish_reason":"length"}],"usage":{"prompt_tokens":4,"total_tokens":11,"completion_tokens":7}})")
            << true << qint64(7);
        QTest::newRow("final usage chunk")
            << QByteArray(R"({"id":"c","object":"chat.completion.chunk","choices":[],)"
                          R"("usage":{"prompt_tokens":9,"total_tokens":16,"completion_tokens":7}})")
            << false << qint64(7);
    }
    void perChunkUsage()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, content);
        QFETCH(qint64, completionTokens);
        const OpenAiApi api(config("http://h:1/v1"));
        const ParsedEvent ev = api.parseStreamEvent(data);
        QVERIFY(ev.valid);
        QCOMPARE(ev.hasContent, content);
        QVERIFY(ev.hasUsage);
        QCOMPARE(ev.completionTokens, completionTokens);
        QVERIFY(ev.promptTokens > 0);
    }

    void nonStreamBody()
    {
        const OpenAiApi api(config("http://h:1/v1"));
        const ParsedEvent ev = api.parseBody(
            R"({"choices":[{"message":{"role":"assistant","content":"abc"}}],"usage":{"prompt_tokens":4,"completion_tokens":9}})");
        QVERIFY(ev.hasContent);
        QCOMPARE(ev.contentChars, 3);
        QCOMPARE(ev.completionTokens, 9);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiApi)
#include "tst_openaiapi.moc"
