// Hub downloads against a local HTTP server that serves ModelScope's and Hugging Face's file URL shapes,
// including a transfer cut short that must resume with a Range request, and a 404; blocking (the CLI's) and
// non-blocking with signals and cancel (the GUI's). Split datasets (kontext_bench, swe_smith): the files named by
// each hub's listing in its own shape, several pages and shards, hostile listings, and the cache used offline.
#include "config/runconfig.h"
#include "dataset/datasetdownloader.h"
#include "dataset/hubdataset.h"
#include "dataset/hublisting.h"
#include "dataset/promptsource.h"
#include "fixtureserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;
using tl::test::FixtureServer;

namespace {

const QByteArray kModelScopePath = "/api/v1/datasets/AI-ModelScope/HC3-Chinese/repo?Revision=master&FilePath=open_qa.jsonl";
const QByteArray kHuggingFacePath = "/datasets/Hello-SimpleAI/HC3-Chinese/resolve/main/open_qa.jsonl";

QByteArray openQaFile()
{
    QByteArray out;
    for (int i = 0; i < 4000; ++i)
        out += "{\"question\": \"question number " + QByteArray::number(i) + "\", \"human_answers\": [\"a\"]}\n";
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char* endpointVariable(const QString& hub)
{
    return hub == u"modelscope" ? "THROUGHLINE_MODELSCOPE_ENDPOINT" : "HF_ENDPOINT";
}

RunConfig hubConfig(const QString& dataset, const QString& hub, const QString& cache)
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.dataset = dataset;
    c.dataSource = hub;
    c.datasetCache = cache;
    return c;
}

// A repository: each path with content naming it.
QList<std::pair<QString, QByteArray>> repository(const QStringList& paths)
{
    QList<std::pair<QString, QByteArray>> repo;
    for (const QString& p : paths)
        repo.append({p, "PAR1 the bytes of " + p.toUtf8()});
    return repo;
}

QStringList shards(const char* split, int count, const QList<int>& order)
{
    QStringList out;
    for (int i : order)
        out.append(QStringLiteral("data/%1-%2-of-%3.parquet")
                       .arg(QLatin1String(split))
                       .arg(i, 5, 10, QLatin1Char('0'))
                       .arg(count, 5, 10, QLatin1Char('0')));
    return out;
}

// The files under `dir` (relative paths), .part files included.
QStringList filesUnder(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

} // namespace

class TestDatasetDownloader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qunsetenv("THROUGHLINE_MODELSCOPE_ENDPOINT");
        qunsetenv("HF_ENDPOINT");
        qunsetenv("MODELSCOPE_DOMAIN");
    }

    void hubUrlShapes()
    {
        const auto hub = HubDataset::forDataset(QStringLiteral("openqa"));
        QVERIFY(hub);
        QCOMPARE(hub->url(QStringLiteral("modelscope")).toString(),
                 QStringLiteral("https://www.modelscope.cn") + QString::fromLatin1(kModelScopePath));
        QCOMPARE(hub->url(QStringLiteral("huggingface")).toString(),
                 QStringLiteral("https://huggingface.co") + QString::fromLatin1(kHuggingFacePath));
        qputenv("MODELSCOPE_DOMAIN", "mirror.example");
        QVERIFY(hub->url(QStringLiteral("modelscope")).toString().startsWith(QStringLiteral("https://mirror.example/api")));
        QVERIFY(HubDataset::forDataset(QStringLiteral("share_gpt_en"))->url(QStringLiteral("huggingface")).isEmpty());
        QCOMPARE(HubDataset::cacheRoot(QStringLiteral("/x")), QStringLiteral("/x"));
        qunsetenv("MODELSCOPE_DOMAIN");

        // Split datasets: the listing's requests as each hub's own client makes them (core/dataset/hublisting.h).
        const auto kontext = HubDataset::forDataset(QStringLiteral("kontext_bench"));
        QVERIFY(kontext && kontext->file.isEmpty());
        QCOMPARE(kontext->split, QStringLiteral("test"));
        QCOMPARE(kontext->listingUrl(QStringLiteral("huggingface")).toString(),
            QStringLiteral("https://huggingface.co/api/datasets/black-forest-labs/kontext-bench/tree/main"
                           "?recursive=true&expand=false"));
        QCOMPARE(kontext->listingUrl(QStringLiteral("modelscope")).toString(),
            QStringLiteral("https://www.modelscope.cn/api/v1/datasets/black-forest-labs/kontext-bench"));
        QCOMPARE(kontext->modelScopeTreeUrl(QStringLiteral("312"), 2, 100).toEncoded(),
            QByteArray("https://www.modelscope.cn/api/v1/datasets/312/repo/tree"
                       "?Revision=master&Root=/&Recursive=True&PageNumber=2&PageSize=100"));
        QCOMPARE(kontext->fileUrl(QStringLiteral("huggingface"), QStringLiteral("data/test-00000-of-00001.parquet"))
                     .toString(),
            QStringLiteral("https://huggingface.co/datasets/black-forest-labs/kontext-bench/resolve/main/"
                           "data/test-00000-of-00001.parquet"));
        const auto swe = HubDataset::forDataset(QStringLiteral("swe_smith"));
        QVERIFY(swe && swe->file.isEmpty() && !swe->allShards && kontext->allShards);
        QCOMPARE(swe->split, QStringLiteral("tool"));
        QCOMPARE(swe->fileUrl(QStringLiteral("modelscope"), QStringLiteral("data/tool-00000-of-00008.parquet")).toString(),
            QStringLiteral("https://www.modelscope.cn/api/v1/datasets/SWE-bench/SWE-smith-trajectories/repo"
                           "?Revision=master&FilePath=data/tool-00000-of-00008.parquet"));
    }

    // The split's files are the ones the hub's listing names, chosen as Hugging Face datasets would; a later run
    // reads them from the cache and asks the hub nothing, even when it is unreachable.
    void splitFilesFromTheListing_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QStringList>("repo");
        QTest::addColumn<int>("perPage"); // Hugging Face's entries a page (ModelScope's are 100)
        QTest::addColumn<QStringList>("chosen");
        QTest::addColumn<int>("listingRequests");
        const QStringList kontext = QStringList{QStringLiteral(".gitattributes"), QStringLiteral("README.md")}
            + shards("test", 1, {0});
        for (const char* hub : {"huggingface", "modelscope"}) {
            const bool hf = QLatin1String(hub) == QLatin1String("huggingface");
            QTest::addRow("kontext_bench, %s", hub) << hub << "kontext_bench" << kontext << 1000 << shards("test", 1, {0})
                                                    << (hf ? 1 : 2);
            QTest::addRow("kontext_bench, three shards all read, %s", hub)
                << hub << "kontext_bench" << shards("test", 3, {2, 0, 1}) + QStringList{QStringLiteral("README.md")}
                << 2 << shards("test", 3, {0, 1, 2}) << (hf ? 3 : 2);
            // The real tool split: eight shards beside other splits; only the first is read (docs/DATASETS.md).
            QStringList swe = shards("tool", 8, {5, 3, 7, 0, 1, 2, 4, 6}) + shards("xml", 8, {0, 1})
                + QStringList{QStringLiteral("README.md")};
            if (!hf) { // past ModelScope's first page of 100 entries
                for (int i = 0; i < 120; ++i)
                    swe.prepend(QStringLiteral("aux/f%1.json").arg(i, 3, 10, QLatin1Char('0')));
            }
            QTest::addRow("swe_smith, first of eight shards over pages, %s", hub)
                << hub << "swe_smith" << swe << 4 << shards("tool", 8, {0}) << 3;
        }
    }
    void splitFilesFromTheListing()
    {
        QFETCH(QString, hub);
        QFETCH(QString, dataset);
        QFETCH(QStringList, repo);
        QFETCH(int, perPage);
        QFETCH(QStringList, chosen);
        QFETCH(int, listingRequests);
        FixtureServer server;
        qputenv(endpointVariable(hub), server.base().toUtf8());
        const HubDataset entry = *HubDataset::forDataset(dataset);
        server.serveRepository(entry, hub, repository(repo), perPage);
        QTemporaryDir cache;
        const RunConfig c = hubConfig(dataset, hub, cache.path());
        const QString dir = entry.cacheDir(cache.path(), hub);

        const auto pending = PromptSource::pendingDownload(c); // what a GUI asks first: the listing, not a guess
        QVERIFY(pending && pending->listing);
        QCOMPARE(pending->url, entry.listingUrl(hub));
        QCOMPARE(pending->target, dir);

        ConfigError error;
        const QStringList files = PromptSource::datasetFiles(c, {}, &error);
        QVERIFY2(!files.isEmpty(), qPrintable(error.toString()));
        QStringList expected;
        for (const QString& p : chosen)
            expected.append(dir + u'/' + p);
        QCOMPARE(files, expected);
        for (const QString& p : chosen)
            QCOMPARE(readAll(dir + u'/' + p), repository({p}).first().second);
        QCOMPARE(filesUnder(dir), chosen); // nothing else downloaded, no .part left
        QCOMPARE(server.requests.size(), listingRequests + chosen.size());
        for (qsizetype i = 0; i < listingRequests; ++i)
            QVERIFY2(server.requests.at(i).target.contains("/api/"), server.requests.at(i).target.constData());
        QVERIFY(!PromptSource::pendingDownload(c));

        // Offline: the hub unreachable, the cache answers and no request is made.
        const qsizetype asked = server.requests.size();
        qputenv(endpointVariable(hub), "http://127.0.0.1:1");
        QCOMPARE(PromptSource::datasetFiles(c, {}, &error), expected);
        QCOMPARE(PromptSource::datasetFile(c, {}, &error), expected.first());
        QCOMPARE(server.requests.size(), asked);
        // A copied cache folder as --dataset-path: the same files, also without the hub.
        RunConfig local = c;
        local.dataSource = QStringLiteral("local");
        local.datasetPath = dir;
        QCOMPARE(PromptSource::datasetFiles(local, {}, &error), expected);
        QCOMPARE(server.requests.size(), asked);
    }

    // A shard missing from the cache (an interrupted run): the listing is asked again and only that shard fetched.
    void missingShardIsFetchedAgain()
    {
        FixtureServer server;
        qputenv("HF_ENDPOINT", server.base().toUtf8());
        const HubDataset entry = *HubDataset::forDataset(QStringLiteral("kontext_bench"));
        server.serveRepository(entry, QStringLiteral("huggingface"), repository(shards("test", 2, {0, 1})));
        QTemporaryDir cache;
        const RunConfig c = hubConfig(QStringLiteral("kontext_bench"), QStringLiteral("huggingface"), cache.path());
        ConfigError error;
        QCOMPARE(PromptSource::datasetFiles(c, {}, &error).size(), 2);
        const QString dir = entry.cacheDir(cache.path(), QStringLiteral("huggingface"));
        QVERIFY(QFile::remove(dir + QStringLiteral("/data/test-00001-of-00002.parquet")));
        QVERIFY(PromptSource::pendingDownload(c)); // incomplete: not usable offline
        server.requests.clear();
        QCOMPARE(PromptSource::datasetFiles(c, {}, &error).size(), 2);
        QCOMPARE(server.requests.size(), 2); // the listing, then the missing shard alone
        QVERIFY(server.requests.last().target.endsWith("data/test-00001-of-00002.parquet"));
    }

    void noMatchingFileSaysWhatIsMissing_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::newRow("huggingface") << "huggingface";
        QTest::newRow("modelscope") << "modelscope";
    }
    void noMatchingFileSaysWhatIsMissing()
    {
        QFETCH(QString, hub);
        FixtureServer server;
        qputenv(endpointVariable(hub), server.base().toUtf8());
        const HubDataset entry = *HubDataset::forDataset(QStringLiteral("kontext_bench"));
        server.serveRepository(entry, hub,
            repository({QStringLiteral("README.md"), QStringLiteral("data/train-00000-of-00001.parquet"),
                QStringLiteral("data/testing.jsonl")}));
        QTemporaryDir cache;
        ConfigError error;
        QVERIFY(PromptSource::datasetFiles(hubConfig(QStringLiteral("kontext_bench"), hub, cache.path()), {}, &error)
                    .isEmpty());
        QCOMPARE(error.field, QStringLiteral("--dataset"));
        for (const char* part : {"kontext_bench", "names no Parquet file of the test split",
                 "data/test-NNNNN-of-NNNNN.parquet", "data/train-00000-of-00001.parquet", "--dataset-path"})
            QVERIFY2(error.message.contains(QLatin1String(part)), qPrintable(error.message));
        QVERIFY2(!error.message.contains(u'\n'), qPrintable(error.message));
        QCOMPARE(filesUnder(cache.path()), QStringList());
    }

    // Listings a hostile or broken hub may send: each refused with one line naming the dataset and what is wrong,
    // within the bounds (pages, entries, bytes, depth), and nothing downloaded.
    void hostileListings_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::addColumn<QByteArray>("body"); // Hugging Face: the first page; ModelScope: the tree's first page
        QTest::addColumn<QByteArray>("link"); // Hugging Face: the first page's Link header
        QTest::addColumn<QString>("error");
        QByteArray escape = "[";
        for (const char* path : {"../../outside/data/test-00000-of-00001.parquet", "/etc/data/test-00000-of-00001.parquet",
                 "data/..\\\\test-00000-of-00001.parquet", "data/test-00000-of-00001.parquet\\u0000.x"})
            escape += QByteArray(escape.size() > 1 ? "," : "") + "{\"type\": \"file\", \"path\": \"" + path + "\"}";
        escape += ']';
        QTest::newRow("paths outside the repository") << "huggingface" << escape << QByteArray()
                                                      << "names no Parquet file of the test split";
        QTest::newRow("not JSON") << "huggingface" << QByteArray("<html>Too Many Requests</html>") << QByteArray()
                                  << "not JSON";
        QTest::newRow("wrong type") << "huggingface" << QByteArray(R"({"path": "data/test-00000-of-00001.parquet"})")
                                    << QByteArray() << "not a JSON array";
        QTest::newRow("deeply nested") << "huggingface" << QByteArray(200000, '[') << QByteArray() << "deeper than";
        QTest::newRow("huge page") << "huggingface" << QByteArray(hublisting::kMaxPageBytes + 4096, ' ') << QByteArray()
                                   << "larger than 8 MiB";
        QTest::newRow("next page on another server")
            << "huggingface" << QByteArray("[]") << QByteArray(R"(Link: <http://198.51.100.7/api/x>; rel="next")")
            << "another server";
        QTest::newRow("endless pages") << "huggingface" << QByteArray("[]") << QByteArray("self") << "more than 100 pages";
        QTest::newRow("modelscope: no files")
            << "modelscope" << QByteArray(R"({"Code": 10010205001, "Data": null, "Message": "Dataset not found", "Success": false})")
            << QByteArray() << "the hub says: Dataset not found";
        QTest::newRow("modelscope: files not a list")
            << "modelscope" << QByteArray(R"({"Code": 200, "Data": {"Files": "data/test-00000-of-00001.parquet"}})")
            << QByteArray() << "no Data.Files array";
        QTest::newRow("modelscope: no dataset id") << "modelscope" << QByteArray("id") << QByteArray() << "no Data.Id";
        QTest::newRow("listing not found") << "modelscope" << QByteArray("404") << QByteArray() << "404 Not Found";
    }
    void hostileListings()
    {
        QFETCH(QString, hub);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, link);
        QFETCH(QString, error);
        FixtureServer server;
        qputenv(endpointVariable(hub), server.base().toUtf8());
        const HubDataset entry = *HubDataset::forDataset(QStringLiteral("kontext_bench"));
        const QByteArray info = FixtureServer::targetOf(entry.listingUrl(hub));
        if (hub == u"huggingface") {
            server.files.insert(info, body);
            if (link == "self")
                link = "Link: <" + entry.listingUrl(hub).toEncoded() + ">; rel=\"next\"";
            if (!link.isEmpty())
                server.headers.insert(info, link);
        } else if (body == "id") {
            server.files.insert(info, R"({"Code": 200, "Data": {"Name": "kontext-bench"}, "Message": "success"})");
        } else if (body != "404") {
            server.files.insert(info, R"({"Code": 200, "Data": {"Id": 312}, "Success": true})");
            server.files.insert(FixtureServer::targetOf(entry.modelScopeTreeUrl(QStringLiteral("312"), 1, 100)), body);
        }
        QTemporaryDir cache;
        ConfigError configError;
        QVERIFY(PromptSource::datasetFiles(hubConfig(QStringLiteral("kontext_bench"), hub, cache.path()), {}, &configError)
                    .isEmpty());
        QCOMPARE(configError.field, QStringLiteral("--dataset"));
        QVERIFY2(configError.message.contains(QStringLiteral("kontext_bench")) && configError.message.contains(error),
            qPrintable(configError.message));
        QVERIFY2(configError.message.size() < 1000 && !configError.message.contains(u'\n'),
            qPrintable(configError.message));
        QVERIFY(server.requests.size() <= hublisting::kMaxPages + 1);
        QCOMPARE(filesUnder(cache.path()), QStringList());
    }

    void loadDownloadsIntoTheCache_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("modelscope") << "modelscope" << kModelScopePath;
        QTest::newRow("huggingface") << "huggingface" << kHuggingFacePath;
    }
    void loadDownloadsIntoTheCache()
    {
        QFETCH(QString, hub);
        QFETCH(QByteArray, target);
        FixtureServer server;
        server.files.insert(target, openQaFile());
        qputenv(hub == u"modelscope" ? "THROUGHLINE_MODELSCOPE_ENDPOINT" : "HF_ENDPOINT", server.base().toUtf8());
        QTemporaryDir cache;
        RunConfig c;
        c.model = QStringLiteral("m");
        c.dataset = QStringLiteral("openqa");
        c.dataSource = hub;
        c.datasetCache = cache.path();
        c.number = {5};
        QVERIFY(c.validate().isEmpty());
        qint64 lastReceived = 0;
        ConfigError error;
        auto source = PromptSource::load(c, &error, [&](qint64 received, qint64) { lastReceived = received; });
        QVERIFY2(source, qPrintable(error.toString()));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().target, target);
        QCOMPARE(lastReceived, openQaFile().size());
        QCOMPARE(source->at(7).text, QStringLiteral("question number 7"));
        const QString id = hub == u"modelscope" ? QStringLiteral("AI-ModelScope") : QStringLiteral("Hello-SimpleAI");
        QCOMPARE(readAll(cache.filePath(hub + u'/' + id + QStringLiteral("/HC3-Chinese/open_qa.jsonl"))), openQaFile());
        // A second run reads the cache and asks the hub nothing.
        QVERIFY(PromptSource::load(c, &error));
        QCOMPARE(server.requests.size(), 1);
    }

    void interruptedDownloadResumes()
    {
        FixtureServer server;
        server.files.insert(kModelScopePath, openQaFile());
        server.interruptNext = 1000; // every full response stops halfway: only a Range request can finish it
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        QString error;
        QList<qint64> progress;
        QVERIFY2(DatasetDownloader::download(QUrl(server.base() + QString::fromLatin1(kModelScopePath)), target,
                                             [&](qint64 received, qint64) { progress.append(received); }, &error),
                 qPrintable(error));
        // Qt may itself resend a request whose connection closed; the resumed one is always last.
        QVERIFY(server.requests.size() >= 2);
        QVERIFY(server.requests.first().range.isEmpty());
        const qint64 half = openQaFile().size() / 2;
        QCOMPARE(server.requests.last().range, "bytes=" + QByteArray::number(half) + '-');
        QCOMPARE(readAll(target), openQaFile());
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        QCOMPARE(progress.last(), openQaFile().size());
    }

    void partFileFromAnEarlierRunResumes()
    {
        FixtureServer server;
        server.files.insert(kHuggingFacePath, openQaFile());
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        QFile part(target + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(openQaFile().left(1000));
        part.close();
        QString error;
        QVERIFY2(DatasetDownloader::download(QUrl(server.base() + QString::fromLatin1(kHuggingFacePath)), target, {},
                                             &error),
                 qPrintable(error));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().range, QByteArray("bytes=1000-"));
        QCOMPARE(readAll(target), openQaFile());
    }

    void serverIgnoringRangeStartsOver()
    {
        FixtureServer server;
        server.files.insert(kHuggingFacePath, openQaFile());
        server.ignoreRange = true;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("f.jsonl"));
        QFile part(target + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("stale bytes that are not the file's start");
        part.close();
        QString error;
        QVERIFY(DatasetDownloader::download(QUrl(server.base() + QString::fromLatin1(kHuggingFacePath)), target, {},
                                            &error));
        QCOMPARE(readAll(target), openQaFile());
    }

    void notFoundSaysSoClearly()
    {
        FixtureServer server;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        const QUrl url(server.base() + QString::fromLatin1(kModelScopePath));
        QString error;
        QVERIFY(!DatasetDownloader::download(url, target, {}, &error));
        QVERIFY2(error.contains(url.toString()) && error.contains(QStringLiteral("404")), qPrintable(error));
        QCOMPARE(server.requests.size(), 1); // a 404 is not retried
        QVERIFY(!QFile::exists(target));

        qputenv("THROUGHLINE_MODELSCOPE_ENDPOINT", server.base().toUtf8());
        RunConfig c;
        c.model = QStringLiteral("m");
        c.dataset = QStringLiteral("openqa");
        c.datasetCache = dir.path();
        ConfigError configError;
        QVERIFY(!PromptSource::load(c, &configError));
        QCOMPARE(configError.field, QStringLiteral("--dataset"));
        QVERIFY2(configError.message.contains(QStringLiteral("--dataset-path")), qPrintable(configError.message));
    }

    // The non-blocking form: start() returns at once, progress and completion arrive as signals.
    void asyncDownloadReportsProgressAndFinishes_data()
    {
        QTest::addColumn<int>("interruptions");
        QTest::newRow("in one go") << 0;
        QTest::newRow("resumed after two cuts") << 2;
    }
    void asyncDownloadReportsProgressAndFinishes()
    {
        QFETCH(int, interruptions);
        FixtureServer server;
        server.files.insert(kHuggingFacePath, openQaFile());
        server.interruptNext = interruptions;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        DatasetDownloader downloader;
        QSignalSpy progress(&downloader, &DatasetDownloader::progressed);
        QSignalSpy finished(&downloader, &DatasetDownloader::finished);
        downloader.start(QUrl(server.base() + QString::fromLatin1(kHuggingFacePath)), target);
        QVERIFY(downloader.isRunning());
        QCOMPARE(finished.size(), 0); // nothing happened yet: the caller's thread was not blocked
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QVERIFY(!downloader.isRunning());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), openQaFile().size());
        QCOMPARE(progress.last().at(1).toLongLong(), openQaFile().size());
        QCOMPARE(readAll(target), openQaFile());
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    // Cancelled halfway: finished(false) at once, the .part kept; the next start resumes from it with a Range.
    void asyncDownloadCancelsAndResumesLater()
    {
        FixtureServer server;
        server.files.insert(kModelScopePath, openQaFile());
        server.stallAfterHalf = true;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        const QUrl url(server.base() + QString::fromLatin1(kModelScopePath));
        const qint64 half = openQaFile().size() / 2;
        DatasetDownloader downloader;
        QSignalSpy progress(&downloader, &DatasetDownloader::progressed);
        QSignalSpy finished(&downloader, &DatasetDownloader::finished);
        downloader.start(url, target);
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() == half, 30000);
        downloader.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString error = finished.first().at(1).toString();
        QVERIFY2(error.contains(QStringLiteral("cancelled")) && error.contains(url.toString()), qPrintable(error));
        QVERIFY(!downloader.isRunning());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QFileInfo(target + QStringLiteral(".part")).size(), half);
        downloader.cancel(); // idle: nothing happens
        QCOMPARE(finished.size(), 1);

        server.stallAfterHalf = false;
        downloader.start(url, target);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(server.requests.last().range, "bytes=" + QByteArray::number(half) + '-');
        QCOMPARE(readAll(target), openQaFile());
    }

    void asyncNotFoundAndRefusedStarts()
    {
        FixtureServer server;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("open_qa.jsonl"));
        const QUrl url(server.base() + QString::fromLatin1(kModelScopePath));
        DatasetDownloader downloader;
        QSignalSpy finished(&downloader, &DatasetDownloader::finished);
        downloader.start(url, target);
        downloader.start(url, target); // a second start while one runs is refused, through finished()
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("already running")),
            qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QVERIFY2(finished.at(1).at(1).toString().contains(QStringLiteral("404")),
            qPrintable(finished.at(1).at(1).toString()));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(server.requests.size(), 1);
    }

    // What a GUI asks before starting a run: the hub file to fetch without blocking, then none once it is cached.
    void pendingDownloadNamesTheHubFile()
    {
        FixtureServer server;
        server.files.insert(kModelScopePath, openQaFile());
        qputenv("THROUGHLINE_MODELSCOPE_ENDPOINT", server.base().toUtf8());
        QTemporaryDir cache;
        RunConfig c;
        c.model = QStringLiteral("m");
        c.dataset = QStringLiteral("openqa");
        c.datasetCache = cache.path();
        const auto pending = PromptSource::pendingDownload(c);
        QVERIFY(pending);
        QCOMPARE(pending->url.toString(), server.base() + QString::fromLatin1(kModelScopePath));
        QCOMPARE(pending->target, cache.filePath(QStringLiteral("modelscope/AI-ModelScope/HC3-Chinese/open_qa.jsonl")));
        DatasetDownloader downloader;
        QSignalSpy finished(&downloader, &DatasetDownloader::finished);
        downloader.start(pending->url, pending->target);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(!PromptSource::pendingDownload(c)); // cached: load() downloads nothing
        ConfigError error;
        QVERIFY2(PromptSource::load(c, &error), qPrintable(error.toString()));
        QCOMPARE(server.requests.size(), 1);
        c.datasetPath = pending->target; // a local file: nothing to download either
        QVERIFY(!PromptSource::pendingDownload(c));
        c.datasetPath.clear();
        c.dataset = QStringLiteral("random");
        QVERIFY(!PromptSource::pendingDownload(c));
    }

    void modelScopeOnlyDatasets()
    {
        RunConfig c;
        c.model = QStringLiteral("m");
        c.dataset = QStringLiteral("share_gpt_en");
        c.dataSource = QStringLiteral("huggingface");
        ConfigError error;
        QVERIFY(!PromptSource::load(c, &error));
        QCOMPARE(error.field, QStringLiteral("--data-source"));
        c.dataSource = QStringLiteral("local");
        QCOMPARE(c.validate().value(0).field, QStringLiteral("--dataset-path"));
    }
};

QTEST_GUILESS_MAIN(TestDatasetDownloader)
#include "tst_datasetdownloader.moc"
