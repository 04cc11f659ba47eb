#include "config/runconfig.h"

#include <QTest>

using tl::ConfigErrors;
using tl::RunConfig;
using tl::RunPoint;

namespace {

RunConfig valid()
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    return c;
}

QStringList fields(const ConfigErrors& errors)
{
    QStringList out;
    for (const auto& e : errors)
        out.append(e.field);
    return out;
}

} // namespace

class TestRunConfig final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowEvalScope()
    {
        const RunConfig c;
        QCOMPARE(c.parallel, QList<int>{1});
        QCOMPARE(c.number, QList<int>{1000});
        QCOMPARE(c.maxTokens, 2048);
        QCOMPARE(c.stream, true);
        QCOMPARE(c.sleepInterval, 5);
        QCOMPARE(c.totalTimeout, 21600.0);
        QCOMPARE(c.url, QStringLiteral("http://127.0.0.1:8877/v1/chat/completions"));
    }

    void validConfigHasNoErrors() { QVERIFY(valid().validate().isEmpty()); }

    void urlResolution_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("resolved");
        QTest::addColumn<bool>("chat");
        QTest::newRow("base /v1") << "http://h:1/v1"
                                  << "http://h:1/v1/chat/completions" << true;
        QTest::newRow("trailing slash") << "http://h:1/v1/"
                                        << "http://h:1/v1/chat/completions" << true;
        QTest::newRow("chat kept") << "http://h:1/v1/chat/completions"
                                   << "http://h:1/v1/chat/completions" << true;
        QTest::newRow("completions kept") << "http://h:1/v1/completions"
                                          << "http://h:1/v1/completions" << false;
        QTest::newRow("bare host") << "http://h:1"
                                   << "http://h:1/chat/completions" << true;
    }
    void urlResolution()
    {
        QFETCH(QString, url);
        QFETCH(QString, resolved);
        QFETCH(bool, chat);
        RunConfig c = valid();
        c.url = url;
        QCOMPARE(c.resolvedUrl(), resolved);
        QCOMPARE(c.effectiveApplyChatTemplate(), chat);
    }

    void errorsNameTheirField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("no model") << "model"
                                  << "--model";
        QTest::newRow("not a url") << "url"
                                   << "--url";
        QTest::newRow("ftp url") << "ftpurl"
                                 << "--url";
        QTest::newRow("parallel zero") << "parallel0"
                                       << "--parallel";
        QTest::newRow("number negative") << "numberneg"
                                         << "--number";
        QTest::newRow("mismatched lengths") << "lengths"
                                            << "--number";
        QTest::newRow("bad rate") << "rate"
                                  << "--rate";
        QTest::newRow("min above max tokens") << "mintokens"
                                              << "--min-tokens";
        QTest::newRow("extra args not an object") << "extra"
                                                  << "--extra-args";
        QTest::newRow("unknown dataset") << "dataset"
                                         << "--dataset";
        QTest::newRow("dataset file missing") << "datasetpath"
                                              << "--dataset-path";
        QTest::newRow("unknown api") << "api"
                                     << "--api";
        QTest::newRow("continuous usage without streaming") << "continuousnostream"
                                                            << "--continuous-usage";
        QTest::newRow("continuous usage with the Responses API") << "continuousresponses"
                                                                 << "--continuous-usage";
    }
    void errorsNameTheirField()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        RunConfig c = valid();
        if (what == u"model")
            c.model.clear();
        else if (what == u"url")
            c.url = QStringLiteral("not a url");
        else if (what == u"ftpurl")
            c.url = QStringLiteral("ftp://h/x");
        else if (what == u"parallel0")
            c.parallel = {0};
        else if (what == u"numberneg")
            c.number = {-3};
        else if (what == u"lengths") {
            c.parallel = {1, 4};
            c.number = {20};
        } else if (what == u"rate")
            c.rate = {0};
        else if (what == u"mintokens") {
            c.maxTokens = 10;
            c.minTokens = 20;
        } else if (what == u"extra")
            c.extraArgs = "[1,2]";
        else if (what == u"dataset")
            c.dataset = QStringLiteral("nope");
        else if (what == u"datasetpath") {
            c.dataset = QStringLiteral("line_by_line");
            c.datasetPath = QStringLiteral("/nonexistent/file.txt");
        } else if (what == u"api")
            c.api = QStringLiteral("grpc");
        else if (what == u"continuousnostream") {
            c.continuousUsage = true;
            c.stream = false;
        } else if (what == u"continuousresponses") {
            c.continuousUsage = true;
            c.api = QStringLiteral("openai_responses");
        }
        const ConfigErrors errors = c.validate();
        QCOMPARE(fields(errors), QStringList{field});
        QVERIFY(!errors.first().message.isEmpty());
        QVERIFY(errors.first().toString().startsWith(field + QStringLiteral(": ")));
    }

    void runPointsZipNumberAndParallel()
    {
        RunConfig c = valid();
        c.parallel = {1, 4, 16};
        c.number = {20, 40, 80};
        const QList<RunPoint> points = c.runPoints();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.at(1), (RunPoint{4, 40, -1.0}));
        QCOMPARE(points.at(2).name(), QStringLiteral("parallel_16_number_80"));
    }

    void openLoopSweepsRates()
    {
        RunConfig c = valid();
        c.openLoop = true;
        c.rate = {5, 2.5};
        c.number = {50, 25};
        QVERIFY(c.validate().isEmpty());
        const QList<RunPoint> points = c.runPoints();
        QCOMPARE(points.size(), 2);
        QCOMPARE(points.at(0).name(), QStringLiteral("rate_5.0_number_50"));
        QCOMPARE(points.at(1).name(), QStringLiteral("rate_2.5_number_25"));
        QCOMPARE(points.at(1).parallel, -1);
        c.rate = {-1};
        c.number = {10};
        QCOMPARE(fields(c.validate()).first(), QStringLiteral("--rate"));
        c.rate = {5};
        c.number = {10, 20};
        QCOMPARE(fields(c.validate()), QStringList{QStringLiteral("--number")});
    }

    void effectiveNameSanitises()
    {
        RunConfig c = valid();
        c.model = QStringLiteral("/models/Qwen/Qwen3-8B");
        QCOMPARE(c.effectiveName(), QStringLiteral("Qwen3-8B"));
        c.name = QStringLiteral("a/b:c");
        QCOMPARE(c.effectiveName(), QStringLiteral("a_b_c"));
    }

    void jsonRoundTripMasksSecrets()
    {
        RunConfig c = valid();
        c.apiKey = QStringLiteral("sk-secret");
        c.parallel = {2, 8};
        c.number = {10, 40};
        c.maxTokens = 77;
        c.minTokens = 5;
        c.extraArgs = R"({"ignore_eos":true})";
        c.headers = {{QStringLiteral("X-Test"), QStringLiteral("1")}};
        const QByteArray masked = c.toJson(false);
        QVERIFY(!masked.contains("sk-secret"));
        QVERIFY(masked.contains("\"max_tokens\": 77"));
        tl::ConfigErrors errors;
        const RunConfig back = RunConfig::fromJson(c.toJson(true), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(back.apiKey, c.apiKey);
        QCOMPARE(back.parallel, c.parallel);
        QCOMPARE(back.number, c.number);
        QCOMPARE(back.maxTokens, 77);
        QCOMPARE(back.minTokens, std::optional<int>(5));
        QCOMPARE(back.headers, c.headers);
        QVERIFY(back.extraArgs.contains("ignore_eos"));
        const RunConfig fromMasked = RunConfig::fromJson(masked, &errors);
        QVERIFY(fromMasked.apiKey.isEmpty()); // a masked key is never taken for the key
    }

    void datasetErrorsNameTheirField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("random without tokenizer") << "random" << "--tokenizer-path";
        QTest::newRow("tokenize without tokenizer") << "tokenize" << "--tokenize-prompt";
        QTest::newRow("tokenizer path missing") << "tokpath" << "--tokenizer-path";
        QTest::newRow("reversed max-tokens range") << "range" << "--max-tokens";
        QTest::newRow("max below min prompt length") << "promptlen" << "--max-prompt-length";
        QTest::newRow("negative prefix") << "prefix" << "--prefix-length";
        QTest::newRow("bad data source") << "source" << "--data-source";
        QTest::newRow("local without a path") << "local" << "--dataset-path";
        QTest::newRow("dataset args unknown key") << "argkey" << "--dataset-args";
        QTest::newRow("dataset args on random") << "argds" << "--dataset-args";
        QTest::newRow("query template not json") << "template" << "--query-template";
        QTest::newRow("batch size zero") << "batch" << "--extra-args";
        QTest::newRow("custom needs a file") << "custom" << "--dataset-path";
    }
    void datasetErrorsNameTheirField()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        RunConfig c = valid();
        if (what == u"random")
            c.dataset = QStringLiteral("random");
        else if (what == u"tokenize")
            c.tokenizePrompt = true;
        else if (what == u"tokpath")
            c.tokenizerPath = QStringLiteral("/nonexistent/tokenizer.json");
        else if (what == u"range")
            c.maxTokensUpper = c.maxTokens - 1;
        else if (what == u"promptlen") {
            c.minPromptLength = 100;
            c.maxPromptLength = 50;
        } else if (what == u"prefix")
            c.prefixLength = -1;
        else if (what == u"source")
            c.dataSource = QStringLiteral("s3");
        else if (what == u"local") {
            c.dataset = QStringLiteral("openqa");
            c.dataSource = QStringLiteral("local");
        } else if (what == u"argkey") {
            c.dataset = QStringLiteral("openqa");
            c.datasetArgs = R"({"target_len": 5})";
        } else if (what == u"argds")
            c.datasetArgs = R"({"target_input_len": 5})";
        else if (what == u"template")
            c.queryTemplate = QStringLiteral("[1]");
        else if (what == u"batch")
            c.extraArgs = R"({"batch_size": 0})";
        else if (what == u"custom")
            c.dataset = QStringLiteral("custom");
        const ConfigErrors errors = c.validate();
        QCOMPARE(fields(errors), QStringList{field});
    }

    void datasetJsonKeys()
    {
        RunConfig c = valid();
        c.maxTokens = 16;
        c.maxTokensUpper = 64;
        c.dataset = QStringLiteral("random");
        c.tokenizerPath = QStringLiteral("/m/tokenizer.json");
        c.prefixLength = 32;
        c.minPromptLength = 100;
        c.maxPromptLength = 200;
        c.tokenizePrompt = true;
        c.datasetOffset = 7;
        c.dataSource = QStringLiteral("huggingface");
        c.datasetArgs = R"({"target_input_len":64})";
        const QByteArray json = c.toJson();
        for (const char* key : {"\"tokenizer_path\"", "\"prefix_length\": 32", "\"min_prompt_length\": 100",
                 "\"max_prompt_length\": 200", "\"tokenize_prompt\": true", "\"dataset_offset\": 7",
                 "\"data_source\": \"huggingface\"", "\"target_input_len\": 64"})
            QVERIFY2(json.contains(key), key);
        tl::ConfigErrors errors;
        const RunConfig back = RunConfig::fromJson(json, &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(back.maxTokens, 16);
        QCOMPARE(back.maxTokensUpper, std::optional<int>(64));
        QCOMPARE(back.tokenizerPath, c.tokenizerPath);
        QCOMPARE(back.prefixLength, 32);
        QCOMPARE(back.datasetOffset, 7);
        QVERIFY(back.tokenizePrompt);
        QCOMPARE(back.dataSource, c.dataSource);
        QVERIFY(back.datasetArgs.contains("target_input_len"));
        // --tokenize-prompt sends to /v1/completions; the chat decision is taken on the URL before that.
        c.url = QStringLiteral("http://h:1/v1/chat/completions");
        QCOMPARE(c.resolvedUrl(), QStringLiteral("http://h:1/v1/completions"));
        QVERIFY(c.effectiveApplyChatTemplate());
    }

    void fromJsonReportsBadInput()
    {
        tl::ConfigErrors errors;
        RunConfig::fromJson("not json", &errors);
        QCOMPARE(errors.size(), 1);
        errors.clear();
        RunConfig::fromJson(R"({"parallel": "many"})", &errors);
        QCOMPARE(fields(errors), QStringList{QStringLiteral("--parallel")});
    }
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_runconfig.moc"
