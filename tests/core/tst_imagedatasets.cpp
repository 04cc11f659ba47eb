// Image datasets (issue 16): random_vl's generated PNGs decoded back (size, colour mode, determinism), the image
// header probe, flickr8k/kontext_bench from a WebDataset shard, from folders and from Parquet (a local file, a folder
// holding it, the hub through a local fixture server), validation, and random_vl and kontext_bench runs against the
// emulated server over real HTTP that charges the images' patch tokens.

#include "fixtureserver.h"
#include "promptsourcetest.h"

#include "config/runconfig.h"
#include "dataset/hubdataset.h"
#include "dataset/imagepromptsource.h"
#include "dataset/imagesynth.h"
#include "dataset/promptsource.h"
#include "sim/simserver.h"
#include "tokenizer/tokenizer.h"
#include "util/imagecodec.h"

#include "../integration/runonce.h"

#include <nlohmann/json.hpp>

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace tl;

namespace {

QString tokenizerDir()
{
    return QFINDTESTDATA(QStringLiteral("data/tokenizers/gpt2"));
}

RunConfig randomVl()
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.dataset = QStringLiteral("random_vl");
    c.tokenizerPath = tokenizerDir();
    c.minPromptLength = 8;
    c.maxPromptLength = 16;
    c.number = {4};
    c.seed = 7;
    return c;
}

// The message's parts: the text, then each image's decoded bytes.
struct Parts {
    QString text;
    QList<QByteArray> images;
    QStringList mimes;
};

Parts partsOf(const PromptItem& item)
{
    Parts p;
    const auto messages = nlohmann::json::parse(item.messages.cbegin(), item.messages.cend(), nullptr, false);
    if (!messages.is_array() || messages.size() != 1 || messages[0].value("role", "") != "user")
        return p;
    for (const auto& part : messages[0]["content"]) {
        if (part.value("type", "") == "text") {
            p.text = QString::fromStdString(part.value("text", ""));
        } else if (part.value("type", "") == "image_url") {
            const std::string url = part["image_url"].value("url", "");
            p.mimes << QString::fromStdString(url.substr(5, url.find(';') - 5));
            p.images << imagecodec::fromDataUrl(QByteArray::fromStdString(url)).value_or(QByteArray());
        }
    }
    return p;
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QByteArray jpeg(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    return bytes;
}

// A ustar archive of (name, data) members, as a WebDataset shard holds them.
QByteArray tarOf(const QList<std::pair<QByteArray, QByteArray>>& members)
{
    QByteArray out;
    for (const auto& [name, data] : members) {
        QByteArray h(512, '\0');
        h.replace(0, name.size(), name);
        h.replace(100, 7, "0000644");
        h.replace(108, 7, "0000000");
        h.replace(116, 7, "0000000");
        h.replace(124, 11, QByteArray::number(data.size(), 8).rightJustified(11, '0'));
        h.replace(136, 11, "00000000000");
        h[156] = '0';
        h.replace(257, 6, QByteArray("ustar\0", 6));
        h.replace(263, 2, "00");
        h.replace(148, 8, "        ");
        int sum = 0;
        for (char c : h)
            sum += uchar(c);
        h.replace(148, 7, QByteArray(QByteArray::number(sum, 8).rightJustified(6, '0') + '\0'));
        out += h + data + QByteArray((512 - data.size() % 512) % 512, '\0');
    }
    return out + QByteArray(1024, '\0');
}

} // namespace

class TestImageDatasets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pngDecodesBack_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<bool>("grey");
        QTest::newRow("RGB 224") << "RGB" << 224 << 224 << false << false;
        QTest::newRow("RGBA wide") << "RGBA" << 300 << 17 << true << false;
        QTest::newRow("L tall") << "L" << 5 << 640 << false << true;
        QTest::newRow("LA") << "LA" << 33 << 33 << true << true;
        QTest::newRow("1 one pixel") << "1" << 1 << 1 << false << true;
    }
    void pngDecodesBack()
    {
        QFETCH(QString, mode);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, alpha);
        QFETCH(bool, grey);
        const QByteArray png = ImageSynth::png(42, width, height, mode);
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        QCOMPARE(image.width(), width);
        QCOMPARE(image.height(), height);
        QCOMPARE(image.hasAlphaChannel(), alpha);
        QCOMPARE(image.isGrayscale(), grey);
        const auto info = imagecodec::probe(png);
        QVERIFY(info);
        QCOMPARE(info->width, width);
        QCOMPARE(info->height, height);
        QCOMPARE(QByteArray(info->mime), QByteArray("image/png"));
        QCOMPARE(ImageSynth::png(42, width, height, mode), png); // deterministic per seed
        if (mode == u"1") { // bi-level: every pixel black or white
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x)
                    QVERIFY(qGray(image.pixel(x, y)) == 0 || qGray(image.pixel(x, y)) == 255);
        }
    }

    void shapesAreDrawn()
    {
        // 1-5 shapes on a one-colour canvas: over 20 seeds, every image has more than one colour somewhere (a
        // degenerate one-pixel line could hide, not twenty).
        int multiColour = 0;
        for (quint64 seed = 1; seed <= 20; ++seed) {
            QImage image;
            QVERIFY(image.loadFromData(ImageSynth::png(seed, 64, 64, QStringLiteral("RGB"))));
            const QRgb first = image.pixel(0, 0);
            bool other = false;
            for (int y = 0; y < 64 && !other; ++y)
                for (int x = 0; x < 64 && !other; ++x)
                    other = image.pixel(x, y) != first;
            multiColour += other ? 1 : 0;
        }
        QVERIFY2(multiColour >= 18, qPrintable(QString::number(multiColour)));
        QVERIFY(ImageSynth::png(1, 64, 64, QStringLiteral("CMYK")).isEmpty());
    }

    void probeReadsHeaders_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QByteArray>("mime");
        QTest::newRow("jpeg") << jpeg(97, 45) << 97 << 45 << QByteArray("image/jpeg");
        QTest::newRow("png") << ImageSynth::png(3, 12, 34, QStringLiteral("RGB")) << 12 << 34 << QByteArray("image/png");
        QTest::newRow("gif header") << QByteArray("GIF89a\x10\x00\x20\x00", 10) << 16 << 32 << QByteArray("image/gif");
        QTest::newRow("truncated jpeg") << jpeg(97, 45).left(20) << 0 << 0 << QByteArray();
        QTest::newRow("truncated png") << ImageSynth::png(3, 12, 34, QStringLiteral("RGB")).left(20) << 0 << 0
                                       << QByteArray();
        QTest::newRow("garbage") << QByteArray("\xff\xd8\xff\x00\x00", 5) << 0 << 0 << QByteArray();
        QTest::newRow("empty") << QByteArray() << 0 << 0 << QByteArray();
    }
    void probeReadsHeaders()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QByteArray, mime);
        const auto info = imagecodec::probe(data);
        QCOMPARE(bool(info), !mime.isEmpty());
        if (info) {
            QCOMPARE(info->width, width);
            QCOMPARE(info->height, height);
            QCOMPARE(QByteArray(info->mime), mime);
        }
    }

    void randomVlItems()
    {
        RunConfig c = randomVl();
        c.imageWidth = 100;
        c.imageHeight = 60;
        c.imageNum = 3;
        c.imageFormat = QStringLiteral("RGBA");
        c.imagePatchSize = 28;
        const auto source = test::loadSource(c);
        QVERIFY(source);
        const auto textOnly = [&](qint64 seq) {
            RunConfig plain = c;
            plain.dataset = QStringLiteral("random");
            return test::loadSource(plain)->at(seq);
        };
        for (qint64 seq = 0; seq < 4; ++seq) {
            const PromptItem item = source->at(seq);
            QCOMPARE(item.kind, PromptItem::Kind::Messages);
            const Parts parts = partsOf(item);
            QCOMPARE(parts.images.size(), 3);
            QCOMPARE(parts.mimes, QStringList(3, QStringLiteral("image/png")));
            for (const QByteArray& bytes : parts.images) {
                QImage image;
                QVERIFY(image.loadFromData(bytes, "PNG"));
                QCOMPARE(image.size(), QSize(100, 60));
                QVERIFY(image.hasAlphaChannel());
            }
            QVERIFY(parts.images[0] != parts.images[1]);
            // The text is random's prompt for the same request; the images add ceil(100/28)*ceil(60/28) = 12 each.
            const PromptItem text = textOnly(seq);
            QCOMPARE(parts.text, text.text);
            QCOMPARE(item.promptTokens, text.promptTokens + 3 * 12);
        }
        QCOMPARE(partsOf(source->at(2)).images, partsOf(test::loadSource(c)->at(2)).images); // seeded
    }

    void validation_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("tokenize-prompt") << "random_vl" << "tokenize" << "--tokenize-prompt";
        QTest::newRow("completions") << "random_vl" << "completions" << "--dataset";
        QTest::newRow("embedding api") << "random_vl" << "embedding" << "--api";
        QTest::newRow("no tokenizer") << "random_vl" << "notokenizer" << "--tokenizer-path";
        QTest::newRow("zero images") << "random_vl" << "zeroimages" << "--image-num";
        QTest::newRow("huge width") << "random_vl" << "hugewidth" << "--image-width";
        QTest::newRow("unknown mode") << "random_vl" << "cmyk" << "--image-format";
    }
    void validation()
    {
        QFETCH(QString, dataset);
        QFETCH(QString, change);
        QFETCH(QString, field);
        RunConfig c = randomVl();
        c.dataset = dataset;
        if (change == u"tokenize")
            c.tokenizePrompt = true;
        else if (change == u"completions")
            c.url = QStringLiteral("http://127.0.0.1:9/v1/completions");
        else if (change == u"embedding")
            c.api = QStringLiteral("openai_embedding");
        else if (change == u"notokenizer")
            c.tokenizerPath.clear();
        else if (change == u"zeroimages")
            c.imageNum = 0;
        else if (change == u"hugewidth")
            c.imageWidth = 100000;
        else if (change == u"cmyk")
            c.imageFormat = QStringLiteral("CMYK");
        const ConfigErrors errors = c.validate();
        QStringList fields;
        for (const ConfigError& e : errors)
            fields << e.field;
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
        QCOMPARE(randomVl().validate(), ConfigErrors{});
    }

    void flickrShard()
    {
        QTemporaryDir dir;
        const QByteArray a = jpeg(56, 28);
        const QByteArray b = ImageSynth::png(5, 30, 30, QStringLiteral("RGB"));
        const QString shard = dir.filePath(QStringLiteral("0.tar"));
        writeFile(shard, tarOf({{"s/0001.jpg", a}, {"s/0001.txt", "A dog runs on the beach."}, {"s/0002.png", b},
                                 {"s/0002.txt", "Two cats."}, {"s/0003.json", "{}"}, {"s/0004.txt", "no image"}}));
        RunConfig c;
        c.model = QStringLiteral("m");
        c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
        c.dataset = QStringLiteral("flickr8k");
        c.datasetPath = shard;
        c.tokenizerPath = tokenizerDir();
        c.imagePatchSize = 28;
        const auto source = test::loadSource(c);
        QVERIFY(source);
        const Parts first = partsOf(source->at(0));
        QCOMPARE(first.text, QStringLiteral("A dog runs on the beach."));
        QCOMPARE(first.mimes, QStringList{QStringLiteral("image/jpeg")});
        QCOMPARE(first.images, QList<QByteArray>{a}); // the image's own bytes
        const Parts second = partsOf(source->at(1));
        QCOMPARE(second.text, QStringLiteral("Two cats."));
        QCOMPARE(second.images, QList<QByteArray>{b});
        QCOMPARE(partsOf(source->at(2)).text, first.text); // two samples, cycled
        // Tokens: the caption's through the tokenizer, plus ceil(56/28)*ceil(28/28) = 2 for the image.
        const qint64 captionTokens = qint64(source->options().tokenizer->count("A dog runs on the beach."));
        QCOMPARE(source->at(0).promptTokens, captionTokens + 2);

        writeFile(shard, QByteArray(700, 'x'));
        QVERIFY(!test::loadSource(c));
    }

    void flickrFromTheHub_data()
    {
        QTest::addColumn<QString>("hub");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("modelscope")
            << "modelscope" << QByteArray("/api/v1/datasets/clip-benchmark/wds_flickr8k/repo?Revision=master&FilePath=test/0.tar");
        QTest::newRow("huggingface") << "huggingface"
                                     << QByteArray("/datasets/clip-benchmark/wds_flickr8k/resolve/main/test/0.tar");
    }
    void flickrFromTheHub()
    {
        QFETCH(QString, hub);
        QFETCH(QByteArray, target);
        test::FixtureServer server;
        const QByteArray shard = tarOf({{"1000268201.jpg", jpeg(64, 48)}, {"1000268201.txt", "A child in pink."}});
        server.files.insert(target, shard);
        const char* env = hub == u"modelscope" ? "THROUGHLINE_MODELSCOPE_ENDPOINT" : "HF_ENDPOINT";
        qputenv(env, server.base().toUtf8());
        QTemporaryDir cache;
        RunConfig c;
        c.model = QStringLiteral("m");
        c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
        c.dataset = QStringLiteral("flickr8k");
        c.dataSource = hub;
        c.datasetCache = cache.path();
        const auto source = test::loadSource(c);
        qunsetenv(env);
        QVERIFY(source);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().target, target);
        const Parts parts = partsOf(source->at(0));
        QCOMPARE(parts.text, QStringLiteral("A child in pink."));
        QCOMPARE(parts.images.size(), 1);
        QCOMPARE(imagecodec::probe(parts.images.first())->width, 64);
    }

    void imageFolders_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<bool>("metadata");
        QTest::newRow("flickr8k pairs") << "flickr8k" << false;
        QTest::newRow("kontext metadata.jsonl") << "kontext_bench" << true;
    }
    void imageFolders()
    {
        QFETCH(QString, dataset);
        QFETCH(bool, metadata);
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("b.jpg")), jpeg(40, 40));
        writeFile(dir.filePath(QStringLiteral("a.png")), ImageSynth::png(1, 10, 10, QStringLiteral("L")));
        writeFile(dir.filePath(QStringLiteral("broken.png")), "not an image");
        if (metadata) {
            writeFile(dir.filePath(QStringLiteral("metadata.jsonl")),
                "{\"file_name\": \"b.jpg\", \"instruction\": \"Make it red\"}\n"
                "{\"file_name\": \"a.png\"}\n{\"file_name\": \"broken.png\", \"instruction\": \"x\"}\n");
        } else {
            writeFile(dir.filePath(QStringLiteral("b.txt")), "Make it red\n");
        }
        RunConfig c;
        c.model = QStringLiteral("m");
        c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
        c.dataset = dataset;
        c.datasetPath = dir.path();
        const auto source = test::loadSource(c);
        QVERIFY(source);
        QStringList texts;
        for (qint64 seq = 0; seq < 2; ++seq)
            texts << partsOf(source->at(seq)).text;
        texts.sort();
        // The broken image is skipped; a sample without text gets kontext's default instruction.
        QCOMPARE(texts, (QStringList{QStringLiteral("Describe the image"), QStringLiteral("Make it red")}));
        QCOMPARE(partsOf(source->at(2)).text, partsOf(source->at(0)).text);

        QTemporaryDir empty;
        c.datasetPath = empty.path();
        QVERIFY(!test::loadSource(c));
    }

    // kontext_bench's hub shape (tests/data/parquet/make_fixtures.mjs): image {bytes, path} structs and instructions
    // over two row groups; the row whose bytes are not an image is skipped, the one without an instruction gets the
    // default; each image is sent as its own bytes.
    void kontextParquet_data()
    {
        QTest::addColumn<QString>("how"); // file, folder, modelscope, huggingface
        QTest::addColumn<int>("shards"); // of the test split, each a copy of the fixture
        QTest::newRow("local file") << "file" << 1;
        QTest::newRow("folder holding the hub file") << "folder" << 1;
        QTest::newRow("folder holding two shards") << "folder" << 2;
        QTest::newRow("modelscope") << "modelscope" << 1;
        QTest::newRow("huggingface") << "huggingface" << 1;
        QTest::newRow("huggingface, two shards") << "huggingface" << 2;
    }
    void kontextParquet()
    {
        QFETCH(QString, how);
        QFETCH(int, shards);
        const QString fixture = QFINDTESTDATA("data/parquet/kontext_bench.parquet");
        QFile f(fixture);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray parquet = f.readAll();
        QTemporaryDir dir;
        RunConfig c;
        c.model = QStringLiteral("m");
        c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
        c.dataset = QStringLiteral("kontext_bench");
        c.datasetCache = dir.filePath(QStringLiteral("cache"));
        test::FixtureServer server;
        const char* env = how == u"modelscope" ? "THROUGHLINE_MODELSCOPE_ENDPOINT" : "HF_ENDPOINT";
        const HubDataset hub = *HubDataset::forDataset(c.dataset);
        QStringList files; // the test split as the hub names it
        for (int i = 0; i < shards; ++i)
            files.append(QStringLiteral("data/test-%1-of-%2.parquet")
                             .arg(i, 5, 10, QLatin1Char('0'))
                             .arg(shards, 5, 10, QLatin1Char('0')));
        if (how == u"file") {
            c.datasetPath = fixture;
        } else if (how == u"folder") {
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("kontext/data")));
            for (const QString& file : std::as_const(files))
                writeFile(dir.filePath(QStringLiteral("kontext/") + file), parquet);
            c.datasetPath = dir.filePath(QStringLiteral("kontext"));
        } else {
            c.dataSource = how;
            qputenv(env, server.base().toUtf8());
            QList<std::pair<QString, QByteArray>> repo{{QStringLiteral("README.md"), "# KontextBench"}};
            for (const QString& file : std::as_const(files))
                repo.append({file, parquet});
            server.serveRepository(hub, how, repo);
        }
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("skipped %1 of %2 images").arg(shards).arg(4 * shards)));
        const auto source = test::loadSource(c);
        if (how == u"modelscope" || how == u"huggingface") {
            qunsetenv(env);
            QCOMPARE(server.requests.size(), (how == u"modelscope" ? 2 : 1) + shards); // the listing, then the shards
            for (const QString& file : std::as_const(files))
                QVERIFY(QFileInfo(hub.cacheDir(c.datasetCache, how) + u'/' + file).isFile());
        }
        QVERIFY(source);
        QCOMPARE(dynamic_cast<const ImagePromptSource&>(*source).size(), 3 * shards); // every shard is read
        const QStringList texts{QStringLiteral("Make the sky purple"), QStringLiteral("Add a red hat"),
            QStringLiteral("Describe the image")};
        const QList<std::pair<int, int>> sizes{{16, 12}, {40, 8}, {8, 8}};
        for (int i = 0; i < 3; ++i) {
            const Parts parts = partsOf(source->at(i));
            QCOMPARE(parts.text, texts.at(i));
            QCOMPARE(parts.mimes, QStringList{QStringLiteral("image/png")});
            QCOMPARE(parts.images.size(), 1);
            QImage image;
            QVERIFY(image.loadFromData(parts.images.first(), "PNG"));
            QCOMPARE(std::make_pair(image.width(), image.height()), sizes.at(i));
        }
        QCOMPARE(partsOf(source->at(3)).text, texts.at(0)); // cycled
    }

    // End to end: kontext_bench from Parquet against the emulated server, which charges ceil(w/28)*ceil(h/28)
    // prompt tokens per image: 1, 2 and 1 for the three images.
    void kontextParquetRunsAgainstEmulatedServer()
    {
        SimConfig simConfig;
        simConfig.ttftMs = 1;
        simConfig.itlMs = 1;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        RunConfig c;
        c.model = QStringLiteral("m");
        c.url = sim.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
        c.dataset = QStringLiteral("kontext_bench");
        c.datasetPath = QFINDTESTDATA("data/parquet/kontext_bench.parquet");
        QTemporaryDir cache; // the images are extracted under it, and removed with the source
        c.datasetCache = cache.path();
        c.maxTokens = 2;
        c.parallel = {1};
        c.number = {3};
        c.sleepInterval = 0;
        c.writeOutputs = false;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 1 of 4 images")));
        const PointResult point = tl::test::runFirstPoint(c);
        QCOMPARE(point.summary.successRequests, 3);
        QCOMPARE(point.summary.failedRequests, 0);
    }

    void runAgainstEmulatedServer_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("transport");
        for (const char* t : {"lean", "qt"}) {
            QTest::addRow("chat %s", t) << "openai" << t;
            QTest::addRow("responses %s", t) << "openai_responses" << t;
        }
    }
    void runAgainstEmulatedServer()
    {
        QFETCH(QString, api);
        QFETCH(QString, transport);
        SimConfig simConfig;
        simConfig.ttftMs = 1;
        simConfig.itlMs = 1;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        const auto runWith = [&](int imageNum) {
            RunConfig c = randomVl();
            c.api = api;
            c.url = sim.baseUrl().toString() + (api == u"openai" ? QStringLiteral("/v1/chat/completions")
                                                                  : QStringLiteral("/v1"));
            c.transport = transport;
            c.imageNum = imageNum;
            c.imageWidth = 280;
            c.imageHeight = 140;
            c.minPromptLength = c.maxPromptLength = 12;
            c.maxTokens = 2;
            c.parallel = {1};
            c.number = {2};
            c.sleepInterval = 0;
            c.writeOutputs = false;
            return tl::test::runFirstPoint(c);
        };
        const PointResult none = runWith(0 + 1);
        const PointResult two = runWith(3);
        QCOMPARE(none.summary.successRequests, 2);
        QCOMPARE(two.summary.successRequests, 2);
        // The server charges ceil(280/28)*ceil(140/28) = 50 prompt tokens per image: two more images, 100 more.
        QCOMPARE(two.summary.avgInputTokens - none.summary.avgInputTokens, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestImageDatasets)
#include "tst_imagedatasets.moc"
