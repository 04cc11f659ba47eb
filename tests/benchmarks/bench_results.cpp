// bench_results: the results page at scale (docs/PERFORMANCE.md, "Results page").
//
//   - request table: a RequestTableModel over --rows requests (default 1,000,000) in the compact columns: build,
//     sort (latency, TTFT), filter (failed only, slowest 100, one point), data() of random cells and of a visible
//     page's cells in the roles a view paints, and a QTableView on it scrolled to --frames positions, then by 100
//     wheel steps and 100 pages, each painted (grab): the time per frame is what scrolling costs;
//   - open a run: a project with one run of --run-requests requests (default 100,000, two points, 16 events each)
//     is written, then ResultsPage::showRun() reads it off the GUI thread and shows it; wall time from the call to
//     runLoaded, median of --repeat; meanwhile a 1 ms precise timer on the GUI thread records how late it fires (the
//     longest time the event loop was kept from input and paints), and the longest of the page's showing steps;
//     then scrolled in the event loop as a user does (a wheel notch, a Page Down, a jump of the scroll bar's thumb
//     every 16 ms, 200 of each, each handled and painted by the view): each step's time and the GUI thread's lag;
//   - compare runs: three such runs (the third 5 ms slower to the first token); ComparisonPage::compare() of two to
//     the stored values shown (painted) and to comparisonReady, median of --repeat, with the GUI thread's lag, then
//     switching the candidate among three runs compared (painted).
// Figures only: not a pass/fail test. Run with QT_QPA_PLATFORM=offscreen.

#include "models/requesttable.h"
#include "models/requesttablemodel.h"
#include "pages/comparisonpage.h"
#include "pages/resultspage.h"
#include "storage/projectwriter.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QKeyEvent>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <ctime>
#include <iterator>
#include <vector>

namespace {

tl::RequestRecord makeRecord(int i, int events)
{
    tl::RequestRecord r;
    r.seq = i;
    r.success = i % 40 != 0;
    r.scheduledNs = 1'000'000'000LL + qint64(i) * 1'000'000LL;
    r.sentNs = r.scheduledNs + 20'000 + i % 7;
    r.headersNs = r.sentNs + 30'000'000 + (i * 7919) % 20'000'000;
    qint64 t = r.headersNs + 5'000'000;
    for (int e = 0; e < events; ++e) {
        t += 8'000'000 + (e * 7919 + i * 104729) % 4'000'000;
        r.eventNs.append(t);
        r.eventFlags.append(quint8(e == 0 ? tl::EventHasChoices : tl::EventHasChoices | tl::EventHasContent));
    }
    r.endNs = t + 200'000;
    r.promptTokens = 100 + i % 50;
    r.completionTokens = events;
    r.tokenSource = tl::TokenSource::ServerUsage;
    r.httpStatus = r.success ? 200 : (i % 80 == 0 ? 429 : 503);
    if (!r.success) {
        r.errorClass = tl::ErrorClass::HttpStatus;
        r.errorMessage = QStringLiteral("HTTP %1: overloaded").arg(r.httpStatus);
    }
    return r;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double g_lastCpuMs = 0; // CPU time of this thread during the last ms() call

// Wall time of f(), in ms; its CPU time goes to g_lastCpuMs (on a shared VM, wall time includes waiting for a core).
template <typename F> double ms(F&& f)
{
    QElapsedTimer timer;
    const double cpu = threadCpuMs();
    timer.start();
    f();
    g_lastCpuMs = threadCpuMs() - cpu;
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double maxOf(const std::vector<double>& v)
{
    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

// How late a 1 ms precise timer on the GUI thread fires while it runs: the longest time the event loop was kept from
// input and paints.
class LagProbe {
public:
    LagProbe()
    {
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_expected > 0)
                m_max = std::max(m_max, double(now - m_expected) / 1e6);
            m_expected = now + 1'000'000;
        });
    }
    void start()
    {
        m_max = 0;
        m_expected = 0;
        m_clock.start();
        m_tick.start();
    }
    double stop()
    {
        m_tick.stop();
        return m_max;
    }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_expected = 0;
    double m_max = 0;
};

void benchTable(int rows, int frames)
{
    std::printf("request table, %d requests\n", rows);
    auto table = std::make_shared<tl::RequestTable>();
    const double build = ms([&] {
        table->reserve(rows);
        for (int i = 0; i < rows; ++i)
            table->append(i % 4, -1, makeRecord(i, 0));
    });
    std::printf("  generate records + columns      %8.1f ms  (44 bytes a request kept)\n", build);
    tl::RequestTableModel model;
    const QStringList labels{QStringLiteral("P1"), QStringLiteral("P4"), QStringLiteral("P16"), QStringLiteral("P64")};
    double w = ms([&] { model.setTable(table, labels); });
    std::printf("  setTable                        %8.1f ms wall %8.1f ms CPU\n", w, g_lastCpuMs);
    w = ms([&] { model.sort(tl::RequestTableModel::Latency, Qt::DescendingOrder); });
    std::printf("  sort by latency (desc)          %8.1f ms wall %8.1f ms CPU\n", w, g_lastCpuMs);
    w = ms([&] { model.sort(tl::RequestTableModel::Ttft, Qt::AscendingOrder); });
    std::printf("  sort by TTFT                    %8.1f ms wall %8.1f ms CPU\n", w, g_lastCpuMs);
    tl::RequestTableModel::Filter f;
    f.failedOnly = true;
    double t = ms([&] { model.setFilter(f); });
    std::printf("  filter failed only              %8.1f ms  (%d rows)\n", t, model.rowCount());
    f = {};
    f.slowest = 100;
    t = ms([&] { model.setFilter(f); });
    std::printf("  filter slowest 100              %8.1f ms  (%d rows)\n", t, model.rowCount());
    f = {};
    f.point = 2;
    t = ms([&] { model.setFilter(f); });
    std::printf("  filter one point                %8.1f ms  (%d rows)\n", t, model.rowCount());
    model.setFilter({});
    constexpr int kCells = 100000;
    QRandomGenerator rng(42);
    qint64 chars = 0;
    const double data = ms([&] {
        for (int i = 0; i < kCells; ++i) {
            const QModelIndex index
                = model.index(int(rng.bounded(model.rowCount())), int(rng.bounded(tl::RequestTableModel::ColumnCount)));
            chars += model.data(index).toString().size();
        }
    });
    std::printf("  data(), random cells            %8.3f us/cell wall %.3f us/cell CPU\n", data * 1000.0 / kCells,
        g_lastCpuMs * 1000.0 / kCells);

    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();
    std::vector<double> frameMs;
    std::vector<double> frameCpu;
    QScrollBar* bar = view.verticalScrollBar();
    for (int i = 0; i < frames; ++i) {
        const int value = int(double(bar->maximum()) * i / qMax(1, frames - 1));
        frameMs.push_back(ms([&] {
            bar->setValue(value);
            (void)view.grab();
        }));
        frameCpu.push_back(g_lastCpuMs);
    }
    std::printf("  scroll + paint a frame          %8.2f ms median wall, %.2f ms max, %.2f ms median CPU (%d frames, "
                "1200x800)\n",
        median(frameMs), *std::max_element(frameMs.begin(), frameMs.end()), median(frameCpu), frames);

    // What one visible page asks of the model: every cell of the rows on screen, in each role a QStyledItemDelegate
    // reads to paint it (display, font, alignment, colours, decoration, check state), at random pages of the sorted
    // million; then scrolling by wheel steps (3 rows) and by pages from the middle of the table, each step painted
    // (grab(), a full repaint: a real scroll repaints only the rows that came in, so this is an upper bound).
    const int visibleRows = qMax(1, view.viewport()->height() / view.verticalHeader()->defaultSectionSize() + 1);
    const int paintRoles[] = {Qt::DisplayRole, Qt::FontRole, Qt::TextAlignmentRole, Qt::ForegroundRole,
        Qt::BackgroundRole, Qt::DecorationRole, Qt::CheckStateRole};
    constexpr int kPages = 200;
    std::vector<double> pageUs;
    std::vector<double> pageCpuUs;
    qint64 roles = 0;
    for (int i = 0; i < kPages; ++i) {
        const int top = int(rng.bounded(qMax(1, model.rowCount() - visibleRows)));
        pageUs.push_back(1000.0 * ms([&] {
            for (int r = top; r < top + visibleRows; ++r) {
                for (int c = 0; c < tl::RequestTableModel::ColumnCount; ++c) {
                    const QModelIndex index = model.index(r, c);
                    for (const int role : paintRoles)
                        roles += model.data(index, role).isValid() ? 1 : 0;
                }
            }
        }));
        pageCpuUs.push_back(1000.0 * g_lastCpuMs);
    }
    std::printf("  data() of a visible page        %8.1f us median wall, %.1f us CPU (%d rows x %d columns x %d roles, "
                "sorted by TTFT)\n",
        median(pageUs), median(pageCpuUs), visibleRows, int(tl::RequestTableModel::ColumnCount),
        int(std::size(paintRoles)));
    const auto scrollSteps = [&](int step, const char* what) {
        bar->setValue(bar->maximum() / 2);
        (void)view.grab();
        std::vector<double> stepMs;
        std::vector<double> stepCpu;
        for (int i = 0; i < 100; ++i) {
            stepMs.push_back(ms([&] {
                bar->setValue(bar->value() + step);
                (void)view.grab();
            }));
            stepCpu.push_back(g_lastCpuMs);
        }
        std::printf("  scroll %-24s %8.2f ms median wall, %.2f ms max, %.2f ms median CPU (100 steps)\n", what,
            median(stepMs), *std::max_element(stepMs.begin(), stepMs.end()), median(stepCpu));
    };
    scrollSteps(3, "by a wheel step + paint");
    scrollSteps(bar->pageStep(), "by a page + paint");

    // Scrolling as a user does, in the event loop: every 16 ms (a 60 Hz spin of the wheel, a held key) one step,
    // 200 of them, each a real event handled by the view (a wheel notch of 3 rows to the viewport, a Page Down key to
    // the view, or the scroll bar's thumb dragged to a random place of the million rows) and the viewport repainted
    // at once (repaint(): only the viewport, as on screen). Each step's time, and the GUI thread's lag over the spin
    // (the 1 ms timer: the longest the loop was kept from input and paints).
    const auto spin = [&](const char* what, const std::function<void()>& step) {
        bar->setValue(bar->maximum() / 2);
        view.setCurrentIndex(model.index(bar->value(), 0));
        view.viewport()->repaint();
        QCoreApplication::processEvents();
        std::vector<double> stepMs;
        LagProbe lag;
        QEventLoop loop;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(16);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            if (stepMs.size() == 200) {
                loop.quit();
                return;
            }
            stepMs.push_back(ms([&] {
                step();
                view.viewport()->repaint();
            }));
        });
        lag.start();
        timer.start();
        loop.exec();
        timer.stop();
        const double maxLag = lag.stop();
        std::printf("  %-31s %8.2f ms median, %.2f ms max a step; GUI-thread lag max %.1f ms (200 steps, 16 ms apart)\n",
            what, median(stepMs), maxOf(stepMs), maxLag);
    };
    spin("event loop: wheel notch", [&] {
        const QPointF pos(view.viewport()->rect().center());
        QWheelEvent wheel(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
    });
    spin("event loop: Page Down key", [&] {
        QKeyEvent key(QEvent::KeyPress, Qt::Key_PageDown, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &key);
    });
    spin("event loop: thumb dragged", [&] { bar->setValue(int(rng.bounded(bar->maximum() + 1))); });
    if (roles < 0)
        std::printf("%lld\n", static_cast<long long>(roles)); // keeps the reads
}

// Writes run `id` of `requests` requests (two points at parallel 16 and 64, 16 events each) into the project at `path`;
// `ttftShiftNs` delays every request's first byte (a second run to compare).
bool writeRun(const QString& path, const QString& id, int requests, qint64 ttftShiftNs = 0)
{
    tl::ProjectWriter writer(path);
    QString error;
    if (!writer.openDatabase(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return false;
    }
    tl::RunData info;
    info.id = id;
    info.name = id;
    info.model = QStringLiteral("m");
    info.url = QStringLiteral("http://127.0.0.1:1/v1/chat/completions");
    info.createdMs = QDateTime::currentMSecsSinceEpoch();
    writer.beginRun(info);
    const int perPoint = requests / 2;
    for (int point = 0; point < 2; ++point) {
        writer.beginPoint(info.id, point, point == 0 ? 16 : 64, perPoint, -1);
        QList<tl::RequestRecord> batch;
        for (int i = 0; i < perPoint; ++i) {
            tl::RequestRecord r = makeRecord(i, 16);
            r.headersNs += ttftShiftNs;
            for (qint64& t : r.eventNs)
                t += ttftShiftNs;
            r.endNs += ttftShiftNs;
            batch.append(r);
            if (batch.size() == 1000) {
                writer.writeRequests(info.id, point, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty())
            writer.writeRequests(info.id, point, batch);
        tl::PointResult result;
        result.index = point;
        result.point.parallel = point == 0 ? 16 : 64;
        result.point.number = perPoint;
        result.hasSummary = true;
        result.summary.totalRequests = perPoint;
        result.summary.successRequests = perPoint - perPoint / 40;
        result.summary.failedRequests = perPoint / 40;
        result.requestCount = perPoint;
        writer.finishPoint(info.id, result);
    }
    writer.finishRun(info.id, QStringLiteral("completed"));
    if (!writer.firstError().isEmpty()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(writer.firstError()));
        return false;
    }
    return true;
}

void benchOpen(int requests, int repeat)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.tlproj"));
    if (!writeRun(path, QStringLiteral("bench-run"), requests))
        return;
    std::printf("open a run's results page, %d requests (2 points, 16 events each)\n", requests);
    tl::ResultsPage page;
    page.resize(1400, 1000);
    page.show();
    QCoreApplication::processEvents();
    std::vector<double> wall;
    std::vector<double> total;
    std::vector<double> cpu;
    std::vector<double> gui;
    std::vector<double> maxLag;
    std::vector<double> maxStep;
    for (int i = 0; i < repeat; ++i) {
        QEventLoop loop;
        QObject::connect(&page, &tl::ResultsPage::runLoaded, &loop, &QEventLoop::quit);
        // The GUI thread's lag: how late a 1 ms timer fires, from showRun() until the page has been painted after
        // runLoaded (a last 200 ms of the loop).
        QElapsedTimer clock;
        qint64 expected = 0;
        double lag = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (expected > 0)
                lag = std::max(lag, double(now - expected) / 1e6);
            expected = now + 1'000'000;
        });
        QElapsedTimer timer;
        timer.start();
        clock.start();
        tick.start();
        const double cpu0 = processCpuMs();
        page.showRun(path, QStringLiteral("bench-run"));
        loop.exec();
        cpu.push_back(processCpuMs() - cpu0);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
        tick.stop();
        maxLag.push_back(lag);
        total.push_back(double(page.lastLoadMs()));
        gui.push_back(double(page.lastShowMs()));
        const QList<qint64>& steps = page.lastShowStepsMs();
        maxStep.push_back(steps.isEmpty() ? 0.0 : double(*std::max_element(steps.cbegin(), steps.cend())));
        std::printf("  open %d: %.1f ms wall, GUI-thread lag max %.1f ms, steps (ms):", i + 1, wall.back(), lag);
        for (qint64 ms : steps)
            std::printf(" %lld", static_cast<long long>(ms));
        std::printf("\n");
        page.setResults(QString(), {});
    }
    std::printf("  showRun -> runLoaded            %8.1f ms median wall, %.1f ms CPU (all threads; %d opens)\n",
        median(wall), median(cpu), repeat);
    std::printf(
        "    read + columns (pool) + show  %8.1f ms, of which on the GUI thread %.1f ms\n", median(total), median(gui));
    std::printf("    GUI thread: lag max %.1f ms, longest showing step %.1f ms (medians)\n", median(maxLag),
        median(maxStep));
}

// The comparison page on runs of `requests` requests each: comparing two (read, bootstrap, show), then switching the
// candidate among three runs already compared (the diff table of another run).
void benchCompare(int requests, int repeat)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("compare.tlproj"));
    const QStringList ids{QStringLiteral("base"), QStringLiteral("same"), QStringLiteral("slower")};
    for (int i = 0; i < ids.size(); ++i) {
        if (!writeRun(path, ids.at(i), requests, i == 2 ? 5'000'000 : 0))
            return;
    }
    std::printf("comparison page, runs of %d requests (2 points, 16 events each)\n", requests);
    tl::ComparisonPage page;
    page.resize(1400, 1000);
    page.show();
    QCoreApplication::processEvents();
    // Each figure: compare() to comparisonReady, wall and CPU of all threads. A fresh page has no run cached; the
    // same page keeps the samples of the runs it read (ComparisonPage::SampleCache).
    // `shownMs`: to the stored values shown (summariesShown), or to comparisonReady when the verdicts came first.
    std::vector<double> shownMs;
    std::vector<double> lagMs; // the GUI thread's lag max of each compare()
    const auto timeCompare = [&path, &shownMs, &lagMs](tl::ComparisonPage& on, const QStringList& runs, double* cpu) {
        LagProbe lag;
        QEventLoop loop;
        QElapsedTimer timer;
        double shown = -1;
        const auto ready = QObject::connect(&on, &tl::ComparisonPage::comparisonReady, &loop, [&] {
            if (shown < 0)
                shown = double(timer.nsecsElapsed()) / 1e6;
            loop.quit();
        });
        const auto first = QObject::connect(&on, &tl::ComparisonPage::summariesShown, &loop, [&] {
            (void)on.grab(); // painted
            shown = double(timer.nsecsElapsed()) / 1e6;
        });
        timer.start();
        lag.start();
        const double cpu0 = processCpuMs();
        on.compare(path, runs);
        loop.exec();
        lagMs.push_back(lag.stop());
        QObject::disconnect(ready);
        QObject::disconnect(first);
        *cpu = processCpuMs() - cpu0;
        shownMs.push_back(shown);
        const double wall = double(timer.nsecsElapsed()) / 1e6;
        std::printf("  compare %s: stored values shown + painted %.1f ms, ready %.1f ms wall, GUI-thread lag max "
                    "%.1f ms\n",
            qPrintable(runs.join(QStringLiteral(" vs "))), shown, wall, lagMs.back());
        return wall;
    };
    std::vector<double> two;
    std::vector<double> twoCpu;
    std::vector<double> oneNew;
    std::vector<double> oneNewCpu;
    std::vector<double> cached;
    std::vector<double> cachedCpu;
    std::vector<double> twoShown;
    std::vector<double> oneNewShown;
    std::vector<double> cachedShown;
    for (int i = 0; i < repeat; ++i) {
        tl::ComparisonPage fresh;
        fresh.resize(1400, 1000);
        fresh.show();
        QCoreApplication::processEvents();
        double cpu = 0;
        two.push_back(timeCompare(fresh, {ids.at(0), ids.at(2)}, &cpu)); // nothing cached: both runs read
        twoCpu.push_back(cpu);
        twoShown.push_back(shownMs.back());
        oneNew.push_back(timeCompare(fresh, {ids.at(0), ids.at(1)}, &cpu)); // the baseline cached, "same" read
        oneNewCpu.push_back(cpu);
        oneNewShown.push_back(shownMs.back());
        cached.push_back(timeCompare(fresh, {ids.at(0), ids.at(2)}, &cpu)); // both cached: bootstrap and show only
        cachedCpu.push_back(cpu);
        cachedShown.push_back(shownMs.back());
    }
    std::printf("  compare two runs -> shown       %8.1f ms median wall, %.1f ms CPU (all threads; %d times)\n",
        median(two), median(twoCpu), repeat);
    std::printf("  another candidate (one read)    %8.1f ms median wall, %.1f ms CPU\n", median(oneNew), median(oneNewCpu));
    std::printf("  back to a pair (both cached)    %8.1f ms median wall, %.1f ms CPU\n", median(cached), median(cachedCpu));
    std::printf("  stored values shown + painted   %8.1f / %.1f / %.1f ms median wall (the three cases above)\n",
        median(twoShown), median(oneNewShown), median(cachedShown));
    std::printf("  GUI-thread lag max              %8.1f ms median, %.1f ms max (every compare above)\n", median(lagMs),
        maxOf(lagMs));
    {
        QEventLoop loop;
        QObject::connect(&page, &tl::ComparisonPage::comparisonReady, &loop, &QEventLoop::quit);
        page.compare(path, ids);
        loop.exec();
    }
    auto* candidate = page.findChild<QComboBox*>(QStringLiteral("comparisonCandidate"));
    std::vector<double> switchMs;
    for (int i = 0; i < 10 && candidate; ++i) {
        switchMs.push_back(ms([&] {
            candidate->setCurrentIndex(1 - candidate->currentIndex());
            (void)page.grab();
        }));
    }
    std::printf("  switch the candidate + paint    %8.1f ms median wall, %.1f ms max (3 runs compared)\n",
        median(switchMs), switchMs.empty() ? 0.0 : *std::max_element(switchMs.begin(), switchMs.end()));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Results page at scale: request table and opening a run."));
    parser.addHelpOption();
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Requests in the table."),
        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption framesOpt(QStringLiteral("frames"), QStringLiteral("Scroll positions painted."),
        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption runOpt(QStringLiteral("run-requests"), QStringLiteral("Requests of the opened run."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repeatOpt(
        QStringLiteral("repeat"), QStringLiteral("Opens of the run."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption partsOpt(QStringLiteral("parts"),
        QStringLiteral("Comma-separated parts to run: table, open, compare."), QStringLiteral("list"),
        QStringLiteral("table,open,compare"));
    parser.addOptions({rowsOpt, framesOpt, runOpt, repeatOpt, partsOpt});
    parser.process(app);
    const QStringList parts = parser.value(partsOpt).split(u',', Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("table")))
        benchTable(parser.value(rowsOpt).toInt(), parser.value(framesOpt).toInt());
    if (parts.contains(QStringLiteral("open")))
        benchOpen(parser.value(runOpt).toInt(), parser.value(repeatOpt).toInt());
    if (parts.contains(QStringLiteral("compare")))
        benchCompare(parser.value(runOpt).toInt(), parser.value(repeatOpt).toInt());
    return 0;
}
