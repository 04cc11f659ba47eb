// --multi-turn against the emulated server (prefix cache on, request bodies in its ground-truth trace): each turn
// carries exactly the history of the conversation's earlier turns with the server's real replies; --number counts
// turns, --parallel conversations in flight, --warmup-num whole conversations, --duration lets claimed conversations
// finish; the server's cached_tokens reach the records, the project file and the trace metrics.

#include "dataset/conversationsource.h"
#include "engine/runcontroller.h"
#include "metrics/workloadmetrics.h"
#include "sim/simprotocol.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "storage/projectreader.h"
#include "storage/projectstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace tl;
using nlohmann::json;

// nlohmann::json does not go through QCOMPARE (its conversions clash with QTest's overloads).
#define JSON_COMPARE(actual, expected)                                                                          \
    QVERIFY2(json(actual) == json(expected),                                                                   \
        qPrintable(QString::fromStdString(json(actual).dump() + " != " + json(expected).dump())))

namespace {

constexpr int kReplyTokens = 4;

RunConfig multiTurnConfig(const QUrl& base, int parallel, int number)
{
    RunConfig c;
    c.url = base.toString() + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.maxTokens = kReplyTokens;
    c.extraArgs = R"({"ignore_eos": true})";
    c.sleepInterval = 0;
    c.writeOutputs = false;
    c.noTestConnection = true;
    c.multiTurn = true;
    c.dataset = QStringLiteral("custom_multi_turn");
    c.datasetPath = QFINDTESTDATA("data/datasets/custom_multi_turn.jsonl");
    c.parallel = {parallel};
    c.number = {number};
    return c;
}

// The dataset's conversations (custom_multi_turn.jsonl without its malformed line): 3, 2 and 1 turns, cycled.
Conversation datasetConversation(qint64 id)
{
    RunConfig c = multiTurnConfig(QUrl(QStringLiteral("http://127.0.0.1:9")), 1, 100); // loads all three
    ConfigError error;
    const auto source = ConversationSource::load(c, &error);
    return source ? source->conversation(id) : Conversation{};
}

// The emulated server's reply of `tokens` tokens (its text is a pure function of the count).
std::string simReply(int tokens)
{
    std::string text;
    for (int k = 1; k <= tokens; ++k) {
        const QByteArrayView w = SimProtocol::tokenText(k);
        text.append(w.data(), std::size_t(w.size()));
    }
    return text;
}

// The prompt text the emulated server's prefix cache hashes: "role\0content\0" per message.
std::string cacheText(const json& messages)
{
    std::string text;
    for (const json& m : messages) {
        text += m["role"].get<std::string>();
        text += '\0';
        text += m["content"].get<std::string>();
        text += '\0';
    }
    return text;
}

struct Run {
    RunState state = RunState::Idle;
    QList<RequestRecord> records;
};

Run runToEnd(const RunConfig& config, ProjectStore* store = nullptr)
{
    Run out;
    RunController controller;
    QObject::connect(&controller, &RunController::recordsArrived,
        [&out](const QList<RequestRecord>& records) { out.records.append(records); });
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config, store);
    if (!errors.isEmpty()) {
        qWarning() << errors.first().toString();
        return out;
    }
    if (!finished.wait(60000))
        return out;
    out.state = finished.first().at(0).value<RunState>();
    return out;
}

// Turns by conversation, in turn order.
std::map<qint64, QList<RequestRecord>> byConversation(const QList<RequestRecord>& records)
{
    std::map<qint64, QList<RequestRecord>> out;
    for (const RequestRecord& r : records)
        out[r.conversationId].append(r);
    for (auto& [id, turns] : out) {
        std::sort(turns.begin(), turns.end(),
            [](const RequestRecord& a, const RequestRecord& b) { return a.turnIndex < b.turnIndex; });
    }
    return out;
}

// The most requests of `records` in flight at once.
int peakInFlight(const QList<RequestRecord>& records)
{
    std::vector<std::pair<qint64, int>> edges;
    for (const RequestRecord& r : records) {
        edges.emplace_back(r.sentNs, 1);
        edges.emplace_back(r.endNs, -1);
    }
    std::sort(edges.begin(), edges.end()); // an end before a start at the same instant
    int now = 0, peak = 0;
    for (const auto& e : edges)
        peak = std::max(peak, now += e.second);
    return peak;
}

} // namespace

class TestMultiTurn final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig sim;
        sim.ttftMs = 20;
        sim.itlMs = 2;
        sim.prefixCache = true;
        sim.recordTrace = true;
        sim.traceBodies = true;
        m_sim = std::make_unique<SimServer>(sim);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_sim.reset(); }

    void eachTurnCarriesTheHistoryWithTheServersReplies()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("mt.tlproj"));
        auto store = ProjectStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        const Run run = runToEnd(multiTurnConfig(m_sim->baseUrl(), 2, 6), store.get());
        QCOMPARE(run.state, RunState::Finished);
        QCOMPARE(run.records.size(), 6);

        std::map<QByteArray, SimTraceRecord> traces;
        for (const SimTraceRecord& t : m_sim->traceRecords())
            traces[t.id] = t;
        int laterTurns = 0;
        int cachedTurns = 0;
        for (const auto& [id, turns] : byConversation(run.records)) {
            const Conversation dataset = datasetConversation(id);
            json expected = json::array();
            json previousPrompt;
            for (qsizetype n = 0; n < turns.size(); ++n) {
                const RequestRecord& r = turns.at(n);
                QVERIFY2(r.success, qPrintable(r.errorMessage));
                QCOMPARE(r.turnIndex, int(n));
                QVERIFY(traces.count(r.responseId));
                const SimTraceRecord& trace = traces.at(r.responseId);
                QCOMPARE(trace.completionTokens, kReplyTokens);
                for (const json& m : dataset.at(n).messages)
                    expected.push_back(m);
                const json body = json::parse(trace.requestBody.toStdString());
                JSON_COMPARE(body["messages"], expected); // turns 1..n-1 with the replies, then turn n's messages
                QCOMPARE(body["max_tokens"].get<int>(), kReplyTokens);
                // The prefix cache: the previous turn's prompt and reply are cached (whole 16-token blocks).
                QCOMPARE(r.cachedTokens, qint64(trace.cachedTokens));
                if (n > 0) {
                    ++laterTurns;
                    std::string history = cacheText(previousPrompt);
                    history += std::string("assistant") + '\0' + simReply(kReplyTokens) + '\0';
                    const qint64 atLeast
                        = std::min<qint64>(qint64(history.size() / 64) * 16, r.promptTokens - 1);
                    QVERIFY2(r.cachedTokens >= atLeast && r.cachedTokens < r.promptTokens,
                        qPrintable(QStringLiteral("%1 < %2").arg(r.cachedTokens).arg(atLeast)));
                    if (atLeast > 0)
                        ++cachedTurns; // the history fills at least one whole block
                }
                previousPrompt = expected;
                expected.push_back({{"role", "assistant"}, {"content", simReply(kReplyTokens)}});
            }
        }
        QVERIFY(laterTurns > 0);
        QVERIFY(cachedTurns > 0);

        // The cache hit rates from the server's counts.
        WorkloadMetrics metrics;
        metrics.add(run.records);
        const WorkloadMetrics::TraceSummary summary = metrics.traceSummary();
        QCOMPARE(summary.cacheSource, QStringLiteral("server"));
        bool eligibleRow = false;
        for (const WorkloadMetrics::Row& row : summary.rows) {
            if (row.metric == u"Eligible Cache Hit Rate (%)") {
                eligibleRow = true;
                QVERIFY(row.mean > 0 && row.max <= 100.0);
            }
        }
        QVERIFY(eligibleRow);

        // The project file keeps each request's conversation and turn.
        QVERIFY(store->flush(&error));
        ProjectReader reader;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        const QList<RequestRecord> stored = reader.requests(reader.runs().first().id, 0);
        QCOMPARE(stored.size(), 6);
        for (const RequestRecord& s : stored) {
            const auto live = std::find_if(run.records.cbegin(), run.records.cend(),
                [&s](const RequestRecord& r) { return r.seq == s.seq; });
            QVERIFY(live != run.records.cend());
            QCOMPARE(s.conversationId, live->conversationId);
            QCOMPARE(s.turnIndex, live->turnIndex);
            QCOMPARE(s.cachedTokens, live->cachedTokens);
        }
    }

    void numberCountsTurnsParallelConversations_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::addColumn<int>("number");
        QTest::newRow("1 x 4") << 1 << 4;
        QTest::newRow("2 x 5") << 2 << 5;
        QTest::newRow("3 x 11") << 3 << 11;
        QTest::newRow("4 x 1") << 4 << 1;
    }
    void numberCountsTurnsParallelConversations()
    {
        QFETCH(int, parallel);
        QFETCH(int, number);
        const Run run = runToEnd(multiTurnConfig(m_sim->baseUrl(), parallel, number));
        QCOMPARE(run.state, RunState::Finished);
        QCOMPARE(run.records.size(), number); // --number: turns
        QVERIFY(peakInFlight(run.records) <= parallel); // --parallel: conversations, one turn each in flight
        int cut = 0;
        for (const auto& [id, turns] : byConversation(run.records)) {
            QVERIFY(id >= 0);
            for (qsizetype n = 0; n < turns.size(); ++n)
                QCOMPARE(turns.at(n).turnIndex, int(n)); // no turn skipped
            if (turns.size() < datasetConversation(id).size())
                ++cut; // its turns ran out with --number
        }
        QVERIFY(cut <= parallel);
        if (parallel == 1) { // one conversation after the other: 3 turns of the first, then the second's first
            QList<QPair<qint64, int>> order;
            for (const RequestRecord& r : run.records)
                order.append({r.conversationId, r.turnIndex});
            QCOMPARE(order, (QList<QPair<qint64, int>>{{0, 0}, {0, 1}, {0, 2}, {1, 0}}));
        }
    }

    void warmupRunsWholeConversations()
    {
        RunConfig c = multiTurnConfig(m_sim->baseUrl(), 1, 3);
        c.warmupNum = 1; // one conversation: the dataset's first, all 3 of its turns
        const Run run = runToEnd(c);
        QCOMPARE(run.state, RunState::Finished);
        QList<QPair<qint64, int>> warm, timed;
        for (const RequestRecord& r : run.records)
            (r.warmup ? warm : timed).append({r.conversationId, r.turnIndex});
        QCOMPARE(warm, (QList<QPair<qint64, int>>{{0, 0}, {0, 1}, {0, 2}}));
        QCOMPARE(timed, (QList<QPair<qint64, int>>{{1, 0}, {1, 1}, {2, 0}})); // the next conversations
    }

    void durationLetsClaimedConversationsFinish()
    {
        RunConfig c = multiTurnConfig(m_sim->baseUrl(), 2, 100000);
        c.duration = 0.2;
        const Run run = runToEnd(c);
        QCOMPARE(run.state, RunState::Finished);
        QVERIFY(!run.records.isEmpty());
        QVERIFY(run.records.size() < 100000);
        // Trace-level soft exit: every conversation claimed before the deadline ran all of its turns.
        for (const auto& [id, turns] : byConversation(run.records))
            QCOMPARE(turns.size(), datasetConversation(id).size());
    }

    void failedTurnAbandonsTheConversation()
    {
        // A server that refuses every request: each conversation ends at its first (failed) turn.
        RunConfig c = multiTurnConfig(QUrl(QStringLiteral("http://127.0.0.1:9")), 1, 3);
        c.connectTimeout = 5;
        const Run run = runToEnd(c);
        QCOMPARE(run.records.size(), 3);
        for (const RequestRecord& r : run.records) {
            QVERIFY(!r.success);
            QCOMPARE(r.turnIndex, 0);
        }
        QCOMPARE(run.records.at(2).conversationId, 2);
    }
};

QTEST_GUILESS_MAIN(TestMultiTurn)
#include "tst_multiturn.moc"
