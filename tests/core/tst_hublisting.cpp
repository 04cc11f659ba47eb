// The hubs' file listings (Hugging Face's tree API, ModelScope's dataset tree) as they arrive, hostile ones included,
// and the choice of a split's Parquet files from them (Hugging Face datasets' data_files conventions). The requests
// themselves are tst_datasetdownloader's.
#include "dataset/hublisting.h"

#include <QTest>

using namespace tl;

namespace {

QStringList list(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

class TestHubListing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitFiles_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("split");
        QTest::addColumn<QStringList>("chosen");
        const QStringList kontext = list({".gitattributes", "README.md", "data/test-00000-of-00001.parquet"});
        QTest::newRow("push_to_hub, one file") << kontext << "test" << list({"data/test-00000-of-00001.parquet"});
        QTest::newRow("push_to_hub, shards sorted")
            << list({"data/tool-00002-of-00003.parquet", "data/tool-00000-of-00003.parquet",
                   "data/xml-00000-of-00001.parquet", "data/tool-00001-of-00003.parquet", "README.md"})
            << "tool"
            << list({"data/tool-00000-of-00003.parquet", "data/tool-00001-of-00003.parquet",
                   "data/tool-00002-of-00003.parquet"});
        QTest::newRow("older push_to_hub: fingerprint suffix")
            << list({"data/test-00000-of-00001-6a1b2c3d4e5f6a7b.parquet"}) << "test"
            << list({"data/test-00000-of-00001-6a1b2c3d4e5f6a7b.parquet"});
        QTest::newRow("another split is not chosen")
            << list({"data/train-00000-of-00001.parquet", "data/testing-00000-of-00001.parquet"}) << "test"
            << QStringList();
        QTest::newRow("configuration folder, first in sorted order")
            << list({"zh/tool-00000-of-00001.parquet", "en/tool-00000-of-00002.parquet",
                   "en/tool-00001-of-00002.parquet"})
            << "tool" << list({"en/tool-00000-of-00002.parquet", "en/tool-00001-of-00002.parquet"});
        QTest::newRow("data/ wins over a configuration folder")
            << list({"en/test-00000-of-00001.parquet", "data/test-00000-of-00001.parquet"}) << "test"
            << list({"data/test-00000-of-00001.parquet"});
        QTest::newRow("split folder") << list({"test/b.parquet", "test/a.parquet", "train/a.parquet"}) << "test"
                                      << list({"test/a.parquet", "test/b.parquet"});
        QTest::newRow("data/split folder, nested")
            << list({"data/test/part/0.parquet", "data/test/1.parquet", "data/test/notes.txt"}) << "test"
            << list({"data/test/1.parquet", "data/test/part/0.parquet"});
        QTest::newRow("config/split folder")
            << list({"default/test/0.parquet"}) << "test" << list({"default/test/0.parquet"});
        QTest::newRow("file name") << list({"test.parquet", "train.parquet"}) << "test" << list({"test.parquet"});
        QTest::newRow("file name with a separator")
            << list({"data/test_0.parquet", "data/test-1.parquet", "contest.parquet", "tests.parquet"}) << "test"
            << list({"data/test-1.parquet", "data/test_0.parquet"});
        QTest::newRow("not Parquet") << list({"data/test-00000-of-00001.arrow", "test.jsonl"}) << "test"
                                     << QStringList();
        QTest::newRow("hidden and special folders skipped") << list({".cache/data/test-00000-of-00001.parquet",
            "__pycache__/test.parquet", "data/.test-00000-of-00001.parquet"})
                                                            << "test" << QStringList();
        QTest::newRow("unsafe paths never chosen")
            << list({"data/../../x/data/test-00000-of-00001.parquet", "/data/test-00000-of-00001.parquet",
                   "data//test-00000-of-00001.parquet", "data\\test-00000-of-00001.parquet"})
            << "test" << QStringList();
        QTest::newRow("duplicates once") << list({"test.parquet", "test.parquet"}) << "test" << list({"test.parquet"});
        QTest::newRow("regex characters in the split")
            << list({"data/a.b-00000-of-00001.parquet", "data/aXb-00000-of-00001.parquet"}) << "a.b"
            << list({"data/a.b-00000-of-00001.parquet"});
        QTest::newRow("empty split") << kontext << "" << QStringList();
    }
    void splitFiles()
    {
        QFETCH(QStringList, paths);
        QFETCH(QString, split);
        QFETCH(QStringList, chosen);
        QCOMPARE(hublisting::splitFiles(paths, split), chosen);
    }

    void shardCount()
    {
        QCOMPARE(hublisting::shardCount(QStringLiteral("data/tool-00003-of-00008.parquet")), 8);
        QCOMPARE(hublisting::shardCount(QStringLiteral("data/test-00000-of-00001-abcdef.parquet")), 1);
        QCOMPARE(hublisting::shardCount(QStringLiteral("test/0.parquet")), 0);
        QCOMPARE(hublisting::shardCount(QStringLiteral("data-00000-of-00002/x.parquet")), 0);
    }

    void safePaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("safe");
        QTest::newRow("plain") << "data/test-00000-of-00001.parquet" << true;
        QTest::newRow("spaces and unicode") << "données/test 1.parquet" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("absolute") << "/etc/passwd" << false;
        QTest::newRow("parent") << "data/../../x.parquet" << false;
        QTest::newRow("dot") << "./x.parquet" << false;
        QTest::newRow("empty segment") << "a//b.parquet" << false;
        QTest::newRow("trailing slash") << "a/" << false;
        QTest::newRow("backslash") << "a\\b.parquet" << false;
        QTest::newRow("drive") << "C:x.parquet" << false;
        QTest::newRow("control") << "a\nb.parquet" << false;
        QTest::newRow("too long") << QString(hublisting::kMaxPathChars + 1, u'a') << false;
        QTest::newRow("too deep") << QStringList(hublisting::kMaxPathDepth + 1, QStringLiteral("d")).join(u'/')
                                  << false;
        QTest::newRow("deep enough") << QStringList(hublisting::kMaxPathDepth, QStringLiteral("d")).join(u'/') << true;
    }
    void safePaths()
    {
        QFETCH(QString, path);
        QFETCH(bool, safe);
        QCOMPARE(hublisting::isSafePath(path), safe);
    }

    void huggingFace_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("files"); // when parsed
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("error"); // a part of the message; empty: parsed
        QTest::newRow("real shape") << QByteArray(
            R"([{"type":"directory","oid":"0c8d1c0a","size":0,"path":"data"},)"
            R"({"type":"file","oid":"a1b2","size":2012,"path":".gitattributes"},)"
            R"({"type":"file","oid":"c3d4","size":1048576,"path":"data/test-00000-of-00001.parquet",)"
            R"("lfs":{"oid":"9f86d081","size":1048576,"pointerSize":134},"xetHash":"ab12"}])")
                                    << list({".gitattributes", "data/test-00000-of-00001.parquet"}) << 3 << 0
                                    << QString();
        QTest::newRow("empty") << QByteArray("[]") << QStringList() << 0 << 0 << QString();
        QTest::newRow("wrong entry types skipped")
            << QByteArray(R"([1, "x", null, {"type":"file","path":5}, {"type":"file"}, {"path":"a.parquet"},)"
                          R"({"type":["file"],"path":"b.parquet"}, {"type":"file","path":"ok.parquet"}])")
            << list({"ok.parquet"}) << 8 << 7 << QString();
        QTest::newRow("unsafe paths skipped")
            << QByteArray(R"([{"type":"file","path":"../../evil.parquet"},{"type":"file","path":"/abs.parquet"},)"
                          R"({"type":"file","path":"a\\b.parquet"},{"type":"file","path":"a/b.parquet"}])")
            << list({"a/b.parquet"}) << 4 << 3 << QString();
        QTest::newRow("unknown kinds are not files")
            << QByteArray(R"([{"type":"submodule","path":"x.parquet"},{"type":"unknown","path":"y.parquet"}])")
            << QStringList() << 2 << 0 << QString();
        QTest::newRow("an object, not an array")
            << QByteArray(R"({"error":"Repository not found"})") << QStringList() << 0 << 0 << "not a JSON array";
        QTest::newRow("not JSON") << QByteArray("<html>rate limited</html>") << QStringList() << 0 << 0 << "not JSON";
        QTest::newRow("cut short") << QByteArray(R"([{"type":"file","path":"a.parquet"})") << QStringList() << 0 << 0
                                   << "not JSON";
        QTest::newRow("too deep") << QByteArray(100000, '[') + QByteArray(100000, ']') << QStringList() << 0 << 0
                                  << "deeper than";
        QByteArray many = "[";
        for (int i = 0; i <= hublisting::kMaxEntries; ++i)
            many += QByteArray(i ? "," : "") + "{\"type\":\"file\",\"path\":\"f" + QByteArray::number(i) + "\"}";
        many += ']';
        QTest::newRow("too many entries") << many << QStringList() << 0 << 0 << "more than 10000 entries";
        QTest::newRow("too large") << QByteArray(hublisting::kMaxPageBytes + 1, ' ') << QStringList() << 0 << 0
                                   << "larger than 8 MiB";
    }
    void huggingFace()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, files);
        QFETCH(int, entries);
        QFETCH(int, skipped);
        QFETCH(QString, error);
        hublisting::Page page;
        QString message;
        const bool ok = hublisting::parseHuggingFace(body, &page, &message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QVERIFY2(message.contains(error), qPrintable(message));
            return;
        }
        QCOMPARE(page.files, files);
        QCOMPARE(page.entries, entries);
        QCOMPARE(page.skipped, skipped);
    }

    void modelScope_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("error");
        QTest::newRow("real shape") << QByteArray(
            R"({"Code":200,"Data":{"Files":[)"
            R"({"CommitId":"","CommitMessage":"","CommittedDate":1717000000,"IsLFS":false,"Mode":"40000",)"
            R"("Name":"data","Path":"data","Revision":"master","Size":0,"Type":"tree"},)"
            R"({"CommitId":"5c1a","CommitMessage":"Upload","IsLFS":true,"Name":"tool-00000-of-00008.parquet",)"
            R"("Path":"data/tool-00000-of-00008.parquet","Sha256":"9f86","Size":104857600,"Type":"blob"}]},)"
            R"("Message":"success","RequestId":"r","Success":true})")
                                    << list({"data/tool-00000-of-00008.parquet"}) << 0 << QString();
        QTest::newRow("file as type") << QByteArray(R"({"Data":{"Files":[{"Path":"a.parquet","Type":"file"}]}})")
                                      << list({"a.parquet"}) << 0 << QString();
        QTest::newRow("wrong types skipped")
            << QByteArray(R"({"Data":{"Files":[{"Path":7,"Type":"blob"},{"Name":"x","Type":"blob"},[],)"
                          R"({"Path":"../x.parquet","Type":"blob"}]}})")
            << QStringList() << 4 << QString();
        QTest::newRow("no data, the hub's message named")
            << QByteArray(R"({"Code":10010205001,"Data":null,"Message":"dataset not found","Success":false})")
            << QStringList() << 0 << "the hub says: dataset not found";
        QTest::newRow("Files not a list")
            << QByteArray(R"({"Data":{"Files":{"Path":"a"}}})") << QStringList() << 0 << "no Data.Files array";
        QTest::newRow("an array") << QByteArray("[]") << QStringList() << 0 << "no Data.Files array";
        QTest::newRow("too deep") << QByteArray(R"({"Data":{"Files":[{"x":{"y":{"z":{"w":{"v":{}}}}}}]}})")
                                  << QStringList() << 0 << "deeper than";
    }
    void modelScope()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, files);
        QFETCH(int, skipped);
        QFETCH(QString, error);
        hublisting::Page page;
        QString message;
        const bool ok = hublisting::parseModelScope(body, &page, &message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QVERIFY2(message.contains(error), qPrintable(message));
            return;
        }
        QCOMPARE(page.files, files);
        QCOMPARE(page.skipped, skipped);
    }

    void modelScopeId_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("id"); // empty: refused
        QTest::newRow("number") << QByteArray(R"({"Code":200,"Data":{"Id":312,"Name":"n","Type":0},"Success":true})")
                                << "312";
        QTest::newRow("string") << QByteArray(R"({"Data":{"Id":"abc_12-x"}})") << "abc_12-x";
        QTest::newRow("zero") << QByteArray(R"({"Data":{"Id":0}})") << "";
        QTest::newRow("negative") << QByteArray(R"({"Data":{"Id":-4}})") << "";
        QTest::newRow("fraction") << QByteArray(R"({"Data":{"Id":1.5}})") << "";
        QTest::newRow("path in a string") << QByteArray(R"({"Data":{"Id":"../../x"}})") << "";
        QTest::newRow("missing") << QByteArray(R"({"Data":{}, "Message":"not found"})") << "";
        QTest::newRow("not JSON") << QByteArray("oops") << "";
    }
    void modelScopeId()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, id);
        QString error;
        QCOMPARE(hublisting::parseModelScopeId(body, &error), id);
        QCOMPARE(error.isEmpty(), !id.isEmpty());
    }

    void nextLink_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("next");
        QTest::newRow("Hugging Face") << QByteArray(
            R"(<https://huggingface.co/api/datasets/a/b/tree/main?recursive=true&cursor=ZXlK>; rel="next")")
                                      << "https://huggingface.co/api/datasets/a/b/tree/main?recursive=true&cursor=ZXlK";
        QTest::newRow("several links") << QByteArray(R"(<https://x/p1>; rel="prev", <https://x/p3>; rel="next")")
                                       << "https://x/p3";
        QTest::newRow("unquoted, other parameters")
            << QByteArray(R"(<https://x/p2>; title="a, b"; REL=next)") << "https://x/p2";
        QTest::newRow("several relations") << QByteArray(R"(<https://x/p2>; rel="last next")") << "https://x/p2";
        QTest::newRow("no next") << QByteArray(R"(<https://x/p1>; rel="prev")") << "";
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("malformed") << QByteArray("<<<; rel=next") << "";
        QTest::newRow("unterminated") << QByteArray("<https://x; rel=next") << "";
    }
    void nextLink()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, next);
        QCOMPARE(hublisting::nextLink(header), next);
    }
};

QTEST_GUILESS_MAIN(TestHubListing)
#include "tst_hublisting.moc"
