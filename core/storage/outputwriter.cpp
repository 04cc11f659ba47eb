#include "storage/outputwriter.h"

#include "metrics/extendedmetrics.h"
#include "metrics/slatuner.h"
#include "metrics/summary.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>
#include "util/tr.h"

#include <QDir>
#include <QSaveFile>

namespace tl {

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

QString OutputWriter::resultDir(const PointResult& result) const
{
    // SLA auto-tune probes: EvalScope's sla_tuning/sla_<var>_<value>_run_<i>.
    if (result.slaProbe.isValid())
        return m_root + QStringLiteral("/sla_tuning/") + result.slaProbe.dirName();
    // A result whose index is not a point of this config's sweep still gets its own name.
    return result.index >= 0 && result.index < m_sweep.size() && m_sweep.at(result.index) == result.point
        ? pointDir(m_sweep, result.index)
        : m_root + u'/' + result.point.name();
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
    RunConfig pointConfig = m_config;
    pointConfig.parallel = {result.point.parallel};
    pointConfig.number = {result.point.number};
    if (result.slaProbe.isValid())
        pointConfig.rate = {result.point.rate};
    if (!writeFile(dir + QStringLiteral("/benchmark_args.json"), pointConfig.toJson(false), error))
        return false;
    if (!writeFile(dir + QStringLiteral("/benchmark_summary.json"), summaryToJson(result.summary), error))
        return false;
    if (result.summary.successRequests > 0
        && !writeFile(dir + QStringLiteral("/benchmark_percentile.json"), percentilesToJson(result.percentiles), error))
        return false;
    // Throughline's own metrics, in a file of their own so EvalScope's stay byte-compatible.
    return writeFile(dir + QStringLiteral("/throughline_metrics.json"), extendedMetricsToJson(result.extended), error);
}

} // namespace tl
