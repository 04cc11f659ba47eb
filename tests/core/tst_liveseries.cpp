#include "metrics/liveseries.h"

#include <QTest>

#include <cmath>

using namespace tl;

namespace {

constexpr qint64 kS = 1'000'000'000;

RequestRecord done(qint64 sentNs, qint64 ttftMs, bool success = true, bool warmup = false)
{
    RequestRecord r;
    r.success = success;
    r.warmup = warmup;
    r.sentNs = sentNs;
    r.eventNs = {sentNs + ttftMs * 1'000'000};
    r.eventFlags = {EventHasChoices | EventHasContent};
    r.endNs = r.eventNs.first();
    return r;
}

} // namespace

class TestLiveSeries final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ratesOverTheLastSecond()
    {
        LiveSeries s(0, 1.0);
        s.addBatch(WorkerBatch{0, {}, kS / 2, 100, 3});
        s.addBatch(WorkerBatch{1, {done(0, 80), done(0, 120)}, kS, 50, 2});
        const LivePoint p = s.sample(kS);
        QCOMPARE(p.tS, 1.0);
        QCOMPARE(p.outputTokPerS, 150.0);
        QCOMPARE(p.ttftMs, 100.0);
        QCOMPARE(p.inFlight, 5); // per worker, summed
        QCOMPARE(p.completed, 2);

        // Two seconds later the window holds nothing: rate 0, no TTFT sample.
        const LivePoint later = s.sample(3 * kS);
        QCOMPARE(later.outputTokPerS, 0.0);
        QVERIFY(std::isnan(later.ttftMs));
        QCOMPARE(s.points().size(), 2);
    }

    void warmupAndFailuresAreCountedApart()
    {
        LiveSeries s(0, 1.0);
        s.addBatch(WorkerBatch{0, {done(0, 50, false), done(0, 60, true, true), done(0, 70)}, kS / 2, 0, 0});
        const LivePoint p = s.sample(kS / 2);
        QCOMPARE(p.completed, 1);
        QCOMPARE(p.failed, 1);
        QCOMPARE(p.ttftMs, 70.0);
        QCOMPARE(p.outputTokPerS, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLiveSeries)
#include "tst_liveseries.moc"
