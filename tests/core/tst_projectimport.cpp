// Import of EvalScope output folders, vLLM bench serve results and Throughline's run JSON. The fixtures under
// tests/data/import/ were written by make_fixtures.py, which computes EvalScope's summary and percentiles with
// EvalScope's formulas on its own: the recomputed metrics must agree with those files.
#include "core/testrecords.h"
#include "metrics/pointaccumulator.h"
#include "storage/evalscopeimporter.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"
#include "storage/projectwriter.h"
#include "storage/runimporter.h"
#include "storage/runjson.h"
#include "storage/vllmimporter.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return nlohmann::json::parse(f.readAll().replace("NaN", "null").toStdString(), nullptr, false);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance;
}

// Every file under `dir`, path -> bytes.
QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        out.insert(p, readAll(p));
    }
    return out;
}

// A run of model "m" for ProjectStore::beginRun, named after its id.
RunData runInfo(const QString& id, const QString& api, const QByteArray& configJson)
{
    RunData info;
    info.id = id;
    info.name = id;
    info.configJson = configJson;
    info.model = QStringLiteral("m");
    info.api = api;
    return info;
}

// `run` written as Throughline's run JSON into `dir`, then imported from there.
std::optional<RunData> exportedAndImported(const RunData& run, const QTemporaryDir& dir, QString* error)
{
    const QString file = dir.filePath(QStringLiteral("run.json"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(RunJson::toJson(run)) < 0)
        return std::nullopt;
    f.close();
    return RunImporter::import(file, RunImporter::Format::Auto, error);
}

#define COMPARE_NEAR(actual, expected, tol)                                                                            \
    QVERIFY2(near((actual), (expected), (tol)),                                                                        \
        qPrintable(QStringLiteral(#actual " = %1, expected %2").arg(actual, 0, 'g', 10).arg(expected, 0, 'g', 10)))

} // namespace

class TestProjectImport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evalscopeMatchesItsOwnFiles_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("failures");
        QTest::newRow("documented quick-start example") << "evalscope-docs-example" << 2 << 0;
        QTest::newRow("failures, non-stream, usage tail") << "evalscope-failures" << 1 << 2;
    }
    void evalscopeMatchesItsOwnFiles()
    {
        QFETCH(QString, fixture);
        QFETCH(int, points);
        QFETCH(int, failures);
        const QString dir = QFINDTESTDATA(QStringLiteral("data/import/") + fixture);
        QVERIFY(!dir.isEmpty());
        const auto before = snapshot(dir);
        QString error;
        const std::optional<RunData> run = RunImporter::import(dir, RunImporter::Format::Auto, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(snapshot(dir), before); // the source is only read
        QCOMPARE(run->source, QStringLiteral("evalscope"));
        QCOMPARE(run->points.size(), points);
        QVERIFY(run->importNotes.join(u'\n').contains(QStringLiteral("no per-chunk times")));
        QCOMPARE(run->importNotes.join(u'\n').contains(QStringLiteral("failed requests carry no error")), failures > 0);
        int failed = 0;
        QDirIterator it(dir, {QStringLiteral("benchmark_summary.json")}, QDir::Files, QDirIterator::Subdirectories);
        QMap<QString, QString> summaries;
        while (it.hasNext()) {
            const QString p = it.next();
            summaries.insert(QFileInfo(p).dir().dirName(), p);
        }
        for (const PointResult& p : run->points) {
            const QString name = p.point.name();
            QVERIFY2(summaries.contains(name), qPrintable(name));
            const nlohmann::json s = readJson(summaries.value(name));
            const nlohmann::json pct = readJson(
                QFileInfo(summaries.value(name)).dir().filePath(QStringLiteral("benchmark_percentile.json")));
            const Summary& m = p.summary;
            QCOMPARE(m.totalRequests, s["Total Requests"].get<int>());
            QCOMPARE(m.successRequests, s["Success Requests"].get<int>());
            QCOMPARE(m.streamRequests, s["Stream Requests"].get<int>());
            QCOMPARE(p.records.size(), qsizetype(m.totalRequests));
            failed += m.failedRequests;
            COMPARE_NEAR(m.testDurationS, s["Test Duration (s)"].get<double>(), 1e-4);
            COMPARE_NEAR(m.reqThroughput, s["Req Throughput (req/s)"].get<double>(), 1e-3);
            COMPARE_NEAR(m.outputThroughput, s["Output Throughput (tok/s)"].get<double>(), 0.05);
            COMPARE_NEAR(m.avgLatencyS, s["Avg Latency (s)"].get<double>(), 1e-4);
            COMPARE_NEAR(m.avgTtftMs, s["Avg TTFT (ms)"].get<double>(), 0.01);
            COMPARE_NEAR(m.avgTpotMs, s["Avg TPOT (ms)"].get<double>(), 0.01);
            COMPARE_NEAR(m.avgItlMs, s["Avg ITL (ms)"].get<double>(), 0.01);
            COMPARE_NEAR(m.avgOutputTokens, s["Avg Output Tokens"].get<double>(), 1e-4);
            for (const auto& row : pct) {
                const QString label = QString::fromStdString(row["Percentiles"].get<std::string>());
                for (const char* metric : {"TTFT (ms)", "ITL (ms)", "TPOT (ms)", "Latency (s)", "Output tokens"}) {
                    if (!row[metric].is_number())
                        continue;
                    const double mine = p.percentiles.value(QString::fromLatin1(metric), label);
                    QVERIFY2(near(mine, row[metric].get<double>(), 0.0051),
                        qPrintable(QStringLiteral("%1 %2 %3: %4 vs %5")
                                       .arg(name, QLatin1String(metric), label)
                                       .arg(mine)
                                       .arg(row[metric].get<double>())));
                }
            }
        }
        QCOMPARE(failed, failures);
    }

    void evalscopeDocsExampleRunFields()
    {
        QString error;
        const auto run = EvalScopeImporter::import(QFINDTESTDATA("data/import/evalscope-docs-example"), &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->model, QStringLiteral("Qwen2.5-0.5B-Instruct"));
        QCOMPARE(run->url, QStringLiteral("http://127.0.0.1:8801/v1/chat/completions"));
        QCOMPARE(run->points.at(0).point, (RunPoint{1, 10, -1}));
        QCOMPARE(run->points.at(1).point, (RunPoint{10, 20, -1}));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(run->createdMs), QDateTime(QDate(2025, 3, 15), QTime(14, 30)));
        const auto config = nlohmann::json::parse(run->configJson.toStdString());
        QVERIFY(config["parallel"] == nlohmann::json({1, 10}));
        QVERIFY(config["dataset"] == "random");
        // Times share the sweep's clock: point 2 starts 10 s after point 1, as in benchmark_data.db.
        const qint64 gap = run->points.at(1).records.first().sentNs - run->points.at(0).records.first().sentNs;
        QVERIFY2(gap > 9'000'000'000LL && gap < 11'000'000'000LL, qPrintable(QString::number(gap)));
    }

    void evalscopeWithoutDataKeepsItsFigures()
    {
        QString error;
        const auto run = RunImporter::import(
            QFINDTESTDATA("data/import/evalscope-summary-only"), RunImporter::Format::EvalScope, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->points.size(), 1);
        const PointResult& p = run->points.first();
        QVERIFY(p.records.isEmpty());
        QVERIFY(p.hasSummary);
        QCOMPARE(p.summary.totalRequests, 8);
        QVERIFY(!p.percentiles.metrics.isEmpty());
        QVERIFY(run->importNotes.join(u'\n').contains(QStringLiteral("not recomputed")));
    }

    void vllmDetailedIsRecomputed()
    {
        const QString path = QFINDTESTDATA("data/import/vllm-detailed.json");
        const nlohmann::json j = readJson(path);
        QString error;
        const auto run = RunImporter::import(path, RunImporter::Format::Auto, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->source, QStringLiteral("vllm"));
        QCOMPARE(run->model, QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
        QVERIFY(run->url.isEmpty());
        QCOMPARE(run->points.size(), 1);
        const PointResult& p = run->points.first();
        QCOMPARE(p.point.parallel, 4);
        QCOMPARE(p.point.rate, -1.0);
        QCOMPARE(p.records.size(), 8);
        const Summary& s = p.summary;
        QCOMPARE(s.successRequests, j["completed"].get<int>());
        QCOMPARE(s.failedRequests, j["failed"].get<int>());
        COMPARE_NEAR(s.testDurationS, j["duration"].get<double>(), 1e-12);
        COMPARE_NEAR(s.outputThroughput, j["output_throughput"].get<double>(), 1e-9);
        COMPARE_NEAR(s.totalThroughput, j["total_token_throughput"].get<double>(), 1e-9);
        COMPARE_NEAR(s.reqThroughput, j["request_throughput"].get<double>(), 1e-9);
        COMPARE_NEAR(s.avgTtftMs, j["mean_ttft_ms"].get<double>(), 1e-6);
        COMPARE_NEAR(s.avgItlMs, j["mean_itl_ms"].get<double>(), 1e-6);
        COMPARE_NEAR(s.avgTpotMs, j["mean_tpot_ms"].get<double>(), 1e-6); // every success has > 1 token here
        COMPARE_NEAR(s.avgLatencyS * 1000, j["mean_e2el_ms"].get<double>(), 1e-6);
        const RequestRecord& failedRequest = p.records.at(5);
        QVERIFY(!failedRequest.success);
        QCOMPARE(failedRequest.errorClass, ErrorClass::Unknown);
        QVERIFY(failedRequest.errorMessage.contains(QStringLiteral("503")));
        const QString notes = run->importNotes.join(u'\n');
        QVERIFY(notes.contains(QStringLiteral("no per-request send times")));
        QVERIFY(notes.contains(QStringLiteral("no endpoint URL")));
    }

    void vllmAppendedResultsAreASweep()
    {
        QString error;
        const auto run = VllmImporter::import(QFINDTESTDATA("data/import/vllm-append.jsonl"), &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->points.size(), 2);
        QCOMPARE(run->points.at(0).point.parallel, 1);
        QCOMPARE(run->points.at(1).point.parallel, 4);
        QCOMPARE(run->points.at(1).records.size(), 6);
    }

    void vllmDocsExampleKeepsItsAggregates()
    {
        QString error;
        const auto run = RunImporter::import(
            QFINDTESTDATA("data/import/vllm-docs-example.json"), RunImporter::Format::Auto, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->model, QStringLiteral("NousResearch/Hermes-3-Llama-3.1-8B"));
        const PointResult& p = run->points.first();
        QVERIFY(p.records.isEmpty());
        QCOMPARE(p.point.parallel, 10); // no --max-concurrency at rate inf: all 10 at once
        QCOMPARE(p.summary.successRequests, 10);
        QCOMPARE(p.summary.outputThroughput, 382.89);
        QCOMPARE(p.summary.avgTtftMs, 71.54);
        QCOMPARE(p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("99%")), 79.49);
        QCOMPARE(p.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%")), 73.88);
        QCOMPARE(p.percentiles.value(QStringLiteral("ITL (ms)"), QStringLiteral("99%")), 8.39);
        QVERIFY(run->importNotes.join(u'\n').contains(QStringLiteral("not recomputed")));
    }

    void unknownFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("other JSON") << QByteArray(R"({"hello": 1})") << "neither";
        QTest::newRow("not JSON") << QByteArray("ttft,itl\n1,2\n") << "neither";
        QTest::newRow("newer run format")
            << QByteArray(R"({"format": "throughline-run", "format_version": 99})") << "newer Throughline";
    }
    void unknownFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QString error;
        QVERIFY(!RunImporter::import(path, RunImporter::Format::Auto, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    // An import becomes an ordinary run of the project: listed, counted, read back request by request.
    void importedRunIsStoredAndReadBack()
    {
        QString error;
        const auto run
            = RunImporter::import(QFINDTESTDATA("data/import/evalscope-failures"), RunImporter::Format::Auto, &error);
        QVERIFY2(run, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.tlproj"));
        {
            ProjectWriter writer(path);
            QVERIFY2(writer.openDatabase(&error), qPrintable(error));
            QVERIFY2(writer.insertRun(*run), qPrintable(writer.firstError()));
        }
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RunData> runs = reader.runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().source, QStringLiteral("evalscope"));
        QCOMPARE(runs.first().importNotes, run->importNotes);
        QCOMPARE(runs.first().requestCount, 6);
        QCOMPARE(runs.first().status, QStringLiteral("finished"));
        const std::optional<RunData> back = reader.loadRun(run->id);
        QVERIFY(back);
        const QList<RequestRecord>& a = run->points.first().records;
        const QList<RequestRecord>& b = back->points.first().records;
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).sentNs, a.at(i).sentNs);
            QCOMPARE(b.at(i).eventNs, a.at(i).eventNs);
            QCOMPARE(b.at(i).eventFlags, a.at(i).eventFlags);
            QCOMPARE(b.at(i).success, a.at(i).success);
            QCOMPARE(b.at(i).errorClass, a.at(i).errorClass);
            QCOMPARE(b.at(i).completionTokens, a.at(i).completionTokens);
        }
        QCOMPARE(back->points.first().summary.successRequests, 4);
        COMPARE_NEAR(back->points.first().summary.avgTtftMs, run->points.first().summary.avgTtftMs, 0.005);
    }

    // A point's summary recomputed from its requests (a point that never finished, read back; an exported run,
    // imported) knows from the run's API whether EvalScope's LLM keys or its Input Throughput apply.
    void recomputedSummariesFollowTheApi_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<bool>("llm");
        QTest::newRow("chat/completions") << QStringLiteral("openai") << true;
        QTest::newRow("embedding") << QStringLiteral("openai_embedding") << false;
        QTest::newRow("rerank") << QStringLiteral("openai_rerank") << false;
    }
    void recomputedSummariesFollowTheApi()
    {
        QFETCH(QString, api);
        QFETCH(bool, llm);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.tlproj"));
        QString error;
        {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            const RunData info = runInfo(QStringLiteral("pooled"), api, R"({"parallel": [1], "number": [2]})");
            store->beginRun(info);
            store->beginPoint(info.id, 0, 1, 2, -1);
            store->writeRequests(info.id, 0, {testrecords::pooled(0, 1, 40), testrecords::pooled(1, 11, 40)});
            store->finishRun(info.id, QStringLiteral("stopped")); // the point never finished: no stored summary
            QVERIFY(store->flush(&error));
        }
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<PointResult> points = reader.points(QStringLiteral("pooled"));
        QCOMPARE(points.size(), 1);
        QVERIFY(points.first().summaryRecomputed);
        QCOMPARE(points.first().summary.llm, llm);

        const std::optional<RunData> original = reader.loadRun(QStringLiteral("pooled"));
        QVERIFY(original);
        const auto back = exportedAndImported(*original, dir, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->points.size(), 1);
        QCOMPARE(back->points.first().summary.llm, llm);
        const auto summary = nlohmann::json::parse(summaryToJson(back->points.first().summary).toStdString());
        QCOMPARE(summary["Input Throughput (tok/s)"].get<double>() > 0, !llm);
    }

    // Throughline's own export: a run written by the store comes back identical (with a new id), and its summary is
    // recomputed from the requests rather than copied.
    void runJsonRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.tlproj"));
        QString error;
        {
            auto store = ProjectStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            RunData info = runInfo(QStringLiteral("orig"), QStringLiteral("openai"),
                R"({"model": "m", "parallel": [2], "number": [3], "max_tokens": 5})");
            info.name = QStringLiteral("round trip ✓");
            info.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
            info.monotonicAnchorNs = 1'000'000;
            info.createdMs = 1'700'000'000'000;
            store->beginRun(info);
            EndpointFingerprint fp;
            fp.modelsUrl = QStringLiteral("http://127.0.0.1:9/v1/models");
            fp.modelsHttpStatus = 200;
            fp.modelsBody = R"({"data": [{"id": "m", "max_model_len": 4096}]})";
            fp.serverHeaders = {{QStringLiteral("server"), QStringLiteral("uvicorn")}};
            fp.capturedMs = 1'700'000'000'100;
            store->setFingerprint(info.id, fp);
            store->setTags(info.id, {QStringLiteral("baseline"), QStringLiteral("h100")});
            store->setNotes(info.id, QStringLiteral("driver 550"));
            store->beginPoint(info.id, 0, 2, 3, -1);
            QList<RequestRecord> records;
            for (int i = 0; i < 3; ++i) {
                RequestRecord r;
                r.seq = i;
                r.success = i != 1;
                r.scheduledNs = 2'000'000 + i * 1000;
                r.sentNs = r.scheduledNs + 500;
                r.headersNs = r.sentNs + 3'000'000;
                for (int e = 0; e < 5; ++e) {
                    r.eventNs.append(r.sentNs + 10'000'000 + e * 7'000'123);
                    r.eventFlags.append(e == 0 ? quint8(EventHasChoices) : quint8(EventHasChoices | EventHasContent));
                }
                r.endNs = r.eventNs.last() + 1000;
                r.promptTokens = 11;
                r.completionTokens = r.success ? 4 : -1;
                r.tokenSource = i == 2 ? TokenSource::Tokenizer : TokenSource::ServerUsage; // every source survives
                r.httpStatus = r.success ? 200 : 500;
                r.responseId = "chatcmpl-" + QByteArray::number(i);
                r.retries = i == 0 ? 1 : 0;
                if (i == 0)
                    r.eventTokens = {0, 1, 1, 1, 1}; // the server's per-event deltas (continuous usage stats)
                if (!r.success) {
                    r.errorClass = ErrorClass::HttpStatus;
                    r.errorMessage = QStringLiteral("HTTP 500: \"boom\", really");
                }
                records.append(r);
            }
            store->writeRequests(info.id, 0, records);
            PointResult computed;
            computed.point = RunPoint{2, 3, -1};
            computed.records = records;
            recomputeMetrics(computed, RunConfig::ApiKind::Chat);
            store->finishPoint(info.id, computed);
            store->finishRun(info.id, QStringLiteral("finished"));
            QVERIFY(store->flush(&error));
        }
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const std::optional<RunData> original = reader.loadRun(QStringLiteral("orig"));
        QVERIFY(original);
        QCOMPARE(EndpointFingerprint::fromJson(original->fingerprintJson).serverHeaders.first().second,
            QStringLiteral("uvicorn"));
        const auto back = exportedAndImported(*original, dir, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->id != original->id);
        QCOMPARE(back->source, QStringLiteral("throughline-json"));
        QVERIFY(back->importNotes.first().contains(QStringLiteral("orig")));
        QCOMPARE(back->name, original->name);
        QCOMPARE(back->tags, original->tags);
        QCOMPARE(back->notes, original->notes);
        QCOMPARE(back->fingerprintJson, original->fingerprintJson);
        QVERIFY(nlohmann::json::parse(back->configJson.toStdString())
            == nlohmann::json::parse(original->configJson.toStdString()));
        QCOMPARE(back->points.size(), 1);
        const QList<RequestRecord>& a = original->points.first().records;
        const QList<RequestRecord>& b = back->points.first().records;
        QCOMPARE(b.size(), 3);
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).scheduledNs, a.at(i).scheduledNs);
            QCOMPARE(b.at(i).headersNs, a.at(i).headersNs);
            QCOMPARE(b.at(i).eventNs, a.at(i).eventNs);
            QCOMPARE(b.at(i).eventFlags, a.at(i).eventFlags);
            QCOMPARE(b.at(i).errorMessage, a.at(i).errorMessage);
            QCOMPARE(b.at(i).tokenSource, a.at(i).tokenSource);
            QCOMPARE(b.at(i).promptTokens, a.at(i).promptTokens);
            QCOMPARE(b.at(i).completionTokens, a.at(i).completionTokens);
            QCOMPARE(b.at(i).responseId, QByteArray("chatcmpl-") + QByteArray::number(i)); // stored, read, exported
            QCOMPARE(b.at(i).retries, i == 0 ? 1 : 0);
            QCOMPARE(b.at(i).eventTokens, a.at(i).eventTokens);
        }
        QCOMPARE(a.at(0).eventTokens, (QVector<qint32>{0, 1, 1, 1, 1})); // stored and read back
        QVERIFY(a.at(2).eventTokens.isEmpty());
        // Recomputed from the file, ITL per token uses the stored deltas for request 0 and the spread for request 2.
        PointAccumulator acc(RunConfig::ApiKind::Chat);
        acc.add(b);
        QCOMPARE(acc.extended().exactTokenRequests, 1);
        QCOMPARE(acc.extended().chunkedRequests, 2);
        QCOMPARE(back->points.first().summary.successRequests, 2);
        COMPARE_NEAR(back->points.first().summary.avgTtftMs, original->points.first().summary.avgTtftMs, 0.005);
    }
};

QTEST_GUILESS_MAIN(TestProjectImport)
#include "tst_projectimport.moc"
