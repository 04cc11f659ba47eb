#include "core/testrecords.h"
#include "metrics/percentiles.h"
#include "metrics/pointaccumulator.h"
#include "metrics/summary.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>

using namespace tl;

using namespace tl::testrecords;

class TestSummary final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void perRequestDefinitions()
    {
        const RequestRecord r = streamed(0, 1000, 100, 20, 10);
        QCOMPARE(r.ttftS(), 0.1);
        QCOMPARE(r.latencyS(), 0.1 + 9 * 0.02); // last data event = the usage chunk, same time as the last token
        QVERIFY(std::abs(r.tpotS() - 0.02) < 1e-12);
        const QVector<double> itl = r.itlS();
        QCOMPARE(itl.size(), 10); // every choices event after the role chunk
        QCOMPARE(itl.first(), 0.0); // first token arrived with the role chunk
        QVERIFY(std::abs(itl.at(1) - 0.02) < 1e-12);
        QCOMPARE(r.firstContentNs(), r.firstChoicesNs());
    }

    void nonStreamTtftIsLatency()
    {
        RequestRecord r;
        r.success = true;
        r.stream = false;
        r.sentNs = 0;
        r.endNs = 300 * kMs;
        r.completionTokens = 4;
        QCOMPARE(r.ttftS(), 0.3);
        QCOMPARE(r.latencyS(), 0.3);
        QVERIFY(r.itlS().isEmpty());
        QCOMPARE(r.tpotS(), 0.0);
    }

    void tpotZeroForOneToken() { QCOMPARE(streamed(0, 0, 50, 10, 1).tpotS(), 0.0); }

    void evalscopeSummaryFormulas()
    {
        QList<RequestRecord> recs;
        recs.append(streamed(0, 0, 100, 20, 10, 12));
        recs.append(streamed(1, 50, 200, 20, 5, 8));
        recs.append(failed(2, 10));
        RequestRecord warm = streamed(3, 0, 1000, 100, 50);
        warm.warmup = true;
        recs.append(warm);
        const Summary s = computeSummary(recs, RunPoint{2, 3, -1}, RunConfig::ApiKind::Chat);
        QCOMPARE(s.totalRequests, 3);
        QCOMPARE(s.successRequests, 2);
        QCOMPARE(s.failedRequests, 1);
        QCOMPARE(s.concurrency, 2);
        // T = max(completed) - min(start over all, failures included) = (50+200+80) - 0 ms
        QVERIFY(std::abs(s.testDurationS - 0.33) < 1e-9);
        QVERIFY(std::abs(s.reqThroughput - 2 / 0.33) < 1e-9);
        QVERIFY(std::abs(s.outputThroughput - 15 / 0.33) < 1e-9);
        QVERIFY(std::abs(s.totalThroughput - 35 / 0.33) < 1e-9);
        QVERIFY(std::abs(s.avgTtftMs - 150.0) < 1e-9);
        QVERIFY(std::abs(s.avgTpotMs - 20.0) < 1e-9);
        QVERIFY(std::abs(s.avgLatencyS - (0.28 + 0.28) / 2) < 1e-9);
        QVERIFY(std::abs(s.avgInputTokens - 10.0) < 1e-9);
        QVERIFY(std::abs(s.avgOutputTokens - 7.5) < 1e-9);
        // ITL pooled: (0 + 9 x 20) and (0 + 4 x 20) over 15 samples
        QVERIFY(std::abs(s.avgItlMs - (13 * 20.0) / 15) < 1e-9);
        PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{2, 3, -1});
        acc.add(recs);
        const ExtendedMetrics m = acc.extended(); // failures by class are Throughline's, not EvalScope's
        QCOMPARE(m.errorsByClass.size(), 1);
        QCOMPARE(m.errorsByClass.first().first, QStringLiteral("http_status"));
        QCOMPARE(m.errorMessages.size(), 1);
        QCOMPARE(m.errorMessages.first().first, QStringLiteral("http_status"));
    }

    void allFailedUsesSentinels()
    {
        const Summary s = computeSummary({failed(0, 0), failed(1, 5)}, RunPoint{1, 2, -1}, RunConfig::ApiKind::Chat);
        QCOMPARE(s.successRequests, 0);
        QCOMPARE(s.avgLatencyS, -1.0);
        QCOMPARE(s.avgTtftMs, -1000.0);
        QCOMPARE(s.reqThroughput, 0.0);
        QVERIFY(s.testDurationS > 0);
    }

    void nearestRank_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // data = 1..n
        QTest::newRow("n=10 p50 is the 6th smallest") << 10 << 50.0 << 6.0;
        QTest::newRow("n=40 p99 is the max") << 40 << 99.0 << 40.0;
        QTest::newRow("min") << 7 << 0.0 << 1.0;
        QTest::newRow("max") << 7 << 100.0 << 7.0;
        QTest::newRow("n=100 p90") << 100 << 90.0 << 91.0;
        QTest::newRow("n=1 p1") << 1 << 1.0 << 1.0;
    }
    void nearestRank()
    {
        QFETCH(int, n);
        QFETCH(double, p);
        QFETCH(double, expected);
        QVector<double> data;
        for (int i = 1; i <= n; ++i)
            data.append(i);
        QCOMPARE(nearestRankPercentile(data, p), expected);
    }

    void emptyPercentileIsNaN() { QVERIFY(std::isnan(nearestRankPercentile({}, 50))); }

    void percentileTable()
    {
        QList<RequestRecord> recs;
        for (int i = 0; i < 10; ++i)
            recs.append(streamed(i, i * 10, 100 + i, 20, 5));
        recs.append(failed(10, 0));
        const PercentileTable t = computePercentiles(recs);
        QCOMPARE(t.labels.first(), QStringLiteral("min"));
        QCOMPARE(t.labels.last(), QStringLiteral("max"));
        QCOMPARE(t.labels.size(), 11);
        QCOMPARE(t.value(QStringLiteral("TTFT (ms)"), QStringLiteral("min")), 100.0);
        QCOMPARE(t.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%")), 105.0);
        QCOMPARE(t.value(QStringLiteral("TTFT (ms)"), QStringLiteral("max")), 109.0);
        QCOMPARE(t.value(QStringLiteral("Output tokens"), QStringLiteral("50%")), 5.0);
        QVERIFY(std::abs(t.value(QStringLiteral("TPOT (ms)"), QStringLiteral("50%")) - 20.0) < 1e-9);
        QVERIFY(std::abs(t.value(QStringLiteral("Decode (tok/s)"), QStringLiteral("50%")) - 50.0) < 1e-6);
    }

    void summaryJsonHasEvalscopeKeys()
    {
        const Summary s = computeSummary({streamed(0, 0, 123, 20, 4)}, RunPoint{1, 1, -1}, RunConfig::ApiKind::Chat);
        const QByteArray json = summaryToJson(s);
        const auto j = nlohmann::json::parse(json.toStdString());
        for (const char* key :
             {"Test Duration (s)", "Concurrency", "Request Rate (req/s)", "Total Requests", "Success Requests",
              "Failed Requests", "Req Throughput (req/s)", "Avg Latency (s)", "Avg Input Tokens",
              "Output Throughput (tok/s)", "Total Throughput (tok/s)", "Avg TTFT (ms)", "Avg TPOT (ms)", "Avg ITL (ms)",
              "Avg Output Tokens"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["Avg TTFT (ms)"].get<double>(), 123.0);
        QCOMPARE(j["Success Requests"].get<int>(), 1);
        const Summary back = summaryFromJson(json);
        QCOMPARE(back.successRequests, 1);
        QCOMPARE(back.avgTtftMs, 123.0);
    }

    void percentileJsonRoundTrip()
    {
        QList<RequestRecord> recs;
        for (int i = 0; i < 4; ++i)
            recs.append(streamed(i, 0, 100 + i, 20, 3));
        const PercentileTable t = computePercentiles(recs);
        const QByteArray json = percentilesToJson(t);
        const auto j = nlohmann::json::parse(json.toStdString());
        QVERIFY(j.is_array());
        QCOMPARE(j.size(), size_t(11));
        QCOMPARE(j[0]["Percentiles"].get<std::string>(), std::string("min"));
        QVERIFY(j[5].contains("ITL (ms)"));
        const PercentileTable back = percentilesFromJson(json);
        QCOMPARE(back.metrics, t.metrics);
        QCOMPARE(back.value(QStringLiteral("TTFT (ms)"), QStringLiteral("max")), 103.0);
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
