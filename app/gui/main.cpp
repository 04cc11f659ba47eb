// throughline: the Qt Widgets workbench. `throughline [--demo] [PROJECT.tlproj]`.

#include "config/demo.h"
#include "config/runconfig.h"
#include "mainwindow.h"
#include "sim/simserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <memory>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("main", text);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Throughline"));
    QApplication::setOrganizationName(QStringLiteral("Throughline"));
    QApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/throughline.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Benchmark workbench for OpenAI-compatible LLM servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        tr("Start the built-in emulated model server and fill in a short sweep aimed "
           "at it: press Run to see a benchmark without a real server."));
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("project"),
        tr("Project file (*.tlproj) to open or create; runs are stored in it."), QStringLiteral("[PROJECT.tlproj]"));
    parser.process(app);

    QString projectPath = parser.positionalArguments().value(0);
    tl::RunConfig config;
    std::unique_ptr<tl::SimServer> sim; // declared before the window: it outlives every run the window makes
    if (parser.isSet(demoOption)) {
        sim = std::make_unique<tl::SimServer>(tl::Demo::simConfig());
        QString error;
        if (!sim->start(&error)) {
            QMessageBox::critical(
                nullptr, tr("Throughline"), tr("The built-in emulated server could not start: %1").arg(error));
            return 1;
        }
        if (projectPath.isEmpty())
            projectPath = tl::Demo::defaultProjectPath();
        config = tl::Demo::runConfig(sim->baseUrl(), projectPath);
    }

    tl::MainWindow window(config, projectPath);
    if (sim)
        window.setDemoTarget(sim->baseUrl(), sim->config());
    window.show();
    return app.exec();
}
