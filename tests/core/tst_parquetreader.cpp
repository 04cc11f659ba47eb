// ParquetReader on files written by two independent writers (tests/data/parquet/make_fixtures.mjs: hyparquet-writer
// and @dsnp/parquetjs): every value read back equals what the writer was given (NAME.expected.json), across data
// pages v1 and v2, dictionary and plain encodings, nulls, structs, LISTs and repeated groups, and the codecs
// UNCOMPRESSED, SNAPPY, GZIP and ZSTD; column selection; the snappy decoder; and malformed files (cut short, bytes
// flipped anywhere, lying sizes) refused with one line naming the file, never a crash.

#include "dataset/parquetcodec.h"
#include "dataset/parquetreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace tl;
using nlohmann::json;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Byte arrays as the generator writes them: {"$binary": base64}.
json comparable(const json& v)
{
    if (v.is_binary()) {
        const auto& b = v.get_binary();
        const QByteArray bytes(reinterpret_cast<const char*>(b.data()), qsizetype(b.size()));
        return json{{"$binary", bytes.toBase64().toStdString()}};
    }
    if (v.is_array()) {
        json out = json::array();
        for (const json& e : v)
            out.push_back(comparable(e));
        return out;
    }
    if (v.is_object()) {
        json out = json::object();
        for (const auto& [key, value] : v.items())
            out[key] = comparable(value);
        return out;
    }
    return v;
}

// Every row of `reader`, or the error.
std::vector<json> readAll(ParquetReader& reader, QString* error)
{
    std::vector<json> rows;
    while (std::optional<json> row = reader.next(error))
        rows.push_back(comparable(*row));
    return rows;
}

const QStringList kFixtures = {
    QStringLiteral("scalars_v2_uncompressed"),
    QStringLiteral("scalars_v2_snappy"),
    QStringLiteral("scalars_v2_gzip"),
    QStringLiteral("scalars_v2_zstd"),
    QStringLiteral("nested_v2_snappy"),
    QStringLiteral("nested_v2_zstd"),
    QStringLiteral("records_v1_uncompressed"),
    QStringLiteral("records_v1_snappy"),
    QStringLiteral("records_v1_gzip"),
    QStringLiteral("records_v2_snappy"),
    QStringLiteral("swe_smith_trajectories"),
    QStringLiteral("swe_smith_trajectories_list"),
    QStringLiteral("kontext_bench"),
};

} // namespace

class TestParquetReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsBackWhatTheWriterWrote_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : kFixtures)
            QTest::newRow(qPrintable(name)) << name;
    }
    void readsBackWhatTheWriterWrote()
    {
        QFETCH(QString, name);
        const QString path = QFINDTESTDATA(QStringLiteral("data/parquet/%1.parquet").arg(name));
        const QByteArray expectedText
            = readFile(QFINDTESTDATA(QStringLiteral("data/parquet/%1.expected.json").arg(name)));
        QVERIFY(!path.isEmpty() && !expectedText.isEmpty());
        if (name.contains(u"zstd") && !parquetcodec::hasZstd())
            QSKIP("built without libzstd");
        const json expected = json::parse(expectedText.cbegin(), expectedText.cend());
        ParquetReader reader;
        QString error;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QCOMPARE(reader.rowCount(), qint64(expected.size()));
        QVERIFY(reader.rowGroupCount() >= 2); // every fixture spans row groups
        QStringList keys;
        for (const auto& [key, value] : expected.front().items())
            keys.append(QString::fromStdString(key));
        keys.sort();
        QStringList columns = reader.columns();
        columns.sort();
        QCOMPARE(columns, keys);
        const std::vector<json> rows = readAll(reader, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), expected.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            QVERIFY2(rows[i] == expected[i],
                qPrintable(
                    QStringLiteral("row %1: read %2, written %3")
                        .arg(i)
                        .arg(QString::fromStdString(rows[i].dump()), QString::fromStdString(expected[i].dump()))));
        }
    }

    // Only the selected columns are read (the others' chunks are not even touched).
    void selectsColumns()
    {
        ParquetReader reader;
        QString error;
        QVERIFY2(reader.open(QFINDTESTDATA("data/parquet/nested_v2_snappy.parquet"), &error), qPrintable(error));
        reader.select({QStringLiteral("tags")});
        const std::vector<json> rows = readAll(reader, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(rows[0].dump(), std::string(R"({"tags":["x","y"]})"));
        QCOMPARE(rows[3].dump(), std::string(R"({"tags":null})"));

        // Row groups one at a time.
        std::vector<json> group;
        QVERIFY2(reader.readRowGroup(1, &group, &error), qPrintable(error));
        QCOMPARE(group.size(), size_t(1));
        QVERIFY(!reader.readRowGroup(2, &group, &error));
        QVERIFY2(error.contains(u"no row group 2"), qPrintable(error));
    }

    void snappy_data()
    {
        QTest::addColumn<QByteArray>("compressed");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QByteArray>("expected"); // empty: refused
        // Hex with spaces between the parts (fromHex skips them). Length 9; literal "abc"; copy (1-byte offset form) of
        // 6 bytes from 3 back: overlapping.
        QTest::newRow("literal and overlapping copy")
            << QByteArray::fromHex("09 08616263 0903") << qint64(9) << QByteArray("abcabcabc");
        QTest::newRow("2-byte offset copy")
            << QByteArray::fromHex("06 08616263 0a0300") << qint64(6) << QByteArray("abcabc");
        QTest::newRow("copy before the start") << QByteArray::fromHex("09 08616263 0904") << qint64(9) << QByteArray();
        QTest::newRow("zero offset") << QByteArray::fromHex("09 08616263 0900") << qint64(9) << QByteArray();
        QTest::newRow("longer than said") << QByteArray::fromHex("02 08616263") << qint64(2) << QByteArray();
        QTest::newRow("shorter than said") << QByteArray::fromHex("05 08616263") << qint64(5) << QByteArray();
        QTest::newRow("length disagrees with page") << QByteArray::fromHex("03 08616263") << qint64(4) << QByteArray();
        QTest::newRow("literal cut short") << QByteArray::fromHex("03 0861") << qint64(3) << QByteArray();
        QTest::newRow("huge length") << QByteArray::fromHex("ffffffff0f") << qint64(3) << QByteArray();
        QTest::newRow("empty") << QByteArray() << qint64(0) << QByteArray();
    }
    void snappy()
    {
        QFETCH(QByteArray, compressed);
        QFETCH(qint64, size);
        QFETCH(QByteArray, expected);
        QByteArray out;
        QString error;
        const bool ok = parquetcodec::snappyDecompress(compressed, size, &out, &error);
        QCOMPARE(ok, !expected.isEmpty());
        if (ok)
            QCOMPARE(out, expected);
        else
            QVERIFY(!error.isEmpty());
    }

    void refusesMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        const QByteArray good = readFile(QFINDTESTDATA("data/parquet/scalars_v2_snappy.parquet"));
        QVERIFY(!good.isEmpty());
        QTest::newRow("empty") << QByteArray() << QStringLiteral("0 bytes long");
        QTest::newRow("text") << QByteArray("name,value\nx,1\n") << QStringLiteral("does not start with PAR1");
        QTest::newRow("cut short") << good.left(good.size() - 1) << QStringLiteral("does not end with PAR1");
        QTest::newRow("cut in half") << good.left(good.size() / 2) << QStringLiteral("does not end with PAR1");
        QByteArray longFooter = good;
        qToLittleEndian<quint32>(quint32(good.size()), longFooter.data() + good.size() - 8);
        QTest::newRow("footer longer than the file") << longFooter << QStringLiteral("footer says");
        QByteArray shortFooter = good;
        qToLittleEndian<quint32>(7, shortFooter.data() + good.size() - 8);
        QTest::newRow("footer too short") << shortFooter << QStringLiteral("footer");
        QByteArray encrypted = good;
        encrypted.replace(good.size() - 4, 4, "PARE");
        QTest::newRow("encrypted") << encrypted << QStringLiteral("encrypted");
        // The first page's bytes zeroed: the page header or its data is refused when the row group is read.
        QByteArray pages = good;
        for (qsizetype i = 4; i < 40; ++i)
            pages[i] = '\xff';
        QTest::newRow("pages overwritten") << pages << QStringLiteral("row group 0");
    }
    void refusesMalformedFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        ParquetReader reader;
        QString error;
        const QString name = QStringLiteral("/data/broken.parquet");
        if (reader.openData(data, name, &error)) {
            std::vector<json> ignored = readAll(reader, &error);
            Q_UNUSED(ignored);
        }
        QVERIFY2(!error.isEmpty(), "no error");
        QVERIFY2(error.contains(u"'/data/broken.parquet'"), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(!error.contains(u'\n'), qPrintable(error));
    }

    // Every byte of small files flipped in turn, and every length cut: each read ends with rows or one error line,
    // never a crash or a hang (under ASan in CI, any out-of-bounds read fails the test).
    void survivesEveryFlippedByte_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("stride"); // every byte, or every n-th (the test runs under ASan in CI)
        QTest::newRow("nested, snappy") << QStringLiteral("nested_v2_snappy") << 1;
        QTest::newRow("records, v1 gzip") << QStringLiteral("records_v1_gzip") << 1;
        QTest::newRow("scalars, dictionary") << QStringLiteral("scalars_v2_uncompressed") << 3;
    }
    void survivesEveryFlippedByte()
    {
        QFETCH(QString, name);
        QFETCH(int, stride);
        const QByteArray good = readFile(QFINDTESTDATA(QStringLiteral("data/parquet/%1.parquet").arg(name)));
        QVERIFY(!good.isEmpty());
        int refused = 0;
        int tried = 0;
        for (qsizetype i = 0; i < good.size(); i += stride) {
            QByteArray bad = good;
            bad[i] = char(uchar(bad[i]) ^ (i % 2 ? 0xff : 0x01));
            ParquetReader reader;
            QString error;
            if (reader.openData(bad, QStringLiteral("f"), &error))
                readAll(reader, &error);
            ++tried;
            if (!error.isEmpty()) {
                ++refused;
                QVERIFY2(!error.contains(u'\n'), qPrintable(error));
            }
        }
        for (qsizetype n = 0; n < good.size(); n += 7) {
            ParquetReader reader;
            QString error;
            QVERIFY(!reader.openData(good.left(n), QStringLiteral("f"), &error));
        }
        QVERIFY2(
            refused > tried / 3, qPrintable(QStringLiteral("%1 of %2").arg(refused).arg(tried))); // damage is noticed
    }

    void openNamesAMissingFile()
    {
        QTemporaryDir dir;
        ParquetReader reader;
        QString error;
        QVERIFY(!reader.open(dir.filePath(QStringLiteral("none.parquet")), &error));
        QVERIFY2(error.contains(u"none.parquet"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestParquetReader)
#include "tst_parquetreader.moc"
