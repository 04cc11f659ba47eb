// The command line of the emulated server, shared by `throughline-sim` and `throughline-cli sim`.

#include "sim/simcommandline.h"

#include "tokenizer/tokenizer.h"
#include "sim/simconfig.h"
#include "sim/simfault.h"
#include "sim/simpreset.h"
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

// The fault kinds, a few to a line so that --help stays within 100 columns.
QString faultKindList()
{
    const QStringList names = tl::SimFault::names();
    QString out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i % 4 == 0 ? QStringLiteral(",\n  ") : QStringLiteral(", ");
        out += names.at(i);
    }
    return out;
}

QString description()
{
    return tl::Tr::tr(
        "Emulated OpenAI-compatible model server (vLLM-style) for trying Throughline without a GPU.\n"
        "Endpoints: POST /v1/chat/completions, /v1/completions, /v1/responses, /v1/embeddings, /v1/rerank\n"
        "(and /v1/reranks); GET /v1/models, /health, /metrics (Prometheus text). docs/SIM.md describes\n"
        "everything below in full.\n"
        "\n"
        "Serving model: at most --max-num-seqs requests run at once (default 1024); the rest wait in one\n"
        "FIFO queue. A prefill costs prompt tokens / --prefill-tok-per-s seconds (0 = free; prefills run one\n"
        "at a time). Timing, fixed model (default): first token --ttft-ms after admission and prefill, then\n"
        "one token every --itl-ms, on absolute deadlines. Batched model (when --decode-base-ms is given):\n"
        "each token takes one decode step of --decode-base-ms + --decode-per-seq-ms x running requests, so\n"
        "latency grows with load and throughput saturates. Options override the --preset they follow from.\n"
        "Output length n: with \"ignore_eos\": true, max_tokens (16 if absent); otherwise min(max_tokens, L),\n"
        "or L without max_tokens, where L is --output-tokens or drawn from --output-len-dist; then at least\n"
        "min_tokens, and at least 1. finish_reason is \"length\" when n reached max_tokens, else \"stop\".\n"
        "Draws (lengths, faults) depend only on --seed and the request's number (1, 2, ... as parsed).\n"
        "Prompt tokens (usage.prompt_tokens): chat = sum over messages of\n"
        "max(1, ceil(UTF-8 bytes of the content / 4)) + 4 per message; completions = ceil(UTF-8 bytes / 4)\n"
        "for a string prompt, or the number of token ids for a list. With --prefix-cache, leading 16-token\n"
        "blocks seen before skip prefill and are reported in usage.prompt_tokens_details.cached_tokens.\n"
        "The k-th output token is \" \" + a word from a fixed 64-word list, --tokens-per-chunk per SSE chunk.\n"
        "Fault kinds for --fault/--fault-every (mid-stream ones strike at token ceil(n/2)):\n  %1.\n"
        "--trace-out writes one JSON line per completion request as it ends (flushed at least once a second):\n"
        "{\"id\",\"received_ns\",\"arrived_ns\",\"headers_ns\",\"chunk_ns\":[..],\"planned_ns\":[..],\"end_ns\",\n"
        "\"prompt_tokens\",\"completion_tokens\",\"cached_tokens\",\"status\",\"fault\"}, CLOCK_MONOTONIC nanoseconds\n"
        "(arrived_ns: the kernel's receive time of the request, 0 when it gave none).")
        .arg(faultKindList());
}

} // namespace

int tl::SimCommandLine::run(const QStringList& arguments)
{

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
        {QStringLiteral("preset"),
            tl::Tr::tr("Serving-model preset: fast-gpu, slow-cpu, or a JSON file with the long option names as keys."),
            tl::Tr::tr("name|file")},
        {QStringLiteral("max-num-seqs"), tl::Tr::tr("Sequence slots; more requests wait in a FIFO queue."),
            tl::Tr::tr("n"), QString::number(defaults.maxNumSeqs)},
        {QStringLiteral("prefill-tok-per-s"), tl::Tr::tr("Prompt tokens prefilled per second; 0 = free."),
            tl::Tr::tr("tokens"), QString::number(defaults.prefillTokPerS)},
        {QStringLiteral("decode-base-ms"),
            tl::Tr::tr(
                "Fixed part of a decode step; giving it selects the batched model (ignores --ttft-ms/--itl-ms)."),
            tl::Tr::tr("ms")},
        {QStringLiteral("decode-per-seq-ms"), tl::Tr::tr("Decode step cost per running request (batched model)."),
            tl::Tr::tr("ms"), QString::number(defaults.decodePerSeqMs)},
        {QStringLiteral("output-len-dist"),
            tl::Tr::tr("Output length when the client sets no limit: fixed (--output-tokens), uniform:MIN:MAX or "
                       "normal:MEAN:STD."),
            tl::Tr::tr("spec"), QStringLiteral("fixed")},
        {QStringLiteral("seed"), tl::Tr::tr("Seed of the per-request draws (lengths, faults)."), tl::Tr::tr("n"),
            QString::number(defaults.seed)},
        {QStringLiteral("prefix-cache"),
            tl::Tr::tr("Report repeated prompt prefixes as cached_tokens and skip their "
                       "prefill.")},
        {QStringLiteral("no-prefix-cache"), tl::Tr::tr("Turn the prefix cache off (after a preset turned it on).")},
        {QStringLiteral("tokenizer-path"),
            tl::Tr::tr("Count prompt tokens with this Hugging Face tokenizer (a model folder or tokenizer.json; chat "
                       "through its chat template) instead of 4 bytes a token."),
            tl::Tr::tr("path")},
        {QStringLiteral("stale-keep-alive"),
            tl::Tr::tr("Advertise keep-alive but close a connection, without an answer, when a second request "
                       "arrives on it (servers that drop idle keep-alive connections).")},
        {QStringLiteral("close-after-response"),
            tl::Tr::tr("Advertise keep-alive but close every connection right after its response (as llama.cpp's "
                       "server does).")},
        {QStringLiteral("close-delay-ms"),
            tl::Tr::tr("With --close-after-response: send the FIN this many ms after the response, reading nothing "
                       "meanwhile (a client that reuses the connection races the close)."),
            tl::Tr::tr("ms"), QStringLiteral("0")},
        {QStringLiteral("tokens-per-chunk"), tl::Tr::tr("Tokens coalesced into one SSE chunk."), tl::Tr::tr("k"),
            QString::number(defaults.tokensPerChunk)},
        {QStringLiteral("fault"),
            tl::Tr::tr("Inject KIND into each completion request with probability PROB (0..1); repeatable."),
            tl::Tr::tr("kind:prob")},
        {QStringLiteral("fault-every"), tl::Tr::tr("Inject KIND into every N-th completion request; repeatable."),
            tl::Tr::tr("kind:n")},
        {QStringLiteral("fault-stall-s"), tl::Tr::tr("Seconds without a byte for stall-mid-stream."), tl::Tr::tr("s"),
            QString::number(defaults.faultStallS)},
        {QStringLiteral("fault-slow-headers-s"), tl::Tr::tr("Seconds before the status line for slow-headers."),
            tl::Tr::tr("s"), QString::number(defaults.faultSlowHeadersS)},
        {QStringLiteral("timer-slack-us"),
            tl::Tr::tr("A thread wakes at most once per this many microseconds; events due in between go out "
                       "together, that much late at most. 0 = wake for every deadline."),
            tl::Tr::tr("us"), QString::number(defaults.timerSlackUs)},
        {QStringLiteral("trace-out"),
            tl::Tr::tr(
                "Write every completion request's write times (ground truth) here, one JSON line each, as they end."),
            tl::Tr::tr("file")},
    });

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(tl::Tr::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    tl::SimConfig config;
    if (parser.isSet(QStringLiteral("preset"))) {
        QString error;
        if (!tl::SimPreset::apply(parser.value(QStringLiteral("preset")), &config, &error))
            return usageError(QStringLiteral("--preset: ") + error);
    }
    const auto isSet = [&parser](const char* name) { return parser.isSet(QString::fromLatin1(name)); };
    const auto value = [&parser](const char* name) { return parser.value(QString::fromLatin1(name)); };
    const auto badNumber = [&](const char* name, const QString& what) {
        return usageError(tl::Tr::tr("--%1 expects %2, got '%3'").arg(QLatin1String(name), what, value(name)));
    };
    // Options given on the command line override the preset; the rest keep its (or the default) values.
    const auto readMs = [&](const char* name, double* out) {
        if (!isSet(name))
            return true;
        const auto v = readMilliseconds(parser, QString::fromLatin1(name));
        if (v)
            *out = *v;
        return v.has_value();
    };
    const auto readCount = [&](const char* name, int min, int max, int* out) {
        if (!isSet(name))
            return true;
        const auto v = readInt(parser, QString::fromLatin1(name), min, max);
        if (v)
            *out = *v;
        return v.has_value();
    };

    config.host = value("host");
    const auto port = readInt(parser, QStringLiteral("port"), 0, 65535);
    if (!port)
        return usageError(tl::Tr::tr("--port expects a port number from 0 to 65535, got '%1'").arg(value("port")));
    if (!readMs("ttft-ms", &config.ttftMs))
        return badNumber("ttft-ms", tl::Tr::tr("a non-negative number of milliseconds"));
    if (!readMs("itl-ms", &config.itlMs))
        return badNumber("itl-ms", tl::Tr::tr("a non-negative number of milliseconds"));
    if (!readCount("output-tokens", 1, 1'000'000, &config.defaultOutputTokens))
        return badNumber("output-tokens", tl::Tr::tr("a whole number of at least 1"));
    if (!readCount("threads", 0, 1024, &config.threads))
        return badNumber("threads", tl::Tr::tr("a whole number from 0 to 1024"));
    if (!readCount("max-num-seqs", 1, 1'000'000, &config.maxNumSeqs))
        return badNumber("max-num-seqs", tl::Tr::tr("a whole number of at least 1"));
    if (!readMs("prefill-tok-per-s", &config.prefillTokPerS))
        return badNumber("prefill-tok-per-s", tl::Tr::tr("a non-negative number of tokens per second"));
    if (!readMs("decode-base-ms", &config.decodeBaseMs))
        return badNumber("decode-base-ms", tl::Tr::tr("a non-negative number of milliseconds"));
    if (!readMs("decode-per-seq-ms", &config.decodePerSeqMs))
        return badNumber("decode-per-seq-ms", tl::Tr::tr("a non-negative number of milliseconds"));
    if (!readCount("close-delay-ms", 0, 60'000, &config.closeAfterResponseDelayMs))
        return badNumber("close-delay-ms", tl::Tr::tr("a whole number of milliseconds from 0 to 60000"));
    if (!readCount("tokens-per-chunk", 1, 1'000'000, &config.tokensPerChunk))
        return badNumber("tokens-per-chunk", tl::Tr::tr("a whole number of at least 1"));
    if (!readMs("timer-slack-us", &config.timerSlackUs))
        return badNumber("timer-slack-us", tl::Tr::tr("a non-negative number of microseconds"));
    if (!readMs("fault-stall-s", &config.faultStallS))
        return badNumber("fault-stall-s", tl::Tr::tr("a non-negative number of seconds"));
    if (!readMs("fault-slow-headers-s", &config.faultSlowHeadersS))
        return badNumber("fault-slow-headers-s", tl::Tr::tr("a non-negative number of seconds"));
    if (isSet("output-len-dist")) {
        QString error;
        if (!tl::SimLengthDistribution::parse(value("output-len-dist"), &config.outputLengths, &error))
            return usageError(QStringLiteral("--output-len-dist: ") + error);
    }
    if (isSet("seed")) {
        bool ok = false;
        config.seed = value("seed").toULongLong(&ok);
        if (!ok)
            return badNumber("seed", tl::Tr::tr("a non-negative whole number"));
    }
    if (isSet("tokenizer-path")) {
        QString error;
        config.tokenizer = tl::Tokenizer::load(value("tokenizer-path"), &error);
        if (!config.tokenizer)
            return usageError(QStringLiteral("--tokenizer-path: ") + error);
    }
    if (isSet("stale-keep-alive"))
        config.staleKeepAlive = true;
    if (isSet("close-after-response"))
        config.closeAfterResponse = true;
    if (isSet("prefix-cache"))
        config.prefixCache = true;
    if (isSet("no-prefix-cache"))
        config.prefixCache = false;
    for (const bool schedule : {false, true}) {
        const QString flag = schedule ? QStringLiteral("fault-every") : QStringLiteral("fault");
        for (const QString& text : parser.values(flag)) {
            tl::SimFaultRule rule;
            QString error;
            if (!tl::SimFault::parseRule(text, schedule, &rule, &error))
                return usageError(QStringLiteral("--") + flag + QStringLiteral(": ") + error);
            config.faults.append(rule);
        }
    }
    if (value("model-name").isEmpty())
        return usageError(tl::Tr::tr("--model-name must not be empty"));
    config.port = static_cast<quint16>(*port);
    config.modelName = value("model-name");
    config.apiKey = value("api-key");
    config.verbose = isSet("verbose");
    config.traceOut = value("trace-out");

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
    QObject::connect(&stopPoll, &QTimer::timeout, QCoreApplication::instance(), [&server] {
        if (!g_stopRequested.load())
            return;
        server.stop();
        QCoreApplication::quit();
    });
    stopPoll.start(50);
    return QCoreApplication::exec();
}
