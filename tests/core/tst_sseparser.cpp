#include "api/sseparser.h"

#include <QTest>

using tl::SseEvent;
using tl::SseParser;

class TestSseParser final : public QObject {
    Q_OBJECT

private:
    static QList<QByteArray> dataOf(const QList<SseEvent>& events)
    {
        QList<QByteArray> out;
        for (const SseEvent& e : events)
            out.append(e.data);
        return out;
    }

    static QList<QByteArray> feedInChunks(const QByteArray& stream, const QList<int>& cuts)
    {
        SseParser parser;
        QList<SseEvent> events;
        int pos = 0;
        for (int cut : cuts) {
            parser.feed(QByteArrayView(stream).sliced(pos, cut - pos), events);
            pos = cut;
        }
        parser.feed(QByteArrayView(stream).sliced(pos), events);
        return dataOf(events);
    }

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("expected");

        QTest::newRow("one event") << QByteArray("data: {\"a\":1}\n\n") << QList<QByteArray>{"{\"a\":1}"};
        QTest::newRow("several events in one read")
            << QByteArray("data: 1\n\ndata: 2\n\ndata: [DONE]\n\n") << QList<QByteArray>{"1", "2", "[DONE]"};
        QTest::newRow("CRLF line ends") << QByteArray("data: x\r\n\r\ndata: y\r\n\r\n") << QList<QByteArray>{"x", "y"};
        QTest::newRow("CR line ends") << QByteArray("data: x\r\rdata: y\r\r") << QList<QByteArray>{"x", "y"};
        QTest::newRow("comments and pings are skipped")
            << QByteArray(": ping\n\ndata: a\n: inside\n\n:\n\n") << QList<QByteArray>{"a"};
        QTest::newRow("no space after colon") << QByteArray("data:abc\n\n") << QList<QByteArray>{"abc"};
        QTest::newRow("only one leading space stripped") << QByteArray("data:  two\n\n") << QList<QByteArray>{" two"};
        QTest::newRow("multi-line data joined with LF")
            << QByteArray("data: {\"a\":\ndata: 1}\n\n") << QList<QByteArray>{"{\"a\":\n1}"};
        QTest::newRow("event, id and retry fields ignored")
            << QByteArray("event: delta\nid: 7\nretry: 10\ndata: z\n\n") << QList<QByteArray>{"z"};
        QTest::newRow("event without data is not dispatched") << QByteArray("event: ping\n\n") << QList<QByteArray>{};
        QTest::newRow("incomplete trailing event is held") << QByteArray("data: 1\n\ndata: 2\n") << QList<QByteArray>{"1"};
        QTest::newRow("[DONE]") << QByteArray("data: [DONE]\n\n") << QList<QByteArray>{"[DONE]"};
        QTest::newRow("empty data field") << QByteArray("data\n\n") << QList<QByteArray>{""};
        QTest::newRow("UTF-8 multi-byte content")
            << QByteArray("data: {\"t\":\"\xe7\x86\xb5 \xf0\x9f\x98\x80\"}\n\n")
            << QList<QByteArray>{"{\"t\":\"\xe7\x86\xb5 \xf0\x9f\x98\x80\"}"};
    }

    void parses()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, expected);
        SseParser parser;
        QList<SseEvent> events;
        parser.feed(stream, events);
        QCOMPARE(dataOf(events), expected);
    }

    // Every stream gives the same events whatever the read boundaries: split at every single byte position
    // (inside CRLF pairs and inside multi-byte UTF-8 characters included), and byte by byte.
    void splitAnywhere_data() { parses_data(); }
    void splitAnywhere()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, expected);
        for (int cut = 1; cut < stream.size(); ++cut)
            QCOMPARE(feedInChunks(stream, {cut}), expected);
        QList<int> everyByte;
        for (int i = 1; i < stream.size(); ++i)
            everyByte.append(i);
        QCOMPARE(feedInChunks(stream, everyByte), expected);
    }

    void crAtEndOfReadThenLf()
    {
        SseParser parser;
        QList<SseEvent> events;
        parser.feed("data: a\r", events);
        parser.feed("\n\r", events);
        QCOMPARE(events.size(), 1); // "\r" + "\n" is one line end; the next lone "\r" is a blank line
        parser.feed("\ndata: b\n\n", events);
        QCOMPARE(dataOf(events), (QList<QByteArray>{"a", "b"}));
    }

    void utf8SplitAcrossReadsDecodesIntact()
    {
        const QByteArray stream = QByteArray("data: {\"content\":\"") + QString::fromUtf8("熵😀").toUtf8() + "\"}\n\n";
        const qsizetype mid = stream.indexOf('\xf0') + 2; // inside the 4-byte emoji
        const QList<QByteArray> got = feedInChunks(stream, {int(mid)});
        QCOMPARE(got.size(), 1);
        QVERIFY(QString::fromUtf8(got.first()).contains(QString::fromUtf8("熵😀")));
    }

    void finishReturnsTrailingEvent()
    {
        SseParser parser;
        QList<SseEvent> events;
        parser.feed("data: 1\n\ndata: {\"last\":true}", events);
        QCOMPARE(events.size(), 1);
        SseEvent last;
        QVERIFY(parser.finish(last));
        QCOMPARE(last.data, QByteArray("{\"last\":true}"));
        QVERIFY(!parser.finish(last));
    }

    void doneIsRecognised()
    {
        SseEvent e{QByteArray("[DONE]"), {}};
        QVERIFY(e.isDone());
        e.data = "[DONE] ";
        QVERIFY(!e.isDone());
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
