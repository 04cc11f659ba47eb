// RunComparison and its bootstrap on synthetic runs with known timings: deterministic intervals, verdicts by
// direction, the sample-count rule, point matching, the configuration diff and the JSON/CSV forms.

#include "config/parameterregistry.h"
#include "config/runconfig.h"
#include "metrics/bootstrap.h"
#include "metrics/pointaccumulator.h"
#include "metrics/runcomparison.h"
#include "storage/comparisonreport.h"
#include "testrecords.h"

#include <nlohmann/json.hpp>

#include <QSet>

#include <algorithm>
#include <cmath>
#include <random>
#include <QTest>

using namespace tl;

namespace {

// A point of `n` streamed requests whose TTFT is `ttftMs` plus a deterministic 0..10 ms jitter (pattern `salt`).
PointResult point(int index, int parallel, int n, int ttftMs, int salt)
{
    PointResult p;
    p.index = index;
    p.point.parallel = parallel;
    p.point.number = n;
    for (int i = 0; i < n; ++i) {
        const int jitter = (i * (37 + 16 * salt) + salt) % 11;
        p.records.append(testrecords::streamed(i, i * 10, ttftMs + jitter, 5, 8));
    }
    PointAccumulator acc(RunConfig::ApiKind::Chat, p.point);
    acc.add(p.records);
    p.hasSummary = true;
    p.summary = acc.summary();
    p.percentiles = acc.percentiles();
    p.extended = acc.extended();
    p.requestCount = n;
    return p;
}

RunData run(const QString& id, const QList<int>& parallels, int n, int ttftMs, int salt, const RunConfig& config = {})
{
    RunData r;
    r.id = id;
    r.name = id;
    r.model = QStringLiteral("m");
    r.api = QStringLiteral("openai");
    r.configJson = ParameterRegistry::toJson(config, false);
    for (int i = 0; i < parallels.size(); ++i)
        r.points.append(point(i, parallels.at(i), n, ttftMs, salt));
    return r;
}

const MetricComparison* row(const RunComparison& c, int pointIndex, const QString& key)
{
    for (const MetricComparison& m : c.points.at(pointIndex).metrics) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

QString str(const nlohmann::json& v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

QVector<double> series(int n, double base, int salt)
{
    QVector<double> v;
    for (int i = 0; i < n; ++i)
        v.append(base + (i * (37 + 16 * salt) + salt) % 11);
    return v;
}

} // namespace

class TestRunComparison final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statistic_data()
    {
        QTest::addColumn<double>("statistic");
        QTest::addColumn<double>("expected");
        // 1..10: mean 5.5; nearest rank data[floor(n*p/100)].
        QTest::newRow("mean") << Bootstrap::kMean << 5.5;
        QTest::newRow("p50") << 50.0 << 6.0;
        QTest::newRow("p90") << 90.0 << 10.0;
        QTest::newRow("p10") << 10.0 << 2.0;
        QTest::newRow("max") << 100.0 << 10.0;
    }
    void statistic()
    {
        QFETCH(double, statistic);
        QFETCH(double, expected);
        const QVector<double> sorted{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QCOMPARE(Bootstrap::statistic(sorted, statistic), expected);
        QVERIFY(std::isnan(Bootstrap::statistic({}, statistic)));
    }

    void bootstrapIsDeterministic()
    {
        const QVector<double> a = series(300, 50, 0);
        const QVector<double> b = series(300, 52, 1);
        const QList<double> stats{Bootstrap::kMean, 50.0, 90.0};
        const QList<Bootstrap::Interval> first = Bootstrap::differenceIntervals(a, b, stats);
        const QList<Bootstrap::Interval> second = Bootstrap::differenceIntervals(a, b, stats);
        QCOMPARE(first.size(), 3);
        for (qsizetype i = 0; i < first.size(); ++i) {
            QVERIFY(first.at(i).isValid());
            QCOMPARE(first.at(i).low, second.at(i).low); // bit for bit
            QCOMPARE(first.at(i).high, second.at(i).high);
            QVERIFY(first.at(i).low <= first.at(i).high);
        }
    }

    void bootstrapStatisticsTogetherOrAlone_data()
    {
        QTest::addColumn<QList<double>>("statistics");
        QTest::addColumn<int>("baselineSize");
        QTest::addColumn<int>("candidateSize");
        QTest::newRow("catalogue order") << QList<double>{Bootstrap::kMean, 50.0, 90.0, 99.0} << 300 << 280;
        QTest::newRow("shuffled, repeats") << QList<double>{99.0, 50.0, Bootstrap::kMean, 90.0, 50.0} << 200 << 1500;
        QTest::newRow("extremes") << QList<double>{100.0, 0.0, 99.9} << 7 << 3;
        QTest::newRow("one value a side") << QList<double>{Bootstrap::kMean, 99.0} << 1 << 1;
    }
    void bootstrapStatisticsTogetherOrAlone()
    {
        // A resample's draws do not depend on the statistics asked: each statistic of one call is the one it gets
        // alone, bit for bit, whatever their order (the rank walk reads them in ascending order).
        QFETCH(QList<double>, statistics);
        QFETCH(int, baselineSize);
        QFETCH(int, candidateSize);
        const QVector<double> a = series(baselineSize, 50, 0);
        const QVector<double> b = series(candidateSize, 53, 1);
        Bootstrap::Options o;
        o.resamples = 400;
        const QList<Bootstrap::Interval> together = Bootstrap::differenceIntervals(a, b, statistics, o);
        QCOMPARE(together.size(), statistics.size());
        for (qsizetype i = 0; i < statistics.size(); ++i) {
            const Bootstrap::Interval alone = Bootstrap::differenceIntervals(a, b, {statistics.at(i)}, o).first();
            QVERIFY(alone.isValid());
            QCOMPARE(together.at(i).low, alone.low);
            QCOMPARE(together.at(i).high, alone.high);
        }
        if (baselineSize == 1) { // every resample is the one value: the interval is the difference itself
            QCOMPARE(together.first().low, b.first() - a.first());
            QCOMPARE(together.first().high, b.first() - a.first());
        }
    }

    void bootstrapMatchesBruteForce_data()
    {
        QTest::addColumn<double>("statistic");
        QTest::newRow("mean") << Bootstrap::kMean;
        QTest::newRow("p50") << 50.0;
        QTest::newRow("p90") << 90.0;
        QTest::newRow("p99") << 99.0;
    }
    void bootstrapMatchesBruteForce()
    {
        // The counted resample against a brute-force one (draw, sort, read) on the same data: independent draws, so
        // the intervals agree within the resampling noise, not bit for bit.
        QFETCH(double, statistic);
        QVector<double> a; // continuous, evenly spread values: no ties to hide a rank read one off
        QVector<double> b;
        for (int i = 0; i < 400; ++i) {
            a.append(50 + 10 * std::fmod(i * 0.6180339887, 1.0));
            b.append(53 + 10 * std::fmod(i * 0.4142135624, 1.0));
        }
        Bootstrap::Options o;
        o.resamples = 2000;
        const Bootstrap::Interval fast = Bootstrap::differenceIntervals(a, b, {statistic}, o).first();
        std::mt19937_64 rng(12345);
        QVector<double> diffs;
        QVector<double> ra(a.size());
        QVector<double> rb(b.size());
        for (int round = 0; round < o.resamples; ++round) {
            for (qsizetype i = 0; i < a.size(); ++i)
                ra[i] = a.at(qsizetype(rng() % quint64(a.size())));
            for (qsizetype i = 0; i < b.size(); ++i)
                rb[i] = b.at(qsizetype(rng() % quint64(b.size())));
            std::sort(ra.begin(), ra.end());
            std::sort(rb.begin(), rb.end());
            diffs.append(Bootstrap::statistic(rb, statistic) - Bootstrap::statistic(ra, statistic));
        }
        std::sort(diffs.begin(), diffs.end());
        const double low = diffs.at(50); // 2.5 % of 2,000
        const double high = diffs.at(1949);
        qInfo("counted [%g, %g], brute force [%g, %g]", fast.low, fast.high, low, high);
        const double tolerance = statistic == Bootstrap::kMean ? 0.05 : 0.25; // of intervals about 1 to 3 wide
        QVERIFY2(std::abs(fast.low - low) <= tolerance && std::abs(fast.high - high) <= tolerance,
            qPrintable(QStringLiteral("counted [%1, %2], brute force [%3, %4]")
                           .arg(fast.low)
                           .arg(fast.high)
                           .arg(low)
                           .arg(high)));
    }

    void bootstrapInterval_data()
    {
        QTest::addColumn<double>("shift");
        QTest::addColumn<double>("statistic");
        QTest::addColumn<bool>("containsZero");
        QTest::newRow("same distribution, mean") << 0.0 << Bootstrap::kMean << true;
        QTest::newRow("same distribution, p50") << 0.0 << 50.0 << true;
        QTest::newRow("shift 10, mean") << 10.0 << Bootstrap::kMean << false;
        QTest::newRow("shift 10, p50") << 10.0 << 50.0 << false;
        QTest::newRow("shift 10, p90") << 10.0 << 90.0 << false;
        QTest::newRow("shift -10, mean") << -10.0 << Bootstrap::kMean << false;
    }
    void bootstrapInterval()
    {
        QFETCH(double, shift);
        QFETCH(double, statistic);
        QFETCH(bool, containsZero);
        const QVector<double> baseline = series(200, 50, 0);
        const QVector<double> candidate = series(200, 50 + shift, 1); // another order of the same jitter
        const Bootstrap::Interval ci = Bootstrap::differenceIntervals(baseline, candidate, {statistic}).first();
        QVERIFY(ci.isValid());
        QCOMPARE(ci.contains(0.0), containsZero);
        QVERIFY2(ci.low - 1.0 <= shift && shift <= ci.high + 1.0,
            qPrintable(QStringLiteral("[%1, %2] vs %3").arg(ci.low).arg(ci.high).arg(shift)));
    }

    void bootstrapCapsTheSample()
    {
        // 100,000 values per side cost the same as maxSamples: the interval still finds the shift.
        QVector<double> a;
        QVector<double> b;
        for (int i = 0; i < 100000; ++i) {
            a.append(50 + i % 11);
            b.append(55 + (i * 7) % 11);
        }
        Bootstrap::Options o;
        o.resamples = 500;
        const Bootstrap::Interval ci = Bootstrap::differenceIntervals(a, b, {Bootstrap::kMean}, o).first();
        QVERIFY(ci.low > 4.0 && ci.high < 6.0);
    }

    void emptySideGivesNoInterval()
    {
        QVERIFY(!Bootstrap::differenceIntervals({}, {1, 2, 3}, {Bootstrap::kMean}).first().isValid());
    }

    void verdicts_data()
    {
        QTest::addColumn<int>("baseTtft");
        QTest::addColumn<int>("candTtft");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("reason");
        QTest::newRow("slower ttft is worse") << 50 << 60 << 60 << "avg_ttft_ms"
                                              << "worse"
                                              << "excludes 0";
        QTest::newRow("slower ttft p50 is worse") << 50 << 60 << 60 << "ttft_ms_p50"
                                                  << "worse"
                                                  << "excludes 0";
        QTest::newRow("faster ttft is better") << 60 << 50 << 60 << "avg_ttft_ms"
                                               << "better"
                                               << "excludes 0";
        QTest::newRow("latency follows") << 50 << 60 << 60 << "avg_latency_s"
                                         << "worse"
                                         << "excludes 0";
        QTest::newRow("same settings") << 50 << 50 << 60 << "avg_ttft_ms"
                                       << "inconclusive"
                                       << "contains 0";
        QTest::newRow("same settings p50") << 50 << 50 << 60 << "ttft_ms_p50"
                                           << "inconclusive"
                                           << "contains 0";
        QTest::newRow("too few requests") << 50 << 60 << 10 << "avg_ttft_ms"
                                          << "inconclusive"
                                          << "too few";
        QTest::newRow("p99 needs 500") << 50 << 60 << 60 << "ttft_ms_p99"
                                       << "inconclusive"
                                       << "500 needed";
        QTest::newRow("p90 needs 50") << 50 << 60 << 49 << "ttft_ms_p90"
                                      << "inconclusive"
                                      << "50 needed";
        QTest::newRow("throughput: one value") << 50 << 60 << 60 << "output_throughput_tok_s"
                                               << "n/a"
                                               << "one value per point";
        QTest::newRow("below minimum effect") << 500 << 502 << 200 << "avg_ttft_ms"
                                              << "inconclusive"
                                              << "minimum effect";
    }
    void verdicts()
    {
        QFETCH(int, baseTtft);
        QFETCH(int, candTtft);
        QFETCH(int, requests);
        QFETCH(QString, key);
        QFETCH(QString, verdict);
        QFETCH(QString, reason);
        const RunData a = run(QStringLiteral("a"), {4}, requests, baseTtft, 0);
        const RunData b = run(QStringLiteral("b"), {4}, requests, candTtft, 1);
        const RunComparison c = RunComparison::compare(a, b);
        QCOMPARE(c.points.size(), 1);
        const MetricComparison* m = row(c, 0, key);
        QVERIFY2(m, qPrintable(key));
        QCOMPARE(verdictName(m->verdict), verdict);
        QVERIFY2(m->reason.contains(reason), qPrintable(m->reason));
        if (baseTtft != candTtft && key.contains(QStringLiteral("ttft"))) {
            QCOMPARE(m->change, baseTtft < candTtft ? Change::Worse : Change::Better);
            QVERIFY(std::abs(m->delta - (candTtft - baseTtft)) <= 2.0 + 1e-9); // jitter 0..10, another order
        }
        // The same comparison again gives the same intervals.
        const RunComparison second = RunComparison::compare(a, b); // kept alive: row() points into it
        const MetricComparison* again = row(second, 0, key);
        QVERIFY(again);
        QCOMPARE(
            again->interval.low == m->interval.low || (!again->interval.isValid() && !m->interval.isValid()), true);
    }

    void pointsMatchByLoad()
    {
        const RunComparison c = RunComparison::compare(
            run(QStringLiteral("a"), {1, 4, 4}, 20, 50, 0), run(QStringLiteral("b"), {4, 8, 4}, 20, 50, 1));
        QCOMPARE(c.points.size(), 2);
        QCOMPARE(c.points.at(0).load, QStringLiteral("parallel 4"));
        QCOMPARE(c.points.at(0).baselineIndex, 1);
        QCOMPARE(c.points.at(0).candidateIndex, 0);
        QCOMPARE(c.points.at(1).load, QStringLiteral("parallel 4 #2")); // a repeated load matches in order
        QCOMPARE(c.points.at(1).candidateIndex, 2);
        QCOMPARE(c.unmatchedBaseline, QStringList{QStringLiteral("parallel 1")});
        QCOMPARE(c.unmatchedCandidate, QStringList{QStringLiteral("parallel 8")});
    }

    void chosenPointsCompareWhateverTheirLoads()
    {
        // Point 2 of a (parallel 4, 50 ms) against point 1 of b (parallel 8, 60 ms): no load in common.
        RunData a = run(QStringLiteral("a"), {1, 4}, 60, 50, 0);
        const RunData b = run(QStringLiteral("b"), {8, 16}, 60, 60, 1);
        QVERIFY(RunComparison::compare(a, b).points.isEmpty());
        const RunComparison c = RunComparison::comparePoints(a, 1, b, 0);
        QCOMPARE(c.points.size(), 1);
        QCOMPARE(c.points.at(0).load, QStringLiteral("parallel 4 vs parallel 8"));
        QCOMPARE(c.points.at(0).baselineIndex, 1);
        QCOMPARE(c.points.at(0).candidateIndex, 0);
        QVERIFY(c.unmatchedBaseline.isEmpty() && c.unmatchedCandidate.isEmpty());
        const MetricComparison* ttft = row(c, 0, QStringLiteral("avg_ttft_ms"));
        QVERIFY(ttft);
        QCOMPARE(verdictName(ttft->verdict), QStringLiteral("worse"));
        QCOMPARE(ttft->baselineSamples, qint64(60));
        // The same load on both sides reads as that load; the same point of one run against itself is inconclusive.
        const RunComparison same = RunComparison::comparePoints(a, 1, a, 1);
        QCOMPARE(same.points.at(0).load, QStringLiteral("parallel 4"));
        QCOMPARE(verdictName(row(same, 0, QStringLiteral("avg_ttft_ms"))->verdict), QStringLiteral("inconclusive"));
        // Out of range: nothing compared, and no crash.
        QVERIFY(RunComparison::comparePoints(a, 2, b, 0).points.isEmpty());
        QVERIFY(RunComparison::comparePoints(a, 0, b, -1).points.isEmpty());
    }

    void findPoint_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("error");
        QTest::newRow("number") << "2" << 1 << "";
        QTest::newRow("first number") << "1" << 0 << "";
        QTest::newRow("parallel") << "parallel=4" << 1 << "";
        QTest::newRow("repeated load: its first") << "parallel=16" << 2 << "";
        QTest::newRow("number 0") << "0" << -1 << "has no point 0";
        QTest::newRow("number past the end") << "5" << -1 << "has no point 5 (it has 4)";
        QTest::newRow("missing load") << "parallel=8" << -1 << "parallel 1, parallel 4, parallel 16, parallel 16 #2";
        QTest::newRow("rate in closed loop") << "rate=2" << -1 << "has no point of rate=2";
        QTest::newRow("unknown word") << "threads=4" << -1 << "parallel=N or rate=R";
        QTest::newRow("not a number") << "parallel=x" << -1 << "parallel=N or rate=R";
        QTest::newRow("empty") << "" << -1 << "parallel=N or rate=R";
    }
    void findPoint()
    {
        QFETCH(QString, spec);
        QFETCH(int, index);
        QFETCH(QString, error);
        const RunData r = run(QStringLiteral("r"), {1, 4, 16, 16}, 5, 50, 0);
        QString message;
        QCOMPARE(RunComparison::findPoint(r, spec, &message), index);
        QVERIFY2(error.isEmpty() ? message.isEmpty() : message.contains(error), qPrintable(message));
    }

    void findPointByRate()
    {
        RunData r = run(QStringLiteral("r"), {1, 1}, 5, 50, 0);
        r.points[0].point.rate = 2.5;
        r.points[1].point.rate = 10;
        QString message;
        QCOMPARE(RunComparison::findPoint(r, QStringLiteral("rate=10"), &message), 1);
        QCOMPARE(RunComparison::findPoint(r, QStringLiteral("rate=2.5"), &message), 0);
        QCOMPARE(RunComparison::findPoint(r, QStringLiteral("parallel=1"), &message), -1); // open-loop points
    }

    void htmlReportIsSelfContained()
    {
        RunData a = run(QStringLiteral("base-run"), {1, 4}, 60, 50, 0);
        RunData b = run(QStringLiteral("cand-run"), {4, 16}, 60, 60, 1);
        a.name = QStringLiteral("fast <a>");
        const RunComparison c = RunComparison::compare(a, b);
        const QString html = QString::fromUtf8(ComparisonReport::render(c, a, b));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("fast &lt;a&gt; (baseline)"))); // escaped, named in the legends
        QVERIFY(html.contains(QStringLiteral("cand-run (candidate)")));
        // Self-contained: no script, no link, no external address.
        for (const char* banned : {"<script", "src=", "href=", "@import", "url(", "http://", "https://"})
            QVERIFY2(!html.contains(QLatin1String(banned)), banned);
        // Four overlaid sweep charts over every load either run tested (1, 4, 16), two series each.
        QCOMPARE(html.count(QStringLiteral("<svg")), 4);
        QVERIFY(html.contains(QStringLiteral(">16<")));
        // The matched point's table: TTFT 10 ms slower is worse, coloured, with the reason as a tooltip.
        QVERIFY(html.contains(QStringLiteral("Point parallel 4 (baseline point 2, candidate point 1)")));
        const QRegularExpression worse(QStringLiteral(
            "<td class=\"l\">avg_ttft_ms</td>.*<td class=\"l worse\" title=\"[^\"]*excludes 0\">worse</td>"));
        QVERIFY(html.contains(worse));
        QVERIFY(html.contains(QStringLiteral("only in the baseline: parallel 1")));
        QVERIFY(html.contains(QStringLiteral("only in the candidate: parallel 16")));
        // Rows limited to the keys asked for.
        const QString one = QString::fromUtf8(ComparisonReport::render(c, a, b, {QStringLiteral("avg_ttft_ms")}));
        QCOMPARE(one.count(QStringLiteral("<td class=\"l\">avg_ttft_ms</td>")), 1);
        QVERIFY(!one.contains(QStringLiteral("<td class=\"l\">ttft_ms_p50</td>")));
    }

    void workloadDifferencesWarn_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<bool>("warns");
        QTest::newRow("max tokens") << "--max-tokens" << true;
        QTest::newRow("stream") << "--stream" << true;
        QTest::newRow("dataset") << "--dataset" << true;
        QTest::newRow("api") << "--api" << true;
        QTest::newRow("model: what is compared") << "--model" << false;
        QTest::newRow("parallel: matched by point") << "--parallel" << false;
    }
    void workloadDifferencesWarn()
    {
        QFETCH(QString, flag);
        QFETCH(bool, warns);
        RunConfig base;
        base.model = QStringLiteral("m");
        RunConfig other = base;
        if (flag == u"--max-tokens")
            other.maxTokens = 77;
        else if (flag == u"--stream")
            other.stream = !base.stream;
        else if (flag == u"--dataset")
            other.dataset = QStringLiteral("random");
        else if (flag == u"--api")
            other.api = QStringLiteral("openai_completions");
        else if (flag == u"--model")
            other.model = QStringLiteral("other");
        else
            other.parallel = {8};
        const RunComparison c = RunComparison::compare(
            run(QStringLiteral("a"), {4}, 20, 50, 0, base), run(QStringLiteral("b"), {4}, 20, 50, 1, other));
        QStringList differing;
        for (const ParameterRegistry::Difference& d : c.configDiff)
            differing.append(d.parameter->flag());
        QVERIFY2(differing.contains(flag), qPrintable(differing.join(u' ')));
        QCOMPARE(c.notComparable.size(), warns ? 1 : 0);
        if (warns)
            QVERIFY2(c.notComparable.first().contains(flag), qPrintable(c.notComparable.first()));
    }

    void missingConfigWarns()
    {
        RunData b = run(QStringLiteral("b"), {4}, 20, 50, 1);
        b.configJson.clear();
        const RunComparison c = RunComparison::compare(run(QStringLiteral("a"), {4}, 20, 50, 0), b);
        QCOMPARE(c.notComparable.size(), 1);
        QVERIFY(c.notComparable.first().contains(QStringLiteral("no configuration")));
    }

    void everyCatalogueMetricHasARow()
    {
        const QStringList keys = RunComparison::metricKeys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size()); // unique
        for (const QString& k : RunComparison::defaultGateKeys())
            QVERIFY2(keys.contains(k), qPrintable(k));
        for (const MetricDef& m : MetricCatalogue::all()) {
            if (m.format == MetricFormat::Text)
                continue;
            // The row keys are slugs of the catalogue key ("KV Cache Hit Rate (%)" -> kv_cache_...).
            QString prefix = m.keyString().toLower().left(3);
            for (QChar& ch : prefix)
                if (!ch.isLetterOrNumber())
                    ch = u'_';
            const bool found
                = std::any_of(keys.cbegin(), keys.cend(), [&prefix](const QString& k) { return k.startsWith(prefix); });
            QVERIFY2(found, m.key);
        }
        const RunComparison c = RunComparison::compare(
            run(QStringLiteral("a"), {4}, 30, 50, 0), run(QStringLiteral("b"), {4}, 30, 60, 1));
        QCOMPARE(c.points.first().metrics.size(), keys.size());
    }

    void machineReadableForms()
    {
        const RunComparison c = RunComparison::compare(
            run(QStringLiteral("a"), {4}, 60, 50, 0), run(QStringLiteral("b"), {4}, 60, 60, 1));
        const nlohmann::json j = nlohmann::json::parse(c.toJson().toStdString());
        QCOMPARE(str(j["baseline"]["id"]), QStringLiteral("a"));
        QCOMPARE(str(j["candidate"]["id"]), QStringLiteral("b"));
        QCOMPARE(j["confidence"].get<double>(), 0.95);
        QCOMPARE(j["points"].size(), size_t(1));
        QCOMPARE(str(j["points"][0]["load"]), QStringLiteral("parallel 4"));
        QCOMPARE(j["points"][0]["metrics"].size(), size_t(RunComparison::metricKeys().size()));
        const nlohmann::json only = nlohmann::json::parse(c.toJson({QStringLiteral("avg_ttft_ms")}).toStdString());
        QCOMPARE(only["points"][0]["metrics"].size(), size_t(1));
        const nlohmann::json& m = only["points"][0]["metrics"][0];
        QCOMPARE(str(m["verdict"]), QStringLiteral("worse"));
        QCOMPARE(str(m["direction"]), QStringLiteral("lower is better"));
        QVERIFY(m["ci_low"].get<double>() > 0);
        QCOMPARE(m["baseline_samples"].get<int>(), 60);

        const QStringList lines
            = QString::fromUtf8(c.toCsv({QStringLiteral("avg_ttft_ms"), QStringLiteral("output_throughput_tok_s")}))
                  .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.first().startsWith(QStringLiteral("load,key,name,unit,direction,baseline,candidate")));
        // The catalogue's order: output throughput comes before average TTFT.
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("parallel 4,avg_ttft_ms,Average TTFT,ms,lower is better,")),
            qPrintable(lines.at(2)));
        QVERIFY(lines.at(2).contains(QStringLiteral(",worse,")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("parallel 4,output_throughput_tok_s,")));
        QVERIFY(lines.at(1).contains(QStringLiteral(",n/a,")));
        QCOMPARE(c.regressions({QStringLiteral("avg_ttft_ms")}).size(), 1);
        QCOMPARE(c.regressions({QStringLiteral("output_throughput_tok_s")}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
