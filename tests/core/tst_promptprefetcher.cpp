// The look-ahead producer of request bodies: the bodies it hands out equal those built synchronously, from several
// taking threads at once; it holds no more than its look-ahead and byte budget; a miss is built on the caller's
// thread and counted; a dataset failure is reported once and fails every later request; it stops cleanly.
#include "config/runconfig.h"
#include "core/promptsourcetest.h"
#include "engine/promptprefetcher.h"
#include "engine/requestfactory.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <semaphore>

using namespace tl;

namespace {

RunConfig config(const QString& dataset)
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.dataset = dataset;
    c.number = {600};
    c.seed = 7;
    return c;
}

// "body <seq>" padded to `size` bytes, counting the builds.
PromptPrefetcher::Build counting(std::atomic<int>* builds, int size = 16)
{
    return [builds, size](qint64 seq) {
        ++*builds;
        QByteArray body = "body " + QByteArray::number(seq);
        body.resize(std::max<qsizetype>(size, body.size()), ' ');
        return PreparedRequest{body, seq, {}};
    };
}

// Runs `threads` threads that claim indices [first, first + count) in increasing order, as the dispatcher hands
// them out, and take each; `check` tells whether a taken request is right. Returns the wrong ones.
int takeConcurrently(PromptPrefetcher& prefetcher, qint64 first, qint64 count, int threads,
    const std::function<bool(qint64, const PreparedRequest&)>& check)
{
    std::atomic<qint64> next{first};
    std::atomic<int> wrong{0};
    QList<QThread*> running;
    for (int t = 0; t < threads; ++t) {
        running.append(QThread::create([&] {
            for (qint64 seq = next++; seq < first + count; seq = next++) {
                if (!check(seq, prefetcher.take(seq)))
                    ++wrong;
            }
        }));
        running.last()->start();
    }
    for (QThread* t : running) {
        if (!t->wait(120000))
            ++wrong;
        delete t;
    }
    return wrong.load();
}

} // namespace

class TestPromptPrefetcher final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every dataset kind: the prefetched body of each request equals the one built on the spot, whatever the
    // look-ahead, and every request is either a hit or a counted miss.
    void bodiesEqualSynchronousBuilding_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<bool>("tokenizer");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<int>("lookahead");
        QTest::newRow("builtin, cycling") << "builtin" << false << qint64(0) << 256;
        QTest::newRow("builtin, small look-ahead") << "builtin" << false << qint64(5) << 3;
        QTest::newRow("openqa file past its window") << "openqa" << false << qint64(0) << 64;
        QTest::newRow("random with a tokenizer") << "random" << true << qint64(0) << 256;
        QTest::newRow("random, timed phase after a warmup") << "random" << true << qint64(40) << 16;
    }
    void bodiesEqualSynchronousBuilding()
    {
        QFETCH(QString, dataset);
        QFETCH(bool, tokenizer);
        QFETCH(qint64, first);
        QFETCH(int, lookahead);
        QTemporaryDir dir;
        RunConfig c = config(dataset);
        if (dataset == u"openqa") {
            c.datasetPath = dir.filePath(QStringLiteral("q.jsonl"));
            QFile f(c.datasetPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 1500; ++i) // more than the 512-item window: re-read from checkpoints
                f.write("{\"question\": \"question " + QByteArray::number(i) + "\"}\n");
        }
        if (tokenizer) {
            c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
            c.minPromptLength = 20;
            c.maxPromptLength = 60;
            c.number = {100};
        }
        const auto source = test::loadSource(c);
        QVERIFY(source);
        const auto plain = std::make_shared<const RequestFactory>(c, source);
        const qint64 count = c.number.first();
        PromptPrefetcher::Options options;
        options.first = first;
        options.count = count;
        options.lookahead = lookahead;
        const auto prefetching = plain->withPrefetch(options);
        QVERIFY(prefetching->prefetcher());
        for (qint64 seq = first; seq < first + count; ++seq) {
            qint64 expectedTokens = -2;
            qint64 gotTokens = -2;
            const QByteArray expected = plain->bodyFor(seq, &expectedTokens);
            const QByteArray got = prefetching->bodyFor(seq, &gotTokens);
            if (got != expected || gotTokens != expectedTokens)
                QFAIL(qPrintable(QStringLiteral("request %1: %2 (%3 tokens) instead of %4 (%5 tokens)")
                                     .arg(seq)
                                     .arg(QString::fromUtf8(got.left(200)))
                                     .arg(gotTokens)
                                     .arg(QString::fromUtf8(expected.left(200)))
                                     .arg(expectedTokens)));
        }
        const PromptPrefetcher::Stats s = prefetching->prefetcher()->stats();
        QCOMPARE(s.hits + s.misses, count);
        QVERIFY2(s.peakHeld <= lookahead, qPrintable(QString::number(s.peakHeld)));
        QTRY_VERIFY(!prefetching->prefetcher()->producerRunning()); // everything built: the producer left
        QCOMPARE(s.held, 0);
    }

    // Worker threads claim requests in increasing order and take them concurrently: each gets its own body, once.
    void concurrentTakers_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("lookahead");
        QTest::newRow("2 threads") << 2 << 256;
        QTest::newRow("4 threads, short look-ahead") << 4 << 8;
        QTest::newRow("8 threads, look-ahead of 1") << 8 << 1;
    }
    void concurrentTakers()
    {
        QFETCH(int, threads);
        QFETCH(int, lookahead);
        constexpr qint64 kCount = 20000;
        std::atomic<int> builds{0};
        PromptPrefetcher::Options options;
        options.first = 100;
        options.count = kCount;
        options.lookahead = lookahead;
        PromptPrefetcher prefetcher(counting(&builds), options);
        const int wrong = takeConcurrently(prefetcher, 100, kCount, threads, [](qint64 seq, const PreparedRequest& r) {
            return r.body.trimmed() == "body " + QByteArray::number(seq) && r.promptTokens == seq && !r.failed();
        });
        QCOMPARE(wrong, 0);
        const PromptPrefetcher::Stats s = prefetcher.stats();
        QCOMPARE(s.hits + s.misses, kCount);
        QCOMPARE(qint64(builds.load()), s.built + s.misses); // nothing built twice
        QVERIFY2(s.peakHeld <= lookahead, qPrintable(QString::number(s.peakHeld)));
        QCOMPARE(s.held, 0); // every body built was taken
    }

    // Nothing taken: the producer fills its look-ahead and waits; each take makes room for one more.
    void lookaheadBoundsWhatIsHeld_data()
    {
        QTest::addColumn<int>("lookahead");
        QTest::newRow("1") << 1;
        QTest::newRow("256") << 256;
        QTest::newRow("1000") << 1000;
    }
    void lookaheadBoundsWhatIsHeld()
    {
        QFETCH(int, lookahead);
        std::atomic<int> builds{0};
        PromptPrefetcher::Options options;
        options.count = 100000;
        options.lookahead = lookahead;
        PromptPrefetcher prefetcher(counting(&builds), options);
        QTRY_COMPARE(prefetcher.stats().built, qint64(lookahead));
        QCOMPARE(prefetcher.take(0).body.trimmed(), QByteArray("body 0"));
        QTRY_COMPARE(prefetcher.stats().built, qint64(lookahead + 1));
        QCOMPARE(prefetcher.take(1).body.trimmed(), QByteArray("body 1"));
        QTRY_COMPARE(prefetcher.stats().built, qint64(lookahead + 2));
        const PromptPrefetcher::Stats s = prefetcher.stats();
        QCOMPARE(s.held, qint64(lookahead));
        QCOMPARE(s.peakHeld, qint64(lookahead));
        QCOMPARE(s.misses, 0);
        QVERIFY(prefetcher.producerRunning());
    }

    // Large bodies: the byte budget stops the producer before the look-ahead does.
    void byteBudgetBoundsWhatIsHeld()
    {
        std::atomic<int> builds{0};
        PromptPrefetcher::Options options;
        options.count = 1000;
        options.lookahead = 1000;
        options.maxBytes = 100000;
        PromptPrefetcher prefetcher(counting(&builds, 10000), options);
        QTRY_COMPARE(prefetcher.stats().built, qint64(10));
        QCOMPARE(prefetcher.stats().heldBytes, qint64(100000));
        QCOMPARE(prefetcher.take(0).body.size(), 10000);
        QTRY_COMPARE(prefetcher.stats().built, qint64(11));
        QCOMPARE(prefetcher.stats().peakHeldBytes, qint64(100000));
    }

    // A request the producer has not reached is built on the caller's thread, counted, and skipped by the producer.
    void missIsBuiltOnTheCallerAndCounted()
    {
        std::atomic<int> builds{0};
        PromptPrefetcher::Options options;
        options.count = 100000;
        options.lookahead = 10;
        PromptPrefetcher prefetcher(counting(&builds), options);
        QTRY_COMPARE(prefetcher.stats().built, qint64(10));
        const PreparedRequest far = prefetcher.take(500);
        QCOMPARE(far.body.trimmed(), QByteArray("body 500"));
        QCOMPARE(prefetcher.stats().misses, 1);
        // Requests 0-9 wait, ready (claimed by other workers that wait for their send time): they fill the
        // look-ahead, so nothing more is built until one is taken; then the producer goes on past request 500.
        QCOMPARE(prefetcher.stats().held, 10);
        QCOMPARE(prefetcher.take(3).body.trimmed(), QByteArray("body 3"));
        QTRY_COMPARE(prefetcher.stats().built, qint64(11));
        QCOMPARE(prefetcher.take(501).body.trimmed(), QByteArray("body 501"));
        const PromptPrefetcher::Stats s = prefetcher.stats();
        QCOMPARE(s.misses, 1);
        QCOMPARE(s.hits, 2);
        QCOMPARE(s.peakHeld, 10);
    }

    // The first failed request stops the producer and is reported once; it and every later request fail, the ones
    // before it do not, even with several threads taking.
    void failureIsReportedOnceAndFailsWhatFollows_data()
    {
        QTest::addColumn<int>("lookahead");
        QTest::newRow("producer meets it") << 256;
        QTest::newRow("takers meet it") << 1;
    }
    void failureIsReportedOnceAndFailsWhatFollows()
    {
        QFETCH(int, lookahead);
        constexpr qint64 kFailAt = 700;
        const ConfigError failure{QStringLiteral("--dataset-path"), QStringLiteral("f.jsonl, line 701: bad")};
        std::atomic<int> reports{0};
        std::atomic<bool> sameError{true};
        PromptPrefetcher::Options options;
        options.count = 2000;
        options.lookahead = lookahead;
        options.onFailure = [&](const ConfigError& error) {
            if (!(error == failure))
                sameError = false;
            ++reports;
        };
        PromptPrefetcher prefetcher(
            [&](qint64 seq) {
                return seq >= kFailAt ? PreparedRequest{QByteArray(), -1, failure}
                                      : PreparedRequest{"body " + QByteArray::number(seq), -1, {}};
            },
            options);
        const int wrong = takeConcurrently(prefetcher, 0, 2000, 4, [&](qint64 seq, const PreparedRequest& r) {
            return seq >= kFailAt ? (r.failed() && r.error == failure) : r.body == "body " + QByteArray::number(seq);
        });
        QCOMPARE(wrong, 0);
        QCOMPARE(reports.load(), 1);
        QVERIFY(sameError.load());
        QTRY_VERIFY(!prefetcher.producerRunning());
        QVERIFY(prefetcher.stats().built <= kFailAt + 1); // the producer stopped at the failure
    }

    // stop() while the producer is inside a build: it returns once that build is done, with the thread joined; a
    // taker waiting for that very body gets it; later takes build on the caller's thread.
    void stopWaitsForTheBuildInProgress()
    {
        std::binary_semaphore started(0);
        std::binary_semaphore release(0);
        PromptPrefetcher::Options options;
        options.count = 100;
        PromptPrefetcher prefetcher(
            [&](qint64 seq) {
                if (seq == 0) {
                    started.release();
                    release.acquire();
                }
                return PreparedRequest{"body " + QByteArray::number(seq), -1, {}};
            },
            options);
        started.acquire(); // the producer is building request 0
        std::atomic<bool> released{false};
        std::atomic<bool> stoppedBeforeRelease{false};
        PreparedRequest taken;
        QThread* taker = QThread::create([&] { taken = prefetcher.take(0); });
        QThread* stopper = QThread::create([&] {
            prefetcher.stop();
            stoppedBeforeRelease = !released.load();
        });
        taker->start();
        stopper->start();
        QVERIFY(prefetcher.producerRunning());
        released = true;
        release.release();
        QVERIFY(stopper->wait(30000));
        QVERIFY(taker->wait(30000));
        delete stopper;
        delete taker;
        QVERIFY(!stoppedBeforeRelease.load()); // stop() returned only after the build in progress
        QVERIFY(!prefetcher.producerRunning());
        QCOMPARE(taken.body, QByteArray("body 0"));
        const qint64 built = prefetcher.stats().built;
        QCOMPARE(prefetcher.take(built).body, "body " + QByteArray::number(built)); // built here: the producer is gone
        QCOMPARE(prefetcher.stats().misses, 1);
        QCOMPARE(prefetcher.stats().built, built);
        prefetcher.stop(); // twice is fine
    }

    // Destroyed with a full look-ahead and nothing taken, or right after it started: no thread is left behind.
    void destroyedAtAnyPoint_data()
    {
        QTest::addColumn<bool>("waitForFull");
        QTest::newRow("full look-ahead") << true;
        QTest::newRow("just started") << false;
    }
    void destroyedAtAnyPoint()
    {
        QFETCH(bool, waitForFull);
        std::atomic<int> builds{0};
        PromptPrefetcher::Options options;
        options.count = 1000000;
        auto prefetcher = std::make_unique<PromptPrefetcher>(counting(&builds), options);
        if (waitForFull)
            QTRY_COMPARE(prefetcher->stats().built, qint64(PromptPrefetcher::kMinLookahead));
        prefetcher.reset();
        QVERIFY(builds.load() <= PromptPrefetcher::kMinLookahead);
    }

    void lookaheadFollowsTheLoad()
    {
        QCOMPARE(PromptPrefetcher::lookaheadFor(0), PromptPrefetcher::kMinLookahead);
        QCOMPARE(PromptPrefetcher::lookaheadFor(4), PromptPrefetcher::kMinLookahead);
        QCOMPARE(PromptPrefetcher::lookaheadFor(1000), 2000);
        QCOMPARE(PromptPrefetcher::lookaheadFor(1000000), PromptPrefetcher::kMaxLookahead);
    }

    // A factory's failed request comes back as a null body, with or without a prefetcher.
    void factoryFailsAtAMalformedLine()
    {
        QTemporaryDir dir;
        RunConfig c = config(QStringLiteral("openqa"));
        c.datasetPath = dir.filePath(QStringLiteral("q.jsonl"));
        c.number = {1000};
        QVERIFY(test::writeQuestions(c.datasetPath, 1000, 600));
        const auto source = test::loadSource(c);
        QVERIFY(source); // line 600 is past the 512 records checked when opening
        const auto plain = std::make_shared<const RequestFactory>(c, source);
        std::atomic<int> reports{0};
        ConfigError reported;
        PromptPrefetcher::Options options;
        options.count = 1000;
        options.onFailure = [&](const ConfigError& error) {
            reported = error;
            ++reports;
        };
        const auto prefetching = plain->withPrefetch(options);
        for (qint64 seq = 0; seq < 599; ++seq)
            QVERIFY(!prefetching->bodyFor(seq).isNull());
        qint64 tokens = 0;
        QVERIFY(prefetching->bodyFor(599, &tokens).isNull());
        QCOMPARE(tokens, -1);
        QVERIFY(prefetching->bodyFor(800).isNull());
        QTRY_COMPARE(reports.load(), 1);
        QVERIFY2(
            reported.message.startsWith(c.datasetPath + QStringLiteral(", line 600: ")), qPrintable(reported.message));
        QVERIFY(reported.message.endsWith(QStringLiteral("fix or delete that line")));
        QVERIFY(plain->prepare(599).failed());
        QVERIFY(!plain->prepare(598).failed());
    }
};

QTEST_GUILESS_MAIN(TestPromptPrefetcher)
#include "tst_promptprefetcher.moc"
