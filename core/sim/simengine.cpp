#include "sim/simengine.h"

#include "sim/simworker.h"
#include "sim/simtracefile.h"

#include <QFile>
#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tl {

namespace {

// Prefix-cache entries kept before the cache is simply emptied (a few MB); a benchmark never comes near it.
constexpr std::size_t MaxPrefixBlocks = std::size_t{1} << 20;

quint64 splitmix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
}

// A uniform double in [0, 1) from the i-th draw of a request; implemented here rather than with <random>'s
// distributions, whose output differs between standard libraries.
double uniform(quint64 requestSeed, quint64 i)
{
    return static_cast<double>(splitmix64(requestSeed + i * 0x632BE59BD9B4E019ULL) >> 11U) * 0x1.0p-53;
}

qint64 msToNs(double ms)
{
    return static_cast<qint64>(std::llround(std::max(0.0, ms) * 1e6));
}

void appendArray(QByteArray& out, const std::vector<qint64>& values)
{
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(values[i]);
    }
    out += ']';
}

} // namespace

QByteArray SimTraceRecord::toJsonLine() const
{
    QByteArray out;
    out.reserve(192 + static_cast<qsizetype>(chunkNs.size() + plannedNs.size()) * 20);
    out += R"({"id":")";
    out += id; // ids are [a-z_-0-9]: no escaping needed
    out += R"(","received_ns":)";
    out += QByteArray::number(receivedNs);
    out += R"(,"arrived_ns":)";
    out += QByteArray::number(arrivedNs);
    out += R"(,"headers_ns":)";
    out += QByteArray::number(headersNs);
    out += R"(,"chunk_ns":)";
    appendArray(out, chunkNs);
    out += R"(,"planned_ns":)";
    appendArray(out, plannedNs);
    out += R"(,"end_ns":)";
    out += QByteArray::number(endNs);
    out += R"(,"prompt_tokens":)";
    out += QByteArray::number(promptTokens);
    out += R"(,"completion_tokens":)";
    out += QByteArray::number(completionTokens);
    out += R"(,"cached_tokens":)";
    out += QByteArray::number(cachedTokens);
    out += R"(,"status":)";
    out += QByteArray::number(status);
    out += R"(,"fault":)";
    if (fault == SimFaultKind::None) {
        out += "null";
    } else {
        out += '"';
        out += SimFault::name(fault);
        out += '"';
    }
    out += '}';
    return out;
}

SimEngine::SimEngine(const SimConfig& config)
    : m_config(config)
    , m_tracing(config.recordTrace || !config.traceOut.isEmpty())
{
}

SimEngine::~SimEngine() = default;

quint64 SimEngine::requestSeed(quint64 number) const
{
    return splitmix64(splitmix64(m_config.seed) ^ number);
}

int SimEngine::sampleNaturalLength(quint64 seed) const
{
    const SimLengthDistribution& d = m_config.outputLengths;
    double n = m_config.defaultOutputTokens;
    switch (d.kind) {
    case SimLengthDistribution::Kind::Fixed:
        break;
    case SimLengthDistribution::Kind::Uniform:
        // Whole numbers from a to b inclusive, equally likely.
        n = std::floor(d.a + uniform(seed, 1) * (std::floor(d.b) - d.a + 1.0));
        break;
    case SimLengthDistribution::Kind::Normal: {
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double r = std::sqrt(-2.0 * std::log(1.0 - uniform(seed, 1)));
        n = std::round(d.a + d.b * r * std::cos(2.0 * std::numbers::pi * uniform(seed, 2)));
        break;
    }
    }
    return static_cast<int>(std::clamp(n, 1.0, 1'000'000.0));
}

SimFaultKind SimEngine::pickFault(quint64 number, quint64 seed) const
{
    // The first rule that strikes wins: schedules before probabilities within one rule, rules in given order.
    quint64 draw = 16;
    for (const SimFaultRule& rule : m_config.faults) {
        if (rule.every > 0 && number % static_cast<quint64>(rule.every) == 0)
            return rule.kind;
        if (rule.probability > 0.0 && uniform(seed, draw++) < rule.probability)
            return rule.kind;
    }
    return SimFaultKind::None;
}

bool SimEngine::tryAcquire(SimWorker* worker, quint64 streamId)
{
    const std::lock_guard lock(m_mutex);
    if (m_waiting.empty() && m_running.load(std::memory_order_relaxed) < m_config.maxNumSeqs) {
        m_running.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    m_waiting.push_back({worker, streamId});
    return false;
}

void SimEngine::release()
{
    Waiter next;
    {
        const std::lock_guard lock(m_mutex);
        if (m_waiting.empty()) {
            m_running.fetch_sub(1, std::memory_order_relaxed);
            return;
        }
        next = m_waiting.front();
        m_waiting.pop_front();
    }
    // The slot passes to the waiter without ever being free, so the queue stays FIFO. Queued even for this
    // thread's own streams: release() is called from deep inside a write.
    SimWorker* worker = next.worker;
    const quint64 id = next.streamId;
    QMetaObject::invokeMethod(
        worker, [worker, id] { worker->admitWaiting(id); }, Qt::QueuedConnection);
}

bool SimEngine::cancelWaiting(SimWorker* worker, quint64 streamId)
{
    const std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
        [&](const Waiter& w) { return w.worker == worker && w.streamId == streamId; });
    if (it == m_waiting.end())
        return false;
    m_waiting.erase(it);
    return true;
}

int SimEngine::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_waiting.size());
}

qint64 SimEngine::schedulePrefill(qint64 startNs, int tokens)
{
    if (m_config.prefillTokPerS <= 0.0 || tokens <= 0)
        return startNs;
    const auto durationNs = static_cast<qint64>(std::llround(tokens / m_config.prefillTokPerS * 1e9));
    const std::lock_guard lock(m_mutex);
    const qint64 begin = std::max(startNs, m_prefillBusyUntilNs);
    m_prefillBusyUntilNs = begin + durationNs;
    return m_prefillBusyUntilNs;
}

int SimEngine::matchPrefix(const std::vector<quint64>& blockHashes)
{
    const std::lock_guard lock(m_mutex);
    int matched = 0;
    while (matched < static_cast<int>(blockHashes.size())
        && m_prefixBlocks.contains(blockHashes[static_cast<std::size_t>(matched)]))
        ++matched;
    if (m_prefixBlocks.size() + blockHashes.size() > MaxPrefixBlocks)
        m_prefixBlocks.clear();
    m_prefixBlocks.insert(blockHashes.begin(), blockHashes.end());
    return matched;
}

void SimEngine::rememberPrefix(const std::vector<quint64>& blockHashes)
{
    const std::lock_guard lock(m_mutex);
    if (m_prefixBlocks.size() + blockHashes.size() > MaxPrefixBlocks)
        m_prefixBlocks.clear();
    m_prefixBlocks.insert(blockHashes.begin(), blockHashes.end());
}

qint64 SimEngine::decodeStepNs() const
{
    return msToNs(m_config.decodeBaseMs + m_config.decodePerSeqMs * running());
}

void SimEngine::countResponse(int status)
{
    const std::lock_guard lock(m_mutex);
    ++m_responsesByStatus[status];
}

QByteArray SimEngine::metricsText() const
{
    const QByteArray model = m_config.modelName.toUtf8().replace('\\', "\\\\").replace('"', "\\\"");
    const QByteArray label = "{model_name=\"" + model + "\"}";
    QByteArray out;
    const auto gauge = [&](const char* name, const char* help, const char* type, const QByteArray& value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        out += QByteArray(name) + label + ' ' + value + '\n';
    };
    int waitingNow = 0;
    std::map<int, quint64> byStatus;
    {
        const std::lock_guard lock(m_mutex);
        waitingNow = static_cast<int>(m_waiting.size());
        byStatus = m_responsesByStatus;
    }
    gauge("vllm:num_requests_running", "Number of requests in model execution batches.", "gauge",
        QByteArray::number(running()));
    gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", "gauge",
        QByteArray::number(waitingNow));
    gauge("vllm:prompt_tokens_total", "Number of prefill tokens processed.", "counter",
        QByteArray::number(m_promptTokens.load(std::memory_order_relaxed)));
    gauge("vllm:generation_tokens_total", "Number of generation tokens processed.", "counter",
        QByteArray::number(m_generationTokens.load(std::memory_order_relaxed)));
    out += "# HELP throughline_sim_responses_total HTTP responses by status code.\n"
           "# TYPE throughline_sim_responses_total counter\n";
    for (const auto& [status, count] : byStatus) {
        out += "throughline_sim_responses_total{model_name=\"" + model + "\",status=\"" + QByteArray::number(status)
            + "\"} " + QByteArray::number(count) + '\n';
    }
    return out;
}

void SimEngine::addTrace(SimTraceRecord record)
{
    if (m_traceFile)
        m_traceFile->append(record);
    if (!m_config.recordTrace)
        return;
    const std::lock_guard lock(m_traceMutex);
    m_traces.push_back(std::move(record));
}

std::vector<SimTraceRecord> SimEngine::traces() const
{
    const std::lock_guard lock(m_traceMutex);
    return m_traces;
}

} // namespace tl
