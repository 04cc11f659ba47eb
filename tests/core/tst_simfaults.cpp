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

// What a raw client sees of a streamed chat completion (Tokens tokens, ignore_eos) under a fault that lets the
// status line be due; the defaults are an undisturbed stream.
struct StreamSeen {
    bool headers = true; // the 200 status line and headers arrive (the trace has their time)
    bool complete = true; // the body ends as HTTP says; else the server cuts the connection
    int tokens = Tokens; // token events received, and completion tokens in the server's trace
    int invalid = 0; // data events that are not JSON
    bool errorEvent = false; // an {"error": …} event (a 500 error object) right before [DONE]
    bool done = true; // the events end with [DONE]
    double headersAfterS = 0; // the least time from the request to the status line (0: any)
    double tokenGapS = 0; // the least largest gap between token arrivals (0: any)
    QByteArray tail; // what the received bytes end with (empty: anything)
};

// What a non-streamed request gets under a fault that would strike mid-stream.
enum class Answer {
    Cut, // the connection closes without an answer
    InvalidJson, // 200 with a body that is not JSON
    ErrorObject, // 200 with {"error": …}
    Empty, // 200 with an empty body
    Late, // 200 with the whole answer, after at least the stall
};

} // namespace

class TestSimFaults final : public QObject {
    Q_OBJECT

private slots:
    void names();
    void parseRule_data();
    void parseRule();
    void httpErrors_data();
    void httpErrors();
    void streamingFaults_data();
    void streamingFaults();
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
    QTRY_COMPARE_WITH_TIMEOUT(server->traceRecords().size(), std::size_t(2), TimeoutMs); // noted after the last write
    const auto traces = server->traceRecords();
    QCOMPARE(traces.front().status, status);
}

void TestSimFaults::streamingFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<StreamSeen>("seen");
    const int before = Tokens / 2 - 1; // a mid-stream fault strikes at token Tokens / 2
    QTest::newRow("reset-before-headers")
        << int(tl::SimFaultKind::ResetBeforeHeaders)
        << StreamSeen{.headers = false, .complete = false, .tokens = 0, .done = false};
    QTest::newRow("reset-mid-stream") << int(tl::SimFaultKind::ResetMidStream)
                                      << StreamSeen{.complete = false, .tokens = before, .done = false};
    QTest::newRow("truncated-chunked") << int(tl::SimFaultKind::TruncatedChunked)
                                       << StreamSeen{.complete = false,
                                              .tokens = before,
                                              .invalid = 1,
                                              .done = false,
                                              .tail = "1000\r\ndata: {\"id\":"};
    QTest::newRow("stall-mid-stream") << int(tl::SimFaultKind::StallMidStream) << StreamSeen{.tokenGapS = StallS};
    QTest::newRow("malformed-chunk") << int(tl::SimFaultKind::MalformedChunk) << StreamSeen{.invalid = 1};
    QTest::newRow("error-event") << int(tl::SimFaultKind::ErrorEvent)
                                 << StreamSeen{.tokens = before, .errorEvent = true};
    QTest::newRow("empty-stream") << int(tl::SimFaultKind::EmptyStream) << StreamSeen{.tokens = 0, .done = false};
    QTest::newRow("slow-headers") << int(tl::SimFaultKind::SlowHeaders) << StreamSeen{.headersAfterS = SlowHeadersS};
}

void TestSimFaults::streamingFaults()
{
    QFETCH(int, kind);
    QFETCH(StreamSeen, seen);
    const auto server = startServer(static_cast<tl::SimFaultKind>(kind));
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(true));

    // The whole answer stays in the client's buffer, where each byte's arrival time can be read.
    HttpReply reply;
    qsizetype used = 0;
    QVERIFY(QTest::qWaitFor(
        [&] { return (used = parseResponse(client.buffer(), client.isClosed(), &reply)) != 0; }, TimeoutMs));
    const QByteArray& bytes = client.buffer();
    QCOMPARE(bytes.startsWith("HTTP/1.1 200 OK\r\n"), seen.headers);
    if (seen.complete) {
        QVERIFY(used > 0);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("content-type"), QByteArray("text/event-stream; charset=utf-8"));
    } else {
        QCOMPARE(used, qsizetype(-1)); // closed before the body (or the headers) ended
        QVERIFY(seen.headers || bytes.isEmpty());
        QCOMPARE(client.socket().error(), QAbstractSocket::RemoteHostClosedError);
    }
    if (!seen.tail.isEmpty())
        QVERIFY2(bytes.endsWith(seen.tail), bytes.right(64).constData());

    // Every data event is accounted for: the role chunk before the first token, the tokens, the broken events,
    // the error event and [DONE].
    const QList<QByteArray> events = sseData(seen.complete ? reply.body : bytes);
    QCOMPARE(tokenEvents(events), seen.tokens);
    int notJson = 0;
    for (const QByteArray& event : events)
        notJson += event != "[DONE]" && parseJson(event).is_discarded() ? 1 : 0;
    QCOMPARE(notJson, seen.invalid);
    QCOMPARE(!events.isEmpty() && events.constLast() == "[DONE]", seen.done);
    QCOMPARE(bytes.contains("[DONE]"), seen.done);
    if (seen.errorEvent) {
        QVERIFY(events.size() >= 2);
        const json error = parseJson(events.at(events.size() - 2));
        QVERIFY(error.contains("error"));
        QVERIFY(isErrorShape(QByteArray::fromStdString(error["error"].dump()), 500));
    }
    QCOMPARE(events.size(),
        (seen.tokens > 0 ? 1 : 0) + seen.tokens + seen.invalid + (seen.errorEvent ? 1 : 0) + (seen.done ? 1 : 0));
    if (seen.complete && events.isEmpty())
        QVERIFY(reply.body.isEmpty() && reply.chunks.isEmpty());

    if (seen.headersAfterS > 0) {
        const qint64 headersAfterNs = client.arrivalNs(0) - client.sentNs();
        QVERIFY2(headersAfterNs >= qint64(seen.headersAfterS * 0.9e9), qPrintable(QString::number(headersAfterNs)));
    }
    if (seen.tokenGapS > 0) {
        // The largest gap between token chunk arrivals is the stall (loose: a lower bound only).
        qint64 previous = -1;
        qint64 largestGap = 0;
        for (qsizetype at = bytes.indexOf("\"content\":\" "); at >= 0; at = bytes.indexOf("\"content\":\" ", at + 1)) {
            const qint64 arrival = client.arrivalNs(at);
            if (previous >= 0)
                largestGap = std::max(largestGap, arrival - previous);
            previous = arrival;
        }
        QVERIFY2(largestGap >= qint64(seen.tokenGapS * 0.9e9), qPrintable(QString::number(largestGap)));
    }

    // The server's ground truth agrees.
    QTRY_COMPARE_WITH_TIMEOUT(server->traceRecords().size(), std::size_t(1), TimeoutMs);
    const tl::SimTraceRecord trace = server->traceRecords().front();
    QCOMPARE(int(trace.fault), kind);
    QCOMPARE(trace.headersNs != 0, seen.headers);
    QCOMPARE(trace.completionTokens, seen.tokens);
    QCOMPARE(trace.chunkNs.size(), std::size_t(seen.tokens));
    if (seen.tokenGapS > 0) // the stall is in the plan, before the token it strikes at
        QVERIFY(trace.plannedNs[Tokens / 2 - 1] - trace.plannedNs[Tokens / 2 - 2] >= qint64(seen.tokenGapS * 1e9));
}

void TestSimFaults::nonStreamingFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<Answer>("answer");
    QTest::newRow("reset-mid-stream") << int(tl::SimFaultKind::ResetMidStream) << Answer::Cut;
    QTest::newRow("truncated-chunked") << int(tl::SimFaultKind::TruncatedChunked) << Answer::Cut;
    QTest::newRow("malformed-chunk") << int(tl::SimFaultKind::MalformedChunk) << Answer::InvalidJson;
    QTest::newRow("error-event") << int(tl::SimFaultKind::ErrorEvent) << Answer::ErrorObject;
    QTest::newRow("empty-stream") << int(tl::SimFaultKind::EmptyStream) << Answer::Empty;
    QTest::newRow("stall-mid-stream") << int(tl::SimFaultKind::StallMidStream) << Answer::Late;
    QTest::newRow("slow-headers") << int(tl::SimFaultKind::SlowHeaders) << Answer::Late;
}

void TestSimFaults::nonStreamingFaults()
{
    QFETCH(int, kind);
    QFETCH(Answer, answer);
    const auto server = startServer(static_cast<tl::SimFaultKind>(kind));
    QVERIFY(server);
    RawClient client(server->port());
    QVERIFY(client.waitConnected());
    client.send(completion(false));
    HttpReply reply;
    if (answer == Answer::Cut) {
        QVERIFY(client.waitClosed());
        QVERIFY(!client.read(&reply));
        return;
    }
    QVERIFY(client.read(&reply));
    QCOMPARE(reply.status, 200);
    const json body = parseJson(reply.body);
    switch (answer) {
    case Answer::InvalidJson:
        QVERIFY(body.is_discarded());
        break;
    case Answer::ErrorObject:
        QVERIFY(body.contains("error"));
        break;
    case Answer::Empty:
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
