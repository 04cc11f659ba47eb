#include "tokenizer/chattemplate.h"
#include "tokenizer/jinjatemplate.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTest>

using tl::ChatTemplate;
using tl::Tokenizer;

namespace {

std::string readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

nlohmann::json msgs(std::initializer_list<std::pair<const char*, const char*>> list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [role, content] : list)
        out.push_back({{"role", role}, {"content", content}});
    return out;
}

} // namespace

class TestChatTemplate final : public QObject {
    Q_OBJECT

private:
    static QString dataDir() { return QFINDTESTDATA("data/tokenizers"); }

    static QString render(const std::string& source, const nlohmann::json& messages, bool generation,
        const nlohmann::json& extra = nlohmann::json::object(), const std::string& bos = "<s>",
        const std::string& eos = "</s>")
    {
        QString error;
        const auto chat = ChatTemplate::create(source, bos, eos, &error);
        if (!chat)
            return QStringLiteral("PARSE ERROR: ") + error;
        const auto out = chat->render(messages, generation, extra, &error);
        if (!out)
            return QStringLiteral("RENDER ERROR: ") + error;
        return QString::fromStdString(*out);
    }

private Q_SLOTS:
    void jinja_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("context"); // extra variables as JSON
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const char* source, const char* context, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(context)
                                << QString::fromUtf8(expected);
        };
        row("text and output", "a{{ 1 + 2 }}b{{ 'x' ~ 3 }}", "{}", "a3bx3");
        row("arithmetic", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ 7 / 2 }} {{ 2 ** 10 }} {{ 1.5 * 2 }}", "{}",
            "3 -4 1 3.5 1024 3.0");
        row("python str of values", "{{ none }} {{ true }} {{ [1, 'a', none] }} {{ {'k': 'v'} }}", "{}",
            "None True [1, 'a', None] {'k': 'v'}");
        row("if elif else", "{% if x > 2 %}big{% elif x == 2 %}two{% else %}small{% endif %}", R"({"x": 2})", "two");
        row("and or not", "{{ 'y' if (a and not b) or c else 'n' }}", R"({"a": true, "b": false, "c": false})", "y");
        row("ternary without else", "[{{ 'x' if false }}]", "{}", "[]");
        row("for with loop variables",
            "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ x }}{% if loop.first %}F{% endif %}{% if loop.last "
            "%}L{% endif %}{{ loop.length }}{{ loop.revindex }},{% endfor %}",
            R"({"xs": ["a", "b"]})", "10aF22,21bL21,");
        row("for filter and else",
            "{% for x in xs if x > 1 %}{{ x }}{{ loop.length }}{% else %}none{% endfor %}|{% for y in [] %}y{% else "
            "%}empty{% endfor %}",
            R"({"xs": [1, 2, 3]})", "2232|empty");
        row("for over dict items", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}",
            R"({"d": {"a": 1, "b": 2}})", "a=1;b=2;");
        row("set does not leak from loops", "{% set x = 1 %}{% for i in [1, 2] %}{% set x = i %}{% endfor %}{{ x }}",
            "{}", "1");
        row("namespace carries out of loops",
            "{% set ns = namespace(n=0, s='') %}{% for i in range(4) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}",
            "{}", "6");
        row("break and continue",
            "{% for i in range(10) %}{% if i == 1 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i "
            "}}{% endfor %}",
            "{}", "023");
        row("whitespace control", "a  {%- if true -%}  b  {%- endif -%}  c\n{{- 'd' -}}\n", "{}", "abcd");
        row("trim_blocks and lstrip_blocks", "<\n  {% if true %}\n  x\n  {% endif %}\n>", "{}", "<\n  x\n>");
        row("comments", "a{# note #}b\n{# line comment #}\nc", "{}", "ab\nc");
        row("filters",
            "{{ '  hi  ' | trim }}|{{ [1, 2, 3] | length }}|{{ 'ab' | upper }}|{{ missing | default('d') }}|{{ '' | "
            "default('e', true) }}|{{ ['a', 'b'] | join('-') }}|{{ [3, 1] | first }}{{ [3, 1] | last }}|{{ 'x' | "
            "length }}",
            "{}", "hi|3|AB|d|e|a-b|31|1");
        row("tojson like json.dumps", "{{ v | tojson }}|{{ {'a': [1, 2]} | tojson(indent=2) }}",
            R"({"v": {"z": "ü\n", "a": [true, null, 1.5]}})",
            "{\"a\": [true, null, 1.5], \"z\": \"ü\\n\"}|{\n  \"a\": [\n    1,\n    2\n  ]\n}");
        row("string methods",
            "{{ s.startswith('ab') }}{{ s.endswith('yz') }}|{{ s.split('c') }}|{{ '  x y '.split() }}|{{ "
            "'\\n\\na\\n'.strip('\\n') }}|{{ 'xxa'.lstrip('x') }}|{{ 'a  '.rstrip() }}|{{ 'a-b'.replace('-', '+') }}",
            R"({"s": "abcxyz"})", "TrueTrue|['ab', 'xyz']|['x', 'y']|a|a|a|a+b");
        row("slicing and indexing", "{{ xs[1:] }}{{ xs[::-1] }}{{ xs[-1] }}{{ 'hello'[1:3] }}{{ 'héllo'[1] }}",
            R"({"xs": [1, 2, 3]})", "[2, 3][3, 2, 1]3elé");
        row("tests",
            "{{ x is defined }}{{ y is defined }}{{ y is undefined }}{{ n is none }}{{ x is string }}{{ 3 is odd }}{{ "
            "x is not number }}{{ d is mapping }}",
            R"({"x": "s", "n": null, "d": {}})", "TrueFalseTrueTrueTrueTrueTrueTrue");
        row("in and not in", "{{ 'b' in 'abc' }}{{ 2 in [1, 2] }}{{ 'k' in {'k': 1} }}{{ 'z' not in 'abc' }}", "{}",
            "TrueTrueTrueTrue");
        row("attribute and item access",
            "{{ m.role }}{{ m['content'] }}{{ m.missing is defined }}{{ m.get('role') }}{{ m.get('x', 'dflt') }}",
            R"({"m": {"role": "user", "content": "hi"}})", "userhiFalseuserdflt");
        row("macro",
            "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('A') }} {{ greet('B', "
            "punct='?') }}",
            "{}", "Hi A! Hi B?");
        row("set block", "{% set x %}a{{ 1 }}{% endset %}[{{ x }}]", "{}", "[a1]");
        row("selectattr and map",
            "{{ ms | selectattr('role', 'equalto', 'user') | map(attribute='content') | join(',') }}",
            R"({"ms": [{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}, {"role": "user", "content": "c"}]})",
            "a,c");
        row("bos and eos", "{{ bos_token }}x{{ eos_token }}", "{}", "<s>x</s>");
        row("string escapes", R"({{ "a\tb\u00e9" }})", "{}", "a\tbé");
        // Integer corner cases Python answers and C++ traps on (SIGFPE, or undefined behaviour).
        row("INT64_MIN % -1", "{{ (-9223372036854775807 - 1) % -1 }}", "{}", "0");
        row("INT64_MIN % 3", "{{ (-9223372036854775807 - 1) % 3 }}", "{}", "1");
        row("INT64_MIN // 3", "{{ (-9223372036854775807 - 1) // 3 }}", "{}", "-3074457345618258603");
        row("7 // -1", "{{ 7 // -1 }}", "{}", "-7");
        row("-7 % 3", "{{ -7 % 3 }}", "{}", "2");
        row("huge float to int", "{{ 1e300 | int > 0 }}", "{}", "True");
    }
    void jinja()
    {
        QFETCH(QString, source);
        QFETCH(QString, context);
        QFETCH(QString, expected);
        QCOMPARE(
            render(source.toStdString(), nlohmann::json::array(), false, nlohmann::json::parse(context.toStdString())),
            expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("raise_exception")
            << QStringLiteral("{{ raise_exception('roles must alternate') }}")
            << QStringLiteral("RENDER ERROR: chat template: template raised an exception: roles must alternate");
        QTest::newRow("unknown filter") << QStringLiteral("{{ x | frobnicate }}")
                                        << QStringLiteral(
                                               "RENDER ERROR: chat template: line 1: unsupported filter 'frobnicate'");
        QTest::newRow("unclosed if") << QStringLiteral("{% if true %}x")
                                     << QStringLiteral("PARSE ERROR: line 1: missing {% endif %}");
        QTest::newRow("unknown tag") << QStringLiteral("a\n{% include 'x' %}")
                                     << QStringLiteral("PARSE ERROR: line 2: unsupported tag {% include %}");
        QTest::newRow("adding a string to a number")
            << QStringLiteral("{{ 'a' + 1 }}")
            << QStringLiteral(
                   "RENDER ERROR: chat template: line 1: unsupported operand types for +: string and number");
        QTest::newRow("bad syntax") << QStringLiteral("{{ (1 + }}")
                                    << QStringLiteral("PARSE ERROR: line 1: unexpected end of expression");
        // The sandbox: unbounded work and recursion are refused with the reason, never a crash or a hang.
        const QString render = QStringLiteral("RENDER ERROR: chat template: line 1: ");
        QTest::newRow("self-recursive macro") << QStringLiteral("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
                                              << render + QStringLiteral("macro calls nested deeper than 64");
        QTest::newRow("INT64_MIN // -1") << QStringLiteral("{{ (-9223372036854775807 - 1) // -1 }}")
                                         << render + QStringLiteral("integer overflow in //");
        QTest::newRow("int64 + overflow")
            << QStringLiteral("{{ 9223372036854775807 + 1 }}") << render + QStringLiteral("integer overflow in +");
        QTest::newRow("int64 * overflow")
            << QStringLiteral("{{ 4294967296 * 4294967296 }}") << render + QStringLiteral("integer overflow in *");
        QTest::newRow("range(1e12)") << QStringLiteral("{% for i in range(1000000000000) %}{% endfor %}")
                                     << render + QStringLiteral("range() of more than 1000000 items");
        QTest::newRow("range over int64") << QStringLiteral("{{ range(-9223372036854775807, 9223372036854775807) }}")
                                          << render + QStringLiteral("range() of more than 1000000 items");
        QTest::newRow("'a' * 1e11") << QStringLiteral("{{ 'a' * 100000000000 }}")
                                    << render + QStringLiteral("the template made a string larger than 16777216 bytes");
        QTest::newRow("indent(2e9)") << QStringLiteral("{{ 'a\nb' | indent(2000000000) }}")
                                     << render + QStringLiteral("indent() of more than 4096 spaces");
        QTest::newRow("tojson(indent=2e9)") << QStringLiteral("{{ [1] | tojson(indent=2000000000) }}")
                                            << render + QStringLiteral("tojson() indent of more than 4096 spaces");
        QTest::newRow("doubling string") << QStringLiteral(
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
            "{% endfor %}") << render + QStringLiteral("the template made a string larger than 16777216 bytes");
        QTest::newRow("doubling output") << QStringLiteral(
            "{% set ns = namespace(s='abcdefgh') %}{% for i in range(21) %}{% set ns.s = ns.s + ns.s %}"
            "{% endfor %}{{ ns.s }}{{ ns.s }}{{ ns.s }}")
                                         << render
                + QStringLiteral("the template made a string larger than 16777216 bytes");
        QTest::newRow("long binary chain") << QStringLiteral("{{ 1%1 }}").arg(QStringLiteral(" + 1").repeated(600))
                                           << render + QStringLiteral("an expression nests deeper than 500 levels");
        QTest::newRow("huge tag") << QStringLiteral("{{ 1%1 }}").arg(QStringLiteral(" + 1").repeated(6000))
                                  << QStringLiteral("PARSE ERROR: line 1: a tag of more than 10000 tokens");
        QTest::newRow("nested parentheses")
            << QStringLiteral("{{ %1 1 %2 }}").arg(QString(3000, u'('), QString(3000, u')'))
            << QStringLiteral("PARSE ERROR: line 1: the template nests deeper than 200 levels");
        QTest::newRow("nested unary minus")
            << QStringLiteral("{{ %1 1 }}").arg(QString(3000, u'-'))
            << QStringLiteral("PARSE ERROR: line 1: the template nests deeper than 200 levels");
        QTest::newRow("nested lists") << QStringLiteral("{{ %1 %2 }}").arg(QString(3000, u'['), QString(3000, u']'))
                                      << QStringLiteral(
                                             "PARSE ERROR: line 1: the template nests deeper than 200 levels");
        QTest::newRow("nested ifs") << QStringLiteral("{% if true %}").repeated(1000)
                + QStringLiteral("{% endif %}").repeated(1000)
                                    << QStringLiteral("PARSE ERROR: line 1: the template nests deeper than 200 levels");
    }
    void errors()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        const QString got = render(source.toStdString(), nlohmann::json::array(), false);
        QVERIFY2(got.startsWith(expected), qPrintable(got));
    }

    // A template string cut inside a UTF-8 sequence: iterating over it read past the string's end (found by
    // fuzz_chattemplate); the cut sequence is one U+FFFD.
    void invalidUtf8()
    {
        const std::string source = "{% for c in 'a\xc3' %}[{{ c }}]{% endfor %}";
        QCOMPARE(render(source, nlohmann::json::array(), false), QStringLiteral("[a][\uFFFD]"));
    }

    // Work without end (nested loops) stops at the step budget. The budget is lowered here to keep the test fast;
    // chat templates get Renderer::kMaxSteps.
    void stepBudget()
    {
        const tl::JinjaTemplate t(
            "{% for i in range(1000) %}{% for j in range(1000) %}{{ '' }}{% endfor %}{% endfor %}");
        try {
            t.render(nlohmann::json::object(), 10000);
            QFAIL("rendered past the budget");
        } catch (const std::runtime_error& e) {
            QCOMPARE(
                QString::fromUtf8(e.what()), QStringLiteral("line 1: the template ran past its budget of 10000 steps"));
        }
    }

    // The real Qwen3 template, loaded with the tokenizer from the fixture's tokenizer_config.json; expected strings
    // are what transformers' apply_chat_template gives (checked with Python's Jinja2 set up the same way).
    void qwen3_data()
    {
        QTest::addColumn<QString>("messages");
        QTest::addColumn<bool>("generation");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("expected");
        // The two message lists datasets produce: a system prompt and a user turn, or a user turn alone.
        const QString systemUser = QString::fromStdString(
            msgs({{"system", "You are a helpful assistant."}, {"user", "What is 2+2?"}}).dump());
        const QString userOnly = QString::fromStdString(msgs({{"user", "What is 2+2?"}}).dump());
        QTest::newRow("system + user, generation prompt")
            << systemUser << true << QStringLiteral("{}")
            << QStringLiteral("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhat is "
                              "2+2?<|im_end|>\n<|im_start|>assistant\n");
        QTest::newRow("system + user") << systemUser << false << QStringLiteral("{}")
                                       << QStringLiteral("<|im_start|>system\nYou are a helpful "
                                                         "assistant.<|im_end|>\n<|im_start|>user\nWhat is "
                                                         "2+2?<|im_end|>\n");
        QTest::newRow("user only, generation prompt")
            << userOnly << true << QStringLiteral("{}")
            << QStringLiteral("<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n");
        const QString multi = QString::fromStdString(msgs(
            {{"system", "You are helpful."}, {"user", "Hi"}, {"assistant", "Hello!"},
                {"user", "How are you?"}}).dump());
        QTest::newRow("system, multi-turn, generation prompt")
            << multi << true << QStringLiteral("{}")
            << QStringLiteral(
                   "<|im_start|>system\nYou are "
                   "helpful.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
                   "<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\n");
        QTest::newRow("no generation prompt")
            << QString::fromStdString(msgs({{"user", "Hi"}}).dump()) << false << QStringLiteral("{}")
            << QStringLiteral("<|im_start|>user\nHi<|im_end|>\n");
        QTest::newRow("thinking kept after the last query")
            << QString::fromStdString(msgs({{"user", "Q"}, {"assistant", "<think>\nR\n</think>\n\nA"}}).dump()) << false
            << QStringLiteral("{}")
            << QStringLiteral(
                   "<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n<think>\nR\n</think>\n\nA<|im_end|>\n");
        QTest::newRow("thinking dropped before the last query, thinking disabled")
            << QString::fromStdString(
                   msgs({{"user", "Q1"}, {"assistant", "<think>\nR1\n</think>\n\nA1"}, {"user", "Q2"}}).dump())
            << true << QString::fromUtf8(R"({"enable_thinking": false})")
            << QStringLiteral("<|im_start|>user\nQ1<|im_end|>\n<|im_start|>assistant\nA1<|im_end|>\n<|im_start|>"
                              "user\nQ2<|im_end|>\n"
                              "<|im_start|>assistant\n<think>\n\n</think>\n\n");
        QTest::newRow("tool responses grouped in one user turn")
            << QString::fromStdString(msgs({{"user", "Q"}, {"tool", "r1"}, {"tool", "r2"}}).dump()) << false
            << QStringLiteral("{}")
            << QStringLiteral("<|im_start|>user\nQ<|im_end|>\n<|im_start|>user\n<tool_response>\nr1\n</"
                              "tool_response>\n<tool_response>\nr2\n</tool_response><|im_end|>\n");
    }
    void qwen3()
    {
        QFETCH(QString, messages);
        QFETCH(bool, generation);
        QFETCH(QString, extra);
        QFETCH(QString, expected);
        QString error;
        const auto tokenizer = Tokenizer::load(dataDir() + QStringLiteral("/qwen3"), &error);
        QVERIFY2(tokenizer, qPrintable(error));
        QVERIFY(tokenizer->chatTemplate());
        const auto out = tokenizer->chatTemplate()->render(nlohmann::json::parse(messages.toStdString()), generation,
            nlohmann::json::parse(extra.toStdString()), &error);
        QVERIFY2(out, qPrintable(error));
        QCOMPARE(QString::fromStdString(*out), expected);
    }

    // Templates of the shape of Mistral-Instruct v0.1 and v0.3, written from memory (the Mistral fixture carries no
    // chat_template; tests/data/tokenizers/README.md): they test the Jinja subset, not Mistral's exact prompt.
    void mistral_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("messages");
        QTest::addColumn<QString>("expected");
        const QString conversation
            = QString::fromStdString(msgs({{"user", "Hi"}, {"assistant", "Hello"}, {"user", "Bye"}}).dump());
        QTest::newRow("v0.1 multi-turn") << QStringLiteral("chat_template_v0.1.from_memory.jinja") << conversation
                                         << QStringLiteral("<s>[INST] Hi [/INST]Hello</s>[INST] Bye [/INST]");
        QTest::newRow("v0.1 rejects a system message")
            << QStringLiteral("chat_template_v0.1.from_memory.jinja")
            << QString::fromStdString(msgs({{"system", "S"}, {"user", "U"}}).dump())
            << QStringLiteral(
                   "RENDER ERROR: chat template: template raised an exception: Conversation roles must alternate");
        QTest::newRow("v0.3 system and multi-turn")
            << QStringLiteral("chat_template_v0.3.from_memory.jinja")
            << QString::fromStdString(
                   msgs({{"system", "S"}, {"user", "U1"}, {"assistant", "A1"}, {"user", "U2"}}).dump())
            << QStringLiteral("<s> [INST] S\n\nU1 [/INST] A1</s> [INST] U2 [/INST]");
        QTest::newRow("v0.3 without system") << QStringLiteral("chat_template_v0.3.from_memory.jinja") << conversation
                                             << QStringLiteral("<s> [INST] Hi [/INST] Hello</s> [INST] Bye [/INST]");
        // The two message lists datasets produce (no generation prompt in these templates: both flags give the same).
        QTest::newRow("v0.1 user only") << QStringLiteral("chat_template_v0.1.from_memory.jinja")
                                        << QString::fromStdString(msgs({{"user", "What is 2+2?"}}).dump())
                                        << QStringLiteral("<s>[INST] What is 2+2? [/INST]");
        QTest::newRow("v0.3 system + user")
            << QStringLiteral("chat_template_v0.3.from_memory.jinja")
            << QString::fromStdString(
                   msgs({{"system", "You are a helpful assistant."}, {"user", "What is 2+2?"}}).dump())
            << QStringLiteral("<s> [INST] You are a helpful assistant.\n\nWhat is 2+2? [/INST]");
        QTest::newRow("v0.3 user only") << QStringLiteral("chat_template_v0.3.from_memory.jinja")
                                        << QString::fromStdString(msgs({{"user", "What is 2+2?"}}).dump())
                                        << QStringLiteral("<s> [INST] What is 2+2? [/INST]");
        QTest::newRow("v0.3 roles must alternate")
            << QStringLiteral("chat_template_v0.3.from_memory.jinja")
            << QString::fromStdString(msgs({{"user", "a"}, {"user", "b"}}).dump())
            << QStringLiteral(
                   "RENDER ERROR: chat template: template raised an exception: After the optional system message");
    }
    void mistral()
    {
        QFETCH(QString, file);
        QFETCH(QString, messages);
        QFETCH(QString, expected);
        // bos/eos as the Mistral fixture's tokenizer_config.json gives them, through Tokenizer::fromJson.
        const std::string source = readFile(dataDir() + QStringLiteral("/mistral7b/") + file);
        QVERIFY(!source.empty());
        QFile configFile(dataDir() + QStringLiteral("/mistral7b/tokenizer_config.json"));
        QVERIFY(configFile.open(QIODevice::ReadOnly));
        auto config = nlohmann::json::parse(configFile.readAll().toStdString());
        config["chat_template"] = source;
        QFile tokFile(dataDir() + QStringLiteral("/mistral7b/tokenizer.json"));
        QVERIFY(tokFile.open(QIODevice::ReadOnly));
        QString error;
        const auto tokenizer = Tokenizer::fromJson(
            nlohmann::json::parse(tokFile.readAll().toStdString()), config, QStringLiteral("mistral"), &error);
        QVERIFY2(tokenizer && tokenizer->chatTemplate(), qPrintable(error));
        for (const bool generation : {false, true}) {
            const auto out
                = tokenizer->chatTemplate()->render(nlohmann::json::parse(messages.toStdString()), generation, &error);
            const QString got = out ? QString::fromStdString(*out) : QStringLiteral("RENDER ERROR: ") + error;
            QVERIFY2(got.startsWith(expected), qPrintable(got));
            if (out)
                QCOMPARE(got, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestChatTemplate)
#include "tst_chattemplate.moc"
