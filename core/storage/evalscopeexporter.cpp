#include "storage/evalscopeexporter.h"

#include "storage/evalscopedatadb.h"
#include "storage/outputwriter.h"
#include "metrics/extendedmetrics.h"
#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>

namespace tl {

bool EvalScopeExporter::writeDataDb(const QString& path, const QList<RequestRecord>& records, QString* error)
{
    EvalScopeDataDb db;
    return db.open(path, error) && db.append(records, error);
}

bool EvalScopeExporter::exportRun(const RunData& run, const QString& dir, QString* root, QString* error)
{
    ConfigErrors ignored; // the run's own config: keys this version does not know are kept below, not rejected
    RunConfig config = RunConfig::fromJson(run.configJson, &ignored);
    config.outputsDir = dir;
    config.noTimestamp = true;
    config.name = run.name;
    const OutputWriter naming(config, QDateTime::fromMSecsSinceEpoch(run.createdMs));
    if (root)
        *root = naming.rootDir();
    // The run's saved config over this version's defaults: keys this version does not know are kept.
    auto saved = nlohmann::ordered_json::parse(config.toJson(false).toStdString());
    const auto given = nlohmann::ordered_json::parse(run.configJson.cbegin(), run.configJson.cend(), nullptr, false);
    if (given.is_object()) {
        for (const auto& [key, value] : given.items())
            saved[key] = value;
    }
    saved["outputs_dir"] = jsonutil::toStd(dir);
    saved["no_timestamp"] = true;
    saved["name"] = jsonutil::toStd(run.name);
    const QByteArray savedConfig = jsonutil::dumpOrdered(saved);
    QList<RunPoint> sweep;
    for (const PointResult& p : run.points)
        sweep.append(p.point);
    for (qsizetype i = 0; i < run.points.size(); ++i) {
        const PointResult& p = run.points.at(i);
        const QString pointDir = naming.pointDir(sweep, int(i));
        if (!QDir().mkpath(pointDir)) {
            if (error)
                *error = Tr::tr("cannot create the folder '%1'; check the path and its permissions").arg(pointDir);
            return false;
        }
        // EvalScope writes each point's arguments with that point's scalar load; keys this version does not know
        // are kept from the run's saved config.
        if (!OutputWriter::writeFile(pointDir + QStringLiteral("/benchmark_args.json"),
                OutputWriter::pointArgsJson(savedConfig, config, p.point, pointDir), error))
            return false;
        if (p.hasSummary
            && !OutputWriter::writeFile(pointDir + QStringLiteral("/benchmark_summary.json"), summaryToEvalScopeFile(p.summary), error))
            return false;
        if (p.hasSummary && p.summary.successRequests > 0 && !p.percentiles.metrics.isEmpty()
            && !OutputWriter::writeFile(
                pointDir + QStringLiteral("/benchmark_percentile.json"), percentilesToEvalScopeFile(p.percentiles), error))
            return false;
        if (!p.records.isEmpty() && !writeDataDb(pointDir + QStringLiteral("/benchmark_data.db"), p.records, error))
            return false;
        if (!p.records.isEmpty()) { // Throughline's own metrics beside EvalScope's
            // As the run measured them (stored since schema 4, or recomputed on load); a point built by hand
            // without them gets them from its records.
            ExtendedMetrics extended = p.extended;
            if (extended.successRequests + extended.failedRequests == 0) {
                PointAccumulator metrics(RunConfig::apiKindOf(run.api), p.point);
                metrics.add(p.records);
                extended = metrics.extended();
            }
            if (!OutputWriter::writeFile(
                    pointDir + QStringLiteral("/throughline_metrics.json"), extendedMetricsToJson(extended), error))
                return false;
        }
    }
    return true;
}

} // namespace tl
