// Hub downloads against a local HTTP server that serves ModelScope's and Hugging Face's file URL shapes,
// including a transfer cut short that must resume with a Range request, and a 404; blocking (the CLI's) and
// non-blocking with signals and cancel (the GUI's).
#include "config/runconfig.h"
#include "dataset/datasetdownloader.h"
#include "dataset/hubdataset.h"
#include "dataset/promptsource.h"
#include "fixtureserver.h"

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
