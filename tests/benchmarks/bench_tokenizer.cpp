// bench_tokenizer: single-threaded encode speed of the tokenizer (docs/PERFORMANCE.md, "Tokenizer").
//
// For each fixture tokenizer (gpt2, qwen3, mistral7b, bert-base-uncased, unigram-docs, albert-base-v2 under
// --tokenizers) and each sample text (--english, --cjk), the text is repeated to --mb megabytes and encoded line
// by line, the way prompts are encoded. Prints the first run (empty word cache), the median of --runs further runs
// in MB/s of UTF-8 input, the median per second of this thread's CPU time, and tokens per second. Default samples
// are Debian files: the GPL-3 text (English prose) and systemd's Simplified Chinese message catalogue (Chinese
// mixed with English words, identifiers and URLs).

#include "tokenizer/pretokenizer.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

struct Sample {
    QString name;
    std::vector<std::string> lines;
    size_t bytes = 0;
};

bool loadSample(const QString& name, const QString& path, double megabytes, Sample* sample)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(
            stderr, "%s: cannot read %s (%s)\n", qPrintable(name), qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    sample->name = name;
    const auto target = static_cast<size_t>(megabytes * 1e6);
    while (sample->bytes < target) {
        for (const QByteArray& line : lines) {
            if (line.isEmpty())
                continue;
            sample->lines.emplace_back(line.constData(), static_cast<size_t>(line.size()));
            sample->bytes += static_cast<size_t>(line.size());
        }
    }
    return true;
}

struct RunResult {
    double seconds;
    double cpuSeconds; // this thread's CPU time: on a shared machine wall time also counts waiting for a core
    size_t tokens;
};

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

RunResult encodeAll(const tl::Tokenizer& tokenizer, const Sample& sample)
{
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuSeconds();
    size_t tokens = 0;
    for (const std::string& line : sample.lines)
        tokens += static_cast<size_t>(tokenizer.count(line));
    return RunResult{static_cast<double>(timer.nsecsElapsed()) / 1e9, threadCpuSeconds() - cpuStart, tokens};
}

// Pre-tokenizer split speed of one Split pattern on the hand-written matcher and on the general (PCRE2) path.
RunResult splitAll(const tl::PreTokenizer& pre, const Sample& sample)
{
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuSeconds();
    std::vector<tl::PreTokenizer::Range> words;
    size_t pieces = 0;
    for (const std::string& line : sample.lines) {
        pre.split(line, words);
        pieces += words.size();
    }
    return RunResult{static_cast<double>(timer.nsecsElapsed()) / 1e9, threadCpuSeconds() - cpuStart, pieces};
}

void benchPreTokenizer(const std::vector<Sample>& samples, int runs)
{
    const std::pair<const char*, const char*> patterns[] = {
        {"gpt2", R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)"},
        {"qwen2", R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)"},
    };
    std::printf("\n%-10s %-10s %-8s %12s %15s\n", "pattern", "text", "path", "median MB/s", "median MB/cpu-s");
    for (const auto& [name, regex] : patterns) {
        const nlohmann::json json
            = {{"type", "Split"}, {"pattern", {{"Regex", regex}}}, {"behavior", "Isolated"}, {"invert", false}};
        QString error;
        const auto fast = tl::PreTokenizer::fromJson(json, &error);
        const auto general = tl::PreTokenizer::fromJsonGeneral(json, &error);
        if (!fast || !general) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return;
        }
        for (const Sample& sample : samples) {
            for (const auto& [path, pre] : {std::pair{"matcher", fast.get()}, std::pair{"pcre2", general.get()}}) {
                std::vector<double> rates;
                std::vector<double> cpuRates;
                for (int r = 0; r < runs; ++r) {
                    const RunResult run = splitAll(*pre, sample);
                    rates.push_back(static_cast<double>(sample.bytes) / 1e6 / run.seconds);
                    cpuRates.push_back(static_cast<double>(sample.bytes) / 1e6 / run.cpuSeconds);
                }
                std::sort(rates.begin(), rates.end());
                std::sort(cpuRates.begin(), cpuRates.end());
                std::printf("%-10s %-10s %-8s %12.1f %15.1f\n", name, qPrintable(sample.name), path,
                    rates[rates.size() / 2], cpuRates[cpuRates.size() / 2]);
            }
        }
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tokenizer encode speed (single thread)."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("tokenizers"),
        QStringLiteral("Folder holding gpt2/, qwen3/, mistral7b/, bert-base-uncased/, unigram-docs/, albert-base-v2/."),
        QStringLiteral("dir"), QStringLiteral(THROUGHLINE_TOKENIZER_DATA));
    const QCommandLineOption englishOption(QStringLiteral("english"), QStringLiteral("English sample text."),
        QStringLiteral("file"), QStringLiteral("/usr/share/common-licenses/GPL-3"));
    const QCommandLineOption cjkOption(QStringLiteral("cjk"), QStringLiteral("Mixed CJK sample text."),
        QStringLiteral("file"), QStringLiteral("/usr/lib/systemd/catalog/systemd.zh_CN.catalog"));
    const QCommandLineOption mbOption(QStringLiteral("mb"), QStringLiteral("Megabytes of text per run (default 4)."),
        QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Timed runs after the first (default 5)."), QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({dirOption, englishOption, cjkOption, mbOption, runsOption});
    parser.process(app);
    const double mb = parser.value(mbOption).toDouble();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    std::vector<Sample> samples(2);
    if (!loadSample(QStringLiteral("english"), parser.value(englishOption), mb, &samples[0])
        || !loadSample(QStringLiteral("mixed-cjk"), parser.value(cjkOption), mb, &samples[1]))
        return 1;

    std::printf("%-10s %-10s %7s %11s %12s %15s %8s\n", "tokenizer", "text", "load s", "first MB/s", "median MB/s",
        "median MB/cpu-s", "Mtok/s");
    for (const char* name : {"gpt2", "qwen3", "mistral7b", "bert-base-uncased", "unigram-docs", "albert-base-v2"}) {
        QElapsedTimer loadTimer;
        loadTimer.start();
        QString error;
        const auto tokenizer
            = tl::Tokenizer::load(parser.value(dirOption) + QLatin1Char('/') + QLatin1String(name), &error);
        if (!tokenizer) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const double loadSeconds = static_cast<double>(loadTimer.nsecsElapsed()) / 1e9;
        for (const Sample& sample : samples) {
            const RunResult first = encodeAll(*tokenizer, sample);
            std::vector<double> rates;
            std::vector<double> cpuRates;
            size_t tokens = 0;
            for (int r = 0; r < runs; ++r) {
                const RunResult run = encodeAll(*tokenizer, sample);
                rates.push_back(static_cast<double>(sample.bytes) / 1e6 / run.seconds);
                cpuRates.push_back(static_cast<double>(sample.bytes) / 1e6 / run.cpuSeconds);
                tokens = run.tokens;
            }
            std::sort(rates.begin(), rates.end());
            std::sort(cpuRates.begin(), cpuRates.end());
            const double median = rates[rates.size() / 2];
            const double cpuMedian = cpuRates[cpuRates.size() / 2];
            const double firstRate = static_cast<double>(sample.bytes) / 1e6 / first.seconds;
            const double tokensPerByte = static_cast<double>(tokens) / static_cast<double>(sample.bytes);
            std::printf("%-10s %-10s %7.2f %11.1f %12.1f %15.1f %8.2f\n", name, qPrintable(sample.name), loadSeconds,
                firstRate, median, cpuMedian, median * tokensPerByte);
        }
    }
    benchPreTokenizer(samples, runs);
    return 0;
}
