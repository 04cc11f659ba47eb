// Fault injection of the emulated server, each kind observed from a real client over 127.0.0.1: a raw
// QTcpSocket that sees the exact bytes, and QNetworkAccessManager for what a Qt client reports.

#include "sim/simconfig.h"
#include "sim/simfault.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "tst_simclient.h"

#include <nlohmann/json.hpp>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

using nlohmann::json;
using namespace simtest;

namespace {

constexpr int Tokens = 8; // a mid-stream fault strikes at token 4
constexpr double StallS = 0.3;
constexpr double SlowHeadersS = 0.3;

json parseJson(const QByteArray& bytes)
{
    return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

std::unique_ptr<tl::SimServer> startServer(tl::SimFaultKind kind, int every = 1, double probability = 0.0)
{
    tl::SimConfig config;
    config.ttftMs = 5;
    config.itlMs = 5;
    config.threads = 1;
    config.faultStallS = StallS;
    config.faultSlowHeadersS = SlowHeadersS;
    config.recordTrace = true;
    config.faults.append({kind, probability, every});
    auto server = std::make_unique<tl::SimServer>(config);
    return server->start() ? std::move(server) : nullptr;
}

QByteArray completion(bool stream)
{
    const QByteArray body
        = QByteArray(R"({"messages":[{"role":"user","content":"x"}],"ignore_eos":true,"max_tokens":8,"stream":)")
        + (stream ? "true" : "false") + '}';
    return httpRequest("POST", "/v1/chat/completions", body);
}

// Token events (JSON with choices) among SSE payloads.
int tokenEvents(const QList<QByteArray>& events)
{
    int n = 0;
    for (const QByteArray& e : events) {
        const json j = parseJson(e);
        if (j.is_object() && j.contains("choices") && !j["choices"].empty()
            && j["choices"][0]["delta"].contains("content") && !j["choices"][0]["delta"].contains("role"))
            ++n;
    }
    return n;
}

bool isErrorShape(const QByteArray& body, int status)
{
    const json j = parseJson(body);
    return j.is_object() && j.value("object", "") == "error" && j.value("code", 0) == status && j.contains("type")
        && j["message"].is_string() && j.contains("param");
}

} // namespace

class TestSimFaults final : public QObject {
    Q_OBJECT

private slots:
    void names();
    void parseRule_data();
    void parseRule();
    void httpErrors_data();
    void httpErrors();
    void resetBeforeHeaders();
    void resetMidStream();
    void stallMidStream();
    void malformedChunk();
    void errorEvent();
    void emptyStream();
    void slowHeaders();
    void truncatedChunked();
    void nonStreamingFaults_data();
    void nonStreamingFaults();
    void seenByNetworkAccessManager_data();
    void seenByNetworkAccessManager();
    void scheduleStrikesEveryNth();
    void probabilityIsSeeded();
};

void TestSimFaults::names()
{
    const QStringList all = tl::SimFault::names();
    QCOMPARE(all.size(), 11);
    for (const QString& name : all) {
        const tl::SimFaultKind kind = tl::SimFault::fromName(name);
        QVERIFY(kind != tl::SimFaultKind::None);
        QCOMPARE(QString::fromLatin1(tl::SimFault::name(kind).toByteArray()), name);
    }
    QCOMPARE(tl::SimFault::fromName(u"nope"), tl::SimFaultKind::None);
}

void TestSimFaults::parseRule_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("schedule");
    QTest::addColumn<bool>("ok");
    QTest::newRow("probability") << QStringLiteral("http-429:0.25") << false << true;
    QTest::newRow("probability one") << QStringLiteral("reset-mid-stream:1") << false << true;
    QTest::newRow("probability above one") << QStringLiteral("http-500:1.5") << false << false;
    QTest::newRow("schedule") << QStringLiteral("stall-mid-stream:10") << true << true;
    QTest::newRow("schedule zero") << QStringLiteral("stall-mid-stream:0") << true << false;
    QTest::newRow("schedule fraction") << QStringLiteral("stall-mid-stream:0.5") << true << false;
    QTest::newRow("unknown kind") << QStringLiteral("http-418:0.5") << false << false;
    QTest::newRow("no number") << QStringLiteral("empty-stream") << false << false;
}

void TestSimFaults::parseRule()
{
    QFETCH(QString, text);
    QFETCH(bool, schedule);
    QFETCH(bool, ok);
    tl::SimFaultRule rule;
    QString error;
    QCOMPARE(tl::SimFault::parseRule(text, schedule, &rule, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (ok)
        QVERIFY(rule.kind != tl::SimFaultKind::None);
}

void TestSimFaults::httpErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("429") << int(tl::SimFaultKind::Http429) << 429;
    QTest::newRow("500") << int(tl::SimFaultKind::Http500) << 500;
    QTest::newRow("503") << int(tl::SimFaultKind::Http503) << 503;
}

void TestSimFaults::httpErrors()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    const auto server = startServer(static_cast<tl::SimFaultKind>(kind));
    QVERIFY(server);
    for (const bool stream : {false, true}) {
        RawClient client(server->port());
        QVERIFY(client.waitConnected());
        client.send(completion(stream));
        HttpReply reply;
        QVERIFY(client.read(&reply));
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY2(isErrorShape(reply.body, status), reply.body.constData());
        QCOMPARE(reply.headers.contains("retry-after"), status == 429);
        // The connection stays usable: health checks are never faulted.
        client.send(httpRequest("GET", "/health"));
        QVERIFY(client.read(&reply));
        QCOMPARE(reply.status, 200);
    }
    const auto traces = server->traceRecords();
    QCOMPARE(traces.size(), std::size_t(2));
    QCOMPARE(traces.front().status, status);
}

void TestSimFaults::resetBeforeHeaders()
{
    const auto server = startServer(tl::SimFaultKind::ResetBeforeHeaders);
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));
    QVERIFY(client.waitClosed());
    QVERIFY(client.buffer().isEmpty());
    QCOMPARE(client.socket().error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_COMPARE_WITH_TIMEOUT(server->traceRecords().size(), std::size_t(1), TimeoutMs);
    QCOMPARE(server->traceRecords().front().fault, tl::SimFaultKind::ResetBeforeHeaders);
    QCOMPARE(server->traceRecords().front().headersNs, qint64(0));
}

void TestSimFaults::resetMidStream()
{
    const auto server = startServer(tl::SimFaultKind::ResetMidStream);
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));
    QVERIFY(client.waitClosed());
    HttpReply reply;
    QVERIFY(!client.read(&reply)); // the chunked body never ends
    QVERIFY(client.buffer().startsWith("HTTP/1.1 200 OK\r\n"));
    const QList<QByteArray> events = sseData(client.buffer());
    QCOMPARE(tokenEvents(events), Tokens / 2 - 1); // tokens 1..3, then the reset at token 4
    QVERIFY(!client.buffer().contains("[DONE]"));
    QTRY_COMPARE_WITH_TIMEOUT(server->traceRecords().size(), std::size_t(1), TimeoutMs);
    QCOMPARE(server->traceRecords().front().completionTokens, Tokens / 2 - 1);
}

void TestSimFaults::stallMidStream()
{
    const auto server = startServer(tl::SimFaultKind::StallMidStream);
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));
    QVERIFY(client.waitFor("[DONE]"));
    // The largest gap between token chunk arrivals is the stall (loose: a lower bound only).
    qint64 previous = -1;
    qint64 largestGap = 0;
    for (qsizetype from = 0;;) {
        const qsizetype at = client.buffer().indexOf("\"content\":\" ", from);
        if (at < 0)
            break;
        const qint64 arrival = client.arrivalNs(at);
        if (previous >= 0)
            largestGap = std::max(largestGap, arrival - previous);
        previous = arrival;
        from = at + 1;
    }
    QVERIFY2(largestGap >= qint64(StallS * 0.9e9), qPrintable(QString::number(largestGap)));
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(tokenEvents(sseData(reply.body)), Tokens);
    QTRY_COMPARE_WITH_TIMEOUT(server->traceRecords().size(), std::size_t(1), TimeoutMs);
    const tl::SimTraceRecord trace = server->traceRecords().front();
    QCOMPARE(trace.chunkNs.size(), std::size_t(Tokens));
    QVERIFY(trace.plannedNs[3] - trace.plannedNs[2] >= qint64(StallS * 1e9));
}

void TestSimFaults::malformedChunk()
{
    const auto server = startServer(tl::SimFaultKind::MalformedChunk);
    QVERIFY(server);
    HttpReply reply;
    QVERIFY(exchange(server->port(), completion(true), &reply));
    QCOMPARE(reply.status, 200);
    const QList<QByteArray> events = sseData(reply.body);
    QCOMPARE(events.constLast(), QByteArray("[DONE]"));
    int invalid = 0;
    for (qsizetype i = 0; i + 1 < events.size(); ++i)
        invalid += parseJson(events.at(i)).is_discarded() ? 1 : 0;
    QCOMPARE(invalid, 1);
    QCOMPARE(tokenEvents(events), Tokens); // the stream goes on after it
}

void TestSimFaults::errorEvent()
{
    const auto server = startServer(tl::SimFaultKind::ErrorEvent);
    QVERIFY(server);
    HttpReply reply;
    QVERIFY(exchange(server->port(), completion(true), &reply)); // a complete chunked body
    QCOMPARE(reply.status, 200);
    const QList<QByteArray> events = sseData(reply.body);
    QCOMPARE(events.constLast(), QByteArray("[DONE]"));
    const json error = parseJson(events.at(events.size() - 2));
    QVERIFY(error.contains("error"));
    QVERIFY(isErrorShape(QByteArray::fromStdString(error["error"].dump()), 500));
    QCOMPARE(tokenEvents(events), Tokens / 2 - 1);
}

void TestSimFaults::emptyStream()
{
    const auto server = startServer(tl::SimFaultKind::EmptyStream);
    QVERIFY(server);
    HttpReply reply;
    QVERIFY(exchange(server->port(), completion(true), &reply));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("text/event-stream; charset=utf-8"));
    QVERIFY(reply.body.isEmpty());
    QVERIFY(reply.chunks.isEmpty());
}

void TestSimFaults::slowHeaders()
{
    const auto server = startServer(tl::SimFaultKind::SlowHeaders);
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));
    QVERIFY(client.waitFor("HTTP/1.1 200"));
    const qint64 headersAfterNs = client.arrivalNs(0) - client.sentNs();
    QVERIFY2(headersAfterNs >= qint64(SlowHeadersS * 0.9e9), qPrintable(QString::number(headersAfterNs)));
    HttpReply reply;
    QVERIFY(client.read(&reply));
    QCOMPARE(tokenEvents(sseData(reply.body)), Tokens);
}

void TestSimFaults::truncatedChunked()
{
    const auto server = startServer(tl::SimFaultKind::TruncatedChunked);
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));
    QVERIFY(client.waitClosed());
    HttpReply reply;
    QCOMPARE(parseResponse(client.buffer(), true, &reply), qsizetype(-1)); // the last chunk is cut short
    QVERIFY(client.buffer().endsWith("1000\r\ndata: {\"id\":"));
    QCOMPARE(client.socket().error(), QAbstractSocket::RemoteHostClosedError);
}

void TestSimFaults::nonStreamingFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("expect"); // 0: cut without an answer, 1: 200 with invalid JSON, 2: 200 {"error"},
                                     // 3: 200 with an empty body, 4: 200 valid answer
    QTest::newRow("reset-mid-stream") << int(tl::SimFaultKind::ResetMidStream) << 0;
    QTest::newRow("truncated-chunked") << int(tl::SimFaultKind::TruncatedChunked) << 0;
    QTest::newRow("malformed-chunk") << int(tl::SimFaultKind::MalformedChunk) << 1;
    QTest::newRow("error-event") << int(tl::SimFaultKind::ErrorEvent) << 2;
    QTest::newRow("empty-stream") << int(tl::SimFaultKind::EmptyStream) << 3;
    QTest::newRow("stall-mid-stream") << int(tl::SimFaultKind::StallMidStream) << 4;
    QTest::newRow("slow-headers") << int(tl::SimFaultKind::SlowHeaders) << 4;
}

void TestSimFaults::nonStreamingFaults()
{
    QFETCH(int, kind);
    QFETCH(int, expect);
    const auto server = startServer(static_cast<tl::SimFaultKind>(kind));
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(false));
    HttpReply reply;
    if (expect == 0) {
        QVERIFY(client.waitClosed());
        QVERIFY(!client.read(&reply));
        return;
    }
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    const json body = parseJson(reply.body);
    switch (expect) {
    case 1:
        QVERIFY(body.is_discarded());
        break;
    case 2:
        QVERIFY(body.contains("error"));
        break;
    case 3:
        QVERIFY(reply.body.isEmpty());
        break;
    default:
        QCOMPARE(body["usage"]["completion_tokens"].get<int>(), Tokens);
        QVERIFY(client.firstArrivalNs() - client.sentNs() >= qint64(0.9e9 * StallS));
        break;
    }
}

void TestSimFaults::seenByNetworkAccessManager_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus"); // 0: a network error without a status
    QTest::newRow("http-503") << int(tl::SimFaultKind::Http503) << 503;
    QTest::newRow("reset-before-headers") << int(tl::SimFaultKind::ResetBeforeHeaders) << 0;
    QTest::newRow("reset-mid-stream") << int(tl::SimFaultKind::ResetMidStream) << 200;
}

void TestSimFaults::seenByNetworkAccessManager()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    const auto server = startServer(static_cast<tl::SimFaultKind>(kind));
    QVERIFY(server);
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(server->baseUrl().toString() + QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // Qt retries an idempotent-looking request once on a reset connection; POST is not retried.
    std::unique_ptr<QNetworkReply> reply(nam.post(request,
        QByteArray(R"({"messages":[{"role":"user","content":"x"}],"ignore_eos":true,"max_tokens":8,"stream":true})")));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), TimeoutMs);
    QVERIFY(reply->error() != QNetworkReply::NoError);
    if (httpStatus != 0)
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), httpStatus);
}

void TestSimFaults::scheduleStrikesEveryNth()
{
    const auto server = startServer(tl::SimFaultKind::Http429, 3);
    QVERIFY(server);
    QList<int> statuses;
    for (int i = 0; i < 7; ++i) {
        HttpReply reply;
        QVERIFY(exchange(server->port(), completion(false), &reply));
        statuses.append(reply.status);
    }
    QCOMPARE(statuses, (QList<int>{200, 200, 429, 200, 200, 429, 200}));
}

void TestSimFaults::probabilityIsSeeded()
{
    const auto statuses = [](quint64 seed) {
        tl::SimConfig config;
        config.ttftMs = 0;
        config.itlMs = 0;
        config.seed = seed;
        config.faults.append({tl::SimFaultKind::Http500, 0.5, 0});
        tl::SimServer server(config);
        QList<int> out;
        if (!server.start())
            return out;
        for (int i = 0; i < 16; ++i) {
            HttpReply reply;
            if (!exchange(server.port(), completion(false), &reply))
                return QList<int>{};
            out.append(reply.status);
        }
        return out;
    };
    const QList<int> first = statuses(7);
    QCOMPARE(first.size(), 16);
    QCOMPARE(statuses(7), first);
    QVERIFY(first.contains(200));
    QVERIFY(first.contains(500));
    QVERIFY(statuses(8) != first);
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
