// bench_project: the project file at scale (docs/PERFORMANCE.md, "Project file").
//
// Builds a project of --runs runs x --requests requests (default 100 x 10,000 = 1,000,000 rows), each request with
// --events per-event timings (the compact varint blob), through ProjectWriter on this thread, one transaction per
// batch of --batch records as the writer thread commits them during a run. Prints per run the insert rate, then:
//   - insert: the median over the runs of request rows per second, wall and CPU time (this process);
//   - open + list: ProjectReader::open() and runs() on the finished file, --repeat times, median wall and CPU time;
//   - points + requests of one run: reading back one run's 10,000 requests with their events.
// Records are generated before the clock starts. The file is left in --dir (default: a temporary folder, removed).

#include "storage/projectreader.h"
#include "storage/projectwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

QList<tl::RequestRecord> makeBatch(int size, int events)
{
    QList<tl::RequestRecord> out;
    for (int i = 0; i < size; ++i) {
        tl::RequestRecord r;
        r.success = i % 50 != 0;
        r.scheduledNs = 1'000'000'000LL + i * 3'000'000LL;
        r.sentNs = r.scheduledNs + 20'000 + i % 7;
        r.headersNs = r.sentNs + 30'000'000;
        qint64 t = r.headersNs + 5'000'000;
        for (int e = 0; e < events; ++e) {
            t += 8'000'000 + (e * 7919 + i * 104729) % 4'000'000; // jittered gaps, as a real stream has
            r.eventNs.append(t);
            r.eventFlags.append(quint8(e == 0 ? tl::EventHasChoices : tl::EventHasChoices | tl::EventHasContent));
        }
        r.endNs = t + 200'000;
        r.promptTokens = 100 + i % 50;
        r.completionTokens = events;
        r.cachedTokens = 0;
        r.tokenSource = tl::TokenSource::ServerUsage;
        r.httpStatus = r.success ? 200 : 503;
        if (!r.success) {
            r.errorClass = tl::ErrorClass::HttpStatus;
            r.errorMessage = QStringLiteral("HTTP 503: overloaded");
        }
        r.bytesReceived = 180 * events;
        out.append(r);
    }
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Project file at scale: insert rate, open + list time."));
    parser.addHelpOption();
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"), QStringLiteral("Runs in the project."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption requestsOpt(
        QStringLiteral("requests"), QStringLiteral("Requests per run."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Data events per request."),
        QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Records per transaction."),
        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Repetitions of open + list."),
        QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption dirOpt(
        QStringLiteral("dir"), QStringLiteral("Folder for the project (kept)."), QStringLiteral("DIR"));
    parser.addOptions({runsOpt, requestsOpt, eventsOpt, batchOpt, repeatOpt, dirOpt});
    parser.process(app);
    const int runs = parser.value(runsOpt).toInt();
    const int requests = parser.value(requestsOpt).toInt();
    const int events = parser.value(eventsOpt).toInt();
    const int batchSize = std::max(1, parser.value(batchOpt).toInt());
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : temp.path();
    const QString path = dir + QStringLiteral("/bench.tlproj");
    QFile::remove(path);
    QList<tl::RequestRecord> batch = makeBatch(batchSize, events);

    std::vector<double> rateWall;
    std::vector<double> rateCpu;
    {
        tl::ProjectWriter writer(path);
        QString error;
        if (!writer.openDatabase(&error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        for (int run = 0; run < runs; ++run) {
            tl::RunData info;
            info.id = QStringLiteral("run-%1").arg(run, 4, 10, QLatin1Char('0'));
            info.name = info.id;
            info.configJson = R"({"model": "bench", "parallel": [64], "number": [10000]})";
            info.model = QStringLiteral("bench");
            info.url = QStringLiteral("http://127.0.0.1:8000/v1/chat/completions");
            info.api = QStringLiteral("openai");
            info.createdMs = 1'700'000'000'000LL + run * 1000LL;
            writer.beginRun(info);
            writer.beginPoint(info.id, 0, 64, requests, -1);
            QElapsedTimer wall;
            const double cpu0 = cpuSeconds();
            wall.start();
            for (int done = 0; done < requests; done += batchSize) {
                const int n = std::min(batchSize, requests - done);
                for (int i = 0; i < n; ++i)
                    batch[i].seq = done + i;
                writer.writeRequests(info.id, 0, n == batchSize ? batch : batch.mid(0, n));
            }
            const double w = double(wall.nsecsElapsed()) / 1e9;
            const double c = cpuSeconds() - cpu0;
            writer.finishPoint(info.id, tl::PointResult());
            writer.finishRun(info.id, QStringLiteral("finished"));
            rateWall.push_back(requests / w);
            rateCpu.push_back(requests / c);
            if (run % 10 == 0 || run == runs - 1)
                std::printf("run %3d: %8.0f rows/s wall, %8.0f rows/s CPU\n", run, requests / w, requests / c);
            std::fflush(stdout);
        }
        if (!writer.firstError().isEmpty()) {
            std::fprintf(stderr, "error: %s\n", qPrintable(writer.firstError()));
            return 1;
        }
    }

    std::vector<double> openWall;
    std::vector<double> openCpu;
    int listed = 0;
    qint64 rows = 0;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer wall;
        const double cpu0 = cpuSeconds();
        wall.start();
        tl::ProjectReader reader;
        QString error;
        if (!reader.open(path, &error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        const QList<tl::RunData> list = reader.runs();
        openWall.push_back(double(wall.nsecsElapsed()) / 1e6);
        openCpu.push_back((cpuSeconds() - cpu0) * 1e3);
        listed = int(list.size());
        rows = 0;
        for (const tl::RunData& r : list)
            rows += r.requestCount;
    }
    std::vector<double> readWall;
    for (int i = 0; i < repeat; ++i) {
        tl::ProjectReader reader;
        QString error;
        reader.open(path, &error);
        QElapsedTimer wall;
        wall.start();
        const auto run = reader.loadRun(QStringLiteral("run-%1").arg(runs / 2, 4, 10, QLatin1Char('0')));
        readWall.push_back(double(wall.nsecsElapsed()) / 1e6);
        if (!run || run->points.first().records.size() != requests) {
            std::fprintf(stderr, "error: the middle run did not read back\n");
            return 1;
        }
    }
    // What the results page reads when it opens a run: every point's stored result (schema 4), no request rows.
    std::vector<double> pointsWall;
    for (int i = 0; i < repeat; ++i) {
        tl::ProjectReader reader;
        QString error;
        reader.open(path, &error);
        QElapsedTimer wall;
        wall.start();
        const QList<tl::PointResult> points
            = reader.points(QStringLiteral("run-%1").arg(runs / 2, 4, 10, QLatin1Char('0')));
        pointsWall.push_back(double(wall.nsecsElapsed()) / 1e6);
        if (points.size() != 1 || !points.first().hasSummary) {
            std::fprintf(stderr, "error: the middle run's point did not read back\n");
            return 1;
        }
    }
    std::printf("\nproject: %d runs, %lld request rows, %d events each, %.0f MB\n", listed, rows, events,
        double(QFileInfo(path).size()) / 1e6);
    std::printf("insert (median of %d runs, %d rows per transaction): %.0f rows/s wall, %.0f rows/s CPU\n", runs,
        batchSize, median(rateWall), median(rateCpu));
    std::printf(
        "open + list runs (median of %d): %.1f ms wall, %.1f ms CPU\n", repeat, median(openWall), median(openCpu));
    std::printf(
        "load one run of %d requests with events (median of %d): %.0f ms wall\n", requests, repeat, median(readWall));
    std::printf(
        "points of one run, as the results page opens it (median of %d): %.2f ms wall\n", repeat, median(pointsWall));
    return 0;
}
