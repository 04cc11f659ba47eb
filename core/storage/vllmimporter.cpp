#include "storage/vllmimporter.h"

#include "metrics/metriccatalogue.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QList<Json> parseObjects(const QByteArray& data)
{
    QList<Json> out;
    // Python's json.dump writes NaN/Infinity for non-finite floats.
    QByteArray fixed = data;
    fixed.replace("NaN", "null").replace("-Infinity", "null").replace("Infinity", "null");
    Json whole = Json::parse(fixed.cbegin(), fixed.cend(), nullptr, false);
    if (whole.is_object()) {
        out.append(whole);
        return out;
    }
    if (whole.is_array()) {
        for (const Json& j : whole) {
            if (j.is_object())
                out.append(j);
        }
        return out;
    }
    // --append-result: one object per line.
    for (const QByteArray& line : fixed.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        Json j = Json::parse(line.cbegin(), line.cend(), nullptr, false);
        if (!j.is_object())
            return {};
        out.append(j);
    }
    return out;
}

double num(const Json& j, const char* key, double fallback = kNaN)
{
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<double>() : fallback;
}

QString str(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() ? jsonutil::toQString(*it) : QString();
}

bool isResult(const Json& j)
{
    return j.is_object() && j.contains("duration") && j.contains("completed")
        && (j.contains("request_throughput") || j.contains("mean_ttft_ms"));
}

// vLLM's own percentile keys (p99_ttft_ms, median_ttft_ms, ...) as a percentile table in EvalScope's metric names.
PercentileTable percentilesFromAggregates(const Json& j)
{
    struct Metric {
        const char* suffix;
        MetricId column;
        double scale;
    };
    const Metric metrics[] = {{"ttft_ms", MetricId::Ttft, 1.0}, {"itl_ms", MetricId::Itl, 1.0},
        {"tpot_ms", MetricId::Tpot, 1.0}, {"e2el_ms", MetricId::Latency, 0.001}};
    // Which percentiles the file has: the union over the metrics, in numeric order.
    QList<double> points;
    for (const auto& [key, value] : j.items()) {
        if (key.size() > 1 && key[0] == 'p' && value.is_number()) {
            const auto underscore = key.find('_');
            bool ok = false;
            const double p = QString::fromStdString(key.substr(1, underscore - 1)).toDouble(&ok);
            if (ok && !points.contains(p))
                points.append(p);
        }
    }
    const bool hasMedian = j.contains("median_ttft_ms") || j.contains("median_e2el_ms");
    if (hasMedian && !points.contains(50.0))
        points.append(50.0);
    std::sort(points.begin(), points.end());
    PercentileTable t;
    if (points.isEmpty())
        return t;
    for (double p : points)
        t.labels.append(QString::number(p) + u'%');
    for (const Metric& m : metrics) {
        QVector<double> values;
        bool any = false;
        for (double p : points) {
            std::string key = "p" + QString::number(p).toStdString() + "_" + m.suffix;
            double v = num(j, key.c_str());
            if (std::isnan(v) && p == 50.0)
                v = num(j, (std::string("median_") + m.suffix).c_str());
            any = any || !std::isnan(v);
            values.append(std::isnan(v) ? v : v * m.scale);
        }
        if (any) {
            t.metrics.append(MetricCatalogue::get(m.column).keyString());
            t.values.append(values);
        }
    }
    return t;
}

} // namespace

bool VllmImporter::recognises(const QByteArray& data)
{
    const QList<Json> objects = parseObjects(data);
    return !objects.isEmpty() && isResult(objects.first());
}

std::optional<RunData> VllmImporter::import(const QString& path, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<RunData> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Tr::tr("cannot read '%1': %2").arg(path, f.errorString()));
    const QList<Json> objects = parseObjects(f.readAll());
    if (objects.isEmpty() || !isResult(objects.first()))
        return fail(Tr::tr("'%1' is not a vLLM bench serve result (a JSON object with \"duration\", \"completed\" and "
                           "the throughput keys, as --save-result writes)")
                        .arg(path));

    RunData run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.source = QStringLiteral("vllm");
    run.sourcePath = QFileInfo(path).absoluteFilePath();
    run.status = QStringLiteral("finished");
    const Json& first = objects.first();
    run.model = str(first, "model_id");
    run.api = QStringLiteral("openai");
    const QString label = str(first, "label");
    run.name = !label.isEmpty() ? label : QStringLiteral("vllm ") + run.model.section(u'/', -1);
    run.toolVersion = QStringLiteral("vLLM bench serve");
    const QDateTime when = QDateTime::fromString(str(first, "date"), QStringLiteral("yyyyMMdd-HHmmss"));
    QStringList notes;
    if (when.isValid()) {
        run.createdMs = when.toMSecsSinceEpoch();
    } else {
        run.createdMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
        notes.append(Tr::tr("no \"date\": the run's date is the file's modification time"));
    }
    notes.append(Tr::tr("no endpoint URL (vLLM does not save --base-url/--host/--port)"));

    Json parallels = Json::array();
    Json numbers = Json::array();
    Json rates = Json::array();
    bool anyDetailed = false;
    bool anyAggregate = false;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const Json& j = objects.at(i);
        if (!isResult(j))
            return fail(Tr::tr("'%1': object %2 is not a vLLM bench serve result").arg(path).arg(i + 1));
        PointResult p;
        p.index = int(i);
        p.status = QStringLiteral("completed");
        const double maxConcurrency = num(j, "max_concurrency");
        const double rate = num(j, "request_rate"); // "inf" (a string) = unpaced
        const double completed = num(j, "completed", 0);
        const double failedKey = num(j, "failed");
        const auto ttfts = j.find("ttfts");
        const bool detailed = ttfts != j.end() && ttfts->is_array();
        const int requests = detailed ? int(ttfts->size()) : int(completed + (std::isnan(failedKey) ? 0 : failedKey));
        p.point.rate = std::isnan(rate) ? -1.0 : rate;
        p.point.number = int(num(j, "num_prompts", requests));
        // No --max-concurrency: at --request-rate inf every request starts at once (as many in flight as there
        // are requests); at a finite rate it is an open loop.
        if (!std::isnan(maxConcurrency))
            p.point.parallel = int(maxConcurrency);
        else
            p.point.parallel = std::isnan(rate) ? p.point.number : -1;
        parallels.push_back(p.point.parallel);
        numbers.push_back(p.point.number);
        rates.push_back(p.point.rate);
        const double duration = num(j, "duration");

        if (detailed) {
            anyDetailed = true;
            const Json empty = Json::array();
            const Json& itls = j.contains("itls") ? j.at("itls") : empty;
            const Json& inputs = j.contains("input_lens") ? j.at("input_lens") : empty;
            const Json& outputs = j.contains("output_lens") ? j.at("output_lens") : empty;
            const Json& errors = j.contains("errors") ? j.at("errors") : empty;
            for (int k = 0; k < requests; ++k) {
                const QString err = k < int(errors.size()) ? jsonutil::toQString(errors.at(k)) : QString();
                const bool success = err.isEmpty();
                const double ttft = ttfts->at(k).is_number() ? ttfts->at(k).get<double>() : 0.0;
                QVector<double> gaps;
                if (k < int(itls.size()) && itls.at(k).is_array()) {
                    for (const Json& g : itls.at(k)) {
                        if (g.is_number())
                            gaps.append(g.get<double>());
                    }
                }
                RequestRecord r;
                if (success) {
                    // vLLM's latency is the time of the last chunk: TTFT plus the gaps.
                    double latency = ttft;
                    for (double g : gaps)
                        latency += g;
                    r = recordFromTimings(k, 0, true, ttft, gaps, latency);
                } else {
                    r.seq = k;
                    r.errorClass = ErrorClass::Unknown;
                    r.errorMessage = err;
                }
                r.success = success;
                r.promptTokens = k < int(inputs.size()) && inputs.at(k).is_number() ? inputs.at(k).get<qint64>() : -1;
                r.completionTokens = success && k < int(outputs.size()) && outputs.at(k).is_number()
                    ? outputs.at(k).get<qint64>()
                    : -1;
                p.records.append(r);
            }
            recomputeMetrics(p, RunConfig::apiKindOf(run.api),
                std::isnan(duration) ? std::nullopt : std::optional<double>(duration));
        } else {
            anyAggregate = true;
            Summary& s = p.summary;
            const double failed = std::isnan(failedKey) ? std::max(0.0, p.point.number - completed) : failedKey;
            s.testDurationS = duration;
            s.concurrency = p.point.parallel;
            s.rate = p.point.rate;
            s.successRequests = int(completed);
            s.failedRequests = int(failed);
            s.totalRequests = int(completed + failed);
            s.streamRequests = s.totalRequests;
            s.reqThroughput = num(j, "request_throughput");
            s.outputThroughput = num(j, "output_throughput");
            s.totalThroughput = num(j, "total_token_throughput");
            s.avgTtftMs = num(j, "mean_ttft_ms");
            s.avgTpotMs = num(j, "mean_tpot_ms");
            s.avgItlMs = num(j, "mean_itl_ms");
            s.avgLatencyS = num(j, "mean_e2el_ms") / 1000.0;
            s.avgInputTokens = completed > 0 ? num(j, "total_input_tokens") / completed : kNaN;
            s.avgOutputTokens = completed > 0 ? num(j, "total_output_tokens") / completed : kNaN;
            p.hasSummary = true;
            p.percentiles = percentilesFromAggregates(j);
        }
        run.points.append(p);
    }
    Json config = Json::object();
    config["model"] = jsonutil::toStd(run.model);
    config["api"] = "openai";
    config["url"] = nullptr;
    config["parallel"] = parallels;
    config["number"] = numbers;
    config["rate"] = rates;
    config["stream"] = true;
    config["name"] = jsonutil::toStd(run.name);
    // What vLLM recorded about the run, under its own names, so nothing is lost.
    Json vllm = Json::object();
    for (const char* key :
        {"date", "backend", "endpoint_type", "label", "model_id", "tokenizer_id", "num_prompts", "request_rate",
            "burstiness", "max_concurrency", "ramp_up_strategy", "ramp_up_start_rps", "ramp_up_end_rps"}) {
        if (first.contains(key))
            vllm[key] = first.at(key);
    }
    config["vllm"] = vllm;
    run.configJson = jsonutil::dumpOrdered(config, 4);

    if (anyDetailed) {
        notes.append(Tr::tr("no per-request send times: every request is placed at the start of its point, and the "
                            "test duration is vLLM's \"duration\""));
        notes.append(Tr::tr("no per-chunk times: chunk times rebuilt from TTFT and the ITL list"));
        notes.append(Tr::tr("TPOT follows EvalScope (one-token requests count as 0); vLLM's own TPOT leaves them out"));
        notes.append(
            Tr::tr("no response-header times, HTTP status or bytes received; failures keep vLLM's error text"));
        notes.append(Tr::tr("output token counts are the server's or vLLM's tokenizer estimate: source unknown"));
    }
    if (anyAggregate) {
        notes.append(Tr::tr("no per-request data (saved without --save-detailed): the summary and percentiles are "
                            "vLLM's own figures, not recomputed; vLLM's TPOT leaves out one-token requests"));
    }
    run.importNotes = notes;
    return run;
}

} // namespace tl
