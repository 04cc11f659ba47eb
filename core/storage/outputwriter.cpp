#include "storage/outputwriter.h"

#include "config/parameterregistry.h"
#include "metrics/extendedmetrics.h"
#include "metrics/slatuner.h"
#include "metrics/summary.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace tl {

namespace {

// EvalScope's Arguments fields, in the order it writes them (§2 of the behaviour reference).
constexpr const char* kEvalScopeKeys[] = {"model", "model_id", "attn_implementation", "api", "tokenizer_path", "port",
    "url", "headers", "connect_timeout", "read_timeout", "total_timeout", "api_key", "no_test_connection", "number",
    "parallel", "rate", "open_loop", "sleep_interval", "warmup_num", "duration", "sla_auto_tune", "sla_variable",
    "sla_params", "sla_num_runs", "sla_upper_bound", "sla_lower_bound", "sla_fixed_parallel", "sla_number_multiplier",
    "db_commit_interval", "queue_size_multiplier", "in_flight_task_multiplier", "num_workers", "log_every_n_query",
    "debug", "enable_progress_tracker", "visualizer", "wandb_api_key", "swanlab_api_key", "swanlab_host", "name",
    "outputs_dir", "no_timestamp", "max_prompt_length", "min_prompt_length", "prefix_length", "prompt",
    "query_template", "apply_chat_template", "image_width", "image_height", "image_format", "image_num",
    "image_patch_size", "dataset", "dataset_path", "data_source", "dataset_offset", "dataset_args",
    "frequency_penalty", "repetition_penalty", "logprobs", "max_tokens", "min_tokens", "n_choices", "seed", "stop",
    "stop_token_ids", "stream", "temperature", "top_p", "top_k", "extra_args", "tokenize_prompt", "multi_turn",
    "min_turns", "max_turns", "multi_turn_args"};

// The fields EvalScope types int (Python's json writes 120, not 120.0).
constexpr const char* kEvalScopeIntKeys[] = {"port", "connect_timeout", "read_timeout", "total_timeout", "number",
    "parallel", "sleep_interval", "sla_num_runs", "sla_upper_bound", "sla_lower_bound", "sla_fixed_parallel",
    "db_commit_interval", "queue_size_multiplier", "in_flight_task_multiplier", "num_workers", "log_every_n_query",
    "max_prompt_length", "min_prompt_length", "prefix_length", "image_width", "image_height", "image_num",
    "image_patch_size", "dataset_offset", "max_tokens", "min_tokens", "n_choices", "seed", "top_k", "min_turns",
    "max_turns"};

// EvalScope's defaults of the keys whose flags have no effect in Throughline (they are not in its saved config).
nlohmann::ordered_json evalScopeDefault(const char* key)
{
    static const auto defaults = nlohmann::ordered_json::parse(R"({"sla_auto_tune": false,
        "sla_variable": "parallel", "sla_num_runs": 3, "sla_upper_bound": 65536, "sla_lower_bound": 1,
        "db_commit_interval": 1000, "queue_size_multiplier": 5, "in_flight_task_multiplier": 2, "num_workers": 0,
        "min_turns": 1, "port": 8877, "total_timeout": 21600, "max_prompt_length": 131072, "image_width": 224,
        "image_height": 224, "image_format": "RGB", "image_num": 1, "image_patch_size": 28})");
    const auto it = defaults.find(key);
    return it != defaults.end() ? *it : nlohmann::ordered_json();
}

// Whole-valued floats as ints, in lists too (max_tokens may be a [min, max] pair).
void toInts(nlohmann::ordered_json& v)
{
    if (v.is_number_float() && std::isfinite(v.get<double>()) && std::trunc(v.get<double>()) == v.get<double>()
        && std::abs(v.get<double>()) < 9e15) {
        v = qint64(v.get<double>());
    } else if (v.is_array()) {
        for (auto& e : v)
            toInts(e);
    }
}

} // namespace

QByteArray OutputWriter::pointArgsJson(
    const QByteArray& savedConfig, const RunConfig& config, const RunPoint& point, const QString& pointDir)
{
    auto saved = nlohmann::ordered_json::parse(savedConfig.cbegin(), savedConfig.cend(), nullptr, false);
    if (!saved.is_object())
        saved = nlohmann::ordered_json::object();
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const char* key : kEvalScopeKeys) {
        nlohmann::ordered_json v;
        if (saved.contains(key)) {
            v = saved[key];
        } else if (const Parameter* p = ParameterRegistry::byKey(QLatin1String(key))) {
            // Kept out of the saved config (a flag without effect here): what was given, secrets masked.
            v = nlohmann::ordered_json::parse(
                (p->save ? p->save(config, false) : p->get(config)).dump(), nullptr, false);
        } else if (qstrcmp(key, "model_id") == 0) {
            v = jsonutil::toStd(config.model.mid(config.model.lastIndexOf(u'/') + 1));
        }
        if (v.is_null())
            v = evalScopeDefault(key);
        if (std::find_if(std::begin(kEvalScopeIntKeys), std::end(kEvalScopeIntKeys),
                [key](const char* k) { return qstrcmp(k, key) == 0; })
            != std::end(kEvalScopeIntKeys))
            toInts(v);
        out[key] = std::move(v);
    }
    out["parallel"] = point.parallel;
    out["number"] = point.number;
    out["rate"] = double(point.rate);
    out["outputs_dir"] = jsonutil::toStd(pointDir);
    for (const auto& [key, value] : saved.items()) {
        if (!out.contains(key))
            out[key] = value; // Throughline's own (transport, workers, response limits...)
    }
    return jsonutil::dumpOrdered(out, 4);
}

bool OutputWriter::writeFile(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit())
        return true;
    if (error)
        *error = Tr::tr("cannot write '%1': %2").arg(path, f.errorString());
    return false;
}

OutputWriter::OutputWriter(RunConfig config, const QDateTime& startedAt)
    : m_config(std::move(config))
{
    QString root = m_config.outputsDir;
    if (!m_config.noTimestamp)
        root += u'/' + startedAt.toString(QStringLiteral("yyyyMMdd_HHmmss"));
    m_root = QDir::cleanPath(root + u'/' + m_config.effectiveName());
    m_sweep = m_config.runPoints();
}

QString OutputWriter::pointDir(const QList<RunPoint>& sweep, int index) const
{
    return m_root + u'/' + sweepPointDirName(sweep, index);
}

QString OutputWriter::pointDir(int index, const RunPoint& point) const
{
    return index >= 0 && index < m_sweep.size() && m_sweep.at(index) == point ? pointDir(m_sweep, index)
                                                                              : m_root + u'/' + point.name();
}

QString OutputWriter::resultDir(const PointResult& result) const
{
    // SLA auto-tune probes: EvalScope's sla_tuning/sla_<var>_<value>_run_<i>.
    if (result.slaProbe.isValid())
        return m_root + QStringLiteral("/sla_tuning/") + result.slaProbe.dirName();
    return pointDir(result.index, result.point);
}

bool OutputWriter::writeSlaSummary(const SlaTuner& tuner, QString* error) const
{
    if (!QDir().mkpath(m_root)) {
        if (error)
            *error = Tr::tr("cannot create the output folder '%1'; check --outputs-dir").arg(m_root);
        return false;
    }
    // sla_summary.json as EvalScope writes it: each probed value's repetitions averaged element-wise.
    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    for (int v : tuner.probedValues()) {
        const Summary s = tuner.averagedSummary(v);
        auto metrics = nlohmann::ordered_json::parse(summaryToJson(s).toStdString(), nullptr, false);
        nlohmann::ordered_json entry{{"metrics", metrics}};
        if (s.successRequests > 0) {
            const QByteArray percentiles = percentilesToJson(tuner.averagedPercentiles(v));
            entry["percentiles"] = nlohmann::ordered_json::parse(percentiles.toStdString(), nullptr, false);
        }
        summary[jsonutil::toStd(tuner.settings().variable + u'_' + QString::number(v))] = entry;
    }
    if (!writeFile(m_root + QStringLiteral("/sla_summary.json"), jsonutil::dumpOrdered(summary, 4), error))
        return false;
    return writeFile(m_root + QStringLiteral("/throughline_sla.json"), slaResultJson(tuner), error);
}

QByteArray OutputWriter::slaResultJson(const SlaTuner& tuner)
{
    using J = nlohmann::ordered_json;
    auto num = [](double v) { return jsonutil::roundedOrNull(v, 6); };
    J groups = J::array();
    for (const SlaTuner::GroupOutcome& o : tuner.outcomes()) {
        J g{{"criteria", jsonutil::toStd(o.group.toText())}, {"finished", o.finished},
            {"optimisation", o.group.isOptimisation()}};
        g["value"] = o.value ? J(*o.value) : J(nullptr);
        if (o.group.isOptimisation())
            g["metric"] = num(o.metric);
        g["failedAtLowerBound"] = o.failedAtLower;
        g["reachedUpperBound"] = o.reachedUpper;
        g["sure"] = o.sure;
        g["unsureValues"] = J(std::vector<int>(o.unsureValues.cbegin(), o.unsureValues.cend()));
        g["path"] = J(std::vector<int>(o.path.cbegin(), o.path.cend()));
        groups.push_back(g);
    }
    J probes = J::array();
    for (const SlaTuner::ValueOutcome& v : tuner.values()) {
        J p{{"value", v.value}, {"runs", v.runs}, {"successPct", num(v.successPct)}};
        J perGroup = J::array();
        for (const SlaTuner::GroupVerdict& g : v.groups) {
            const char* verdict = g.verdict == SlaTuner::Verdict::Pass ? "pass"
                : g.verdict == SlaTuner::Verdict::Fail                 ? "fail"
                                                                       : "pending";
            J criteria = J::array();
            for (const SlaTuner::CriterionStat& c : g.criteria) {
                const J threshold = c.criterion.isOptimisation()
                    ? J(nullptr)
                    : num(c.criterion.displayValue(c.criterion.threshold));
                criteria.push_back(J{{"metric", jsonutil::toStd(c.criterion.metric)},
                    {"unit", jsonutil::toStd(c.criterion.displayUnit())},
                    {"mean", num(c.criterion.displayValue(c.stats.mean))},
                    {"ciLow", num(c.criterion.displayValue(c.stats.ciLow))},
                    {"ciHigh", num(c.criterion.displayValue(c.stats.ciHigh))},
                    {"threshold", threshold},
                    {"holds", c.holds}, {"straddles", c.straddles}});
            }
            perGroup.push_back(J{{"verdict", verdict}, {"sure", g.sure}, {"requestsFailed", g.requestsFailed},
                {"criteria", criteria}});
        }
        p["groups"] = perGroup;
        probes.push_back(p);
    }
    const J root{{"variable", jsonutil::toStd(tuner.settings().variable)}, {"lowerBound", tuner.settings().lower},
        {"upperBound", tuner.settings().upper}, {"numRuns", tuner.settings().numRuns},
        {"confidence", tuner.settings().confidence}, {"pointsRun", tuner.pointsRun()}, {"groups", groups},
        {"probes", probes}};
    return jsonutil::dumpOrdered(root, 4);
}

bool OutputWriter::writePoint(const PointResult& result, QString* error) const
{
    const QString dir = resultDir(result);
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = Tr::tr("cannot create the output folder '%1'; check --outputs-dir").arg(dir);
        return false;
    }
    if (!writeFile(dir + QStringLiteral("/benchmark_args.json"),
            pointArgsJson(m_config.toJson(false), m_config, result.point, dir), error))
        return false;
    if (!writeFile(dir + QStringLiteral("/benchmark_summary.json"), summaryToEvalScopeFile(result.summary), error))
        return false;
    if (result.summary.successRequests > 0
        && !writeFile(dir + QStringLiteral("/benchmark_percentile.json"), percentilesToEvalScopeFile(result.percentiles), error))
        return false;
    // Throughline's own metrics, in a file of their own so EvalScope's stay byte-compatible.
    return writeFile(dir + QStringLiteral("/throughline_metrics.json"), extendedMetricsToJson(result.extended), error);
}

} // namespace tl
