#include "storage/evalscopeexporter.h"

#include "storage/outputwriter.h"
#include "metrics/extendedmetrics.h"
#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tl {

namespace {

// base64(pickle.dumps([])): EvalScope's column holds the pickled response chunks; Throughline keeps none.
constexpr char kEmptyPickledList[] = "gASVAAAAAAAAAF2ULg==";

} // namespace

bool EvalScopeExporter::writeDataDb(const QString& path, const QList<RequestRecord>& records, QString* error)
{
    QFile::remove(path);
    const QString connection = QStringLiteral("tl-evalscope-out-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = Tr::tr("cannot create '%1': %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral(
                "CREATE TABLE result(request TEXT, start_time REAL, inter_token_latencies TEXT, success INTEGER,"
                " response_messages TEXT, completed_time REAL, latency REAL, first_chunk_latency REAL,"
                " prompt_tokens INTEGER, completion_tokens INTEGER, max_gpu_memory_cost REAL,"
                " time_per_output_token REAL, request_id TEXT, is_stream INTEGER)"));
            ok = ok && db.transaction();
            q.prepare(QStringLiteral("INSERT INTO result VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
            for (const RequestRecord& r : records) {
                if (!ok)
                    break;
                if (r.warmup)
                    continue; // EvalScope stores no warmup request
                const bool s = r.success;
                nlohmann::json itl = nlohmann::json::array();
                if (s) {
                    for (double v : r.itlS())
                        itl.push_back(v);
                }
                q.addBindValue(QVariant()); // the request body is not kept
                q.addBindValue(double(r.sentNs) / 1e9);
                q.addBindValue(QString::fromUtf8(jsonutil::dump(itl)));
                q.addBindValue(int(s));
                q.addBindValue(QString::fromLatin1(kEmptyPickledList));
                q.addBindValue(s ? double(r.completedNs()) / 1e9 : 0.0);
                q.addBindValue(s ? QVariant(r.latencyS()) : QVariant());
                q.addBindValue(s ? QVariant(r.ttftS()) : QVariant());
                q.addBindValue(s && r.promptTokens >= 0 ? QVariant(r.promptTokens) : QVariant());
                q.addBindValue(s && r.completionTokens >= 0 ? QVariant(r.completionTokens) : QVariant());
                q.addBindValue(s ? QVariant(0.0) : QVariant());
                q.addBindValue(s ? QVariant(r.tpotS()) : QVariant());
                q.addBindValue(QVariant());
                q.addBindValue(int(r.stream));
                ok = q.exec();
            }
            if (ok)
                ok = db.commit();
            if (!ok)
                *error = Tr::tr("cannot write '%1': %2").arg(path, q.lastError().text());
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
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
    auto args = nlohmann::ordered_json::parse(run.configJson.cbegin(), run.configJson.cend(), nullptr, false);
    if (!args.is_object())
        args = nlohmann::ordered_json::object();
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
        // EvalScope writes each point's arguments with that point's scalar load.
        auto pointArgs = args;
        pointArgs["parallel"] = p.point.parallel;
        pointArgs["number"] = p.point.number;
        pointArgs["rate"] = p.point.rate;
        if (!OutputWriter::writeFile(pointDir + QStringLiteral("/benchmark_args.json"), jsonutil::dumpOrdered(pointArgs, 4), error))
            return false;
        if (p.hasSummary
            && !OutputWriter::writeFile(pointDir + QStringLiteral("/benchmark_summary.json"), summaryToJson(p.summary), error))
            return false;
        if (p.hasSummary && p.summary.successRequests > 0 && !p.percentiles.metrics.isEmpty()
            && !OutputWriter::writeFile(
                pointDir + QStringLiteral("/benchmark_percentile.json"), percentilesToJson(p.percentiles), error))
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
