#include "cli/runscommand.h"

#include "cli/texttables.h"
#include "metrics/goodput.h"
#include "metrics/metriccatalogue.h"
#include "metrics/repeatstats.h"
#include "metrics/runcomparison.h"
#include "metrics/slatuner.h"
#include "storage/comparisonreport.h"
#include "storage/csvexporter.h"
#include "storage/evalscopeexporter.h"
#include "storage/htmlreport.h"
#include "storage/projectreader.h"
#include "storage/projectwriter.h"
#include "storage/runimporter.h"
#include "storage/runjson.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cmath>

namespace tl {

namespace {

struct CliTr {
    Q_DECLARE_TR_FUNCTIONS(RunsCommand)
};

// Parsed options of one subcommand: positional words and --flag values.
struct Options {
    QStringList positional;
    QString project;
    QString format;
    QString output;
    QString name;
    QString run;
    QStringList tags;
    QStringList metrics;
    QString confidence;
    QString minEffect;
    QStringList goodput; // runs show --goodput METRIC:MS ...
    bool json = false;
    bool help = false;
};

const char* const kListHelp = "Usage: throughline-cli runs list --project FILE [--json]\n\n"
                              "Lists the runs of a project file, newest first: id, start, status, sweep points,\n"
                              "requests, source (throughline, evalscope, vllm, throughline-json), name, model, tags.\n"
                              "A run whose writer died is shown as 'interrupted'. --json prints a JSON array.\n";
const char* const kShowHelp
    = "Usage: throughline-cli runs show RUN --project FILE [--goodput METRIC:MS ...]\n\n"
      "Shows one run: where it came from (and what an imported source lacked), notes, tags,\n"
      "the endpoint fingerprint, and the summary of every sweep point. RUN is an id, a unique\n"
      "prefix of one, or 'latest'.\n"
      "  --goodput ttft:MS tpot:MS e2el:MS  re-evaluate goodput and SLO attainment of every point under these\n"
      "                                     SLOs (milliseconds), from the stored requests; the file is not changed\n";
const char* const kExportHelp
    = "Usage: throughline-cli runs export RUN --project FILE --format FORMAT --output PATH\n\n"
      "Formats:\n"
      "  evalscope  EvalScope perf's output tree under the folder PATH: <name>/parallel_<P>_number_<N>/ with\n"
      "             benchmark_args.json, benchmark_summary.json, benchmark_percentile.json, benchmark_data.db\n"
      "  csv        points.csv, requests.csv and percentiles.csv in the folder PATH (RFC 4180, UTF-8)\n"
      "  json       the whole run with its configuration and every request, in the file PATH\n"
      "             (read back by 'runs import')\n"
      "  html       a self-contained report in the file PATH (same as 'throughline-cli report')\n";
const char* const kImportHelp
    = "Usage: throughline-cli runs import PATH --project FILE [--format auto|evalscope|vllm|json] [--name NAME]\n"
      "                                  [--tag TAG]...\n\n"
      "Adds a run from another tool to the project (created if missing); metrics are recomputed from the\n"
      "per-request data wherever the source has it, and what the source lacked is printed and stored with the run.\n"
      "  evalscope  an EvalScope perf output folder (benchmark_*.json and benchmark_data.db per run point)\n"
      "  vllm       a 'vllm bench serve --save-result' JSON file (--save-detailed for per-request data;\n"
      "             --append-result files become one run with a point per line)\n"
      "  json       a run exported with 'runs export --format json'\n"
      "  auto       decided from PATH: a folder is EvalScope output, a file is read to tell vLLM from Throughline\n";
const char* const kDeleteHelp = "Usage: throughline-cli runs delete RUN --project FILE\n\n"
                                "Deletes a run with its sweep points, requests and tags. RUN must be the full id or a\n"
                                "unique prefix of it ('latest' is refused here, to avoid deleting the wrong run).\n";
const char* const kNoteHelp = "Usage: throughline-cli runs note RUN TEXT --project FILE\n\n"
                              "Replaces the run's notes with TEXT (an empty TEXT clears them).\n";
const char* const kTagHelp = "Usage: throughline-cli runs tag RUN [TAG]... --project FILE\n\n"
                             "Replaces the run's tags with the TAGs given (none clears them).\n";
const char* const kCompareHelp
    = "Usage: throughline-cli runs compare BASELINE[@POINT] CANDIDATE[@POINT] --project FILE\n"
      "                                   [--format text|json|csv|html] [--output FILE]\n"
      "                                   [--metric KEY]... [--confidence 0.95] [--min-effect 5]\n\n"
      "Compares two runs point by point (points of the same --parallel, or --rate in open loop): every metric of\n"
      "the catalogue with baseline, candidate, change and % change, and a verdict from the stored requests: a\n"
      "seeded bootstrap (2,000 resamples, at most 1,000 requests a side) of the difference of means and of the\n"
      "p50/p90/p99 percentiles. Verdicts: better, worse (different for metrics with no direction) when the\n"
      "interval excludes 0 and the change is at least --min-effect % (default 5); inconclusive when it\n"
      "contains 0, the change is smaller, or a side has too few samples (20; p90 needs 50, p99 500); n/a for\n"
      "numbers a point has one of (throughputs, counts). Also the configuration diff and a warning when\n"
      "parameters that define the workload differ (docs/METRICS.md, 'Comparing runs').\n\n"
      "BASELINE and CANDIDATE: a run id, a unique prefix of one, 'latest', or a run's unique name.\n"
      "@POINT (on both or neither) compares one chosen point of each run whatever their loads: its number from 1\n"
      "(run@2), run@parallel=N or run@rate=R; e.g. 'runs compare A@parallel=4 B@parallel=8'.\n"
      "  --format      text (default), json, csv (one row per point and metric), or html: a self-contained\n"
      "                report (inline CSS and SVG, no external reference) written to --output FILE\n"
      "                (default throughline-compare-<baseline>-<candidate>.html)\n"
      "  --metric KEY  gate on (and show only) these metrics; default avg_ttft_ms ttft_ms_p99 avg_latency_s\n"
      "                latency_s_p99 for the gate, every metric shown\n"
      "  --confidence  of the bootstrap interval, 0.5 to 0.999 (default 0.95)\n"
      "  --min-effect  smallest change in % of the baseline that counts (default 5)\n\n"
      "Exit codes: 0 no gated metric is significantly worse, 1 one is (for CI), 2 bad arguments, an unreadable\n"
      "project or an unknown run.\n\n"
      "Metric keys: ";
const char* const kReportHelp = "Usage: throughline-cli report --project FILE [--run RUN] [--output FILE.html]\n\n"
                                "Writes a self-contained HTML report of a run (default: the latest): summary, sweep\n"
                                "charts, percentile tables and configuration, with inline CSS and SVG and no external\n"
                                "reference, so it opens offline. Default output: throughline-report-<id>.html.\n";

// Fills `o`; on a bad flag prints one line and returns false.
bool parse(const QStringList& args, Options& o, QTextStream& err, const QStringList& allowed)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == u"-h" || a == u"--help") {
            o.help = true;
            continue;
        }
        if (!a.startsWith(QStringLiteral("--"))) {
            o.positional.append(a);
            continue;
        }
        if (!allowed.contains(a)) {
            err << CliTr::tr("error: %1: unknown option here (see --help)").arg(a) << Qt::endl;
            return false;
        }
        if (a == u"--json") {
            o.json = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            err << CliTr::tr("error: %1 needs a value").arg(a) << Qt::endl;
            return false;
        }
        if (a == u"--goodput") {
            // Every following word that is not a flag is one SLO.
            while (i + 1 < args.size() && !args.at(i + 1).startsWith(QStringLiteral("--")))
                o.goodput.append(args.at(++i));
            if (o.goodput.isEmpty()) {
                err << CliTr::tr("error: --goodput needs SLOs, e.g. --goodput ttft:300 tpot:50") << Qt::endl;
                return false;
            }
            continue;
        }
        const QString v = args.at(++i);
        if (a == u"--project")
            o.project = v;
        else if (a == u"--format")
            o.format = v;
        else if (a == u"--output")
            o.output = v;
        else if (a == u"--name")
            o.name = v;
        else if (a == u"--run")
            o.run = v;
        else if (a == u"--tag")
            o.tags.append(v);
        else if (a == u"--metric")
            o.metrics.append(v);
        else if (a == u"--confidence")
            o.confidence = v;
        else if (a == u"--min-effect")
            o.minEffect = v;
    }
    return true;
}

int fail(QTextStream& err, int code, const QString& message)
{
    err << CliTr::tr("error: %1").arg(message) << Qt::endl;
    return code;
}

bool writeFile(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit())
        return true;
    *error = CliTr::tr("cannot write '%1': %2").arg(path, f.errorString());
    return false;
}

QString num(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}

// A column of `width` characters ending in a space: long text is cut so that columns never run together.
QString pad(const QString& s, int width, bool right = false)
{
    const QString cut = s.size() >= width ? s.left(width - 2) + QStringLiteral("…") : s;
    return right ? cut.rightJustified(width - 1) + u' ' : cut.leftJustified(width);
}

// Opens the project for reading and resolves RUN; prints the reason and returns the exit code on failure.
int openAndFind(const Options& o, const QString& runArg, ProjectReader& reader, QString& runId, QTextStream& err)
{
    QString error;
    if (!reader.open(o.project, &error))
        return fail(err, RunsCommand::Failed, QStringLiteral("--project: ") + error);
    runId = reader.findRun(runArg, &error);
    if (runId.isEmpty())
        return fail(err, RunsCommand::Failed, error);
    return RunsCommand::Ok;
}

int list(const Options& o, QTextStream& out, QTextStream& err)
{
    ProjectReader reader;
    QString error;
    if (!reader.open(o.project, &error))
        return fail(err, RunsCommand::Failed, QStringLiteral("--project: ") + error);
    const QList<RunData> runs = reader.runs();
    if (!reader.lastError().isEmpty())
        return fail(err, RunsCommand::Failed, reader.lastError());
    if (o.json) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const RunData& r : runs) {
            nlohmann::ordered_json j;
            j["id"] = jsonutil::toStd(r.id);
            j["name"] = jsonutil::toStd(r.name);
            j["model"] = jsonutil::toStd(r.model);
            j["url"] = jsonutil::toStd(r.url);
            j["status"] = jsonutil::toStd(r.status);
            j["created"] = jsonutil::toStd(r.created().toString(Qt::ISODate));
            j["points"] = r.pointCount;
            j["requests"] = r.requestCount;
            j["source"] = jsonutil::toStd(r.source);
            nlohmann::ordered_json tags = nlohmann::ordered_json::array();
            for (const QString& t : r.tags)
                tags.push_back(jsonutil::toStd(t));
            j["tags"] = tags;
            a.push_back(j);
        }
        out << QString::fromUtf8(jsonutil::dumpOrdered(a, 2)) << Qt::endl;
        return RunsCommand::Ok;
    }
    if (runs.isEmpty()) {
        out << CliTr::tr("No runs in %1.").arg(o.project) << Qt::endl;
        return RunsCommand::Ok;
    }
    out << pad(QStringLiteral("ID"), 10) << pad(QStringLiteral("STARTED"), 17) << pad(QStringLiteral("STATUS"), 12)
        << pad(QStringLiteral("POINTS"), 7, true) << pad(QStringLiteral("REQUESTS"), 10, true) << "  "
        << pad(QStringLiteral("SOURCE"), 17) << pad(QStringLiteral("NAME"), 20) << pad(QStringLiteral("MODEL"), 24)
        << "TAGS" << Qt::endl;
    for (const RunData& r : runs) {
        out << pad(r.id.left(8), 10) << pad(r.created().toString(QStringLiteral("yyyy-MM-dd HH:mm")), 17)
            << pad(r.status, 12) << pad(QString::number(r.pointCount), 7, true)
            << pad(QString::number(r.requestCount), 10, true) << "  " << pad(r.source, 17) << pad(r.name, 20)
            << pad(r.model, 24) << r.tags.join(QStringLiteral(",")) << Qt::endl;
    }
    return RunsCommand::Ok;
}

int show(const Options& o, QTextStream& out, QTextStream& err)
{
    if (o.positional.size() != 1)
        return fail(
            err, RunsCommand::BadArguments, CliTr::tr("runs show: give one RUN (an id, a prefix, or 'latest')"));
    std::optional<SloSpec> slo;
    if (!o.goodput.isEmpty()) {
        QString error;
        slo = SloSpec::parse(o.goodput, &error);
        if (!slo)
            return fail(err, RunsCommand::BadArguments, QStringLiteral("--goodput: ") + error);
    }
    ProjectReader reader;
    QString runId;
    if (const int code = openAndFind(o, o.positional.first(), reader, runId, err))
        return code;
    const std::optional<RunData> r = reader.run(runId);
    QList<PointResult> points = reader.points(runId, slo.has_value());
    if (slo) {
        applyGoodput(points, *slo); // the stored requests under the SLOs asked for
        for (PointResult& p : points)
            p.records.clear();
    }
    if (!r || !reader.lastError().isEmpty())
        return fail(err, RunsCommand::Failed, reader.lastError());
    out << CliTr::tr("Run %1: %2").arg(r->id, r->name) << Qt::endl;
    out << CliTr::tr("  model %1, %2 (%3)").arg(r->model, r->url.isEmpty() ? CliTr::tr("no URL") : r->url, r->api)
        << Qt::endl;
    out << CliTr::tr("  started %1, status %2, written by %3")
               .arg(r->created().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r->status, r->toolVersion)
        << Qt::endl;
    out << CliTr::tr("  source %1%2")
               .arg(r->source,
                   r->sourcePath.isEmpty() ? QString() : QString(QStringLiteral(" (") + r->sourcePath + u')'))
        << Qt::endl;
    for (const QString& n : r->importNotes)
        out << CliTr::tr("  import note: %1").arg(n) << Qt::endl;
    if (!r->tags.isEmpty())
        out << CliTr::tr("  tags: %1").arg(r->tags.join(QStringLiteral(", "))) << Qt::endl;
    if (!r->notes.isEmpty())
        out << CliTr::tr("  notes: %1").arg(r->notes) << Qt::endl;
    if (!r->fingerprintJson.isEmpty())
        out << CliTr::tr("  endpoint fingerprint: %1").arg(QString::fromUtf8(r->fingerprintJson)) << Qt::endl;
    out << Qt::endl
        << pad(QStringLiteral("POINT"), 24) << pad(QStringLiteral("STATUS"), 12)
        << pad(QStringLiteral("OK/TOTAL"), 10, true) << pad(QStringLiteral("DUR(s)"), 9, true)
        << pad(QStringLiteral("REQ/S"), 9, true) << pad(QStringLiteral("OUT TOK/S"), 11, true)
        << pad(QStringLiteral("LAT(s)"), 8, true) << pad(QStringLiteral("TTFT(ms)"), 10, true)
        << pad(QStringLiteral("P99TTFT"), 10, true) << pad(QStringLiteral("TPOT(ms)"), 10, true)
        << pad(QStringLiteral("ITL(ms)"), 9, true) << Qt::endl;
    for (const PointResult& p : points) {
        const Summary& s = p.summary;
        out << pad(p.point.name(), 24) << pad(p.status + (p.summaryRecomputed ? QStringLiteral("*") : QString()), 12);
        if (p.hasSummary) {
            out << pad(QStringLiteral("%1/%2").arg(s.successRequests).arg(s.totalRequests), 10, true)
                << pad(num(s.testDurationS, 2), 9, true) << pad(num(s.reqThroughput, 2), 9, true)
                << pad(num(s.outputThroughput, 1), 11, true) << pad(num(s.avgLatencyS, 3), 8, true)
                << pad(num(s.avgTtftMs, 1), 10, true)
                << pad(num(MetricCatalogue::value(MetricCatalogue::get(MetricId::Ttft), p, QStringLiteral("99%")), 1),
                       10, true)
                << pad(num(s.avgTpotMs, 2), 10, true) << pad(num(s.avgItlMs, 2), 9, true);
        } else {
            out << CliTr::tr("  no summary (%1 requests stored)").arg(p.requestCount);
        }
        out << Qt::endl;
    }
    for (const PointResult& p : points) {
        if (p.summaryRecomputed) {
            out << CliTr::tr("* never finished: summary computed from the %1 requests it stored").arg(p.requestCount)
                << Qt::endl;
            break;
        }
    }
    // Then every table the live run printed, from the same values (the stored result is the live one).
    QList<PointResult> measured;
    for (const PointResult& p : points) {
        if (!p.hasSummary)
            continue;
        out << Qt::endl << TextTables::pointSummary(p) << TextTables::pointPercentiles(p);
        if (p.summary.totalRequests > 0)
            out << TextTables::pointExtended(p);
        measured.append(p);
    }
    if (!measured.isEmpty()) { // repetitions grouped only when every point was measured
        ConfigErrors stored;
        const RunConfig c = RunConfig::fromJson(r->configJson, &stored);
        const bool whole = measured.size() == points.size() && !r->configJson.isEmpty();
        out << Qt::endl << TextTables::overview(measured, whole ? c.numRuns : 1, c.confidenceLevel)
            << TextTables::perRequest(measured);
    }
    if (slo && !measured.isEmpty())
        out << Qt::endl << TextTables::goodput(measured);
    RunData whole = *r;
    whole.points = points;
    const QList<RepeatGroup> groups = repeatGroups(whole);
    if (!groups.isEmpty() && groups.constFirst().pointIndices.size() > 1)
        out << Qt::endl << TextTables::repeats(groups);
    // An SLA auto-tune run: its search replayed from the stored probes.
    ConfigErrors configErrors;
    if (const auto tuner = SlaTuner::replay(RunConfig::fromJson(r->configJson, &configErrors), measured);
        tuner && !tuner->probedValues().isEmpty())
        out << Qt::endl << TextTables::slaProbes(*tuner) << TextTables::slaSummary(*tuner);
    return RunsCommand::Ok;
}

int exportRun(const Options& o, QTextStream& out, QTextStream& err)
{
    if (o.positional.size() != 1)
        return fail(
            err, RunsCommand::BadArguments, CliTr::tr("runs export: give one RUN (an id, a prefix, or 'latest')"));
    const QStringList formats{
        QStringLiteral("evalscope"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("html")};
    if (!formats.contains(o.format))
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr("--format: give one of evalscope, csv, json, html (got '%1')").arg(o.format));
    if (o.output.isEmpty())
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr("--output: give the folder (evalscope, csv) or file (json, html) to write"));
    ProjectReader reader;
    QString runId;
    if (const int code = openAndFind(o, o.positional.first(), reader, runId, err))
        return code;
    // Stored request bodies (--store-bodies) fill EvalScope's request column and the JSON export.
    const std::optional<RunData> run = reader.loadRun(runId, o.format == u"evalscope" || o.format == u"json");
    if (!run || !reader.lastError().isEmpty())
        return fail(err, RunsCommand::Failed, reader.lastError());
    QString error;
    if (o.format == u"evalscope") {
        QString root;
        if (!EvalScopeExporter::exportRun(*run, o.output, &root, &error))
            return fail(err, RunsCommand::Failed, error);
        out << CliTr::tr("Wrote EvalScope output for run %1 to %2").arg(run->id, QDir(root).absolutePath()) << Qt::endl;
    } else if (o.format == u"csv") {
        QStringList written;
        if (!CsvExporter::exportRun(*run, o.output, &written, &error))
            return fail(err, RunsCommand::Failed, error);
        out << CliTr::tr("Wrote %1").arg(written.join(QStringLiteral(", "))) << Qt::endl;
    } else {
        const QByteArray data = o.format == u"json" ? RunJson::toJson(*run) : HtmlReport::render(*run);
        if (!writeFile(o.output, data, &error))
            return fail(err, RunsCommand::Failed, error);
        out << CliTr::tr("Wrote %1").arg(QFileInfo(o.output).absoluteFilePath()) << Qt::endl;
    }
    return RunsCommand::Ok;
}

// Opens the project for writing; prints the reason on failure.
bool openWriter(ProjectWriter& writer, QTextStream& err)
{
    QString error;
    if (writer.openDatabase(&error))
        return true;
    fail(err, RunsCommand::Failed, QStringLiteral("--project: ") + error);
    return false;
}

int importRuns(const Options& o, QTextStream& out, QTextStream& err)
{
    if (o.positional.isEmpty())
        return fail(err, RunsCommand::BadArguments, CliTr::tr("runs import: give the folder or file to import"));
    const std::optional<RunImporter::Format> format
        = RunImporter::formatFromName(o.format.isEmpty() ? QStringLiteral("auto") : o.format);
    if (!format)
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr("--format: give one of auto, evalscope, vllm, json (got '%1')").arg(o.format));
    if (!o.name.isEmpty() && o.positional.size() > 1)
        return fail(
            err, RunsCommand::BadArguments, CliTr::tr("--name: names one run; import one PATH at a time with it"));
    // Read every source first: nothing is written unless all of them could be read.
    QList<RunData> runs;
    for (const QString& path : o.positional) {
        QString error;
        std::optional<RunData> run = RunImporter::import(path, *format, &error);
        if (!run)
            return fail(err, RunsCommand::Failed, error);
        if (!o.name.isEmpty())
            run->name = o.name;
        for (const QString& t : o.tags) {
            if (!run->tags.contains(t))
                run->tags.append(t);
        }
        runs.append(*run);
    }
    ProjectWriter writer(o.project);
    if (!openWriter(writer, err))
        return RunsCommand::Failed;
    for (const RunData& run : std::as_const(runs)) {
        if (!writer.insertRun(run))
            return fail(err, RunsCommand::Failed, writer.firstError());
        qint64 requests = 0;
        for (const PointResult& p : run.points)
            requests += p.records.size();
        out << CliTr::tr("Imported run %1 '%2' from %3: %4 point(s), %5 request(s)")
                   .arg(run.id, run.name, run.source)
                   .arg(run.points.size())
                   .arg(requests)
            << Qt::endl;
        for (const QString& n : run.importNotes)
            out << CliTr::tr("  import note: %1").arg(n) << Qt::endl;
    }
    return RunsCommand::Ok;
}

// delete, note and tag: find the run on a reader, then change it through a writer.
int modify(const QString& sub, const Options& o, QTextStream& out, QTextStream& err)
{
    if (o.positional.isEmpty())
        return fail(err, RunsCommand::BadArguments, CliTr::tr("runs %1: give the RUN id").arg(sub));
    if (sub == u"delete" && (o.positional.size() != 1 || o.positional.first() == u"latest"))
        return fail(err, RunsCommand::BadArguments, CliTr::tr("runs delete: give exactly one RUN id or unique prefix"));
    if (sub == u"note" && o.positional.size() != 2)
        return fail(err, RunsCommand::BadArguments, CliTr::tr("runs note: give RUN and one TEXT (quote it)"));
    QString runId;
    {
        ProjectReader reader;
        if (const int code = openAndFind(o, o.positional.first(), reader, runId, err))
            return code;
    }
    ProjectWriter writer(o.project);
    if (!openWriter(writer, err))
        return RunsCommand::Failed;
    if (sub == u"delete") {
        if (!writer.deleteRun(runId))
            return fail(err, RunsCommand::Failed, writer.firstError());
        out << CliTr::tr("Deleted run %1").arg(runId) << Qt::endl;
    } else if (sub == u"note") {
        writer.setNotes(runId, o.positional.at(1));
        out << CliTr::tr("Notes of run %1 set").arg(runId) << Qt::endl;
    } else {
        writer.setTags(runId, o.positional.mid(1));
        out << CliTr::tr("Tags of run %1: %2").arg(runId, o.positional.mid(1).join(QStringLiteral(", "))) << Qt::endl;
    }
    if (!writer.firstError().isEmpty())
        return fail(err, RunsCommand::Failed, writer.firstError());
    return RunsCommand::Ok;
}

// A run named by id, prefix, 'latest', or its unique name.
QString findRunByIdOrName(const ProjectReader& reader, const QString& arg, QString* error)
{
    QString idError;
    const QString id = reader.findRun(arg, &idError);
    if (!id.isEmpty())
        return id;
    QStringList named;
    for (const RunData& r : reader.runs()) {
        if (r.name == arg)
            named.append(r.id);
    }
    if (named.size() == 1)
        return named.first();
    *error = named.isEmpty() ? idError
                             : CliTr::tr("%1 runs are named '%2'; give the id of one").arg(named.size()).arg(arg);
    return {};
}

QString cell(double v, const MetricDef& m)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', m.decimals);
}

QString signedCell(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return (v > 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
}

void printComparisonText(const RunComparison& c, const QStringList& keys, QTextStream& out)
{
    auto runLine = [](const RunComparison::RunInfo& r) {
        return QStringLiteral("%1 '%2' (%3, %4)")
            .arg(r.id.left(8), r.name, r.model,
                QDateTime::fromMSecsSinceEpoch(r.createdMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    };
    out << CliTr::tr("Baseline:  %1").arg(runLine(c.baseline)) << Qt::endl;
    out << CliTr::tr("Candidate: %1").arg(runLine(c.candidate)) << Qt::endl;
    out << CliTr::tr("Verdicts: %1% bootstrap interval of candidate - baseline, %2 resamples, minimum effect %3%")
               .arg(c.options.bootstrap.confidence * 100.0)
               .arg(c.options.bootstrap.resamples)
               .arg(c.options.minEffectPercent)
        << Qt::endl;
    for (const QString& w : c.notComparable)
        out << CliTr::tr("WARNING: not comparable: %1").arg(w) << Qt::endl;
    if (!c.configDiff.isEmpty()) {
        out << Qt::endl << CliTr::tr("Configuration differences:") << Qt::endl;
        for (const ParameterRegistry::Difference& d : c.configDiff)
            out << "  " << pad(d.parameter->flag(), 26) << d.before << "  ->  " << d.after << Qt::endl;
    }
    if (!c.unmatchedBaseline.isEmpty())
        out << CliTr::tr("Only in the baseline: %1").arg(c.unmatchedBaseline.join(QStringLiteral(", "))) << Qt::endl;
    if (!c.unmatchedCandidate.isEmpty())
        out << CliTr::tr("Only in the candidate: %1").arg(c.unmatchedCandidate.join(QStringLiteral(", "))) << Qt::endl;
    if (c.points.isEmpty())
        out << CliTr::tr("No point of the same load in both runs: nothing to compare.") << Qt::endl;
    for (const PointComparison& pc : c.points) {
        out << Qt::endl
            << CliTr::tr("Point %1 (baseline point %2, candidate point %3)")
                   .arg(pc.load)
                   .arg(pc.baselineIndex + 1)
                   .arg(pc.candidateIndex + 1)
            << Qt::endl;
        out << pad(QStringLiteral("METRIC"), 30) << pad(QStringLiteral("KEY"), 30)
            << pad(QStringLiteral("BASELINE"), 12, true) << pad(QStringLiteral("CANDIDATE"), 12, true)
            << pad(QStringLiteral("DELTA"), 12, true) << pad(QStringLiteral("DELTA%"), 9, true) << "  "
            << QStringLiteral("VERDICT") << Qt::endl;
        for (const MetricComparison& m : pc.metrics) {
            if (!keys.isEmpty() && !keys.contains(m.key))
                continue;
            const QString unit = m.metric->unitString();
            out << pad(unit.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, unit), 30) << pad(m.key, 30)
                << pad(cell(m.baseline, *m.metric), 12, true) << pad(cell(m.candidate, *m.metric), 12, true)
                << pad(signedCell(m.delta, m.metric->decimals), 12, true) << pad(signedCell(m.deltaPercent, 1), 9, true)
                << "  " << verdictName(m.verdict) << Qt::endl;
        }
    }
}

int compareRuns(const Options& o, QTextStream& out, QTextStream& err)
{
    if (o.positional.size() != 2)
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr("runs compare: give two runs, BASELINE then CANDIDATE (an id, a prefix, 'latest' or a name)"));
    const QString format = o.format.isEmpty() ? QStringLiteral("text") : o.format;
    if (format != u"text" && format != u"json" && format != u"csv" && format != u"html")
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr("--format: give one of text, json, csv, html (got '%1')").arg(o.format));
    if (!o.output.isEmpty() && format != u"html")
        return fail(err, RunsCommand::BadArguments, CliTr::tr("--output: only with --format html"));
    const QStringList known = RunComparison::metricKeys();
    for (const QString& k : o.metrics) {
        if (!known.contains(k))
            return fail(err, RunsCommand::BadArguments,
                CliTr::tr("--metric: unknown metric '%1'; 'runs compare --help' lists the keys").arg(k));
    }
    ComparisonOptions options;
    if (!o.confidence.isEmpty()) {
        bool ok = false;
        const double v = o.confidence.toDouble(&ok);
        if (!ok || !(v >= 0.5 && v <= 0.999))
            return fail(err, RunsCommand::BadArguments,
                CliTr::tr("--confidence: give a number from 0.5 to 0.999 (got '%1')").arg(o.confidence));
        options.bootstrap.confidence = v;
    }
    if (!o.minEffect.isEmpty()) {
        bool ok = false;
        const double v = o.minEffect.toDouble(&ok);
        if (!ok || !(v >= 0 && v <= 1000))
            return fail(err, RunsCommand::BadArguments,
                CliTr::tr("--min-effect: give a percentage from 0 to 1000 (got '%1')").arg(o.minEffect));
        options.minEffectPercent = v;
    }
    ProjectReader reader;
    QString error;
    if (!reader.open(o.project, &error))
        return fail(err, RunsCommand::BadArguments, QStringLiteral("--project: ") + error);
    // RUN or RUN@POINT (a point's number, parallel=N or rate=R): a name may hold '@', so the whole word is tried
    // as a run first.
    QStringList ids;
    QStringList pointSpecs;
    for (const QString& arg : o.positional) {
        QString id = findRunByIdOrName(reader, arg, &error);
        QString spec;
        const qsizetype at = arg.lastIndexOf(u'@');
        if (id.isEmpty() && at > 0) {
            QString ignored;
            id = findRunByIdOrName(reader, arg.left(at), &ignored);
            spec = arg.mid(at + 1);
        }
        if (id.isEmpty())
            return fail(err, RunsCommand::BadArguments, error);
        ids.append(id);
        pointSpecs.append(spec);
    }
    const bool chosenPoints = !pointSpecs.at(0).isEmpty() || !pointSpecs.at(1).isEmpty();
    if (chosenPoints && (pointSpecs.at(0).isEmpty() || pointSpecs.at(1).isEmpty()))
        return fail(err, RunsCommand::BadArguments,
            CliTr::tr(
                "runs compare: choose a point of both runs (RUN@N, RUN@parallel=N or RUN@rate=R), or of neither"));
    const std::optional<RunData> baseline = reader.loadRun(ids.at(0));
    const std::optional<RunData> candidate = reader.loadRun(ids.at(1));
    if (!baseline || !candidate || !reader.lastError().isEmpty())
        return fail(err, RunsCommand::Failed, reader.lastError());
    RunComparison c;
    if (chosenPoints) {
        const int bp = RunComparison::findPoint(*baseline, pointSpecs.at(0), &error);
        if (bp < 0)
            return fail(err, RunsCommand::BadArguments, QStringLiteral("runs compare: ") + error);
        const int cp = RunComparison::findPoint(*candidate, pointSpecs.at(1), &error);
        if (cp < 0)
            return fail(err, RunsCommand::BadArguments, QStringLiteral("runs compare: ") + error);
        c = RunComparison::comparePoints(*baseline, bp, *candidate, cp, options);
    } else {
        c = RunComparison::compare(*baseline, *candidate, options);
    }
    if (format == u"html") {
        const QString path = o.output.isEmpty()
            ? QStringLiteral("throughline-compare-%1-%2.html").arg(ids.at(0).left(8), ids.at(1).left(8))
            : o.output;
        if (!writeFile(path, ComparisonReport::render(c, *baseline, *candidate, o.metrics), &error))
            return fail(err, RunsCommand::Failed, error);
        out << CliTr::tr("Wrote %1").arg(QFileInfo(path).absoluteFilePath()) << Qt::endl;
    } else if (format == u"json") {
        out << QString::fromUtf8(c.toJson(o.metrics)) << Qt::endl;
    } else if (format == u"csv") {
        out << QString::fromUtf8(c.toCsv(o.metrics));
    } else {
        printComparisonText(c, o.metrics, out);
    }

    const QStringList gate = o.metrics.isEmpty() ? RunComparison::defaultGateKeys() : o.metrics;
    const QList<const MetricComparison*> regressions = c.regressions(gate);
    if (regressions.isEmpty()) {
        if (format == u"text")
            out << Qt::endl
                << CliTr::tr("No significant regression of %1.").arg(gate.join(QStringLiteral(", "))) << Qt::endl;
        return RunsCommand::Ok;
    }
    for (const PointComparison& pc : c.points) {
        for (const MetricComparison& m : pc.metrics) {
            if (m.verdict == Verdict::Worse && gate.contains(m.key))
                err << CliTr::tr("regression: %1 at %2: %3 -> %4 (%5%), %6")
                           .arg(m.key, pc.load, cell(m.baseline, *m.metric), cell(m.candidate, *m.metric),
                               signedCell(m.deltaPercent, 1), m.reason)
                    << Qt::endl;
        }
    }
    return RunsCommand::Failed;
}

} // namespace

QString RunsCommand::runsHelp()
{
    return CliTr::tr(
        "Usage: throughline-cli runs <list|show|compare|export|import|delete|note|tag> [RUN] --project FILE ...\n\n"
        "  list     the runs of a project file\n"
        "  show     one run: provenance, notes, tags, fingerprint and the summary of each sweep point\n"
        "  compare  two runs point by point, with significance verdicts (exit 1 on a regression, for CI)\n"
        "  export   a run as EvalScope output, CSV, JSON or an HTML report\n"
        "  import   an EvalScope output folder, a vLLM bench serve result or an exported run\n"
        "  delete   a run and everything it measured\n"
        "  note     set a run's notes;  tag: set a run's tags\n\n"
        "RUN is a run id, a unique prefix of one, or 'latest'. 'runs <command> --help' for details.\n"
        "Exit codes: 0 done, 2 bad arguments, 1 anything else (the reason on one line).\n");
}

int RunsCommand::runs(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == u"-h" || args.first() == u"--help") {
        out << runsHelp();
        return args.isEmpty() ? BadArguments : Ok;
    }
    const QString sub = args.first();
    struct Sub {
        const char* name;
        const char* help;
        QStringList flags;
    };
    const QList<Sub> subs{
        {"list", kListHelp, {QStringLiteral("--project"), QStringLiteral("--json")}},
        {"show", kShowHelp, {QStringLiteral("--project"), QStringLiteral("--goodput")}},
        {"compare", kCompareHelp,
            {QStringLiteral("--project"), QStringLiteral("--format"), QStringLiteral("--metric"),
                QStringLiteral("--confidence"), QStringLiteral("--min-effect"), QStringLiteral("--output")}},
        {"export", kExportHelp, {QStringLiteral("--project"), QStringLiteral("--format"), QStringLiteral("--output")}},
        {"import", kImportHelp,
            {QStringLiteral("--project"), QStringLiteral("--format"), QStringLiteral("--name"),
                QStringLiteral("--tag")}},
        {"delete", kDeleteHelp, {QStringLiteral("--project")}},
        {"note", kNoteHelp, {QStringLiteral("--project")}},
        {"tag", kTagHelp, {QStringLiteral("--project")}},
    };
    const auto it
        = std::find_if(subs.cbegin(), subs.cend(), [&sub](const Sub& s) { return sub == QLatin1String(s.name); });
    if (it == subs.cend())
        return fail(err, BadArguments,
            CliTr::tr("runs: unknown command '%1'; use list, show, compare, export, import, delete, note or tag")
                .arg(sub));
    Options o;
    if (!parse(args.mid(1), o, err, it->flags))
        return BadArguments;
    if (o.help) {
        out << QString::fromLatin1(it->help);
        if (sub == u"compare")
            out << RunComparison::metricKeys().join(QStringLiteral(" ")) << Qt::endl;
        return Ok;
    }
    if (o.project.isEmpty())
        return fail(err, BadArguments, CliTr::tr("--project: give the project file (*.tlproj)"));
    if (sub == u"compare")
        return compareRuns(o, out, err);
    if (sub == u"list") {
        if (!o.positional.isEmpty())
            return fail(err, BadArguments, CliTr::tr("runs list: unexpected argument '%1'").arg(o.positional.first()));
        return list(o, out, err);
    }
    if (sub == u"show")
        return show(o, out, err);
    if (sub == u"export")
        return exportRun(o, out, err);
    if (sub == u"import")
        return importRuns(o, out, err);
    return modify(sub, o, out, err);
}

int RunsCommand::report(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Options o;
    if (!parse(args, o, err, {QStringLiteral("--project"), QStringLiteral("--run"), QStringLiteral("--output")}))
        return BadArguments;
    if (o.help) {
        out << QString::fromLatin1(kReportHelp);
        return Ok;
    }
    if (!o.positional.isEmpty())
        return fail(
            err, BadArguments, CliTr::tr("report: unexpected argument '%1' (use --run RUN)").arg(o.positional.first()));
    if (o.project.isEmpty())
        return fail(err, BadArguments, CliTr::tr("--project: give the project file (*.tlproj)"));
    ProjectReader reader;
    QString runId;
    if (const int code = openAndFind(o, o.run.isEmpty() ? QStringLiteral("latest") : o.run, reader, runId, err))
        return code;
    const std::optional<RunData> run = reader.loadRun(runId);
    if (!run || !reader.lastError().isEmpty())
        return fail(err, Failed, reader.lastError());
    const QString path
        = o.output.isEmpty() ? QStringLiteral("throughline-report-%1.html").arg(runId.left(8)) : o.output;
    QString error;
    if (!writeFile(path, HtmlReport::render(*run), &error))
        return fail(err, Failed, error);
    out << CliTr::tr("Wrote %1").arg(QFileInfo(path).absoluteFilePath()) << Qt::endl;
    return Ok;
}

} // namespace tl
