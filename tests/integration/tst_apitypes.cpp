// Every API type end to end: a run through RunController against the emulated server over 127.0.0.1, checking
// what each plugin records (success, token counts and their source, the TTFT/ITL events) and that the server's
// failures arrive as the right error class.

#include "engine/runcontroller.h"
#include "sim/simfault.h"
#include "sim/simserver.h"
#include "tokenizer/tokenizer.h"

#include "cannedserver.h"
#include "runonce.h"

#include <QSignalSpy>
#include <QTest>

#include <array>

using namespace tl;

namespace {

RunConfig configFor(const SimServer& sim, const QString& api, const QString& path)
{
    RunConfig c;
    c.api = api;
    c.url = sim.baseUrl().toString() + path;
    c.model = QStringLiteral("throughline-sim");
    c.maxTokens = 6;
    c.extraArgs = R"({"ignore_eos": true})";
    c.parallel = {2};
    c.number = {4};
    c.sleepInterval = 0;
    c.writeOutputs = false;
    return c;
}

// Every test runs on both transports (--transport lean and qt): they must record the same things.
const char* const kTransports[] = {"lean", "qt"};

// serverErrorsPerApi's rows for one transport.
void addServerErrorRows(const char* t)
{
    // Every fault of the emulated server on a streamed chat request, then the ones that apply to the others.
    const QList<std::pair<const char*, const char*>> chat = {{"http-429", "http_status"},
        {"http-500", "http_status"}, {"http-503", "http_status"}, {"reset-before-headers", "network"},
        {"reset-mid-stream", "network"}, {"stall-mid-stream", "read_timeout"},
        {"malformed-chunk", "malformed_stream"}, {"error-event", "error_event"}, {"empty-stream", "empty_stream"},
        {"slow-headers", "connect_timeout"}, {"truncated-chunked", "network"}};
    for (const auto& [fault, errorClass] : chat)
        QTest::addRow("%s chat %s", t, fault) << "openai" << fault << errorClass << t;
    const QList<std::array<const char*, 4>> others = {
        {"responses 503", "openai_responses", "http-503", "http_status"},
        {"responses error event", "openai_responses", "error-event", "error_event"},
        {"responses empty stream", "openai_responses", "empty-stream", "empty_stream"},
        {"responses reset mid-stream", "openai_responses", "reset-mid-stream", "network"},
        {"embedding 500", "openai_embedding", "http-500", "http_status"},
        {"rerank 429", "openai_rerank", "http-429", "http_status"},
        {"rerank reset", "openai_rerank", "reset-before-headers", "network"}};
    for (const auto& [name, api, fault, errorClass] : others)
        QTest::addRow("%s %s", t, name) << api << fault << errorClass << t;
}

} // namespace

class TestApiTypes final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig sim;
        sim.ttftMs = 20;
        sim.itlMs = 5;
        m_sim = std::make_unique<SimServer>(sim);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_sim.reset(); }

    void generation_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports) {
            QTest::addRow("%s chat stream", t) << "openai" << "/v1/chat/completions" << true << t;
            QTest::addRow("%s chat", t) << "openai" << "/v1/chat/completions" << false << t;
            QTest::addRow("%s completions stream", t) << "openai" << "/v1/completions" << true << t;
            QTest::addRow("%s responses stream", t) << "openai_responses" << "/v1" << true << t;
            QTest::addRow("%s responses", t) << "openai_responses" << "/v1" << false << t;
        }
    }
    void generation()
    {
        QFETCH(QString, api);
        QFETCH(QString, path);
        QFETCH(bool, stream);
        QFETCH(QString, transport);
        RunConfig config = configFor(*m_sim, api, path);
        config.stream = stream;
        config.transport = transport;
        const PointResult r = tl::test::runFirstPoint(config);
        const Summary& s = r.summary;
        QCOMPARE(s.totalRequests, 4);
        QCOMPARE(s.successRequests, 4);
        QCOMPARE(s.avgOutputTokens, 6.0); // the server's usage, exact
        QVERIFY(s.avgInputTokens > 0);
        QCOMPARE(stream ? s.streamRequests : s.nonStreamRequests, 4);
        QVERIFY(s.avgTtftMs >= 19.0);
        if (stream) {
            // Six content events per request: TTFT at the first, five ITL gaps of ~5 ms each.
            QCOMPARE(r.extended.avgChunksPerRequest, 6.0);
            QVERIFY(s.avgItlMs > 0);
            QVERIFY(s.avgTtftMs < s.avgLatencyS * 1000.0);
        } else {
            QCOMPARE(s.avgTtftMs, s.avgLatencyS * 1000.0); // non-streamed: TTFT is the latency
        }
        QVERIFY(s.llm);
    }

    void embeddingAndRerank_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports) {
            QTest::addRow("%s embeddings", t) << "openai_embedding" << "/v1" << t;
            QTest::addRow("%s rerank", t) << "openai_rerank" << "/v1" << t;
            QTest::addRow("%s rerank singular path", t) << "rerank" << "/v1/rerank" << t;
        }
    }
    void embeddingAndRerank()
    {
        QFETCH(QString, api);
        QFETCH(QString, path);
        QFETCH(QString, transport);
        RunConfig config = configFor(*m_sim, api, path);
        config.extraArgs.clear();
        config.transport = transport;
        const PointResult r = tl::test::runFirstPoint(config);
        const Summary& s = r.summary;
        QCOMPARE(s.successRequests, 4);
        QCOMPARE(s.nonStreamRequests, 4);
        QVERIFY(s.avgInputTokens > 0); // usage.prompt_tokens or total_tokens
        QCOMPARE(s.avgOutputTokens, 0.0);
        QVERIFY(!s.llm);
        QVERIFY(s.inputThroughput > 0);
    }

    void tokenizerCountsWhenUsageIsMissing_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("chat") << "openai"
                              << QByteArray(R"({"id":"a","object":"chat.completion","choices":[{"index":0,)"
                                            R"("message":{"role":"assistant","content":"Hello world, counted here."}}]})")
                              << QByteArray("Hello world, counted here.");
        QTest::newRow("responses") << "openai_responses"
                                   << QByteArray(R"({"id":"r","object":"response","status":"completed",)"
                                                 R"("output_text":"The quick brown fox jumps."})")
                                   << QByteArray("The quick brown fox jumps.");
    }
    void tokenizerCountsWhenUsageIsMissing()
    {
        QFETCH(QString, api);
        QFETCH(QByteArray, answer);
        QFETCH(QByteArray, text);
        // A server without `usage`: with --tokenizer-path the client counts the generated text, as EvalScope does.
        test::CannedServer server(false, answer);
        QVERIFY(server.port() != 0);
        const QString tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2/tokenizer.json");
        QString error;
        const auto tokenizer = Tokenizer::load(tokenizerPath, &error);
        QVERIFY2(tokenizer, qPrintable(error));
        RunConfig config;
        config.api = api;
        config.url = QStringLiteral("http://127.0.0.1:%1/v1").arg(server.port());
        config.model = QStringLiteral("m");
        config.stream = false;
        config.number = {2};
        config.sleepInterval = 0;
        config.writeOutputs = false;
        config.tokenizerPath = tokenizerPath;
        const PointResult withTokenizer = tl::test::runFirstPoint(config);
        QCOMPARE(withTokenizer.summary.successRequests, 2);
        const qsizetype expected = tokenizer->count(std::string_view(text.constData(), size_t(text.size())));
        QVERIFY(expected > 1);
        QCOMPARE(withTokenizer.summary.avgOutputTokens, double(expected));
        // Without a tokenizer the only fallback is one token per content event: a lower bound.
        config.tokenizerPath.clear();
        QCOMPARE(tl::test::runFirstPoint(config).summary.avgOutputTokens, 1.0);
    }

    void serverErrorsPerApi_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("errorClass");
        QTest::addColumn<QString>("transport");
        for (const char* t : kTransports)
            addServerErrorRows(t);
    }
    void serverErrorsPerApi()
    {
        QFETCH(QString, api);
        QFETCH(QString, fault);
        QFETCH(QString, errorClass);
        QFETCH(QString, transport);
        SimConfig simConfig;
        simConfig.ttftMs = 5;
        simConfig.itlMs = 1;
        simConfig.faultStallS = 3;
        simConfig.faultSlowHeadersS = 3;
        simConfig.faults.append({SimFault::fromName(fault), 1.0, 0});
        QVERIFY(simConfig.faults.constFirst().kind != SimFaultKind::None);
        QString error;
        SimServer faulty(simConfig);
        QVERIFY2(faulty.start(&error), qPrintable(error));
        RunConfig config = configFor(faulty, api, QStringLiteral("/v1"));
        config.noTestConnection = true;
        config.readTimeout = 0.5; // the stall outlasts it
        config.connectTimeout = 0.5; // the slow headers too
        config.transport = transport;
        if (api != u"openai")
            config.extraArgs.clear();
        const PointResult r = tl::test::runFirstPoint(config);
        // Nothing is lost: every request is recorded, failed, with the class of what went wrong.
        QCOMPARE(r.summary.totalRequests, 4);
        QCOMPARE(r.summary.failedRequests, 4);
        QCOMPARE(r.extended.errorsByClass.size(), 1);
        QCOMPARE(r.extended.errorsByClass.first().first, errorClass);
        // A reset before any byte on a fresh connection is the server's answer: the worker never resends it (only a
        // request on a reused kept-alive connection, tst_hostileserver resendOnlyOnReusedConnection). Qt 6.4's HTTP
        // channel resends it once by itself; the qt transport sees that (a second requestSent()) and counts it.
        if (transport == u"qt" && fault.startsWith(u"reset"))
            QVERIFY(r.extended.retriedRequests <= r.summary.totalRequests);
        else
            QCOMPARE(r.extended.retriedRequests, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "tst_apitypes.moc"
