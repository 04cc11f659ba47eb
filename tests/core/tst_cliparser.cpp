#include "config/cliparser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using tl::CliParser;

namespace {

QStringList words(const char* line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestCliParser final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evalscopeStyleFlags()
    {
        const auto r = CliParser::parseRun(words(
            "--url http://127.0.0.1:9/v1 --model qwen --parallel 1 4 --number 20 40 --stream --max-tokens 64 "
            "--rate -1 --sleep-interval 0 --api-key k --headers X-A=1 X-B=two=2 --extra-args {\"ignore_eos\":true} "
            "--project /tmp/p.tlproj --no-test-connection"));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.config.parallel, (QList<int>{1, 4}));
        QCOMPARE(r.config.number, (QList<int>{20, 40}));
        QCOMPARE(r.config.rate, QList<double>{-1.0});
        QCOMPARE(r.config.maxTokens, 64);
        QCOMPARE(r.config.sleepInterval, 0);
        QCOMPARE(r.config.apiKey, QStringLiteral("k"));
        QCOMPARE(r.config.headers.size(), 2);
        QCOMPARE(r.config.headers.at(1).second, QStringLiteral("two=2"));
        QVERIFY(r.config.noTestConnection);
        QCOMPARE(r.config.project, QStringLiteral("/tmp/p.tlproj"));
        QCOMPARE(r.config.resolvedUrl(), QStringLiteral("http://127.0.0.1:9/v1/chat/completions"));
    }

    void datasetFlags()
    {
        const auto r = CliParser::parseRun(words(
            "--url http://127.0.0.1:9/v1 --model qwen --dataset speed_benchmark --max-tokens 16 64 --min-prompt-length 10 "
            "--max-prompt-length 90 --prefix-length 4 --dataset-offset 100 --data-source huggingface "
            "--dataset-cache /tmp/dc --seed 3"));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.config.maxTokens, 16);
        QCOMPARE(r.config.maxTokensUpper, std::optional<int>(64));
        QCOMPARE(r.config.minPromptLength, 10);
        QCOMPARE(r.config.maxPromptLength, 90);
        QCOMPARE(r.config.prefixLength, 4);
        QCOMPARE(r.config.datasetOffset, 100);
        QCOMPARE(r.config.dataSource, QStringLiteral("huggingface"));
        QCOMPARE(r.config.datasetCache, QStringLiteral("/tmp/dc"));
        const auto one = CliParser::parseRun(words("--url http://h:1/v1 --model m --max-tokens 32"));
        QVERIFY(!one.config.maxTokensUpper);
        const auto three = CliParser::parseRun(words("--url http://h:1/v1 --model m --max-tokens 1 2 3"));
        QCOMPARE(three.errors.value(0).field, QStringLiteral("--max-tokens"));
        const auto tok = CliParser::parseRun(words("--url http://h:1/v1 --model m --tokenize-prompt"));
        QCOMPARE(tok.errors.value(0).field, QStringLiteral("--tokenize-prompt"));
        for (const char* flag : {"--dataset-args", "--tokenizer-path", "--query-template", "--data-source"})
            QVERIFY(CliParser::runHelp().contains(QLatin1StringView(flag)));
    }

    void warmupAndDuration()
    {
        const auto r = CliParser::parseRun(words("--url http://h:1/v1 --model m --warmup-num 0.2 --duration 30"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.config.warmupNum, 0.2);
        QCOMPARE(r.config.duration, std::optional<double>(30.0));
        QCOMPARE(r.config.warmupCount(100), 20);
        const auto bad = CliParser::parseRun(words("--url http://h:1/v1 --model m --duration 0"));
        QCOMPARE(bad.errors.value(0).field, QStringLiteral("--duration"));
        const auto neg = CliParser::parseRun(words("--url http://h:1/v1 --model m --warmup-num -1"));
        QCOMPARE(neg.errors.value(0).field, QStringLiteral("--warmup-num"));
    }

    void arrivalFlags()
    {
        const auto r = CliParser::parseRun(
            words("--url http://h:1/v1 --model m --open-loop --rate 4 --number 8 --burstiness 0.5 "
                  "--arrival-distribution gamma"));
        QVERIFY(r.errors.isEmpty());
        QVERIFY(r.config.openLoop);
        QCOMPARE(r.config.burstiness, 0.5);
        QCOMPARE(r.config.arrivalDistribution, QStringLiteral("gamma"));
        const auto bad = CliParser::parseRun(words("--url http://h:1/v1 --model m --arrival-distribution uniform"));
        QCOMPARE(bad.errors.value(0).field, QStringLiteral("--arrival-distribution"));
        const auto zero = CliParser::parseRun(words("--url http://h:1/v1 --model m --burstiness 0"));
        QCOMPARE(zero.errors.value(0).field, QStringLiteral("--burstiness"));
    }

    void aliasesAndForms()
    {
        const auto r = CliParser::parseRun(words("--url=http://h:1/v1/completions --model=m -n 5 --no-stream"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.config.number, QList<int>{5});
        QVERIFY(!r.config.stream);
    }

    void bodyAndNetworkFlags()
    {
        const auto r = CliParser::parseRun(words(
            "--url https://h:1/v1 --model m --frequency-penalty 0.5 --repetition-penalty 1.1 --logprobs --n-choices 2 "
            "--stop ### END --stop-token-ids 7 9 --insecure --no-proxy --connect-rate 500 --debug "
            "--log-every-n-query 10 --enable-progress-tracker --db-commit-interval 5 --num-workers 3 --continuous-usage"));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.config.frequencyPenalty, 0.5);
        QCOMPARE(r.config.repetitionPenalty, 1.1);
        QCOMPARE(r.config.logprobs, true);
        QCOMPARE(r.config.nChoices, 2);
        QCOMPARE(r.config.stop, (QStringList{QStringLiteral("###"), QStringLiteral("END")}));
        QCOMPARE(r.config.stopTokenIds, (QStringList{QStringLiteral("7"), QStringLiteral("9")}));
        QVERIFY(r.config.insecure);
        QVERIFY(r.config.noProxy);
        QCOMPARE(r.config.connectRate, 500.0);
        QVERIFY(r.config.debug);
        QCOMPARE(r.config.logEveryNQuery, 10);
        QVERIFY(r.config.enableProgressTracker);
        QCOMPARE(r.config.dbCommitInterval, 5);
        QCOMPARE(r.config.numWorkers, 3);
        QVERIFY(r.config.continuousUsage);
        QVERIFY(!CliParser::parseRun(words("--model m")).config.continuousUsage); // EvalScope's bodies by default
        // Saved and read back under EvalScope's key names.
        tl::ConfigErrors errors;
        const tl::RunConfig back = tl::RunConfig::fromJson(r.config.toJson(), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(back.stop, r.config.stop);
        QCOMPARE(back.stopTokenIds, r.config.stopTokenIds);
        QCOMPARE(back.nChoices, 2);
        QVERIFY(back.insecure);
        QVERIFY(back.continuousUsage);
    }

    void localApiUsesPort()
    {
        const auto r = CliParser::parseRun(words("--api local_vllm --port 8123 --model m"));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.config.resolvedUrl(), QStringLiteral("http://127.0.0.1:8123/v1/chat/completions"));
    }

    void configFileIsTheBase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("benchmark_args.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // An exported run keeps its configuration under "config".
        file.write(R"({"config": {"model": "saved", "url": "http://h:2/v1", "parallel": [3], "number": [30],)"
                   R"( "max_tokens": 99, "project": "/elsewhere.tlproj"}})");
        file.close();
        const auto r = CliParser::parseRun(
            QStringList{QStringLiteral("--number"), QStringLiteral("7"), QStringLiteral("--config"), path});
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.value(0).toString()));
        QCOMPARE(r.config.model, QStringLiteral("saved"));
        QCOMPARE(r.config.maxTokens, 99);
        QCOMPARE(r.config.parallel, QList<int>{3});
        QCOMPARE(r.config.number, QList<int>{7}); // the command line wins, wherever --config stands
        QVERIFY(r.config.project.isEmpty());
        const auto missing = CliParser::parseRun(
            QStringList{QStringLiteral("--config"), dir.filePath(QStringLiteral("none.json"))});
        QVERIFY(!missing.errors.isEmpty());
        QCOMPARE(missing.errors.first().field, QStringLiteral("--config"));
    }

    void help()
    {
        QVERIFY(CliParser::parseRun(words("--model m --help")).helpRequested);
        const QString help = CliParser::runHelp();
        for (const char* flag : {"--parallel", "--number", "--url", "--model", "--stream", "--outputs-dir", "--project",
                 "--max-tokens", "--extra-args", "--api-key", "--rate", "--no-test-connection", "--continuous-usage",
                 "continuous_usage_stats"})
            QVERIFY2(help.contains(QLatin1String(flag)), flag);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed parallel list") << "--url http://h:1/v1 --model m --parallel 1 x 4"
                                                 << "--parallel";
        QTest::newRow("mismatched lengths") << "--url http://h:1/v1 --model m --parallel 1 4 --number 10"
                                            << "--number";
        QTest::newRow("missing value") << "--url http://h:1/v1 --model m --max-tokens"
                                       << "--max-tokens";
        QTest::newRow("unknown flag") << "--url http://h:1/v1 --model m --frobnicate 3"
                                      << "--frobnicate";
        QTest::newRow("bad url") << "--url localhost --model m"
                                 << "--url";
        QTest::newRow("flag with value") << "--url http://h:1/v1 --model m --stream=yes"
                                         << "--stream";
        QTest::newRow("bad header") << "--url http://h:1/v1 --model m --headers nokey"
                                    << "--headers";
        QTest::newRow("tracker not supported") << "--url http://h:1/v1 --model m --visualizer wandb"
                                               << "--visualizer";
        QTest::newRow("multi-turn without conversations") << "--url http://h:1/v1 --model m --multi-turn"
                                                          << "--dataset";
        QTest::newRow("n-choices zero") << "--url http://h:1/v1 --model m --n-choices 0"
                                        << "--n-choices";
        QTest::newRow("port out of range") << "--api local --port 70000 --model m"
                                           << "--port";
        QTest::newRow("missing CA file") << "--url https://h:1/v1 --model m --ca-cert /nonexistent.pem"
                                         << "--ca-cert";
        QTest::newRow("config without file") << "--url http://h:1/v1 --model m --config"
                                             << "--config";
    }
    // A flag that changes nothing here, or that EvalScope itself ignores in that combination, is accepted with one
    // warning naming the flag as given; none otherwise.
    void warnings_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field"); // empty: no warning
        QTest::newRow("no-effect knob") << "--url http://h:1/v1 --model m --db-commit-interval 5"
                                        << "--db-commit-interval";
        QTest::newRow("no-effect knob, inline") << "--url http://h:1/v1 --model m --num-workers=3"
                                                << "--num-workers";
        QTest::newRow("n-choices with responses")
            << "--url http://h:1/v1 --model m --api openai_responses --n-choices 2" << "--n-choices";
        QTest::newRow("n-choices with chat") << "--url http://h:1/v1 --model m --n-choices 2" << "";
        QTest::newRow("nothing special") << "--url http://h:1/v1 --model m --parallel 2" << "";
    }
    void warnings()
    {
        QFETCH(QString, line);
        QFETCH(QString, field);
        const auto r = CliParser::parseRun(line.split(u' '));
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
        if (field.isEmpty()) {
            QVERIFY(r.warnings.isEmpty());
        } else {
            QCOMPARE(r.warnings.size(), 1);
            QCOMPARE(r.warnings.first().field, field);
            QVERIFY(!r.warnings.first().message.isEmpty());
        }
    }

    void errors()
    {
        QFETCH(QString, line);
        QFETCH(QString, field);
        const auto r = CliParser::parseRun(line.split(u' '));
        QVERIFY(!r.errors.isEmpty());
        QCOMPARE(r.errors.first().field, field);
    }
};

QTEST_GUILESS_MAIN(TestCliParser)
#include "tst_cliparser.moc"
