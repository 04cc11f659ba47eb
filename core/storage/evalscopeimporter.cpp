#include "storage/evalscopeimporter.h"

#include "metrics/metriccatalogue.h"
#include "storage/projectschema.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

using Json = nlohmann::ordered_json;

const QRegularExpression& pointDirPattern()
{
    // EvalScope's own report discovers run folders with these two patterns (§7.4 of the behaviour reference).
    static const QRegularExpression re(
        QStringLiteral("^(?:parallel_(\\d+)_number_(\\d+)|rate_(-?[\\d.]+)_number_(\\d+))$"));
    return re;
}

bool isPointDir(const QString& dir)
{
    return QFileInfo::exists(dir + QStringLiteral("/benchmark_data.db"))
        || QFileInfo::exists(dir + QStringLiteral("/benchmark_summary.json"));
}

// Point folders at `path` or up to two levels below it (<name>/ and <timestamp>/<name>/).
QStringList findPointDirs(const QString& path)
{
    if (isPointDir(path))
        return {QDir::cleanPath(path)};
    QStringList out;
    QDirIterator it(path, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const int baseDepth = QDir::cleanPath(path).count(u'/');
    while (it.hasNext()) {
        const QString dir = QDir::cleanPath(it.next());
        if (dir.count(u'/') - baseDepth > 3)
            continue;
        if (pointDirPattern().match(QFileInfo(dir).fileName()).hasMatch() && isPointDir(dir))
            out.append(dir);
    }
    return out;
}

Json readJson(const QString& path, bool* present)
{
    QFile f(path);
    *present = f.open(QIODevice::ReadOnly);
    if (!*present)
        return nullptr;
    const QByteArray data = f.readAll();
    // EvalScope writes Python's NaN for non-finite numbers, which JSON does not have.
    QByteArray fixed = data;
    fixed.replace(": NaN", ": null").replace(":NaN", ":null");
    Json j = Json::parse(fixed.cbegin(), fixed.cend(), nullptr, false);
    return j.is_discarded() ? Json(nullptr) : j;
}

double number(const Json& j, const char* key, double fallback = std::numeric_limits<double>::quiet_NaN())
{
    if (!j.is_object())
        return fallback;
    const auto it = j.find(key);
    return (it != j.end() && it->is_number()) ? it->get<double>() : fallback;
}

struct RawRow {
    double start = 0;
    bool success = false;
    bool stream = true;
    double latency = 0;
    double ttft = 0;
    QVector<double> itl;
    qint64 prompt = -1;
    qint64 completion = -1;
    QByteArray request; // the body EvalScope sent (JSON text), kept as a stored body; empty when NULL or too large
    QString requestId; // a trace record's id
};

bool readResultTable(const QString& dbPath, QList<RawRow>& rows, QString* error)
{
    const QString connection = QStringLiteral("tl-evalscope-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dbPath);
        // Read-only: an import never changes the files it reads.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            *error = Tr::tr("cannot open '%1': %2").arg(dbPath, db.lastError().text());
        } else {
            // `request_id` came with EvalScope's trace replay: a file of an earlier EvalScope has no such column.
            QStringList columns;
            {
                QSqlQuery info(db);
                if (info.exec(QStringLiteral("PRAGMA table_info(result)"))) {
                    while (info.next())
                        columns.append(info.value(1).toString());
                }
            }
            const QString request = columns.contains(u"request")
                ? QStringLiteral("CASE WHEN length(CAST(request AS BLOB)) <= %1 THEN request END")
                      .arg(ProjectSchema::kMaxStoredBodyBytes)
                : QStringLiteral("NULL");
            const QString requestId
                = columns.contains(u"request_id") ? QStringLiteral("substr(request_id, 1, 1000)") : QStringLiteral("NULL");
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT start_time, success, is_stream, latency, first_chunk_latency,"
                                       " inter_token_latencies, prompt_tokens, completion_tokens, %1, %2 FROM result"
                                       " ORDER BY start_time, rowid")
                            .arg(request, requestId))) {
                *error = Tr::tr("'%1' has no readable `result` table (EvalScope's benchmark_data.db): %2")
                             .arg(dbPath, q.lastError().text());
            } else {
                ok = true;
                while (q.next()) {
                    RawRow r;
                    r.start = q.value(0).toDouble();
                    r.success = q.value(1).toInt() != 0;
                    r.stream = q.value(2).isNull() ? true : q.value(2).toInt() != 0;
                    r.latency = q.value(3).toDouble();
                    r.ttft = q.value(4).toDouble();
                    const QByteArray itl = q.value(5).toString().toUtf8();
                    const auto j = Json::parse(itl.cbegin(), itl.cend(), nullptr, false);
                    if (j.is_array()) {
                        for (const auto& v : j) {
                            if (v.is_number())
                                r.itl.append(v.get<double>());
                        }
                    }
                    r.prompt = q.value(6).isNull() ? -1 : q.value(6).toLongLong();
                    r.completion = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
                    r.request = q.value(8).toString().toUtf8();
                    r.requestId = q.value(9).toString();
                    rows.append(r);
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString folderTimestamp(const QString& dir)
{
    static const QRegularExpression re(QStringLiteral("/(\\d{8}_\\d{6})(/|$)"));
    const auto m = re.match(dir);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

bool EvalScopeImporter::recognises(const QString& path)
{
    return QFileInfo(path).isDir() && !findPointDirs(path).isEmpty();
}

std::optional<RunData> EvalScopeImporter::import(const QString& path, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<RunData> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!QFileInfo(path).isDir())
        return fail(Tr::tr("'%1' is not a folder; give an EvalScope output folder (it holds parallel_<P>_number_<N> "
                           "folders)")
                        .arg(path));
    const QStringList dirs = findPointDirs(path);
    if (dirs.isEmpty())
        return fail(Tr::tr("'%1' holds no EvalScope run folder (parallel_<P>_number_<N> or rate_<R>_number_<N> with "
                           "benchmark_data.db or benchmark_summary.json)")
                        .arg(path));

    struct Loaded {
        QString dir;
        Json args;
        Json summary;
        RunPoint point;
        QList<RawRow> rows;
        bool hasData = false;
        QByteArray summaryJson;
        QByteArray percentileJson;
    };
    QList<Loaded> loaded;
    QStringList notes;
    QStringList missingData;
    for (const QString& dir : dirs) {
        Loaded l;
        l.dir = dir;
        bool present = false;
        l.args = readJson(dir + QStringLiteral("/benchmark_args.json"), &present);
        l.summary = readJson(dir + QStringLiteral("/benchmark_summary.json"), &present);
        QFile summaryFile(dir + QStringLiteral("/benchmark_summary.json"));
        if (summaryFile.open(QIODevice::ReadOnly))
            l.summaryJson = summaryFile.readAll();
        QFile percentileFile(dir + QStringLiteral("/benchmark_percentile.json"));
        if (percentileFile.open(QIODevice::ReadOnly))
            l.percentileJson = percentileFile.readAll().replace("NaN", "null");
        const auto m = pointDirPattern().match(QFileInfo(dir).fileName());
        // The point: benchmark_args.json first (it holds what the run used), else the folder's name.
        auto argInt = [&](const char* key, int fallback) {
            if (!l.args.is_object() || !l.args.contains(key))
                return fallback;
            const Json& v = l.args.at(key);
            if (v.is_number())
                return v.get<int>();
            if (v.is_array() && v.size() == 1 && v.front().is_number())
                return v.front().get<int>();
            return fallback;
        };
        auto argDouble = [&](const char* key, double fallback) {
            if (!l.args.is_object() || !l.args.contains(key))
                return fallback;
            const Json& v = l.args.at(key);
            if (v.is_number())
                return v.get<double>();
            if (v.is_array() && v.size() == 1 && v.front().is_number())
                return v.front().get<double>();
            return fallback;
        };
        const bool openLoop = m.hasMatch() && !m.captured(3).isEmpty();
        const int dirParallel = m.hasMatch() && !openLoop ? m.captured(1).toInt() : -1;
        const int dirNumber = m.hasMatch() ? (openLoop ? m.captured(4) : m.captured(2)).toInt() : 0;
        const double dirRate = openLoop ? m.captured(3).toDouble() : -1.0;
        l.point.parallel = openLoop ? -1 : argInt("parallel", dirParallel);
        l.point.number = argInt("number", dirNumber);
        l.point.rate = argDouble("rate", dirRate);
        QString dbError;
        const QString db = dir + QStringLiteral("/benchmark_data.db");
        if (QFileInfo::exists(db)) {
            if (!readResultTable(db, l.rows, &dbError))
                return fail(dbError);
            l.hasData = true;
        } else {
            missingData.append(QFileInfo(dir).fileName());
        }
        loaded.append(l);
    }
    std::sort(loaded.begin(), loaded.end(), [](const Loaded& a, const Loaded& b) {
        if (a.point.parallel != b.point.parallel)
            return a.point.parallel < b.point.parallel;
        if (a.point.rate != b.point.rate)
            return a.point.rate < b.point.rate;
        return a.point.number < b.point.number;
    });

    // One time base for the whole sweep: EvalScope's times are perf_counter seconds of one process.
    double minStart = std::numeric_limits<double>::max();
    for (const Loaded& l : loaded) {
        for (const RawRow& r : l.rows)
            minStart = std::min(minStart, r.start);
    }
    // The anchor sits 1 ms before the first send, so no stored time is 0 ("did not happen").
    const double origin = minStart == std::numeric_limits<double>::max() ? 0.0 : minStart - 0.001;

    RunData run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.source = QStringLiteral("evalscope");
    run.sourcePath = QDir(path).absolutePath();
    run.status = QStringLiteral("finished");
    const Json& args = loaded.first().args;
    auto argString = [&args](const char* key) {
        return args.is_object() && args.contains(key) ? jsonutil::toQString(args.at(key)) : QString();
    };
    run.model = argString("model");
    run.url = argString("url");
    run.api = argString("api");
    run.name = argString("name");
    if (run.name.isEmpty())
        run.name = run.model.isEmpty() ? QFileInfo(loaded.first().dir).dir().dirName() : run.model.section(u'/', -1);
    run.toolVersion = QStringLiteral("EvalScope");

    // The configuration: the first point's args with the sweep's lists, in the same keys.
    Json config = args.is_object() ? args : Json::object();
    Json parallels = Json::array();
    Json numbers = Json::array();
    Json rates = Json::array();
    for (const Loaded& l : loaded) {
        parallels.push_back(l.point.parallel);
        numbers.push_back(l.point.number);
        rates.push_back(l.point.rate);
    }
    config["parallel"] = parallels;
    config["number"] = numbers;
    config["rate"] = rates;
    run.configJson = jsonutil::dumpOrdered(config, 4);
    if (!args.is_object())
        notes.append(Tr::tr("no benchmark_args.json: the configuration holds only the load of each point"));

    const QString stamp = folderTimestamp(loaded.first().dir);
    const QDateTime when = QDateTime::fromString(stamp, QStringLiteral("yyyyMMdd_HHmmss"));
    if (when.isValid()) {
        run.createdMs = when.toMSecsSinceEpoch();
    } else {
        run.createdMs = QFileInfo(loaded.first().dir).lastModified().toMSecsSinceEpoch();
        notes.append(Tr::tr("no start time: the run's date is the folder's modification time"));
    }

    bool anyFailure = false;
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const Loaded& l = loaded.at(i);
        PointResult p;
        p.index = int(i);
        p.point = l.point;
        p.status = QStringLiteral("completed");
        if (!l.hasData) {
            // No raw data: keep EvalScope's own figures, said plainly.
            p.hasSummary = !l.summaryJson.isEmpty();
            if (p.hasSummary)
                p.summary = summaryFromJson(l.summaryJson);
            if (!l.percentileJson.isEmpty())
                p.percentiles = percentilesFromJson(l.percentileJson);
            run.points.append(p);
            continue;
        }
        int seq = 0;
        for (const RawRow& raw : l.rows) {
            const qint64 sent = qint64(std::llround((raw.start - origin) * 1e9));
            RequestRecord r;
            if (raw.success) {
                r = recordFromTimings(seq, sent, raw.stream, raw.ttft, raw.itl, raw.latency);
            } else {
                r.seq = seq;
                r.stream = raw.stream;
                r.scheduledNs = sent;
                r.sentNs = sent;
                r.errorClass = ErrorClass::Unknown;
                anyFailure = true;
            }
            r.seq = seq++;
            r.success = raw.success;
            r.promptTokens = raw.prompt;
            r.completionTokens = raw.completion;
            r.requestBody = raw.request;
            r.requestId = raw.requestId;
            p.records.append(r);
        }
        recomputeMetrics(p, RunConfig::apiKindOf(run.api));
        // benchmark_data.db keeps no cached tokens: EvalScope's own KV-cache figure is the only one there is.
        if (l.summary.is_object())
            p.summary.kvCacheHitRatePct = number(l.summary, MetricCatalogue::get(MetricId::KvCacheHitRate).key);
        // Cross-check against EvalScope's own summary; a difference is reported, never hidden.
        if (l.summary.is_object()) {
            const double theirs = number(l.summary, MetricCatalogue::get(MetricId::SuccessRequests).key,
                number(l.summary, "Succeed requests")); // EvalScope's older spelling
            if (!std::isnan(theirs) && int(theirs) != p.summary.successRequests) {
                notes.append(Tr::tr("%1: benchmark_summary.json counts %2 successful requests, benchmark_data.db "
                                    "holds %3; the metrics follow the data")
                                 .arg(QFileInfo(l.dir).fileName())
                                 .arg(int(theirs))
                                 .arg(p.summary.successRequests));
            }
        }
        run.points.append(p);
    }

    if (!missingData.isEmpty()) {
        notes.append(Tr::tr("no benchmark_data.db in %1: no per-request data there; those points keep EvalScope's "
                            "own summary and percentiles, not recomputed")
                         .arg(missingData.join(u", ")));
    }
    if (missingData.size() < loaded.size()) {
        notes.append(Tr::tr("no per-chunk times: chunk times rebuilt from TTFT and the ITL list"));
        notes.append(Tr::tr("whether a chunk carried text is not recorded: every chunk counts as content"));
        notes.append(Tr::tr("no scheduled send times, response-header times, HTTP status or bytes received"));
        notes.append(Tr::tr("token counts may be the server's or EvalScope's tokenizer estimate: source unknown"));
        notes.append(Tr::tr("no warmup requests (EvalScope does not store them)"));
        if (anyFailure)
            notes.append(Tr::tr("failed requests carry no error class, status or message"));
    }
    run.importNotes = notes;
    return run;
}

} // namespace tl
