#include "storage/projectreader.h"
#include "storage/projectschema.h"
#include "storage/projectstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;

namespace {

RequestRecord record(int seq, qint64 base, bool success)
{
    RequestRecord r;
    r.seq = seq;
    r.success = success;
    r.scheduledNs = base;
    r.sentNs = base + 10;
    r.headersNs = base + 1000;
    for (int i = 0; i < 5; ++i) {
        r.eventNs.append(base + 100000 + i * 20000000LL);
        r.eventFlags.append(i == 0 ? quint8(EventHasChoices) : quint8(EventHasChoices | EventHasContent));
    }
    r.endNs = base + 200000000;
    r.promptTokens = 12;
    r.completionTokens = success ? 4 : -1;
    r.tokenSource = TokenSource::ServerUsage;
    r.httpStatus = success ? 200 : 503;
    if (!success) {
        r.errorClass = ErrorClass::HttpStatus;
        r.errorMessage = QStringLiteral("HTTP 503: busy");
    }
    r.bytesReceived = 1234;
    return r;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestProjectStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventsEncoding()
    {
        const QVector<qint64> times{1000, 1000, 5000000, 5000001, 9000000000LL};
        const QVector<quint8> flags{1, 3, 3, 4, 3};
        const QByteArray blob = ProjectSchema::encodeEvents(900, times, flags);
        QVector<qint64> t;
        QVector<quint8> f;
        QVERIFY(ProjectSchema::decodeEvents(blob, 900, t, f));
        QCOMPARE(t, times);
        QCOMPARE(f, flags);
        QVERIFY(blob.size() < 5 * 6); // compact: a few bytes per event
        QVERIFY(!ProjectSchema::decodeEvents(QByteArray("\xff\xff", 2), 0, t, f));
    }

    void eventTokensEncoding_data()
    {
        QTest::addColumn<QVector<qint32>>("tokens");
        QTest::newRow("none known") << QVector<qint32>{};
        QTest::newRow("continuous usage") << QVector<qint32>{0, 3, 3, 3, 1, 0};
        QTest::newRow("some unknown, one large") << QVector<qint32>{-1, 1, -1, 200000, 0};
    }
    void eventTokensEncoding()
    {
        QFETCH(QVector<qint32>, tokens);
        const QByteArray blob = ProjectSchema::encodeEventTokens(tokens);
        QCOMPARE(blob.isEmpty(), tokens.isEmpty());
        QVERIFY(blob.size() <= tokens.size() * 3);
        QVector<qint32> back{7};
        QVERIFY(ProjectSchema::decodeEventTokens(blob, tokens.size(), back));
        QCOMPARE(back, tokens);
        if (!tokens.isEmpty()) // a count that does not match the events is corrupt
            QVERIFY(!ProjectSchema::decodeEventTokens(blob, tokens.size() + 1, back));
        QVERIFY(ProjectSchema::decodeEventTokens(QByteArray(), 5, back)); // NULL: no deltas, whatever the events
        QVERIFY(back.isEmpty());
        QVERIFY(!ProjectSchema::decodeEventTokens(QByteArray("\x81", 1), 1, back)); // cut inside a varint
    }

    void writeThenRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.tlproj"));
        QString error;
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RunData info;
        info.id = QStringLiteral("run-1");
        info.name = QStringLiteral("bench");
        info.configJson = R"({"model":"m"})";
        info.model = QStringLiteral("m");
        info.url = QStringLiteral("http://127.0.0.1:1/v1/chat/completions");
        info.api = QStringLiteral("openai");
        info.monotonicAnchorNs = 5000;
        info.createdMs = QDateTime::currentMSecsSinceEpoch();
        store->beginRun(info);
        store->beginPoint(info.id, 0, 4, 3, -1);
        RequestRecord withDeltas = record(1, 20000, true);
        withDeltas.eventTokens = {0, 1, 2, -1, 1}; // per-event token deltas, one unknown
        store->writeRequests(info.id, 0, {record(0, 10000, true), withDeltas});
        store->writeRequests(info.id, 0, {record(2, 30000, false)});
        PointResult finished;
        finished.point = RunPoint{4, 3, -1};
        finished.hasSummary = true;
        finished.summary.successRequests = 2;
        store->finishPoint(info.id, finished);
        store->finishRun(info.id, QStringLiteral("completed"));
        QVERIFY(store->flush(&error));

        // A reader on its own connection sees everything while the writer is still open (WAL).
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RunData> runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().name, QStringLiteral("bench"));
        QCOMPARE(runs.first().status, QStringLiteral("completed"));
        QCOMPARE(runs.first().requestCount, 3);
        QCOMPARE(runs.first().pointCount, 1);
        const QList<PointResult> points = reader.points(info.id);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.first().point.parallel, 4);
        QVERIFY(points.first().hasSummary);
        QCOMPARE(points.first().summary.successRequests, 2);
        const QList<RequestRecord> reqs = reader.requests(info.id, 0);
        QCOMPARE(reqs.size(), 3);
        const RequestRecord original = record(1, 20000, true);
        const RequestRecord& back = reqs.at(1);
        // Stored relative to the run's anchor, read back in that frame: differences are preserved exactly.
        QCOMPARE(back.sentNs, original.sentNs - info.monotonicAnchorNs);
        QCOMPARE(back.eventNs.size(), original.eventNs.size());
        QCOMPARE(back.eventNs.last() - back.sentNs, original.eventNs.last() - original.sentNs);
        QCOMPARE(back.eventFlags, original.eventFlags);
        QCOMPARE(back.eventTokens, withDeltas.eventTokens);
        QVERIFY(reqs.at(0).eventTokens.isEmpty()); // none known: stored as NULL, read as none
        QCOMPARE(back.ttftS(), original.ttftS());
        QCOMPARE(back.completionTokens, 4);
        QCOMPARE(reqs.at(2).success, false);
        QCOMPARE(reqs.at(2).errorClass, ErrorClass::HttpStatus);
        QCOMPARE(reqs.at(2).errorMessage, QStringLiteral("HTTP 503: busy"));
        QCOMPARE(reqs.at(2).completionTokens, -1);
        QCOMPARE(reader.requests(info.id, 0, 2).size(), 2); // the first two
        QCOMPARE(reader.requests(info.id, 0, 2).last().seq, 1);

        // Streamed compact: the same TTFT, latency and TPOT from two events; in full: the same record as requests().
        for (const auto detail : {ProjectReader::RequestDetail::Compact, ProjectReader::RequestDetail::Full}) {
            QList<RequestRecord> seen;
            QVERIFY(reader.forEachRequest(
                info.id,
                [&seen](int point, const RequestRecord& r) {
                    QCOMPARE(point, 0);
                    seen.append(r);
                },
                detail));
            QCOMPARE(seen.size(), 3);
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(seen.at(i).seq, reqs.at(i).seq);
                QCOMPARE(seen.at(i).ttftS(), reqs.at(i).ttftS());
                QCOMPARE(seen.at(i).latencyS(), reqs.at(i).latencyS());
                QCOMPARE(seen.at(i).tpotS(), reqs.at(i).tpotS());
                QCOMPARE(seen.at(i).errorMessage, reqs.at(i).errorMessage);
                if (detail == ProjectReader::RequestDetail::Compact)
                    QCOMPARE(seen.at(i).eventNs.size(), 2);
                else
                    QCOMPARE(seen.at(i).eventNs, reqs.at(i).eventNs);
            }
        }
        const std::optional<RequestRecord> one = reader.request(info.id, 0, 1);
        QVERIFY(one);
        QCOMPARE(one->eventNs, back.eventNs);
        QCOMPARE(one->eventTokens, withDeltas.eventTokens);
        QVERIFY(!reader.request(info.id, 0, 9));
        QVERIFY(!reader.request(info.id, 1, 1));
    }

    void reopenKeepsRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.tlproj"));
        QString error;
        for (int i = 0; i < 2; ++i) {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            RunData info;
            info.id = QStringLiteral("run-%1").arg(i);
            info.name = info.id;
            info.configJson = "{}";
            info.createdMs = 1000 + i;
            store->beginRun(info);
            QVERIFY(store->flush());
        }
        ProjectReader reader;
        QVERIFY(reader.open(path, &error));
        QCOMPARE(reader.runs().size(), 2);
        QCOMPARE(reader.runs().first().id, QStringLiteral("run-1")); // newest first
    }

    void refusesFilesItCannotUse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << "text"
                                   << "not a Throughline project";
        QTest::newRow("other sqlite database") << "foreign"
                                               << "not a Throughline project";
        QTest::newRow("newer schema") << "newer"
                                      << "newer Throughline";
        QTest::newRow("read-only file") << "readonly"
                                        << "read-only";
        QTest::newRow("folder missing") << "nodir"
                                        << "cannot create project";
    }
    void refusesFilesItCannotUse()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("x.tlproj"));
        if (kind == u"text") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello, this is not a database\n");
        } else if (kind == u"foreign") {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)"));
            db.close();
        } else if (kind == u"newer" || kind == u"readonly") {
            QString error;
            QVERIFY(ProjectStore::open(path, &error));
            if (kind == u"newer") {
                auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
                db.close();
            } else {
                QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
            }
        } else if (kind == u"nodir") {
            path = dir.filePath(QStringLiteral("missing/dir/x.tlproj"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const QByteArray before = readAll(path);
        QString error;
        QVERIFY(!ProjectStore::open(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error)); // names the file
        QCOMPARE(readAll(path), before); // never damaged
        if (kind == u"readonly") {
            ProjectReader reader; // still browsable
            QVERIFY2(reader.open(path, &error), qPrintable(error));
            QCOMPARE(reader.runs().size(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
