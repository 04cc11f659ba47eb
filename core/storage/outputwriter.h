#pragma once

#include "config/runconfig.h"
#include "model/pointresult.h"

#include <QDateTime>
#include <QString>

namespace tl {

class SlaTuner;

// Writes EvalScope perf's output tree, so its users and tools find the files they expect:
// <outputs_dir>/<YYYYmmdd_HHMMSS>/<name>/parallel_<P>_number_<N>/{benchmark_args,benchmark_summary,
// benchmark_percentile}.json (no timestamp level with --no-timestamp), plus Throughline's own
// throughline_metrics.json beside them.
class OutputWriter final {
public:
    OutputWriter(RunConfig config, const QDateTime& startedAt);

    QString rootDir() const { return m_root; }
    // The folder of point `index` of `sweep` (repeated points get distinct folders: sweepPointDirName()).
    QString pointDir(const QList<RunPoint>& sweep, int index) const;
    // The folder of point `index` of this config's sweep; a point that is not that sweep's gets its own name.
    QString pointDir(int index, const RunPoint& point) const;
    // Writes the point's files; false with a message naming the path on failure.
    bool writePoint(const PointResult& result, QString* error) const;
    // The folder of a result: its sweep point's, or sla_tuning/sla_<var>_<value>_run_<i> for an SLA probe.
    QString resultDir(const PointResult& result) const;
    // --sla-auto-tune: sla_summary.json (EvalScope's: every probed value's repetitions averaged) and
    // throughline_sla.json (slaResultJson) in the output root.
    bool writeSlaSummary(const SlaTuner& tuner, QString* error) const;
    // The search's answer per criteria group and every probed value with its intervals and verdicts.
    static QByteArray slaResultJson(const SlaTuner& tuner);
    // benchmark_args.json of one point as EvalScope writes it (Arguments.model_dump): every key of EvalScope's
    // Arguments in its order (defaults for those Throughline does not have, model_id = basename(model)), the point's
    // scalar parallel/number/rate, outputs_dir = the point's folder, whole numbers where EvalScope has ints; then
    // Throughline's own keys of `savedConfig` (the run's saved config JSON), whose names EvalScope does not use.
    static QByteArray pointArgsJson(
        const QByteArray& savedConfig, const RunConfig& config, const RunPoint& point, const QString& pointDir);
    // Writes `data` to `path` whole or not at all (QSaveFile); false with a message naming the path on failure.
    static bool writeFile(const QString& path, const QByteArray& data, QString* error);

private:
    RunConfig m_config;
    QList<RunPoint> m_sweep;
    QString m_root;
};

} // namespace tl
