// Export: CSV that parses back to the same values, a self-contained HTML report, and EvalScope output that
// Throughline (and EvalScope) reads back.
// Expected CSV fields and column lists read best as plain string literals here.
#undef QT_NO_CAST_FROM_ASCII

#include "storage/csv.h"
#include "storage/csvexporter.h"
#include "storage/evalscopeexporter.h"
#include "storage/evalscopeimporter.h"
#include "storage/htmlreport.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tl;

namespace {

RunData sampleRun()
{
    RunData run;
    run.id = QStringLiteral("0f5c2d1e-aaaa-bbbb-cccc-000000000001");
    run.name = QStringLiteral("qwen <sweep> & \"friends\"");
    run.model = QStringLiteral("Qwen/Qwen3-8B");
    run.url = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    run.api = QStringLiteral("openai");
    run.status = QStringLiteral("finished");
    run.createdMs = 1'700'000'000'000;
    run.configJson = R"({"model": "Qwen/Qwen3-8B", "url": "http://127.0.0.1:8000/v1/chat/completions",
                        "parallel": [1, 4], "number": [6, 8], "max_tokens": 32, "stream": true})";
    run.importNotes = {QStringLiteral("no per-chunk times")};
    run.tags = {QStringLiteral("baseline")};
    const QStringList messages{QStringLiteral("HTTP 500: \"quoted\", with a comma"),
        QStringLiteral("two\nlines\r\nand CRLF"), QStringLiteral("延迟过高 ✓")};
    for (int pi = 0; pi < 2; ++pi) {
        PointResult p;
        p.index = pi;
        p.point = RunPoint{pi == 0 ? 1 : 4, pi == 0 ? 6 : 8, -1};
        p.status = QStringLiteral("completed");
        for (int i = 0; i < p.point.number; ++i) {
            RequestRecord r;
            r.seq = i;
            r.warmup = i == 0;
            r.success = i % 3 != 2;
            r.scheduledNs = 1'000'000'000LL * pi + i * 10'000'000LL + 123;
            r.sentNs = r.scheduledNs + 4567;
            r.headersNs = r.sentNs + 2'000'001;
            for (int e = 0; e < 6; ++e) {
                r.eventNs.append(r.sentNs + 20'000'000 * (pi + 1) + e * 3'141'593LL);
                r.eventFlags.append(e == 0 ? quint8(EventHasChoices) : quint8(EventHasChoices | EventHasContent));
            }
            r.eventFlags.last() = quint8(EventHasUsage);
            r.endNs = r.eventNs.last() + 999;
            r.promptTokens = 20 + i;
            r.completionTokens = r.success ? 5 : -1;
            r.cachedTokens = i == 1 ? 8 : -1;
            r.tokenSource = TokenSource::ServerUsage;
            r.httpStatus = r.success ? 200 : 500;
            if (!r.success) {
                r.errorClass = ErrorClass::HttpStatus;
                r.errorMessage = messages.at(i % messages.size());
            }
            r.bytesReceived = 1000 + i;
            p.records.append(r);
        }
        recomputeMetrics(p, RunConfig::apiKindOf(run.api));
        run.points.append(p);
    }
    return run;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestProjectExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void csvQuoting_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << QStringList{"a", "1.5", ""} << QByteArray("a,1.5,\r\n");
        QTest::newRow("comma") << QStringList{"a,b"} << QByteArray("\"a,b\"\r\n");
        QTest::newRow("quote") << QStringList{"say \"hi\""} << QByteArray("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("newline") << QStringList{"x\ny", "z"} << QByteArray("\"x\ny\",z\r\n");
        QTest::newRow("utf-8") << QStringList{QStringLiteral("延迟")} << QByteArray("\xe5\xbb\xb6\xe8\xbf\x9f\r\n");
    }
    void csvQuoting()
    {
        QFETCH(QStringList, fields);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Csv::row(fields), encoded);
        QList<QStringList> rows;
        QString error;
        QVERIFY(Csv::parse(encoded, &rows, &error));
        QCOMPARE(rows, QList<QStringList>{fields});
    }

    void csvUnterminatedQuoteIsAnError()
    {
        QList<QStringList> rows;
        QString error;
        QVERIFY(!Csv::parse("a,b\r\n\"open,\r\n", &rows, &error));
        QVERIFY2(error.contains(QStringLiteral("line 2")), qPrintable(error));
    }

    void nsToMsIsExact_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("ms");
        QTest::newRow("zero") << qint64(0) << "0.000000";
        QTest::newRow("one ns") << qint64(1) << "0.000001";
        QTest::newRow("hours") << qint64(7'200'123'456'789) << "7200123.456789";
        QTest::newRow("negative") << qint64(-1'500'000) << "-1.500000";
    }
    void nsToMsIsExact()
    {
        QFETCH(qint64, ns);
        QFETCH(QString, ms);
        QCOMPARE(CsvExporter::nsToMs(ns), ms);
        bool ok = false;
        QCOMPARE(CsvExporter::msToNs(ms, &ok), ns);
        QVERIFY(ok);
    }

    // Every request's row parses back to the values it was written from.
    void requestsCsvRoundTrip()
    {
        RunData run = sampleRun();
        for (qsizetype i = 0; i < run.points[1].records.size(); ++i) { // the second point: conversations of 3 turns
            run.points[1].records[i].conversationId = i / 3;
            run.points[1].records[i].turnIndex = int(i % 3);
        }
        run.points[0].records[1].requestId = QStringLiteral("req-\"quoted\", 7"); // a trace record's own id
        QList<QStringList> rows;
        QString error;
        QVERIFY2(Csv::parse(CsvExporter::requestsCsv(run), &rows, &error), qPrintable(error));
        QCOMPARE(rows.first(), CsvExporter::requestsHeader());
        const QStringList header = rows.takeFirst();
        auto col = [&header](const char* name) { return header.indexOf(QLatin1String(name)); };
        QCOMPARE(rows.size(), 6 + 8);
        int i = 0;
        for (const PointResult& p : run.points) {
            for (const RequestRecord& r : p.records) {
                const QStringList& row = rows.at(i++);
                QCOMPARE(row.size(), header.size());
                bool ok = false;
                QCOMPARE(row.at(col("run_id")), run.id);
                QCOMPARE(row.at(col("point_index")).toInt(), p.index);
                QCOMPARE(row.at(col("seq")).toInt(), r.seq);
                QCOMPARE(row.at(col("warmup")) == u"1", r.warmup);
                QCOMPARE(row.at(col("success")) == u"1", r.success);
                QCOMPARE(CsvExporter::msToNs(row.at(col("scheduled_ms")), &ok), r.scheduledNs);
                QCOMPARE(CsvExporter::msToNs(row.at(col("sent_ms")), &ok), r.sentNs);
                QCOMPARE(CsvExporter::msToNs(row.at(col("headers_ms")), &ok), r.headersNs);
                QCOMPARE(CsvExporter::msToNs(row.at(col("end_ms")), &ok), r.endNs);
                QCOMPARE(CsvExporter::msToNs(row.at(col("first_content_ms")), &ok), r.firstContentNs());
                const QStringList offsets = row.at(col("event_offsets_ms")).split(u' ');
                const QStringList flags = row.at(col("event_flags")).split(u' ');
                QCOMPARE(offsets.size(), r.eventNs.size());
                for (qsizetype e = 0; e < offsets.size(); ++e) {
                    QCOMPARE(r.sentNs + CsvExporter::msToNs(offsets.at(e), &ok), r.eventNs.at(e));
                    QCOMPARE(flags.at(e).toInt(), int(r.eventFlags.at(e)));
                }
                QCOMPARE(row.at(col("prompt_tokens")), QString::number(r.promptTokens));
                QCOMPARE(row.at(col("completion_tokens")),
                    r.completionTokens < 0 ? QString() : QString::number(r.completionTokens));
                QCOMPARE(
                    row.at(col("cached_tokens")), r.cachedTokens < 0 ? QString() : QString::number(r.cachedTokens));
                QCOMPARE(row.at(col("token_source")), QStringLiteral("server_usage"));
                QCOMPARE(row.at(col("http_status")).toInt(), r.httpStatus);
                QCOMPARE(row.at(col("error_message")), r.errorMessage);
                QCOMPARE(row.at(col("conversation_id")),
                    r.conversationId < 0 ? QString() : QString::number(r.conversationId)); // empty: single-turn
                QCOMPARE(row.at(col("turn_index")), r.turnIndex < 0 ? QString() : QString::number(r.turnIndex));
                QCOMPARE(row.at(col("request_id")), r.requestId); // empty unless a trace gave one
                if (r.success) {
                    QVERIFY(std::abs(row.at(col("ttft_ms")).toDouble() - r.ttftS() * 1000) < 1e-6);
                    QVERIFY(std::abs(row.at(col("latency_s")).toDouble() - r.latencyS()) < 1e-9);
                } else {
                    QVERIFY(row.at(col("ttft_ms")).isEmpty()); // unknown, not zero
                }
            }
        }
    }

    void pointsAndPercentilesCsv()
    {
        const RunData run = sampleRun();
        QList<QStringList> rows;
        QString error;
        QVERIFY(Csv::parse(CsvExporter::pointsCsv({run}), &rows, &error));
        QCOMPARE(rows.size(), 3);
        const QStringList header = rows.first();
        for (const char* column :
            {"avg_ttft_ms", "avg_latency_s", "output_throughput_tok_s", "p99_ttft_ms", "rate_req_s", "duration_s"})
            QVERIFY2(header.contains(QLatin1String(column)), column);
        const QStringList second = rows.at(2);
        QCOMPARE(second.at(header.indexOf(QStringLiteral("parallel"))), QStringLiteral("4"));
        QCOMPARE(second.at(header.indexOf(QStringLiteral("success_requests"))).toInt(),
            run.points.at(1).summary.successRequests);
        QVERIFY(std::abs(second.at(header.indexOf(QStringLiteral("avg_ttft_ms"))).toDouble()
                    - run.points.at(1).summary.avgTtftMs)
            < 1e-6);

        QVERIFY(Csv::parse(CsvExporter::percentilesCsv(run), &rows, &error));
        QCOMPARE(rows.size(), 1 + 2 * 11);
        const QStringList ph = rows.first();
        for (const char* column : {"percentile", "ttft_ms", "itl_ms", "tpot_ms", "latency_s", "output_tok_s"})
            QVERIFY2(ph.contains(QLatin1String(column)), column);
        const QStringList p99 = rows.at(10); // point 0, "99%"
        QCOMPARE(p99.at(ph.indexOf(QStringLiteral("percentile"))), QStringLiteral("99%"));
        QVERIFY(std::abs(p99.at(ph.indexOf(QStringLiteral("ttft_ms"))).toDouble()
                    - run.points.at(0).percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("99%")))
            < 1e-9);
    }

    void htmlReportIsSelfContained()
    {
        const RunData run = sampleRun();
        const QString html = QString::fromUtf8(HtmlReport::render(run));
        // Nothing that a viewer would fetch or follow.
        for (const char* banned :
            {"http://", "https://", "<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "url("})
            QVERIFY2(!html.contains(QLatin1String(banned), Qt::CaseInsensitive), banned);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        QCOMPARE(html.count(QStringLiteral("<svg")), 5);
        // Escaped, not injected.
        QVERIFY(html.contains(QStringLiteral("qwen &lt;sweep&gt; &amp; &quot;friends&quot;")));
        QVERIFY(!html.contains(QStringLiteral("<sweep>")));
        // Sections: summary values, percentile tables, configuration, import notes.
        QVERIFY(html.contains(QStringLiteral("Summary")));
        QVERIFY(html.contains(QString::number(run.points.at(1).summary.avgTtftMs, 'f', 2)));
        QVERIFY(html.contains(QStringLiteral("TTFT (ms)")));
        QVERIFY(html.contains(QStringLiteral("&quot;max_tokens&quot;: 32")));
        QVERIFY(html.contains(QStringLiteral("no per-chunk times")));
        QVERIFY(html.contains(QStringLiteral("127.0.0.1:8000"))); // the endpoint, as text
        // Well-formed enough: every opened svg/table closes.
        QCOMPARE(html.count(QStringLiteral("<table")), html.count(QStringLiteral("</table>")));
        QCOMPARE(html.count(QStringLiteral("<svg")), html.count(QStringLiteral("</svg>")));
    }

    // benchmark_data.db's `request` column holds the body sent when the run stored it (--store-bodies) and
    // `request_id` a trace record's id, both NULL otherwise, as EvalScope writes them; an import reads both back.
    void evalscopeDataDbCarriesBodiesAndRequestIds()
    {
        RunData run = sampleRun();
        QList<RequestRecord>& records = run.points[1].records;
        const QByteArray body = R"({"model":"m","messages":[{"role":"user","content":"h\u00e9llo"}],"stream":true})";
        for (RequestRecord& r : records) {
            if (r.warmup)
                continue;
            r.requestBody = body;
            r.requestId = QStringLiteral("trace-%1").arg(r.seq);
        }
        records.last().requestBody.clear(); // over the limit, or a run without --store-bodies
        records.last().requestId.clear();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("benchmark_data.db"));
        QString error;
        QVERIFY2(EvalScopeExporter::writeDataDb(path, records, &error), qPrintable(error));
        QStringList rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bodies"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT coalesce(request, '<null>'), coalesce(request_id, '<null>'),"
                                          " typeof(request) FROM result ORDER BY rowid")));
            while (q.next())
                rows.append(q.value(0).toString() + u'|' + q.value(1).toString() + u'|' + q.value(2).toString());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bodies"));
        QStringList expected;
        for (const RequestRecord& r : std::as_const(records)) {
            if (r.warmup)
                continue;
            expected.append(r.requestBody.isEmpty()
                    ? QStringLiteral("<null>|<null>|null")
                    : QString::fromUtf8(body) + QStringLiteral("|trace-%1|text").arg(r.seq));
        }
        QCOMPARE(rows, expected);

        QTemporaryDir exported;
        QString root;
        QVERIFY2(EvalScopeExporter::exportRun(run, exported.path(), &root, &error), qPrintable(error));
        const auto back = EvalScopeImporter::import(exported.path(), &error);
        QVERIFY2(back, qPrintable(error));
        const QList<RequestRecord>& read = back->points.at(1).records;
        QCOMPARE(read.size(), expected.size());
        QCOMPARE(read.first().requestBody, body);
        QCOMPARE(read.first().requestId, QStringLiteral("trace-1")); // seq 0 is warmup, not EvalScope data
        QVERIFY(read.last().requestBody.isEmpty());
        QVERIFY(read.last().requestId.isEmpty());
        QVERIFY(back->points.at(0).records.first().requestBody.isEmpty()); // the first point stored none
    }

    void evalscopeExportLayoutAndReimport()
    {
        RunData run = sampleRun();
        run.points[1].summary.kvCacheHitRatePct = 37.5; // as the server's cached tokens gave it
        QVERIFY(!std::isnan(run.points[1].summary.kvCacheHitRatePct));
        QTemporaryDir dir;
        QString root;
        QString error;
        QVERIFY2(EvalScopeExporter::exportRun(run, dir.path(), &root, &error), qPrintable(error));
        for (const PointResult& p : run.points) {
            const QString point = root + u'/' + p.point.name();
            for (const char* file :
                {"benchmark_args.json", "benchmark_summary.json", "benchmark_percentile.json", "benchmark_data.db"})
                QVERIFY2(QFile::exists(point + u'/' + QLatin1String(file)), qPrintable(point + QLatin1String(file)));
            const auto args
                = nlohmann::json::parse(readAll(point + QStringLiteral("/benchmark_args.json")).toStdString());
            QCOMPARE(args["parallel"].get<int>(), p.point.parallel); // a scalar per point, as EvalScope writes
            QCOMPARE(args["max_tokens"].get<int>(), 32);
            // Every key of EvalScope's Arguments, in its order, before Throughline's own; ints where it has ints.
            const auto ordered = nlohmann::ordered_json::parse(readAll(point + QStringLiteral("/benchmark_args.json")).toStdString());
            QStringList keys;
            for (const auto& [k, v] : ordered.items())
                keys.append(QString::fromStdString(k));
            const QStringList evalscope = QStringLiteral(
                "model model_id attn_implementation api tokenizer_path port url headers connect_timeout read_timeout "
                "total_timeout api_key no_test_connection number parallel rate open_loop sleep_interval warmup_num "
                "duration sla_auto_tune sla_variable sla_params sla_num_runs sla_upper_bound sla_lower_bound "
                "sla_fixed_parallel sla_number_multiplier db_commit_interval queue_size_multiplier "
                "in_flight_task_multiplier num_workers log_every_n_query debug enable_progress_tracker visualizer "
                "wandb_api_key swanlab_api_key swanlab_host name outputs_dir no_timestamp max_prompt_length "
                "min_prompt_length prefix_length prompt query_template apply_chat_template image_width image_height "
                "image_format image_num image_patch_size dataset dataset_path data_source dataset_offset dataset_args "
                "frequency_penalty repetition_penalty logprobs max_tokens min_tokens n_choices seed stop stop_token_ids "
                "stream temperature top_p top_k extra_args tokenize_prompt multi_turn min_turns max_turns "
                "multi_turn_args").split(u' ');
            QCOMPARE(keys.mid(0, evalscope.size()), evalscope);
            QVERIFY(keys.contains(QStringLiteral("transport"))); // Throughline's own, after them
            QVERIFY(ordered["number"].is_number_integer());
            QVERIFY(ordered["rate"].is_number_float());
            QVERIFY(ordered["sla_upper_bound"] == 65536);
            QVERIFY(ordered["sla_auto_tune"] == false);
            QVERIFY(ordered["min_turns"] == 1);
            QCOMPARE(QString::fromStdString(ordered["outputs_dir"].get<std::string>()), point);
            const auto summary
                = nlohmann::json::parse(readAll(point + QStringLiteral("/benchmark_summary.json")).toStdString());
            QCOMPARE(summary["Success Requests"].get<int>(), p.summary.successRequests);
            // Throughline's metrics, recomputed from the stored requests, beside EvalScope's files.
            const auto extended
                = nlohmann::json::parse(readAll(point + QStringLiteral("/throughline_metrics.json")).toStdString());
            QCOMPARE(extended["Success Requests"].get<int>(), p.summary.successRequests);
            QVERIFY(extended.contains("Avg TTFT content (ms)"));
        }
        // EvalScope's `result` table, column for column (§7.2).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(root + QStringLiteral("/parallel_4_number_8/benchmark_data.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(result)")));
            QStringList columns;
            while (q.next())
                columns.append(q.value(1).toString());
            QCOMPARE(columns,
                (QStringList{"request", "start_time", "inter_token_latencies", "success", "response_messages",
                    "completed_time", "latency", "first_chunk_latency", "prompt_tokens", "completion_tokens",
                    "max_gpu_memory_cost", "time_per_output_token", "request_id", "is_stream"}));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(success) FROM result")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 7); // the warmup request is not EvalScope data
            // response_messages: base64(pickle.dumps([])), protocol 4 as Python writes it, which EvalScope's
            // readers unpickle to []; the bytes must be exactly PROTO 4, EMPTY_LIST, MEMOIZE, STOP.
            QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT response_messages FROM result")));
            QVERIFY(q.next());
            QCOMPARE(QByteArray::fromBase64(q.value(0).toByteArray()), QByteArray("\x80\x04\x5d\x94\x2e", 5));
            QVERIFY(!q.next());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        // Read back: the same metrics from the exported data.
        const auto back = EvalScopeImporter::import(dir.path(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->points.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            const Summary& a = run.points.at(i).summary;
            const Summary& b = back->points.at(i).summary;
            QCOMPARE(b.successRequests, a.successRequests);
            QCOMPARE(b.totalRequests, a.totalRequests);
            QVERIFY(std::abs(b.avgTtftMs - a.avgTtftMs) < 1e-6);
            QVERIFY(std::abs(b.avgItlMs - a.avgItlMs) < 1e-6);
            QVERIFY(std::abs(b.avgTpotMs - a.avgTpotMs) < 1e-6);
            QVERIFY(std::abs(b.avgLatencyS - a.avgLatencyS) < 1e-9);
            // benchmark_data.db keeps no cached tokens: the import keeps EvalScope's KV-cache figure.
            QCOMPARE(std::isnan(b.kvCacheHitRatePct), std::isnan(a.kvCacheHitRatePct));
            if (!std::isnan(a.kvCacheHitRatePct))
                QVERIFY(std::abs(b.kvCacheHitRatePct - a.kvCacheHitRatePct) < 1e-4); // written with 4 decimals
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectExport)
#include "tst_projectexport.moc"
