// bench_dataset: start time and memory of a run over a large dataset file (docs/PERFORMANCE.md, "Datasets").
//
// Writes (once) an openqa-format JSONL file of --size-mb megabytes, then measures what a run pays for it:
// the time PromptSource::load takes (what delays the start of a run), the time to the first item, the rate of
// a full sequential pass as worker threads would ask for items (parsing included), a cycle back to the start,
// and the process's peak resident memory (VmHWM, reset after the file is written). Linux only (/proc).

#include "config/runconfig.h"
#include "dataset/filepromptsource.h"
#include "dataset/promptsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {

qint64 procStatusKb(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

bool writeDataset(const QString& path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk;
    qint64 written = 0;
    for (qint64 i = 0; written < bytes; ++i) {
        chunk += "{\"question\": \"Question " + QByteArray::number(i) + ": explain, in about "
            + QByteArray::number(50 + i % 400) + " words, why " + QByteArray(int(40 + i % 200), 'x')
            + " matters.\", \"human_answers\": [\"" + QByteArray(int(60 + i % 300), 'y')
            + "\"], \"chatgpt_answers\": [\"...\"]}\n";
        if (chunk.size() > (1 << 20)) {
            written += f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size-mb"), QStringLiteral("Dataset size in MB (default 1024)."),
        QStringLiteral("MB"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("Dataset file (written when missing)."),
        QStringLiteral("PATH"), QDir::tempPath() + QStringLiteral("/throughline-bench-dataset.jsonl")});
    parser.addOption({QStringLiteral("parallel"), QStringLiteral("--parallel of the run."),
        QStringLiteral("P"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("no-pass"), QStringLiteral("Measure the start only, not a full pass.")});
    parser.process(app);

    const QString path = parser.value(QStringLiteral("file"));
    const qint64 bytes = parser.value(QStringLiteral("size-mb")).toLongLong() << 20;
    if (QFileInfo(path).size() < bytes) {
        std::printf("writing %s (%lld MB)...\n", qPrintable(path), bytes >> 20);
        if (!writeDataset(path, bytes)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    resetPeakRss();
    const qint64 rssBefore = procStatusKb("VmRSS:");

    tl::RunConfig config;
    config.model = QStringLiteral("m");
    config.dataset = QStringLiteral("openqa");
    config.datasetPath = path;
    config.parallel = {parser.value(QStringLiteral("parallel")).toInt()};
    config.number = {10000000};
    QElapsedTimer timer;
    timer.start();
    tl::ConfigError error;
    const auto source = tl::PromptSource::load(config, &error);
    const double loadMs = double(timer.nsecsElapsed()) / 1e6;
    if (!source) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 1;
    }
    const auto* file = dynamic_cast<const tl::FilePromptSource*>(source.get());
    timer.restart();
    const tl::PromptItem first = source->at(0);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;

    std::printf("file                 %s, %.0f MB\n", qPrintable(path), double(QFileInfo(path).size()) / (1 << 20));
    std::printf("load (run start)     %.2f ms\n", loadMs);
    std::printf("first item           %.3f ms\n", firstMs);
    qint64 chars = first.text.size();
    if (!parser.isSet(QStringLiteral("no-pass"))) {
        timer.restart();
        qint64 seq = 1;
        while (file->knownCount() < 0)
            chars += source->at(seq++).text.size();
        const double passS = double(timer.nsecsElapsed()) / 1e9;
        const qint64 total = file->knownCount();
        std::printf("full pass            %.2f s, %lld records, %.0f items/s, %.0f MB/s\n", passS, total,
            double(total) / passS, double(QFileInfo(path).size()) / (1 << 20) / passS);
        std::printf("window               %lld items\n", qlonglong(file->windowSize()));
        timer.restart();
        const tl::PromptItem again = source->at(total); // the next cycle starts over
        const double cycleMs = double(timer.nsecsElapsed()) / 1e6;
        std::printf("cycle to the start   %.3f ms (item 0 again: %s)\n", cycleMs,
            again.text == first.text ? "yes" : "NO");
    }
    std::printf("RSS before load      %.1f MB\n", double(rssBefore) / 1024);
    std::printf("peak RSS             %.1f MB\n", double(procStatusKb("VmHWM:")) / 1024);
    std::printf("(%lld characters read)\n", chars);
    return 0;
}
