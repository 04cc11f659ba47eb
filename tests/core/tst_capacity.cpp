// Capacity answers on hand-made data (docs/METRICS.md "Capacity"): goodput and SLO attainment against hand-computed
// values, the saturation rule, and the statistics of repeated points.

#include "core/testrecords.h"
#include "config/runconfig.h"
#include "metrics/autosweep.h"
#include "metrics/extendedmetrics.h"
#include "metrics/goodput.h"
#include "metrics/harnesshealth.h"
#include "metrics/metriccatalogue.h"
#include "metrics/repeatstats.h"
#include "metrics/pointaccumulator.h"
#include "metrics/saturation.h"
#include "storage/pointresultjson.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>

using namespace tl;
using namespace tl::testrecords;

namespace {

// A: TTFT 100 ms, TPOT 10 ms, latency 200 ms. B: TTFT 400, TPOT 10, latency 500. C (sent at 100 ms): TTFT 100,
// TPOT 60, latency 700. D failed. Test duration: C's completion at 800 ms - the first send = 0.8 s.
QList<RequestRecord> fourRequests()
{
    return {streamed(0, 0, 100, 10, 11), streamed(1, 0, 400, 10, 11), streamed(2, 100, 100, 60, 11), failed(3, 200)};
}

SloSpec slo(const QStringList& words)
{
    QString error;
    const std::optional<SloSpec> s = SloSpec::parse(words, &error);
    return s.value_or(SloSpec());
}

PointResult accumulate(const QList<RequestRecord>& records, const SloSpec& spec)
{
    PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{1, int(records.size()), -1}, 0);
    acc.setSlo(spec);
    acc.add(records);
    PointResult r;
    r.summary = acc.summary();
    r.extended = acc.extended();
    r.hasSummary = true;
    return r;
}

// A measured point: its load, request throughput and p50 latency (s); goodput when >= 0.
PointResult point(int parallel, double rate, double reqPerS, double p50LatencyS, double goodput = -1)
{
    PointResult p;
    p.point = RunPoint{parallel, 10, rate};
    p.hasSummary = true;
    p.summary.totalRequests = 10;
    p.summary.successRequests = 10;
    p.summary.reqThroughput = reqPerS;
    p.percentiles.metrics = {QStringLiteral("Latency (s)")};
    p.percentiles.labels = {QStringLiteral("50%")};
    p.percentiles.values = {{p50LatencyS}};
    if (goodput >= 0) {
        p.extended.goodput.slo.ttftMs = 300;
        p.extended.goodput.goodput = goodput;
    }
    return p;
}

} // namespace

class TestCapacity final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSlos_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("text");
        QTest::newRow("all three") << QStringList{QStringLiteral("ttft:300"), QStringLiteral("tpot:50"),
            QStringLiteral("e2el:2000")} << true << QStringLiteral("ttft:300 tpot:50 e2el:2000");
        QTest::newRow("fraction, upper case") << QStringList{QStringLiteral("TPOT:12.5")} << true
                                              << QStringLiteral("tpot:12.5");
        QTest::newRow("none") << QStringList{} << true << QString();
        QTest::newRow("equals sign") << QStringList{QStringLiteral("ttft=300")} << false << QString();
        QTest::newRow("unknown metric") << QStringList{QStringLiteral("itl:5")} << false << QString();
        QTest::newRow("zero") << QStringList{QStringLiteral("ttft:0")} << false << QString();
        QTest::newRow("not a number") << QStringList{QStringLiteral("ttft:fast")} << false << QString();
        QTest::newRow("twice") << QStringList{QStringLiteral("ttft:1"), QStringLiteral("ttft:2")} << false << QString();
    }
    void parsesSlos()
    {
        QFETCH(QStringList, words);
        QFETCH(bool, ok);
        QFETCH(QString, text);
        QString error;
        const std::optional<SloSpec> s = SloSpec::parse(words, &error);
        QCOMPARE(s.has_value(), ok);
        if (ok)
            QCOMPARE(s->toText(), text);
        else
            QVERIFY2(error.contains(words.last()), qPrintable(error));
    }

    void badGoodputFlagNamesIt()
    {
        auto goodputErrors = [](const RunConfig& c) {
            ConfigErrors out;
            for (const ConfigError& e : c.validate()) {
                if (e.field == u"--goodput")
                    out.append(e);
            }
            return out;
        };
        RunConfig c;
        c.model = QStringLiteral("m");
        c.goodput = {QStringLiteral("ttft=300")};
        const ConfigErrors errors = goodputErrors(c);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.contains(QStringLiteral("ttft:300")), qPrintable(errors.first().message));
        c.goodput = {QStringLiteral("ttft:300")};
        QVERIFY(goodputErrors(c).isEmpty());
        QVERIFY(c.slo().ttftMs.has_value());
        QCOMPARE(*c.slo().ttftMs, 300.0);
    }

    void goodputHandComputed_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("good");
        QTest::addColumn<double>("goodput");
        QTest::addColumn<double>("ttftPct");
        QTest::addColumn<double>("tpotPct");
        QTest::addColumn<double>("e2elPct");
        const double nan = std::nan("");
        // Only A meets both: 1 / 0.8 s. TTFT: A and C of 4 requests; TPOT: A and B.
        QTest::newRow("ttft:300 tpot:50") << QStringList{QStringLiteral("ttft:300"), QStringLiteral("tpot:50")} << 1
                                          << 1.25 << 50.0 << 50.0 << nan;
        // A limit holds at equality: B's TTFT of exactly 400 ms passes.
        QTest::newRow("ttft:400 inclusive") << QStringList{QStringLiteral("ttft:400")} << 3 << 3.75 << 75.0 << nan
                                            << nan;
        QTest::newRow("e2el:600") << QStringList{QStringLiteral("e2el:600")} << 2 << 2.5 << nan << nan << 50.0;
        QTest::newRow("nothing good") << QStringList{QStringLiteral("ttft:50")} << 0 << 0.0 << 0.0 << nan << nan;
    }
    void goodputHandComputed()
    {
        QFETCH(QStringList, words);
        QFETCH(int, good);
        QFETCH(double, goodput);
        QFETCH(double, ttftPct);
        QFETCH(double, tpotPct);
        QFETCH(double, e2elPct);
        auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-9; };
        const PointResult live = accumulate(fourRequests(), slo(words));
        QCOMPARE(live.summary.testDurationS, 0.8);
        const GoodputResult& g = live.extended.goodput;
        QCOMPARE(g.goodRequests, good);
        QCOMPARE(g.totalRequests, 4);
        QVERIFY2(same(g.goodput, goodput), qPrintable(QString::number(g.goodput)));
        QVERIFY2(same(g.ttftAttainmentPct, ttftPct), qPrintable(QString::number(g.ttftAttainmentPct)));
        QVERIFY2(same(g.tpotAttainmentPct, tpotPct), qPrintable(QString::number(g.tpotAttainmentPct)));
        QVERIFY2(same(g.e2elAttainmentPct, e2elPct), qPrintable(QString::number(g.e2elAttainmentPct)));
        QVERIFY(same(g.goodPct, 25.0 * good));

        // The same from the records after the fact (what a stored run is re-evaluated with).
        const GoodputResult later = goodputFromRecords(fourRequests(), live.summary.testDurationS, slo(words));
        QCOMPARE(later.goodRequests, g.goodRequests);
        QVERIFY(same(later.goodput, g.goodput));
        QVERIFY(same(later.ttftAttainmentPct, g.ttftAttainmentPct));

        // The catalogue reads it; the project file's point JSON keeps it.
        QVERIFY(same(MetricCatalogue::value(MetricCatalogue::get(MetricId::Goodput), live), goodput));
        QCOMPARE(MetricCatalogue::value(MetricCatalogue::get(MetricId::GoodRequests), live), double(good));
        PointResult back;
        QVERIFY(pointResultFromJson(pointResultToJson(live), back));
        QCOMPARE(back.extended.goodput.slo, g.slo);
        QCOMPARE(back.extended.goodput.goodRequests, good);
        QVERIFY(same(back.extended.goodput.goodput, goodput));
        QVERIFY(same(back.extended.goodput.e2elAttainmentPct, e2elPct));
    }

    void noSloNoGoodput()
    {
        const PointResult r = accumulate(fourRequests(), SloSpec());
        QVERIFY(std::isnan(r.extended.goodput.goodput));
        QVERIFY(std::isnan(MetricCatalogue::value(MetricCatalogue::get(MetricId::GoodRequests), r)));
        const auto j = nlohmann::json::parse(extendedMetricsToJson(r.extended).toStdString());
        QCOMPARE(j.at("Goodput SLO").get<std::string>(), std::string());
        QVERIFY(j.at("Goodput (req/s)").is_null());
    }

    void goodputInThroughlineMetricsFile()
    {
        const PointResult r = accumulate(fourRequests(), slo({QStringLiteral("ttft:300"), QStringLiteral("tpot:50")}));
        const auto j = nlohmann::json::parse(extendedMetricsToJson(r.extended).toStdString());
        QCOMPARE(j.at("Goodput SLO").get<std::string>(), std::string("ttft:300 tpot:50"));
        QCOMPARE(j.at("Goodput (req/s)").get<double>(), 1.25);
        QCOMPARE(j.at("Good Requests").get<int>(), 1);
        QCOMPARE(j.at("SLO TTFT attainment (%)").get<double>(), 50.0);
        QVERIFY(j.at("SLO E2EL attainment (%)").is_null());
    }

    void applyGoodputRecomputesStoredPoints()
    {
        PointResult stored = accumulate(fourRequests(), SloSpec()); // run without --goodput
        stored.records = fourRequests();
        PointResult withoutRecords = stored;
        withoutRecords.records.clear();
        QList<PointResult> points{stored, withoutRecords};
        applyGoodput(points, slo({QStringLiteral("e2el:600")}));
        QCOMPARE(points.at(0).extended.goodput.goodRequests, 2);
        QCOMPARE(points.at(0).extended.goodput.goodput, 2.5);
        QCOMPARE(points.at(0).summary.reqThroughput, stored.summary.reqThroughput); // the rest as stored
        QVERIFY(std::isnan(points.at(1).extended.goodput.goodput)); // nothing to recompute from
    }

    void saturationRule_data()
    {
        QTest::addColumn<QList<PointResult>>("points");
        QTest::addColumn<int>("knee"); // -1: none
        QTest::addColumn<QString>("rule");
        // Throughput doubles up to 4, then +4% while the p50 latency grows +90%: the knee is parallel 4.
        QTest::newRow("closed loop knee") << QList<PointResult>{point(1, -1, 1, 1.0), point(2, -1, 2, 1.0),
            point(4, -1, 4, 1.05), point(8, -1, 4.16, 2.0), point(16, -1, 4.2, 4.0)} << 2
                                          << QStringLiteral("throughput-flat");
        // Flat throughput alone is no knee (a latency that holds means spare capacity elsewhere) ...
        QTest::newRow("flat but latency holds") << QList<PointResult>{point(1, -1, 1, 1.0), point(2, -1, 1.02, 1.1)}
                                                << -1 << QString();
        // ... nor is a latency jump while throughput still grows by more than 10%.
        QTest::newRow("still growing") << QList<PointResult>{point(1, -1, 1, 1.0), point(2, -1, 1.5, 2.0)} << -1
                                       << QString();
        // Open loop: 8 req/s was served at 7.5 (within 10%), 16 at 9: the knee is rate 8.
        QTest::newRow("open loop rate missed") << QList<PointResult>{point(-1, 4, 4, 0.5), point(-1, 8, 7.5, 0.6),
            point(-1, 16, 9, 3.0)} << 1 << QStringLiteral("rate-missed");
        QTest::newRow("open loop missed at once") << QList<PointResult>{point(-1, 10, 5, 0.5)} << -1
                                                  << QStringLiteral("rate-missed");
        QTest::newRow("nothing measured") << QList<PointResult>{} << -1 << QString();
    }
    void saturationRule()
    {
        QFETCH(QList<PointResult>, points);
        QFETCH(int, knee);
        QFETCH(QString, rule);
        const SaturationPoint s = findSaturation(points);
        QCOMPARE(s.index, knee);
        QCOMPARE(s.found, knee >= 0);
        QCOMPARE(s.rule, rule);
        QVERIFY(!s.reason.isEmpty());
        if (s.found)
            QCOMPARE(s.beyondIndex, knee + 1);
        RunData run;
        run.points = points;
        QCOMPARE(findSaturation(run).index, knee); // what the GUI calls
    }

    void autoSweepPointsBetween_data()
    {
        QTest::addColumn<bool>("openLoop");
        QTest::addColumn<int>("maxParallel");
        QTest::addColumn<int>("sweepPoints");
        QTest::addColumn<double>("sync");
        QTest::addColumn<double>("max");
        QTest::addColumn<QList<RunPoint>>("expected");
        // Open loop: K - 2 rates evenly between the anchors' throughputs (2 + 6 x i / 4).
        QTest::newRow("open loop") << true << 1 << 5 << 2.0 << 8.0
                                   << QList<RunPoint>{{-1, 20, 3.5}, {-1, 20, 5.0}, {-1, 20, 6.5}};
        // Closed loop: the concurrency carrying each rate at the synchronous latency: 1.75, 2.5, 3.25 x sync ->
        // 2, 3, 3 (one kept).
        QTest::newRow("closed loop, 4 slots") << false << 16 << 5 << 2.0 << 8.0
                                              << QList<RunPoint>{{2, 20, -1}, {3, 20, -1}};
        // Ten times the synchronous throughput over 6 points: 2.8, 4.6, 6.4, 8.2 -> 3, 5, 6, 8.
        QTest::newRow("closed loop, wide") << false << 64 << 6 << 1.0 << 10.0
                                           << QList<RunPoint>{{3, 20, -1}, {5, 20, -1}, {6, 20, -1}, {8, 20, -1}};
        // Clamped below the maximum point's concurrency.
        QTest::newRow("closed loop, clamped") << false << 4 << 6 << 1.0 << 10.0
                                              << QList<RunPoint>{{3, 20, -1}};
        // No scaling at all: every rate maps to concurrency 1 -> clamped to 2.
        QTest::newRow("closed loop, flat") << false << 8 << 5 << 5.0 << 5.0 << QList<RunPoint>{{2, 20, -1}};
        QTest::newRow("synchronous failed") << false << 8 << 5 << 0.0 << 5.0 << QList<RunPoint>{};
    }
    void autoSweepPointsBetween()
    {
        QFETCH(bool, openLoop);
        QFETCH(int, maxParallel);
        QFETCH(int, sweepPoints);
        QFETCH(double, sync);
        QFETCH(double, max);
        QFETCH(QList<RunPoint>, expected);
        RunConfig c;
        c.sweep = QStringLiteral("auto");
        c.openLoop = openLoop;
        c.parallel = {maxParallel};
        c.number = {20};
        c.autoSweepPoints = sweepPoints;
        const AutoSweep sweep(c);
        QCOMPARE(sweep.anchors().constFirst(), (RunPoint{1, 20, -1}));
        QCOMPARE(sweep.anchors().constLast(), (openLoop ? RunPoint{-1, 20, -1} : RunPoint{maxParallel, 20, -1}));
        QCOMPARE(c.sweepPoints(), sweep.anchors());
        QCOMPARE(sweep.between(sync, max), expected);
    }

    void autoSweepFlagsChecked_data()
    {
        QTest::addColumn<QStringList>("change"); // what differs from a valid --sweep auto
        QTest::addColumn<QString>("field"); // the flag the error names; empty = valid
        QTest::newRow("valid") << QStringList{} << QString();
        QTest::newRow("two --number") << QStringList{QStringLiteral("number")} << QStringLiteral("--number");
        QTest::newRow("two --parallel") << QStringList{QStringLiteral("parallel")} << QStringLiteral("--parallel");
        QTest::newRow("--parallel 1") << QStringList{QStringLiteral("parallel1")} << QStringLiteral("--parallel");
        QTest::newRow("--rate") << QStringList{QStringLiteral("rate")} << QStringLiteral("--rate");
        QTest::newRow("with SLA") << QStringList{QStringLiteral("sla")} << QStringLiteral("--sweep");
        QTest::newRow("open loop without --rate") << QStringList{QStringLiteral("open")} << QString();
    }
    void autoSweepFlagsChecked()
    {
        QFETCH(QStringList, change);
        QFETCH(QString, field);
        RunConfig c;
        c.model = QStringLiteral("m");
        c.sweep = QStringLiteral("auto");
        c.parallel = {16};
        c.number = {20};
        if (change.contains(u"number"))
            c.number = {20, 40};
        if (change.contains(u"parallel"))
            c.parallel = {4, 16};
        if (change.contains(u"parallel1"))
            c.parallel = {1};
        if (change.contains(u"rate"))
            c.rate = {5};
        if (change.contains(u"sla")) {
            c.slaAutoTune = true;
            c.slaParams = R"({"p99_latency": "<=2s"})";
        }
        if (change.contains(u"open"))
            c.openLoop = true;
        const ConfigErrors errors = c.validate();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
        } else {
            QVERIFY(!errors.isEmpty());
            QVERIFY2(std::any_of(errors.cbegin(), errors.cend(), [&](const ConfigError& e) { return e.field == field; }),
                qPrintable(errors.first().toString()));
        }
    }

    void saturationInLoadOrder()
    {
        // --sweep auto runs 1, 16 (the anchors), then 2, 4, 8: the rule reads them by concurrency.
        const QList<PointResult> points{point(1, -1, 1, 1.0), point(16, -1, 4.2, 4.0), point(2, -1, 2, 1.0),
            point(4, -1, 4, 1.05), point(8, -1, 4.16, 2.0)};
        const SaturationPoint s = findSaturation(points);
        QVERIFY2(s.found, qPrintable(s.reason));
        QCOMPARE(points.at(s.index).point.parallel, 4);
        QCOMPARE(points.at(s.beyondIndex).point.parallel, 8);
    }

    void saturationOverRepetitions()
    {
        // 4 sweep points, 3 repetitions each, in a row. Repetitions 1 and 2 bend at parallel 4 (throughput +2.5% /
        // +5%, p50 latency +90%); repetition 3 still grows 19% from 4 to 8: no knee of its own. The means bend at 4
        // (3.87 -> 4.2 req/s, +8.6%; latency +94%): the knee is parallel 4, found alone by 2 of 3 repetitions.
        const double tput[3][4] = {{1, 2, 4, 4.1}, {1, 2, 4, 4.2}, {1, 2, 3.6, 4.3}};
        const double latency[3][4] = {{1, 1, 1.05, 2}, {1, 1, 1.05, 2}, {1, 1, 1.0, 2}};
        const int parallel[4] = {1, 2, 4, 8};
        QList<PointResult> points;
        for (int g = 0; g < 4; ++g) {
            for (int k = 0; k < 3; ++k)
                points.append(point(parallel[g], -1, tput[k][g], latency[k][g]));
        }
        const SaturationPoint s = findSaturation(points, 3, 0.95);
        QVERIFY2(s.found, qPrintable(s.reason));
        QCOMPARE(s.index, 6);
        QCOMPARE(s.kneePoints, (QList<int>{6, 7, 8}));
        QCOMPARE(s.beyondIndex, 9);
        QCOMPARE(s.beyondPoints, (QList<int>{9, 10, 11}));
        QCOMPARE(s.repetitions, 3);
        QCOMPARE(s.agreeing, 2);
        QCOMPARE(s.repetitionKnees, (QList<int>{6, 6, -1}));
        // Mean 3.8667, sd 0.2309, t(0.975, 2) = 4.3027: half-width 0.5737.
        QVERIFY(std::abs(s.kneeThroughput - 3.86667) < 1e-4);
        QVERIFY(std::abs(s.kneeThroughputCiLow - 3.2930) < 1e-3);
        QVERIFY(std::abs(s.kneeThroughputCiHigh - 4.4404) < 1e-3);
        QVERIFY2(s.uncertainty.startsWith(QStringLiteral("the same knee in 2 of 3 repetitions")), qPrintable(s.uncertainty));
        QVERIFY2(s.uncertainty.contains(QStringLiteral("95% CI [3.29, 4.44]")), qPrintable(s.uncertainty));

        // One repetition: the plain rule, no spread.
        const SaturationPoint single = findSaturation(points.mid(0, 1) + points.mid(3, 1) + points.mid(6, 1)
                + points.mid(9, 1), 1, 0.95);
        QCOMPARE(single.index, 2);
        QCOMPARE(single.kneePoints, (QList<int>{2}));
        QCOMPARE(single.repetitions, 0);
        QVERIFY(single.uncertainty.isEmpty());
    }

    void goodputPeak()
    {
        const SaturationPoint s = findSaturation(QList<PointResult>{
            point(1, -1, 1, 1.0, 1.0), point(2, -1, 2, 1.0, 1.8), point(4, -1, 3, 1.4, 1.2)});
        QCOMPARE(s.goodputPeakIndex, 1);
        QVERIFY(!s.found);
    }

    void studentQuantiles_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("dof");
        QTest::addColumn<double>("expected"); // from statistical tables
        QTest::newRow("0.975, 1") << 0.975 << 1 << 12.7062;
        QTest::newRow("0.975, 4") << 0.975 << 4 << 2.7764;
        QTest::newRow("0.95, 9") << 0.95 << 9 << 1.8331;
        QTest::newRow("0.995, 30") << 0.995 << 30 << 2.7500;
        QTest::newRow("0.025, 4") << 0.025 << 4 << -2.7764;
    }
    void studentQuantiles()
    {
        QFETCH(double, p);
        QFETCH(int, dof);
        QFETCH(double, expected);
        const double t = studentTQuantile(p, dof);
        QVERIFY2(std::abs(t - expected) < 1e-4, qPrintable(QString::number(t, 'g', 10)));
    }

    void repeatStatsHandComputed()
    {
        // 1..5: mean 3, sd sqrt(2.5), CV sd/3, 95% half width t(0.975, 4) * sd / sqrt(5).
        const RepeatStats s = repeatStats({1, 2, 3, 4, 5}, 0.95);
        QCOMPARE(s.n, 5);
        QCOMPARE(s.mean, 3.0);
        QVERIFY(std::abs(s.sd - std::sqrt(2.5)) < 1e-12);
        QVERIFY(std::abs(s.cv - std::sqrt(2.5) / 3) < 1e-12);
        QVERIFY(std::abs(s.halfWidth() - 2.776445 * std::sqrt(2.5) / std::sqrt(5.0)) < 1e-5);
        const RepeatStats one = repeatStats({7}, 0.95);
        QCOMPARE(one.mean, 7.0);
        QVERIFY(std::isnan(one.sd) && std::isnan(one.ciLow)); // one run: no spread to speak of
    }

    void confidenceIntervalShrinksWithRuns()
    {
        // The same alternating measurements (10, 12, 10, 12, ...): sd stays about 1, the interval narrows with n as
        // t(n-1) / sqrt(n) does.
        double previous = INFINITY;
        for (const int n : {2, 3, 4, 8, 16, 32}) {
            QVector<double> values;
            for (int i = 0; i < n; ++i)
                values.append(i % 2 ? 12.0 : 10.0);
            const RepeatStats s = repeatStats(values, 0.95);
            QVERIFY2(s.halfWidth() < previous, qPrintable(QStringLiteral("n=%1").arg(n)));
            QVERIFY(s.ciLow <= s.mean && s.mean <= s.ciHigh);
            previous = s.halfWidth();
        }
        QVERIFY(previous < 0.4);
        // A higher confidence asks for a wider interval.
        QVERIFY(repeatStats({10, 12, 11}, 0.99).halfWidth() > repeatStats({10, 12, 11}, 0.9).halfWidth());
    }

    void repeatGroupsOfARun()
    {
        // Two sweep points, two runs each: throughput 4 and 6 at parallel 1, 10 and 10 at parallel 2.
        QList<PointResult> points{point(1, -1, 4, 1.0), point(1, -1, 6, 1.0), point(2, -1, 10, 1.0),
            point(2, -1, 10, 1.0)};
        const QList<RepeatGroup> groups = repeatGroups(points, 2, 0.95);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).pointIndices, (QList<int>{0, 1}));
        QCOMPARE(groups.at(1).point.parallel, 2);
        const RepeatStats a = groups.at(0).stats(QStringLiteral("Req Throughput (req/s)"));
        QCOMPARE(a.n, 2);
        QCOMPARE(a.mean, 5.0);
        QVERIFY(std::abs(a.sd - std::sqrt(2.0)) < 1e-12);
        QVERIFY(std::abs(a.halfWidth() - 12.7062 * std::sqrt(2.0) / std::sqrt(2.0)) < 1e-3);
        QCOMPARE(groups.at(1).stats(QStringLiteral("Req Throughput (req/s)")).sd, 0.0);
        QCOMPARE(groups.at(0).stats(QStringLiteral("Latency (s) p50")).mean, 1.0);

        RunData run;
        RunConfig config;
        config.numRuns = 2;
        run.configJson = config.toJson();
        run.points = points;
        QCOMPARE(repeatGroups(run).size(), 2);
    }

    void harnessVerdict_data()
    {
        QTest::addColumn<double>("lagP99Ms");
        QTest::addColumn<double>("meanConcurrency"); // of --parallel 16, 200 requests
        QTest::addColumn<double>("cpuSeconds"); // over 10 s on 2 cores
        QTest::addColumn<qint64>("reads"); // for 1000 events
        QTest::addColumn<double>("machineBusy");
        QTest::addColumn<bool>("suspect");
        QTest::addColumn<QString>("reason");
        QTest::newRow("quiet") << 0.4 << 15.8 << 2.0 << qint64(900) << 0.3
                                << false << QStringLiteral("schedule lag p99 0.40 ms");
        QTest::newRow("late") << 12.0 << 15.8 << 2.0 << qint64(900) << 0.3 << true << QStringLiteral("12.0 ms behind");
        QTest::newRow("slots idle") << 0.4 << 12.0 << 2.0 << qint64(900) << 0.3
                                << true << QStringLiteral("75% of the load");
        QTest::newRow("cpu bound") << 0.4 << 15.8 << 16.0 << qint64(900) << 0.9
                                << true << QStringLiteral("80% of the machine");
        // Other processes keep every CPU busy: the client waits for one, however little it uses itself.
        QTest::newRow("machine saturated") << 0.4 << 15.8 << 2.0 << qint64(900) << 0.97 << true
                                           << QStringLiteral("97% busy");
        QTest::newRow("bursty reads") << 0.4 << 15.8 << 2.0 << qint64(100) << 0.3 << true
                                      << QStringLiteral("10.0 events per socket read");
    }
    void harnessVerdict()
    {
        QFETCH(double, lagP99Ms);
        QFETCH(double, meanConcurrency);
        QFETCH(double, cpuSeconds);
        QFETCH(qint64, reads);
        QFETCH(double, machineBusy);
        QFETCH(bool, suspect);
        QFETCH(QString, reason);
        PointResult p;
        p.point = RunPoint{16, 200, -1};
        p.hasSummary = true;
        p.summary.totalRequests = 200;
        p.extended.meanConcurrency = meanConcurrency;
        p.extended.percentiles.metrics = {QStringLiteral("Schedule lag (ms)")};
        p.extended.percentiles.labels = {QStringLiteral("50%"), QStringLiteral("99%")};
        p.extended.percentiles.values = {{0.1, lagP99Ms}};
        const HarnessHealth h = assessHarness(p, HarnessSample{cpuSeconds, 10.0, 2, reads, 1000, machineBusy});
        QCOMPARE(h.suspect(), suspect);
        QCOMPARE(h.verdict, suspect ? HarnessHealth::Verdict::Suspect : HarnessHealth::Verdict::Good);
        QVERIFY2(h.reason.contains(reason), qPrintable(h.reason));
        QCOMPARE(h.scheduleLagP99Ms, lagP99Ms);
        QCOMPARE(h.clientCpuShare, cpuSeconds / 20.0);
        PointResult back;
        p.harness = h;
        QVERIFY(pointResultFromJson(pointResultToJson(p), back));
        QCOMPARE(back.harness.verdict, h.verdict);
        QCOMPARE(back.harness.reason, h.reason);
        QCOMPARE(back.harness.eventsPerRead, h.eventsPerRead);
        QCOMPARE(back.harness.machineBusyShare, machineBusy);
    }

    void harnessUnknownWithoutRequests()
    {
        QCOMPARE(judgeHarness(HarnessHealth(), 0).verdict, HarnessHealth::Verdict::Unknown);
        // Closed loop with few requests per slot: the drain at the end says nothing about the client.
        PointResult p;
        p.point = RunPoint{16, 32, -1};
        p.summary.totalRequests = 32;
        p.extended.meanConcurrency = 8;
        const HarnessHealth h = assessHarness(p, HarnessSample{});
        QVERIFY(std::isnan(h.loadRatio));
        QCOMPARE(h.verdict, HarnessHealth::Verdict::Good);
    }
};

QTEST_GUILESS_MAIN(TestCapacity)
#include "tst_capacity.moc"
