#include "metrics/runcomparison.h"

#include "config/runconfig.h"
#include "metrics/pointaccumulator.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QRegularExpression>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNoStatistic = -2.0;

// The per-request column an average of the summary or extended table is the plain mean of: its verdict resamples
// that column. Averages that are not such a mean (tokens per chunk: a ratio of sums) and every single number of a
// point (throughputs, counts, durations, rates) have none.
std::optional<MetricId> meanOf(MetricId id)
{
    switch (id) {
    case MetricId::AvgLatency:
        return MetricId::Latency;
    case MetricId::AvgInputTokens:
        return MetricId::InputTokens;
    case MetricId::AvgTtft:
        return MetricId::Ttft;
    case MetricId::AvgTpot:
        return MetricId::Tpot;
    case MetricId::AvgItl:
        return MetricId::Itl;
    case MetricId::AvgOutputTokens:
        return MetricId::OutputTokens;
    case MetricId::AvgTtftContent:
        return MetricId::TtftContent;
    case MetricId::AvgTpotExclFirst:
        return MetricId::TpotExclFirst;
    case MetricId::AvgNtpot:
        return MetricId::Ntpot;
    case MetricId::AvgItlChunk:
        return MetricId::ItlChunk;
    case MetricId::AvgItlToken:
        return MetricId::ItlToken;
    case MetricId::AvgLatencyFromSchedule:
        return MetricId::LatencyFromSchedule;
    case MetricId::AvgScheduleLag:
        return MetricId::ScheduleLag;
    case MetricId::AvgChunksPerRequest:
        return MetricId::ChunksPerRequest;
    default:
        return std::nullopt;
    }
}

// One row of a point's comparison.
struct RowDef {
    const MetricDef* metric = nullptr;
    QString label; // percentile label, or empty
    double statistic = kNoStatistic; // Bootstrap::kMean, a percentile, or kNoStatistic
    std::optional<MetricId> column; // the samples resampled
    QString key;
    QString name;
};

QString slug(const QString& text)
{
    static const QRegularExpression rest(QStringLiteral("[^a-z0-9]+"));
    QString s = text.toLower();
    s.replace(rest, QStringLiteral("_"));
    while (s.startsWith(u'_'))
        s.remove(0, 1);
    while (s.endsWith(u'_'))
        s.chop(1);
    return s;
}

const QList<RowDef>& rowDefs()
{
    static const QList<RowDef> rows = [] {
        QList<RowDef> out;
        QStringList seen;
        const QList<std::pair<const char*, double>> percentiles{{"50%", 50.0}, {"90%", 90.0}, {"99%", 99.0}};
        for (const MetricDef& m : MetricCatalogue::all()) {
            if (m.format == MetricFormat::Text)
                continue; // failures by class and the token-delta source: nothing to subtract
            const QString base = slug(m.keyString());
            const bool percentileColumn
                = m.table == MetricTable::Percentiles || m.table == MetricTable::ExtendedPercentiles;
            if (!percentileColumn) {
                if (seen.contains(base))
                    continue; // the extended table's success and failure counts repeat the summary's
                seen.append(base);
                const std::optional<MetricId> column = meanOf(m.id);
                out.append(
                    RowDef{&m, QString(), column ? Bootstrap::kMean : kNoStatistic, column, base, m.nameString()});
                continue;
            }
            for (const auto& [label, p] : percentiles) {
                const QString suffix = QStringLiteral("p%1").arg(int(p));
                out.append(RowDef{
                    &m, QString::fromLatin1(label), p, m.id, base + u'_' + suffix, m.nameString() + u' ' + suffix});
            }
        }
        return out;
    }();
    return rows;
}

QString loadName(const RunPoint& p)
{
    if (p.rate > 0)
        return QStringLiteral("rate %1").arg(p.rate);
    return p.parallel < 0 ? QStringLiteral("unpaced, unbounded") : QStringLiteral("parallel %1").arg(p.parallel);
}

// The loads of a sweep, with "#2", "#3"... for a load tested again, so that repeats match in order.
QStringList loadNames(const QList<PointResult>& points)
{
    QStringList out;
    QHash<QString, int> count;
    for (const PointResult& p : points) {
        const QString name = loadName(p.point);
        const int n = ++count[name];
        out.append(n == 1 ? name : QStringLiteral("%1 #%2").arg(name).arg(n));
    }
    return out;
}

RunComparison::RunInfo infoOf(const RunData& r)
{
    return {r.id, r.name, r.model, r.createdMs};
}

PointSamples samplesOf(const PointResult& p, RunConfig::ApiKind api)
{
    if (p.records.isEmpty())
        return {};
    PointAccumulator acc(api, p.point);
    acc.add(p.records);
    return RunComparison::samplesFrom(acc);
}

// One bootstrap: a point's column, every statistic of the rows that read it.
struct Task {
    qsizetype point = 0;
    MetricId column = MetricId::Ttft;
    QList<qsizetype> rows; // into PointComparison::metrics
    QList<double> statistics;
    const QVector<double>* baseline = nullptr;
    const QVector<double>* candidate = nullptr;
    quint64 seed = 0;
    QList<Bootstrap::Interval> intervals;
};

qsizetype samplesNeeded(const ComparisonOptions& o, double statistic)
{
    qsizetype need = o.minSamples;
    if (statistic > 50.0 && statistic < 100.0)
        need = std::max<qsizetype>(need, qsizetype(std::ceil(o.minTail / (1.0 - statistic / 100.0) - 1e-9)));
    return need;
}

Change changeOf(const MetricDef& m, double delta)
{
    if (!std::isfinite(delta) || delta == 0)
        return Change::Same;
    switch (m.direction) {
    case MetricDirection::LowerIsBetter:
        return delta < 0 ? Change::Better : Change::Worse;
    case MetricDirection::HigherIsBetter:
        return delta > 0 ? Change::Better : Change::Worse;
    case MetricDirection::Neutral:
        break;
    }
    return Change::Unranked;
}

QString changeName(Change c)
{
    switch (c) {
    case Change::Same:
        return QStringLiteral("same");
    case Change::Better:
        return QStringLiteral("better");
    case Change::Worse:
        return QStringLiteral("worse");
    case Change::Unranked:
        break;
    }
    return QStringLiteral("changed");
}

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

void judge(MetricComparison& m, const ComparisonOptions& o, double statistic)
{
    const qsizetype need = samplesNeeded(o, statistic);
    if (m.baselineSamples < need || m.candidateSamples < need) {
        m.verdict = Verdict::Inconclusive;
        m.reason = QStringLiteral("too few samples: %1 baseline, %2 candidate (%3 needed on each side)")
                       .arg(m.baselineSamples)
                       .arg(m.candidateSamples)
                       .arg(need);
        return;
    }
    const QString ci = QStringLiteral("%1% interval of the difference [%2, %3]")
                           .arg(o.bootstrap.confidence * 100.0)
                           .arg(number(m.interval.low), number(m.interval.high));
    if (!m.interval.isValid() || m.interval.contains(0.0)) {
        m.verdict = Verdict::Inconclusive;
        m.reason = ci + QStringLiteral(" contains 0");
        return;
    }
    const double percent = std::abs(m.deltaPercent);
    if (std::isfinite(percent) && percent < o.minEffectPercent) {
        m.verdict = Verdict::Inconclusive;
        m.reason = ci
            + QStringLiteral(" excludes 0, but the change (%1%) is below the %2% minimum effect")
                  .arg(number(m.deltaPercent), number(o.minEffectPercent));
        return;
    }
    const bool up = m.interval.low > 0;
    switch (m.metric->direction) {
    case MetricDirection::LowerIsBetter:
        m.verdict = up ? Verdict::Worse : Verdict::Better;
        break;
    case MetricDirection::HigherIsBetter:
        m.verdict = up ? Verdict::Better : Verdict::Worse;
        break;
    case MetricDirection::Neutral:
        m.verdict = Verdict::Different;
        break;
    }
    m.reason = ci + QStringLiteral(" excludes 0");
}

nlohmann::ordered_json numberOrNull(double v)
{
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json runJson(const RunComparison::RunInfo& r)
{
    nlohmann::ordered_json j;
    j["id"] = jsonutil::toStd(r.id);
    j["name"] = jsonutil::toStd(r.name);
    j["model"] = jsonutil::toStd(r.model);
    j["created"] = jsonutil::toStd(QDateTime::fromMSecsSinceEpoch(r.createdMs).toString(Qt::ISODate));
    return j;
}

nlohmann::ordered_json stringList(const QStringList& list)
{
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const QString& s : list)
        a.push_back(jsonutil::toStd(s));
    return a;
}

QString csvField(const QString& s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString csvNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}

} // namespace

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Better:
        return QStringLiteral("better");
    case Verdict::Worse:
        return QStringLiteral("worse");
    case Verdict::Different:
        return QStringLiteral("different");
    case Verdict::Inconclusive:
        return QStringLiteral("inconclusive");
    case Verdict::NotApplicable:
        break;
    }
    return QStringLiteral("n/a");
}

QStringList RunComparison::metricKeys()
{
    QStringList out;
    for (const RowDef& row : rowDefs())
        out.append(row.key);
    return out;
}

QStringList RunComparison::defaultGateKeys()
{
    return {QStringLiteral("avg_ttft_ms"), QStringLiteral("ttft_ms_p99"), QStringLiteral("avg_latency_s"),
        QStringLiteral("latency_s_p99")};
}

namespace {

// What both compare() and comparePoints() begin with: who is compared and how their configurations differ.
RunComparison begin(const RunData& baseline, const RunData& candidate, const ComparisonOptions& options)
{
    RunComparison out;
    out.baseline = infoOf(baseline);
    out.candidate = infoOf(candidate);
    out.options = options;

    // Configuration: every parameter that differs, and the workload-defining ones as warnings.
    if (baseline.configJson.isEmpty() || candidate.configJson.isEmpty()) {
        out.notComparable.append(
            QStringLiteral("run %1 stored no configuration: whether the workloads match cannot be checked")
                .arg(baseline.configJson.isEmpty() ? baseline.id : candidate.id));
    } else {
        ConfigErrors ignored;
        const RunConfig a = RunConfig::fromJson(baseline.configJson, &ignored);
        const RunConfig b = RunConfig::fromJson(candidate.configJson, &ignored);
        out.configDiff = ParameterRegistry::configDiff(a, b);
        for (const ParameterRegistry::Difference& d : std::as_const(out.configDiff)) {
            if (ParameterRegistry::definesWorkload(*d.parameter))
                out.notComparable.append(QStringLiteral("%1 differs (%2 vs %3): the runs measured different workloads")
                                             .arg(d.parameter->flag(), d.before, d.after));
        }
    }
    return out;
}

// The metrics and verdicts of every pair in out.points (their indices set).
// `baseGiven`/`candGiven`: each point's samples read beforehand (by point index), or null to take them from the
// points' records.
void comparePairs(RunComparison& out, const RunData& baseline, const RunData& candidate,
    const QList<PointSamples>* baseGiven = nullptr, const QList<PointSamples>* candGiven = nullptr)
{
    const ComparisonOptions& options = out.options;
    const RunConfig::ApiKind baseApi = RunConfig::apiKindOf(baseline.api);
    const RunConfig::ApiKind candApi = RunConfig::apiKindOf(candidate.api);
    QList<PointSamples> baseSamples;
    QList<PointSamples> candSamples;
    for (const PointComparison& pc : std::as_const(out.points)) {
        baseSamples.append(
            baseGiven ? baseGiven->value(pc.baselineIndex) : samplesOf(baseline.points.at(pc.baselineIndex), baseApi));
        candSamples.append(candGiven ? candGiven->value(pc.candidateIndex)
                                     : samplesOf(candidate.points.at(pc.candidateIndex), candApi));
    }

    QList<Task> tasks;
    for (qsizetype pi = 0; pi < out.points.size(); ++pi) {
        PointComparison& pc = out.points[pi];
        const PointResult& bp = baseline.points.at(pc.baselineIndex);
        const PointResult& cp = candidate.points.at(pc.candidateIndex);
        QHash<int, qsizetype> taskOfColumn;
        for (const RowDef& row : rowDefs()) {
            MetricComparison m;
            m.metric = row.metric;
            m.label = row.label;
            m.key = row.key;
            m.name = row.name;
            m.baseline = bp.hasSummary ? MetricCatalogue::value(*row.metric, bp, row.label) : kNaN;
            m.candidate = cp.hasSummary ? MetricCatalogue::value(*row.metric, cp, row.label) : kNaN;
            m.delta = m.candidate - m.baseline;
            m.deltaPercent
                = (std::isfinite(m.delta) && m.baseline != 0) ? 100.0 * m.delta / std::abs(m.baseline) : kNaN;
            m.change = changeOf(*row.metric, m.delta);
            if (!row.column) {
                m.verdict = Verdict::NotApplicable;
                m.reason = QStringLiteral("one value per point: nothing to resample");
            } else {
                const int column = int(*row.column);
                const QVector<double> empty;
                const QVector<double>& b
                    = baseSamples.at(pi).columns.contains(column) ? *baseSamples.at(pi).columns.find(column) : empty;
                const QVector<double>& c
                    = candSamples.at(pi).columns.contains(column) ? *candSamples.at(pi).columns.find(column) : empty;
                m.baselineSamples = b.size();
                m.candidateSamples = c.size();
                const qsizetype need = samplesNeeded(options, row.statistic);
                if (b.size() >= need && c.size() >= need) {
                    qsizetype t = taskOfColumn.value(column, -1);
                    if (t < 0) {
                        Task task;
                        task.point = pi;
                        task.column = *row.column;
                        task.baseline = &*baseSamples.at(pi).columns.find(column);
                        task.candidate = &*candSamples.at(pi).columns.find(column);
                        // A seed per (point, column): the same comparison gives the same intervals however it is
                        // split over threads.
                        task.seed = options.bootstrap.seed ^ (quint64(pi + 1) * 0x9E3779B97F4A7C15ULL)
                            ^ (quint64(column + 1) * 0xC2B2AE3D27D4EB4FULL);
                        t = tasks.size();
                        tasks.append(task);
                        taskOfColumn.insert(column, t);
                    }
                    tasks[t].rows.append(pc.metrics.size());
                    tasks[t].statistics.append(row.statistic);
                }
            }
            pc.metrics.append(m);
        }
    }

    // On threads of its own, not the global pool: the GUI thread uses that one too (Qt splits image conversions and
    // scaling over it and waits), and a comparison's bootstrap held every thread of it for seconds, so the page froze
    // until the verdicts were in (bench_results --parts compare: 2.3 s of lag with both runs' samples cached).
    static QThreadPool pool; // QThread::idealThreadCount() threads
    QtConcurrent::blockingMap(&pool, tasks, [&options](Task& t) {
        Bootstrap::Options o = options.bootstrap;
        o.seed = t.seed;
        t.intervals = Bootstrap::differenceIntervals(*t.baseline, *t.candidate, t.statistics, o);
    });
    for (const Task& t : std::as_const(tasks)) {
        for (qsizetype k = 0; k < t.rows.size(); ++k)
            out.points[t.point].metrics[t.rows.at(k)].interval = t.intervals.at(k);
    }
    for (PointComparison& pc : out.points) {
        for (qsizetype k = 0; k < pc.metrics.size(); ++k) {
            MetricComparison& m = pc.metrics[k];
            if (m.verdict == Verdict::NotApplicable && m.reason.isEmpty())
                judge(m, options, rowDefs().at(k).statistic);
        }
    }
}

} // namespace

PointSamples RunComparison::samplesFrom(const PointAccumulator& acc)
{
    PointSamples out;
    for (const RowDef& row : rowDefs()) {
        if (row.column && !out.columns.contains(int(*row.column)))
            out.columns.insert(int(*row.column), acc.columnSamples(*row.column));
    }
    return out;
}

RunComparison RunComparison::compare(const RunData& baseline, const QList<PointSamples>& baselineSamples,
    const RunData& candidate, const QList<PointSamples>& candidateSamples, const ComparisonOptions& options)
{
    RunComparison out = compareLoads(baseline, candidate, options);
    comparePairs(out, baseline, candidate, &baselineSamples, &candidateSamples);
    return out;
}

RunComparison RunComparison::compare(
    const RunData& baseline, const RunData& candidate, const ComparisonOptions& options)
{
    RunComparison out = compareLoads(baseline, candidate, options);
    comparePairs(out, baseline, candidate);
    return out;
}

RunComparison RunComparison::compareLoads(
    const RunData& baseline, const RunData& candidate, const ComparisonOptions& options)
{
    RunComparison out = begin(baseline, candidate, options);
    // Points, matched by load.
    const QStringList baseLoads = loadNames(baseline.points);
    const QStringList candLoads = loadNames(candidate.points);
    for (qsizetype i = 0; i < baseLoads.size(); ++i) {
        const qsizetype j = candLoads.indexOf(baseLoads.at(i));
        if (j < 0) {
            out.unmatchedBaseline.append(baseLoads.at(i));
            continue;
        }
        PointComparison pc;
        pc.load = baseLoads.at(i);
        pc.baselineIndex = int(i);
        pc.candidateIndex = int(j);
        out.points.append(pc);
    }
    for (const QString& load : candLoads) {
        if (!baseLoads.contains(load))
            out.unmatchedCandidate.append(load);
    }
    return out;
}

RunComparison RunComparison::comparePoints(const RunData& baseline, int baselinePoint, const RunData& candidate,
    int candidatePoint, const ComparisonOptions& options)
{
    RunComparison out = begin(baseline, candidate, options);
    const bool valid = baselinePoint >= 0 && baselinePoint < baseline.points.size() && candidatePoint >= 0
        && candidatePoint < candidate.points.size();
    if (!valid)
        return out;
    const QString b = loadName(baseline.points.at(baselinePoint).point);
    const QString c = loadName(candidate.points.at(candidatePoint).point);
    PointComparison pc;
    pc.load = b == c ? b : QStringLiteral("%1 vs %2").arg(b, c);
    pc.baselineIndex = baselinePoint;
    pc.candidateIndex = candidatePoint;
    out.points.append(pc);
    comparePairs(out, baseline, candidate);
    return out;
}

int RunComparison::findPoint(const RunData& run, const QString& spec, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return -1;
    };
    const int n = int(run.points.size());
    bool isIndex = false;
    const int index = spec.toInt(&isIndex);
    if (isIndex) {
        if (index < 1 || index > n)
            return fail(QStringLiteral("run %1 has no point %2 (it has %3)").arg(run.id.left(8)).arg(index).arg(n));
        return index - 1;
    }
    const qsizetype eq = spec.indexOf(u'=');
    const QString what = spec.left(eq).trimmed();
    bool ok = false;
    const double value = eq > 0 ? spec.mid(eq + 1).toDouble(&ok) : 0.0;
    if (eq <= 0 || !ok || (what != u"parallel" && what != u"rate"))
        return fail(QStringLiteral("'%1': give a point as its number (1, 2...), parallel=N or rate=R").arg(spec));
    QList<int> found;
    for (int i = 0; i < n; ++i) {
        const RunPoint& p = run.points.at(i).point;
        const bool open = p.rate > 0;
        if (what == u"rate" ? (open && std::abs(p.rate - value) < 1e-9) : (!open && p.parallel == int(value)))
            found.append(i);
    }
    if (found.isEmpty())
        return fail(QStringLiteral("run %1 has no point of %2 (it has %3)")
                        .arg(run.id.left(8), spec, loadNames(run.points).join(QStringLiteral(", "))));
    return found.first(); // a load tested again: its first point (give the number for another)
}

QList<const MetricComparison*> RunComparison::regressions(const QStringList& keys) const
{
    QList<const MetricComparison*> out;
    for (const PointComparison& pc : points) {
        for (const MetricComparison& m : pc.metrics) {
            if (m.verdict == Verdict::Worse && (keys.isEmpty() || keys.contains(m.key)))
                out.append(&m);
        }
    }
    return out;
}

QByteArray RunComparison::toJson(const QStringList& keys) const
{
    nlohmann::ordered_json j;
    j["baseline"] = runJson(baseline);
    j["candidate"] = runJson(candidate);
    j["confidence"] = options.bootstrap.confidence;
    j["resamples"] = options.bootstrap.resamples;
    j["max_samples"] = options.bootstrap.maxSamples;
    j["min_samples"] = options.minSamples;
    j["min_effect_percent"] = options.minEffectPercent;
    j["not_comparable"] = stringList(notComparable);
    nlohmann::ordered_json diff = nlohmann::ordered_json::array();
    for (const ParameterRegistry::Difference& d : configDiff) {
        nlohmann::ordered_json e;
        e["parameter"] = d.parameter->key ? d.parameter->key : "";
        e["flag"] = jsonutil::toStd(d.parameter->flag());
        e["baseline"] = jsonutil::toStd(d.before);
        e["candidate"] = jsonutil::toStd(d.after);
        e["defines_workload"] = ParameterRegistry::definesWorkload(*d.parameter);
        diff.push_back(e);
    }
    j["config_diff"] = diff;
    j["unmatched_baseline"] = stringList(unmatchedBaseline);
    j["unmatched_candidate"] = stringList(unmatchedCandidate);
    nlohmann::ordered_json pts = nlohmann::ordered_json::array();
    for (const PointComparison& pc : points) {
        nlohmann::ordered_json p;
        p["load"] = jsonutil::toStd(pc.load);
        p["baseline_point"] = pc.baselineIndex;
        p["candidate_point"] = pc.candidateIndex;
        nlohmann::ordered_json ms = nlohmann::ordered_json::array();
        for (const MetricComparison& m : pc.metrics) {
            if (!keys.isEmpty() && !keys.contains(m.key))
                continue;
            nlohmann::ordered_json e;
            e["key"] = jsonutil::toStd(m.key);
            e["name"] = jsonutil::toStd(m.name);
            e["unit"] = m.metric->unit;
            e["direction"] = jsonutil::toStd(MetricCatalogue::directionName(m.metric->direction));
            e["baseline"] = numberOrNull(m.baseline);
            e["candidate"] = numberOrNull(m.candidate);
            e["delta"] = numberOrNull(m.delta);
            e["delta_percent"] = numberOrNull(m.deltaPercent);
            e["change"] = jsonutil::toStd(changeName(m.change));
            e["verdict"] = jsonutil::toStd(verdictName(m.verdict));
            e["ci_low"] = numberOrNull(m.interval.low);
            e["ci_high"] = numberOrNull(m.interval.high);
            e["baseline_samples"] = m.baselineSamples;
            e["candidate_samples"] = m.candidateSamples;
            e["reason"] = jsonutil::toStd(m.reason);
            ms.push_back(e);
        }
        p["metrics"] = ms;
        pts.push_back(p);
    }
    j["points"] = pts;
    return jsonutil::dumpOrdered(j, 2);
}

QByteArray RunComparison::toCsv(const QStringList& keys) const
{
    QString out = QStringLiteral("load,key,name,unit,direction,baseline,candidate,delta,delta_percent,change,verdict,"
                                 "ci_low,ci_high,baseline_samples,candidate_samples,reason\r\n");
    for (const PointComparison& pc : points) {
        for (const MetricComparison& m : pc.metrics) {
            if (!keys.isEmpty() && !keys.contains(m.key))
                continue;
            const QStringList fields{csvField(pc.load), m.key, csvField(m.name), csvField(m.metric->unitString()),
                MetricCatalogue::directionName(m.metric->direction), csvNumber(m.baseline), csvNumber(m.candidate),
                csvNumber(m.delta), csvNumber(m.deltaPercent), changeName(m.change), verdictName(m.verdict),
                csvNumber(m.interval.low), csvNumber(m.interval.high), QString::number(m.baselineSamples),
                QString::number(m.candidateSamples), csvField(m.reason)};
            out += fields.join(u',') + QStringLiteral("\r\n");
        }
    }
    return out.toUtf8();
}

} // namespace tl
