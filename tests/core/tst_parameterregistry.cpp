// Test data as plain string literals.
#undef QT_NO_CAST_FROM_ASCII

#include "config/cliparser.h"
#include "config/commandline.h"
#include "config/parameterdocs.h"
#include "config/parameterregistry.h"
#include "util/tr.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

using tl::CliParser;
using tl::CommandLine;
using tl::Parameter;
using tl::ParameterRegistry;
using tl::ParameterType;
using tl::RunConfig;

namespace {

const QStringList kBase{
    QStringLiteral("--url"), QStringLiteral("http://h:1/v1"), QStringLiteral("--model"), QStringLiteral("m")};

QStringList allFlags(const Parameter& p)
{
    QStringList out = p.flags;
    if (!p.negativeFlag.isEmpty())
        out << p.negativeFlag;
    return out;
}

// Command-line words that set the parameter to a value other than its default; `existingFile` stands in for
// paths that must exist.
QStringList nonDefaultWords(const Parameter& p, const QString& existingFile)
{
    if (p.type == ParameterType::Bool) {
        const bool flagGivesDefault = ParameterRegistry::defaultValue(p) == nlohmann::json(p.flagSets);
        return {flagGivesDefault ? p.negativeFlag : p.flag()};
    }
    if (p.example.isEmpty() && p.widget == tl::WidgetKind::FilePicker)
        return {p.flag(), existingFile};
    return QStringList{p.flag()} + p.example;
}

QSet<QString> words(const QString& script)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"|)(']+"));
    const QStringList list = script.split(separators, Qt::SkipEmptyParts);
    return QSet<QString>(list.cbegin(), list.cend());
}

// Words validation must refuse: the entry's own bad example, a value outside the range, a non-choice, a value on a
// flag, or no value at all.
QStringList badWords(const Parameter& p)
{
    if (!p.badExample.isEmpty())
        return QStringList{p.flag()} + p.badExample;
    if (p.type == ParameterType::Bool)
        return {p.flag() + QStringLiteral("=yes")};
    if (p.minimum)
        return {p.flag(), QString::number(p.minimumExclusive ? *p.minimum : *p.minimum - 1)};
    if (!p.choices.isEmpty() && p.strictChoices)
        return {p.flag(), QStringLiteral("bogus")};
    if (p.type == ParameterType::Int || p.type == ParameterType::Int64 || p.type == ParameterType::Double)
        return {p.flag(), QStringLiteral("x")};
    return {p.flag()}; // free text: a missing value is the only bad one
}

QString text(const nlohmann::json& v)
{
    return QString::fromStdString(v.dump());
}

} // namespace

class TestParameterRegistry final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyParameter_data()
    {
        QTest::addColumn<QString>("flag");
        for (const Parameter& p : ParameterRegistry::all())
            QTest::newRow(qPrintable(p.flag())) << p.flag();
    }
    // Walks the registry: every entry is in --help, the docs and the completions, is parsed by the CLI, survives the
    // JSON and command-line round trips, and a bad value is refused naming its flag.
    void everyParameter()
    {
        QFETCH(QString, flag);
        const Parameter* found = ParameterRegistry::byFlag(flag);
        QVERIFY(found);
        const Parameter& p = *found;
        QVERIFY2(*p.help != '\0', "every parameter has a one-line help");

        const QString help = CliParser::runHelp();
        const QString docs = tl::ParameterDocs::markdown();
        for (const QString& f : allFlags(p)) {
            QVERIFY2(help.contains(f), qPrintable(f + QStringLiteral(" missing from run --help")));
            QVERIFY2(docs.contains(u'`' + f), qPrintable(f + QStringLiteral(" missing from PARAMETERS.md")));
            QVERIFY2(words(tl::ParameterDocs::completion(QStringLiteral("bash"))).contains(f), qPrintable(f));
            QVERIFY2(tl::ParameterDocs::completion(QStringLiteral("zsh")).contains(f + u'['), qPrintable(f));
            const QString fishOption = f.startsWith(QStringLiteral("--")) ? QStringLiteral("-l ") + f.mid(2)
                                                                          : QStringLiteral("-s ") + f.mid(1);
            QVERIFY2(tl::ParameterDocs::completion(QStringLiteral("fish")).contains(fishOption + u' '), qPrintable(f));
        }

        if (!p.isSupported()) {
            QVERIFY(p.reason != nullptr);
            QVERIFY(help.contains(tl::Tr::tr(p.reason)));
            QStringList words = kBase + QStringList{flag};
            if (p.takesValue())
                words << QStringLiteral("1");
            const auto r = CliParser::parseRun(words);
            QCOMPARE(r.errors.size(), 1);
            QCOMPARE(r.errors.first().field, flag);
            QCOMPARE(r.errors.first().message, tl::Tr::tr(p.reason));
            return;
        }

        // The CLI parses a non-default value, and the field's own rules accept it.
        QTemporaryFile file;
        QVERIFY(file.open());
        const QStringList words = kBase + nonDefaultWords(p, file.fileName());
        const auto parsed = CliParser::parseArguments(words);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.value(0).toString()));
        const nlohmann::json value = p.get(parsed.config);
        QVERIFY2(value != ParameterRegistry::defaultValue(p), qPrintable(words.join(u' ')));
        for (const tl::ConfigError& e : ParameterRegistry::validateFields(parsed.config))
            QVERIFY2(e.field != flag, qPrintable(e.toString()));

        // benchmark_args.json keeps it.
        if (p.key != nullptr) {
            tl::ConfigErrors errors;
            const RunConfig back = RunConfig::fromJson(parsed.config.toJson(true), &errors);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
            QCOMPARE(text(p.get(back)), text(value));
        } else {
            QVERIFY2(*p.definition != '\0', "a parameter that is not saved says why");
        }

        // "Copy as command" gives it back through the parser.
        const auto again = CliParser::parseArguments(CommandLine::toArguments(parsed.config, true));
        QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.value(0).toString()));
        QCOMPARE(text(p.get(again.config)), text(value));

        // A bad value is refused, naming the flag.
        const auto bad = CliParser::parseRun(kBase + badWords(p));
        QVERIFY2(!bad.errors.isEmpty(), qPrintable(badWords(p).join(u' ')));
        QCOMPARE(bad.errors.first().field, flag);
        QVERIFY(!bad.errors.first().message.isEmpty());
    }

    void namesAreUnique()
    {
        QSet<QString> flags;
        QSet<QString> keys;
        for (const Parameter& p : ParameterRegistry::all()) {
            for (const QString& f : allFlags(p)) {
                QVERIFY2(!flags.contains(f), qPrintable(f));
                flags.insert(f);
            }
            if (p.key) {
                QVERIFY2(!keys.contains(QLatin1StringView(p.key)), p.key);
                keys.insert(QLatin1StringView(p.key));
            }
            QVERIFY2(p.get && p.set, qPrintable(p.flag()));
        }
    }

    // benchmark_args.json keeps EvalScope's (and the earlier versions') key set, plus Throughline's own keys under
    // names EvalScope does not use (the response limits); a new key must be added here on purpose.
    void savedKeys()
    {
        const auto j = nlohmann::json::parse(RunConfig().toJson().toStdString());
        QStringList keys;
        for (const auto& [k, v] : j.items())
            keys << QString::fromStdString(k);
        const QStringList expected = QStringLiteral(
            "api api_key apply_chat_template arrival_distribution attn_implementation burstiness ca_cert confidence_level "
            "connect_rate connect_timeout continuous_usage data_source dataset dataset_args dataset_cache "
            "dataset_offset dataset_path db_commit_interval debug duration enable_progress_tracker extra_args "
            "frequency_penalty goodput headers image_format image_height image_num image_patch_size image_width "
            "in_flight_task_multiplier insecure local_server_command log_every_n_query logprobs max_event_bytes max_prompt_length "
            "max_response_bytes max_tokens max_turns min_prompt_length min_tokens min_turns model multi_turn "
            "multi_turn_args n_choices name no_proxy no_test_connection no_timestamp num_runs num_workers number "
            "open_loop outputs_dir parallel port prefix_length project prompt query_template "
            "queue_size_multiplier rate read_timeout repetition_penalty secret_headers seed sla_auto_tune "
            "sla_fixed_parallel "
            "sla_lower_bound sla_num_runs sla_number_multiplier sla_params sla_upper_bound sla_variable "
            "sleep_interval stop stop_token_ids store_bodies "
            "stream sweep sweep_points temperature tokenize_prompt tokenizer_path top_k top_p total_timeout transport url "
            "warmup_num workers")
                                         .split(u' ');
        QCOMPARE(keys, expected);
    }

    void rangeChecksAtTheBoundary_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("flag");
        QTest::newRow("warmup beyond int") << QStringList{"--warmup-num", "2147483648"} << "--warmup-num";
        QTest::newRow("min tokens beyond int") << QStringList{"--min-tokens", "99999999999"} << "--min-tokens";
        QTest::newRow("max tokens beyond int") << QStringList{"--max-tokens", "16", "4294967312"} << "--max-tokens";
        QTest::newRow("parallel beyond int") << QStringList{"--parallel", "4294967297"} << "--parallel";
        QTest::newRow("seed beyond int64") << QStringList{"--seed", "1e30"} << "--seed";
        QTest::newRow("infinite rate") << QStringList{"--rate", "inf"} << "--rate";
        QTest::newRow("infinite connect rate") << QStringList{"--connect-rate", "inf"} << "--connect-rate";
        QTest::newRow("nan temperature") << QStringList{"--temperature", "nan"} << "--temperature";
        QTest::newRow("infinite duration") << QStringList{"--duration", "inf"} << "--duration";
        QTest::newRow("top-p above 1") << QStringList{"--top-p", "1.5"} << "--top-p";
        QTest::newRow("header value with CR LF") << QStringList{"--headers", "X-A=1\r\nX-Injected: 1"} << "--headers";
        QTest::newRow("header value with LF") << QStringList{"--headers", "X-A=a\nb"} << "--headers";
        QTest::newRow("header name with a space") << QStringList{"--headers", "X A=1"} << "--headers";
        QTest::newRow("header name with a colon") << QStringList{"--headers", "X:A=1"} << "--headers";
        QTest::newRow("header Content-Length") << QStringList{"--headers", "content-length=5"} << "--headers";
        QTest::newRow("header Transfer-Encoding") << QStringList{"--headers", "Transfer-Encoding=chunked"} << "--headers";
        QTest::newRow("password of a refused URL") << QStringList{"--url", "http://u:pw-Rf-1@h:99999/v1"} << "--url";
        QTest::newRow("unsupported as given") << QStringList{"--swanlab-host", "https://sw.example"} << "--swanlab-host";
        QTest::newRow("alias as given") << QStringList{"-n", "0"} << "-n";
        QTest::newRow("negative form as given")
            << QStringList{"--no-stream", "--continuous-usage"} << "--continuous-usage";
    }
    void rangeChecksAtTheBoundary()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, flag);
        const auto r = CliParser::parseRun(kBase + words);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().field, flag);
        QVERIFY(!r.errors.first().message.isEmpty());
        QVERIFY(!r.errors.first().message.contains(u'\n')); // one line
        QVERIFY(!r.errors.first().message.contains(u"pw-Rf-1")); // a credential in a refused value is masked
    }

    void quoteAndSplit_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << "http://h:1/v1";
        QTest::newRow("space") << "two words";
        QTest::newRow("single quote") << "it's";
        QTest::newRow("json") << "{\"ignore_eos\": true, \"x\": \"a'b\"}";
        QTest::newRow("dollar and backtick") << "$HOME `x`";
        QTest::newRow("empty") << "";
    }
    void quoteAndSplit()
    {
        QFETCH(QString, word);
        QStringList words;
        QString error;
        QVERIFY(
            CommandLine::split(QStringLiteral("a ") + CommandLine::quote(word) + QStringLiteral(" b"), &words, &error));
        QCOMPARE(words, (QStringList{QStringLiteral("a"), word, QStringLiteral("b")}));
    }

    void commandRoundTrip()
    {
        RunConfig c;
        c.model = QStringLiteral("Qwen/Qwen3-8B");
        c.url = QStringLiteral("https://h:8443/v1/chat/completions");
        c.apiKey = QStringLiteral("sk-secret");
        c.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer x")},
            {QStringLiteral("X-Note"), QStringLiteral("it's here")}};
        c.parallel = {1, 8};
        c.number = {10, 80};
        c.stream = false;
        c.maxTokens = 16;
        c.maxTokensUpper = 64;
        c.topK = -1;
        c.temperature = 0.7;
        c.stop = {QStringLiteral("###"), QStringLiteral("END HERE")};
        c.extraArgs = "{\"ignore_eos\": true}";
        c.applyChatTemplate = false;
        c.prompt = QStringLiteral("-starts with a dash");
        c.writeOutputs = false;
        const QString masked = CommandLine::toCommandLine(c);
        QVERIFY(!masked.contains(QStringLiteral("sk-secret")));
        QVERIFY(!masked.contains(QStringLiteral("Bearer x")));
        const QString line = CommandLine::toCommandLine(c, true);
        QVERIFY(line.startsWith(QStringLiteral("throughline-cli run ")));
        const CommandLine::Conversion back = CommandLine::convert(line);
        QVERIFY2(back.errors.isEmpty(), qPrintable(back.errors.value(0).toString()));
        QVERIFY(back.unmapped.isEmpty());
        const auto diff = ParameterRegistry::configDiff(c, back.config);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.value(0).parameter ? diff.value(0).parameter->flag() : QString()));
        QCOMPARE(CommandLine::toCommandLine(RunConfig()), QStringLiteral("throughline-cli run"));
    }

    void convertEvalScope()
    {
        const auto c = CommandLine::convert(QStringLiteral(
            "evalscope perf \\\n  --url http://127.0.0.1:8000/v1/chat/completions --model Qwen3 --api openai "
            "--parallel 1 10 --number 10 100 --dataset openqa --max-tokens 256 --temperature 0.7 --stream "
            "--extra-args '{\"ignore_eos\": true}' --visualizer wandb --wandb-api-key k --multi-turn "
            "--min-turns 2 --frobnicate 3 4 --attn-implementation flash"));
        QVERIFY2(c.errors.isEmpty(), qPrintable(c.errors.value(0).toString()));
        QCOMPARE(c.config.model, QStringLiteral("Qwen3"));
        QCOMPARE(c.config.parallel, (QList<int>{1, 10}));
        QCOMPARE(c.config.maxTokens, 256);
        QVERIFY(c.config.extraArgs.contains("ignore_eos"));
        QStringList unmapped;
        for (const QString& u : c.unmapped)
            unmapped << u.section(u':', 0, 0);
        QCOMPARE(unmapped,
            (QStringList{QStringLiteral("--visualizer"), QStringLiteral("--wandb-api-key"),
                QStringLiteral("--frobnicate")}));
        QCOMPARE(c.config.attnImplementation, QStringLiteral("flash")); // passed on to --api local's server
        QVERIFY(c.config.multiTurn);
        QCOMPARE(c.config.minTurns, 2);
        QVERIFY(c.command().contains(QStringLiteral("--dataset openqa")));

        for (const char* garbage : {"", "ls -la", "evalscope perf --parallel x", "evalscope perf --model 'open",
                 "evalscope perf --model m stray"}) {
            QVERIFY2(!CommandLine::convert(QString::fromUtf8(garbage)).errors.isEmpty(), garbage);
        }
    }

    void configDiffShowsValues()
    {
        RunConfig a;
        RunConfig b;
        b.parallel = {4, 16};
        b.number = {40, 160};
        b.temperature = 0.5;
        b.apiKey = QStringLiteral("sk-x");
        const auto diff = ParameterRegistry::configDiff(a, b);
        QStringList flags;
        for (const auto& d : diff)
            flags << d.parameter->flag();
        QCOMPARE(flags,
            (QStringList{QStringLiteral("--api-key"), QStringLiteral("--parallel"), QStringLiteral("--number"),
                QStringLiteral("--temperature")}));
        QCOMPARE(diff.at(0).after, QStringLiteral("**********")); // never the key itself
        QCOMPARE(diff.at(1).before, QStringLiteral("1"));
        QCOMPARE(diff.at(1).after, QStringLiteral("4 16"));
        QCOMPARE(diff.at(3).after, QStringLiteral("0.5"));
    }

    void helpIsGrouped()
    {
        const QString help = CliParser::runHelp();
        qsizetype last = -1;
        for (tl::ParameterGroup g : ParameterRegistry::groups()) {
            const qsizetype at = help.indexOf(u'\n' + ParameterRegistry::groupName(g) + QStringLiteral(":\n"));
            QVERIFY2(at > last, qPrintable(ParameterRegistry::groupName(g)));
            last = at;
        }
    }

    // docs/PARAMETERS.md is generated: regenerate it with `throughline-cli docs parameters > docs/PARAMETERS.md`.
    void parameterDocsAreCurrent()
    {
        QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/PARAMETERS.md"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "docs/PARAMETERS.md is missing");
        QVERIFY2(QString::fromUtf8(file.readAll()) == tl::ParameterDocs::markdown(),
            "docs/PARAMETERS.md is stale: run 'throughline-cli docs parameters > docs/PARAMETERS.md'");
    }
};

QTEST_GUILESS_MAIN(TestParameterRegistry)
#include "tst_parameterregistry.moc"
