#include "engine/dispatcher.h"

#include <QTest>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <set>

using tl::Dispatcher;

class TestDispatcher final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unpacedHandsOutEveryIndexOnce()
    {
        Dispatcher d(5, -1, 1000, 1);
        for (qint64 i = 0; i < 5; ++i) {
            const auto c = d.claim();
            QVERIFY(c);
            QCOMPARE(c->seq, i);
            QCOMPARE(c->scheduledNs, 0); // as soon as a slot is free
        }
        QVERIFY(!d.claim());
        QCOMPARE(d.claimed(), 5);
    }

    // EvalScope's schedule: Poisson gaps, rescaled so the last arrival is exactly number/rate after the anchor.
    void poissonScheduleIsRescaled_data()
    {
        QTest::addColumn<int>("number");
        QTest::addColumn<double>("rate");
        QTest::newRow("100 at 10/s") << 100 << 10.0;
        QTest::newRow("1000 at 250/s") << 1000 << 250.0;
        QTest::newRow("1 at 2/s") << 1 << 2.0;
    }
    void poissonScheduleIsRescaled()
    {
        QFETCH(int, number);
        QFETCH(double, rate);
        const qint64 anchor = 5'000'000'000;
        Dispatcher d(number, rate, anchor, 42);
        QVector<qint64> times;
        while (const auto c = d.claim())
            times.append(c->scheduledNs);
        QCOMPARE(times.size(), number);
        QVERIFY(std::is_sorted(times.cbegin(), times.cend()));
        QVERIFY(times.first() > anchor);
        const double lastS = double(times.last() - anchor) / 1e9;
        QVERIFY2(std::abs(lastS - number / rate) < 1e-6, qPrintable(QString::number(lastS)));
    }

    // Coefficient of variation of the gaps: 1 for exponential, 1/sqrt(shape) for gamma, 0 for constant.
    void arrivalDistributions_data()
    {
        QTest::addColumn<int>("arrival");
        QTest::addColumn<double>("burstiness");
        QTest::addColumn<double>("cv");
        QTest::newRow("poisson") << int(Dispatcher::Arrival::Poisson) << 1.0 << 1.0;
        QTest::newRow("gamma bursty") << int(Dispatcher::Arrival::Gamma) << 0.25 << 2.0;
        QTest::newRow("gamma smooth") << int(Dispatcher::Arrival::Gamma) << 4.0 << 0.5;
        QTest::newRow("constant") << int(Dispatcher::Arrival::Constant) << 1.0 << 0.0;
    }
    void arrivalDistributions()
    {
        QFETCH(int, arrival);
        QFETCH(double, burstiness);
        QFETCH(double, cv);
        const int n = 20000;
        Dispatcher d(n, 100.0, 0, 11, Dispatcher::Arrival(arrival), burstiness);
        QVector<double> gaps;
        qint64 previous = 0;
        while (const auto c = d.claim()) {
            gaps.append(double(c->scheduledNs - previous));
            previous = c->scheduledNs;
        }
        double mean = 0;
        for (double g : gaps)
            mean += g;
        mean /= gaps.size();
        double var = 0;
        for (double g : gaps)
            var += (g - mean) * (g - mean);
        const double measured = std::sqrt(var / gaps.size()) / mean;
        QVERIFY2(std::abs(measured - cv) < 0.1 * std::max(cv, 0.1), qPrintable(QString::number(measured)));
        QVERIFY(std::abs(double(previous) / 1e9 - n / 100.0) < 1e-6); // always lasts number/rate
    }

    void seedMakesTheScheduleRepeatable()
    {
        Dispatcher a(50, 5, 0, 7);
        Dispatcher b(50, 5, 0, 7);
        Dispatcher c(50, 5, 0, 8);
        bool differs = false;
        for (int i = 0; i < 50; ++i) {
            const auto x = a.claim();
            const auto y = b.claim();
            const auto z = c.claim();
            QCOMPARE(x->scheduledNs, y->scheduledNs);
            differs = differs || x->scheduledNs != z->scheduledNs;
        }
        QVERIFY(differs);
    }

    void stopEndsClaims()
    {
        Dispatcher d(10, -1, 0, 1);
        QVERIFY(d.claim());
        d.requestStop();
        QVERIFY(d.stopped());
        QVERIFY(!d.claim());
        QCOMPARE(d.claimed(), 1);
    }

    void concurrentClaimsAreUnique()
    {
        Dispatcher d(20000, -1, 0, 1);
        auto claimAll = [&d] {
            QVector<qint64> mine;
            while (const auto c = d.claim())
                mine.append(c->seq);
            return mine;
        };
        QFuture<QVector<qint64>> f1 = QtConcurrent::run(claimAll);
        QFuture<QVector<qint64>> f2 = QtConcurrent::run(claimAll);
        const QVector<qint64> all = f1.result() + f2.result();
        QCOMPARE(all.size(), 20000);
        const std::set<qint64> unique(all.cbegin(), all.cend());
        QCOMPARE(qsizetype(unique.size()), qsizetype(20000));
    }
};

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
