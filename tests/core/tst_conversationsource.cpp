// The multi-turn datasets (docs/DATASETS.md): custom_multi_turn and share_gpt_*_multi_turn parsed from small files in
// their real formats, random_multi_turn generated with a real tokenizer, and the rules --multi-turn adds.
#include "config/runconfig.h"
#include "dataset/conversationsource.h"
#include "tokenizer/tokenizer.h"

#include <QTest>

using namespace tl;
using nlohmann::json;

// nlohmann::json does not go through QCOMPARE (its conversions clash with QTest's overloads).
#define JSON_COMPARE(actual, expected)                                                                          \
    QVERIFY2(json(actual) == json(expected),                                                                   \
        qPrintable(QString::fromStdString(json(actual).dump() + " != " + json(expected).dump())))

namespace {

RunConfig multiTurnConfig(const QString& dataset, const QString& file = {})
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:9/v1/chat/completions");
    c.dataset = dataset;
    c.multiTurn = true;
    if (!file.isEmpty())
        c.datasetPath = QFINDTESTDATA(QStringLiteral("data/datasets/") + file);
    c.number = {10};
    c.seed = 3;
    return c;
}

std::shared_ptr<const ConversationSource> load(const RunConfig& c)
{
    const ConfigErrors errors = c.validate();
    if (!errors.isEmpty()) {
        qWarning("%s", qPrintable(errors.first().toString()));
        return nullptr;
    }
    ConfigError error;
    auto source = ConversationSource::load(c, &error);
    if (!source)
        qWarning("%s", qPrintable(error.toString()));
    return source;
}

json user(const char* text)
{
    return {{"role", "user"}, {"content", text}};
}

} // namespace

class TestConversationSource final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void customLineSplitsAtAssistantMessages()
    {
        QString why;
        const auto c = ConversationSource::fromCustomLine(
            R"([{"role":"system","content":"S"},{"role":"user","content":"a"},{"role":"assistant","content":"x"},)"
            R"({"role":"user","content":"b"},{"role":"tool","content":"t"},{"role":"assistant","content":"y"}])",
            &why);
        QVERIFY2(c, qPrintable(why));
        QCOMPARE(c->size(), 2);
        // The system message joins turn 1; the assistant contents are discarded; a tool message joins its turn.
        JSON_COMPARE(c->at(0).messages, json::array({{{"role", "system"}, {"content", "S"}}, user("a")}));
        JSON_COMPARE(c->at(1).messages, json::array({user("b"), {{"role", "tool"}, {"content", "t"}}}));
    }

    void customLineRefusesWhatIsNotAConversation_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("not json") << QByteArray("hello");
        QTest::newRow("object") << QByteArray(R"({"role":"user","content":"a"})");
        QTest::newRow("no role") << QByteArray(R"([{"content":"a"}])");
        QTest::newRow("only assistant") << QByteArray(R"([{"role":"assistant","content":"a"}])");
        QTest::newRow("empty") << QByteArray("[]");
    }
    void customLineRefusesWhatIsNotAConversation()
    {
        QFETCH(QByteArray, line);
        QString why;
        QVERIFY(!ConversationSource::fromCustomLine(line, &why));
        QVERIFY(!why.isEmpty());
    }

    void shareGptKeepsHumanTurnsOnly()
    {
        QString why;
        const auto c = ConversationSource::fromShareGptLine(
            R"({"conversation":[{"human":"a","assistant":"x"},{"human":"","assistant":"y"},{"human":"b"}]})", &why);
        QVERIFY2(c, qPrintable(why));
        QCOMPARE(c->size(), 2);
        JSON_COMPARE(c->at(0).messages, json::array({user("a")}));
        JSON_COMPARE(c->at(1).messages, json::array({user("b")}));
        QVERIFY(!ConversationSource::fromShareGptLine(R"({"conversation":[{"assistant":"x"}]})", &why));
    }

    void encodeDecodeRoundTrip()
    {
        Conversation c;
        ConversationTurn t;
        t.messages = json::array({user("q")});
        t.maxTokens = 12;
        t.toolCallLatencyS = 0.25;
        c.append(t);
        c.append(ConversationTurn{json::array({user("r")}), std::nullopt, 0});
        const auto back = ConversationSource::decode(ConversationSource::encode(c));
        QVERIFY(back);
        QCOMPARE(back->size(), 2);
        JSON_COMPARE(back->at(0).messages, t.messages);
        QCOMPARE(back->at(0).maxTokens, std::optional<int>(12));
        QCOMPARE(back->at(0).toolCallLatencyS, 0.25);
        QVERIFY(!back->at(1).maxTokens);
        QVERIFY(!ConversationSource::decode("{}"));
    }

    void customFileSkipsMalformedLinesAndTruncates()
    {
        RunConfig c = multiTurnConfig(QStringLiteral("custom_multi_turn"), QStringLiteral("custom_multi_turn.jsonl"));
        c.maxTurns = 2;
        const auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->loadedCount(), 3); // the line that is not JSON is skipped with a warning
        const Conversation first = source->conversation(0);
        QCOMPARE(first.size(), 2); // 3 turns, truncated to --max-turns
        QVERIFY(first.at(0).messages.size() == 2); // system + user
        JSON_COMPARE(first.at(1).messages, json::array({user("And an even one?")}));
        QCOMPARE(source->conversation(1).size(), 2);
        QCOMPARE(source->conversation(2).size(), 1);
        JSON_COMPARE(source->conversation(3).at(0).messages, first.at(0).messages); // cycled
    }

    void shareGptMultiTurnFromLocalFile()
    {
        const auto source = load(
            multiTurnConfig(QStringLiteral("share_gpt_zh_multi_turn"), QStringLiteral("sharegpt_multi_turn.jsonl")));
        QVERIFY(source);
        QCOMPARE(source->loadedCount(), 3); // the conversation without a human message is skipped
        const Conversation first = source->conversation(0);
        QCOMPARE(first.size(), 3);
        JSON_COMPARE(first.at(2).messages, json::array({user("再来一个")}));
        QCOMPARE(source->conversation(2).size(), 2); // the empty human message is no turn
    }

    void lengthFilterOnTheFirstUserMessage()
    {
        RunConfig c = multiTurnConfig(QStringLiteral("custom_multi_turn"), QStringLiteral("custom_multi_turn.jsonl"));
        c.minPromptLength = 6; // characters without a tokenizer: drops "Hello" (5)
        const auto source = load(c);
        QVERIFY(source);
        QCOMPARE(source->loadedCount(), 2);
        JSON_COMPARE(source->conversation(1).at(0).messages, json::array({user("One question only")}));
    }

    void randomMultiTurnTurnsAndLengths()
    {
        RunConfig c = multiTurnConfig(QStringLiteral("random_multi_turn"));
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        c.minTurns = 2;
        c.maxTurns = 4;
        c.minPromptLength = 20;
        c.maxPromptLength = 30;
        c.prefixLength = 5;
        const auto source = load(c);
        QVERIFY(source);
        QString error;
        const auto tok = Tokenizer::load(c.tokenizerPath, &error);
        QVERIFY2(tok, qPrintable(error));
        QSet<int> turnCounts;
        for (int i = 0; i < 20; ++i) {
            const Conversation conv = source->conversation(i);
            QVERIFY(conv.size() >= 2 && conv.size() <= 4);
            turnCounts.insert(int(conv.size()));
            for (const ConversationTurn& t : conv) {
                QVERIFY(t.messages.size() == 1);
                JSON_COMPARE(t.messages[0]["role"], "user");
                // Prefix + U[min, max] tokens, with no chat-template subtraction.
                const auto n = qsizetype(tok->count(t.messages[0]["content"].get<std::string>()));
                QVERIFY2(n >= 25 && n <= 35, qPrintable(QString::number(n)));
            }
        }
        QVERIFY(turnCounts.size() > 1);
        // Deterministic per (seed, index).
        QCOMPARE(ConversationSource::encode(source->conversation(7)), ConversationSource::encode(load(c)->conversation(7)));
    }

    void multiTurnRules_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<bool>("multiTurn");
        QTest::addColumn<bool>("openLoop");
        QTest::addColumn<QString>("api");
        QTest::addColumn<bool>("maxTurns");
        QTest::addColumn<QString>("field"); // empty: valid
        QTest::newRow("custom ok") << "custom_multi_turn" << true << false << "openai" << false << "";
        QTest::newRow("dataset without flag") << "custom_multi_turn" << false << false << "openai" << false
                                              << "--multi-turn";
        QTest::newRow("flag without dataset") << "openqa" << true << false << "openai" << false << "--dataset";
        QTest::newRow("open loop") << "custom_multi_turn" << true << true << "openai" << false << "--open-loop";
        QTest::newRow("responses api") << "custom_multi_turn" << true << false << "openai_responses" << false
                                       << "--api";
        QTest::newRow("random without max") << "random_multi_turn" << true << false << "openai" << false
                                            << "--max-turns";
    }
    void multiTurnRules()
    {
        QFETCH(QString, dataset);
        QFETCH(bool, multiTurn);
        QFETCH(bool, openLoop);
        QFETCH(QString, api);
        QFETCH(bool, maxTurns);
        QFETCH(QString, field);
        RunConfig c = multiTurnConfig(dataset, QStringLiteral("custom_multi_turn.jsonl"));
        c.multiTurn = multiTurn;
        c.api = api;
        c.tokenizerPath = QFINDTESTDATA("data/tokenizers/gpt2");
        if (openLoop) {
            c.openLoop = true;
            c.rate = {5};
        }
        if (maxTurns)
            c.maxTurns = 3;
        const ConfigErrors errors = c.validate();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().toString()));
            return;
        }
        QStringList fields;
        for (const ConfigError& e : errors)
            fields.append(e.field);
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestConversationSource)
#include "tst_conversationsource.moc"
