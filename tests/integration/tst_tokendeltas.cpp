// Per-event token deltas end to end: runs through RunController against the emulated server on 127.0.0.1 with
// --continuous-usage (usage in every chunk, vLLM's continuous_usage_stats) and --tokens-per-chunk 1 and 3, on both
// transports. Each event's delta must be exact (the server coalesces k tokens per chunk), their sum the output, the
// final usage chunk counted once; the project file must keep them and give the same metrics when recomputed.

#include "engine/runcontroller.h"
#include "metrics/pointaccumulator.h"
#include "sim/simserver.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace tl;

namespace {

constexpr int kTokens = 10;
constexpr int kRequests = 4;

// The tokens each content event must bring: k per chunk, the last chunk the remainder.
QVector<qint32> expectedContentDeltas(int tokensPerChunk)
{
    QVector<qint32> out;
    for (int done = 0; done < kTokens; done += tokensPerChunk)
        out.append(qint32(std::min(tokensPerChunk, kTokens - done)));
    return out;
}

} // namespace

class TestTokenDeltas final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deltasFromContinuousUsage_data()
    {
        QTest::addColumn<int>("tokensPerChunk");
        QTest::addColumn<bool>("continuous");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("transport");
        for (const char* t : {"lean", "qt"}) {
            QTest::addRow("%s chat, 1 token per chunk", t) << 1 << true << "/v1/chat/completions" << t;
            QTest::addRow("%s chat, 3 tokens per chunk", t) << 3 << true << "/v1/chat/completions" << t;
            QTest::addRow("%s completions, 3 tokens per chunk", t) << 3 << true << "/v1/completions" << t;
            QTest::addRow("%s chat, include_usage only", t) << 3 << false << "/v1/chat/completions" << t;
        }
    }
    void deltasFromContinuousUsage()
    {
        QFETCH(int, tokensPerChunk);
        QFETCH(bool, continuous);
        QFETCH(QString, path);
        QFETCH(QString, transport);

        SimConfig simConfig;
        simConfig.ttftMs = 5;
        simConfig.itlMs = 2;
        simConfig.tokensPerChunk = tokensPerChunk;
        SimServer sim(simConfig);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        RunConfig config;
        config.url = sim.baseUrl().toString() + path;
        config.model = QStringLiteral("throughline-sim");
        config.maxTokens = kTokens;
        config.extraArgs = R"({"ignore_eos": true})";
        config.parallel = {2};
        config.number = {kRequests};
        config.sleepInterval = 0;
        config.writeOutputs = false;
        config.transport = transport;
        config.continuousUsage = continuous;

        QTemporaryDir dir;
        auto store = ProjectStore::open(dir.filePath(QStringLiteral("deltas.tlproj")), &error);
        QVERIFY2(store, qPrintable(error));
        RunController controller;
        QList<RequestRecord> live;
        connect(&controller, &RunController::recordsArrived, this,
            [&live](const QList<RequestRecord>& records) { live += records; });
        QSignalSpy finished(&controller, &RunController::runFinished);
        const ConfigErrors errors = controller.start(config, store.get());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QVERIFY(finished.wait(30000));
        QCOMPARE(live.size(), kRequests);

        const QVector<qint32> expected = expectedContentDeltas(tokensPerChunk);
        for (const RequestRecord& r : std::as_const(live)) {
            QVERIFY2(r.success, qPrintable(r.errorMessage));
            QCOMPARE(r.completionTokens, kTokens);
            QCOMPARE(r.contentEvents(), qint64(expected.size()));
            if (!continuous) {
                QVERIFY(r.eventTokens.isEmpty()); // one usage object at the end says nothing per event
                continue;
            }
            QCOMPARE(r.eventTokens.size(), r.eventNs.size());
            QVERIFY(r.hasExactTokenDeltas());
            QVector<qint32> content;
            qint64 sum = 0;
            for (qsizetype i = 0; i < r.eventNs.size(); ++i) {
                const qint32 t = r.eventTokens.at(i);
                QVERIFY2(t >= 0, "every event of a continuous-usage stream has a known delta");
                sum += t;
                if (r.eventFlags.at(i) & EventHasContent)
                    content.append(t);
                else
                    QCOMPARE(t, 0); // the role chunk and the final usage chunk bring no token
            }
            QCOMPARE(content, expected);
            QCOMPARE(sum, qint64(kTokens)); // the final usage chunk is not counted twice
        }

        const PointResult result = controller.results().constFirst();
        const ExtendedMetrics& m = result.extended;
        QCOMPARE(m.chunkedRequests, kRequests);
        QCOMPARE(m.exactTokenRequests, continuous ? kRequests : 0);
        QCOMPARE(tokenDeltaSource(m), continuous ? QStringLiteral("server") : QStringLiteral("even spread"));
        QCOMPARE(m.avgTokensPerChunk, double(kTokens) / expected.size());

        // The project file keeps the deltas; metrics recomputed from it use them as the live run did.
        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY2(reader.open(dir.filePath(QStringLiteral("deltas.tlproj")), &error), qPrintable(error));
        const QList<RequestRecord> stored = reader.requests(controller.runId(), 0);
        QCOMPARE(stored.size(), kRequests);
        PointAccumulator recomputed(RunConfig::ApiKind::Chat);
        for (const RequestRecord& r : stored) {
            const auto same = std::find_if(
                live.cbegin(), live.cend(), [&r](const RequestRecord& l) { return l.seq == r.seq; });
            QVERIFY(same != live.cend());
            QCOMPARE(r.eventTokens, same->eventTokens);
            recomputed.add(r);
        }
        const ExtendedMetrics fromFile = recomputed.extended();
        QCOMPARE(fromFile.exactTokenRequests, m.exactTokenRequests);
        QCOMPARE(fromFile.avgTokensPerChunk, m.avgTokensPerChunk);
        QVERIFY(std::abs(fromFile.avgItlTokenMs - m.avgItlTokenMs) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestTokenDeltas)
#include "tst_tokendeltas.moc"
