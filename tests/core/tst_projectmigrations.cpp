// Every earlier schema version has a fixture under tests/data/projects/ (schema-v<N>.tlproj, written by that
// version's code or by make_v<N>_fixture.py with its exact statements: v2 is v1 upgraded by schema 2's step). Opening one must upgrade it in place,
// keep a copy, and leave every run readable; a fresh file and an upgraded one must have the same schema.
#include "storage/projectmigrations.h"
#include "storage/projectreader.h"
#include "storage/projectschema.h"
#include "storage/projectstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace tl;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs `sql` on its own raw connection and returns every row's columns joined by '|'.
QStringList rawQuery(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next()) {
                    QStringList cols;
                    for (int i = 0; i < q.record().count(); ++i)
                        cols.append(q.value(i).toString());
                    out.append(cols.join(u'|'));
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QString copyFixture(const QTemporaryDir& dir, int version)
{
    const QString fixture = QFINDTESTDATA(QStringLiteral("data/projects/schema-v%1.tlproj").arg(version));
    if (fixture.isEmpty())
        return {};
    const QString path = dir.filePath(QStringLiteral("old.tlproj"));
    QFile::copy(fixture, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

} // namespace

class TestProjectMigrations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void upgradesEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < ProjectSchema::kVersion; ++v)
            QTest::addRow("schema v%d", v) << v;
    }
    void upgradesEveryEarlierVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = copyFixture(dir, version);
        QVERIFY2(!path.isEmpty(), "keep a fixture per earlier schema version in tests/data/projects");
        const QByteArray original = readAll(path);
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QString::number(version)});

        QString error;
        {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
        }
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")),
            QStringList{QString::number(ProjectSchema::kVersion)});
        // A copy of the file as it was, for the earlier Throughline.
        const QString backup = ProjectSchema::backupPath(path, version);
        QVERIFY(QFile::exists(backup));
        QCOMPARE(rawQuery(backup, QStringLiteral("PRAGMA user_version")), QStringList{QString::number(version)});
        QCOMPARE(rawQuery(backup, QStringLiteral("SELECT count(*) FROM requests")),
            rawQuery(path, QStringLiteral("SELECT count(*) FROM requests")));
        QVERIFY(readAll(path) != original);

        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RunData> runs = reader.runs();
        QCOMPARE(runs.size(), 2);
        const RunData& crashed = runs.at(0); // newest first
        const RunData& done = runs.at(1);
        QCOMPARE(done.id, QStringLiteral("run-a"));
        QCOMPARE(done.notes, QStringLiteral("baseline before the driver update"));
        QCOMPARE(done.pointCount, 2);
        QCOMPARE(done.requestCount, 5); // counts filled in by the migration
        QCOMPARE(done.source, QStringLiteral("throughline"));
        QCOMPARE(crashed.status, QStringLiteral("interrupted")); // 'running', silent since 2023
        const QList<PointResult> crashedPoints = reader.points(crashed.id);
        QCOMPARE(crashedPoints.size(), 1);
        QCOMPARE(crashedPoints.first().status, QStringLiteral("interrupted"));
        QVERIFY(crashedPoints.first().summaryRecomputed);
        QCOMPARE(crashedPoints.first().summary.totalRequests, 2);
        QCOMPARE(crashedPoints.first().summary.successRequests, 2);

        const QList<RequestRecord> requests = reader.requests(QStringLiteral("run-a"), 0);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).ttftS(), 0.05);
        QCOMPARE(requests.at(0).eventNs.size(), 4);
        QCOMPARE(requests.at(0).completionTokens, 3);
        QCOMPARE(requests.at(2).success, false);
        QCOMPARE(requests.at(2).errorClass, ErrorClass::HttpStatus);
        QCOMPARE(requests.at(2).errorMessage, QStringLiteral("HTTP 503: busy, try later"));
        // Files before schema 3 kept no per-event token deltas: every request reads as having none, and its metrics
        // fall back to the even spread.
        for (const RequestRecord& r : requests)
            QVERIFY(r.eventTokens.isEmpty());
        QVERIFY(!requests.at(0).hasExactTokenDeltas());
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT count(*) FROM requests WHERE event_tokens IS NOT NULL")),
            QStringList{QStringLiteral("0")});
        if (version >= 2) { // what schema 2 added survives the step to 3
            QCOMPARE(requests.at(0).responseId, QByteArray("chatcmpl-v2fixture"));
            QCOMPARE(requests.at(0).retries, 1);
        }
        // Files before schema 4 kept no whole point result: the stored (rounded) summary is read as it was, and the
        // extended metrics, error classes and their messages are recomputed from the stored requests.
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT count(*) FROM run_points WHERE result_json IS NOT NULL")),
            QStringList{QStringLiteral("0")});
        const QList<PointResult> donePoints = reader.points(done.id);
        QCOMPARE(donePoints.size(), 2);
        const PointResult& first = donePoints.first();
        QVERIFY(first.hasSummary);
        QVERIFY(!first.summaryRecomputed);
        QVERIFY(first.records.isEmpty()); // only when asked for
        QCOMPARE(first.summary.totalRequests, 3);
        QCOMPARE(first.extended.successRequests, 2);
        QCOMPARE(first.extended.failedRequests, 1);
        using ErrorCount = QPair<QString, int>;
        using ErrorMessage = QPair<QString, QString>;
        QCOMPARE(first.extended.errorsByClass, QList<ErrorCount>({{QStringLiteral("http_status"), 1}}));
        QCOMPARE(first.extended.errorMessages,
            QList<ErrorMessage>({{QStringLiteral("http_status"), QStringLiteral("HTTP 503: busy, try later")}}));
        QVERIFY(!first.extended.percentiles.metrics.isEmpty());
        QCOMPARE(first.warmupRequests, 0);
        QCOMPARE(reader.loadRun(done.id)->points.first().records.size(), 3);

        // The endpoint both runs aimed at became one row they point to.
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT url, model FROM endpoints")),
            QStringList{QStringLiteral("http://127.0.0.1:8000/v1/chat/completions|qwen2.5")});
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT count(*) FROM runs WHERE endpoint_id IS NULL")),
            QStringList{QStringLiteral("0")});
        // Files before schema 6 kept no presets: the table is there, empty.
        QCOMPARE(reader.presetNames(), version >= 6 ? QStringList{QStringLiteral("v6 preset")} : QStringList());
        // Files before schema 7 kept no trace request id and no request body: every request reads as having none.
        QCOMPARE(rawQuery(path,
                     QStringLiteral("SELECT count(*) FROM requests WHERE request_id IS NOT NULL"
                                    " OR request_body IS NOT NULL")),
            QStringList{QStringLiteral("0")});
        const std::optional<RequestRecord> one = reader.request(QStringLiteral("run-a"), 0, 0);
        QVERIFY(one);
        QVERIFY(one->requestId.isEmpty());
        QVERIFY(one->requestBody.isEmpty());
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
    }

    void freshAndUpgradedSchemasMatch_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < ProjectSchema::kVersion; ++v)
            QTest::addRow("from schema v%d", v) << v;
    }
    void freshAndUpgradedSchemasMatch()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString old = copyFixture(dir, version);
        QVERIFY(!old.isEmpty());
        const QString fresh = dir.filePath(QStringLiteral("fresh.tlproj"));
        QString error;
        QVERIFY2(ProjectStore::open(old, &error), qPrintable(error));
        QVERIFY2(ProjectStore::open(fresh, &error), qPrintable(error));
        const QString schema = QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY name");
        QCOMPARE(rawQuery(old, schema), rawQuery(fresh, schema));
        QCOMPARE(rawQuery(fresh, QStringLiteral("PRAGMA application_id")), QStringList{QStringLiteral("1414287434")});
        QCOMPARE(rawQuery(fresh, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    }

    // Schema 6: the setup form's named presets round-trip through the writer and reader, and survive reopening.
    void presetsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("presets.tlproj"));
        QString error;
        {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            store->setPreset(QStringLiteral("fast"), QByteArray(R"({"parallel":[4]})"));
            store->setPreset(QStringLiteral("big sweep"), QByteArray(R"({"parallel":[1,4,16]})"));
            store->setPreset(QStringLiteral("fast"), QByteArray(R"({"parallel":[8]})")); // replaces
            store->setPreset(QStringLiteral("gone"), QByteArray("{}"));
            store->removePreset(QStringLiteral("gone"));
            QVERIFY2(store->flush(&error), qPrintable(error));
        }
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.presetNames(), (QStringList{QStringLiteral("big sweep"), QStringLiteral("fast")}));
        QCOMPARE(reader.preset(QStringLiteral("fast")), QByteArray(R"({"parallel":[8]})"));
        QCOMPARE(reader.preset(QStringLiteral("gone")), QByteArray());
    }

    // Schema 7: a request's trace request id and its body (--store-bodies) round-trip, the body compressed in the
    // file and read only where asked for; a body over the limit is not stored, a corrupt one is reported.
    void requestIdAndBodyRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bodies.tlproj"));
        // Repetitive, as prompts are: it must shrink in the file.
        QByteArray body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        for (int i = 0; i < 200; ++i)
            body += "the same words again and again ";
        body += "\"}]}";
        RunData info;
        info.id = QStringLiteral("run-bodies");
        info.createdMs = 1700000000000;
        RequestRecord withBody;
        withBody.seq = 0;
        withBody.success = true;
        withBody.requestId = QStringLiteral("req-0001");
        withBody.requestBody = body;
        RequestRecord tooLarge = withBody;
        tooLarge.seq = 1;
        tooLarge.requestId.clear();
        tooLarge.requestBody = QByteArray(ProjectSchema::kMaxStoredBodyBytes + 1, 'x');
        RequestRecord plain;
        plain.seq = 2;
        QString error;
        {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            store->beginRun(info);
            store->beginPoint(info.id, 0, 1, 3, -1);
            store->writeRequests(info.id, 0, {withBody, tooLarge, plain});
            store->finishRun(info.id, QStringLiteral("completed"));
            QVERIFY2(store->flush(&error), qPrintable(error));
        }
        const QStringList stored = rawQuery(path,
            QStringLiteral("SELECT seq, coalesce(request_id, '-'), coalesce(length(request_body), -1) FROM requests"
                           " ORDER BY seq"));
        QCOMPARE(stored.size(), 3);
        QVERIFY2(stored.at(0).startsWith(QStringLiteral("0|req-0001|")), qPrintable(stored.at(0)));
        QVERIFY2(stored.at(0).section(u'|', 2).toInt() < body.size() / 4, qPrintable(stored.at(0))); // compressed
        QCOMPARE(stored.at(1), QStringLiteral("1|-|-1"));
        QCOMPARE(stored.at(2), QStringLiteral("2|-|-1"));

        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RequestRecord> lean = reader.requests(info.id, 0);
        QCOMPARE(lean.size(), 3);
        QCOMPARE(lean.at(0).requestId, QStringLiteral("req-0001"));
        QVERIFY(lean.at(0).requestBody.isEmpty()); // bodies only where asked for
        const QList<RequestRecord> full = reader.requests(info.id, 0, -1, true);
        QCOMPARE(full.at(0).requestBody, body);
        QVERIFY(full.at(1).requestBody.isEmpty());
        QCOMPARE(reader.request(info.id, 0, 0)->requestBody, body);
        QCOMPARE(reader.loadRun(info.id, true)->points.first().records.first().requestBody, body);
        QVERIFY(reader.loadRun(info.id)->points.first().records.first().requestBody.isEmpty());
        QVERIFY(reader.lastError().isEmpty());
    }

    void corruptBodyIsReported_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addRow("not zlib") << QByteArray::fromHex("00000010") + "garbage-garbage!";
        QTest::addRow("announces 4 GiB") << QByteArray::fromHex("ffffffff789c");
        QTest::addRow("too short") << QByteArray::fromHex("01");
    }
    void corruptBodyIsReported()
    {
        QFETCH(QByteArray, blob);
        QByteArray body;
        QVERIFY(!ProjectSchema::decodeBody(blob, body));
        QVERIFY(ProjectSchema::decodeBody(QByteArray(), body));
        QVERIFY(body.isEmpty());
        QVERIFY(ProjectSchema::decodeBody(ProjectSchema::encodeBody("{}"), body));
        QCOMPARE(body, QByteArray("{}"));
    }

    void readerUpgradesAWritableFile()
    {
        QTemporaryDir dir;
        const QString path = copyFixture(dir, 1);
        ProjectReader reader;
        QString error;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.runs().size(), 2);
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")),
            QStringList{QString::number(ProjectSchema::kVersion)});
    }

    void readOnlyEarlierFileIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = copyFixture(dir, 1);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
        const QByteArray before = readAll(path);
        ProjectReader reader;
        QString error;
        QVERIFY(!reader.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("earlier Throughline (schema 1)")), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!ProjectStore::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QVERIFY(!QFile::exists(ProjectSchema::backupPath(path, 1)));
    }

    void everyVersionIsDescribed()
    {
        for (int v = 1; v <= ProjectMigrations::kLatestVersion; ++v)
            QVERIFY2(!ProjectMigrations::describe(v).isEmpty(), qPrintable(QString::number(v)));
        QCOMPARE(ProjectSchema::kVersion, ProjectMigrations::kLatestVersion);
    }
};

QTEST_GUILESS_MAIN(TestProjectMigrations)
#include "tst_projectmigrations.moc"
