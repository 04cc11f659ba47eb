#include "charts/minmaxdecimator.h"

#include <QTest>

#include <algorithm>

using tl::MinMaxDecimator;

class TestMinMaxDecimator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortSeriesUnchanged()
    {
        const QList<QPointF> pts{{0, 1}, {1, 5}, {2, 3}};
        QCOMPARE(MinMaxDecimator::decimate(pts, 10), pts);
    }

    void boundsAndPeaks_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("columns");
        QTest::newRow("10k into 100 columns") << 10000 << 100;
        QTest::newRow("50k into 640 columns") << 50000 << 640;
        QTest::newRow("just above the limit") << 201 << 100;
    }
    void boundsAndPeaks()
    {
        QFETCH(int, count);
        QFETCH(int, columns);
        QList<QPointF> pts;
        for (int i = 0; i < count; ++i)
            pts.append(QPointF(i, (i * 7919) % 1000)); // jagged values in [0, 1000)
        pts[count / 3].setY(5000);                     // one spike
        pts[2 * count / 3].setY(-5000);                // one dip
        const QList<QPointF> out = MinMaxDecimator::decimate(pts, columns);
        QVERIFY(out.size() <= 2 * columns);
        QVERIFY(out.size() >= columns); // every column keeps something
        const auto [minIt, maxIt] = std::minmax_element(out.cbegin(), out.cend(),
                                                        [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
        QCOMPARE(maxIt->y(), 5000.0); // peaks survive
        QCOMPARE(minIt->y(), -5000.0);
        QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                               [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
        QCOMPARE(out.first().x(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMinMaxDecimator)
#include "tst_minmaxdecimator.moc"
