#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "tst_simclient.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>

using nlohmann::json;
using namespace simtest;

namespace {

constexpr double TtftMs = 30.0;
constexpr double ItlMs = 5.0;
constexpr int DefaultOutputTokens = 12;

// The words SimProtocol emits, in order (it documents the list as fixed).
const char* const ExpectedWords[]
    = {" the", " of", " and", " to", " in", " is", " that", " for", " it", " as", " with", " was", " on", " be", " by",
        " at", " this", " from", " or", " an", " are", " not", " have", " but", " they", " which", " one", " all",
        " were", " can", " more", " has", " their", " been", " when", " there", " also", " new", " time", " other",
        " some", " what", " into", " only", " about", " would", " its", " first", " after", " two", " over", " these",
        " people", " may", " then", " like", " so", " could", " them", " than", " most", " such", " made", " well"};
static_assert(std::size(ExpectedWords) == 64);

QByteArray expectedText(int n)
{
    QByteArray text;
    for (int k = 0; k < n; ++k)
        text += ExpectedWords[k % std::size(ExpectedWords)];
    return text;
}

QByteArray str(const json& value)
{
    return value.is_string() ? QByteArray::fromStdString(value.get<std::string>())
                             : QByteArray::fromStdString(value.dump());
}

bool isErrorShape(const HttpReply& reply, int status, const char* type)
{
    const json body = json::parse(reply.body.toStdString(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return false;
    return reply.status == status && reply.headers.value("content-type") == "application/json"
        && body.value("object", "") == "error" && body.contains("message") && body["message"].is_string()
        && !body["message"].get<std::string>().empty() && body.value("type", "") == type && body.contains("param")
        && body["param"].is_null() && body.value("code", 0) == status;
}

// Checks a finished chat/completions SSE answer and returns its text and usage through the out-parameters;
// a failed check is reported through QVERIFY in the caller.
struct StreamCheck {
    bool ok = false;
    QByteArray why;
    int tokens = 0;
    QByteArray text;
    QByteArray finishReason;
    json usage;
};

StreamCheck checkStream(const HttpReply& reply, bool chat, const QByteArray& model)
{
    StreamCheck check;
    const auto fail = [&](QByteArray why) {
        check.why = std::move(why);
        return check;
    };
    if (reply.status != 200)
        return fail("status " + QByteArray::number(reply.status));
    if (reply.headers.value("content-type") != "text/event-stream; charset=utf-8")
        return fail("content-type " + reply.headers.value("content-type"));
    // One SSE event per HTTP chunk.
    for (const QByteArray& chunk : reply.chunks) {
        if (!chunk.startsWith("data: ") || !chunk.endsWith("\n\n") || chunk.count("data: ") != 1)
            return fail("chunk is not exactly one SSE event: " + chunk);
    }
    const QList<QByteArray> events = sseData(reply.body);
    if (events.isEmpty() || events.constLast() != "[DONE]")
        return fail("stream does not end with [DONE]");
    QByteArray id;
    bool sawFinish = false;
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        json event = json::parse(events.at(i).toStdString(), nullptr, false);
        if (event.is_discarded())
            return fail("event is not JSON: " + events.at(i));
        if (id.isEmpty())
            id = str(event["id"]);
        if (str(event["id"]) != id)
            return fail("ids differ within one stream");
        if (!id.startsWith(chat ? "chatcmpl-" : "cmpl-"))
            return fail("id " + id);
        if (str(event["object"]) != (chat ? "chat.completion.chunk" : "text_completion"))
            return fail("object " + str(event["object"]));
        if (str(event["model"]) != model)
            return fail("model " + str(event["model"]));
        json& choices = event["choices"];
        if (choices.empty()) {
            if (!event.contains("usage") || i + 2 != events.size())
                return fail("a chunk without choices must be the usage chunk just before [DONE]");
            check.usage = event["usage"];
            continue;
        }
        if (sawFinish)
            return fail("token chunk after the finish_reason chunk");
        json& choice = choices.at(0);
        if (chat && i == 0) {
            if (choice["delta"] != json{{"role", "assistant"}, {"content", ""}} || !choice["finish_reason"].is_null())
                return fail("first chat chunk is not the role chunk: " + events.at(i));
            continue;
        }
        json& piece = chat ? choice["delta"]["content"] : choice["text"];
        if (!piece.is_string() || (chat && choice["delta"].contains("role")))
            return fail("token chunk without text: " + events.at(i));
        ++check.tokens;
        const QByteArray word = str(piece);
        if (word != ExpectedWords[(check.tokens - 1) % std::size(ExpectedWords)])
            return fail("unexpected token " + word);
        check.text += word;
        if (!choice["finish_reason"].is_null()) {
            sawFinish = true;
            check.finishReason = str(choice["finish_reason"]);
        }
    }
    if (!sawFinish)
        return fail("no chunk carried a finish_reason");
    check.ok = true;
    return check;
}

} // namespace

class TestSimServer final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void startReportsPortAndBaseUrl();
    void startFailsWhenPortTaken();
    void health();
    void modelsListsConfiguredModel();
    void errors_data();
    void errors();
    void malformedRequestIsAnsweredAndClosed_data();
    void malformedRequestIsAnsweredAndClosed();
    void apiKey();
    void streamingChat();
    void streamingChatWithoutUsage();
    void streamingChatThroughNetworkAccessManager();
    void streamingCompletions();
    void continuousUsageStats_data();
    void continuousUsageStats();
    void nonStreamingChat();
    void nonStreamingCompletions();
    void outputLength_data();
    void outputLength();
    void promptTokens_data();
    void promptTokens();
    void keepAliveServesSequentialRequests();
    void pipelinedRequestsInOneWrite();
    void connectionCloseIsHonoured();
    void splitRequestIsReassembled_data();
    void splitRequestIsReassembled();
    void expectContinue();
    void http10ClientGetsUnchunkedStream();
    void concurrentStreamsAllComplete();
    void clientDisconnectMidStream();
    void stopWithStreamsInFlight();
    void traceOutIsWrittenWhileServing();
    void traceOutThatCannotBeWrittenFailsStart();

private:
    quint16 port() const { return m_server->port(); }
    HttpReply postJson(QByteArrayView path, const json& body);

    std::unique_ptr<tl::SimServer> m_server;
};

void TestSimServer::initTestCase()
{
    tl::SimConfig config;
    config.ttftMs = TtftMs;
    config.itlMs = ItlMs;
    config.defaultOutputTokens = DefaultOutputTokens;
    config.threads = 2;
    config.modelName = QStringLiteral("sim-model");
    m_server = std::make_unique<tl::SimServer>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSimServer::cleanupTestCase()
{
    m_server.reset();
}

HttpReply TestSimServer::postJson(QByteArrayView path, const json& body)
{
    HttpReply reply;
    if (!exchange(port(), httpRequest("POST", path, QByteArray::fromStdString(body.dump())), &reply))
        reply.status = -1;
    return reply;
}

// --trace-out writes each request's record while the server runs (within about a second), not only at exit, and
// keeps nothing in memory for it.
void TestSimServer::traceOutIsWrittenWhileServing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
    tl::SimConfig config;
    config.ttftMs = 1;
    config.itlMs = 1;
    config.threads = 1;
    config.traceOut = path;
    tl::SimServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    constexpr int Requests = 5;
    for (int i = 0; i < Requests; ++i) {
        HttpReply reply;
        QVERIFY(exchange(server.port(),
            httpRequest("POST", "/v1/chat/completions",
                R"({"model":"m","stream":true,"max_tokens":3,"messages":[{"role":"user","content":"hi"}]})"),
            &reply));
        QCOMPARE(reply.status, 200);
    }
    const auto lines = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll().count('\n') : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lines(), Requests, 5000); // the server still runs
    QVERIFY(server.traceRecords().empty()); // written, not held

    server.stop();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> records = file.readAll().split('\n');
    QCOMPARE(records.size(), Requests + 1); // the last line ends with a newline too
    for (int i = 0; i < Requests; ++i) {
        const json record = json::parse(records.at(i).toStdString());
        QCOMPARE(record.at("completion_tokens").get<int>(), 3);
        QCOMPARE(record.at("chunk_ns").size(), std::size_t(3));
    }
}

void TestSimServer::traceOutThatCannotBeWrittenFailsStart()
{
    tl::SimConfig config;
    config.traceOut = QStringLiteral("/nonexistent-folder/trace.jsonl");
    tl::SimServer server(config);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(u"/nonexistent-folder/trace.jsonl"), qPrintable(error));
    QVERIFY(!server.isRunning());
}

void TestSimServer::startReportsPortAndBaseUrl()
{
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())));
}

void TestSimServer::startFailsWhenPortTaken()
{
    tl::SimConfig config;
    config.port = m_server->port();
    tl::SimServer second(config);
    QString error;
    QVERIFY(!second.start(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!second.isRunning());
}

void TestSimServer::health()
{
    HttpReply reply;
    QVERIFY(exchange(port(), httpRequest("GET", "/health"), &reply));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.version, QByteArray("HTTP/1.1"));
    QCOMPARE(reply.headers.value("content-length"), QByteArray("0"));
    QVERIFY(reply.body.isEmpty());
}

void TestSimServer::modelsListsConfiguredModel()
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server->baseUrl().toString() + QStringLiteral("/v1/models")));
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), TimeoutMs);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/json"));
    const json body = json::parse(reply->readAll().toStdString(), nullptr, false);
    QVERIFY(!body.is_discarded());
    QCOMPARE(str(body["object"]), QByteArray("list"));
    QCOMPARE(body["data"].size(), std::size_t(1));
    const json& model = body["data"][0];
    QCOMPARE(str(model["id"]), QByteArray("sim-model"));
    QCOMPARE(str(model["object"]), QByteArray("model"));
    QCOMPARE(str(model["owned_by"]), QByteArray("throughline"));
    QCOMPARE(str(model["root"]), QByteArray("sim-model"));
    QCOMPARE(model["max_model_len"].get<int>(), 32768);
    QVERIFY(model["created"].is_number_integer());
}

void TestSimServer::errors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");

    const QByteArray chat = "/v1/chat/completions";
    const QByteArray completions = "/v1/completions";
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/v2/nothing") << QByteArray() << 404
                                  << QByteArray("NotFoundError");
    QTest::newRow("GET chat") << QByteArray("GET") << chat << QByteArray() << 405
                              << QByteArray("MethodNotAllowedError");
    QTest::newRow("POST models") << QByteArray("POST") << QByteArray("/v1/models") << QByteArray("{}") << 405
                                 << QByteArray("MethodNotAllowedError");
    QTest::newRow("invalid JSON") << QByteArray("POST") << chat << QByteArray("{\"messages\": [") << 400
                                  << QByteArray("BadRequestError");
    QTest::newRow("empty body") << QByteArray("POST") << completions << QByteArray() << 400
                                << QByteArray("BadRequestError");
    QTest::newRow("not an object") << QByteArray("POST") << chat << QByteArray("[1,2]") << 400
                                   << QByteArray("BadRequestError");
    QTest::newRow("missing messages") << QByteArray("POST") << chat << QByteArray(R"({"model":"x"})") << 400
                                      << QByteArray("BadRequestError");
    QTest::newRow("empty messages") << QByteArray("POST") << chat << QByteArray(R"({"messages":[]})") << 400
                                    << QByteArray("BadRequestError");
    QTest::newRow("missing prompt") << QByteArray("POST") << completions << QByteArray(R"({"model":"x"})") << 400
                                    << QByteArray("BadRequestError");
    QTest::newRow("prompt of strings") << QByteArray("POST") << completions << QByteArray(R"({"prompt":["a","b"]})")
                                       << 400 << QByteArray("BadRequestError");
    QTest::newRow("max_tokens 0") << QByteArray("POST") << completions << QByteArray(R"({"prompt":"a","max_tokens":0})")
                                  << 400 << QByteArray("BadRequestError");
    QTest::newRow("max_tokens text") << QByteArray("POST") << completions
                                     << QByteArray(R"({"prompt":"a","max_tokens":"8"})") << 400
                                     << QByteArray("BadRequestError");
    QTest::newRow("min above max") << QByteArray("POST") << completions
                                   << QByteArray(R"({"prompt":"a","max_tokens":4,"min_tokens":5})") << 400
                                   << QByteArray("BadRequestError");
    QTest::newRow("n 2") << QByteArray("POST") << completions << QByteArray(R"({"prompt":"a","n":2})") << 400
                         << QByteArray("BadRequestError");
    QTest::newRow("over context") << QByteArray("POST") << completions
                                  << QByteArray(R"({"prompt":"a","max_tokens":40000})") << 400
                                  << QByteArray("BadRequestError");
}

void TestSimServer::errors()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, type);

    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send(httpRequest(method, path, body));
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QVERIFY2(isErrorShape(reply, status, type.constData()), reply.body.constData());
    // An error answer does not end the connection: the next request on it is served.
    client.send(httpRequest("GET", "/health"));
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
}

void TestSimServer::malformedRequestIsAnsweredAndClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
    QTest::newRow("bad header") << QByteArray("GET /health HTTP/1.1\r\nno colon here\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /health HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("chunked body") << QByteArray("POST /v1/completions HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n"
                                                "2\r\n{}\r\n0\r\n\r\n")
                                  << 411;
    QTest::newRow("bad length") << QByteArray("POST /v1/completions HTTP/1.1\r\ncontent-length: 1x\r\n\r\n") << 400;
}

void TestSimServer::malformedRequestIsAnsweredAndClosed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send(request);
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.headers.value("connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
}

void TestSimServer::apiKey()
{
    tl::SimConfig config;
    config.ttftMs = 1;
    config.itlMs = 1;
    config.threads = 1;
    config.apiKey = QStringLiteral("s3cret");
    tl::SimServer server(config);
    QVERIFY(server.start());

    HttpReply reply;
    QVERIFY(exchange(server.port(), httpRequest("GET", "/v1/models"), &reply));
    QVERIFY2(isErrorShape(reply, 401, "AuthenticationError"), reply.body.constData());
    QVERIFY(exchange(server.port(), httpRequest("GET", "/v1/models", {}, "authorization: Bearer wrong\r\n"), &reply));
    QVERIFY(isErrorShape(reply, 401, "AuthenticationError"));
    QVERIFY(exchange(server.port(), httpRequest("POST", "/v1/completions", R"({"prompt":"a"})"), &reply));
    QVERIFY(isErrorShape(reply, 401, "AuthenticationError"));

    QVERIFY(exchange(server.port(), httpRequest("GET", "/v1/models", {}, "Authorization: Bearer s3cret\r\n"), &reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(exchange(server.port(),
        httpRequest("POST", "/v1/completions", R"({"prompt":"a","max_tokens":2})", "AUTHORIZATION: Bearer s3cret\r\n"),
        &reply));
    QCOMPARE(reply.status, 200);
    // Health checks stay open, as in vLLM.
    QVERIFY(exchange(server.port(), httpRequest("GET", "/health"), &reply));
    QCOMPARE(reply.status, 200);
}

void TestSimServer::streamingChat()
{
    const json body = {{"model", "my-model"}, {"messages", {{{"role", "user"}, {"content", "hello world!"}}}},
        {"stream", true}, {"stream_options", {{"include_usage", true}}}};
    QElapsedTimer elapsed;
    elapsed.start();
    const HttpReply reply = postJson("/v1/chat/completions", body);
    const qint64 elapsedMs = elapsed.elapsed();
    QCOMPARE(reply.headers.value("transfer-encoding"), QByteArray("chunked"));
    const StreamCheck check = checkStream(reply, true, "my-model");
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, DefaultOutputTokens);
    QCOMPARE(check.text, expectedText(DefaultOutputTokens));
    QCOMPARE(check.finishReason, QByteArray("stop"));
    // role chunk + n tokens + usage + [DONE]
    QCOMPARE(reply.chunks.size(), DefaultOutputTokens + 3);
    QVERIFY(!check.usage.is_null());
    QCOMPARE(check.usage["prompt_tokens"].get<int>(), 3 + 4); // ceil(12 / 4) + 4
    QCOMPARE(check.usage["completion_tokens"].get<int>(), DefaultOutputTokens);
    QCOMPARE(check.usage["total_tokens"].get<int>(), 7 + DefaultOutputTokens);
    // Sanity only: the server cannot finish before its own schedule.
    QVERIFY(elapsedMs >= qint64(TtftMs + (DefaultOutputTokens - 1) * ItlMs) - 1);
}

void TestSimServer::streamingChatWithoutUsage()
{
    const json body = {{"messages", {{{"role", "user"}, {"content", "hi"}}}}, {"stream", true}, {"max_tokens", 3}};
    const HttpReply reply = postJson("/v1/chat/completions", body);
    const StreamCheck check = checkStream(reply, true, "sim-model"); // the server's name when none is asked for
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, 3);
    QCOMPARE(check.finishReason, QByteArray("length"));
    QVERIFY(check.usage.is_null());
    QVERIFY(!reply.body.contains("\"usage\""));
}

void TestSimServer::streamingChatThroughNetworkAccessManager()
{
    // The engine's client: QNetworkAccessManager must read the chunked stream as it arrives.
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server->baseUrl().toString() + QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const json body = {{"model", "m"}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}, {"stream", true},
        {"max_tokens", 10}, {"stream_options", {{"include_usage", true}}}};
    std::unique_ptr<QNetworkReply> reply(nam.post(request, QByteArray::fromStdString(body.dump())));
    QByteArray received;
    int reads = 0;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), [&] {
        received += reply->readAll();
        ++reads;
    });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), TimeoutMs);
    received += reply->readAll();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
        QStringLiteral("text/event-stream; charset=utf-8"));
    const QList<QByteArray> events = sseData(received);
    QCOMPARE(events.size(), 1 + 10 + 1 + 1); // role, tokens, usage, [DONE]
    QCOMPARE(events.constLast(), QByteArray("[DONE]"));
    QVERIFY(reads > 1); // tokens arrived over time, not in one piece at the end
}

void TestSimServer::streamingCompletions()
{
    const json body = {{"model", "m2"}, {"prompt", "abcdefghij"}, {"stream", true}, {"max_tokens", 6},
        {"stream_options", {{"include_usage", true}}}};
    const HttpReply reply = postJson("/v1/completions", body);
    const StreamCheck check = checkStream(reply, false, "m2");
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, 6);
    QCOMPARE(check.text, expectedText(6));
    QCOMPARE(check.finishReason, QByteArray("length"));
    QCOMPARE(reply.chunks.size(), 6 + 2); // no role chunk: tokens, usage, [DONE]
    QCOMPARE(check.usage["prompt_tokens"].get<int>(), 3);
    QCOMPARE(check.usage["completion_tokens"].get<int>(), 6);
    QCOMPARE(check.usage["total_tokens"].get<int>(), 9);
    QVERIFY(!reply.body.contains("\"role\""));
}

void TestSimServer::continuousUsageStats_data()
{
    QTest::addColumn<bool>("chat");
    QTest::addColumn<int>("tokensPerChunk");
    QTest::addColumn<bool>("includeUsage");
    QTest::newRow("chat, 1 token per chunk") << true << 1 << true;
    QTest::newRow("chat, 3 tokens per chunk") << true << 3 << true;
    QTest::newRow("completions, 3 tokens per chunk") << false << 3 << true;
    QTest::newRow("without include_usage: ignored") << true << 3 << false;
}

// vLLM's stream_options.continuous_usage_stats: every chunk ends with the usage so far, byte for byte as vLLM
// writes it; coalesced chunks step the count by --tokens-per-chunk.
void TestSimServer::continuousUsageStats()
{
    QFETCH(bool, chat);
    QFETCH(int, tokensPerChunk);
    QFETCH(bool, includeUsage);
    tl::SimConfig config;
    config.ttftMs = 1;
    config.itlMs = 1;
    config.tokensPerChunk = tokensPerChunk;
    tl::SimServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    constexpr int n = 7;
    json body = {{"model", "m"}, {"stream", true}, {"max_tokens", n}, {"ignore_eos", true},
        {"stream_options", {{"include_usage", includeUsage}, {"continuous_usage_stats", true}}}};
    if (chat)
        body["messages"] = {{{"role", "user"}, {"content", "hello world!"}}}; // 7 prompt tokens
    else
        body["prompt"] = "abcdefghijkl"; // 3 prompt tokens
    const int prompt = chat ? 7 : 3;
    HttpReply reply;
    QVERIFY(exchange(server.port(), httpRequest("POST", chat ? "/v1/chat/completions" : "/v1/completions",
                                        QByteArray::fromStdString(body.dump())),
        &reply));
    QCOMPARE(reply.status, 200);
    const QList<QByteArray> events = sseData(reply.body);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.constLast(), QByteArray("[DONE]"));
    if (!includeUsage) {
        QVERIFY(!reply.body.contains("\"usage\""));
        return;
    }
    auto usage = [prompt](int completion) -> QByteArray {
        return R"(],"usage":{"prompt_tokens":)" + QByteArray::number(prompt) + R"(,"total_tokens":)"
            + QByteArray::number(prompt + completion) + R"(,"completion_tokens":)" + QByteArray::number(completion)
            + "}}";
    };
    QList<int> counts;
    for (qsizetype i = 0; i + 2 < events.size(); ++i) { // every choice chunk, before the usage chunk and [DONE]
        const json event = json::parse(events.at(i).toStdString());
        QVERIFY2(!event["choices"].empty(), events.at(i).constData());
        const int c = event["usage"]["completion_tokens"].get<int>();
        QVERIFY2(events.at(i).endsWith(usage(c)), events.at(i).constData());
        counts.append(c);
    }
    QList<int> expected;
    if (chat)
        expected.append(0); // the role chunk
    for (int c = tokensPerChunk; c < n + tokensPerChunk; c += tokensPerChunk)
        expected.append(std::min(c, n));
    QCOMPARE(counts, expected);
    // The final usage chunk repeats the total: a client's delta for it is 0.
    QVERIFY(events.at(events.size() - 2).endsWith(QByteArray(R"("choices":[)" + usage(n))));
}

void TestSimServer::nonStreamingChat()
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server->baseUrl().toString() + QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const json body
        = {{"model", "chat-model"}, {"messages", {{{"role", "user"}, {"content", "abcd"}}}}, {"max_tokens", 4}};
    QElapsedTimer elapsed;
    elapsed.start();
    std::unique_ptr<QNetworkReply> reply(nam.post(request, QByteArray::fromStdString(body.dump())));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), TimeoutMs);
    QVERIFY(elapsed.elapsed() >= qint64(TtftMs + 3 * ItlMs) - 1);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/json"));
    const json answer = json::parse(reply->readAll().toStdString(), nullptr, false);
    QVERIFY(!answer.is_discarded());
    QVERIFY(str(answer["id"]).startsWith("chatcmpl-"));
    QCOMPARE(str(answer["object"]), QByteArray("chat.completion"));
    QCOMPARE(str(answer["model"]), QByteArray("chat-model"));
    QVERIFY(answer["created"].is_number_integer());
    const json& choice = answer["choices"][0];
    QCOMPARE(choice["index"].get<int>(), 0);
    QCOMPARE(str(choice["message"]["role"]), QByteArray("assistant"));
    QCOMPARE(str(choice["message"]["content"]), expectedText(4));
    QVERIFY(choice["logprobs"].is_null());
    QCOMPARE(str(choice["finish_reason"]), QByteArray("length"));
    QCOMPARE(answer["usage"]["prompt_tokens"].get<int>(), 1 + 4);
    QCOMPARE(answer["usage"]["completion_tokens"].get<int>(), 4);
    QCOMPARE(answer["usage"]["total_tokens"].get<int>(), 9);
}

void TestSimServer::nonStreamingCompletions()
{
    const HttpReply reply = postJson("/v1/completions", {{"prompt", {1, 2, 3, 4, 5, 6, 7}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/json"));
    const json answer = json::parse(reply.body.toStdString(), nullptr, false);
    QVERIFY(!answer.is_discarded());
    QVERIFY(str(answer["id"]).startsWith("cmpl-"));
    QCOMPARE(str(answer["object"]), QByteArray("text_completion"));
    QCOMPARE(str(answer["model"]), QByteArray("sim-model"));
    const json& choice = answer["choices"][0];
    QCOMPARE(str(choice["text"]), expectedText(DefaultOutputTokens));
    QVERIFY(choice["logprobs"].is_null());
    QCOMPARE(str(choice["finish_reason"]), QByteArray("stop"));
    QCOMPARE(answer["usage"]["prompt_tokens"].get<int>(), 7);
    QCOMPARE(answer["usage"]["completion_tokens"].get<int>(), DefaultOutputTokens);
    QCOMPARE(answer["usage"]["total_tokens"].get<int>(), 7 + DefaultOutputTokens);
}

void TestSimServer::outputLength_data()
{
    QTest::addColumn<bool>("chat");
    QTest::addColumn<QByteArray>("options"); // JSON object merged into the request
    QTest::addColumn<int>("expected");
    QTest::addColumn<QByteArray>("finishReason");

    // The server's default output length is DefaultOutputTokens (12).
    QTest::newRow("default") << true << QByteArray("{}") << 12 << QByteArray("stop");
    QTest::newRow("max below default") << true << QByteArray(R"({"max_tokens":5})") << 5 << QByteArray("length");
    QTest::newRow("max equals default") << false << QByteArray(R"({"max_tokens":12})") << 12 << QByteArray("length");
    QTest::newRow("max above default") << true << QByteArray(R"({"max_tokens":50})") << 12 << QByteArray("stop");
    QTest::newRow("null max") << false << QByteArray(R"({"max_tokens":null})") << 12 << QByteArray("stop");
    QTest::newRow("ignore_eos with max") << true << QByteArray(R"({"ignore_eos":true,"max_tokens":40})") << 40
                                         << QByteArray("length");
    QTest::newRow("ignore_eos past the word list")
        << false << QByteArray(R"({"ignore_eos":true,"max_tokens":70})") << 70 << QByteArray("length");
    QTest::newRow("ignore_eos without max")
        << false << QByteArray(R"({"ignore_eos":true})") << 16 << QByteArray("length");
    QTest::newRow("ignore_eos false") << false << QByteArray(R"({"ignore_eos":false,"max_tokens":30})") << 12
                                      << QByteArray("stop");
    QTest::newRow("min raises") << true << QByteArray(R"({"min_tokens":20})") << 20 << QByteArray("stop");
    QTest::newRow("min below n") << false << QByteArray(R"({"min_tokens":3,"max_tokens":8})") << 8
                                 << QByteArray("length");
    QTest::newRow("min equals max") << true << QByteArray(R"({"min_tokens":25,"max_tokens":25})") << 25
                                    << QByteArray("length");
    QTest::newRow("min zero") << false << QByteArray(R"({"min_tokens":0})") << 12 << QByteArray("stop");
    QTest::newRow("max 1") << false << QByteArray(R"({"max_tokens":1})") << 1 << QByteArray("length");
    QTest::newRow("max_completion_tokens")
        << true << QByteArray(R"({"max_completion_tokens":3,"max_tokens":9})") << 3 << QByteArray("length");
}

void TestSimServer::outputLength()
{
    QFETCH(bool, chat);
    QFETCH(QByteArray, options);
    QFETCH(int, expected);
    QFETCH(QByteArray, finishReason);

    for (const bool stream : {false, true}) {
        json body = chat ? json{{"messages", {{{"role", "user"}, {"content", "x"}}}}} : json{{"prompt", "x"}};
        body.update(json::parse(options.toStdString()));
        body["stream"] = stream;
        body["stream_options"] = {{"include_usage", true}};
        const HttpReply reply = postJson(chat ? "/v1/chat/completions" : "/v1/completions", body);
        if (stream) {
            const StreamCheck check = checkStream(reply, chat, "sim-model");
            QVERIFY2(check.ok, check.why.constData());
            QCOMPARE(check.tokens, expected);
            QCOMPARE(check.finishReason, finishReason);
            QCOMPARE(check.usage["completion_tokens"].get<int>(), expected);
        } else {
            QCOMPARE(reply.status, 200);
            const json answer = json::parse(reply.body.toStdString(), nullptr, false);
            QVERIFY(!answer.is_discarded());
            QCOMPARE(answer["usage"]["completion_tokens"].get<int>(), expected);
            QCOMPARE(str(answer["choices"][0]["finish_reason"]), finishReason);
            const json& choice = answer["choices"][0];
            QCOMPARE(str(chat ? choice["message"]["content"] : choice["text"]), expectedText(expected));
        }
    }
}

void TestSimServer::promptTokens_data()
{
    QTest::addColumn<bool>("chat");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("expected");

    // Chat: per message max(1, ceil(UTF-8 bytes / 4)) + 4; completions: ceil(bytes / 4) or the id count.
    QTest::newRow("chat one message") << true << QByteArray(R"({"messages":[{"role":"user","content":"hello"}]})")
                                      << 2 + 4;
    QTest::newRow("chat empty content counts one")
        << true << QByteArray(R"({"messages":[{"role":"system","content":""},{"role":"user","content":"123456789"}]})")
        << (1 + 4) + (3 + 4);
    QTest::newRow("chat content parts")
        << true << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":"abcdefgh"}]}]})")
        << 2 + 4;
    QTest::newRow("chat UTF-8 bytes") << true
                                      << QByteArray(R"({"messages":[{"role":"user","content":"\u00e9\u00e9\u00e9"}]})")
                                      << 2 + 4;
    QTest::newRow("completion string") << false << QByteArray(R"({"prompt":"abcdefghi"})") << 3;
    QTest::newRow("completion empty string") << false << QByteArray(R"({"prompt":""})") << 0;
    QTest::newRow("completion token ids") << false << QByteArray(R"({"prompt":[11,22,33,44,55]})") << 5;
}

void TestSimServer::promptTokens()
{
    QFETCH(bool, chat);
    QFETCH(QByteArray, request);
    QFETCH(int, expected);

    const HttpReply reply
        = postJson(chat ? "/v1/chat/completions" : "/v1/completions", json::parse(request.toStdString()));
    QCOMPARE(reply.status, 200);
    const json answer = json::parse(reply.body.toStdString(), nullptr, false);
    QCOMPARE(answer["usage"]["prompt_tokens"].get<int>(), expected);
}

void TestSimServer::keepAliveServesSequentialRequests()
{
    RawClient client(port());
    QVERIFY(client.waitConnected());
    HttpReply reply;

    client.send(httpRequest("GET", "/v1/models"));
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.headers.contains("connection"));

    client.send(httpRequest("POST", "/v1/completions", R"({"prompt":"a","max_tokens":2})"));
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);

    client.send(httpRequest("POST", "/v1/chat/completions",
        R"({"messages":[{"role":"user","content":"a"}],"stream":true,"max_tokens":3})"));
    QVERIFY(client.read(&reply));
    const StreamCheck check = checkStream(reply, true, "sim-model");
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, 3);

    client.send(httpRequest("GET", "/health"));
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(!client.isClosed());
}

void TestSimServer::pipelinedRequestsInOneWrite()
{
    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send(httpRequest("POST", "/v1/completions", R"({"prompt":"a","max_tokens":2,"stream":true})")
        + httpRequest("GET", "/health")
        + httpRequest("POST", "/v1/chat/completions", R"({"messages":[{"role":"user","content":"a"}]})")
        + httpRequest("GET", "/v1/models"));
    HttpReply reply;
    QVERIFY(client.read(&reply));
    const StreamCheck check = checkStream(reply, false, "sim-model");
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, 2);
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.isEmpty());
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("\"chat.completion\""));
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("\"list\""));
}

void TestSimServer::connectionCloseIsHonoured()
{
    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send(httpRequest("POST", "/v1/chat/completions",
        R"({"messages":[{"role":"user","content":"a"}],"stream":true,"max_tokens":2})", "Connection: close\r\n"));
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.headers.value("connection"), QByteArray("close"));
    const StreamCheck check = checkStream(reply, true, "sim-model");
    QVERIFY2(check.ok, check.why.constData());
    QVERIFY(client.waitClosed());
}

void TestSimServer::splitRequestIsReassembled_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("7 bytes") << 7;
    QTest::newRow("60 bytes") << 60;
}

void TestSimServer::splitRequestIsReassembled()
{
    QFETCH(int, pieceSize);

    const QByteArray request = httpRequest("POST", "/v1/chat/completions",
        R"({"model":"split","messages":[{"role":"user","content":"split me"}],"stream":true,"max_tokens":4})");
    RawClient client(port());
    QVERIFY(client.waitConnected());
    for (qsizetype at = 0; at < request.size(); at += pieceSize) {
        client.send(request.mid(at, pieceSize));
        // Lets each piece leave as its own segment; correctness does not depend on it.
        QTest::qWait(1);
    }
    HttpReply reply;
    QVERIFY(client.read(&reply));
    const StreamCheck check = checkStream(reply, true, "split");
    QVERIFY2(check.ok, check.why.constData());
    QCOMPARE(check.tokens, 4);
}

void TestSimServer::expectContinue()
{
    const QByteArray body = R"({"prompt":"abcd","max_tokens":2})";
    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send("POST /v1/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nexpect: 100-continue\r\n"
                "content-length: "
        + QByteArray::number(body.size()) + "\r\n\r\n");
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 100);
    client.send(body);
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QCOMPARE(json::parse(reply.body.toStdString())["usage"]["completion_tokens"].get<int>(), 2);
}

void TestSimServer::http10ClientGetsUnchunkedStream()
{
    const QByteArray body = R"({"prompt":"abcd","max_tokens":3,"stream":true})";
    RawClient client(port());
    QVERIFY(client.waitConnected());
    client.send("POST /v1/completions HTTP/1.0\r\ncontent-type: application/json\r\ncontent-length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(client.waitClosed());
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.headers.contains("transfer-encoding"));
    const QList<QByteArray> events = sseData(reply.body);
    QCOMPARE(events.size(), 3 + 1);
    QCOMPARE(events.constLast(), QByteArray("[DONE]"));
}

void TestSimServer::concurrentStreamsAllComplete()
{
    // A longer ttft than the shared server so that serving the streams one after another (50 x 235 ms)
    // could not pass the loose bound below, while serving them together takes a fraction of it.
    tl::SimConfig config;
    config.ttftMs = 200;
    config.itlMs = 5;
    config.threads = 2;
    tl::SimServer server(config);
    QVERIFY(server.start());

    constexpr int Streams = 50;
    constexpr int Tokens = 8;
    const QByteArray request = httpRequest("POST", "/v1/chat/completions",
        R"({"messages":[{"role":"user","content":"go"}],"stream":true,"ignore_eos":true,"max_tokens":8,)"
        R"("stream_options":{"include_usage":true}})",
        "connection: close\r\n");
    std::vector<std::unique_ptr<RawClient>> clients;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < Streams; ++i)
        clients.push_back(std::make_unique<RawClient>(server.port()));
    for (const auto& client : clients) {
        QVERIFY(client->waitConnected());
        client->send(request);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.cbegin(), clients.cend(), [](const auto& c) { return c->isClosed(); }), TimeoutMs);
    const qint64 elapsedMs = elapsed.elapsed();
    for (const auto& client : clients) {
        HttpReply reply;
        QVERIFY(client->read(&reply));
        const StreamCheck check = checkStream(reply, true, "throughline-sim");
        QVERIFY2(check.ok, check.why.constData());
        QCOMPARE(check.tokens, Tokens);
        QCOMPARE(check.usage["completion_tokens"].get<int>(), Tokens);
    }
    QCOMPARE(server.requestsServed(), quint64(Streams));
    QVERIFY2(elapsedMs < 8000, qPrintable(QStringLiteral("%1 ms").arg(elapsedMs)));
}

void TestSimServer::clientDisconnectMidStream()
{
    const quint64 servedBefore = m_server->requestsServed();
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send(httpRequest("POST", "/v1/chat/completions",
            R"({"messages":[{"role":"user","content":"a"}],"stream":true,"ignore_eos":true,)"
            R"("max_tokens":60})"));
        QVERIFY(client.waitFor("\"content\":\" of\""));
        client.socket().abort();
    }
    // The server keeps serving, and the abandoned stream never counts as served.
    HttpReply reply;
    QVERIFY(exchange(port(), httpRequest("GET", "/health"), &reply));
    QCOMPARE(reply.status, 200);
    // Past the abandoned stream's would-be end (30 + 59 x 5 ms): a negative check, not a synchronisation.
    QTest::qWait(400);
    QCOMPARE(m_server->requestsServed(), servedBefore + 1);
}

void TestSimServer::stopWithStreamsInFlight()
{
    tl::SimConfig config;
    config.ttftMs = 1;
    config.itlMs = 50;
    config.threads = 3;
    auto server = std::make_unique<tl::SimServer>(config);
    QVERIFY(server->start());
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(std::make_unique<RawClient>(server->port()));
        QVERIFY(clients.back()->waitConnected());
        clients.back()->send(httpRequest(
            "POST", "/v1/completions", R"({"prompt":"a","stream":true,"ignore_eos":true,"max_tokens":1000})"));
    }
    for (const auto& client : clients)
        QVERIFY(client->waitFor("data: "));
    server.reset(); // joins the workers with every stream still open; ASan/LSan check what is left
    for (const auto& client : clients)
        QVERIFY(client->waitClosed());
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
