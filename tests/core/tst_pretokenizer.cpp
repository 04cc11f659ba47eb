#include "tokenizer/pretokenizer.h"

#include <nlohmann/json.hpp>

#include <QChar>
#include <QFile>
#include <QTest>

#include <string>
#include <vector>

using tl::PreTokenizer;

namespace {

// tests/data/tokenizers/pretokenize_expected.json, written by pretokenize_oracle.py beside it: the pieces
// Hugging Face's Split (Isolated) gives for each recognised regex on each input, worked out with Python's
// `regex` module.
const nlohmann::json& oracle()
{
    static const nlohmann::json json = [] {
        QFile file(QFINDTESTDATA("data/tokenizers/pretokenize_expected.json"));
        if (!file.open(QIODevice::ReadOnly))
            return nlohmann::json();
        const QByteArray bytes = file.readAll();
        return nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    }();
    return json;
}

// Pieces written with C-style escapes for everything outside printable ASCII, so a failure shows exactly
// where a split differs.
QByteArray describe(const std::vector<std::string>& pieces)
{
    QByteArray out = "[";
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += '"';
        for (const char c : pieces[i]) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x20 && u < 0x7F && c != '"' && c != '\\')
                out += c;
            else
                out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        }
        out += '"';
    }
    return out + "]";
}

QStringList words(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* w : list)
        out << QString::fromUtf8(w);
    return out;
}

} // namespace

// Checks every Split regex PreTokenizer recognises (GPT-2, Qwen2/3, Llama 3, DeepSeek V3's three steps and
// their sequence) against the oracle's pieces, one row per pattern and input.
class TestPreTokenizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oracleIsComplete()
    {
        const auto& json = oracle();
        QVERIFY2(json.is_object(), "pretokenize_expected.json is missing or malformed");
        QVERIFY(json["inputs"].size() > 500);
        QCOMPARE(json["patterns"].size(), size_t(8));
        for (const auto& pattern : json["patterns"])
            QCOMPARE(pattern["expected"].size(), json["inputs"].size());
        // The oracle only uses characters whose class is stable from Unicode 14.0 on; say which tables Qt has.
        qInfo("Qt Unicode tables: version enum %d; oracle: %s", int(QChar::currentUnicodeVersion()),
            json["oracle"].get<std::string>().c_str());
    }

    void split_data()
    {
        QTest::addColumn<int>("pattern");
        QTest::addColumn<int>("input");
        QTest::addColumn<bool>("general");
        const auto& json = oracle();
        if (!json.is_object())
            QSKIP("no oracle");
        const auto& patterns = json["patterns"];
        for (size_t p = 0; p < patterns.size(); ++p) {
            const std::string name = patterns[p]["name"].get<std::string>();
            for (size_t i = 0; i < json["inputs"].size(); ++i) {
                QTest::addRow("%s #%zu", name.c_str(), i) << int(p) << int(i) << false;
                // The same pattern on the general path (PCRE2): the hand-written matcher's reference.
                QTest::addRow("%s #%zu regex", name.c_str(), i) << int(p) << int(i) << true;
            }
        }
    }
    void split()
    {
        QFETCH(int, pattern);
        QFETCH(int, input);
        QFETCH(bool, general);
        const auto& json = oracle();
        const auto& entry = json["patterns"][size_t(pattern)];
        // The pre_tokenizer as tokenizer.json would hold it: one Split per regex, in a Sequence.
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& regex : entry["regexes"])
            steps.push_back(
                {{"type", "Split"}, {"pattern", {{"Regex", regex}}}, {"behavior", "Isolated"}, {"invert", false}});
        QString error;
        const nlohmann::json sequence = {{"type", "Sequence"}, {"pretokenizers", steps}};
        const auto pre = general ? PreTokenizer::fromJsonGeneral(sequence, &error) : PreTokenizer::fromJson(sequence, &error);
        QVERIFY2(pre, qPrintable(error));

        const std::string text = json["inputs"][size_t(input)].get<std::string>();
        std::vector<PreTokenizer::Range> ranges;
        pre->split(text, ranges);
        std::vector<std::string> got;
        for (const auto& [b, e] : ranges)
            got.push_back(text.substr(b, e - b));
        const auto expected = entry["expected"][size_t(input)].get<std::vector<std::string>>();
        if (got != expected) {
            const QByteArray message = "input " + describe({text}) + "\n   got      " + describe(got) + "\n   expected "
                + describe(expected);
            QFAIL(message.constData());
        }
    }

    // Hugging Face's SplitDelimiterBehavior on its documented example ("the-final--countdown" split on "-"), with
    // String and Regex patterns and invert, and the character pre-tokenizers; expected pieces worked out by hand
    // from the tokenizers documentation and source.
    void behaviors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("pieces");
        const QString countdown = QStringLiteral("the-final--countdown");
        const auto split = [](const char* pattern, const char* behavior, bool invert = false) -> QByteArray {
            return QByteArray("{\"type\":\"Split\",\"pattern\":") + pattern + ",\"behavior\":\"" + behavior
                + "\",\"invert\":" + (invert ? "true" : "false") + "}";
        };
        QTest::newRow("Removed") << split("{\"String\":\"-\"}", "Removed") << countdown
                                 << words({"the", "final", "countdown"});
        QTest::newRow("Isolated") << split("{\"String\":\"-\"}", "Isolated") << countdown
                                  << words({"the", "-", "final", "-", "-", "countdown"});
        QTest::newRow("MergedWithPrevious") << split("{\"String\":\"-\"}", "MergedWithPrevious") << countdown
                                            << words({"the-", "final-", "-", "countdown"});
        QTest::newRow("MergedWithNext") << split("{\"String\":\"-\"}", "MergedWithNext") << countdown
                                        << words({"the", "-final", "-", "-countdown"});
        QTest::newRow("Contiguous") << split("{\"String\":\"-\"}", "Contiguous") << countdown
                                    << words({"the", "-", "final", "--", "countdown"});
        QTest::newRow("regex Contiguous") << split("{\"Regex\":\"-\"}", "Contiguous") << countdown
                                          << words({"the", "-", "final", "--", "countdown"});
        // invert flips which pieces count as matches: with Removed, what the pattern does not match is dropped.
        QTest::newRow("invert Removed letters") << split("{\"Regex\":\"[a-z]+\"}", "Removed", true) << countdown
                                                << words({"the", "final", "countdown"});
        QTest::newRow("invert Removed dashes") << split("{\"Regex\":\"-+\"}", "Removed", true) << countdown
                                               << words({"-", "--"});
        QTest::newRow("invert MergedWithPrevious") << split("{\"Regex\":\"[a-z]+\"}", "MergedWithPrevious", true)
                                                   << countdown << words({"the-", "final--", "countdown"});
        QTest::newRow("String is literal") << split("{\"String\":\".\"}", "Removed") << QStringLiteral("a.b+c")
                                           << words({"a", "b+c"});
        QTest::newRow("Whitespace") << QByteArray("{\"type\":\"Whitespace\"}")
                                    << QStringLiteral("Hey man!! How are you?! caf\u00e9")
                                    << words({"Hey", "man", "!!", "How", "are", "you", "?!",
                                           "caf\u00e9"});
        // Oniguruma's \w takes combining marks: e + U+0301 stays one word (PCRE2's UCP \w would cut it).
        QTest::newRow("Whitespace keeps marks") << QByteArray("{\"type\":\"Whitespace\"}")
                                                << QStringLiteral("cafe\u0301 ok")
                                                << words({"cafe\u0301", "ok"});
        QTest::newRow("WhitespaceSplit") << QByteArray("{\"type\":\"WhitespaceSplit\"}")
                                         << QStringLiteral(" Hey  man!!\tok\u3000x ")
                                         << words({"Hey", "man!!", "ok", "x"});
        QTest::newRow("BertPreTokenizer") << QByteArray("{\"type\":\"BertPreTokenizer\"}")
                                          << QStringLiteral("Hey friend!     How are you?!?")
                                          << words({"Hey", "friend", "!", "How", "are", "you", "?", "!", "?"});
        QTest::newRow("Bert ASCII symbols are punctuation") << QByteArray("{\"type\":\"BertPreTokenizer\"}")
                                                            << QStringLiteral("a$b+c\u00bfd")
                                                            << words({"a", "$", "b", "+", "c",
                                                                   "\u00bf", "d"});
        QTest::newRow("Punctuation Contiguous") << QByteArray("{\"type\":\"Punctuation\",\"behavior\":\"Contiguous\"}")
                                                << QStringLiteral("Hey!! you?") << words({"Hey", "!!", " you", "?"});
        QTest::newRow("CharDelimiterSplit") << QByteArray("{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"|\"}")
                                            << QStringLiteral("a|b||c|") << words({"a", "b", "c"});
        QTest::newRow("known pattern, other behaviour") << split("{\"Regex\":\"\\\\p{N}{1,3}\"}", "Removed")
                                                        << QStringLiteral("ab1234cd") << words({"ab", "cd"});
        QTest::newRow("astral characters") << split("{\"Regex\":\"\\\\p{So}\"}", "Isolated")
                                           << QStringLiteral("a\U0001F600b\U0001F601")
                                           << words({"a", "\U0001F600", "b",
                                                  "\U0001F601"});
    }
    void behaviors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, text);
        QFETCH(QStringList, pieces);
        QString error;
        const auto parsed = nlohmann::json::parse(json.constData(), json.constData() + json.size());
        const auto pre = PreTokenizer::fromJson(parsed, &error);
        QVERIFY2(pre, qPrintable(error));
        const std::string utf8 = text.toStdString();
        std::vector<PreTokenizer::Range> ranges;
        pre->split(utf8, ranges);
        QStringList got;
        for (const auto& [b, e] : ranges)
            got << QString::fromStdString(utf8.substr(b, e - b));
        QCOMPARE(got, pieces);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bad regex") << QByteArray("{\"type\":\"Split\",\"pattern\":{\"Regex\":\"(a\"},\"behavior\":\"Isolated\"}")
                                   << "not a regex PCRE2 reads";
        QTest::newRow("onig \\h") << QByteArray("{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\h+\"},\"behavior\":\"Isolated\"}")
                                  << "hex digit";
        QTest::newRow("unknown behaviour")
            << QByteArray("{\"type\":\"Split\",\"pattern\":{\"String\":\"a\"},\"behavior\":\"Sideways\"}") << "behavior";
        QTest::newRow("unknown type") << QByteArray("{\"type\":\"UnicodeScripts\"}") << "not supported";
    }
    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!PreTokenizer::fromJson(nlohmann::json::parse(json.constData(), json.constData() + json.size()), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPreTokenizer)
#include "tst_pretokenizer.moc"
