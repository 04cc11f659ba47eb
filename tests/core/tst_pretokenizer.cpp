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
        const auto& json = oracle();
        if (!json.is_object())
            QSKIP("no oracle");
        const auto& patterns = json["patterns"];
        for (size_t p = 0; p < patterns.size(); ++p) {
            const std::string name = patterns[p]["name"].get<std::string>();
            for (size_t i = 0; i < json["inputs"].size(); ++i)
                QTest::addRow("%s #%zu", name.c_str(), i) << int(p) << int(i);
        }
    }
    void split()
    {
        QFETCH(int, pattern);
        QFETCH(int, input);
        const auto& json = oracle();
        const auto& entry = json["patterns"][size_t(pattern)];
        // The pre_tokenizer as tokenizer.json would hold it: one Split per regex, in a Sequence.
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& regex : entry["regexes"])
            steps.push_back(
                {{"type", "Split"}, {"pattern", {{"Regex", regex}}}, {"behavior", "Isolated"}, {"invert", false}});
        QString error;
        const auto pre = PreTokenizer::fromJson({{"type", "Sequence"}, {"pretokenizers", steps}}, &error);
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
};

QTEST_GUILESS_MAIN(TestPreTokenizer)
#include "tst_pretokenizer.moc"
