// bench_sim: capacity and timing accuracy of the emulated server (docs/PERFORMANCE.md, "Emulated server").
//
// Starts a SimServer in this process with its threads pinned to --server-cpus and drives it from one client
// thread pinned to --client-cpu: N keep-alive connections, each streaming one request after another
// (ignore_eos, --tokens per request at --rate tokens/s), read by a plain epoll loop so that the client
// costs as little as possible. Connections start spread evenly over one inter-token gap, as a steady load
// would be. After --warmup seconds it measures for --duration seconds:
//   - the server's schedule error: write time minus planned time of every token chunk written in the
//     window, from the server's own ground-truth trace (p50, p99, max);
//   - server CPU per streamed event: CPU time of the server's worker threads in the window divided by the
//     token chunks written in it;
//   - chunks per second.
// Repeats --runs times and prints each run and the medians. Linux only (epoll, sched_setaffinity).

#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simtrace.h"
#include "util/monoclock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

struct Options {
    int streams = 1000;
    double rate = 20.0; // tokens per second per stream
    int tokens = 40; // per request
    double warmupS = 3.0;
    double durationS = 10.0;
    int runs = 3;
    int serverThreads = 1;
    QList<int> serverCpus = {0};
    int clientCpu = 1;
    bool clientSpin = false; // busy-poll instead of sleeping in epoll_wait
    double slackUs = tl::SimConfig().timerSlackUs;
    QString traceOut; // the server's ground truth of the last run, for a closer look
};

struct RunResult {
    double p50Us = 0;
    double p99Us = 0;
    double maxUs = 0;
    double cpuPerEventUs = 0;
    double eventsPerS = 0;
    double serverCpuShare = 0; // CPU seconds per wall second
    qint64 events = 0;
    int connected = 0;
};

// Runs this thread's event loop (the server's acceptor lives on it) until `done` or the timeout.
template <typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void spinFor(double seconds)
{
    const QDeadlineTimer deadline(static_cast<qint64>(seconds * 1000));
    spinUntil([&] { return deadline.hasExpired(); }, static_cast<int>(seconds * 1000) + 1000);
}

double percentile(std::vector<qint64>& values, double p)
{
    if (values.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::max(0.0, std::ceil(p / 100.0 * double(values.size())) - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    return double(values[rank]);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

#ifdef Q_OS_LINUX

bool pinThisThread(const QList<int>& cpus)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int cpu : cpus)
        CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0; // 0 = the calling thread
}

// The client: one thread, N non-blocking sockets on one epoll, each sending its next request as soon as the
// previous response has ended (the chunked terminator). Returns the number of connections established.
class Client {
public:
    Client(quint16 port, const Options& options)
        : m_port(port)
        , m_options(options)
    {
        m_request = "POST /v1/completions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                    "content-length: ";
        const QByteArray body = R"({"model":"bench","prompt":"benchmark","stream":true,"ignore_eos":true,)"
                                R"("max_tokens":)"
            + QByteArray::number(options.tokens) + '}';
        m_request += QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    void run(std::atomic<bool>* stop, std::atomic<int>* connected, std::atomic<bool>* drained)
    {
        pinThisThread({m_options.clientCpu});
        const int epfd = epoll_create1(EPOLL_CLOEXEC);
        struct Conn {
            int fd = -1;
            qint64 startAtNs = 0;
            bool inFlight = false;
            char tail[5] = {};
        };
        std::vector<Conn> conns(static_cast<std::size_t>(m_options.streams));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(m_port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const qint64 gapNs = static_cast<qint64>(1e9 / m_options.rate);
        int open = 0;
        for (std::size_t i = 0; i < conns.size(); ++i) {
            const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
                if (fd >= 0)
                    ::close(fd);
                continue;
            }
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.u64 = i;
            epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
            conns[i].fd = fd;
            ++open;
        }
        connected->store(open);
        // Spread the first requests over one inter-token gap.
        const qint64 t0 = tl::monotonicNs();
        for (std::size_t i = 0; i < conns.size(); ++i)
            conns[i].startAtNs = t0 + gapNs * static_cast<qint64>(i) / static_cast<qint64>(conns.size());
        std::size_t nextStart = 0;
        std::vector<epoll_event> events(1024);
        std::vector<char> buffer(256 * 1024);
        int inFlight = 0;
        for (;;) {
            const qint64 now = tl::monotonicNs();
            while (nextStart < conns.size() && conns[nextStart].startAtNs <= now) {
                Conn& c = conns[nextStart++];
                if (c.fd >= 0 && !stop->load()) {
                    send(c.fd);
                    c.inFlight = true;
                    ++inFlight;
                }
            }
            if (stop->load() && inFlight == 0 && nextStart >= conns.size())
                break;
            int timeoutMs = 100;
            if (nextStart < conns.size())
                timeoutMs
                    = static_cast<int>(std::clamp<qint64>((conns[nextStart].startAtNs - now) / 1'000'000, 0, 100));
            if (m_options.clientSpin)
                timeoutMs = 0;
            const int n = epoll_wait(epfd, events.data(), static_cast<int>(events.size()), timeoutMs);
            for (int e = 0; e < n; ++e) {
                Conn& c = conns[events[static_cast<std::size_t>(e)].data.u64];
                for (;;) {
                    const ssize_t got = ::read(c.fd, buffer.data(), buffer.size());
                    if (got <= 0)
                        break;
                    // Keep the last five bytes across reads to see the chunked terminator "0\r\n\r\n".
                    char joined[5 + 5];
                    const std::size_t take = std::min<std::size_t>(5, static_cast<std::size_t>(got));
                    std::copy(c.tail, c.tail + 5, joined);
                    std::copy(buffer.data() + got - static_cast<ssize_t>(take), buffer.data() + got, joined + 5);
                    std::copy(joined + take, joined + take + 5, c.tail);
                    if (c.inFlight && std::equal(c.tail, c.tail + 5, "0\r\n\r\n")) {
                        std::fill(c.tail, c.tail + 5, 0);
                        if (stop->load()) {
                            c.inFlight = false;
                            --inFlight;
                        } else {
                            send(c.fd);
                        }
                    }
                }
            }
        }
        drained->store(true);
        for (Conn& c : conns) {
            if (c.fd >= 0)
                ::close(c.fd);
        }
        ::close(epfd);
    }

private:
    void send(int fd) const
    {
        // Small enough to fit the socket buffer whole.
        [[maybe_unused]] const ssize_t n = ::write(fd, m_request.constData(), static_cast<size_t>(m_request.size()));
    }

    quint16 m_port;
    Options m_options;
    QByteArray m_request;
};

RunResult runOnce(const Options& options)
{
    RunResult result;
    tl::SimConfig config;
    config.threads = options.serverThreads;
    config.ttftMs = 1000.0 / options.rate;
    config.itlMs = 1000.0 / options.rate;
    config.recordTrace = true;
    config.timerSlackUs = options.slackUs;
    config.traceOut = options.traceOut;
    config.maxNumSeqs = std::max(1024, options.streams);
    tl::SimServer server(config);
    // Threads started from here inherit this thread's CPUs.
    pinThisThread(options.serverCpus);
    if (!server.start()) {
        std::fprintf(stderr, "bench_sim: cannot start the server\n");
        return result;
    }
    std::atomic<bool> stop{false};
    std::atomic<bool> drained{false};
    std::atomic<int> connected{-1};
    Client client(server.port(), options);
    std::thread clientThread([&] { client.run(&stop, &connected, &drained); });

    spinUntil([&] { return connected.load() >= 0; }, 60000);
    spinFor(options.warmupS);
    const qint64 windowStart = tl::monotonicNs();
    const qint64 cpuStart = server.workerCpuNs();
    spinFor(options.durationS);
    const qint64 cpuEnd = server.workerCpuNs();
    const qint64 windowEnd = tl::monotonicNs();
    stop.store(true);
    spinUntil([&] { return drained.load(); }, 120000);
    clientThread.join();
    server.stop();

    std::vector<qint64> errors;
    for (const tl::SimTraceRecord& trace : server.traceRecords()) {
        for (std::size_t i = 0; i < trace.chunkNs.size() && i < trace.plannedNs.size(); ++i) {
            if (trace.chunkNs[i] >= windowStart && trace.chunkNs[i] < windowEnd)
                errors.push_back(trace.chunkNs[i] - trace.plannedNs[i]);
        }
    }
    const double windowS = double(windowEnd - windowStart) / 1e9;
    result.connected = connected.load();
    result.events = static_cast<qint64>(errors.size());
    result.eventsPerS = double(errors.size()) / windowS;
    result.cpuPerEventUs = errors.empty() ? 0 : double(cpuEnd - cpuStart) / 1e3 / double(errors.size());
    result.serverCpuShare = double(cpuEnd - cpuStart) / 1e9 / windowS;
    result.p50Us = percentile(errors, 50) / 1e3;
    result.p99Us = percentile(errors, 99) / 1e3;
    result.maxUs = errors.empty() ? 0 : double(*std::max_element(errors.begin(), errors.end())) / 1e3;
    return result;
}

#endif

QList<int> parseCpus(const QString& text)
{
    QList<int> cpus;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        cpus.append(part.toInt());
    return cpus;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Capacity and schedule accuracy of throughline-sim."));
    parser.addHelpOption();
    const Options defaults;
    parser.addOptions({
        {QStringLiteral("streams"), QStringLiteral("Concurrent keep-alive streams."), QStringLiteral("n"),
            QString::number(defaults.streams)},
        {QStringLiteral("rate"), QStringLiteral("Tokens per second per stream."), QStringLiteral("r"),
            QString::number(defaults.rate)},
        {QStringLiteral("tokens"), QStringLiteral("Tokens per request."), QStringLiteral("n"),
            QString::number(defaults.tokens)},
        {QStringLiteral("warmup"), QStringLiteral("Seconds before measuring."), QStringLiteral("s"),
            QString::number(defaults.warmupS)},
        {QStringLiteral("duration"), QStringLiteral("Seconds measured."), QStringLiteral("s"),
            QString::number(defaults.durationS)},
        {QStringLiteral("runs"), QStringLiteral("Repetitions; medians are printed."), QStringLiteral("n"),
            QString::number(defaults.runs)},
        {QStringLiteral("server-threads"), QStringLiteral("Server event-loop threads."), QStringLiteral("n"),
            QString::number(defaults.serverThreads)},
        {QStringLiteral("server-cpus"), QStringLiteral("CPUs of the server threads, comma-separated."),
            QStringLiteral("list"), QStringLiteral("0")},
        {QStringLiteral("client-cpu"), QStringLiteral("CPU of the client thread."), QStringLiteral("cpu"),
            QString::number(defaults.clientCpu)},
        {QStringLiteral("timer-slack-us"), QStringLiteral("The server's timer slack (SimConfig::timerSlackUs)."),
            QStringLiteral("us"), QString::number(defaults.slackUs)},
        {QStringLiteral("trace-out"), QStringLiteral("Write the server's trace (JSON lines) here after each run."),
            QStringLiteral("file")},
        {QStringLiteral("client-spin"),
            QStringLiteral("Client busy-polls (epoll_wait with no timeout) instead of sleeping, so that the server "
                           "does not pay for waking it (an inter-processor interrupt per write, costly in a VM).")},
    });
    parser.process(app);
    Options options;
    options.streams = parser.value(QStringLiteral("streams")).toInt();
    options.rate = parser.value(QStringLiteral("rate")).toDouble();
    options.tokens = parser.value(QStringLiteral("tokens")).toInt();
    options.warmupS = parser.value(QStringLiteral("warmup")).toDouble();
    options.durationS = parser.value(QStringLiteral("duration")).toDouble();
    options.runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    options.serverThreads = std::max(1, parser.value(QStringLiteral("server-threads")).toInt());
    options.serverCpus = parseCpus(parser.value(QStringLiteral("server-cpus")));
    options.clientCpu = parser.value(QStringLiteral("client-cpu")).toInt();
    options.clientSpin = parser.isSet(QStringLiteral("client-spin"));
    options.slackUs = parser.value(QStringLiteral("timer-slack-us")).toDouble();
    options.traceOut = parser.value(QStringLiteral("trace-out"));
    if (options.streams < 1 || options.rate <= 0 || options.tokens < 1 || options.serverCpus.isEmpty()) {
        std::fprintf(stderr, "bench_sim: bad arguments\n");
        return 2;
    }
#ifdef Q_OS_LINUX
    // Two sockets per stream in this one process.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    std::printf("bench_sim: %d streams x %g tok/s, %d tokens/request, %d server thread(s) on CPU %s, client on "
                "CPU %d (%s), timer slack %g us, %g s warm-up + %g s measured, %d runs\n",
        options.streams, options.rate, options.tokens, options.serverThreads,
        qPrintable(parser.value(QStringLiteral("server-cpus"))), options.clientCpu,
        options.clientSpin ? "spinning" : "sleeping", options.slackUs, options.warmupS, options.durationS,
        options.runs);
    std::printf("%4s %10s %10s %10s %10s %12s %12s %10s\n", "run", "streams", "events/s", "err p50us", "err p99us",
        "err max us", "cpu/event us", "srv cpu");
    std::vector<double> p50;
    std::vector<double> p99;
    std::vector<double> maxErr;
    std::vector<double> cpu;
    std::vector<double> rate;
    std::vector<double> share;
    for (int run = 1; run <= options.runs; ++run) {
        const RunResult r = runOnce(options);
        std::printf("%4d %10d %10.0f %10.1f %10.1f %12.1f %12.2f %9.0f%%\n", run, r.connected, r.eventsPerS, r.p50Us,
            r.p99Us, r.maxUs, r.cpuPerEventUs, r.serverCpuShare * 100);
        std::fflush(stdout);
        p50.push_back(r.p50Us);
        p99.push_back(r.p99Us);
        maxErr.push_back(r.maxUs);
        cpu.push_back(r.cpuPerEventUs);
        rate.push_back(r.eventsPerS);
        share.push_back(r.serverCpuShare);
    }
    std::printf("%4s %10d %10.0f %10.1f %10.1f %12.1f %12.2f %9.0f%%\n", "med", options.streams, median(rate),
        median(p50), median(p99), median(maxErr), median(cpu), median(share) * 100);
    return 0;
#else
    std::fprintf(stderr, "bench_sim: Linux only\n");
    return 1;
#endif
}
