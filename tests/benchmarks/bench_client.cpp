// bench_client: Throughline's own measurement error and overhead (docs/PERFORMANCE.md, "Client").
//
// Runs the real engine (RunController, worker threads, --transport lean or qt) in this process against a
// throughline-sim started as a separate process (pin them apart: `taskset -c 0 bench_client --sim-cpus 1`), and
// compares what the client measured with the server's ground truth (--trace-out: when each chunk was written,
// CLOCK_MONOTONIC, shared by both processes). Client records are matched to the server's by response id.
//
// Modes:
//   stream  --streams N concurrent streams (closed loop, --parallel N), each request --tokens tokens at --tps
//           tokens/s after --ttft-ms. Prints: TTFT error and ITL error (client minus server, ms; p50/p99/max of
//           the absolute value), achieved output throughput as a share of what the server's timing allows,
//           client CPU per SSE event, resident memory per in-flight stream, failures.
//   tiny    closed loop, --streams in flight, one-token non-streamed answers from a zero-latency server:
//           requests per second.
//   open    open loop at --rate requests/s with one-token answers: schedule lag (send - scheduled) p50/p99 and
//           the achieved rate against the target.
//   trace   production trace replay (--dataset workload_trace, speed 1): a trace of --rate * --duration records
//           with exponential gaps (mean 1/--rate, fixed seed) and one-token answers. Prints the send-time error
//           (the record's sent time minus its scheduled time, both taken on the worker thread with the monotonic
//           clock), the arrival error (the kernel's receive stamp of the request on the server's socket,
//           arrived_ns in --trace-out, minus the scheduled time: the ground truth, connection included, without
//           the server's own wake-up), the server's read time minus the scheduled time (received_ns: the
//           arrival plus the server's wake-up and read), whether every scheduled offset equals the trace's
//           (offset_exact), client CPU per request and as a share of wall time. arrived_count: records with an
//           arrival stamp (the others have none: no kernel stamp; they are left out of the arrival error);
//           sent_to_arrival: arrival minus the record's sent time (the client's own path into the kernel).
// Each mode runs --runs times; the last line gives the medians. Linux only (getrusage, /proc).

#include "engine/runcontroller.h"
#include "util/monoclock.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <random>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <sys/resource.h>

namespace {

struct Options {
    QString mode = QStringLiteral("stream");
    int streams = 500;
    double tps = 20.0;
    int tokens = 40;
    double ttftMs = 50.0;
    double durationS = 20.0; // stream: per run, requests sized to last about this long
    double rate = 1000.0; // open
    int runs = 3;
    int workers = 0;
    QString sim;
    QString simCpus;
    int simThreads = 1;
    QString transport = QStringLiteral("lean");
};

struct Figures {
    QList<QPair<QString, double>> values;
    void add(const char* name, double v) { values.append({QString::fromLatin1(name), v}); }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return NAN;
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, static_cast<size_t>(double(v.size()) * p / 100.0));
    return v[i];
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return NAN;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(getpagesize()) / 1048576.0 : NAN;
}

struct TraceEntry {
    qint64 receivedNs = 0;
    qint64 arrivedNs = 0; // 0: no kernel stamp
    std::vector<qint64> chunkNs;
};

std::unordered_map<std::string, TraceEntry> readTrace(const QString& path)
{
    std::unordered_map<std::string, TraceEntry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        const auto j = nlohmann::json::parse(line.cbegin(), line.cend(), nullptr, false);
        if (!j.is_object() || !j.contains("id"))
            continue;
        TraceEntry e;
        e.receivedNs = j.value("received_ns", qint64(0));
        e.arrivedNs = j.value("arrived_ns", qint64(0));
        for (const auto& v : j.value("chunk_ns", nlohmann::json::array()))
            e.chunkNs.push_back(v.get<qint64>());
        out[j["id"].get<std::string>()] = std::move(e);
    }
    return out;
}

// throughline-sim in its own process; stopped with SIGTERM so it writes its trace.
class SimProcess {
public:
    bool start(const Options& o, const QStringList& args, const QString& traceFile)
    {
        QStringList all = args;
        all << QStringLiteral("--port") << QStringLiteral("0") << QStringLiteral("--threads")
            << QString::number(o.simThreads) << QStringLiteral("--trace-out") << traceFile;
        if (!o.simCpus.isEmpty()) {
            all.prepend(o.sim);
            all.prepend(o.simCpus);
            all.prepend(QStringLiteral("-c"));
            m_process.start(QStringLiteral("taskset"), all);
        } else {
            m_process.start(o.sim, all);
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
    void stop()
    {
        m_process.terminate();
        m_process.waitForFinished(20000);
    }

private:
    QProcess m_process;
    QString m_url;
};

struct RunOutput {
    QList<tl::RequestRecord> records;
    tl::PointResult result;
    double cpuS = 0;
    double wallS = 0;
    double peakRssMiB = 0;
    double baseRssMiB = 0;
};

RunOutput runClient(const tl::RunConfig& config)
{
    RunOutput out;
    tl::RunController controller;
    controller.setSnapshotIntervalMs(250);
    QObject::connect(&controller, &tl::RunController::recordsArrived,
        [&out](const QList<tl::RequestRecord>& r) { out.records.append(r); });
    QTimer rss;
    QObject::connect(&rss, &QTimer::timeout, [&out] { out.peakRssMiB = std::max(out.peakRssMiB, rssMiB()); });
    out.baseRssMiB = rssMiB();
    rss.start(100);
    QEventLoop loop;
    QObject::connect(&controller, &tl::RunController::runFinished, &loop, &QEventLoop::quit);
    const double cpu0 = cpuSeconds();
    const qint64 t0 = tl::monotonicNs();
    if (const tl::ConfigErrors errors = controller.start(config); !errors.isEmpty()) {
        std::fprintf(stderr, "bench_client: %s\n", qPrintable(errors.first().toString()));
        return out;
    }
    loop.exec();
    out.wallS = double(tl::monotonicNs() - t0) / 1e9;
    out.cpuS = cpuSeconds() - cpu0;
    if (!controller.results().isEmpty())
        out.result = controller.results().constFirst();
    return out;
}

tl::RunConfig baseConfig(const QString& url, const Options& o)
{
    tl::RunConfig c;
    c.url = url + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("bench");
    c.sleepInterval = 0;
    c.writeOutputs = false;
    c.workers = o.workers;
    c.transport = o.transport;
    c.noTestConnection = true;
    c.extraArgs = R"({"ignore_eos": true})";
    c.prompt = QStringLiteral("Benchmark prompt.");
    return c;
}

// The run's own harness-health verdict beside the ground truth, for its calibration (docs/METRICS.md).
void addHarness(Figures& f, const RunOutput& run)
{
    const tl::HarnessHealth& h = run.result.harness;
    f.add("harness_suspect", h.suspect() ? 1 : 0);
    f.add("harness_lag_p99_ms", h.scheduleLagP99Ms);
    f.add("harness_load_ratio", h.loadRatio);
    f.add("harness_cpu_share_pct", 100.0 * h.clientCpuShare);
    f.add("harness_events_per_read", h.eventsPerRead);
    f.add("harness_machine_busy_pct", 100.0 * h.machineBusyShare);
    std::fprintf(stderr, "harness: %s (%s)\n", qPrintable(tl::harnessVerdictName(h.verdict)), qPrintable(h.reason));
}

Figures streamRun(const Options& o, const QString& traceFile)
{
    Figures f;
    SimProcess sim;
    const double itlMs = 1000.0 / o.tps;
    if (!sim.start(o,
            {QStringLiteral("--ttft-ms"), QString::number(o.ttftMs), QStringLiteral("--itl-ms"),
                QString::number(itlMs), QStringLiteral("--max-num-seqs"), QString::number(o.streams * 2)},
            traceFile)) {
        std::fprintf(stderr, "bench_client: cannot start %s\n", qPrintable(o.sim));
        return f;
    }
    const double requestS = (o.ttftMs + (o.tokens - 1) * itlMs) / 1000.0;
    const int perStream = std::max(1, int(std::lround(o.durationS / requestS)));
    tl::RunConfig c = baseConfig(sim.url(), o);
    c.parallel = {o.streams};
    c.number = {o.streams * perStream};
    c.maxTokens = o.tokens;
    c.connectRate = 0; // the streams' start is part of what is measured
    const RunOutput run = runClient(c);
    sim.stop();
    const auto truth = readTrace(traceFile);

    std::vector<double> ttftErr;
    std::vector<double> itlErr;
    qint64 events = 0;
    int unmatched = 0;
    for (const tl::RequestRecord& r : run.records) {
        events += r.eventNs.size();
        const auto it = truth.find(r.responseId.toStdString());
        if (!r.success || it == truth.end()) {
            ++unmatched;
            continue;
        }
        std::vector<qint64> content;
        for (qsizetype i = 0; i < r.eventNs.size(); ++i) {
            if (r.eventFlags.at(i) & tl::EventHasContent)
                content.push_back(r.eventNs.at(i));
        }
        const std::vector<qint64>& server = it->second.chunkNs;
        if (content.size() != server.size() || content.empty()) {
            ++unmatched;
            continue;
        }
        ttftErr.push_back(double(content[0] - server[0]) / 1e6);
        for (size_t k = 1; k < content.size(); ++k)
            itlErr.push_back(double((content[k] - content[k - 1]) - (server[k] - server[k - 1])) / 1e6);
    }
    auto absolute = [](std::vector<double> v) {
        for (double& x : v)
            x = std::abs(x);
        return v;
    };
    // What the server's timing allows: every stream back to back, ttft + (tokens-1) x itl per request.
    const double allowed = double(o.streams) * o.tokens / requestS;
    const tl::Summary& s = run.result.summary;
    f.add("ttft_err_p50_ms", percentile(ttftErr, 50));
    f.add("ttft_err_p99_abs_ms", percentile(absolute(ttftErr), 99));
    f.add("itl_err_p50_ms", percentile(itlErr, 50));
    f.add("itl_err_p99_abs_ms", percentile(absolute(itlErr), 99));
    f.add("itl_err_max_abs_ms", percentile(absolute(itlErr), 100));
    f.add("throughput_share_pct", 100.0 * s.outputThroughput / allowed);
    f.add("cpu_us_per_event", 1e6 * run.cpuS / double(std::max<qint64>(1, events)));
    f.add("cpu_share_pct", 100.0 * run.cpuS / run.wallS);
    f.add("rss_kib_per_stream", 1024.0 * (run.peakRssMiB - run.baseRssMiB) / o.streams);
    f.add("failed", s.failedRequests);
    f.add("unmatched", unmatched);
    f.add("requests", s.totalRequests);
    addHarness(f, run);
    return f;
}

Figures tinyRun(const Options& o, const QString& traceFile, bool open)
{
    Figures f;
    SimProcess sim;
    if (!sim.start(o,
            {QStringLiteral("--ttft-ms"), QStringLiteral("0"), QStringLiteral("--itl-ms"), QStringLiteral("0"),
                QStringLiteral("--max-num-seqs"), QStringLiteral("100000")},
            traceFile)) {
        std::fprintf(stderr, "bench_client: cannot start %s\n", qPrintable(o.sim));
        return f;
    }
    tl::RunConfig c = baseConfig(sim.url(), o);
    c.stream = false;
    c.maxTokens = 1;
    if (open) {
        c.openLoop = true;
        c.rate = {o.rate};
        c.number = {int(o.rate * o.durationS)};
        c.arrivalDistribution = QStringLiteral("constant");
    } else {
        c.parallel = {o.streams};
        c.number = {int(5000 * o.durationS)};
        c.duration = o.durationS;
    }
    const RunOutput run = runClient(c);
    sim.stop();
    const tl::Summary& s = run.result.summary;
    const tl::ExtendedMetrics& m = run.result.extended;
    if (open) {
        f.add("lag_p50_ms", m.percentiles.value(QStringLiteral("Schedule lag (ms)"), QStringLiteral("50%")));
        f.add("lag_p99_ms", m.percentiles.value(QStringLiteral("Schedule lag (ms)"), QStringLiteral("99%")));
        f.add("lag_max_ms", m.percentiles.value(QStringLiteral("Schedule lag (ms)"), QStringLiteral("max")));
        f.add("achieved_rate", m.achievedRate);
        f.add("rate_error_pct", 100.0 * (m.achievedRate - o.rate) / o.rate);
        addHarness(f, run);
    } else {
        f.add("req_per_s", s.reqThroughput);
    }
    f.add("cpu_us_per_request", 1e6 * run.cpuS / double(std::max(1, s.totalRequests)));
    f.add("cpu_share_pct", 100.0 * run.cpuS / run.wallS);
    f.add("failed", s.failedRequests);
    f.add("requests", s.totalRequests);
    return f;
}

// A workload_trace file of `count` records, exponential gaps of mean 1/rate (seeded), timestamps in seconds with
// microseconds from 1000 s (small enough for a double to hold each to the nanosecond: offsets compare exactly).
QString writeReplayTrace(const QString& path, int count, double rate, std::vector<qint64>* offsetsNs)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    std::mt19937_64 rng(16);
    std::exponential_distribution<double> gap(rate);
    qint64 us = 0;
    for (int i = 0; i < count; ++i) {
        offsetsNs->push_back(us * 1000);
        const QByteArray line = "{\"timestamp\": " + QByteArray::number(1000.0 + double(us) / 1e6, 'f', 6)
            + R"(, "body": {"model": "bench", "messages": [{"role": "user", "content": "Benchmark prompt."}], )"
              R"("max_tokens": 1}})" "\n";
        f.write(line);
        us += std::max<qint64>(1, static_cast<qint64>(std::llround(gap(rng) * 1e6)));
    }
    return path;
}

Figures traceRun(const Options& o, const QString& traceFile, const QString& workloadFile)
{
    Figures f;
    SimProcess sim;
    if (!sim.start(o,
            {QStringLiteral("--ttft-ms"), QStringLiteral("0"), QStringLiteral("--itl-ms"), QStringLiteral("0"),
                QStringLiteral("--max-num-seqs"), QStringLiteral("100000")},
            traceFile)) {
        std::fprintf(stderr, "bench_client: cannot start %s\n", qPrintable(o.sim));
        return f;
    }
    std::vector<qint64> offsets;
    const int count = std::max(1, int(o.rate * o.durationS));
    writeReplayTrace(workloadFile, count, o.rate, &offsets);
    tl::RunConfig c = baseConfig(sim.url(), o);
    c.model.clear(); // the trace's bodies name it
    c.prompt.clear();
    c.dataset = QStringLiteral("workload_trace");
    c.datasetPath = workloadFile;
    c.openLoop = true;
    c.stream = false;
    c.maxTokens = 1;
    const RunOutput run = runClient(c);
    sim.stop();
    const auto trace = readTrace(traceFile);
    std::vector<double> sendMs;
    std::vector<double> receiveMs;
    std::vector<double> arrivalMs;
    std::vector<double> sendToArrivalMs;
    bool exact = run.records.size() == qsizetype(offsets.size());
    // Records arrive in completion order: the timeline's anchor is the first record's (seq 0, offset 0) schedule.
    qint64 anchor = 0;
    for (const tl::RequestRecord& r : run.records) {
        if (r.seq == 0)
            anchor = r.scheduledNs;
    }
    for (const tl::RequestRecord& r : run.records) {
        if (r.seq < 0 || size_t(r.seq) >= offsets.size() || r.scheduledNs - anchor != offsets[size_t(r.seq)])
            exact = false;
        sendMs.push_back(double(r.sentNs - r.scheduledNs) / 1e6);
        const auto it = trace.find(r.responseId.toStdString());
        if (it != trace.end() && it->second.receivedNs > 0)
            receiveMs.push_back(double(it->second.receivedNs - r.scheduledNs) / 1e6);
        if (it != trace.end() && it->second.arrivedNs > 0) {
            arrivalMs.push_back(double(it->second.arrivedNs - r.scheduledNs) / 1e6);
            sendToArrivalMs.push_back(double(it->second.arrivedNs - r.sentNs) / 1e6);
        }
    }
    const tl::Summary& s = run.result.summary;
    f.add("send_err_p50_ms", percentile(sendMs, 50));
    f.add("send_err_p99_ms", percentile(sendMs, 99));
    f.add("send_err_max_ms", percentile(sendMs, 100));
    f.add("send_err_min_ms", sendMs.empty() ? NAN : *std::min_element(sendMs.begin(), sendMs.end()));
    f.add("arrival_err_p50_ms", percentile(arrivalMs, 50));
    f.add("arrival_err_p99_ms", percentile(arrivalMs, 99));
    f.add("arrival_err_max_ms", percentile(arrivalMs, 100));
    f.add("arrived_count", double(arrivalMs.size()));
    f.add("sent_to_arrival_p50_ms", percentile(sendToArrivalMs, 50));
    f.add("sent_to_arrival_p99_ms", percentile(sendToArrivalMs, 99));
    f.add("recv_err_p50_ms", percentile(receiveMs, 50));
    f.add("recv_err_p99_ms", percentile(receiveMs, 99));
    f.add("recv_err_max_ms", percentile(receiveMs, 100));
    f.add("offset_exact", exact ? 1 : 0);
    f.add("cpu_us_per_request", 1e6 * run.cpuS / double(std::max(1, s.totalRequests)));
    f.add("cpu_share_pct", 100.0 * run.cpuS / run.wallS);
    f.add("wall_s", run.wallS);
    f.add("failed", s.failedRequests);
    f.add("requests", s.totalRequests);
    addHarness(f, run);
    return f;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Throughline's measurement error and overhead against "
                                                    "throughline-sim (see the header of bench_client.cpp)."));
    parser.addHelpOption();
    Options o;
    const QList<QCommandLineOption> opts = {
        {QStringLiteral("mode"), QStringLiteral("stream, tiny, open or trace."), QStringLiteral("m"), o.mode},
        {QStringLiteral("streams"), QStringLiteral("Concurrent streams (stream, tiny)."), QStringLiteral("n"),
            QString::number(o.streams)},
        {QStringLiteral("tps"), QStringLiteral("Tokens per second per stream."), QStringLiteral("t"),
            QString::number(o.tps)},
        {QStringLiteral("tokens"), QStringLiteral("Tokens per request."), QStringLiteral("n"),
            QString::number(o.tokens)},
        {QStringLiteral("ttft-ms"), QStringLiteral("Server time to first token."), QStringLiteral("ms"),
            QString::number(o.ttftMs)},
        {QStringLiteral("duration"), QStringLiteral("Seconds per run (about)."), QStringLiteral("s"),
            QString::number(o.durationS)},
        {QStringLiteral("rate"), QStringLiteral("Open-loop arrival rate (open, trace: mean)."), QStringLiteral("r"),
            QString::number(o.rate)},
        {QStringLiteral("runs"), QStringLiteral("Repetitions."), QStringLiteral("n"), QString::number(o.runs)},
        {QStringLiteral("workers"), QStringLiteral("Client worker threads (0 = one per core)."), QStringLiteral("n"),
            QString::number(o.workers)},
        {QStringLiteral("sim"), QStringLiteral("throughline-sim binary."), QStringLiteral("path"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/throughline-sim")},
        {QStringLiteral("sim-cpus"), QStringLiteral("Pin the server to these CPUs (taskset -c list)."),
            QStringLiteral("list")},
        {QStringLiteral("sim-threads"), QStringLiteral("Server event-loop threads."), QStringLiteral("n"),
            QString::number(o.simThreads)},
        {QStringLiteral("transport"), QStringLiteral("The client's transport: lean or qt (--transport)."),
            QStringLiteral("kind"), o.transport},
    };
    parser.addOptions(opts);
    parser.process(app);
    o.mode = parser.value(QStringLiteral("mode"));
    o.streams = parser.value(QStringLiteral("streams")).toInt();
    o.tps = parser.value(QStringLiteral("tps")).toDouble();
    o.tokens = parser.value(QStringLiteral("tokens")).toInt();
    o.ttftMs = parser.value(QStringLiteral("ttft-ms")).toDouble();
    o.durationS = parser.value(QStringLiteral("duration")).toDouble();
    o.rate = parser.value(QStringLiteral("rate")).toDouble();
    o.runs = parser.value(QStringLiteral("runs")).toInt();
    o.workers = parser.value(QStringLiteral("workers")).toInt();
    o.sim = parser.value(QStringLiteral("sim"));
    o.simCpus = parser.value(QStringLiteral("sim-cpus"));
    o.simThreads = parser.value(QStringLiteral("sim-threads")).toInt();
    o.transport = parser.value(QStringLiteral("transport"));

    QTemporaryDir dir;
    QList<Figures> all;
    for (int run = 0; run < o.runs; ++run) {
        const QString trace = dir.filePath(QStringLiteral("trace-%1.jsonl").arg(run));
        const Figures f = o.mode == u"stream" ? streamRun(o, trace)
            : o.mode == u"trace"
            ? traceRun(o, trace, dir.filePath(QStringLiteral("workload-%1.jsonl").arg(run)))
            : tinyRun(o, trace, o.mode == u"open");
        if (f.values.isEmpty())
            return 1;
        std::printf("run %d:", run + 1);
        for (const auto& [name, v] : f.values)
            std::printf(" %s=%.3f", qPrintable(name), v);
        std::printf("\n");
        std::fflush(stdout);
        all.append(f);
    }
    std::printf("median:");
    for (qsizetype k = 0; k < all.first().values.size(); ++k) {
        std::vector<double> v;
        for (const Figures& f : all)
            v.push_back(f.values.at(k).second);
        std::printf(" %s=%.3f", qPrintable(all.first().values.at(k).first), percentile(v, 50));
    }
    std::printf("\n");
    return 0;
}
