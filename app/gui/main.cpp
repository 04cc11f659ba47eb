// throughline: the Qt Widgets workbench. `throughline [--demo] [PROJECT.tlproj]`.

#include "appsettings.h"
#include "demo/demo.h"
#include "config/runconfig.h"
#include "mainwindow.h"
#include "sim/simserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <memory>

namespace {

void setUpParser(QCommandLineParser& parser, const QCommandLineOption& demoOption)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Benchmark workbench for OpenAI-compatible LLM servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("project"),
        QCoreApplication::translate("main", "Project file (*.tlproj) to open or create; runs are stored in it."),
        QStringLiteral("[PROJECT.tlproj]"));
}

// --help and --version must work without a display, where QApplication cannot start.
bool wantsTextOnly(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QCoreApplication::translate("main",
            "Start the built-in emulated model server and fill in a short sweep aimed "
            "at it: press Run to see a benchmark without a real server."));
    QCommandLineParser parser;
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("throughline"));
        QCoreApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));
        setUpParser(parser, demoOption);
        parser.process(core); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Throughline"));
    QApplication::setOrganizationName(QStringLiteral("Throughline"));
    QApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/throughline.png")));
    // The one settings object of the process, handed to the window (no global instance).
    const std::unique_ptr<tl::AppSettings> settings = tl::AppSettings::createDefault();
    // The catalogue for the language chosen in Settings, else the system's (zh_CN ships), and Qt's own strings.
    const QString language = settings->language();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    QTranslator appTranslator;
    if (appTranslator.load(locale, QStringLiteral("throughline"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);
    QTranslator qtTranslator;
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    setUpParser(parser, demoOption);
    parser.process(app);

    QString projectPath = parser.positionalArguments().value(0);
    tl::RunConfig config;
    std::unique_ptr<tl::SimServer> sim; // declared before the window: it outlives every run the window makes
    if (parser.isSet(demoOption)) {
        sim = std::make_unique<tl::SimServer>(tl::Demo::simConfig());
        QString error;
        if (!sim->start(&error)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Throughline"),
                QCoreApplication::translate("main", "The built-in emulated server could not start: %1").arg(error));
            return 1;
        }
        if (projectPath.isEmpty())
            projectPath = tl::Demo::defaultProjectPath();
        config = tl::Demo::runConfig(sim->baseUrl(), projectPath);
    } else {
        if (projectPath.isEmpty() && QFileInfo::exists(settings->lastProject()))
            projectPath = settings->lastProject(); // reopen where the user left off
        if (const QByteArray lastForm = settings->lastForm(); !lastForm.isEmpty()) {
            tl::ConfigErrors ignored; // a field this version no longer reads keeps its default
            config = tl::RunConfig::fromJson(lastForm, &ignored);
            config.project.clear(); // the project is the one opened above
        }
    }

    tl::MainWindow window(config, projectPath, settings.get());
    if (sim)
        window.setDemoTarget(sim->baseUrl(), sim->config());
    window.show();
    return app.exec();
}
