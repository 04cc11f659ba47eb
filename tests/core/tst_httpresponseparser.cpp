// The lean transport's HTTP/1.x response parser: framing by Content-Length, chunked coding and close, interim
// responses, keep-alive rules and malformed input, each fed whole, in every two-piece split and byte by byte.

#include "net/httpresponseparser.h"

#include <QTest>

using namespace tl;

namespace {

struct Collector final : HttpResponseParser::Sink {
    int heads = 0;
    int status = 0;
    QByteArray reason;
    QByteArray contentType;
    QByteArray body;

    void responseHead(int s, QByteArrayView r, QByteArrayView type) override
    {
        ++heads;
        status = s;
        reason = r.toByteArray();
        contentType = type.toByteArray();
    }
    void responseBody(QByteArrayView data) override { body += data.toByteArray(); }
};

struct Result {
    HttpResponseParser::State state;
    Collector sink;
    qsizetype consumed = 0;
    bool keepAlive = false;
};

// Feeds `pieces` in order, then the close when `closeAfter`.
Result feedPieces(const QList<QByteArray>& pieces, bool closeAfter)
{
    HttpResponseParser parser;
    Result r;
    for (const QByteArray& piece : pieces) {
        if (parser.done() || parser.failed())
            break;
        r.consumed += parser.feed(piece, r.sink);
    }
    if (closeAfter)
        parser.closed();
    r.state = parser.state();
    r.keepAlive = parser.keepAlive();
    return r;
}

QList<QList<QByteArray>> splits(const QByteArray& wire)
{
    QList<QList<QByteArray>> out{{wire}};
    for (qsizetype cut = 1; cut < wire.size(); ++cut)
        out.append({wire.left(cut), wire.mid(cut)});
    QList<QByteArray> bytes;
    for (char c : wire)
        bytes.append(QByteArray(1, c));
    out.append(bytes);
    return out;
}

} // namespace

class TestHttpResponseParser final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void responses_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("state"); // HttpResponseParser::State
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");

        const int done = int(HttpResponseParser::State::Done);
        const int failed = int(HttpResponseParser::State::Failed);
        QTest::newRow("content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nhello")
            << false << done << 200 << QByteArray("application/json") << QByteArray("hello") << true;
        QTest::newRow("zero length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << done << 200 << QByteArray()
            << QByteArray() << true;
        QTest::newRow("chunked sse")
            << QByteArray("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
                          "transfer-encoding: chunked\r\n\r\n"
                          "f\r\ndata: {\"a\":1}\n\n\r\n"
                          "E;ext=1\r\ndata: [DONE]\n\n\r\n0\r\n\r\n")
            << false << done << 200 << QByteArray("text/event-stream; charset=utf-8")
            << QByteArray("data: {\"a\":1}\n\ndata: [DONE]\n\n") << true;
        QTest::newRow("chunked with trailers")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
            << false << done << 200 << QByteArray() << QByteArray("abc") << true;
        QTest::newRow("bare LF line ends")
            << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << false << done << 200 << QByteArray()
            << QByteArray("ok") << true;
        QTest::newRow("until close")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it") << true << done << 200
            << QByteArray("text/plain") << QByteArray("all of it") << false;
        QTest::newRow("http/1.0 keep-alive")
            << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx") << false << done
            << 200 << QByteArray() << QByteArray("x") << true;
        QTest::newRow("connection close")
            << QByteArray("HTTP/1.1 500 Internal Server Error\r\nConnection: Close\r\nContent-Length: 2\r\n\r\n{}")
            << false << done << 500 << QByteArray() << QByteArray("{}") << false;
        QTest::newRow("100 continue first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nContent-Length: 3\r\n\r\nbad")
            << false << done << 429 << QByteArray() << QByteArray("bad") << true;
        QTest::newRow("204 has no body")
            << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n") << false << done << 204
            << QByteArray() << QByteArray() << true;
        QTest::newRow("truncated chunked")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\ndata: {\"id\":") << true
            << failed << 200 << QByteArray() << QByteArray("data: {\"id\":") << false;
        QTest::newRow("short content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true << failed << 200 << QByteArray()
            << QByteArray("abc") << false;
        QTest::newRow("closed without answer") << QByteArray() << true << failed << 0 << QByteArray() << QByteArray()
                                               << false;
        QTest::newRow("closed inside the head") << QByteArray("HTTP/1.1 200 OK\r\nContent-") << true << failed << 0
                                                << QByteArray() << QByteArray() << false;
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false << failed << 0
                                  << QByteArray() << QByteArray() << false;
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n") << false << failed
            << 200 << QByteArray() << QByteArray() << false;
        QTest::newRow("chunk longer than announced")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n") << false
            << failed << 200 << QByteArray() << QByteArray("ab") << false;
        QTest::newRow("conflicting lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc") << false << failed
            << 0 << QByteArray() << QByteArray() << false;
    }
    void responses()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, closeAfter);
        QFETCH(int, state);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        for (const QList<QByteArray>& pieces : splits(wire)) {
            const Result r = feedPieces(pieces, closeAfter);
            const QByteArray where = "pieces: " + QByteArray::number(pieces.size()) + ", first "
                + QByteArray::number(pieces.value(0).size()) + " bytes";
            QVERIFY2(int(r.state) == state, where.constData());
            QVERIFY2(r.sink.status == status, where.constData());
            QVERIFY2(r.sink.heads == (status != 0 ? 1 : 0), where.constData());
            QVERIFY2(r.sink.contentType == contentType, where.constData());
            QVERIFY2(r.sink.body == body, where.constData());
            if (state == int(HttpResponseParser::State::Done))
                QVERIFY2(r.keepAlive == keepAlive, where.constData());
        }
    }

    void bytesAfterTheResponseAreLeft()
    {
        // A server that sends more than the response (or a second response nobody asked for): feed() stops at the
        // end, so the transport can tell and close the connection.
        HttpResponseParser parser;
        Collector sink;
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA";
        QCOMPARE(parser.feed(wire, sink), wire.size() - 5);
        QVERIFY(parser.done());
        QCOMPARE(sink.body, QByteArray("ok"));
    }

    void resetServesTheNextResponse()
    {
        HttpResponseParser parser;
        Collector first;
        QVERIFY(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na", first) > 0);
        QVERIFY(parser.done());
        parser.reset();
        Collector second;
        parser.feed("HTTP/1.1 503 Busy\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n", second);
        QVERIFY(parser.done());
        QCOMPARE(second.status, 503);
        QCOMPARE(second.reason, QByteArray("Busy"));
        QCOMPARE(second.body, QByteArray("b"));
    }

    void oversizedHeadFails()
    {
        HttpResponseParser parser;
        Collector sink;
        QByteArray wire = "HTTP/1.1 200 OK\r\n";
        while (wire.size() <= HttpResponseParser::kMaxHeadBytes)
            wire += "X-Filler: " + QByteArray(100, 'x') + "\r\n";
        parser.feed(wire, sink);
        QVERIFY(parser.failed());
        QVERIFY(parser.error().contains(u"KiB"));
        QCOMPARE(sink.heads, 0);
    }
};

QTEST_APPLESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
