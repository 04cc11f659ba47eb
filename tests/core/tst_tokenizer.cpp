#include "tokenizer/chattemplate.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/textnormalizer.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <thread>

using tl::PreTokenizer;
using tl::Tokenizer;

namespace {

nlohmann::json readJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

std::string toStd(const QString& s)
{
    return s.toStdString();
}

// A small non-byte-level BPE tokenizer.json for edge cases the real fixtures do not reach.
nlohmann::json tinyBpe(nlohmann::json vocab, nlohmann::json merges)
{
    return nlohmann::json{
        {"version", "1.0"},
        {"added_tokens", nlohmann::json::array()},
        {"normalizer", nullptr},
        {"pre_tokenizer", nullptr},
        {"post_processor", nullptr},
        {"decoder", {{"type", "Fuse"}}},
        {"model", {{"type", "BPE"}, {"vocab", std::move(vocab)}, {"merges", std::move(merges)}}},
    };
}

} // namespace

class TestTokenizer final : public QObject {
    Q_OBJECT

private:
    std::map<std::string, std::shared_ptr<const Tokenizer>> m_tokenizers;
    nlohmann::json m_corpus;

    static QString dataDir() { return QFINDTESTDATA("data/tokenizers"); }

    std::shared_ptr<const Tokenizer> fromJson(const nlohmann::json& json, QString* error = nullptr)
    {
        QString local;
        return Tokenizer::fromJson(json, nlohmann::json(), QStringLiteral("test.json"), error ? error : &local);
    }

    std::vector<std::string> words(const char* regex, const std::string& text)
    {
        PreTokenizer::Pattern pattern{};
        if (!PreTokenizer::patternForRegex(regex, &pattern))
            return {"<unknown pattern>"};
        QString error;
        const nlohmann::json json = {{"type", "Split"}, {"pattern", {{"Regex", regex}}}, {"behavior", "Isolated"}};
        const auto pre = PreTokenizer::fromJson(json, &error);
        std::vector<PreTokenizer::Range> ranges;
        pre->split(text, ranges);
        std::vector<std::string> out;
        for (const auto& [b, e] : ranges)
            out.push_back(text.substr(b, e - b));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!dataDir().isEmpty());
        for (const char* name : {"gpt2", "qwen3", "mistral7b", "bert-base-uncased", "unigram-docs", "albert-base-v2"}) {
            QString error;
            auto tokenizer = Tokenizer::load(dataDir() + QLatin1Char('/') + QLatin1String(name), &error);
            QVERIFY2(tokenizer, qPrintable(error));
            m_tokenizers[name] = tokenizer;
        }
        m_corpus = readJsonFile(dataDir() + QStringLiteral("/corpus.json"));
        QCOMPARE(m_corpus.size(), size_t(85));
    }

    // Every corpus string against the ids and decoded text Hugging Face's tokenizers produced (the
    // WordPiece fixture: its JavaScript port tokenizers.js, tests/data/tokenizers/make_expected.mjs; ALBERT's
    // published SentencePiece Unigram model: the Rust library through its Node.js binding, make_expected_rust.mjs).
    void oracle_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("special");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("expected"); // the JSON line
        for (const char* file :
            {"gpt2", "qwen3", "mistral7b", "mistral7b.special", "bert-base-uncased", "bert-base-uncased.special",
                "unigram-docs", "unigram-docs.special", "albert-base-v2", "albert-base-v2.special"}) {
            QFile lines(dataDir() + QStringLiteral("/expected/%1.jsonl").arg(QLatin1String(file)));
            QVERIFY(lines.open(QIODevice::ReadOnly));
            while (!lines.atEnd()) {
                const QByteArray line = lines.readLine().trimmed();
                if (line.isEmpty())
                    continue;
                const auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size());
                // make_expected.mjs writes "skip" for a string its JavaScript oracle is known to get wrong.
                if (json.contains("skip"))
                    continue;
                const int index = json["i"].get<int>();
                const QString name = QString::fromLatin1(file).section(QLatin1Char('.'), 0, 0);
                QTest::addRow("%s/%d", file, index)
                    << name << QByteArray(file).endsWith(".special") << index << QString::fromUtf8(line);
            }
        }
    }
    void oracle()
    {
        QFETCH(QString, name);
        QFETCH(bool, special);
        QFETCH(int, index);
        QFETCH(QString, expected);
        const auto json = nlohmann::json::parse(toStd(expected));
        const auto& tokenizer = m_tokenizers.at(toStd(name));
        const std::string text = m_corpus.at(static_cast<size_t>(index)).get<std::string>();
        const auto ids = tokenizer->encode(text, special);
        const auto want = json["ids"].get<std::vector<int32_t>>();
        QCOMPARE(ids, want);
        QCOMPARE(static_cast<int64_t>(ids.size()), json["n"].get<int64_t>());
        if (!special)
            QCOMPARE(tokenizer->count(text), static_cast<qsizetype>(want.size()));
        if (json.contains("dec"))
            QCOMPARE(QString::fromStdString(tokenizer->decode(want)),
                QString::fromStdString(json["dec"].get<std::string>()));
    }

    void properties()
    {
        const auto& qwen = m_tokenizers.at("qwen3");
        QCOMPARE(qwen->vocabSize(), 151669);
        QVERIFY(qwen->isSpecial(151643)); // <|endoftext|>
        QVERIFY(qwen->isSpecial(151667)); // <think>, added but not special
        QVERIFY(!qwen->isSpecial(9707));
        QVERIFY(!qwen->isByteFallback(9707));
        QVERIFY(qwen->chatTemplate());
        QCOMPARE(qwen->tokenToId("<|im_start|>"), 151644);
        QCOMPARE(qwen->idToToken(9707), std::string("Hello"));
        // <|im_end|> is special and skipped on request; <think> is not special and stays.
        QCOMPARE(qwen->decode({151645, 9707, 151667}, true), std::string("Hello<think>"));

        const auto& mistral = m_tokenizers.at("mistral7b");
        QCOMPARE(mistral->vocabSize(), 32000);
        QVERIFY(mistral->isByteFallback(3)); // <0x00>
        QVERIFY(mistral->isByteFallback(258)); // <0xFF>
        QVERIFY(!mistral->isByteFallback(28705));
        QVERIFY(mistral->isSpecial(1));
        QVERIFY(!mistral->chatTemplate()); // the fixture's tokenizer_config.json has none
        QCOMPARE(mistral->decode({1, 22557}, true), std::string("Hello"));

        QCOMPARE(m_tokenizers.at("gpt2")->vocabSize(), 50257);
    }

    void loadsTokenizerJsonFile()
    {
        QString error;
        const auto tokenizer = Tokenizer::load(dataDir() + QStringLiteral("/gpt2/tokenizer.json"), &error);
        QVERIFY2(tokenizer, qPrintable(error));
        QCOMPARE(tokenizer->encode("Hello world"), (std::vector<int32_t>{15496, 995}));
    }

    void mergesInArrayForm()
    {
        auto json = readJsonFile(dataDir() + QStringLiteral("/gpt2/tokenizer.json"));
        nlohmann::json arrays = nlohmann::json::array();
        for (const auto& merge : json["model"]["merges"]) {
            const std::string s = merge.get<std::string>();
            arrays.push_back({s.substr(0, s.find(' ')), s.substr(s.find(' ') + 1)});
        }
        json["model"]["merges"] = arrays;
        const auto tokenizer = fromJson(json);
        QVERIFY(tokenizer);
        const std::string text = m_corpus[9].get<std::string>();
        QCOMPARE(tokenizer->encode(text), m_tokenizers.at("gpt2")->encode(text));
    }

    void ignoreMerges()
    {
        auto json = tinyBpe({{"a", 0}, {"b", 1}, {"c", 2}, {"bc", 3}, {"abc", 4}}, {"b c"});
        QCOMPARE(fromJson(json)->encode("abc"), (std::vector<int32_t>{0, 3}));
        json["model"]["ignore_merges"] = true;
        QCOMPARE(fromJson(json)->encode("abc"), (std::vector<int32_t>{4}));
        QCOMPARE(fromJson(json)->encode("abcc"), (std::vector<int32_t>{0, 3, 2}));
    }

    void unknownCharactersAndFuseUnk()
    {
        auto json = tinyBpe({{"<unk>", 0}, {"a", 1}}, nlohmann::json::array());
        json["model"]["unk_token"] = "<unk>";
        QCOMPARE(fromJson(json)->encode("axyza"), (std::vector<int32_t>{1, 0, 0, 0, 1}));
        json["model"]["fuse_unk"] = true;
        QCOMPARE(fromJson(json)->encode("axyza"), (std::vector<int32_t>{1, 0, 1}));
        // Without an unk token Hugging Face drops unknown characters.
        json["model"].erase("unk_token");
        QCOMPARE(fromJson(json)->encode("axyza"), (std::vector<int32_t>{1, 1}));
    }

    // WordPiece cases the corpus does not reach, on a small vocabulary (tokenizers' models/wordpiece).
    void wordPiece_data()
    {
        QTest::addColumn<QString>("model"); // merged into the base model below
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ids"); // JSON array
        QTest::newRow("longest match first")
            << QStringLiteral("{}") << QStringLiteral("unaffable") << QStringLiteral("[1, 3, 4]");
        QTest::newRow("a part matches nothing: the whole word is unk")
            << QStringLiteral("{}") << QStringLiteral("unaffablez") << QStringLiteral("[0]");
        QTest::newRow("words are separate")
            << QStringLiteral("{}") << QStringLiteral("un aff") << QStringLiteral("[1, 6]");
        QTest::newRow("at the character limit") << QStringLiteral("{\"max_input_chars_per_word\": 9}")
                                                << QStringLiteral("unaffable") << QStringLiteral("[1, 3, 4]");
        QTest::newRow("over the character limit") << QStringLiteral("{\"max_input_chars_per_word\": 8}")
                                                  << QStringLiteral("unaffable") << QStringLiteral("[0]");
        QTest::newRow("limit counts characters, not bytes")
            << QStringLiteral("{\"max_input_chars_per_word\": 2}") << QStringLiteral("\u00e9\u00e9")
            << QStringLiteral("[7, 8]");
        QTest::newRow("another prefix") << QStringLiteral("{\"continuing_subword_prefix\": \"@@\"}")
                                        << QStringLiteral("unaffable") << QStringLiteral("[1, 9]");
        QTest::newRow("another unk token")
            << QStringLiteral("{\"unk_token\": \"un\"}") << QStringLiteral("xyz") << QStringLiteral("[1]");
    }
    void wordPiece()
    {
        QFETCH(QString, model);
        QFETCH(QString, text);
        QFETCH(QString, ids);
        nlohmann::json json = {{"normalizer", nullptr}, {"pre_tokenizer", {{"type", "BertPreTokenizer"}}},
            {"post_processor", nullptr}, {"decoder", {{"type", "WordPiece"}}},
            {"model",
                {{"type", "WordPiece"}, {"unk_token", "[UNK]"},
                    {"vocab",
                        {{"[UNK]", 0}, {"un", 1}, {"##aff", 2}, {"##affa", 3}, {"##ble", 4}, {"##b", 5}, {"aff", 6},
                            {"\u00e9", 7}, {"##\u00e9", 8}, {"@@affable", 9}}}}}};
        json["model"].merge_patch(nlohmann::json::parse(toStd(model)));
        QString error;
        const auto tokenizer = fromJson(json, &error);
        QVERIFY2(tokenizer, qPrintable(error));
        QCOMPARE(tokenizer->encode(toStd(text)), nlohmann::json::parse(toStd(ids)).get<std::vector<int32_t>>());
    }

    // The normalizers BERT-style models use, on the bert-base-uncased vocabulary with the flags changed
    // (tokenizers' normalizers/bert.rs and utils.rs).
    void bertNormalizer_data()
    {
        QTest::addColumn<QString>("normalizer"); // replaces the fixture's
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tokens"); // the tokens, space-separated
        const QString bert = QStringLiteral("{\"type\": \"BertNormalizer\"}");
        QTest::newRow("defaults: lowercase and strip accents")
            << bert << QStringLiteral("H\u00c9LLO Caf\u00e9") << QStringLiteral("hello cafe");
        QTest::newRow("lowercase without stripping accents")
            << QStringLiteral("{\"type\": \"BertNormalizer\", \"strip_accents\": false}") << QStringLiteral("Caf\u00c9")
            << QStringLiteral("[UNK]"); // caf\u00e9: no NFD, not in the vocabulary
        QTest::newRow("neither") << QStringLiteral("{\"type\": \"BertNormalizer\", \"lowercase\": false}")
                                 << QStringLiteral("Hello") << QStringLiteral("[UNK]");
        QTest::newRow("clean_text drops controls, NUL and U+FFFD, maps whitespace")
            << bert
            << QStringLiteral("a\0b\u200bc\ufffdd\u00a0e\x07"
                              "f")
            << QStringLiteral("abc ##d e ##f");
        QTest::newRow("without clean_text controls stay")
            << QStringLiteral("{\"type\": \"BertNormalizer\", \"clean_text\": false}")
            << QStringLiteral("a\x07"
                              "b")
            << QStringLiteral("[UNK]");
        QTest::newRow("chinese characters are padded")
            << bert << QStringLiteral("\u4e2d\u6587ab") << QStringLiteral("\u4e2d \u6587 ab");
        QTest::newRow("without handle_chinese_chars")
            << QStringLiteral("{\"type\": \"BertNormalizer\", \"handle_chinese_chars\": false}")
            << QStringLiteral("\u4e2d\u6587") << QStringLiteral("\u4e2d ##\u6587");
        QTest::newRow("extension E from U+2B920 is padded")
            << bert << QStringLiteral("a\U0002B920b") << QStringLiteral("a [UNK] b");
        QTest::newRow("U+2B820..U+2B91F is not padded, as in tokenizers")
            << bert << QStringLiteral("a\U0002B820b") << QStringLiteral("[UNK]");
        QTest::newRow("kana is not padded")
            << bert << QStringLiteral("\u3042\u3044") << QStringLiteral("\u3042 ##\u3044");
        QTest::newRow("dotted capital I: accent stripped before lowercasing")
            << bert << QStringLiteral("\u0130") << QStringLiteral("i");
        // "i" + U+0307, and "##\u0307" is not in the vocabulary.
        QTest::newRow("Lowercase keeps the dot")
            << QStringLiteral("{\"type\": \"Lowercase\"}") << QStringLiteral("\u0130") << QStringLiteral("[UNK]");
        QTest::newRow("Lowercase maps capital sigma to sigma, final or not")
            << QStringLiteral("{\"type\": \"Lowercase\"}") << QStringLiteral("\u03a3\u039f\u03a3")
            << QStringLiteral("\u03c3 ##\u03bf ##\u03c3");
        QTest::newRow("NFD then StripAccents") << QStringLiteral(
            "{\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"NFD\"}, {\"type\": \"StripAccents\"}, "
            "{\"type\": \"Lowercase\"}]}") << QStringLiteral("Caf\u00e9")
                                               << QStringLiteral("cafe");
        QTest::newRow("StripAccents alone does not decompose")
            << QStringLiteral("{\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"StripAccents\"}, "
                              "{\"type\": \"Lowercase\"}]}")
            << QStringLiteral("cafe\u0301 caf\u00e9") << QStringLiteral("cafe [UNK]");
    }
    void bertNormalizer()
    {
        QFETCH(QString, normalizer);
        QFETCH(QString, text);
        QFETCH(QString, tokens);
        auto json = readJsonFile(dataDir() + QStringLiteral("/bert-base-uncased/tokenizer.json"));
        json["normalizer"] = nlohmann::json::parse(toStd(normalizer));
        QString error;
        const auto tokenizer = fromJson(json, &error);
        QVERIFY2(tokenizer, qPrintable(error));
        QStringList got;
        for (const int32_t id : tokenizer->encode(toStd(text)))
            got << QString::fromStdString(tokenizer->idToToken(id));
        QCOMPARE(got.join(QLatin1Char(' ')), tokens);
    }

    // Unigram cases beyond what SentencePiece can check (tokenizers' models/unigram: its trie holds every piece,
    // unknown characters are fused into one unk before byte fallback, ties keep the first path found).
    void unigram_data()
    {
        QTest::addColumn<QString>("model"); // merged into the base model below
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ids"); // JSON array
        QTest::newRow("best path") << QStringLiteral("{}") << QStringLiteral("abab") << QStringLiteral("[4, 4]");
        QTest::newRow("a tie keeps the first path found")
            << QStringLiteral("{\"vocab\": [[\"<unk>\", 0], [\"a\", -1], [\"b\", -1], [\"c\", -5], [\"ab\", -2]]}")
            << QStringLiteral("ab") << QStringLiteral("[4]");
        QTest::newRow("unknown characters fuse into one unk")
            << QStringLiteral("{}") << QStringLiteral("axyzb") << QStringLiteral("[1, 0, 2]");
        QTest::newRow("byte fallback for the fused run")
            << QStringLiteral("{\"byte_fallback\": true}") << QStringLiteral("axyb") << QStringLiteral("[1, 5, 6, 2]");
        QTest::newRow("byte fallback needs every byte")
            << QStringLiteral("{\"byte_fallback\": true}") << QStringLiteral("axzb") << QStringLiteral("[1, 0, 2]");
        QTest::newRow("byte piece text is a piece")
            << QStringLiteral("{\"byte_fallback\": true}") << QStringLiteral("<0x78>") << QStringLiteral("[5]");
        QTest::newRow("unk piece text fuses with unknown characters")
            << QStringLiteral("{\"byte_fallback\": true}") << QStringLiteral("y<unk>")
            << QStringLiteral("[0]"); // "y<unk>" as one run: '<', 'u', ... have no byte pieces
        QTest::newRow("a multi-byte unknown character")
            << QStringLiteral("{}") << QStringLiteral("a\u00e9\u65e5b") << QStringLiteral("[1, 0, 2]");
    }
    void unigram()
    {
        QFETCH(QString, model);
        QFETCH(QString, text);
        QFETCH(QString, ids);
        nlohmann::json json
            = {{"normalizer", nullptr}, {"pre_tokenizer", nullptr}, {"post_processor", nullptr}, {"decoder", nullptr},
                {"model",
                    {{"type", "Unigram"}, {"unk_id", 0},
                        {"vocab", nlohmann::json::parse(R"([["<unk>", 0], ["a", -2], ["b", -2], ["c", -2], ["ab", -3],
                            ["<0x78>", 0], ["<0x79>", 0]])")}}}};
        json["model"].merge_patch(nlohmann::json::parse(toStd(model)));
        QString error;
        const auto tokenizer = fromJson(json, &error);
        QVERIFY2(tokenizer, qPrintable(error));
        QCOMPARE(tokenizer->encode(toStd(text)), nlohmann::json::parse(toStd(ids)).get<std::vector<int32_t>>());
    }

    void unigramFixture()
    {
        const auto& uni = m_tokenizers.at("unigram-docs");
        QCOMPARE(uni->vocabSize(), 2000);
        QVERIFY(uni->isByteFallback(uni->tokenToId("<0x41>")));
        QVERIFY(!uni->isByteFallback(uni->tokenToId("\u2581the")));
        QVERIFY(uni->isSpecial(uni->tokenToId("</s>")));
        for (const char* text : {"Hello world", "tokenizer.json loads", "\u65e5\u672c\u8a9e text", "a \u00e9 b"})
            QCOMPARE(uni->decode(uni->encode(text)), std::string(text));
        // T5's layout: "$A </s>".
        QCOMPARE(uni->encode("x", true).back(), uni->tokenToId("</s>"));
        // WhitespaceSplit then Metaspace: runs of whitespace count like one space, and a word's own leading
        // replacement character is not doubled.
        QCOMPARE(uni->encode(" Hello \t\n world  "), uni->encode("Hello world"));
        QCOMPARE(uni->encode("\u2581Hello"), uni->encode("Hello"));
    }

    // Metaspace after another step is reproduced word by word for "always" and "never" only.
    void metaspaceAfterAnotherStep_data()
    {
        QTest::addColumn<QString>("preTokenizer");
        QTest::addColumn<QString>("error"); // empty: loads
        const auto seq = [](const char* second) {
            return QStringLiteral("{\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"WhitespaceSplit\"}, %1]}")
                .arg(QLatin1String(second));
        };
        QTest::newRow("always") << seq("{\"type\": \"Metaspace\", \"prepend_scheme\": \"always\"}") << QString();
        QTest::newRow("add_prefix_space") << seq("{\"type\": \"Metaspace\", \"add_prefix_space\": true}") << QString();
        QTest::newRow("never, no split") << seq(
            "{\"type\": \"Metaspace\", \"prepend_scheme\": \"never\", \"split\": false}")
                                         << QString();
        QTest::newRow("first") << seq("{\"type\": \"Metaspace\", \"prepend_scheme\": \"first\"}")
                               << QStringLiteral(
                                      "Metaspace prepend_scheme \"first\" after another step is not supported");
        QTest::newRow("a step after it") << QStringLiteral(
            "{\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"WhitespaceSplit\"}, "
            "{\"type\": \"Metaspace\"}, {\"type\": \"Digits\"}]}")
                                         << QStringLiteral(
                                                "a step after a Metaspace that follows another step is not supported");
    }
    void metaspaceAfterAnotherStep()
    {
        QFETCH(QString, preTokenizer);
        QFETCH(QString, error);
        auto json = readJsonFile(dataDir() + QStringLiteral("/unigram-docs/tokenizer.json"));
        json["pre_tokenizer"] = nlohmann::json::parse(toStd(preTokenizer));
        QString got;
        const auto tokenizer = fromJson(json, &got);
        if (!error.isEmpty()) {
            QVERIFY(!tokenizer);
            QVERIFY2(got.contains(error), qPrintable(got));
            return;
        }
        QVERIFY2(tokenizer, qPrintable(got));
        const auto& uni = m_tokenizers.at("unigram-docs");
        const bool prepends = !preTokenizer.contains(QLatin1String("never"));
        const std::string hello = uni->idToToken(uni->encode("Hello")[0]);
        QCOMPARE(hello.starts_with("\u2581"), true);
        const std::string first = tokenizer->idToToken(tokenizer->encode("Hello world")[0]);
        QCOMPARE(first.starts_with("\u2581"), prepends);
    }

    // Query and document as a rerank server tokenizes them (ids from tokenizers.js's text_pair; ALBERT's from the Rust
    // library's encode(query, document) through its Node.js binding, tokenizers 0.23.2).
    void pairs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("postProcessor"); // empty: the fixture's
        QTest::addColumn<QString>("ids"); // JSON array; null: refused
        QTest::newRow("bert template") << QStringLiteral("bert-base-uncased") << QString()
                                       << QStringLiteral(
                                              "[101,2054,2003,1037,19204,17629,1029,102,2009,19584,3793,2046,"
                                              "19204,2015,1012,102]");
        QTest::newRow("t5-style template") << QStringLiteral("unigram-docs") << QString()
                                           << QStringLiteral("[259,1010,422,278,271,597,1982,2,1633,259,1373,260,455,"
                                                             "282,603,327,268,2]");
        QTest::newRow("albert template") << QStringLiteral("albert-base-v2") << QString()
                                         << QStringLiteral("[2,98,25,21,20,2853,11907,60,3,32,2132,18,1854,77,20,2853,"
                                                           "18,9,3]");
        QTest::newRow("BertProcessing") << QStringLiteral("bert-base-uncased")
                                        << QStringLiteral("{\"type\": \"BertProcessing\", \"sep\": [\"[SEP]\", 102], "
                                                          "\"cls\": [\"[CLS]\", 101]}")
                                        << QStringLiteral("[101,2054,2003,1037,19204,17629,1029,102,2009,19584,3793,"
                                                          "2046,19204,2015,1012,102]");
        QTest::newRow("RobertaProcessing")
            << QStringLiteral("unigram-docs")
            << QStringLiteral("{\"type\": \"RobertaProcessing\", \"sep\": [\"</s>\", 2], "
                              "\"cls\": [\"<s>\", 1]}")
            << QStringLiteral("[1,259,1010,422,278,271,597,1982,2,2,1633,259,1373,260,455,"
                              "282,603,327,268,2]");
        QTest::newRow("no post-processor") << QStringLiteral("bert-base-uncased") << QStringLiteral("null")
                                           << QStringLiteral("[2054,2003,1037,19204,17629,1029,2009,19584,3793,2046,"
                                                             "19204,2015,1012]");
        QTest::newRow("template without pair")
            << QStringLiteral("bert-base-uncased")
            << QStringLiteral("{\"type\": \"TemplateProcessing\", \"single\": [{\"Sequence\": {\"id\": \"A\"}}], "
                              "\"special_tokens\": {}}")
            << QStringLiteral("null");
    }
    void pairs()
    {
        QFETCH(QString, name);
        QFETCH(QString, postProcessor);
        QFETCH(QString, ids);
        auto json = readJsonFile(dataDir() + QLatin1Char('/') + name + QStringLiteral("/tokenizer.json"));
        if (!postProcessor.isEmpty())
            json["post_processor"] = nlohmann::json::parse(toStd(postProcessor));
        QString error;
        const auto tokenizer = fromJson(json, &error);
        QVERIFY2(tokenizer, qPrintable(error));
        const char* query = "What is a tokenizer?";
        const char* document = "It splits text into tokens.";
        const auto want = nlohmann::json::parse(toStd(ids));
        QCOMPARE(tokenizer->hasPairTemplate(), !want.is_null());
        if (want.is_null()) {
            QVERIFY(tokenizer->encodePair(query, document, true).empty());
        } else {
            QCOMPARE(tokenizer->encodePair(query, document, true), want.get<std::vector<int32_t>>());
        }
        std::vector<int32_t> plain = tokenizer->encode(query);
        const std::vector<int32_t> second = tokenizer->encode(document);
        plain.insert(plain.end(), second.begin(), second.end());
        QCOMPARE(tokenizer->encodePair(query, document, false), plain);
    }

    // Precompiled (SentencePiece's nmt_nfkc charsmap) against SentencePiece's own normalization of the corpus
    // (tests/data/tokenizers/unigram-docs/make_precompiled.py).
    void precompiled_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("expected");
        QFile lines(dataDir() + QStringLiteral("/expected/precompiled-nmt_nfkc.jsonl"));
        QVERIFY(lines.open(QIODevice::ReadOnly));
        while (!lines.atEnd()) {
            const QByteArray line = lines.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size());
            QTest::addRow("%d", json["i"].get<int>())
                << json["i"].get<int>() << QString::fromStdString(json["norm"].get<std::string>());
        }
    }
    void precompiled()
    {
        QFETCH(int, index);
        QFETCH(QString, expected);
        static const std::unique_ptr<tl::TextNormalizer> normalizer = [this] {
            QFile file(dataDir() + QStringLiteral("/unigram-docs/nmt_nfkc.charsmap.b64"));
            if (!file.open(QIODevice::ReadOnly))
                return std::unique_ptr<tl::TextNormalizer>();
            QString error;
            return tl::TextNormalizer::fromJson(
                {{"type", "Precompiled"}, {"precompiled_charsmap", file.readAll().trimmed().toStdString()}}, &error);
        }();
        QVERIFY(normalizer);
        const std::string text = m_corpus.at(static_cast<size_t>(index)).get<std::string>();
        std::string buffer;
        QCOMPARE(QString::fromStdString(std::string(normalizer->apply(text, buffer))), expected);
    }

    // transformers' SpmConverter normalizer: Precompiled, Strip right, Replace(Regex(" {2,}"), "\u2581").
    void spaceRunsReplace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("single spaces stay") << QStringLiteral("a b c") << QStringLiteral("a b c");
        QTest::newRow("runs become one replacement")
            << QStringLiteral("a  b     c") << QStringLiteral("a\u2581b\u2581c");
        QTest::newRow("leading run") << QStringLiteral("  a") << QStringLiteral("\u2581a");
        QTest::newRow("trailing run is stripped first") << QStringLiteral("a   ") << QStringLiteral("a");
        QTest::newRow("tabs become spaces first (nmt_nfkc)") << QStringLiteral("a\t\tb") << QStringLiteral("a\u2581b");
        QTest::newRow("a space beside a tab") << QStringLiteral("a \tb") << QStringLiteral("a\u2581b");
        QTest::newRow("no-break spaces are mapped to spaces first")
            << QStringLiteral("a\u00a0\u00a0b") << QStringLiteral("a\u2581b");
    }
    void spaceRunsReplace()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFile file(dataDir() + QStringLiteral("/unigram-docs/nmt_nfkc.charsmap.b64"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const nlohmann::json json = {{"type", "Sequence"},
            {"normalizers",
                {{{"type", "Precompiled"}, {"precompiled_charsmap", file.readAll().trimmed().toStdString()}},
                    {{"type", "Strip"}, {"strip_left", false}, {"strip_right", true}},
                    {{"type", "Replace"}, {"pattern", {{"Regex", " {2,}"}}}, {"content", "\u2581"}}}}};
        QString error;
        const auto normalizer = tl::TextNormalizer::fromJson(json, &error);
        QVERIFY2(normalizer, qPrintable(error));
        std::string buffer;
        QCOMPARE(QString::fromStdString(std::string(normalizer->apply(toStd(text), buffer))), expected);
    }

    void wordPieceDecoder()
    {
        const auto& bert = m_tokenizers.at("bert-base-uncased");
        // [CLS] hello , world ! [SEP] with cleanup: the space before "," and "!" goes, per token.
        QCOMPARE(bert->decode({101, 7592, 1010, 2088, 999, 102}), std::string("[CLS] hello, world! [SEP]"));
        QCOMPARE(bert->decode({101, 7592, 102}, true), std::string("hello"));
        QCOMPARE(bert->decode({13137, 20968}), std::string("strawberries")); // straw ##berries
        QCOMPARE(bert->encode("I like strawberries", true), (std::vector<int32_t>{101, 1045, 2066, 13137, 20968, 102}));
        QCOMPARE(bert->vocabSize(), 30522);
        QVERIFY(bert->isSpecial(101));
        QVERIFY(!bert->isSpecial(7592));
        QVERIFY(!bert->isByteFallback(7592));
        auto json = readJsonFile(dataDir() + QStringLiteral("/bert-base-uncased/tokenizer.json"));
        json["decoder"]["cleanup"] = false;
        QCOMPARE(fromJson(json)->decode({7592, 1010, 2088, 999}), std::string("hello , world !"));
    }

    // Llama 2-style Metaspace pre-tokenizer and decoder give the Prepend+Replace normalizer's ids
    // for text that does not start with a space.
    void metaspaceEqualsPrependReplace()
    {
        auto json = readJsonFile(dataDir() + QStringLiteral("/mistral7b/tokenizer.json"));
        json["normalizer"] = nullptr;
        json["pre_tokenizer"]
            = {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", "first"}, {"split", false}};
        json["decoder"] = {{"type", "Sequence"},
            {"decoders",
                {{{"type", "ByteFallback"}},
                    {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", "first"}},
                    {{"type", "Fuse"}}}}};
        const auto metaspace = fromJson(json);
        QVERIFY(metaspace);
        const auto& mistral = m_tokenizers.at("mistral7b");
        for (const size_t i : {4, 8, 9, 17, 27, 53, 69}) {
            const std::string text = m_corpus[i].get<std::string>();
            QCOMPARE(metaspace->encode(text), mistral->encode(text));
            QCOMPARE(metaspace->decode(metaspace->encode(text)), text);
        }
        // split: true cuts before every "▁" but BPE never merges across it in this vocabulary.
        json["pre_tokenizer"]["split"] = true;
        const std::string text = m_corpus[8].get<std::string>();
        QCOMPARE(fromJson(json)->encode(text), mistral->encode(text));
    }

    void preTokenizerPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString gpt2
            = QString::fromUtf8("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
        const QString llama3 = QString::fromUtf8("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,"
                                                 "3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
        const QString deepseek = QString::fromUtf8(
            "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\\r\\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| "
            "?[\\p{P}\\p{S}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
        QTest::newRow("gpt2 contractions are case-sensitive")
            << gpt2 << QStringLiteral("I'M he's")
            << QStringList{QStringLiteral("I"), QStringLiteral("'"), QStringLiteral("M"), QStringLiteral(" he"),
                   QStringLiteral("'s")};
        QTest::newRow("gpt2 spaces before a word")
            << gpt2 << QStringLiteral("a   b  ")
            << QStringList{QStringLiteral("a"), QStringLiteral("  "), QStringLiteral(" b"), QStringLiteral("  ")};
        QTest::newRow("gpt2 digit runs") << gpt2 << QStringLiteral("x 12345")
                                         << QStringList{QStringLiteral("x"), QStringLiteral(" 12345")};
        QTest::newRow("llama3 digits in threes")
            << llama3 << QStringLiteral("1234567")
            << QStringList{QStringLiteral("123"), QStringLiteral("456"), QStringLiteral("7")};
        QTest::newRow("llama3 contractions ignore case")
            << llama3 << QStringLiteral("I'M") << QStringList{QStringLiteral("I"), QStringLiteral("'M")};
        QTest::newRow("llama3 punctuation takes following newlines")
            << llama3 << QStringLiteral("a.\n\nb")
            << QStringList{QStringLiteral("a"), QStringLiteral(".\n\n"), QStringLiteral("b")};
        QTest::newRow("llama3 whitespace up to the last newline")
            << llama3 << QStringLiteral("a \n  \n  b")
            << QStringList{QStringLiteral("a"), QStringLiteral(" \n  \n"), QStringLiteral(" "), QStringLiteral(" b")};
        QTest::newRow("llama3 one non-letter before letters")
            << llama3 << QStringLiteral("$hello\tworld")
            << QStringList{QStringLiteral("$hello"), QStringLiteral("\tworld")};
        QTest::newRow("deepseek ascii punctuation before letters")
            << deepseek << QStringLiteral("a.b ,c")
            << QStringList{QStringLiteral("a"), QStringLiteral(".b"), QStringLiteral(" ,"), QStringLiteral("c")};
        QTest::newRow("deepseek marks join letters")
            << deepseek << QStringLiteral("e\u0301x") << QStringList{QStringLiteral("e\u0301x")};
        QTest::newRow("deepseek digits are left as gaps")
            << deepseek << QStringLiteral("ab12") << QStringList{QStringLiteral("ab"), QStringLiteral("12")};
        QTest::newRow("deepseek cjk and kana runs")
            << QStringLiteral("[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+") << QStringLiteral("ab你好カナ!")
            << QStringList{QStringLiteral("ab"), QStringLiteral("你好カナ"), QStringLiteral("!")};
    }
    void preTokenizerPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const std::string& w : words(pattern.toStdString().c_str(), text.toStdString()))
            got << QString::fromStdString(w);
        QCOMPARE(got, expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown model") << QString::fromUtf8("{\"model\": {\"type\": \"WordLevel\"}}")
                                       << QStringLiteral("model type \"WordLevel\" is not supported");
        QTest::newRow("unigram without pieces")
            << QString::fromUtf8("{\"model\": {\"type\": \"Unigram\", \"vocab\": [], \"unk_id\": 0}}")
            << QStringLiteral("model.vocab must be a non-empty array of [piece, score]");
        QTest::newRow("unigram without unk_id")
            << QString::fromUtf8("{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", -1.0]]}}")
            << QStringLiteral("model.unk_id must be the id of a piece of model.vocab (0 to 0)");
        QTest::newRow("unigram unk_id outside")
            << QString::fromUtf8("{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", -1.0]], \"unk_id\": 1}}")
            << QStringLiteral("model.unk_id must be the id of a piece of model.vocab (0 to 0)");
        QTest::newRow("unigram piece without score")
            << QString::fromUtf8(
                   "{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", -1.0], [\"b\"]], \"unk_id\": 0}}")
            << QStringLiteral("model.vocab[1] must be [piece, score] with a finite score");
        QTest::newRow("wordpiece without its unk token")
            << QString::fromUtf8("{\"model\": {\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\"}}")
            << QStringLiteral("model.unk_token \"[UNK]\" is not in model.vocab");
        QTest::newRow("wordpiece max_input_chars_per_word")
            << QString::fromUtf8("{\"model\": {\"type\": \"WordPiece\", \"unk_token\": \"!\", "
                                 "\"max_input_chars_per_word\": -1}}")
            << QStringLiteral("model.max_input_chars_per_word must be a non-negative integer");
        QTest::newRow("bert normalizer flag")
            << QString::fromUtf8("{\"normalizer\": {\"type\": \"BertNormalizer\", \"lowercase\": \"yes\"}}")
            << QStringLiteral("normalizer.lowercase must be true, false or null");
        QTest::newRow("regex the engines read differently") << QString::fromUtf8(
            "{\"pre_tokenizer\": {\"type\": \"Split\", \"pattern\": {\"Regex\": \"\\\\h+\"}, \"behavior\": "
            "\"Isolated\", \"invert\": false}}")
                                       << QStringLiteral(
                                              "Split pattern {\"Regex\":\"\\\\h+\"} cannot be reproduced exactly");
        QTest::newRow("unknown pre-tokenizer")
            << QString::fromUtf8("{\"pre_tokenizer\": {\"type\": \"UnicodeScripts\"}}")
            << QStringLiteral("pre_tokenizer type \"UnicodeScripts\" is not supported");
        QTest::newRow("split behaviour") << QString::fromUtf8(
            "{\"pre_tokenizer\": {\"type\": \"Split\", \"pattern\": {\"Regex\": \"\\\\p{N}{1,3}\"}, \"behavior\": "
            "\"Sideways\"}}") << QStringLiteral("behavior \"Sideways\" is unknown");
        QTest::newRow("unknown normalizer") << QString::fromUtf8("{\"normalizer\": {\"type\": \"Nmt\"}}")
                                            << QStringLiteral("normalizer type \"Nmt\" is not supported");
        QTest::newRow("precompiled normalizer") << QString::fromUtf8(
            "{\"normalizer\": {\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"Precompiled\"}]}}")
                                                << QStringLiteral("Precompiled needs a precompiled_charsmap string");
        QTest::newRow("precompiled charsmap not base64")
            << QString::fromUtf8("{\"normalizer\": {\"type\": \"Precompiled\", \"precompiled_charsmap\": \"!!\"}}")
            << QStringLiteral("precompiled_charsmap is not base64 of a SentencePiece charsmap");
        QTest::newRow("precompiled charsmap too short")
            << QString::fromUtf8(
                   "{\"normalizer\": {\"type\": \"Precompiled\", \"precompiled_charsmap\": \"QAAAAA==\"}}")
            << QStringLiteral("precompiled_charsmap has a trie size that does not fit");
        QTest::newRow("unknown decoder") << QString::fromUtf8("{\"decoder\": {\"type\": \"CTC\"}}")
                                         << QStringLiteral("decoder type \"CTC\"");
        QTest::newRow("unknown post-processor") << QString::fromUtf8("{\"post_processor\": {\"type\": \"Whatever\"}}")
                                                << QStringLiteral("post_processor type \"Whatever\"");
        QTest::newRow("dropout") << QString::fromUtf8("{\"model\": {\"dropout\": 0.1}}")
                                 << QStringLiteral("model.dropout is not supported");
        QTest::newRow("merge outside vocab")
            << QString::fromUtf8("{\"model\": {\"merges\": [\"Ġ zzzz\"]}}")
            << QStringLiteral("model.merges[0] uses a token missing from model.vocab (\"zzzz\")");
        QTest::newRow("malformed merge") << QString::fromUtf8("{\"model\": {\"merges\": [\"abc\"]}}")
                                         << QStringLiteral("model.merges[0] \"abc\" is not two tokens");
        QTest::newRow("no model") << QString::fromUtf8("{\"model\": null}") << QStringLiteral("no \"model\" object");
        // Ids near INT_MAX asked for a 2^31-entry table and overflowed the vocabulary size: refused.
        QTest::newRow("vocab id near INT_MAX")
            << QString::fromUtf8("{\"model\": {\"vocab\": {\"zzhuge\": 2147483646}}}")
            << QStringLiteral("model.vocab[\"zzhuge\"] must be an integer id from 0 to 16777215");
        QTest::newRow("added token id INT_MAX")
            << QString::fromUtf8("{\"added_tokens\": [{\"id\": 2147483647, \"content\": \"<x>\"}]}")
            << QStringLiteral("added_tokens[0] needs a non-empty \"content\" string and an \"id\" from 0 to 16777215");
        QTest::newRow("vocab id past int64") << QString::fromUtf8("{\"model\": {\"vocab\": {\"zzhuge\": 1e300}}}")
                                             << QStringLiteral("model.vocab[\"zzhuge\"] must be an integer id");
    }
    void errors()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, expected);
        // Patch the GPT-2 tokenizer.json with the mutation (a JSON merge patch) and expect a refusal.
        auto json = readJsonFile(dataDir() + QStringLiteral("/gpt2/tokenizer.json"));
        json.merge_patch(nlohmann::json::parse(mutation.toStdString()));
        QString error;
        QVERIFY(!fromJson(json, &error));
        QVERIFY2(error.startsWith(QStringLiteral("test.json: ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void fileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(!Tokenizer::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("no tokenizer.json in this folder")), qPrintable(error));
        QVERIFY(!Tokenizer::load(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QStringLiteral("no such file")), qPrintable(error));
        QFile bad(dir.filePath(QStringLiteral("tokenizer.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"model\": ");
        bad.close();
        QVERIFY(!Tokenizer::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("tokenizer.json: invalid JSON at byte")), qPrintable(error));
        // A chat template that does not parse is reported against tokenizer_config.json.
        QVERIFY(QFile::remove(bad.fileName()));
        QVERIFY(QFile::copy(dataDir() + QStringLiteral("/gpt2/tokenizer.json"), bad.fileName()));
        QFile config(dir.filePath(QStringLiteral("tokenizer_config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"chat_template\": \"{% for m in messages %}{{ m.content }}\"}");
        config.close();
        QVERIFY(!Tokenizer::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("tokenizer_config.json: chat_template: line 1: missing {% endfor %}")),
            qPrintable(error));
    }

    void invalidUtf8IsReplaced()
    {
        // Bytes that are not UTF-8 are read as U+FFFD, like Python's errors="replace".
        const auto& qwen = m_tokenizers.at("qwen3");
        QCOMPARE(qwen->encode(std::string("a\xff")), qwen->encode("a\xEF\xBF\xBD"));
    }

    // Many threads encoding at once (sharing the word cache) get the ids one thread gets.
    void threadSafety()
    {
        for (const char* name : {"qwen3", "mistral7b"}) {
            const auto& tokenizer = m_tokenizers.at(name);
            std::vector<std::vector<int32_t>> reference;
            for (const auto& text : m_corpus)
                reference.push_back(tokenizer->encode(text.get<std::string>()));
            std::atomic<int> mismatches{0};
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t) {
                threads.emplace_back([&, t] {
                    for (int round = 0; round < 20; ++round) {
                        for (size_t k = 0; k < m_corpus.size(); ++k) {
                            const size_t i
                                = (k * 7 + static_cast<size_t>(t) * 13 + static_cast<size_t>(round)) % m_corpus.size();
                            if (tokenizer->encode(m_corpus[i].get<std::string>()) != reference[i])
                                ++mismatches;
                        }
                    }
                });
            }
            for (auto& thread : threads)
                thread.join();
            QCOMPARE(mismatches.load(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
