// EvalScope's per-conversation metrics (§5.4, trace_summary.json) and workload throughput (§5.5) against values
// computed by hand from records with known timings and token counts.
#include "metrics/workloadmetrics.h"

#include "core/testrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tl;
using namespace tl::testrecords;

namespace {

RequestRecord turn(qint64 conversation, int index, qint64 sentMs, qint64 ttftMs, qint64 itlMs, int tokens,
    qint64 prompt, qint64 cached)
{
    RequestRecord r = streamed(0, sentMs, ttftMs, itlMs, tokens, prompt);
    r.conversationId = conversation;
    r.turnIndex = index;
    r.cachedTokens = cached;
    return r;
}

// Two conversations: 0 has two turns (sent at 0 and 200 ms), 1 has one (sent at 50 ms); fed in completion order.
QList<RequestRecord> twoConversations(bool serverCached)
{
    return {
        turn(0, 0, 0, 100, 10, 5, 100, serverCached ? 0 : -1), // completes at 140 ms
        turn(1, 0, 50, 200, 20, 2, 50, serverCached ? 0 : -1), // completes at 270 ms
        turn(0, 1, 200, 50, 5, 3, 120, serverCached ? 96 : -1), // completes at 260 ms
    };
}

const WorkloadMetrics::Row* row(const WorkloadMetrics::TraceSummary& s, const QString& name)
{
    for (const WorkloadMetrics::Row& r : s.rows) {
        if (r.metric == name)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestWorkloadMetrics final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentilesInterpolateLinearly()
    {
        const std::vector<double> v{1, 2, 3, 4};
        QCOMPARE(WorkloadMetrics::percentileLinear(v, 50), 2.5);
        QCOMPARE(WorkloadMetrics::percentileLinear(v, 90), 3.7);
        QCOMPARE(WorkloadMetrics::percentileLinear(v, 0), 1.0);
        QCOMPARE(WorkloadMetrics::percentileLinear(v, 100), 4.0);
    }

    void traceMetricsByHand()
    {
        WorkloadMetrics m;
        m.add(twoConversations(true));
        const WorkloadMetrics::TraceSummary s = m.traceSummary();
        QCOMPARE(s.traces, 2);
        QCOMPARE(s.cacheSource, QStringLiteral("server"));
        // Latency: conversation 0 from 0 to 260 ms, conversation 1 from 50 to 270 ms.
        const auto* latency = row(s, QStringLiteral("Latency (s)"));
        QVERIFY(latency);
        QCOMPARE(latency->mean, 0.24);
        QCOMPARE(latency->min, 0.22);
        QCOMPARE(latency->max, 0.26);
        QVERIFY(qAbs(latency->p90 - 0.256) < 1e-12);
        QCOMPARE(row(s, QStringLiteral("First-Turn TTFT (s)"))->mean, 0.15);
        const auto* later = row(s, QStringLiteral("Later-Turn TTFT (s)"));
        QCOMPARE(later->mean, 0.05);
        QCOMPARE(later->max, 0.05);
        // TTFAT: (200 + 50) - 0 = 250 ms and (50 + 200) - 50 = 200 ms.
        const auto* ttfat = row(s, QStringLiteral("TTFAT (s)"));
        QCOMPARE(ttfat->min, 0.2);
        QCOMPARE(ttfat->max, 0.25);
        // Decode TPS: conversation 0 mean of 4/0.04 = 100 and 2/0.01 = 200; conversation 1: 1/0.02 = 50.
        const auto* decode = row(s, QStringLiteral("Decode TPS"));
        QVERIFY(qAbs(decode->max - 150.0) < 1e-9);
        QVERIFY(qAbs(decode->min - 50.0) < 1e-9);
        // Cache hit rate: 96 / (100 + 120) and 0 / 50; eligible: 96 / (100 + 5) for the second turn only.
        const auto* hit = row(s, QStringLiteral("Cache Hit Rate (%)"));
        QVERIFY(qAbs(hit->max - 100.0 * 96 / 220) < 1e-9);
        QCOMPARE(hit->min, 0.0);
        const auto* eligible = row(s, QStringLiteral("Eligible Cache Hit Rate (%)"));
        QVERIFY(qAbs(eligible->mean - 100.0 * 96 / 105) < 1e-9);
        QCOMPARE(row(s, QStringLiteral("Turns"))->max, 2.0);

        const QJsonObject j = QJsonDocument::fromJson(m.traceSummaryJson()).object();
        QCOMPARE(j.value(QStringLiteral("n_traces")).toInt(), 2);
        const QJsonObject first = j.value(QStringLiteral("rows")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("metric")).toString(), QStringLiteral("Latency (s)"));
        for (const char* key : {"mean", "min", "p50", "p90", "p95", "p99", "max"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
    }

    void cacheEstimatedWithoutServerCounts()
    {
        WorkloadMetrics m;
        m.add(twoConversations(false));
        const WorkloadMetrics::TraceSummary s = m.traceSummary();
        QCOMPARE(s.cacheSource, QStringLiteral("estimated"));
        // The second turn counts the first's prompt + completion (105) as cached.
        const auto* hit = row(s, QStringLiteral("Cache Hit Rate (%) (estimated)"));
        QVERIFY(hit);
        QVERIFY(qAbs(hit->max - 100.0 * 105 / 220) < 1e-9);
        QCOMPARE(row(s, QStringLiteral("Eligible Cache Hit Rate (%) (estimated)"))->mean, 100.0);
    }

    void warmupAndFailuresAreLeftOut()
    {
        WorkloadMetrics m;
        RequestRecord warm = turn(5, 0, 0, 10, 1, 2, 10, 0);
        warm.warmup = true;
        RequestRecord failed = turn(6, 0, 0, 10, 1, 2, 10, 0);
        failed.success = false;
        m.add({warm, failed});
        QCOMPARE(m.traceSummary().traces, 0);
        QVERIFY(m.points().empty());
    }

    void timelineCumulatesInArrivalOrder()
    {
        WorkloadMetrics m(0, 1000000); // the anchor is 1000 s after the epoch
        m.add(twoConversations(true));
        const auto& p = m.points();
        QCOMPARE(p.size(), std::size_t(3));
        QCOMPARE(p[1].t, 0.27);
        QCOMPARE(p[2].t, 0.26);
        QCOMPARE(p[2].cumCompletion, 10);
        QCOMPARE(p[2].cumNewPrompt, 100 + 50 + 24);
        QCOMPARE(p[2].cumCachedPrompt, 96);
        const QList<WorkloadMetrics::Throughput> t = m.throughput();
        QCOMPARE(t.size(), 4);
        QCOMPARE(t[0].metric, QStringLiteral("Total Prompt tok/s"));
        QVERIFY(qAbs(t[0].overall - 270 / 0.26) < 1e-9);
        QVERIFY(qAbs(t[2].overall - 96 / 0.26) < 1e-9);
        QVERIFY(qAbs(t[3].overall - 10 / 0.26) < 1e-9);
        QCOMPARE(t[3].lastWindow, t[3].overall); // a run under 30 s
        QCOMPARE(t[3].steadyState, t[3].overall); // no point before 20 % of the run: from the origin
        const QJsonObject j = QJsonDocument::fromJson(m.timelineJson()).object();
        QCOMPARE(j.value(QStringLiteral("wall_start")).toDouble(), 1000.0);
        QCOMPARE(j.value(QStringLiteral("points")).toArray().size(), 3);
    }

    void windowsAnchorOnTheLatestEarlierPoint()
    {
        // Single-turn requests sent at 0, the k-th completing at k s with k tokens: cumulative k(k+1)/2.
        WorkloadMetrics m;
        for (int k = 1; k <= 40; ++k)
            m.add(streamed(k, 0, k * 1000, 0, k, 5));
        QCOMPARE(m.wallTimeS(), 40.0);
        const WorkloadMetrics::Throughput completion = m.throughput().at(3);
        QCOMPARE(completion.overall, 820.0 / 40);
        QCOMPARE(completion.lastWindow, (820.0 - 55) / 30); // anchor: the point at 10 s
        QCOMPARE(completion.steadyState, (820.0 - 36) / 32); // anchor: the point at 8 s (20 % of 40)
        const QJsonObject j = QJsonDocument::fromJson(m.throughputJson()).object();
        QCOMPARE(j.value(QStringLiteral("n_samples")).toInt(), 40);
        QCOMPARE(j.value(QStringLiteral("last_window_s")).toDouble(), 30.0);
        QCOMPARE(j.value(QStringLiteral("warmup_frac")).toDouble(), 0.2);
        QCOMPARE(j.value(QStringLiteral("rows")).toArray().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestWorkloadMetrics)
#include "tst_workloadmetrics.moc"
