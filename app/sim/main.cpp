// throughline-sim: the emulated OpenAI-compatible model server as a stand-alone executable.

#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "util/tr.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>

namespace {

// Set from the signal handler, polled by a timer: the only things a handler may safely touch.
std::atomic<bool> g_stopRequested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void requestStop(int /*signal*/)
{
    g_stopRequested.store(true);
}

// Exit code 2 for a bad command line, as getopt-style tools do; the line names the flag.
int usageError(const QString& message)
{
    std::fprintf(stderr, "throughline-sim: %s\n", qPrintable(message));
    return 2;
}

std::optional<double> readMilliseconds(const QCommandLineParser& parser, const QString& name)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0)
        return std::nullopt;
    return value;
}

std::optional<int> readInt(const QCommandLineParser& parser, const QString& name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

QString description()
{
    return tl::Tr::tr(
        "Emulated OpenAI-compatible model server (vLLM-style) for trying Throughline without a GPU.\n"
        "Endpoints: POST /v1/chat/completions, POST /v1/completions, GET /v1/models, GET /health.\n"
        "\n"
        "Every request waits --ttft-ms for its first token, then --itl-ms between tokens, on absolute\n"
        "deadlines counted from the moment the request was received.\n"
        "Output length n: with \"ignore_eos\": true, max_tokens (16 if absent); otherwise\n"
        "min(max_tokens, --output-tokens), or --output-tokens without max_tokens; then at least\n"
        "min_tokens, and at least 1. finish_reason is \"length\" when n reached max_tokens, else \"stop\".\n"
        "Prompt tokens (usage.prompt_tokens): chat = sum over messages of\n"
        "max(1, ceil(UTF-8 bytes of the content / 4)) + 4 per message; completions = ceil(UTF-8 bytes / 4)\n"
        "for a string prompt, or the number of token ids for a list.\n"
        "The k-th output token is \" \" + a word from a fixed 64-word list, one token per SSE chunk.");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("throughline-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THROUGHLINE_VERSION));

    const tl::SimConfig defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("host"), tl::Tr::tr("Address to listen on."), tl::Tr::tr("address"), defaults.host},
        {QStringLiteral("port"), tl::Tr::tr("Port to listen on; 0 picks a free one."), tl::Tr::tr("port"),
            QStringLiteral("8000")},
        {QStringLiteral("ttft-ms"), tl::Tr::tr("Time to first token in milliseconds."), tl::Tr::tr("ms"),
            QString::number(defaults.ttftMs)},
        {QStringLiteral("itl-ms"), tl::Tr::tr("Inter-token latency in milliseconds."), tl::Tr::tr("ms"),
            QString::number(defaults.itlMs)},
        {QStringLiteral("output-tokens"), tl::Tr::tr("Output length when the client does not set ignore_eos."),
            tl::Tr::tr("n"), QString::number(defaults.defaultOutputTokens)},
        {QStringLiteral("threads"), tl::Tr::tr("Event-loop threads; 0 uses one per CPU core."), tl::Tr::tr("n"),
            QString::number(defaults.threads)},
        {QStringLiteral("model-name"), tl::Tr::tr("Model id reported by /v1/models (any model is served)."),
            tl::Tr::tr("name"), defaults.modelName},
        {QStringLiteral("api-key"), tl::Tr::tr("Require 'Authorization: Bearer <key>' on /v1 endpoints."),
            tl::Tr::tr("key")},
        {QStringLiteral("verbose"), tl::Tr::tr("Log every request to stderr.")},
    });

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(tl::Tr::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    tl::SimConfig config;
    config.host = parser.value(QStringLiteral("host"));
    const auto port = readInt(parser, QStringLiteral("port"), 0, 65535);
    const auto ttft = readMilliseconds(parser, QStringLiteral("ttft-ms"));
    const auto itl = readMilliseconds(parser, QStringLiteral("itl-ms"));
    const auto outputTokens = readInt(parser, QStringLiteral("output-tokens"), 1, 1'000'000);
    const auto threads = readInt(parser, QStringLiteral("threads"), 0, 1024);
    if (!port)
        return usageError(tl::Tr::tr("--port expects a port number from 0 to 65535, got '%1'")
                              .arg(parser.value(QStringLiteral("port"))));
    if (!ttft)
        return usageError(tl::Tr::tr("--ttft-ms expects a non-negative number of milliseconds, got '%1'")
                              .arg(parser.value(QStringLiteral("ttft-ms"))));
    if (!itl)
        return usageError(tl::Tr::tr("--itl-ms expects a non-negative number of milliseconds, got '%1'")
                              .arg(parser.value(QStringLiteral("itl-ms"))));
    if (!outputTokens)
        return usageError(tl::Tr::tr("--output-tokens expects a whole number of at least 1, got '%1'")
                              .arg(parser.value(QStringLiteral("output-tokens"))));
    if (!threads)
        return usageError(tl::Tr::tr("--threads expects a whole number from 0 to 1024, got '%1'")
                              .arg(parser.value(QStringLiteral("threads"))));
    if (parser.value(QStringLiteral("model-name")).isEmpty())
        return usageError(tl::Tr::tr("--model-name must not be empty"));
    config.port = static_cast<quint16>(*port);
    config.ttftMs = *ttft;
    config.itlMs = *itl;
    config.defaultOutputTokens = *outputTokens;
    config.threads = *threads;
    config.modelName = parser.value(QStringLiteral("model-name"));
    config.apiKey = parser.value(QStringLiteral("api-key"));
    config.verbose = parser.isSet(QStringLiteral("verbose"));

    tl::SimServer server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "throughline-sim: %s\n", qPrintable(error));
        return 1;
    }
    // Scripts and tests read the port from this exact line, so it is neither translated nor buffered.
    std::printf("throughline-sim listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [&server] {
        if (!g_stopRequested.load())
            return;
        server.stop();
        QCoreApplication::quit();
    });
    stopPoll.start(50);
    return QCoreApplication::exec();
}
