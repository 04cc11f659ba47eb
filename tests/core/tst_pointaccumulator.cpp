// Throughline's extended metrics (docs/METRICS.md) on hand-made records with known timings.

#include "core/testrecords.h"
#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>

using namespace tl;
using namespace tl::testrecords;

namespace {

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

ExtendedMetrics extendedOf(const QList<RequestRecord>& records, RunPoint point = {1, 1, -1}, qint64 originNs = 0)
{
    PointAccumulator acc(RunConfig::ApiKind::Chat, point, originNs);
    acc.add(records);
    return acc.extended();
}

} // namespace

class TestPointAccumulator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void latencyVariants()
    {
        // Role-only chunk at +50 ms, ten one-token content chunks from +100 ms, 20 ms apart; done at +280 ms.
        RequestRecord r = streamed(0, 0, 100, 20, 10);
        r.eventNs[0] = 50 * kMs;
        const ExtendedMetrics m = extendedOf({r});
        QVERIFY(near(m.avgTtftContentMs, 100.0));
        QVERIFY(near(m.avgTpotExclFirstMs, 180.0 / 9));
        QVERIFY(near(m.avgNormTpotMs, 28.0)); // 280 ms / 10 tokens
        QVERIFY(near(m.avgItlChunkMs, 20.0, 1e-4));
        QVERIFY(near(m.avgItlTokenMs, 20.0, 1e-4));
        QVERIFY(near(m.avgChunksPerRequest, 10.0));
        QVERIFY(near(m.avgTokensPerChunk, 1.0));
        QVERIFY(near(m.percentiles.value(QStringLiteral("TTFT content (ms)"), QStringLiteral("50%")), 100.0));
        QVERIFY(near(m.percentiles.value(QStringLiteral("ITL chunk (ms)"), QStringLiteral("max")), 20.0, 1e-4));
        // EvalScope's TTFT counts the role-only chunk; the content variant does not.
        PointAccumulator acc(RunConfig::ApiKind::Chat);
        acc.add(r);
        QVERIFY(near(acc.summary().avgTtftMs, 50.0));
    }

    void tokensPerChunk_data()
    {
        QTest::addColumn<int>("chunks");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<double>("itlMs");
        QTest::newRow("1 token per chunk") << 8 << 8 << 20.0;
        QTest::newRow("2 tokens per chunk") << 8 << 16 << 20.0;
        QTest::newRow("4 tokens per chunk") << 5 << 20 << 40.0;
    }
    void tokensPerChunk()
    {
        QFETCH(int, chunks);
        QFETCH(int, tokens);
        QFETCH(double, itlMs);
        RequestRecord r = streamed(0, 0, 100, qint64(itlMs), chunks);
        r.completionTokens = tokens;
        const ExtendedMetrics m = extendedOf({r});
        const double perChunk = double(tokens) / chunks;
        QVERIFY(near(m.avgTokensPerChunk, perChunk));
        QVERIFY(near(m.avgItlChunkMs, itlMs, 1e-4));
        QVERIFY(near(m.avgItlTokenMs, itlMs / perChunk, 1e-4));
        QVERIFY(near(m.percentiles.value(QStringLiteral("Tokens/chunk"), QStringLiteral("50%")), perChunk));
    }

    // ITL per token and tokens per chunk from the server's per-event token deltas, against the even spread.
    void tokenDeltas_data()
    {
        QTest::addColumn<QVector<qint32>>("deltas"); // per content event, -1 = unknown
        QTest::addColumn<bool>("exact");
        QTest::addColumn<double>("itlTokenMs"); // mean over the gaps, chunks 20 ms apart
        QTest::addColumn<double>("tokensPerChunk");
        QTest::addColumn<double>("p99ItlTokenMs");
        // Gaps before chunks 2..4: 20/3, 20/3, 20/1 exact; an even spread of 10 tokens over 4 chunks gives 20/2.5.
        QTest::newRow("server deltas 3 3 3 1") << QVector<qint32>{3, 3, 3, 1} << true << (20.0 / 3 * 2 + 20.0) / 3
                                               << 2.5 << 20.0;
        QTest::newRow("one delta unknown: even spread") << QVector<qint32>{3, -1, 3, 1} << false << 20.0 / (7.0 / 4)
                                                        << 7.0 / 4 << 20.0 / (7.0 / 4);
        QTest::newRow("uniform deltas equal the spread") << QVector<qint32>{2, 2, 2, 2} << true << 10.0 << 2.0 << 10.0;
        // A chunk that brought no token: its gap goes to the next one (40 ms over 4 tokens).
        QTest::newRow("a chunk without a new token") << QVector<qint32>{2, 0, 4, 2} << true << (10.0 + 10.0) / 2
                                                     << 2.0 << 10.0;
    }
    void tokenDeltas()
    {
        QFETCH(QVector<qint32>, deltas);
        QFETCH(bool, exact);
        QFETCH(double, itlTokenMs);
        QFETCH(double, tokensPerChunk);
        QFETCH(double, p99ItlTokenMs);
        const RequestRecord r = withTokenDeltas(streamed(0, 0, 100, 20, 4), deltas);
        QCOMPARE(r.hasExactTokenDeltas(), exact);
        const ExtendedMetrics m = extendedOf({r});
        QVERIFY2(near(m.avgItlTokenMs, itlTokenMs, 1e-4), qPrintable(QString::number(m.avgItlTokenMs)));
        QVERIFY(near(m.avgItlChunkMs, 20.0, 1e-4)); // chunk gaps never depend on tokens
        QVERIFY2(near(m.avgTokensPerChunk, tokensPerChunk), qPrintable(QString::number(m.avgTokensPerChunk)));
        QVERIFY(near(m.percentiles.value(QStringLiteral("ITL token (ms)"), QStringLiteral("max")), p99ItlTokenMs, 1e-3));
        QCOMPARE(m.chunkedRequests, 1);
        QCOMPARE(m.exactTokenRequests, exact ? 1 : 0);
        QCOMPARE(tokenDeltaSource(m), exact ? QStringLiteral("server") : QStringLiteral("even spread"));
    }

    void tokenDeltaSourceCountsRequests()
    {
        const RequestRecord exact = withTokenDeltas(streamed(0, 0, 100, 20, 3), {1, 2, 3});
        const RequestRecord spread = streamed(1, 5, 100, 20, 3);
        ExtendedMetrics m = extendedOf({exact, spread});
        QCOMPARE(m.exactTokenRequests, 1);
        QCOMPARE(m.chunkedRequests, 2);
        QCOMPARE(tokenDeltaSource(m), QStringLiteral("mixed"));
        const auto j = nlohmann::json::parse(extendedMetricsToJson(m).toStdString());
        QCOMPARE(j["Token deltas"].get<std::string>(), std::string("mixed"));
        QCOMPARE(j["Requests with server token deltas"].get<int>(), 1);
        // The peak 1-s bucket holds each chunk's own tokens: all 9 land in second 0 either way.
        QVERIFY(near(m.peakOutputThroughput, 9.0));
        QCOMPARE(tokenDeltaSource(extendedOf({pooled(0, 0, 10)})), QStringLiteral("none"));
    }

    void concurrencyFromSpans()
    {
        // Spans (ms): [0,5] [2,7] [10,15] [15,20]: two overlap; the last starts as the third ends (a reused slot).
        const QList<RequestRecord> recs
            = {failed(0, 0), failed(1, 2), failed(2, 10), failed(3, 15, ErrorClass::ReadTimeout)};
        const ExtendedMetrics m = extendedOf(recs);
        QCOMPARE(m.peakConcurrency, 2);
        QVERIFY(near(m.meanConcurrency, 20.0 / 20.0)); // 4 x 5 ms busy over 20 ms
        QCOMPARE(m.failedRequests, 4);
        QCOMPARE(m.successRequests, 0);
        QCOMPARE(m.errorsByClass.size(), 2);
        QCOMPARE(m.errorsByClass.at(0), (QPair<QString, int>(QStringLiteral("http_status"), 3)));
        QCOMPARE(m.errorsByClass.at(1), (QPair<QString, int>(QStringLiteral("read_timeout"), 1)));
    }

    void arrivalRateAndScheduleLag()
    {
        QList<RequestRecord> recs;
        for (int i = 0; i < 4; ++i) {
            RequestRecord r = streamed(i, 100 * i, 30, 10, 3);
            r.scheduledNs = r.sentNs - (i + 1) * kMs; // sent 1, 2, 3, 4 ms late
            recs.append(r);
        }
        const ExtendedMetrics m = extendedOf(recs, RunPoint{-1, 4, 12.5});
        QVERIFY(near(m.achievedRate, 3 / 0.3));
        QCOMPARE(m.targetRate, 12.5);
        QVERIFY(near(m.avgScheduleLagMs, 2.5, 1e-4));
        QVERIFY(near(m.percentiles.value(QStringLiteral("Schedule lag (ms)"), QStringLiteral("max")), 4.0, 1e-4));
        // latency 50 ms from the send, plus the lag
        QVERIFY(near(m.avgLatencyFromScheduleS, 0.050 + 0.0025));
    }

    void peakOneSecondThroughput()
    {
        // 10 tokens inside second 0; 30 tokens (15 chunks of 2) inside second 1.
        RequestRecord a = streamed(0, 0, 100, 50, 10);
        RequestRecord b = streamed(1, 1000, 50, 40, 15);
        b.completionTokens = 30;
        const ExtendedMetrics m = extendedOf({a, b});
        QVERIFY(near(m.peakOutputThroughput, 30.0));
    }

    void warmupIsIgnored()
    {
        RequestRecord warm = streamed(0, 0, 900, 100, 5);
        warm.warmup = true;
        PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{1, 1, -1}, 0);
        acc.add({warm, streamed(1, 0, 100, 20, 5)});
        QCOMPARE(acc.requests(), 1);
        QVERIFY(near(acc.extended().avgTtftContentMs, 100.0));
        QCOMPARE(acc.extended().peakConcurrency, 1);
    }

    void nonStreamedHasNoChunkMetrics()
    {
        RequestRecord r;
        r.success = true;
        r.stream = false;
        r.sentNs = 0;
        r.scheduledNs = 0;
        r.endNs = 400 * kMs;
        r.completionTokens = 8;
        const ExtendedMetrics m = extendedOf({r});
        QVERIFY(std::isnan(m.avgItlChunkMs));
        QVERIFY(std::isnan(m.avgChunksPerRequest));
        QVERIFY(std::isnan(m.avgTtftContentMs));
        QVERIFY(near(m.avgNormTpotMs, 50.0));
        QVERIFY(near(m.peakOutputThroughput, 8.0)); // all tokens arrive with the body
    }

    void incrementalEqualsWhole()
    {
        QList<RequestRecord> recs;
        for (int i = 0; i < 20; ++i)
            recs.append(i % 5 == 4 ? failed(i, i * 7) : streamed(i, i * 7, 80 + i, 15, 4 + i % 3));
        PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{4, 20, -1});
        for (qsizetype i = 0; i < recs.size(); i += 3)
            acc.add(recs.mid(i, 3));
        const Summary whole = computeSummary(recs, RunPoint{4, 20, -1}, RunConfig::ApiKind::Chat);
        QCOMPARE(acc.summary().successRequests, whole.successRequests);
        QCOMPARE(acc.summary().avgItlMs, whole.avgItlMs);
        QCOMPARE(acc.summary().testDurationS, whole.testDurationS);
        QCOMPARE(acc.percentiles().values, computePercentiles(recs).values);
    }

    // Summary::llm comes from the API family the accumulator is made for, so every producer of a summary (run
    // controller, importers, exporters) writes EvalScope's keys right without setting it afterwards.
    void llmFollowsTheApiFamily_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<bool>("llm");
        QTest::newRow("chat/completions") << QStringLiteral("openai") << true;
        QTest::newRow("responses") << QStringLiteral("openai_responses") << true;
        QTest::newRow("embedding") << QStringLiteral("openai_embedding") << false;
        QTest::newRow("embedding alias") << QStringLiteral("embedding") << false;
        QTest::newRow("rerank") << QStringLiteral("openai_rerank") << false;
    }
    void llmFollowsTheApiFamily()
    {
        QFETCH(QString, api);
        QFETCH(bool, llm);
        const QList<RequestRecord> recs{pooled(0, 0, 40), pooled(1, 10, 40), pooled(2, 20, 40)};
        PointAccumulator acc(RunConfig::apiKindOf(api), RunPoint{1, 3, -1});
        acc.add(recs);
        const Summary s = acc.summary();
        QCOMPARE(s.llm, llm);
        QCOMPARE(computeSummary(recs, RunPoint{1, 3, -1}, RunConfig::apiKindOf(api)).llm, llm);
        // What EvalScope's benchmark_summary.json then says: 24 prompt tokens over 0.12 s of latency.
        const auto j = nlohmann::json::parse(summaryToJson(s).toStdString());
        QCOMPARE(j["Input Throughput (tok/s)"].get<double>(), llm ? 0.0 : 200.0);
        QCOMPARE(summaryFromJson(summaryToJson(s)).llm, llm);
    }

    // EvalScope's optional summary keys: KV Cache Hit Rate (%) whenever usage reported cached tokens, and Avg
    // Decoded Tok/Iter with Spec. Accept Rate when chunks carry several tokens (mean of L > 1 only).
    void kvCacheAndSpeculativeDecoding_data()
    {
        QTest::addColumn<qint64>("cachedA");
        QTest::addColumn<qint64>("cachedB");
        QTest::addColumn<qint64>("outputA"); // 5 content chunks each
        QTest::addColumn<qint64>("outputB");
        QTest::addColumn<double>("kvCache"); // NaN: key absent
        QTest::addColumn<double>("decodedPerIter");
        const double none = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("nothing reported, a token per chunk") << qint64(-1) << qint64(-1) << qint64(5) << qint64(5)
                                                             << none << none;
        QTest::newRow("cached tokens reported") << qint64(4) << qint64(0) << qint64(5) << qint64(5) << 20.0 << none;
        QTest::newRow("one request reported") << qint64(6) << qint64(-1) << qint64(5) << qint64(5) << 60.0 << none;
        QTest::newRow("three tokens per chunk") << qint64(-1) << qint64(-1) << qint64(16) << qint64(16) << none << 3.0;
        QTest::newRow("L <= 1 left out of the mean") << qint64(-1) << qint64(-1) << qint64(16) << qint64(5) << none
                                                     << 3.0;
        QTest::newRow("mean of L") << qint64(-1) << qint64(-1) << qint64(16) << qint64(11) << none << 2.5;
    }
    void kvCacheAndSpeculativeDecoding()
    {
        QFETCH(qint64, cachedA);
        QFETCH(qint64, cachedB);
        QFETCH(qint64, outputA);
        QFETCH(qint64, outputB);
        QFETCH(double, kvCache);
        QFETCH(double, decodedPerIter);
        RequestRecord a = streamed(0, 0, 100, 20, 5, 10);
        RequestRecord b = streamed(1, 10, 100, 20, 5, 10);
        a.cachedTokens = cachedA;
        b.cachedTokens = cachedB;
        a.completionTokens = outputA;
        b.completionTokens = outputB;
        PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{2, 2, -1});
        acc.add({a, b, failed(2, 20)});
        const Summary s = acc.summary();
        const auto j = nlohmann::json::parse(summaryToJson(s).toStdString());
        if (std::isnan(kvCache)) {
            QVERIFY(!j.contains("KV Cache Hit Rate (%)"));
        } else {
            QCOMPARE(s.kvCacheHitRatePct, kvCache);
            QCOMPARE(j["KV Cache Hit Rate (%)"].get<double>(), kvCache);
        }
        if (std::isnan(decodedPerIter)) {
            QVERIFY(!j.contains("Avg Decoded Tok/Iter"));
            QVERIFY(!j.contains("Spec. Accept Rate"));
        } else {
            QCOMPARE(j["Avg Decoded Tok/Iter"].get<double>(), decodedPerIter);
            QCOMPARE(j["Spec. Accept Rate"].get<double>(), jsonutil::round(1.0 - 1.0 / decodedPerIter, 4));
        }
        // The optional keys follow EvalScope's order: after Input Throughput, and read back.
        const Summary back = summaryFromJson(summaryToJson(s));
        QCOMPARE(std::isnan(back.kvCacheHitRatePct), std::isnan(kvCache));
        QCOMPARE(std::isnan(back.avgDecodedTokPerIter), std::isnan(decodedPerIter));
    }

    // benchmark_percentile.json in EvalScope's layout: the language-model columns in its order, or for embedding and
    // rerank only Latency (s), Input tokens and Input (tok/s); a column without samples is NaN in the file EvalScope
    // reads and null in Throughline's own JSON.
    void percentileColumnsFollowTheApiFamily_data()
    {
        QTest::addColumn<int>("api");
        QTest::addColumn<QStringList>("columns");
        const QStringList embedding = QStringLiteral("Latency (s)|Input tokens|Input (tok/s)").split(u'|');
        QTest::newRow("chat") << int(RunConfig::ApiKind::Chat)
                              << QStringLiteral("TTFT (ms)|ITL (ms)|TPOT (ms)|Latency (s)|Input tokens|Output tokens|"
                                                "Output (tok/s)|Total (tok/s)|Decode (tok/s)")
                                     .split(u'|');
        QTest::newRow("embedding") << int(RunConfig::ApiKind::Embedding) << embedding;
        QTest::newRow("rerank") << int(RunConfig::ApiKind::Rerank) << embedding;
    }
    void percentileColumnsFollowTheApiFamily()
    {
        QFETCH(int, api);
        QFETCH(QStringList, columns);
        PointAccumulator acc{RunConfig::ApiKind(api)};
        acc.add({pooled(0, 0, 100, 12), pooled(1, 0, 200, 12)});
        const PercentileTable t = acc.percentiles();
        QCOMPARE(t.metrics, columns);
        const auto rows
            = nlohmann::ordered_json::parse(percentilesToEvalScopeFile(t).replace("NaN", "null").toStdString());
        QStringList keys;
        for (const auto& [k, v] : rows.at(0).items())
            keys.append(QString::fromStdString(k));
        QCOMPARE(keys, QStringList{QStringLiteral("Percentiles")} + columns);
        if (RunConfig::ApiKind(api) != RunConfig::ApiKind::Chat)
            QCOMPARE(t.value(QStringLiteral("Input (tok/s)"), QStringLiteral("max")), 120.0);
    }

    void nonFiniteValuesInFiles()
    {
        // No streamed request: Decode (tok/s) has no sample.
        PointAccumulator acc(RunConfig::ApiKind::Chat);
        RequestRecord r = pooled(0, 0, 100, 12);
        r.stream = false;
        r.completionTokens = 1; // TPOT 0: no decode rate
        acc.add(r);
        const PercentileTable t = acc.percentiles();
        const QByteArray evalscope = percentilesToEvalScopeFile(t);
        QVERIFY2(evalscope.contains("\"Decode (tok/s)\": NaN"), evalscope.constData());
        QVERIFY(!evalscope.contains("null"));
        const QByteArray own = percentilesToJson(t);
        QVERIFY2(own.contains("\"Decode (tok/s)\": null"), own.constData());
        QVERIFY(!own.contains("NaN"));
        QVERIFY(!nlohmann::json::parse(own.toStdString(), nullptr, false).is_discarded());
    }

    void jsonFile()
    {
        const ExtendedMetrics m = extendedOf({streamed(0, 0, 100, 20, 5), failed(1, 3)});
        const QByteArray json = extendedMetricsToJson(m);
        const auto j = nlohmann::json::parse(json.toStdString());
        for (const char* key : {"Avg TTFT content (ms)", "Avg TPOT excl. first (ms)", "Avg NTPOT (ms)",
                 "Avg ITL chunk (ms)", "Avg ITL token (ms)", "Mean Concurrency", "Peak Concurrency",
                 "Achieved Rate (req/s)", "Avg Schedule lag (ms)", "Peak 1-s Output Throughput (tok/s)",
                 "Avg Chunks/request", "Avg Tokens/chunk", "Token deltas", "Requests with server token deltas",
                 "Errors by class", "Percentiles"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["Errors by class"]["http_status"].get<int>(), 1);
        QCOMPARE(j["Percentiles"].size(), size_t(11));
        QCOMPARE(j["Percentiles"][5]["TTFT content (ms)"].get<double>(), 100.0);
    }
};

QTEST_GUILESS_MAIN(TestPointAccumulator)
#include "tst_pointaccumulator.moc"
