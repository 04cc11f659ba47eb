// bench_guilag: the workbench's GUI thread during a big run (docs/PERFORMANCE.md, "Workbench").
//
// Opens the real main window (run it with QT_QPA_PLATFORM=offscreen), aims its setup form at a throughline-sim
// started as a separate process (pin them apart: `taskset -c 0 bench_guilag --sim-cpus 1`), sets a closed-loop run
// of --streams streams and presses Run, as a user does. While the run starts, runs and its results appear, a 1 ms
// precise timer on the GUI thread measures how late it fires: its lateness is the time the event loop was busy
// with something else (a blocked GUI thread). Prints the lag's p50/p99/max per run and their medians.
//
// --cpu also compares total CPU time (user + system, getrusage) of the workbench for the same run, without the lag
// timer, with `throughline-cli run` as a child process (RUSAGE_CHILDREN) against the same server: the GUI's share
// above the CLI's.
// Linux only (getrusage).

#include "config/runconfig.h"
#include "engine/runcontroller.h"
#include "mainwindow.h"
#include "pages/resultspage.h"
#include "pages/runsetuppage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace {

struct Options {
    int streams = 500;
    int perStream = 4; // requests per stream: --number = streams * perStream
    int maxTokens = 64;
    int ttftMs = 50;
    int itlMs = 20;
    int runs = 3;
    bool cpu = false;
    QString sim;
    QString simCpus;
    QString cli;
};

double seconds(const timeval& t)
{
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, static_cast<size_t>(double(v.size()) * p / 100.0));
    return v[i];
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 50);
}

// throughline-sim in its own process, on --sim-cpus when given.
class SimProcess {
public:
    bool start(const Options& o)
    {
        QStringList args{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ttft-ms"),
            QString::number(o.ttftMs), QStringLiteral("--itl-ms"), QString::number(o.itlMs)};
        if (!o.simCpus.isEmpty()) {
            args.prepend(o.sim);
            args.prepend(o.simCpus);
            args.prepend(QStringLiteral("-c"));
            m_process.start(QStringLiteral("taskset"), args);
        } else {
            m_process.start(o.sim, args);
        }
        if (!m_process.waitForStarted(5000))
            return false;
        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(5000))
            out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("http://");
        if (at < 0)
            return false;
        m_url = QString::fromUtf8(out.mid(at).trimmed());
        return true;
    }
    QString url() const { return m_url; }
    ~SimProcess()
    {
        m_process.terminate();
        m_process.waitForFinished(20000);
    }

private:
    QProcess m_process;
    QString m_url;
};

tl::RunConfig runConfig(const Options& o, const QString& url, const QString& project)
{
    tl::RunConfig c;
    c.url = url + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.parallel = {o.streams};
    c.number = {o.streams * o.perStream};
    c.maxTokens = o.maxTokens;
    c.extraArgs = QByteArrayLiteral(R"({"ignore_eos": true})");
    c.name = QStringLiteral("guilag");
    c.project = project;
    c.writeOutputs = false;
    return c;
}

// CPU time of the calling thread, ns.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

struct GuiRun {
    std::vector<double> lagsMs;
    double guiThreadCpuS = 0; // the GUI thread's own CPU time over the run
    // Of it: until the run started (Run pressed, connection test), until the run finished, until the results were
    // shown, and the second after.
    double guiCpuStartS = 0;
    double guiCpuRunS = 0;
    double guiCpuResultsS = 0;
    double worstLagCpuMs = 0; // the GUI thread's own CPU time during the latest tick (work, not waiting for a core)
    double cpuS = 0;
    double wallS = 0;
    bool ok = false;
};

// With BENCH_GUILAG_VERBOSE: the GUI thread's outermost events of 1 ms or more (TimingApplication), on `eventClock`,
// to print what ran inside a late tick.
struct LoggedEvent {
    qint64 startNs;
    qint64 durationNs;
    int type;
    QByteArray what;
};
QElapsedTimer eventClock;
std::vector<LoggedEvent> eventLog;

// With BENCH_GUILAG_PROFILE: the GUI thread's own CPU time in its outermost events, summed by receiver class and
// event type over one run (from Run pressed to a second after the results), to see where the GUI thread's CPU goes
// beside what throughline-cli spends. What is not inside an event is the event loop itself (polling, timers' lists).
struct ProfileEntry {
    qint64 count = 0;
    qint64 cpuNs = 0;
};
std::map<std::pair<QByteArray, int>, ProfileEntry> eventProfile;
bool profiling = false;
const char* profilePhase = "run"; // "run" until the run has finished, then "end"

void printEventsBetween(qint64 fromNs, qint64 toNs)
{
    for (const LoggedEvent& e : eventLog) {
        if (e.startNs + e.durationNs >= fromNs && e.startNs <= toNs)
            std::printf("      +%.1f ms: event %d to %s, %.1f ms\n", double(e.startNs - fromNs) / 1e6, e.type,
                e.what.constData(), double(e.durationNs) / 1e6);
    }
}

// One run through the window: Run pressed, until the run has finished and the results page has been filled.
GuiRun guiRun(const Options& o, const QString& url, bool measureLag)
{
    GuiRun out;
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("bench.tlproj"));
    tl::MainWindow window(runConfig(o, url, project), project);
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();

    QElapsedTimer clock;
    qint64 expected = 0;
    qint64 lastCpu = threadCpuNs();
    double worstLag = -1;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (expected > 0) {
            out.lagsMs.push_back(double(std::max<qint64>(0, now - expected)) / 1e6);
            // How much of the interval the GUI thread itself ran: a late tick with little CPU waited for a core.
            const double cpuMs = double(cpu - lastCpu) / 1e6;
            if (out.lagsMs.back() > worstLag) {
                worstLag = out.lagsMs.back();
                out.worstLagCpuMs = cpuMs;
            }
            if (out.lagsMs.back() > 25 && qEnvironmentVariableIsSet("BENCH_GUILAG_VERBOSE")) {
                std::printf("  %.3f s: %.1f ms late, GUI thread on a CPU %.1f ms of it (state %d, point %d)\n",
                    double(now) / 1e9, out.lagsMs.back(), cpuMs, int(window.controller()->state()),
                    window.controller()->snapshot()->pointIndex);
                const qint64 logNow = eventClock.nsecsElapsed();
                printEventsBetween(logNow - (now - expected) - 1'000'000, logNow);
            }
        }
        lastCpu = cpu;
        expected = now + 1'000'000;
    });
    tl::RunController* controller = window.controller();
    auto* results = window.findChild<tl::ResultsPage*>();
    bool finished = false;
    bool loaded = false;
    // The loop sleeps until an event comes, as the application's does. (QCoreApplication::processEvents(flags, ms)
    // drops WaitForMoreEvents: polling with it spun a core and counted the spinning as the GUI's CPU.)
    QEventLoop loop;
    qint64 guiCpuAtStart = 0;
    qint64 guiCpuAtFinish = 0;
    qint64 guiCpuAtShown = 0;
    QObject::connect(controller, &tl::RunController::runStarted, &loop, [&] { guiCpuAtStart = threadCpuNs(); });
    qint64 finishedAtNs = 0;
    QObject::connect(controller, &tl::RunController::runFinished, &loop, [&] {
        finishedAtNs = eventClock.nsecsElapsed();
        guiCpuAtFinish = threadCpuNs();
        profilePhase = "end";
        finished = true;
        if (!results)
            loop.quit();
    });
    if (results) {
        // The run is over for the user when its results page has been filled from the project.
        const auto done = [&] {
            guiCpuAtShown = threadCpuNs();
            loaded = true;
            if (qEnvironmentVariableIsSet("BENCH_GUILAG_VERBOSE")) {
                std::printf("  %.3f s: results shown, GUI-thread steps (ms):", double(clock.nsecsElapsed()) / 1e9);
                for (qint64 ms : results->lastShowStepsMs())
                    std::printf(" %lld", static_cast<long long>(ms));
                std::printf("\n");
            }
            if (finished)
                loop.quit();
        };
        QObject::connect(results, &tl::ResultsPage::runLoaded, &loop, done);
        QObject::connect(results, &tl::ResultsPage::loadFailed, &loop, done);
    }
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);

    const double cpu0 = cpuSeconds(RUSAGE_SELF);
    const qint64 guiCpu0 = threadCpuNs();
    eventProfile.clear();
    profiling = qEnvironmentVariableIsSet("BENCH_GUILAG_PROFILE");
    profilePhase = "run";
    clock.start();
    if (measureLag)
        tick.start();
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
    timeout.start(600'000);
    loop.exec();
    // A last second of the loop catches anything queued after the results appeared (list refresh, repaints).
    timeout.start(1000);
    loop.exec();
    tick.stop();
    out.wallS = double(clock.nsecsElapsed()) / 1e9;
    out.cpuS = cpuSeconds(RUSAGE_SELF) - cpu0;
    if (qEnvironmentVariableIntValue("BENCH_GUILAG_VERBOSE") < 0 && finishedAtNs > 0) {
        // BENCH_GUILAG_VERBOSE=-1: every event of 1 ms or more from the run's end to a second after the results.
        std::printf("  events from the run's end:\n");
        printEventsBetween(finishedAtNs, eventClock.nsecsElapsed());
    }
    const qint64 guiCpuEnd = threadCpuNs();
    out.guiThreadCpuS = double(guiCpuEnd - guiCpu0) / 1e9;
    if (profiling) {
        profiling = false;
        std::vector<std::pair<std::pair<QByteArray, int>, ProfileEntry>> rows(eventProfile.cbegin(), eventProfile.cend());
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.cpuNs > b.second.cpuNs; });
        qint64 inEvents = 0;
        for (const auto& r : rows)
            inEvents += r.second.cpuNs;
        std::printf("  GUI thread %.1f ms: in events %.1f ms, in the event loop itself %.1f ms; by receiver and type:\n",
            double(guiCpuEnd - guiCpu0) / 1e6, double(inEvents) / 1e6, double(guiCpuEnd - guiCpu0 - inEvents) / 1e6);
        for (size_t i = 0; i < rows.size() && i < 40; ++i)
            std::printf("    %8.1f ms %7lld x  %s (event %d)\n", double(rows[i].second.cpuNs) / 1e6,
                static_cast<long long>(rows[i].second.count), rows[i].first.first.constData(), rows[i].first.second);
    }
    if (guiCpuAtStart > 0 && guiCpuAtFinish > 0 && guiCpuAtShown > 0) {
        out.guiCpuStartS = double(guiCpuAtStart - guiCpu0) / 1e9;
        out.guiCpuRunS = double(guiCpuAtFinish - guiCpuAtStart) / 1e9;
        out.guiCpuResultsS = double(guiCpuAtShown - guiCpuAtFinish) / 1e9;
    }
    out.ok = finished && (loaded || !results) && controller->state() == tl::RunState::Finished;
    return out;
}

// The same run by throughline-cli: its CPU time (user + system) and wall time.
std::pair<double, double> cliRun(const Options& o, const QString& url)
{
    QTemporaryDir dir;
    const tl::RunConfig c = runConfig(o, url, dir.filePath(QStringLiteral("bench.tlproj")));
    const QStringList args{QStringLiteral("run"), QStringLiteral("--url"), c.url, QStringLiteral("--model"), c.model,
        QStringLiteral("--parallel"), QString::number(c.parallel.first()), QStringLiteral("--number"),
        QString::number(c.number.first()), QStringLiteral("--max-tokens"), QString::number(o.maxTokens),
        QStringLiteral("--extra-args"), QString::fromUtf8(c.extraArgs), QStringLiteral("--name"), c.name,
        QStringLiteral("--project"), c.project, QStringLiteral("--no-outputs")};
    QElapsedTimer clock;
    clock.start();
    const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(o.cli, args);
    p.waitForFinished(600'000);
    // QProcess reaps the child, so RUSAGE_CHILDREN now includes it.
    return {cpuSeconds(RUSAGE_CHILDREN) - cpu0, double(clock.nsecsElapsed()) / 1e9};
}

double loadAverage()
{
    double load = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1)
            load = 0;
        std::fclose(f);
    }
    return load;
}

} // namespace

// With BENCH_GUILAG_VERBOSE=1, every event that keeps the GUI thread more than 30 ms (=N: N ms) (outermost delivery only) is
// printed with its receiver and type: what the late ticks were waiting for.
class TimingApplication final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (profiling && m_depth == 0 && QThread::currentThread() == thread()) {
            ++m_depth;
            const qint64 cpu0 = threadCpuNs();
            QByteArray key = QByteArray(profilePhase) + ' ' + receiver->metaObject()->className();
            QGraphicsScene* scene = qobject_cast<QGraphicsScene*>(receiver);
            if (auto* item = qobject_cast<QGraphicsObject*>(receiver))
                scene = item->scene();
            if (scene && !scene->views().isEmpty()) {
                for (QWidget* w = scene->views().constFirst(); w; w = w->parentWidget()) {
                    if (!w->objectName().isEmpty()) {
                        key += " in " + w->objectName().toUtf8();
                        break;
                    }
                }
            }
            const int type = int(event->type());
            const bool done = QApplication::notify(receiver, event);
            ProfileEntry& e = eventProfile[{key, type}];
            ++e.count;
            e.cpuNs += threadCpuNs() - cpu0;
            --m_depth;
            return done;
        }
        if (!m_verbose || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const int type = int(event->type());
        QByteArray what = QByteArray(receiver->metaObject()->className()) + ' ' + receiver->objectName().toUtf8();
        if (auto* scene = qobject_cast<QGraphicsScene*>(receiver); scene && !scene->views().isEmpty()) {
            // A chart's scene: named by its view and the view's parents.
            for (QWidget* w = scene->views().constFirst(); w; w = w->parentWidget()) {
                if (!w->objectName().isEmpty())
                    what += " in " + w->objectName().toUtf8();
            }
        }
        const qint64 startNs = eventClock.nsecsElapsed();
        const bool done = QApplication::notify(receiver, event);
        --m_depth;
        if (const qint64 ns = eventClock.nsecsElapsed() - startNs; ns >= 1'000'000 && eventLog.size() < 1'000'000)
            eventLog.push_back({startNs, ns, type, what});
        if (timer.elapsed() > m_thresholdMs)
            std::printf(
                "    event %d to %s took %lld ms\n", type, what.constData(), static_cast<long long>(timer.elapsed()));
        return done;
    }

private:
    bool m_verbose = qEnvironmentVariableIsSet("BENCH_GUILAG_VERBOSE");
    // BENCH_GUILAG_VERBOSE=N (N > 0) prints events that took more than N ms instead of 30.
    int m_thresholdMs = qEnvironmentVariableIntValue("BENCH_GUILAG_VERBOSE") > 0
        ? qEnvironmentVariableIntValue("BENCH_GUILAG_VERBOSE")
        : 30;
    int m_depth = 0;
};

int main(int argc, char* argv[])
{
    TimingApplication app(argc, argv);
    eventClock.start();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("GUI-thread event-loop lag and CPU of the workbench during a run."));
    parser.addHelpOption();
    const QString dir = QCoreApplication::applicationDirPath();
    parser.addOptions({
        {QStringLiteral("streams"), QStringLiteral("Concurrent streams (--parallel)."), QStringLiteral("n"),
            QStringLiteral("500")},
        {QStringLiteral("per-stream"), QStringLiteral("Requests per stream (--number = streams x this)."),
            QStringLiteral("n"), QStringLiteral("4")},
        {QStringLiteral("max-tokens"), QStringLiteral("Output tokens per request."), QStringLiteral("n"),
            QStringLiteral("64")},
        {QStringLiteral("ttft-ms"), QStringLiteral("Server's time to first token."), QStringLiteral("ms"),
            QStringLiteral("50")},
        {QStringLiteral("itl-ms"), QStringLiteral("Server's time between tokens."), QStringLiteral("ms"),
            QStringLiteral("20")},
        {QStringLiteral("runs"), QStringLiteral("Runs of each kind; the medians are printed last."),
            QStringLiteral("n"), QStringLiteral("3")},
        {QStringLiteral("cpu"), QStringLiteral("Also compare total CPU time with throughline-cli.")},
        {QStringLiteral("cpu-only"), QStringLiteral("Only the CPU comparison (no lag runs).")},
        {QStringLiteral("sim"), QStringLiteral("throughline-sim binary."), QStringLiteral("path"),
            dir + QStringLiteral("/../../app/throughline-sim")},
        {QStringLiteral("cli"), QStringLiteral("throughline-cli binary."), QStringLiteral("path"),
            dir + QStringLiteral("/../../app/throughline-cli")},
        {QStringLiteral("sim-cpus"), QStringLiteral("Pin the server to these CPUs (taskset -c list)."),
            QStringLiteral("list")},
    });
    parser.process(app);
    Options o;
    o.streams = parser.value(QStringLiteral("streams")).toInt();
    o.perStream = parser.value(QStringLiteral("per-stream")).toInt();
    o.maxTokens = parser.value(QStringLiteral("max-tokens")).toInt();
    o.ttftMs = parser.value(QStringLiteral("ttft-ms")).toInt();
    o.itlMs = parser.value(QStringLiteral("itl-ms")).toInt();
    o.runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    o.cpu = parser.isSet(QStringLiteral("cpu")) || parser.isSet(QStringLiteral("cpu-only"));
    const bool lagRuns = !parser.isSet(QStringLiteral("cpu-only"));
    o.sim = parser.value(QStringLiteral("sim"));
    o.cli = parser.value(QStringLiteral("cli"));
    o.simCpus = parser.value(QStringLiteral("sim-cpus"));

    SimProcess sim;
    if (!sim.start(o)) {
        std::fprintf(stderr, "bench_guilag: throughline-sim (%s) did not start\n", qPrintable(o.sim));
        return 1;
    }
    std::printf("%d streams x %d requests, %d tokens at %d ms + %d ms/token; platform %s; load %.2f\n", o.streams,
        o.perStream, o.maxTokens, o.ttftMs, o.itlMs, qPrintable(QGuiApplication::platformName()), loadAverage());
    std::vector<double> p50s, p99s, maxes, guiCpu, cliCpu;
    for (int i = 0; lagRuns && i < o.runs; ++i) {
        const GuiRun r = guiRun(o, sim.url(), true);
        p50s.push_back(percentile(r.lagsMs, 50));
        p99s.push_back(percentile(r.lagsMs, 99));
        maxes.push_back(r.lagsMs.empty() ? 0 : *std::max_element(r.lagsMs.cbegin(), r.lagsMs.cend()));
        std::printf("run %d: lag p50 %.2f ms  p99 %.2f ms  max %.1f ms (GUI thread on a CPU %.1f ms of it)  (%zu ticks, "
                    "%.1f s, %s, load %.2f)\n",
            i + 1, p50s.back(), p99s.back(), maxes.back(), r.worstLagCpuMs, r.lagsMs.size(), r.wallS,
            r.ok ? "finished" : "NOT FINISHED", loadAverage());
        std::fflush(stdout);
    }
    if (o.cpu) {
        for (int i = 0; i < o.runs; ++i) {
            const GuiRun g = guiRun(o, sim.url(), false);
            const auto [cli, cliWall] = cliRun(o, sim.url());
            guiCpu.push_back(g.cpuS);
            cliCpu.push_back(cli);
            std::printf("cpu %d: gui %.2f s (of it the GUI thread %.2f s: start %.2f, run %.2f, results %.2f, after %.2f; "
                        "%.1f s wall, incl. 1 s after)  cli %.2f s (%.1f s wall)  load %.2f\n",
                i + 1, g.cpuS, g.guiThreadCpuS, g.guiCpuStartS, g.guiCpuRunS, g.guiCpuResultsS,
                g.guiThreadCpuS - g.guiCpuStartS - g.guiCpuRunS - g.guiCpuResultsS, g.wallS, cli, cliWall,
                loadAverage());
            std::fflush(stdout);
        }
    }
    std::printf("median:");
    if (lagRuns)
        std::printf(" lag p50 %.2f ms  p99 %.2f ms  max %.1f ms", median(p50s), median(p99s), median(maxes));
    if (o.cpu) {
        const double g = median(guiCpu);
        const double c = median(cliCpu);
        std::printf("  cpu gui %.2f s  cli %.2f s  (gui %+.0f %%)", g, c, c > 0 ? (g / c - 1) * 100 : 0.0);
    }
    std::printf("\n");
    return 0;
}
