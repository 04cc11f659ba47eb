// throughline-cli: headless benchmarks with EvalScope perf's flags; links throughline_core only.

#include "cli/clirunner.h"
#include "cli/runscommand.h"
#include "cli/tokenizecommand.h"
#include "config/cliparser.h"
#include "config/commandline.h"
#include "config/parameterdocs.h"
#include "demo/demo.h"
#include "sim/simcommandline.h"
#include "sim/simserver.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<int> g_interrupts{0};

void onSignal(int)
{
    g_interrupts.fetch_add(1);
}

QString mainHelp()
{
    return QStringLiteral(
        "Usage: throughline-cli <command> [options]\n\n"
        "Commands:\n"
        "  run      Benchmark an OpenAI-compatible endpoint (flags follow EvalScope perf; see 'run --help').\n"
        "  demo     Start the built-in emulated server on a free loopback port and run a short sweep against it,\n"
        "           storing every request in a project file (default: %1; change with --project FILE).\n"
        "  sim      Run the emulated model server (same flags as throughline-sim; see 'sim --help').\n"
        "  runs     List, show, export (EvalScope, CSV, JSON, HTML), import (EvalScope, vLLM, JSON) and delete the\n"
        "           runs of a project file, and compare two runs with significance verdicts (see 'runs --help').\n"
        "  report   Write a self-contained HTML report of a run (see 'report --help').\n"
        "  tokenize Print the token ids of texts with a Hugging Face tokenizer (see 'tokenize --help').\n"
        "  convert  Print the throughline-cli run command equivalent to an 'evalscope perf ...' command (one\n"
        "           argument, quoted) and list on stderr the flags it could not map.\n"
        "  completion bash|zsh|fish   Print shell completions, e.g. source <(throughline-cli completion bash).\n"
        "  docs parameters            Print docs/PARAMETERS.md, generated from the parameter registry.\n\n"
        "Options: -h, --help   this help;  --version   print the version.\n")
        .arg(tl::Demo::defaultProjectPath());
}

int runEventLoop(QCoreApplication& app, tl::CliRunner& runner)
{
    QObject::connect(
        &runner, &tl::CliRunner::done, &app, [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    QTimer signalPoll;
    int handled = 0;
    QObject::connect(&signalPoll, &QTimer::timeout, &runner, [&] {
        while (handled < g_interrupts.load()) {
            ++handled;
            runner.requestStop();
        }
    });
    signalPoll.start(100);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    // Before anything opens a file: a benchmark at --parallel 2000 needs more than the usual soft limit of 1024.
    tl::CliRunner::raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("throughline-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"-h" || args.first() == u"--help" || args.first() == u"help") {
        out << mainHelp();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == u"--version") {
        out << "throughline-cli " THROUGHLINE_VERSION "\n";
        return 0;
    }
    const QString command = args.takeFirst();

    if (command == u"run") {
        const tl::CliParser::Result parsed = tl::CliParser::parseRun(args);
        if (parsed.helpRequested) {
            out << tl::CliParser::runHelp();
            return 0;
        }
        if (!parsed.errors.isEmpty()) {
            for (const tl::ConfigError& e : parsed.errors)
                err << "error: " << e.toString() << Qt::endl;
            return tl::CliRunner::BadArguments;
        }
        for (const tl::ConfigError& w : parsed.warnings)
            err << "warning: " << w.toString() << Qt::endl;
        tl::CliRunner runner;
        if (!runner.start(parsed.config))
            return runner.exitCode();
        return runEventLoop(app, runner);
    }

    if (command == u"convert") {
        if (args.size() != 1 || args.first() == u"-h" || args.first() == u"--help") {
            (args.size() == 1 ? out : err)
                << "Usage: throughline-cli convert \"evalscope perf --url URL --model NAME ...\"\n\n"
                   "Prints the equivalent throughline-cli run command; the flags it cannot map are listed on "
                   "stderr. Exit 0, or 2 when the text is not a benchmark command or holds a bad value.\n";
            return args.size() == 1 ? 0 : tl::CliRunner::BadArguments;
        }
        const tl::CommandLine::Conversion c = tl::CommandLine::convert(args.first());
        if (!c.errors.isEmpty()) {
            for (const tl::ConfigError& e : c.errors)
                err << "error: " << e.toString() << Qt::endl;
            return tl::CliRunner::BadArguments;
        }
        out << c.command() << Qt::endl;
        for (const QString& u : c.unmapped)
            err << "not mapped: " << u << Qt::endl;
        return 0;
    }
    if (command == u"completion") {
        const QString script = tl::ParameterDocs::completion(args.value(0));
        if (args.size() != 1 || script.isEmpty()) {
            err << "Usage: throughline-cli completion bash|zsh|fish" << Qt::endl;
            return tl::CliRunner::BadArguments;
        }
        out << script;
        return 0;
    }
    if (command == u"docs") {
        if (args != QStringList{QStringLiteral("parameters")}) {
            err << "Usage: throughline-cli docs parameters   (prints docs/PARAMETERS.md)" << Qt::endl;
            return tl::CliRunner::BadArguments;
        }
        out << tl::ParameterDocs::markdown();
        return 0;
    }

    if (command == u"runs")
        return tl::RunsCommand::runs(args, out, err);
    if (command == u"report")
        return tl::RunsCommand::report(args, out, err);

    if (command == u"tokenize")
        return tl::TokenizeCommand::run(args, out, err);

    if (command == u"sim")
        return tl::SimCommandLine::run(QStringList{QStringLiteral("throughline-cli sim")} + args);

    if (command == u"demo") {
        QString project = tl::Demo::defaultProjectPath();
        QString outputsDir;
        for (qsizetype i = 0; i < args.size(); ++i) {
            if (args.at(i) == u"--project" && i + 1 < args.size()) {
                project = args.at(++i);
            } else if (args.at(i) == u"--outputs-dir" && i + 1 < args.size()) {
                outputsDir = args.at(++i);
            } else {
                err << "error: " << args.at(i) << ": unknown demo option (demo takes --project FILE, --outputs-dir DIR)"
                    << Qt::endl;
                return tl::CliRunner::BadArguments;
            }
        }
        tl::SimServer sim(tl::Demo::simConfig());
        QString error;
        if (!sim.start(&error)) {
            err << "error: cannot start the emulated server: " << error << Qt::endl;
            return tl::CliRunner::OtherError;
        }
        out << "Emulated model server (throughline-sim) listening on " << sim.baseUrl().toString()
            << QStringLiteral(" (time to first token %1 ms, %2 ms between tokens)")
                   .arg(sim.config().ttftMs)
                   .arg(sim.config().itlMs)
            << Qt::endl;
        tl::RunConfig config = tl::Demo::runConfig(sim.baseUrl(), project);
        if (!outputsDir.isEmpty()) {
            config.writeOutputs = true;
            config.outputsDir = outputsDir;
        }
        tl::CliRunner runner;
        if (!runner.start(config))
            return runner.exitCode();
        const int code = runEventLoop(app, runner);
        sim.stop();
        return code;
    }

    err << "error: unknown command '" << command << "'; use 'run', 'demo', 'sim', 'runs', 'report', 'tokenize', 'convert', 'completion' or 'docs' (see --help)" << Qt::endl;
    return tl::CliRunner::BadArguments;
}
