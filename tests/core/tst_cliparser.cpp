#include "config/cliparser.h"

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

    void help()
    {
        QVERIFY(CliParser::parseRun(words("--model m --help")).helpRequested);
        const QString help = CliParser::runHelp();
        for (const char* flag : {"--parallel", "--number", "--url", "--model", "--stream", "--outputs-dir", "--project",
                 "--max-tokens", "--extra-args", "--api-key", "--rate", "--no-test-connection"})
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
