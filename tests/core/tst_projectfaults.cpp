// Files a project must refuse, or read only as far as they are sound: each gives a message that names the file and
// what to do, and no attempt (to write, to read) changes a byte of it.
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

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// A sound project with one run of `requests` requests, closed (WAL checkpointed into the file).
bool makeProject(const QString& path, int requests)
{
    QString error;
    auto store = ProjectStore::open(path, &error);
    if (!store)
        return false;
    RunData info;
    info.id = QStringLiteral("run-1");
    info.name = QStringLiteral("faults");
    info.configJson = "{}";
    info.createdMs = 1000;
    store->beginRun(info);
    store->beginPoint(info.id, 0, 1, requests, -1);
    QList<RequestRecord> records;
    for (int i = 0; i < requests; ++i) {
        RequestRecord r;
        r.seq = i;
        r.success = true;
        r.sentNs = 1000 + i;
        for (int e = 0; e < 40; ++e) {
            r.eventNs.append(r.sentNs + 1000000 * (e + 1));
            r.eventFlags.append(quint8(EventHasChoices | EventHasContent));
        }
        r.endNs = r.eventNs.last();
        r.errorMessage = QStringLiteral("padding so the requests span many pages ").repeated(3);
        records.append(r);
    }
    store->writeRequests(info.id, 0, records);
    store->finishRun(info.id, QStringLiteral("finished"));
    return store->flush();
}

} // namespace

class TestProjectFaults final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusedAndUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << "text"
                                   << "not a Throughline project";
        QTest::newRow("png image") << "png"
                                   << "not a Throughline project";
        QTest::newRow("other application's database") << "foreign"
                                                      << "not a Throughline project";
        QTest::newRow("newer schema") << "newer"
                                      << "newer Throughline";
        QTest::newRow("truncated") << "truncated"
                                   << "damaged";
        QTest::newRow("header overwritten") << "header"
                                            << "damaged";
        QTest::newRow("header cut short") << "stub"
                                          << "damaged";
    }
    void refusedAndUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.tlproj"));
        if (kind == u"text") {
            QVERIFY(writeAll(path, "run,ttft\n1,2\n"));
        } else if (kind == u"png") {
            QVERIFY(writeAll(path, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, '\0')));
        } else if (kind == u"foreign") {
            {
                auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery(db).exec(QStringLiteral("CREATE TABLE photos(x)"));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else {
            QVERIFY(makeProject(path, 300));
            QByteArray bytes = readAll(path);
            QVERIFY(bytes.size() > 8 * 4096);
            if (kind == u"newer") {
                bytes[60] = 0; // PRAGMA user_version lives at offset 60, big-endian
                bytes[61] = 0;
                bytes[62] = 0;
                bytes[63] = char(ProjectSchema::kVersion + 7);
            } else if (kind == u"truncated") {
                bytes.truncate(bytes.size() / 2);
            } else if (kind == u"header") {
                bytes[16] = 0x03; // page size 0x0300: not a power of two
                bytes[17] = 0x00;
            } else if (kind == u"stub") {
                bytes.truncate(50);
            }
            QVERIFY(writeAll(path, bytes));
        }
        const QByteArray before = readAll(path);
        QString error;
        QVERIFY(!ProjectStore::open(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        ProjectReader reader;
        QString readerError;
        QVERIFY(!reader.open(path, &readerError));
        QVERIFY2(readerError.contains(expected), qPrintable(readerError));
        QCOMPARE(readAll(path), before);
    }

    // Pages behind the first one destroyed: the file opens (its schema is intact) but reading the runs reports the
    // damage instead of showing an empty project, and nothing is written.
    void damagedPagesAreReportedNotHidden()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.tlproj"));
        QVERIFY(makeProject(path, 300));
        QByteArray bytes = readAll(path);
        const int pageSize = (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17));
        for (qsizetype i = 2 * pageSize; i < bytes.size(); ++i)
            bytes[i] = char(0xAB);
        QVERIFY(writeAll(path, bytes));
        QString error;
        ProjectReader reader;
        if (reader.open(path, &error)) {
            const QList<RunData> runs = reader.runs();
            if (!runs.isEmpty())
                reader.requests(runs.first().id, 0);
            QVERIFY2(reader.lastError().contains(QStringLiteral("damaged")), qPrintable(reader.lastError()));
            QVERIFY(reader.lastError().contains(path));
        } else {
            QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        }
        {
            auto store = ProjectStore::open(path, &error);
        } // opening for writing writes nothing by itself
        QCOMPARE(readAll(path), bytes);
    }

    void readOnlyFileIsBrowsableNotWritable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.tlproj"));
        QVERIFY(makeProject(path, 10));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
        const QByteArray before = readAll(path);
        QString error;
        QVERIFY(!ProjectStore::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("read-only")) && error.contains(path), qPrintable(error));
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.runs().size(), 1);
        QCOMPARE(reader.requests(QStringLiteral("run-1"), 0).size(), 10);
        QCOMPARE(readAll(path), before);
    }

    // A project whose newest pages sit in its write-ahead log after a checkpoint that failed (a full disk: the header
    // already announces the pages the file never got) opens, read from the log, instead of being called truncated.
    void dataInTheWalOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.tlproj"));
        QVERIFY(makeProject(path, 10));
        const QString copy = dir.filePath(QStringLiteral("copy.tlproj"));
        qint64 pages = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("wal"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
            QVERIFY(q.exec(QStringLiteral("UPDATE runs SET notes = '%1'").arg(QString(300000, u'n'))));
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
            pages = q.value(0).toLongLong();
            // The files as a crash would leave them, before any checkpoint.
            for (const char* suffix : {"", "-wal", "-shm"})
                QVERIFY(QFile::copy(path + QLatin1String(suffix), copy + QLatin1String(suffix)));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("wal"));
        // The header of the copy announces every page, as a checkpoint that wrote page 1 and then failed leaves it.
        QByteArray bytes = readAll(copy);
        QVERIFY(pages * 4096 > bytes.size());
        for (int i = 0; i < 4; ++i)
            bytes[28 + i] = char((pages >> (8 * (3 - i))) & 0xff);
        QVERIFY(writeAll(copy, bytes));
        ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(copy, &error), qPrintable(error));
        const QList<RunData> runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().notes.size(), 300000);
    }

    void missingFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nope.tlproj"));
        ProjectReader reader;
        QString error;
        QVERIFY(!reader.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")) && error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestProjectFaults)
#include "tst_projectfaults.moc"
