// Hub downloads against a local HTTP server that serves ModelScope's and Hugging Face's file URL shapes,
// including a transfer cut short that must resume with a Range request, and a 404; blocking (the CLI's) and
// non-blocking with signals and cancel (the GUI's).
#include "config/runconfig.h"
#include "dataset/datasetdownloader.h"
#include "dataset/hubdataset.h"
#include "dataset/promptsource.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tl;

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

// A one-request-per-connection HTTP/1.1 server on 127.0.0.1 serving files by exact request target.
class FixtureServer final : public QObject {
public:
    struct Request {
        QByteArray target;
        QByteArray range;
    };

    FixtureServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QHash<QByteArray, QByteArray> files;
    int interruptNext = 0; // the next N full responses stop halfway through the body
    bool stallAfterHalf = false; // full responses send half the body, then nothing more (the connection stays open)
    bool ignoreRange = false;
    QList<Request> requests;

private:
    void onReadyRead(QTcpSocket* socket)
    {
        QByteArray& buf = m_buffers[socket];
        buf += socket->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        m_buffers.remove(socket);
        Request request;
        request.target = lines.first().split(' ').value(1);
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("range:"))
                request.range = line.mid(6).trimmed();
        }
        requests.append(request);
        respond(socket, request);
    }

    void respond(QTcpSocket* socket, const Request& request)
    {
        const auto it = files.constFind(request.target);
        if (it == files.cend()) {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                          "Connection: close\r\n\r\nnot found");
            socket->disconnectFromHost();
            return;
        }
        const QByteArray& content = it.value();
        qsizetype from = 0;
        if (request.range.startsWith("bytes=") && !ignoreRange)
            from = request.range.mid(6, request.range.indexOf('-') - 6).toLongLong();
        const QByteArray body = content.mid(from);
        QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(from)
                + '-' + QByteArray::number(content.size() - 1) + '/' + QByteArray::number(content.size()) + "\r\n"
                                   : QByteArray("HTTP/1.1 200 OK\r\n");
        head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n";
        socket->write(head);
        if (from == 0 && stallAfterHalf) {
            socket->write(body.left(body.size() / 2));
            return;
        }
        if (from == 0 && interruptNext > 0) {
            --interruptNext;
            socket->write(body.left(body.size() / 2));
        } else {
            socket->write(body);
        }
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

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
