#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "pages/runsetuppage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using tl::Parameter;
using tl::ParameterRegistry;
using tl::RunConfig;
using tl::RunSetupPage;

namespace {

RunConfig valid()
{
    RunConfig c;
    c.model = QStringLiteral("m");
    c.url = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
    return c;
}

QStringList diffFlags(const RunConfig& a, const RunConfig& b)
{
    QStringList out;
    for (const auto& d : ParameterRegistry::configDiff(a, b))
        out << d.parameter->flag() + QStringLiteral(": ") + d.before + QStringLiteral(" -> ") + d.after;
    return out;
}

} // namespace

// The setup form generated from the parameter registry.
class TestRunSetupPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyParameterHasAWidget()
    {
        RunSetupPage page;
        for (const Parameter& p : ParameterRegistry::all()) {
            if (!p.isSupported() || p.flag() == u"--project" || p.flag() == u"--no-outputs")
                continue;
            static const QStringList legacy = {QStringLiteral("--url"), QStringLiteral("--model"),
                QStringLiteral("--api-key"), QStringLiteral("--parallel"), QStringLiteral("--number"),
                QStringLiteral("--max-tokens"), QStringLiteral("--stream"), QStringLiteral("--extra-args")};
            if (legacy.contains(p.flag()))
                continue;
            QWidget* w = page.findChild<QWidget*>(p.flag());
            QVERIFY2(w, qPrintable(p.flag()));
            QVERIFY2(w->toolTip().contains(p.flag()), qPrintable(p.flag()));
        }
        for (const char* name : {"urlEdit", "modelEdit", "apiKeyEdit", "parallelEdit", "numberEdit", "extraArgsEdit"})
            QVERIFY2(page.findChild<QLineEdit*>(QLatin1StringView(name)), name);
        QVERIFY(page.findChild<QSpinBox*>(QStringLiteral("maxTokensSpin")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("errorLabel")));
    }

    // What the form is given, it gives back: every parameter the form shows survives setConfig/config.
    void configRoundTrip()
    {
        RunConfig c = valid();
        c.apiKey = QStringLiteral("sk-x");
        c.headers = {{QStringLiteral("X-A"), QStringLiteral("one two")}};
        c.parallel = {1, 8};
        c.number = {10, 80};
        c.rate = {2.5};
        c.stream = false;
        c.maxTokens = 16;
        c.maxTokensUpper = 64;
        c.minTokens = 4;
        c.temperature = 0.7;
        c.topP = 0.9;
        c.seed = 42;
        c.logprobs = true;
        c.applyChatTemplate = false;
        c.stop = {QStringLiteral("###"), QStringLiteral("two words")};
        c.extraArgs = "{\"ignore_eos\":true}";
        c.dataset = QStringLiteral("speed_benchmark");
        c.dataSource = QStringLiteral("huggingface");
        c.datasetOffset = 7;
        c.transport = QStringLiteral("qt");
        c.connectTimeout = 3;
        c.name = QStringLiteral("baseline");
        c.project = QStringLiteral("/tmp/p.tlproj");
        RunSetupPage page;
        page.setConfig(c);
        tl::ConfigErrors input;
        const RunConfig back = page.config(&input);
        QVERIFY2(input.isEmpty(), qPrintable(input.value(0).toString()));
        QCOMPARE(diffFlags(c, back), QStringList());
        QVERIFY(page.problems().isEmpty());
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
    }

    void validationAsYouType_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("flag");
        QTest::newRow("list with a word") << "parallelEdit"
                                          << "1 x 16"
                                          << "--parallel";
        QTest::newRow("zero requests") << "numberEdit"
                                       << "0"
                                       << "--number";
        QTest::newRow("extra args not JSON") << "extraArgsEdit"
                                             << "[1]"
                                             << "--extra-args";
        QTest::newRow("header with a space") << "--headers"
                                             << "'X A=1'"
                                             << "--headers";
        QTest::newRow("infinite duration") << "--duration"
                                           << "inf"
                                           << "--duration";
        QTest::newRow("top-p above one") << "--top-p"
                                         << "1.5"
                                         << "--top-p";
        QTest::newRow("missing model") << "modelEdit"
                                       << ""
                                       << "--model";
    }
    void validationAsYouType()
    {
        QFETCH(QString, widget);
        QFETCH(QString, text);
        QFETCH(QString, flag);
        RunSetupPage page;
        page.setConfig(valid());
        auto* run = page.findChild<QPushButton*>(QStringLiteral("runButton"));
        QVERIFY(run->isEnabled());
        auto* edit = page.findChild<QLineEdit*>(widget);
        QVERIFY(edit);
        edit->setText(text);
        QVERIFY(!run->isEnabled());
        QVERIFY2(run->toolTip().contains(flag + QStringLiteral(": ")), qPrintable(run->toolTip()));
        auto* message = page.findChild<QLabel*>(edit->objectName() + QStringLiteral("Message"));
        QVERIFY(message);
        QVERIFY(!message->isHidden());
        QVERIFY(!message->text().isEmpty());
        QCOMPARE(page.problems().first().field, flag);
        // Fixed, it runs again.
        page.setConfig(valid());
        QVERIFY(run->isEnabled());
        QVERIFY(message->isHidden());
    }

    void commandCopyAndPaste()
    {
        RunSetupPage page;
        RunConfig c = valid();
        c.parallel = {2, 4};
        c.number = {20, 40};
        c.apiKey = QStringLiteral("sk-secret");
        page.setConfig(c);
        const QString line = page.commandLine();
        QVERIFY(line.startsWith(QStringLiteral("throughline-cli run ")));
        QVERIFY(!line.contains(QStringLiteral("sk-secret")));

        RunSetupPage other;
        QStringList unmapped;
        QVERIFY(other.applyCommand(page.commandLine(true), &unmapped));
        QVERIFY(unmapped.isEmpty());
        QCOMPARE(diffFlags(c, other.config()), QStringList());

        QVERIFY(other.applyCommand(QStringLiteral("evalscope perf --url http://h:1/v1 --model q --parallel 3 "
                                                  "--number 30 --swanlab-api-key k --max-turns 2"),
            &unmapped));
        QCOMPARE(other.config().parallel, QList<int>{3});
        QCOMPARE(unmapped.size(), 2);
        QVERIFY(!other.findChild<QLabel*>(QStringLiteral("pasteNoteLabel"))->isHidden());
        QVERIFY(!other.applyCommand(QStringLiteral("not a command")));
        QVERIFY(!other.findChild<QLabel*>(QStringLiteral("errorLabel"))->isHidden());
    }
};

QTEST_MAIN(TestRunSetupPage)
#include "tst_runsetuppage.moc"
