// The emulated server's other OpenAI/vLLM endpoints: /v1/responses (streamed and not), /v1/embeddings,
// /v1/rerank and /v1/reranks, observed from a raw client over 127.0.0.1.

#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "tst_simclient.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>

using nlohmann::json;
using namespace simtest;

namespace {

json parseJson(const QByteArray& bytes)
{
    return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

// (event name, data JSON) of each event of a Responses stream.
QList<std::pair<QByteArray, json>> namedEvents(const QByteArray& body)
{
    QList<std::pair<QByteArray, json>> events;
    for (const QByteArray& block : body.split('\n')) {
        if (block.startsWith("event: "))
            events.append({block.mid(7), json()});
        else if (block.startsWith("data: ") && !events.isEmpty())
            events.last().second = parseJson(block.mid(6));
    }
    return events;
}

} // namespace

class TestSimEndpoints final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void responsesStream_data();
    void responsesStream();
    void responsesNonStream();
    void responsesErrors();
    void embeddings_data();
    void embeddings();
    void embeddingsBase64();
    void embeddingsErrors();
    void rerank_data();
    void rerank();
    void rerankErrors();

private:
    HttpReply post(QByteArrayView path, const json& body);

    std::unique_ptr<tl::SimServer> m_server;
};

void TestSimEndpoints::initTestCase()
{
    tl::SimConfig config;
    config.ttftMs = 2;
    config.itlMs = 1;
    config.threads = 2;
    config.modelName = QStringLiteral("sim-model");
    config.embeddingDimensions = 8;
    m_server = std::make_unique<tl::SimServer>(config);
    QVERIFY(m_server->start());
}

void TestSimEndpoints::cleanupTestCase()
{
    m_server.reset();
}

HttpReply TestSimEndpoints::post(QByteArrayView path, const json& body)
{
    HttpReply reply;
    if (!exchange(m_server->port(), httpRequest("POST", path, QByteArray::fromStdString(body.dump())), &reply))
        reply.status = -1;
    return reply;
}

void TestSimEndpoints::responsesStream_data()
{
    QTest::addColumn<int>("maxOutputTokens");
    QTest::newRow("1 token") << 1;
    QTest::newRow("5 tokens") << 5;
}

void TestSimEndpoints::responsesStream()
{
    QFETCH(int, maxOutputTokens);
    const HttpReply reply = post("/v1/responses",
        {{"model", "m"}, {"instructions", "be brief"}, {"input", "hello there"}, {"stream", true},
            {"max_output_tokens", maxOutputTokens}, {"ignore_eos", true}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("text/event-stream; charset=utf-8"));
    QVERIFY(!reply.body.contains("[DONE]")); // the Responses API ends with response.completed
    const auto events = namedEvents(reply.body);
    QCOMPARE(events.size(), 4 + maxOutputTokens + 4);
    const QList<QByteArray> expectedOpen
        = {"response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"};
    const QList<QByteArray> expectedClose = {
        "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"};
    QByteArray text;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto& [name, data] = events.at(i);
        QVERIFY2(data.is_object(), name.constData());
        QCOMPARE(QByteArray::fromStdString(data["type"].get<std::string>()), name);
        QCOMPARE(data["sequence_number"].get<qsizetype>(), i);
        if (i < 4)
            QCOMPARE(name, expectedOpen.at(i));
        else if (i >= events.size() - 4)
            QCOMPARE(name, expectedClose.at(i - (events.size() - 4)));
        else {
            QCOMPARE(name, QByteArray("response.output_text.delta"));
            text += QByteArray::fromStdString(data["delta"].get<std::string>());
        }
    }
    const json& created = events.at(0).second["response"];
    QVERIFY(created["id"].get<std::string>().starts_with("resp_"));
    QCOMPARE(created["status"].get<std::string>(), "in_progress");
    QCOMPARE(created["model"].get<std::string>(), "m");
    QCOMPARE(QByteArray::fromStdString(events.at(events.size() - 4).second["text"].get<std::string>()), text);
    const json& done = events.constLast().second["response"];
    QVERIFY(done["id"] == created["id"]);
    QCOMPARE(done["status"].get<std::string>(), "incomplete"); // stopped by max_output_tokens
    QCOMPARE(QByteArray::fromStdString(done["output"][0]["content"][0]["text"].get<std::string>()), text);
    // "be brief" (2 + 4) + "hello there" (3 + 4)
    QCOMPARE(done["usage"]["input_tokens"].get<int>(), 13);
    QCOMPARE(done["usage"]["output_tokens"].get<int>(), maxOutputTokens);
    QCOMPARE(done["usage"]["total_tokens"].get<int>(), 13 + maxOutputTokens);
}

void TestSimEndpoints::responsesNonStream()
{
    const HttpReply reply = post("/v1/responses",
        {{"input", {{{"role", "user"}, {"content", {{{"type", "input_text"}, {"text", "abcdefgh"}}}}}}}});
    QCOMPARE(reply.status, 200);
    const json answer = parseJson(reply.body);
    QCOMPARE(answer["object"].get<std::string>(), "response");
    QCOMPARE(answer["status"].get<std::string>(), "completed");
    QCOMPARE(answer["model"].get<std::string>(), "sim-model");
    QCOMPARE(answer["output"][0]["type"].get<std::string>(), "message");
    QCOMPARE(answer["output"][0]["role"].get<std::string>(), "assistant");
    QCOMPARE(answer["usage"]["input_tokens"].get<int>(), 2 + 4);
    QCOMPARE(answer["usage"]["output_tokens"].get<int>(), tl::SimConfig().defaultOutputTokens);
}

void TestSimEndpoints::responsesErrors()
{
    HttpReply reply = post("/v1/responses", {{"stream", true}});
    QCOMPARE(reply.status, 400);
    QVERIFY(parseJson(reply.body)["message"].get<std::string>().find("input") != std::string::npos);
    reply = post("/v1/responses", {{"input", "x"}, {"max_output_tokens", 0}});
    QCOMPARE(reply.status, 400);
}

void TestSimEndpoints::embeddings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("tokens");
    QTest::newRow("string") << QByteArray(R"("abcdefgh")") << 1 << 2;
    QTest::newRow("strings") << QByteArray(R"(["abcd","abcdefghi"])") << 2 << 1 + 3;
    QTest::newRow("token ids") << QByteArray("[1,2,3]") << 1 << 3;
    QTest::newRow("lists of token ids") << QByteArray("[[1,2],[3,4,5,6]]") << 2 << 6;
}

void TestSimEndpoints::embeddings()
{
    QFETCH(QByteArray, input);
    QFETCH(int, count);
    QFETCH(int, tokens);
    const json body = {{"input", parseJson(input)}, {"model", "emb"}};
    const HttpReply reply = post("/v1/embeddings", body);
    QCOMPARE(reply.status, 200);
    const json answer = parseJson(reply.body);
    QCOMPARE(answer["object"].get<std::string>(), "list");
    QCOMPARE(answer["model"].get<std::string>(), "emb");
    QCOMPARE(answer["data"].size(), std::size_t(count));
    QCOMPARE(answer["usage"]["prompt_tokens"].get<int>(), tokens);
    QCOMPARE(answer["usage"]["total_tokens"].get<int>(), tokens);
    for (int i = 0; i < count; ++i) {
        const json& item = answer["data"][static_cast<std::size_t>(i)];
        QCOMPARE(item["object"].get<std::string>(), "embedding");
        QCOMPARE(item["index"].get<int>(), i);
        QCOMPARE(item["embedding"].size(), std::size_t(8));
        double norm = 0;
        for (const json& v : item["embedding"])
            norm += v.get<double>() * v.get<double>();
        QVERIFY(std::abs(norm - 1.0) < 1e-4);
    }
    // A pure function of the input.
    QVERIFY(parseJson(post("/v1/embeddings", body).body)["data"] == answer["data"]);
}

void TestSimEndpoints::embeddingsBase64()
{
    const HttpReply reply
        = post("/v1/embeddings", {{"input", "hello"}, {"encoding_format", "base64"}, {"dimensions", 16}});
    QCOMPARE(reply.status, 200);
    const json answer = parseJson(reply.body);
    const QByteArray raw
        = QByteArray::fromBase64(QByteArray::fromStdString(answer["data"][0]["embedding"].get<std::string>()));
    QCOMPARE(raw.size(), qsizetype(16 * sizeof(float)));
}

void TestSimEndpoints::embeddingsErrors()
{
    QCOMPARE(post("/v1/embeddings", json::object()).status, 400);
    QCOMPARE(post("/v1/embeddings", {{"input", json::array()}}).status, 400);
    QCOMPARE(post("/v1/embeddings", {{"input", "x"}, {"dimensions", 0}}).status, 400);
    QCOMPARE(post("/v1/embeddings", {{"input", "x"}, {"encoding_format", "hex"}}).status, 400);
}

void TestSimEndpoints::rerank_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("rerank") << QByteArray("/v1/rerank");
    QTest::newRow("reranks") << QByteArray("/v1/reranks");
}

void TestSimEndpoints::rerank()
{
    QFETCH(QByteArray, path);
    const json body = {{"model", "rr"}, {"query", "red apple"},
        {"documents", {"a blue car", "green apple and a red one", {{"text", "red car"}}}}};
    HttpReply reply = post(path, body);
    QCOMPARE(reply.status, 200);
    json answer = parseJson(reply.body);
    QVERIFY(answer["id"].get<std::string>().starts_with("rerank-"));
    QCOMPARE(answer["model"].get<std::string>(), "rr");
    const json& results = answer["results"];
    QCOMPARE(results.size(), std::size_t(3));
    QCOMPARE(results[0]["index"].get<int>(), 1); // both words
    QCOMPARE(results[1]["index"].get<int>(), 2); // one word
    QCOMPARE(results[2]["index"].get<int>(), 0);
    QCOMPARE(results[0]["document"]["text"].get<std::string>(), "green apple and a red one");
    for (std::size_t i = 0; i < results.size(); ++i) {
        const double score = results[i]["relevance_score"].get<double>();
        QVERIFY(score >= 0.0 && score <= 1.0);
        QVERIFY(i == 0 || score <= results[i - 1]["relevance_score"].get<double>());
    }
    QVERIFY(answer["usage"]["total_tokens"].get<int>() > 0);

    json limited = body;
    limited["top_n"] = 1;
    limited["return_documents"] = false;
    reply = post(path, limited);
    answer = parseJson(reply.body);
    QCOMPARE(answer["results"].size(), std::size_t(1));
    QVERIFY(!answer["results"][0].contains("document"));
}

void TestSimEndpoints::rerankErrors()
{
    QCOMPARE(post("/v1/rerank", {{"documents", {"a"}}}).status, 400);
    QCOMPARE(post("/v1/rerank", {{"query", "a"}, {"documents", json::array()}}).status, 400);
    QCOMPARE(post("/v1/rerank", {{"query", "a"}, {"documents", {1}}}).status, 400);
    QCOMPARE(post("/v1/rerank", {{"query", "a"}, {"documents", {"b"}}, {"top_n", 0}}).status, 400);
    HttpReply reply;
    QVERIFY(exchange(m_server->port(), httpRequest("GET", "/v1/rerank"), &reply));
    QCOMPARE(reply.status, 405);
}

QTEST_GUILESS_MAIN(TestSimEndpoints)
#include "tst_simendpoints.moc"
