#include "appsettings.h"
#include "config/commandline.h"
#include "config/parameterregistry.h"
#include "pages/runsetuppage.h"
#include "projectsession.h"
#include "sim/simserver.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
                                                  "--number 30 --swanlab-api-key k --swanlab-host https://sw.example"),
            &unmapped));
        QCOMPARE(other.config().parallel, QList<int>{3});
        QCOMPARE(unmapped.size(), 2);
        QVERIFY(!other.findChild<QLabel*>(QStringLiteral("pasteNoteLabel"))->isHidden());
        QVERIFY(!other.applyCommand(QStringLiteral("not a command")));
        QVERIFY(!other.findChild<QLabel*>(QStringLiteral("errorLabel"))->isHidden());
    }

    // The key is masked until the user asks to see it, and masked again on the second press.
    void apiKeyMaskedWithShowToggle()
    {
        RunSetupPage page;
        RunConfig c = valid();
        c.apiKey = QStringLiteral("sk-secret");
        page.setConfig(c);
        auto* key = page.findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"));
        auto* show = page.findChild<QToolButton*>(QStringLiteral("apiKeyEditShowButton"));
        QVERIFY(key && show);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        show->click();
        QCOMPARE(key->echoMode(), QLineEdit::Normal);
        QCOMPARE(key->text(), QStringLiteral("sk-secret"));
        show->click();
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QCOMPARE(page.config().apiKey, QStringLiteral("sk-secret"));
    }

    // Under the URL: where requests will really go after EvalScope's suffix rule (RunConfig::resolvedUrl()).
    void effectiveEndpointFollowsTheUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("suffix given") << "http://h:1/v1/chat/completions"
                                      << "openai"
                                      << "http://h:1/v1/chat/completions";
        QTest::newRow("base only") << "http://h:1/v1"
                                   << "openai"
                                   << "http://h:1/v1/chat/completions";
        QTest::newRow("trailing slash") << "http://h:1/v1/"
                                        << "openai"
                                        << "http://h:1/v1/chat/completions";
    }
    void effectiveEndpointFollowsTheUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, api);
        QFETCH(QString, endpoint);
        RunSetupPage page;
        page.setConfig(valid());
        auto* label = page.findChild<QLabel*>(QStringLiteral("effectiveUrlLabel"));
        QVERIFY(label);
        page.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(url);
        QCOMPARE(page.config().resolvedUrl(), endpoint);
        QVERIFY2(label->text().endsWith(endpoint), qPrintable(label->text()));
    }

    // "Fetch list" asks the emulated server's /v1/models without blocking, and offers its ids in the drop-down.
    void modelDropDownFromTheServer()
    {
        tl::SimConfig sim;
        sim.modelName = QStringLiteral("qwen-sim");
        tl::SimServer server(sim);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        RunSetupPage page;
        RunConfig c = valid();
        c.url = server.baseUrl().toString() + QStringLiteral("/v1");
        c.model.clear();
        page.setConfig(c);
        auto* combo = page.findChild<QComboBox*>(QStringLiteral("modelCombo"));
        auto* fetch = page.findChild<QToolButton*>(QStringLiteral("fetchModelsButton"));
        auto* note = page.findChild<QLabel*>(QStringLiteral("modelsNoteLabel"));
        QVERIFY(combo && fetch && note);
        QVERIFY(!page.problems().isEmpty()); // no model yet
        fetch->click();
        QVERIFY(!fetch->isEnabled()); // returned at once: the answer comes later
        QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 1, 10000);
        QCOMPARE(combo->itemText(0), QStringLiteral("qwen-sim"));
        QVERIFY(fetch->isEnabled());
        // The empty field took the server's model, and the form is runnable.
        QCOMPARE(page.config().model, QStringLiteral("qwen-sim"));
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("modelEdit"))->text(), QStringLiteral("qwen-sim"));
        QVERIFY(page.problems().isEmpty());

        // A typed name is kept when the list comes again; a server that is gone is said so, not hidden.
        page.findChild<QLineEdit*>(QStringLiteral("modelEdit"))->setText(QStringLiteral("mine"));
        server.stop();
        fetch->click();
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 10000);
        QVERIFY2(note->text().contains(QStringLiteral("/v1/models")), qPrintable(note->text()));
        QCOMPARE(page.config().model, QStringLiteral("mine"));
    }

    // The sweep as a table: it shows the lists, edits them, and follows the closed/open loop switch.
    void loadPointsTable()
    {
        RunSetupPage page;
        RunConfig c = valid();
        c.parallel = {1, 8};
        c.number = {10, 80};
        page.setConfig(c);
        auto* view = page.findChild<QTableView*>(QStringLiteral("loadPointsTable"));
        QVERIFY(view);
        QAbstractItemModel* model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("8"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("80"));

        // Edited in the table, the lists follow.
        QVERIFY(model->setData(model->index(1, 0), 16));
        QCOMPARE(page.config().parallel, (QList<int>{1, 16}));
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("parallelEdit"))->text(), QStringLiteral("1 16"));
        page.findChild<QToolButton*>(QStringLiteral("addPointButton"))->click();
        QCOMPARE(page.config().parallel, (QList<int>{1, 16, 32}));
        QCOMPARE(page.config().number, (QList<int>{10, 80, 80}));
        QVERIFY(page.problems().isEmpty());
        view->setCurrentIndex(model->index(0, 0));
        page.findChild<QToolButton*>(QStringLiteral("removePointButton"))->click();
        QCOMPARE(page.config().parallel, (QList<int>{16, 32}));
        QCOMPARE(page.config().number, (QList<int>{80, 80}));

        // Typed in the lists, the table follows; unequal lists show as such and the core's rule says why.
        page.findChild<QLineEdit*>(QStringLiteral("parallelEdit"))->setText(QStringLiteral("2 4 6"));
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(2, 1).data().toString(), QString());
        QVERIFY(!page.problems().isEmpty());

        // Open loop: the first column is the rate.
        page.setConfig(c);
        auto* mode = page.findChild<QComboBox*>(QStringLiteral("loopModeCombo"));
        QVERIFY(mode);
        mode->setCurrentIndex(1);
        QVERIFY(page.config().openLoop);
        QVERIFY(model->headerData(0, Qt::Horizontal).toString().contains(QStringLiteral("Rate")));
        page.findChild<QLineEdit*>(QStringLiteral("--rate"))->setText(QStringLiteral("2 4"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("4"));
        QVERIFY(model->setData(model->index(0, 0), 1.5));
        QCOMPARE(page.config().rate, (QList<double>{1.5, 4}));
        QCOMPARE(page.config().parallel, (QList<int>{1, 8})); // left as it was
        mode->setCurrentIndex(0);
        QVERIFY(!page.config().openLoop);
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("8"));
    }

    // --extra-args on several lines: pretty-printed from the line, written back compactly, judged as you type.
    void jsonEditedOnSeveralLines()
    {
        RunSetupPage page;
        RunConfig c = valid();
        c.extraArgs = "{\"ignore_eos\":true}";
        page.setConfig(c);
        auto* line = page.findChild<QLineEdit*>(QStringLiteral("extraArgsEdit"));
        auto* multi = page.findChild<QPlainTextEdit*>(QStringLiteral("extraArgsEditJson"));
        auto* message = page.findChild<QLabel*>(QStringLiteral("extraArgsEditMessage"));
        QVERIFY(line && multi && message);
        QVERIFY(multi->toPlainText().contains(QStringLiteral("\n  \"ignore_eos\": true")));
        multi->setPlainText(QStringLiteral("{\n  \"ignore_eos\": true,\n  \"top_k\": "));
        QVERIFY(!page.problems().isEmpty());
        QVERIFY(!message->isHidden());
        QCOMPARE(page.problems().first().field, QStringLiteral("--extra-args"));
        multi->setPlainText(QStringLiteral("{\n  \"ignore_eos\": true,\n  \"top_k\": 5\n}"));
        QVERIFY(page.problems().isEmpty());
        QVERIFY(message->isHidden());
        QCOMPARE(line->text(), QStringLiteral("{\"ignore_eos\":true,\"top_k\":5}"));
        QCOMPARE(page.config().extraArgs, QByteArray("{\"ignore_eos\":true,\"top_k\":5}"));
    }

    // Each dataset mode says in one line what it sends; paths take a file or a folder.
    void datasetModeDescribed()
    {
        RunSetupPage page;
        page.setConfig(valid());
        auto* note = page.findChild<QLabel*>(QStringLiteral("datasetDescriptionLabel"));
        QVERIFY(note);
        QVERIFY(note->text().contains(QStringLiteral("40 short questions")));
        auto* combo = page.findChild<QComboBox*>(QStringLiteral("--dataset"));
        QVERIFY(combo);
        for (int i = 0; i < combo->count(); ++i) {
            combo->setCurrentIndex(i);
            QVERIFY2(!note->text().isEmpty(), qPrintable(combo->currentText()));
        }
        for (const char* name :
            {"--dataset-pathFile", "--dataset-pathFolder", "--tokenizer-pathFile", "--tokenizer-pathFolder"})
            QVERIFY2(page.findChild<QToolButton*>(QLatin1StringView(name)), name);
    }

    // The preview loads the prompts off the GUI thread and lists the first ones.
    void promptPreview()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("prompts.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("first prompt\n\nsecond prompt\nthird\n");
        file.close();
        RunSetupPage page;
        RunConfig c = valid();
        c.dataset = QStringLiteral("custom");
        c.datasetPath = file.fileName();
        page.setConfig(c);
        auto* button = page.findChild<QPushButton*>(QStringLiteral("previewPromptsButton"));
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("promptPreviewTable"));
        auto* note = page.findChild<QLabel*>(QStringLiteral("promptPreviewNote"));
        QVERIFY(button && table && note);
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20000);
        QVERIFY2(table->rowCount() >= 3, qPrintable(note->text()));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("first prompt"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("second prompt"));
        QVERIFY(note->text().contains(QStringLiteral("tokenizer"))); // no tokenizer: counts unknown, and said so

        // A file that is not there: the reason, not an empty table.
        c.datasetPath = dir.filePath(QStringLiteral("missing.txt"));
        page.setConfig(c);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20000);
        QVERIFY(note->text().startsWith(QStringLiteral("No preview")));
    }

    // At 1024x640 (the smallest size the workbench supports) the form scrolls instead of clipping: every group's
    // content fits the scroll area's width, with the main window's project dock (about 400 px) beside it.
    void fitsASmallWindow()
    {
        RunSetupPage page;
        page.setConfig(valid());
        page.resize(1024 - 400, 640 - 80);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* scroll = page.findChild<QScrollArea*>();
        QVERIFY(scroll);
        QVERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
            qPrintable(QStringLiteral("%1 > %2")
                           .arg(scroll->widget()->minimumSizeHint().width())
                           .arg(scroll->viewport()->width())));
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0); // the rest is a scroll away
        const QString dir = qEnvironmentVariable("THROUGHLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(page.grab().save(dir + QStringLiteral("/setup-small.png")));
    }

    // Named presets: save, load, duplicate, delete; kept in the settings across pages (launches), never the key.
    void presets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        tl::AppSettings settings(std::make_unique<QSettings>(file, QSettings::IniFormat));
        RunSetupPage page;
        page.setSettings(&settings);
        RunConfig c = valid();
        c.parallel = {2, 4};
        c.number = {20, 40};
        c.apiKey = QStringLiteral("sk-secret");
        page.setConfig(c);
        QVERIFY(page.savePreset(QStringLiteral("two points")));
        QVERIFY(!settings.preset(QStringLiteral("two points")).contains("sk-secret"));

        RunConfig other = valid();
        other.apiKey = QStringLiteral("sk-mine");
        page.setConfig(other);
        QVERIFY(page.duplicatePreset(QStringLiteral("two points"), QStringLiteral("copy")));
        QCOMPARE(page.presetNames(), (QStringList{QStringLiteral("copy"), QStringLiteral("two points")}));
        QVERIFY(page.loadPreset(QStringLiteral("copy")));
        QCOMPARE(page.config().parallel, (QList<int>{2, 4}));
        QCOMPARE(page.config().number, (QList<int>{20, 40}));
        QCOMPARE(page.config().apiKey, QStringLiteral("sk-mine")); // the form's key stays
        page.deletePreset(QStringLiteral("two points"));
        QCOMPARE(page.presetNames(), QStringList{QStringLiteral("copy")});
        QVERIFY(!page.loadPreset(QStringLiteral("two points")));

        // Another page (the next launch) on the same settings sees them.
        settings.sync();
        tl::AppSettings again(std::make_unique<QSettings>(file, QSettings::IniFormat));
        RunSetupPage next;
        next.setSettings(&again);
        auto* combo = next.findChild<QComboBox*>(QStringLiteral("presetCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->itemText(0), QStringLiteral("copy"));
    }

    // With a writable project open, presets live in it (save, load, duplicate, delete), the settings' ones are not
    // shown, and another session on the same file sees them; with no project the settings take over again.
    void presetsInTheProject()
    {
        QTemporaryDir dir;
        tl::AppSettings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
        settings.setPreset(QStringLiteral("from settings"), valid().toJson(false));
        const QString projectPath = dir.filePath(QStringLiteral("p.tlproj"));
        tl::ProjectSession session;
        RunSetupPage page;
        page.setSettings(&settings);
        page.setProject(&session);
        QVERIFY(!page.presetsInProject()); // nothing open: the settings' presets
        QCOMPARE(page.presetNames(), QStringList{QStringLiteral("from settings")});

        QString error;
        QVERIFY2(session.open(projectPath, &error), qPrintable(error));
        page.projectChanged();
        QVERIFY(page.presetsInProject());
        QVERIFY(page.presetNames().isEmpty());
        RunConfig c = valid();
        c.parallel = {8};
        c.number = {80};
        c.apiKey = QStringLiteral("sk-secret");
        page.setConfig(c);
        QVERIFY(page.savePreset(QStringLiteral("p8")));
        QVERIFY(page.duplicatePreset(QStringLiteral("p8"), QStringLiteral("p8 copy")));
        QVERIFY(page.savePreset(QStringLiteral("doomed")));
        page.deletePreset(QStringLiteral("doomed"));
        QCOMPARE(page.presetNames(), (QStringList{QStringLiteral("p8"), QStringLiteral("p8 copy")}));
        QVERIFY(!session.preset(QStringLiteral("p8")).contains("sk-secret"));
        QCOMPARE(settings.presetNames(), QStringList{QStringLiteral("from settings")}); // untouched
        page.setConfig(valid());
        QVERIFY(page.loadPreset(QStringLiteral("p8 copy")));
        QCOMPARE(page.config().parallel, QList<int>{8});
        QCOMPARE(page.config().number, QList<int>{80});

        // The same file in another session (the next launch, another machine) has them.
        tl::ProjectSession other;
        QVERIFY2(other.open(projectPath, &error), qPrintable(error));
        RunSetupPage next;
        next.setProject(&other);
        QCOMPARE(next.presetNames(), (QStringList{QStringLiteral("p8"), QStringLiteral("p8 copy")}));
        other.close();

        session.close();
        page.projectChanged();
        QVERIFY(!page.presetsInProject());
        QCOMPARE(page.presetNames(), QStringList{QStringLiteral("from settings")});
    }
};

QTEST_MAIN(TestRunSetupPage)
#include "tst_runsetuppage.moc"
