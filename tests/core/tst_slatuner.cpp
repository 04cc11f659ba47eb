// SlaTuner on hand-made probe results (docs/METRICS.md "SLA auto-tune"): --sla-params parsing and units, the
// constraint search (doubling, halving, binary search, bounds), the optimisation search, failed requests, the
// repetition rule for intervals that straddle a threshold, replay of tagged points and the averaged summary.

#include "metrics/slatuner.h"
#include "model/slacriteria.h"
#include "storage/outputwriter.h"
#include "storage/pointresultjson.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>
#include <functional>

using namespace tl;

namespace {

// One probe's result: the latency, TTFT and TPOT columns at every percentile the tuner reads hold the given value.
PointResult probeResult(double latencyS, double ttftMs = 100, double tps = 100, int failed = 0)
{
    PointResult r;
    r.hasSummary = true;
    r.summary.totalRequests = 10;
    r.summary.successRequests = 10 - failed;
    r.summary.failedRequests = failed;
    r.summary.avgLatencyS = latencyS;
    r.summary.avgTtftMs = ttftMs;
    r.summary.avgTpotMs = 10;
    r.summary.outputThroughput = tps;
    r.summary.reqThroughput = tps / 10;
    r.percentiles.metrics = {QStringLiteral("TTFT (ms)"), QStringLiteral("TPOT (ms)"), QStringLiteral("Latency (s)")};
    r.percentiles.labels = {QStringLiteral("50%"), QStringLiteral("90%"), QStringLiteral("99%")};
    r.percentiles.values = {{ttftMs, ttftMs, ttftMs}, {10, 10, 10}, {latencyS, latencyS, latencyS}};
    return r;
}

SlaTuner::Settings settings(const QByteArray& params, int start, int lower, int upper, int runs = 1)
{
    RunConfig c;
    c.slaAutoTune = true;
    c.slaParams = params;
    c.parallel = {start};
    c.slaLowerBound = lower;
    c.slaUpperBound = upper;
    c.slaNumRuns = runs;
    QString error;
    const auto s = SlaTuner::settingsFor(c, &error);
    if (!s)
        qWarning() << error;
    return s.value_or(SlaTuner::Settings());
}

// Runs the search against `server` (value, repetition -> result) and returns every probe asked for, in order.
QList<SlaTuner::Probe> drive(SlaTuner& tuner, const std::function<PointResult(int, int)>& server)
{
    QList<SlaTuner::Probe> asked;
    while (const auto probe = tuner.next()) {
        asked.append(*probe);
        if (asked.size() > 500)
            break; // a search that never ends fails the test below
        tuner.addResult(probe->value, server(probe->value, probe->repetition));
    }
    return asked;
}

QList<int> distinctValues(const QList<SlaTuner::Probe>& probes)
{
    QList<int> values;
    for (const auto& p : probes) {
        if (!values.contains(p.value))
            values.append(p.value);
    }
    return values;
}

} // namespace

class TestSlaTuner final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("threshold"); // seconds for time metrics
        QTest::addColumn<QString>("text");
        QTest::newRow("latency bare = s")
            << QByteArray(R"({"p99_latency": "<=2"})") << true << "p99_latency" << 2.0 << "p99_latency <= 2 s";
        QTest::newRow("latency in ms") << QByteArray(R"({"avg_latency": "<500ms"})") << true << "avg_latency" << 0.5
                                       << "avg_latency < 0.5 s";
        QTest::newRow("ttft bare = ms") << QByteArray(R"({"avg_ttft": "<=300"})") << true << "avg_ttft" << 0.3
                                        << "avg_ttft <= 300 ms";
        QTest::newRow("ttft in s") << QByteArray(R"([{"p99_ttft": "<= 0.05s"}])") << true << "p99_ttft" << 0.05
                                   << "p99_ttft <= 50 ms";
        QTest::newRow("tpot unicode op") << QByteArray("{\"avg_tpot\": \"\xe2\x89\xa4 20ms\"}") << true << "avg_tpot"
                                         << 0.02 << "avg_tpot <= 20 ms";
        QTest::newRow("rps at least") << QByteArray(R"({"rps": ">=10"})") << true << "rps" << 10.0 << "rps >= 10 req/s";
        QTest::newRow("tps max") << QByteArray(R"({"tps": "max"})") << true << "tps" << 0.0 << "tps max";
        QTest::newRow("unknown metric") << QByteArray(R"({"p95_latency": "<=2"})") << false << "" << 0.0 << "";
        QTest::newRow("bad unit") << QByteArray(R"({"p99_latency": "<=2h"})") << false << "" << 0.0 << "";
        QTest::newRow("unit on rps") << QByteArray(R"({"rps": ">=10ms"})") << false << "" << 0.0 << "";
        QTest::newRow("no operator") << QByteArray(R"({"p99_latency": "2"})") << false << "" << 0.0 << "";
        QTest::newRow("number not string") << QByteArray(R"({"p99_latency": 2})") << false << "" << 0.0 << "";
        QTest::newRow("empty list") << QByteArray("[]") << false << "" << 0.0 << "";
        QTest::newRow("not json") << QByteArray("p99<2") << false << "" << 0.0 << "";
        QTest::newRow("max with a constraint")
            << QByteArray(R"({"tps": "max", "p99_latency": "<=2"})") << false << "" << 0.0 << "";
        QTest::newRow("max in two groups")
            << QByteArray(R"([{"tps": "max"}, {"p99_latency": "<=2"}])") << false << "" << 0.0 << "";
    }
    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QString error;
        const auto groups = parseSlaParams(json, &error);
        QCOMPARE(groups.has_value(), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QFETCH(QString, metric);
        QFETCH(double, threshold);
        QFETCH(QString, text);
        const SlaCriterion& c = groups->first().criteria.first();
        QCOMPARE(c.metric, metric);
        QVERIFY(std::abs(c.threshold - threshold) < 1e-12);
        QCOMPARE(c.toText(), text);
    }

    // Largest passing value on a step server: latency 0.2 s up to `knee`, 0.4 s above. Threshold 0.3 s.
    void constraintSearch_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("lower");
        QTest::addColumn<int>("upper");
        QTest::addColumn<int>("knee");
        QTest::addColumn<int>("answer"); // -1: none
        QTest::addColumn<QList<int>>("path");
        QTest::newRow("double then bisect") << 1 << 1 << 16 << 4 << 4 << QList<int>{1, 2, 4, 8, 6, 5};
        QTest::newRow("knee off the grid") << 1 << 1 << 64 << 13 << 13 << QList<int>{1, 2, 4, 8, 16, 12, 14, 13};
        QTest::newRow("start above: halve") << 10 << 1 << 64 << 4 << 4 << QList<int>{10, 5, 2, 3, 4};
        QTest::newRow("start clamped to lower") << 1 << 3 << 20 << 7 << 7 << QList<int>{3, 6, 12, 9, 7, 8};
        QTest::newRow("all pass: upper") << 1 << 1 << 10 << 100 << 10 << QList<int>{1, 2, 4, 8, 10};
        QTest::newRow("lower fails") << 4 << 2 << 16 << 1 << -1 << QList<int>{4, 2};
        QTest::newRow("lower == upper") << 5 << 5 << 5 << 5 << 5 << QList<int>{5};
    }
    void constraintSearch()
    {
        QFETCH(int, start);
        QFETCH(int, lower);
        QFETCH(int, upper);
        QFETCH(int, knee);
        QFETCH(int, answer);
        QFETCH(QList<int>, path);
        SlaTuner tuner(settings(R"({"p99_latency": "<=0.3s"})", start, lower, upper));
        const auto asked = drive(tuner, [knee](int v, int) { return probeResult(v <= knee ? 0.2 : 0.4); });
        QCOMPARE(distinctValues(asked), path);
        QCOMPARE(asked.size(), path.size()); // one run per value: nothing probed twice
        const SlaTuner::GroupOutcome o = tuner.outcomes().constFirst();
        QVERIFY(o.finished);
        QCOMPARE(o.value.value_or(-1), answer);
        QCOMPARE(o.failedAtLower, answer < 0);
        QCOMPARE(o.path, path);
        QVERIFY(!o.sure); // one run per value: no interval behind any verdict
    }

    void probesArePointsOfTheVariable()
    {
        RunConfig c;
        c.slaAutoTune = true;
        c.slaParams = R"({"rps": ">=1"})";
        c.slaVariable = QStringLiteral("rate");
        c.rate = {3.7};
        c.slaFixedParallel = 12;
        c.slaNumberMultiplier = 2.5;
        c.slaUpperBound = 100;
        const auto s = SlaTuner::settingsFor(c);
        QVERIFY(s);
        QCOMPARE(s->start, 3); // cast to int as EvalScope does
        SlaTuner tuner(*s);
        const auto probe = tuner.next();
        QVERIFY(probe);
        QCOMPARE(probe->point, (RunPoint{12, 8, 3.0})); // number = round(3 x 2.5)
        QCOMPARE(probe->tag(), (SlaProbe{QStringLiteral("rate"), 3, 0}));
        c.slaVariable = QStringLiteral("parallel");
        c.parallel = {4};
        c.slaNumberMultiplier.reset();
        const SlaTuner byParallel(*SlaTuner::settingsFor(c));
        QCOMPARE(byParallel.next()->point, (RunPoint{4, 8, -1.0}));
        QCOMPARE(byParallel.next()->tag().dirName(), QStringLiteral("sla_parallel_4_run_0"));
    }

    // EvalScope: a probe with any failed request fails whatever its latency.
    void failedRequestsFailTheProbe()
    {
        SlaTuner tuner(settings(R"({"p99_latency": "<=0.3s"})", 1, 1, 16, 2));
        drive(tuner, [](int v, int) { return probeResult(0.1, 100, 100, v >= 8 ? 1 : 0); });
        const SlaTuner::GroupOutcome o = tuner.outcomes().constFirst();
        QCOMPARE(o.value.value_or(-1), 7);
        QVERIFY(o.sure); // a failed request is no matter of noise
        for (const auto& v : tuner.values())
            QCOMPARE(v.groups.constFirst().requestsFailed, v.value >= 8);
    }

    // Every group is tuned on its own; values are probed once for all of them.
    void groupsShareProbes()
    {
        SlaTuner tuner(settings(R"([{"p99_latency": "<=0.3s"}, {"avg_ttft": "<=150"}])", 1, 1, 16));
        // latency passes up to 4, TTFT (100 ms up to 2, 200 ms above) up to 2
        const auto asked = drive(tuner, [](int v, int) { return probeResult(v <= 4 ? 0.2 : 0.4, v <= 2 ? 100 : 200); });
        const auto outcomes = tuner.outcomes();
        QCOMPARE(outcomes.size(), 2);
        QCOMPARE(*outcomes.at(0).value, 4);
        QCOMPARE(*outcomes.at(1).value, 2);
        QCOMPARE(asked.size(), distinctValues(asked).size()); // 1, 2, 4 were not probed again for the second group
        QCOMPARE(distinctValues(asked), (QList<int>{1, 2, 4, 8, 6, 5, 3}));
    }

    // Optimisation: double while the metric improves, then bisect between the last improvement and the first value
    // that did not improve (EvalScope's search: a peak between two doublings below that is not revisited).
    void optimisation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("answer");
        QTest::addColumn<double>("metric");
        QTest::newRow("max tps") << QByteArray(R"({"tps": "max"})") << 16 << 112.0; // the peak at 12 lies below 16
        QTest::newRow("min latency") << QByteArray(R"({"avg_latency": "min"})") << 1 << 0.5;
    }
    void optimisation()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, answer);
        QFETCH(double, metric);
        SlaTuner tuner(settings(json, 1, 1, 64, 2));
        // tps grows 10 per unit up to 12, then falls; latency grows with the load.
        drive(tuner, [](int v, int) {
            return probeResult(0.5 + 0.01 * (v - 1), 100, v <= 12 ? 10.0 * v : 120.0 - 2.0 * (v - 12));
        });
        const SlaTuner::GroupOutcome o = tuner.outcomes().constFirst();
        QVERIFY(o.finished);
        QCOMPARE(o.value.value_or(-1), answer);
        QVERIFY(std::abs(o.metric - metric) < 1e-9);
    }

    // A value whose interval straddles the threshold is probed again, up to twice --sla-num-runs, then judged on the
    // mean and reported unsure; values clear of it are probed --sla-num-runs times and sure.
    void straddlingIntervalRepeats()
    {
        SlaTuner tuner(settings(R"({"p99_latency": "<=0.3s"})", 1, 1, 8, 2));
        // value 4: runs at 0.28 and 0.34 s (mean 0.31, interval far wider than the threshold's distance), then 0.29
        // and 0.31: mean 0.305 > 0.3 -> fail after 4 runs. Everything else is clear: 0.1 s below 4, 1 s above.
        const QList<double> at4 = {0.28, 0.34, 0.29, 0.31};
        const auto asked = drive(tuner, [&](int v, int rep) {
            if (v == 4)
                return probeResult(at4.at(rep));
            return probeResult(v < 4 ? 0.1 + 0.001 * rep : 1.0 + 0.001 * rep);
        });
        int runsAt4 = 0;
        for (const auto& p : asked)
            runsAt4 += p.value == 4 ? 1 : 0;
        QCOMPARE(runsAt4, 4);
        QCOMPARE(asked.size(), 4 + 2 * 3); // 1, 2 and then 3 (after 4 failed): twice each
        const SlaTuner::GroupOutcome o = tuner.outcomes().constFirst();
        QCOMPARE(*o.value, 3);
        QCOMPARE(o.unsureValues, QList<int>{4});
        QVERIFY(!o.sure); // the failing neighbour of the answer was judged on the mean
        for (const auto& v : tuner.values()) {
            const auto& g = v.groups.constFirst();
            QCOMPARE(g.sure, v.value != 4);
            QCOMPARE(v.runs, v.value == 4 ? 4 : 2);
            QCOMPARE(g.criteria.constFirst().straddles, v.value == 4);
        }
    }

    // A criterion that misses by more than its interval fails the value at once, even while another straddles.
    void clearFailNeedsNoRepeat()
    {
        SlaTuner tuner(settings(R"({"p99_latency": "<=0.3s", "avg_ttft": "<=150ms"})", 2, 1, 2, 2));
        const QList<double> latency = {0.28, 0.34};
        const auto asked
            = drive(tuner, [&](int v, int rep) { return probeResult(latency.at(rep % 2), v == 2 ? 500 : 100); });
        QCOMPARE(distinctValues(asked), (QList<int>{2, 1}));
        QCOMPARE(asked.size(), 2 + 2 + 2); // value 1: straddling latency and passing TTFT -> up to 4 runs
        QVERIFY(asked.size() <= 8);
    }

    // A stored run's points, tagged with their probes, replay to the same answer; the tag survives result_json.
    void replayFromTaggedPoints()
    {
        RunConfig c;
        c.slaAutoTune = true;
        c.slaParams = R"({"p99_latency": "<=0.3s"})";
        c.slaUpperBound = 16;
        c.slaNumRuns = 1;
        SlaTuner live(*SlaTuner::settingsFor(c));
        QList<PointResult> stored;
        while (const auto probe = live.next()) {
            PointResult r = probeResult(probe->value <= 5 ? 0.2 : 0.4);
            r.index = int(stored.size());
            r.slaProbe = probe->tag();
            PointResult back;
            QVERIFY(pointResultFromJson(pointResultToJson(r), back));
            QCOMPARE(back.slaProbe, r.slaProbe);
            back.index = r.index;
            stored.append(back);
            live.addResult(probe->value, r);
        }
        const auto replayed = SlaTuner::replay(c, stored);
        QVERIFY(replayed);
        QVERIFY(replayed->isFinished());
        QCOMPARE(*replayed->outcomes().constFirst().value, 5);
        QCOMPARE(replayed->outcomes().constFirst().path, live.outcomes().constFirst().path);
        c.slaAutoTune = false;
        QVERIFY(!SlaTuner::replay(c, stored));
    }

    // sla_summary.json's entries: each value's runs averaged element-wise, integer fields rounded.
    void averagedSummary()
    {
        SlaTuner tuner(settings(R"({"p99_latency": "<=5s"})", 1, 1, 1, 2));
        PointResult a = probeResult(0.2, 100);
        PointResult b = probeResult(0.4, 300);
        b.summary.totalRequests = 11;
        b.summary.successRequests = 11;
        tuner.addResult(1, a);
        tuner.addResult(1, b);
        const Summary s = tuner.averagedSummary(1);
        QCOMPARE(s.avgTtftMs, 200.0);
        QVERIFY(std::abs(s.avgLatencyS - 0.3) < 1e-12);
        QCOMPARE(s.totalRequests, 11); // 10.5 rounded (half away from zero)
        QVERIFY(std::abs(tuner.averagedPercentiles(1).value(QStringLiteral("Latency (s)"), QStringLiteral("99%")) - 0.3)
            < 1e-12);
        const auto j = nlohmann::json::parse(OutputWriter::slaResultJson(tuner).toStdString());
        QCOMPARE(j["groups"][0]["value"].get<int>(), 1);
        QCOMPARE(j["probes"][0]["runs"].get<int>(), 2);
        QCOMPARE(j["probes"][0]["groups"][0]["verdict"].get<std::string>(), std::string("pass"));
    }

    void settingsErrorsNameTheFlag_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("params") << "--sla-params";
        QTest::newRow("bounds") << "--sla-upper-bound";
        QTest::newRow("variable") << "--sla-variable";
    }
    void settingsErrorsNameTheFlag()
    {
        QFETCH(QString, flag);
        RunConfig c;
        c.slaAutoTune = true;
        c.slaParams = R"({"p99_latency": "<=1"})";
        if (flag == u"--sla-params")
            c.slaParams = "{}";
        else if (flag == u"--sla-upper-bound")
            c.slaUpperBound = 0;
        else
            c.slaVariable = QStringLiteral("tokens");
        QString error;
        QVERIFY(!SlaTuner::settingsFor(c, &error));
        QVERIFY2(error.startsWith(flag + u':'), qPrintable(error));
    }

    // The probe table's cells, which the CLI and the HTML report both print (one formatter in SlaTuner).
    void probeCellText_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("mean"); // canonical unit (s for times)
        QTest::addColumn<double>("ciLow");
        QTest::addColumn<double>("ciHigh");
        QTest::addColumn<bool>("straddles");
        QTest::addColumn<int>("verdict"); // SlaTuner::Verdict
        QTest::addColumn<bool>("sure");
        QTest::addColumn<bool>("requestsFailed");
        QTest::addColumn<QString>("criteria");
        QTest::addColumn<QString>("verdictText");
        const double nan = qQNaN();
        QTest::newRow("ttft in ms with interval, pass")
            << "p99_ttft" << 0.2124 << 0.1981 << 0.2267 << false << int(SlaTuner::Verdict::Pass) << true << false
            << "p99_ttft 212.4000 [198.1000, 226.7000] ms" << "pass";
        QTest::newRow("latency in s, straddling, unsure fail")
            << "avg_latency" << 2.05 << 1.9 << 2.2 << true << int(SlaTuner::Verdict::Fail) << false << false
            << "avg_latency 2.0500 [1.9000, 2.2000] s ~" << "FAIL (unsure)";
        QTest::newRow("one run: no interval; failed requests win over unsure")
            << "rps" << 12.5 << nan << nan << false << int(SlaTuner::Verdict::Fail) << false << true
            << "rps 12.5000 req/s" << "FAIL (requests failed)";
        QTest::newRow("no sample, pending") << "tps" << nan << nan << nan << false << int(SlaTuner::Verdict::Pending)
                                            << false << false << "tps - tok/s" << "pending";
    }
    void probeCellText()
    {
        QFETCH(QString, metric);
        QFETCH(double, mean);
        QFETCH(double, ciLow);
        QFETCH(double, ciHigh);
        QFETCH(bool, straddles);
        QFETCH(int, verdict);
        QFETCH(bool, sure);
        QFETCH(bool, requestsFailed);
        QFETCH(QString, criteria);
        QFETCH(QString, verdictText);
        SlaTuner::CriterionStat c;
        c.criterion.metric = metric;
        c.stats.mean = mean;
        c.stats.ciLow = ciLow;
        c.stats.ciHigh = ciHigh;
        c.straddles = straddles;
        SlaTuner::GroupVerdict g;
        g.verdict = SlaTuner::Verdict(verdict);
        g.sure = sure;
        g.requestsFailed = requestsFailed;
        g.criteria = {c};
        QCOMPARE(c.text(), criteria);
        QCOMPARE(g.criteriaText(), criteria);
        QCOMPARE(g.verdictText(), verdictText);
        g.criteria = {c, c};
        QCOMPARE(g.criteriaText(), criteria + QStringLiteral("; ") + criteria);
    }
};

QTEST_GUILESS_MAIN(TestSlaTuner)
#include "tst_slatuner.moc"
