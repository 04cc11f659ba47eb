// The metric catalogue declares every metric once: each entry is complete, every key the JSON writers emit is in it
// (and every entry of a file is emitted), each accessor reads the field its key names, and docs/METRICS.md holds
// the catalogue as it is.
#include "core/testrecords.h"
#include "metrics/extendedmetrics.h"
#include "metrics/metriccatalogue.h"
#include "metrics/pointaccumulator.h"
#include "metrics/summary.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace tl;
using namespace tl::testrecords;

namespace {

QSet<QString> objectKeys(const nlohmann::ordered_json& j)
{
    QSet<QString> keys;
    for (const auto& [key, value] : j.items())
        keys.insert(QString::fromStdString(key));
    return keys;
}

QSet<QString> catalogueKeys(MetricTable table)
{
    const QStringList keys = MetricCatalogue::columns(table);
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// A point with a few successes and one failure, so every metric has a value.
PointResult samplePoint()
{
    PointAccumulator acc(RunConfig::ApiKind::Chat, RunPoint{2, 4, -1});
    QList<RequestRecord> records;
    for (int i = 0; i < 3; ++i)
        records.append(streamed(i, i * 10, 100 + 5 * i, 20, 8));
    RequestRecord failed;
    failed.seq = 3;
    failed.sentNs = 5 * kMs;
    failed.endNs = 9 * kMs;
    failed.errorClass = ErrorClass::HttpStatus;
    failed.errorMessage = QStringLiteral("HTTP 500: boom");
    records.append(failed);
    acc.add(records);
    PointResult r;
    r.point = RunPoint{2, 4, -1};
    r.summary = acc.summary();
    r.percentiles = acc.percentiles();
    r.extended = acc.extended();
    return r;
}

} // namespace

class TestMetricCatalogue final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEntryIsComplete()
    {
        const QList<MetricDef>& all = MetricCatalogue::all();
        QVERIFY(all.size() > 50);
        QSet<QString> seen;
        for (qsizetype i = 0; i < all.size(); ++i) {
            const MetricDef& m = all.at(i);
            const QString what = m.keyString();
            QCOMPARE(int(m.id), int(i));
            QVERIFY2(!what.isEmpty(), "a key");
            QVERIFY2(!m.nameString().isEmpty(), qPrintable(what));
            QVERIFY2(m.definitionString().size() > 20, qPrintable(what + u": a definition"));
            QVERIFY2(m.format == MetricFormat::Text || !m.unitString().isEmpty(), qPrintable(what + u": a unit"));
            QVERIFY2(m.decimals >= 0 && m.decimals <= 4, qPrintable(what));
            const bool scalar = m.table == MetricTable::Summary || m.table == MetricTable::Extended;
            QVERIFY2(scalar == (m.field != nullptr) || m.format == MetricFormat::Text,
                qPrintable(what + u": scalars have an accessor, columns read their table"));
            const QString unique = QString::number(int(m.table)) + u'/' + what;
            QVERIFY2(!seen.contains(unique), qPrintable(what + u": declared twice"));
            seen.insert(unique);
            QCOMPARE(MetricCatalogue::find(m.table, what), &m);
        }
        QCOMPARE(MetricCatalogue::find(MetricTable::Summary, u"no such metric"), nullptr);
    }

    void summaryJsonKeysAreTheCatalogue()
    {
        PointResult r = samplePoint();
        // The keys EvalScope writes only when computed: present here (they are left out when NaN).
        r.summary.kvCacheHitRatePct = 12.5;
        r.summary.avgDecodedTokPerIter = 2.5;
        r.summary.specAcceptRate = 0.6;
        const QByteArray text = summaryToJson(r.summary);
        const auto j = nlohmann::ordered_json::parse(text.toStdString());
        QCOMPARE(objectKeys(j), catalogueKeys(MetricTable::Summary));
        // Each accessor reads the field its key names: the file's value is the accessor's, rounded as declared.
        for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Summary)) {
            const double written = j[m->key].get<double>();
            // EvalScope writes 0.0 for the other API family's keys (an LLM run here: input throughput).
            const bool applies = m->family != MetricFamily::Embedding;
            const double v = applies ? MetricCatalogue::value(*m, r) : 0.0;
            const double expected = m->format == MetricFormat::Decimal
                ? std::round(v * std::pow(10, m->fileDecimals)) / std::pow(10, m->fileDecimals)
                : v;
            QVERIFY2(std::abs(written - expected) < 1e-9, qPrintable(m->keyString()));
        }
    }

    void percentileColumnsAreTheCatalogue()
    {
        const PointResult r = samplePoint();
        // An LLM run's table: every column but the embedding/rerank one (Input (tok/s)), in the catalogue's order.
        QStringList llmColumns;
        for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Percentiles)) {
            if (m->family != MetricFamily::Embedding)
                llmColumns.append(m->keyString());
        }
        QCOMPARE(r.percentiles.metrics, llmColumns);
        QCOMPARE(r.extended.percentiles.metrics, MetricCatalogue::columns(MetricTable::ExtendedPercentiles));
        const auto rows = nlohmann::ordered_json::parse(percentilesToJson(r.percentiles).toStdString());
        QSet<QString> keys = objectKeys(rows.front());
        QVERIFY(keys.remove(QString::fromUtf8(MetricCatalogue::kPercentileLabelKey)));
        QSet<QString> expected = catalogueKeys(MetricTable::Percentiles);
        expected.remove(QStringLiteral("Input (tok/s)"));
        QCOMPARE(keys, expected);
        const double p50 = MetricCatalogue::value(MetricCatalogue::get(MetricId::Ttft), r, QStringLiteral("50%"));
        QCOMPARE(p50, r.percentiles.value(QStringLiteral("TTFT (ms)"), QStringLiteral("50%")));
    }

    void extendedJsonKeysAreTheCatalogue()
    {
        const PointResult r = samplePoint();
        const auto j = nlohmann::ordered_json::parse(extendedMetricsToJson(r.extended).toStdString());
        QSet<QString> keys = objectKeys(j);
        QVERIFY(keys.remove(QString::fromUtf8(MetricCatalogue::kExtendedPercentilesKey)));
        QCOMPARE(keys, catalogueKeys(MetricTable::Extended));
        QSet<QString> columns = objectKeys(j[MetricCatalogue::kExtendedPercentilesKey].front());
        QVERIFY(columns.remove(QString::fromUtf8(MetricCatalogue::kPercentileLabelKey)));
        QCOMPARE(columns, catalogueKeys(MetricTable::ExtendedPercentiles));
        for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Extended)) {
            if (m->format == MetricFormat::Text)
                continue;
            const auto& written = j[m->key];
            const double v = MetricCatalogue::value(*m, r);
            if (!std::isfinite(v)) {
                QVERIFY2(written.is_null(), qPrintable(m->keyString()));
                continue;
            }
            const double scale = std::pow(10, m->fileDecimals);
            const double expected = m->format == MetricFormat::Decimal ? std::round(v * scale) / scale : v;
            QVERIFY2(std::abs(written.get<double>() - expected) < 1e-9, qPrintable(m->keyString()));
        }
    }

    void metricsDocHoldsTheCatalogue()
    {
        QFile doc(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/METRICS.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const QString begin = QStringLiteral("<!-- metric catalogue: generated, begin -->\n");
        const QString end = QStringLiteral("<!-- metric catalogue: generated, end -->");
        const qsizetype from = text.indexOf(begin);
        const qsizetype to = text.indexOf(end);
        QVERIFY2(from >= 0 && to > from, "docs/METRICS.md lacks the generated catalogue section");
        const QString section = text.mid(from + begin.size(), to - from - begin.size());
        const QString expected = MetricCatalogue::markdown();
        if (section != expected) {
            QFile fresh(QStringLiteral("METRICS-catalogue.md"));
            if (fresh.open(QIODevice::WriteOnly))
                fresh.write(expected.toUtf8());
            QFAIL("docs/METRICS.md is stale: put the text of METRICS-catalogue.md (written in the test's working "
                  "directory) between its catalogue markers");
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricCatalogue)
#include "tst_metriccatalogue.moc"
