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
        pts[count / 3].setY(5000); // one spike
        pts[2 * count / 3].setY(-5000); // one dip
        const QList<QPointF> out = MinMaxDecimator::decimate(pts, columns);
        QVERIFY(out.size() <= 2 * columns);
        QVERIFY(out.size() >= columns); // every column keeps something
        const auto [minIt, maxIt] = std::minmax_element(
            out.cbegin(), out.cend(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
        QCOMPARE(maxIt->y(), 5000.0); // peaks survive
        QCOMPARE(minIt->y(), -5000.0);
        QVERIFY(
            std::is_sorted(out.cbegin(), out.cend(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
        QCOMPARE(out.first().x(), 0.0);
    }

    void scatterCells_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        QTest::newRow("few points: unchanged") << 500 << 100 << 50;
        QTest::newRow("50,000 in 240x120 cells") << 50000 << 240 << 120;
        QTest::newRow("200,000 in 100x50 cells") << 200000 << 100 << 50;
    }
    void scatterCells()
    {
        QFETCH(int, points);
        QFETCH(int, columns);
        QFETCH(int, rows);
        // A dense cloud of latencies around 100 ms with two outliers far above and to the right.
        QList<QPointF> in;
        for (int i = 0; i < points; ++i)
            in.append(QPointF(100 + (qint64(i) * 7919) % 400, 100.0 + ((qint64(i) * 104729) % 1000) / 100.0));
        in.append(QPointF(120, 5000));
        in.append(QPointF(9000, 100));
        const QList<QPointF> out = MinMaxDecimator::cells(in, columns, rows);
        if (in.size() <= columns * rows / 4) {
            QCOMPARE(out, in);
            return;
        }
        QVERIFY(out.size() <= columns * rows);
        QVERIFY(out.size() < in.size() / 4);
        QVERIFY(out.contains(QPointF(120, 5000))); // outliers keep their cells
        QVERIFY(out.contains(QPointF(9000, 100)));
        for (qsizetype i = 0; i < std::min<qsizetype>(20, out.size()); ++i)
            QVERIFY(in.contains(out.at(i))); // points of the input, not averages
    }
};

QTEST_GUILESS_MAIN(TestMinMaxDecimator)
#include "tst_minmaxdecimator.moc"
