// The emulated server's serving model (slots and queue, batched decode, output lengths, prefix cache,
// coalescing, presets), its /metrics and its ground-truth trace, observed from real clients over 127.0.0.1.

#include "sim/simconfig.h"
#include "sim/simpreset.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "tst_simclient.h"
#include "util/monoclock.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <vector>

using nlohmann::json;
using namespace simtest;

namespace {

json parseJson(const QByteArray& bytes)
{
    return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

QByteArray streamRequest(int maxTokens, QByteArrayView extra = {})
{
    QByteArray body = R"({"prompt":"go","stream":true,"ignore_eos":true,"max_tokens":)" + QByteArray::number(maxTokens);
    body += extra;
    body += '}';
    return httpRequest("POST", "/v1/completions", body, "connection: close\r\n");
}

// Completion tokens of a non-streaming answer.
int completionTokens(const HttpReply& reply)
{
    const json answer = parseJson(reply.body);
    return answer.is_object() ? answer["usage"]["completion_tokens"].get<int>() : -1;
}

// Sends `concurrency` streams of `tokens` tokens at once and returns the wall time until all have ended.
qint64 runStreams(quint16 port, int concurrency, int tokens)
{
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < concurrency; ++i)
        clients.push_back(std::make_unique<RawClient>(port));
    for (const auto& client : clients) {
        if (!client->waitConnected())
            return -1;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (const auto& client : clients)
        client->send(streamRequest(tokens));
    const bool done = QTest::qWaitFor(
        [&] { return std::all_of(clients.cbegin(), clients.cend(), [](const auto& c) { return c->isClosed(); }); },
        TimeoutMs * 3);
    return done ? elapsed.nsecsElapsed() : -1;
}

} // namespace

class TestSimServing final : public QObject {
    Q_OBJECT

private slots:
    void defaultsKeepTheFixedModel();
    void queueingWithTwoSlots();
    void batchedDecodeDrawsAKnee();
    void poolingRequestsTakeAPrefill();
    void tokenizerCountsPrompts();
    void determinismWithSeed();
    void outputLengthWithDistribution_data();
    void outputLengthWithDistribution();
    void lengthDistributionParsing_data();
    void lengthDistributionParsing();
    void prefixCacheReportsCachedTokens();
    void tokensPerChunkCoalesces();
    void metricsEndpoint();
    void traceRecordsGroundTruth();
    void traceRecordsKernelArrival();
    void traceOutFileFromExecutable();
    void executableRejectsBadOptions_data();
    void executableRejectsBadOptions();
    void executableAppliesPreset();
    void shippedPresetsMatchResourceFiles_data();
    void shippedPresetsMatchResourceFiles();
    void presetErrors();
};

void TestSimServing::defaultsKeepTheFixedModel()
{
    const tl::SimConfig config;
    QVERIFY(config.maxNumSeqs >= 1024);
    QCOMPARE(config.prefillTokPerS, 0.0);
    QVERIFY(config.decodeBaseMs < 0);
    QCOMPARE(config.decodePerSeqMs, 0.0);
    QCOMPARE(config.outputLengths.kind, tl::SimLengthDistribution::Kind::Fixed);
    QCOMPARE(config.tokensPerChunk, 1);
    QVERIFY(config.faults.isEmpty());
    QVERIFY(!config.prefixCache);
}

void TestSimServing::queueingWithTwoSlots()
{
    // Two slots, four concurrent requests: two run at once and the other two start only when a slot frees,
    // so their time to first token is about one whole request longer.
    constexpr double TtftMs = 40;
    constexpr double ItlMs = 10;
    constexpr int Tokens = 10;
    tl::SimConfig config;
    config.ttftMs = TtftMs;
    config.itlMs = ItlMs;
    config.maxNumSeqs = 2;
    config.threads = 2;
    config.recordTrace = true;
    tl::SimServer server(config);
    QVERIFY(server.start());

    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        QVERIFY(clients.back()->waitConnected());
    }
    for (const auto& client : clients)
        client->send(streamRequest(Tokens));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.cbegin(), clients.cend(), [](const auto& c) { return c->isClosed(); }), TimeoutMs);

    // Client side: time to the first token chunk of each request.
    std::vector<double> ttftMs;
    for (const auto& client : clients) {
        const qsizetype firstToken = client->buffer().indexOf("\"text\":");
        QVERIFY(firstToken > 0);
        ttftMs.push_back(double(client->arrivalNs(firstToken) - client->sentNs()) / 1e6);
        HttpReply reply;
        QVERIFY(client->read(&reply));
        QCOMPARE(sseData(reply.body).size(), Tokens + 1);
    }
    std::sort(ttftMs.begin(), ttftMs.end());
    const double fullRequestMs = TtftMs + (Tokens - 1) * ItlMs;
    QVERIFY2(ttftMs[2] >= TtftMs + fullRequestMs * 0.9 && ttftMs[3] >= TtftMs + fullRequestMs * 0.9,
        qPrintable(QStringLiteral("TTFTs %1 %2 %3 %4 ms").arg(ttftMs[0]).arg(ttftMs[1]).arg(ttftMs[2]).arg(ttftMs[3])));
    QVERIFY2(ttftMs[1] < ttftMs[2], "the first two requests must not wait");

    // Server side: exactly two requests were planned to start only after a whole request had gone by.
    QTRY_COMPARE_WITH_TIMEOUT(server.traceRecords().size(), std::size_t(4), TimeoutMs); // noted after the last write
    const std::vector<tl::SimTraceRecord> traces = server.traceRecords();
    int waited = 0;
    for (const tl::SimTraceRecord& trace : traces) {
        QCOMPARE(trace.plannedNs.size(), std::size_t(Tokens));
        if (trace.plannedNs.front() - trace.receivedNs >= qint64((TtftMs + 0.9 * fullRequestMs) * 1e6))
            ++waited;
    }
    QCOMPARE(waited, 2);
    QCOMPARE(server.runningRequests(), 0);
    QCOMPARE(server.waitingRequests(), 0);
}

void TestSimServing::poolingRequestsTakeAPrefill()
{
    // Embeddings and rerank requests are one forward pass: their prompt is prefilled at --prefill-tok-per-s, one
    // prefill after another, so three prompts of ~100 tokens at 1,000 tokens/s answer ~0.1, 0.2 and 0.3 s late.
    tl::SimConfig config;
    config.prefillTokPerS = 1000;
    config.threads = 1;
    tl::SimServer server(config);
    QVERIFY(server.start());
    const QByteArray text(400, 'a'); // 100 tokens by the documented rule (4 bytes a token)
    const QByteArray embed = QByteArray(R"({"model":"m","input":")") + text + R"("})";
    const QByteArray rerank = QByteArray(R"({"model":"m","query":")") + text.left(200) + R"(","documents":[")"
        + text.left(196) + R"("]})";
    const QList<QByteArray> requests = {
        httpRequest("POST", "/v1/embeddings", embed, "connection: close\r\n"),
        httpRequest("POST", "/v1/rerank", rerank, "connection: close\r\n"),
        httpRequest("POST", "/v1/embeddings", embed, "connection: close\r\n"),
    };
    std::vector<std::unique_ptr<RawClient>> clients;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        QVERIFY(clients.back()->waitConnected());
    }
    for (qsizetype i = 0; i < requests.size(); ++i)
        clients[size_t(i)]->send(requests.at(i));
    std::vector<double> latencyMs;
    for (const auto& client : clients) {
        HttpReply reply;
        QVERIFY(client->read(&reply));
        QCOMPARE(reply.status, 200);
        QVERIFY(parseJson(reply.body)["usage"]["total_tokens"].get<int>() >= 99);
        latencyMs.push_back(double(client->firstArrivalNs() - client->sentNs()) / 1e6);
    }
    std::sort(latencyMs.begin(), latencyMs.end());
    // Lower bounds only: the server may be late on a loaded machine, never early.
    QVERIFY2(latencyMs[0] >= 95 && latencyMs[1] >= 190 && latencyMs[2] >= 285,
        qPrintable(QStringLiteral("%1 %2 %3 ms").arg(latencyMs[0]).arg(latencyMs[1]).arg(latencyMs[2])));
    QCOMPARE(server.runningRequests(), 0);
}

void TestSimServing::tokenizerCountsPrompts()
{
    // With --tokenizer-path the prompt is counted by the tokenizer: completions with its special tokens, chat
    // through the chat template (Qwen3's here), as vLLM counts them.
    QString error;
    tl::SimConfig config;
    config.tokenizer = tl::Tokenizer::load(QFINDTESTDATA("data/tokenizers/qwen3"), &error);
    QVERIFY2(config.tokenizer, qPrintable(error));
    tl::SimServer server(config);
    QVERIFY(server.start());
    const std::string text = "The quick brown fox jumps over the lazy dog.";
    HttpReply reply;
    QVERIFY(exchange(server.port(),
        httpRequest("POST", "/v1/completions",
            QByteArray::fromStdString(json{{"prompt", text}, {"max_tokens", 1}}.dump())),
        &reply));
    QCOMPARE(parseJson(reply.body)["usage"]["prompt_tokens"].get<qint64>(),
        qint64(config.tokenizer->encode(text, true).size()));

    const json messages = json::array({{{"role", "user"}, {"content", text}}});
    QVERIFY(exchange(server.port(),
        httpRequest("POST", "/v1/chat/completions",
            QByteArray::fromStdString(json{{"messages", messages}, {"max_tokens", 1}}.dump())),
        &reply));
    const auto rendered = config.tokenizer->chatTemplate()->render(messages, true, &error);
    QVERIFY2(rendered, qPrintable(error));
    const qint64 templated = config.tokenizer->count(*rendered);
    QVERIFY(templated > qint64(config.tokenizer->count(text))); // the template's role markers count too
    QCOMPARE(parseJson(reply.body)["usage"]["prompt_tokens"].get<qint64>(), templated);
}

void TestSimServing::batchedDecodeDrawsAKnee()
{
    // Step = 4 ms + 2 ms x batch, 4 slots: 1 stream gets 1 token / 6 ms, 4 streams 4 tokens / 12 ms (twice
    // the throughput), 16 streams no more than 4 (saturated) but wait four times as long.
    tl::SimConfig config;
    config.decodeBaseMs = 4;
    config.decodePerSeqMs = 2;
    config.maxNumSeqs = 4;
    config.threads = 2;
    tl::SimServer server(config);
    QVERIFY(server.start());
    constexpr int Tokens = 20;
    const auto throughput = [&](int concurrency, qint64* wallNs) {
        *wallNs = runStreams(server.port(), concurrency, Tokens);
        return *wallNs > 0 ? concurrency * Tokens / (double(*wallNs) / 1e9) : 0.0;
    };
    qint64 wall1 = 0;
    qint64 wall4 = 0;
    qint64 wall16 = 0;
    const double t1 = throughput(1, &wall1);
    const double t4 = throughput(4, &wall4);
    const double t16 = throughput(16, &wall16);
    const QString figures = QStringLiteral("tok/s at 1, 4, 16 streams: %1 %2 %3").arg(t1).arg(t4).arg(t16);
    QVERIFY2(t1 > 0 && t4 > 0 && t16 > 0, qPrintable(figures));
    QVERIFY2(t4 > 1.4 * t1, qPrintable(figures)); // still gains from batching
    QVERIFY2(t16 < 1.3 * t4, qPrintable(figures)); // saturated: the knee
    QVERIFY2(wall16 > 2 * wall4, qPrintable(figures)); // the extra load only queues
}

void TestSimServing::determinismWithSeed()
{
    // One client, one request after another: the drawn lengths depend only on the seed and the request number.
    const auto lengths = [](quint64 seed) {
        tl::SimConfig config;
        config.ttftMs = 0;
        config.itlMs = 0;
        config.seed = seed;
        config.outputLengths = {tl::SimLengthDistribution::Kind::Uniform, 1, 200};
        tl::SimServer server(config);
        QList<int> out;
        if (!server.start())
            return out;
        for (int i = 0; i < 8; ++i) {
            HttpReply reply;
            if (!exchange(server.port(), httpRequest("POST", "/v1/completions", R"({"prompt":"x"})"), &reply))
                return QList<int>{};
            out.append(completionTokens(reply));
        }
        return out;
    };
    const QList<int> first = lengths(42);
    QCOMPARE(first.size(), 8);
    QCOMPARE(lengths(42), first);
    QVERIFY(lengths(43) != first);
    QVERIFY(std::all_of(first.cbegin(), first.cend(), [](int n) { return n >= 1 && n <= 200; }));
    QVERIFY(std::any_of(first.cbegin(), first.cend(), [&](int n) { return n != first.constFirst(); }));
}

void TestSimServing::outputLengthWithDistribution_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<int>("expected");
    // The natural length is always 100 here (uniform:100:100).
    QTest::newRow("no limit: drawn") << QByteArray("{}") << 100;
    QTest::newRow("max_tokens caps") << QByteArray(R"({"max_tokens":7})") << 7;
    QTest::newRow("max_tokens above") << QByteArray(R"({"max_tokens":300})") << 100;
    QTest::newRow("ignore_eos uses max_tokens") << QByteArray(R"({"ignore_eos":true,"max_tokens":150})") << 150;
    QTest::newRow("ignore_eos without max") << QByteArray(R"({"ignore_eos":true})") << 16;
    QTest::newRow("min_tokens raises") << QByteArray(R"({"min_tokens":120})") << 120;
}

void TestSimServing::outputLengthWithDistribution()
{
    QFETCH(QByteArray, options);
    QFETCH(int, expected);
    tl::SimConfig config;
    config.ttftMs = 0;
    config.itlMs = 0;
    config.outputLengths = {tl::SimLengthDistribution::Kind::Uniform, 100, 100};
    tl::SimServer server(config);
    QVERIFY(server.start());
    json body = {{"prompt", "x"}};
    body.update(parseJson(options));
    HttpReply reply;
    QVERIFY(exchange(
        server.port(), httpRequest("POST", "/v1/completions", QByteArray::fromStdString(body.dump())), &reply));
    QCOMPARE(reply.status, 200);
    QCOMPARE(completionTokens(reply), expected);
}

void TestSimServing::lengthDistributionParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("fixed") << QStringLiteral("fixed") << true;
    QTest::newRow("uniform") << QStringLiteral("uniform:10:20") << true;
    QTest::newRow("normal") << QStringLiteral("normal:128:32") << true;
    QTest::newRow("uniform reversed") << QStringLiteral("uniform:20:10") << false;
    QTest::newRow("uniform zero") << QStringLiteral("uniform:0:10") << false;
    QTest::newRow("normal negative std") << QStringLiteral("normal:10:-1") << false;
    QTest::newRow("missing numbers") << QStringLiteral("normal:10") << false;
    QTest::newRow("unknown") << QStringLiteral("zipf:1:2") << false;
    QTest::newRow("fixed with numbers") << QStringLiteral("fixed:3") << false;
}

void TestSimServing::lengthDistributionParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    tl::SimLengthDistribution d;
    QString error;
    QCOMPARE(tl::SimLengthDistribution::parse(text, &d, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (ok) {
        tl::SimLengthDistribution again;
        QVERIFY(tl::SimLengthDistribution::parse(d.toString(), &again, &error));
        QCOMPARE(again.toString(), d.toString());
    }
}

void TestSimServing::prefixCacheReportsCachedTokens()
{
    tl::SimConfig config;
    config.ttftMs = 0;
    config.itlMs = 0;
    config.prefixCache = true;
    tl::SimServer server(config);
    QVERIFY(server.start());
    const QByteArray prompt(400, 'a'); // 100 prompt tokens; 6 whole 64-byte blocks = 96 tokens
    const auto ask = [&](const QByteArray& text, bool stream) {
        json body = {{"prompt", text.toStdString()}, {"max_tokens", 2}, {"stream", stream},
            {"stream_options", {{"include_usage", true}}}};
        HttpReply reply;
        if (!exchange(
                server.port(), httpRequest("POST", "/v1/completions", QByteArray::fromStdString(body.dump())), &reply))
            return json();
        if (!stream)
            return parseJson(reply.body)["usage"];
        const QList<QByteArray> events = sseData(reply.body);
        return events.size() >= 2 ? parseJson(events.at(events.size() - 2))["usage"] : json();
    };
    json usage = ask(prompt, false);
    QCOMPARE(usage["prompt_tokens"].get<int>(), 100);
    QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].get<int>(), 0);
    usage = ask(prompt, true);
    QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].get<int>(), 96);
    // A prompt sharing only its first two blocks.
    usage = ask(prompt.left(128) + QByteArray(272, 'b'), false);
    QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].get<int>(), 32);
    // Token-id prompts: 16 ids a block, never the whole prompt.
    const auto askIds = [&](int count) {
        json ids = json::array();
        for (int i = 0; i < count; ++i)
            ids.push_back(i);
        HttpReply reply;
        const json body = {{"prompt", ids}, {"max_tokens", 1}};
        if (!exchange(
                server.port(), httpRequest("POST", "/v1/completions", QByteArray::fromStdString(body.dump())), &reply))
            return -1;
        return parseJson(reply.body)["usage"]["prompt_tokens_details"]["cached_tokens"].get<int>();
    };
    QCOMPARE(askIds(32), 0);
    QCOMPARE(askIds(32), 31);
    QCOMPARE(askIds(40), 32);
}

void TestSimServing::tokensPerChunkCoalesces()
{
    tl::SimConfig config;
    config.ttftMs = 1;
    config.itlMs = 1;
    config.tokensPerChunk = 3;
    tl::SimServer server(config);
    QVERIFY(server.start());
    HttpReply reply;
    QVERIFY(exchange(server.port(),
        httpRequest("POST", "/v1/chat/completions",
            R"({"messages":[{"role":"user","content":"x"}],"stream":true,"ignore_eos":true,"max_tokens":7,)"
            R"("stream_options":{"include_usage":true}})"),
        &reply));
    const QList<QByteArray> events = sseData(reply.body);
    // role chunk, 3 + 3 + 1 tokens, usage, [DONE]
    QCOMPARE(events.size(), 1 + 3 + 1 + 1);
    QCOMPARE(parseJson(events.at(1))["choices"][0]["delta"]["content"].get<std::string>(), " the of and");
    QCOMPARE(parseJson(events.at(2))["choices"][0]["delta"]["content"].get<std::string>(), " to in is");
    const json last = parseJson(events.at(3));
    QCOMPARE(last["choices"][0]["delta"]["content"].get<std::string>(), " that");
    QCOMPARE(last["choices"][0]["finish_reason"].get<std::string>(), "length");
    QCOMPARE(parseJson(events.at(4))["usage"]["completion_tokens"].get<int>(), 7);
}

void TestSimServing::metricsEndpoint()
{
    tl::SimConfig config;
    config.ttftMs = 0;
    config.itlMs = 0;
    config.modelName = QStringLiteral("m1");
    tl::SimServer server(config);
    QVERIFY(server.start());
    HttpReply reply;
    QVERIFY(exchange(
        server.port(), httpRequest("POST", "/v1/completions", R"({"prompt":"abcdefgh","max_tokens":5})"), &reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(exchange(server.port(), httpRequest("POST", "/v1/completions", R"({"prompt":5})"), &reply));
    QCOMPARE(reply.status, 400);
    QVERIFY(exchange(server.port(), httpRequest("GET", "/metrics"), &reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
    const QByteArray text = reply.body;
    QVERIFY2(text.contains("# TYPE vllm:num_requests_running gauge\n"), text.constData());
    QVERIFY2(text.contains("vllm:num_requests_running{model_name=\"m1\"} 0\n"), text.constData());
    QVERIFY2(text.contains("vllm:num_requests_waiting{model_name=\"m1\"} 0\n"), text.constData());
    QVERIFY2(text.contains("vllm:prompt_tokens_total{model_name=\"m1\"} 2\n"), text.constData());
    QVERIFY2(text.contains("vllm:generation_tokens_total{model_name=\"m1\"} 5\n"), text.constData());
    QVERIFY2(text.contains("throughline_sim_responses_total{model_name=\"m1\",status=\"200\"} 1\n"), text.constData());
    QVERIFY2(text.contains("throughline_sim_responses_total{model_name=\"m1\",status=\"400\"} 1\n"), text.constData());
    QVERIFY(exchange(server.port(), httpRequest("POST", "/metrics", "{}"), &reply));
    QCOMPARE(reply.status, 405);
}

void TestSimServing::traceRecordsGroundTruth()
{
    constexpr int Tokens = 6;
    tl::SimConfig config;
    config.ttftMs = 20;
    config.itlMs = 5;
    config.recordTrace = true;
    tl::SimServer server(config);
    QVERIFY(server.start());
    RawClient client(server.port());
    QVERIFY(client.waitConnected());
    client.send(httpRequest("POST", "/v1/chat/completions",
        R"({"messages":[{"role":"user","content":"hello"}],"stream":true,"ignore_eos":true,"max_tokens":6})"));
    QVERIFY(client.waitFor("[DONE]"));
    // Arrival of each token chunk at the client, before read() consumes the buffer.
    std::vector<qint64> arrivals;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = client.buffer().indexOf("\"content\":\" ", from);
        if (at < 0)
            break;
        arrivals.push_back(client.arrivalNs(at));
        from = at + 1;
    }
    const qint64 headersArrival = client.arrivalNs(0);
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(server.traceRecords().size(), std::size_t(1), TimeoutMs);

    const tl::SimTraceRecord trace = server.traceRecords().front();
    QVERIFY(trace.id.startsWith("chatcmpl-"));
    QCOMPARE(trace.promptTokens, 2 + 4);
    QCOMPARE(trace.completionTokens, Tokens);
    QCOMPARE(trace.status, 200);
    QCOMPARE(trace.chunkNs.size(), std::size_t(Tokens));
    QCOMPARE(trace.plannedNs.size(), std::size_t(Tokens));
    QCOMPARE(arrivals.size(), std::size_t(Tokens));
    QVERIFY(trace.receivedNs >= client.sentNs());
    QVERIFY(trace.headersNs >= trace.receivedNs);
    QVERIFY(headersArrival >= trace.headersNs - 1'000'000); // read may begin just before the write returns
    for (std::size_t i = 0; i < trace.chunkNs.size(); ++i) {
        // Never early, and the client never sees a chunk before the server wrote it (one monotonic clock).
        QVERIFY(trace.chunkNs[i] >= trace.plannedNs[i]);
        QVERIFY(i == 0 || trace.chunkNs[i] > trace.chunkNs[i - 1]);
        QVERIFY(arrivals[i] >= trace.chunkNs[i] - 1'000'000);
    }
    // The fixed model: first token ttft after receipt, then one every itl.
    QCOMPARE(trace.plannedNs.front() - trace.receivedNs, qint64(20'000'000));
    QCOMPARE(trace.plannedNs.back() - trace.plannedNs.front(), qint64((Tokens - 1) * 5'000'000));
    QVERIFY(trace.endNs >= trace.chunkNs.back());

    const json line = parseJson(trace.toJsonLine());
    QVERIFY(line.is_object());
    QCOMPARE(line["id"].get<std::string>(), trace.id.toStdString());
    QCOMPARE(line["received_ns"].get<qint64>(), trace.receivedNs);
    QCOMPARE(line["headers_ns"].get<qint64>(), trace.headersNs);
    QCOMPARE(line["chunk_ns"].size(), std::size_t(Tokens));
    QCOMPARE(line["chunk_ns"][2].get<qint64>(), trace.chunkNs[2]);
    QCOMPARE(line["end_ns"].get<qint64>(), trace.endNs);
    QCOMPARE(line["prompt_tokens"].get<int>(), 6);
    QCOMPARE(line["completion_tokens"].get<int>(), Tokens);
    QVERIFY(line["fault"].is_null());
}

void TestSimServing::traceRecordsKernelArrival()
{
#ifndef Q_OS_LINUX
    QSKIP("arrived_ns comes from Linux's receive stamps (SO_TIMESTAMPNS)");
#endif
    // The conversion from the stamp's CLOCK_REALTIME to the monotonic clock is exact to well under this.
    constexpr qint64 ClockErrorNs = 200'000;
    tl::SimConfig config;
    config.ttftMs = 200; // request B waits this long behind A before the server parses it
    config.itlMs = 1;
    config.recordTrace = true;
    tl::SimServer server(config);
    QVERIFY(server.start());
    RawClient client(server.port());
    QVERIFY(client.waitConnected());

    // The kernel turns stamping on for the host a moment after the server first asks: until then, arrived_ns is 0.
    std::size_t seen = 0;
    const bool stamped = QTest::qWaitFor(
        [&] {
            client.send(httpRequest("POST", "/v1/completions", R"({"prompt":"x","max_tokens":1})"));
            HttpReply reply;
            if (!client.read(&reply) || !QTest::qWaitFor([&] { return server.traceRecords().size() > seen; }, 1000))
                return false;
            seen = server.traceRecords().size();
            return server.traceRecords().back().arrivedNs > 0;
        },
        TimeoutMs);
    QVERIFY2(stamped, "no kernel receive stamp on 127.0.0.1: arrived_ns stayed 0");

    // A, then B on the same connection while A's answer is still due (HTTP/1.1 pipelining): the server reads B at
    // once but parses it only after A has ended. B's arrival is when its bytes reached the socket, not then.
    const qint64 sentA = tl::monotonicNs();
    client.send(httpRequest("POST", "/v1/completions", R"({"prompt":"x","max_tokens":1})"));
    const qint64 sentB = tl::monotonicNs();
    client.send(httpRequest("POST", "/v1/completions", R"({"prompt":"y","max_tokens":1})"));
    const qint64 flushedB = tl::monotonicNs();
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(server.traceRecords().size(), seen + 2, TimeoutMs);
    const std::vector<tl::SimTraceRecord> traces = server.traceRecords();
    const tl::SimTraceRecord& a = traces[seen];
    const tl::SimTraceRecord& b = traces[seen + 1];
    for (const auto& [record, sent] : {std::pair{&a, sentA}, std::pair{&b, sentB}}) {
        QVERIFY(record->arrivedNs > 0);
        QVERIFY2(record->arrivedNs >= sent - ClockErrorNs,
            qPrintable(QStringLiteral("arrived %1 µs before it was sent").arg(double(sent - record->arrivedNs) / 1e3)));
        QVERIFY(record->arrivedNs <= record->receivedNs);
    }
    QVERIFY(b.receivedNs >= a.endNs); // parsed only once A had ended
    if (flushedB < a.endNs) // always, unless this thread stalled for the whole 200 ms
        QVERIFY2(b.arrivedNs < a.endNs, "B's arrival is its parse time, not the kernel's");

    const json line = parseJson(b.toJsonLine());
    QCOMPARE(line["arrived_ns"].get<qint64>(), b.arrivedNs);
}

void TestSimServing::traceOutFileFromExecutable()
{
    const QString program = QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim");
    if (!QFile::exists(program))
        QSKIP("throughline-sim is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tracePath = dir.filePath(QStringLiteral("trace.jsonl"));
    QProcess sim;
    sim.start(program,
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ttft-ms"), QStringLiteral("1"),
            QStringLiteral("--itl-ms"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--trace-out"), tracePath});
    QVERIFY(sim.waitForStarted(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(sim.canReadLine(), TimeoutMs);
    const QByteArray line = sim.readLine().trimmed();
    QVERIFY2(line.startsWith("throughline-sim listening on http://127.0.0.1:"), line.constData());
    const auto port = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).toUInt());
    HttpReply reply;
    QVERIFY(exchange(
        port, httpRequest("POST", "/v1/completions", R"({"prompt":"x","max_tokens":3,"stream":true})"), &reply));
    QVERIFY(exchange(port, httpRequest("POST", "/v1/completions", R"({"prompt":"x","max_tokens":2})"), &reply));
    sim.terminate(); // SIGTERM: the trace is written on the way out
    QVERIFY(sim.waitForFinished(TimeoutMs));
    QCOMPARE(sim.exitCode(), 0);
    QFile file(tracePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const json first = parseJson(lines.at(0));
    const json second = parseJson(lines.at(1));
    QCOMPARE(first["completion_tokens"].get<int>(), 3);
    QCOMPARE(first["chunk_ns"].size(), std::size_t(3));
    QCOMPARE(second["completion_tokens"].get<int>(), 2);
    QVERIFY(second["end_ns"].get<qint64>() >= second["received_ns"].get<qint64>());
    QVERIFY(second["arrived_ns"].get<qint64>() <= second["received_ns"].get<qint64>()); // 0: no stamp
}

void TestSimServing::executableRejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("flag"); // named on the one error line
    QTest::newRow("max-num-seqs 0") << QStringList{QStringLiteral("--max-num-seqs"), QStringLiteral("0")}
                                    << QStringLiteral("--max-num-seqs");
    QTest::newRow("negative prefill") << QStringList{QStringLiteral("--prefill-tok-per-s"), QStringLiteral("-1")}
                                      << QStringLiteral("--prefill-tok-per-s");
    QTest::newRow("bad distribution") << QStringList{QStringLiteral("--output-len-dist"), QStringLiteral("zipf")}
                                      << QStringLiteral("--output-len-dist");
    QTest::newRow("unknown fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("http-418:0.5")}
                                   << QStringLiteral("--fault");
    QTest::newRow("fault every 0") << QStringList{QStringLiteral("--fault-every"), QStringLiteral("http-500:0")}
                                   << QStringLiteral("--fault-every");
    QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("/nonexistent.json")}
                                    << QStringLiteral("--preset");
    QTest::newRow("tokens per chunk 0") << QStringList{QStringLiteral("--tokens-per-chunk"), QStringLiteral("0")}
                                        << QStringLiteral("--tokens-per-chunk");
    QTest::newRow("negative close delay") << QStringList{QStringLiteral("--close-delay-ms"), QStringLiteral("-1")}
                                          << QStringLiteral("--close-delay-ms");
}

void TestSimServing::executableRejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, flag);
    const QString program = QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim");
    if (!QFile::exists(program))
        QSKIP("throughline-sim is not built");
    QProcess sim;
    sim.start(program, arguments + QStringList{QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(sim.waitForFinished(TimeoutMs));
    QCOMPARE(sim.exitCode(), 2);
    const QByteArray error = sim.readAllStandardError();
    QVERIFY2(error.contains(flag.toUtf8()), error.constData());
    QCOMPARE(error.count('\n'), 1);
}

void TestSimServing::executableAppliesPreset()
{
    const QString program = QStringLiteral(THROUGHLINE_BINARY_DIR "/app/throughline-sim");
    if (!QFile::exists(program))
        QSKIP("throughline-sim is not built");
    // slow-cpu has 4 slots; --max-num-seqs after it wins. Seen through /metrics while 3 requests run.
    QProcess sim;
    sim.start(program,
        {QStringLiteral("--preset"), QStringLiteral("slow-cpu"), QStringLiteral("--max-num-seqs"), QStringLiteral("2"),
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY(sim.waitForStarted(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(sim.canReadLine(), TimeoutMs);
    const QByteArray line = sim.readLine().trimmed();
    const auto port = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).toUInt());
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<RawClient>(port));
        QVERIFY(clients.back()->waitConnected());
        clients.back()->send(streamRequest(50)); // 50 slow-cpu decode steps: seconds
    }
    QByteArray metrics;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            HttpReply reply;
            if (!exchange(port, httpRequest("GET", "/metrics"), &reply))
                return false;
            metrics = reply.body;
            return metrics.contains("vllm:num_requests_running{model_name=\"throughline-sim\"} 2\n")
                && metrics.contains("vllm:num_requests_waiting{model_name=\"throughline-sim\"} 1\n");
        }(),
        TimeoutMs);
    sim.terminate();
    QVERIFY(sim.waitForFinished(TimeoutMs));
}

void TestSimServing::shippedPresetsMatchResourceFiles_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : tl::SimPreset::builtinNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSimServing::shippedPresetsMatchResourceFiles()
{
    QFETCH(QString, name);
    const QString path = QFINDTESTDATA(QStringLiteral("../resources/sim-presets/") + name + QStringLiteral(".json"));
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(tl::SimPreset::builtinJson(name), file.readAll());
    tl::SimConfig config;
    QString error;
    QVERIFY2(tl::SimPreset::apply(name, &config, &error), qPrintable(error));
    QVERIFY(config.decodeBaseMs >= 0); // every shipped preset uses the batched model
    QVERIFY(config.maxNumSeqs < 1024);
    QVERIFY(config.prefillTokPerS > 0);
    QVERIFY(config.outputLengths.kind != tl::SimLengthDistribution::Kind::Fixed);
}

void TestSimServing::presetErrors()
{
    tl::SimConfig config;
    QString error;
    QVERIFY(!tl::SimPreset::apply(QStringLiteral("/nonexistent/preset.json"), &config, &error));
    QVERIFY(error.contains(QLatin1String("fast-gpu")));
    QVERIFY(!tl::SimPreset::applyJson(R"({"max-num-seqs":0})", &config, &error));
    QVERIFY(error.contains(QLatin1String("max-num-seqs")));
    QVERIFY(!tl::SimPreset::applyJson(R"({"decode-base-ms":"fast"})", &config, &error));
    QVERIFY(!tl::SimPreset::applyJson(R"({"bogus":1})", &config, &error));
    QVERIFY(error.contains(QLatin1String("bogus")));
    QVERIFY(!tl::SimPreset::applyJson("[1]", &config, &error));
    QCOMPARE(config.maxNumSeqs, tl::SimConfig().maxNumSeqs); // untouched by a failed preset
    QVERIFY(tl::SimPreset::applyJson(R"({"max-num-seqs":3,"seed":7,"prefix-cache":true})", &config, &error));
    QCOMPARE(config.maxNumSeqs, 3);
    QCOMPARE(config.seed, quint64(7));
    QVERIFY(config.prefixCache);
}

QTEST_GUILESS_MAIN(TestSimServing)
#include "tst_simserving.moc"
