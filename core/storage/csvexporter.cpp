#include "storage/csvexporter.h"

#include "config/runconfig.h"
#include "metrics/metriccatalogue.h"
#include "metrics/saturation.h"
#include "metrics/slatuner.h"
#include "storage/csv.h"
#include "storage/outputwriter.h"
#include "util/tr.h"

#include <QDir>
#include <QSaveFile>

#include <cmath>
#include <optional>

namespace tl {

namespace {

QString num(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 12) : QString();
}

QString optNs(qint64 ns)
{
    return ns != 0 ? CsvExporter::nsToMs(ns) : QString();
}

QString tokens(qint64 v)
{
    return v >= 0 ? QString::number(v) : QString();
}

// "TTFT (ms)" -> "ttft_ms", "Output (tok/s)" -> "output_tok_s": the unit stays in the column name.
QString columnFor(const QString& metric)
{
    QString out;
    for (const QChar c : metric.toLower()) {
        if (c.isLetterOrNumber())
            out.append(c);
        else if (!out.isEmpty() && !out.endsWith(u'_'))
            out.append(u'_');
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    return out;
}

// The points file's metric columns: a metric of the catalogue, at a percentile point for the p50/p99 columns, named
// after its key ("Avg TTFT (ms)" -> avg_ttft_ms, p99 of "TTFT (ms)" -> p99_ttft_ms) unless named otherwise.
struct MetricColumn {
    MetricId metric;
    const char* label = nullptr; // "50%": the percentile column's value at that point
    const char* name = nullptr; // the column's name when it is not derived from the key
};

QList<MetricColumn> metricColumns()
{
    QList<MetricColumn> columns = {
        {MetricId::TotalRequests},
        {MetricId::SuccessRequests},
        {MetricId::FailedRequests},
        {MetricId::TestDuration, nullptr, "duration_s"}, // the name of the first release's files
        {MetricId::ReqThroughput},
        {MetricId::OutputThroughput},
        {MetricId::TotalThroughput},
        {MetricId::AvgLatency},
        {MetricId::AvgTtft},
        {MetricId::AvgTpot},
        {MetricId::AvgItl},
        {MetricId::AvgInputTokens},
        {MetricId::AvgOutputTokens},
        {MetricId::Ttft, "50%"},
        {MetricId::Ttft, "99%"},
        {MetricId::Latency, "50%"},
        {MetricId::Latency, "99%"},
    };
    // Then every number of Throughline's metrics (the counts of successes and failures are the summary's).
    for (const MetricDef* m : MetricCatalogue::inTable(MetricTable::Extended)) {
        if (m->format != MetricFormat::Text && m->id != MetricId::ExtSuccessRequests
            && m->id != MetricId::ExtFailedRequests)
            columns.append({m->id});
    }
    return columns;
}

QString columnName(const MetricColumn& c)
{
    if (c.name)
        return QString::fromLatin1(c.name);
    const QString key = columnFor(MetricCatalogue::get(c.metric).keyString());
    return c.label ? QStringLiteral("p%1_%2").arg(QString::fromLatin1(c.label).chopped(1), key) : key;
}

QString columnValue(const MetricColumn& c, const PointResult& p)
{
    const MetricDef& m = MetricCatalogue::get(c.metric);
    if (!c.label && !p.hasSummary)
        return {};
    const double v = MetricCatalogue::value(m, p, c.label ? QString::fromLatin1(c.label) : QString());
    return m.format == MetricFormat::Integer && std::isfinite(v) ? QString::number(qint64(v)) : num(v);
}

} // namespace

QString CsvExporter::nsToMs(qint64 ns)
{
    const bool negative = ns < 0;
    const quint64 a = negative ? quint64(-(ns + 1)) + 1 : quint64(ns);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(a / 1000000) + u'.'
        + QStringLiteral("%1").arg(a % 1000000, 6, 10, QLatin1Char('0'));
}

qint64 CsvExporter::msToNs(const QString& ms, bool* ok)
{
    const qsizetype dot = ms.indexOf(u'.');
    const bool negative = ms.startsWith(u'-');
    bool okWhole = true;
    bool okFrac = true;
    const QString whole = (dot < 0 ? ms : ms.left(dot)).mid(negative ? 1 : 0);
    QString frac = dot < 0 ? QString() : ms.mid(dot + 1);
    frac = frac.leftJustified(6, u'0', true);
    const qint64 w = whole.isEmpty() ? 0 : whole.toLongLong(&okWhole);
    const qint64 f = frac.toLongLong(&okFrac);
    if (ok)
        *ok = okWhole && okFrac;
    const qint64 v = w * 1000000 + f;
    return negative ? -v : v;
}

QStringList CsvExporter::pointsHeader()
{
    QStringList header{QStringLiteral("run_id"), QStringLiteral("run_name"), QStringLiteral("model"),
        QStringLiteral("point_index"), QStringLiteral("parallel"), QStringLiteral("number"),
        QStringLiteral("rate_req_s"), QStringLiteral("status")};
    for (const MetricColumn& c : metricColumns())
        header.append(columnName(c));
    // The SLOs the goodput columns were measured against, and the saturation rule's verdict on the point ("knee",
    // "beyond": the first point past it, or empty).
    // With --num-runs every repetition of the knee is marked, and saturation_agreement says on the knee's rows how
    // many repetitions found the same knee on their own ("2/3"; empty without repetitions).
    header << QStringLiteral("goodput_slo") << QStringLiteral("saturation") << QStringLiteral("saturation_agreement");
    return header;
}

QByteArray CsvExporter::pointsCsv(const QList<RunData>& runs)
{
    QByteArray out = Csv::row(pointsHeader());
    const QList<MetricColumn> columns = metricColumns();
    for (const RunData& run : runs) {
        const SaturationPoint knee = findSaturation(run);
        for (qsizetype i = 0; i < run.points.size(); ++i) {
            const PointResult& p = run.points.at(i);
            QStringList row{run.id, run.name, run.model, QString::number(p.index), QString::number(p.point.parallel),
                QString::number(p.point.number), num(p.point.rate), p.status};
            for (const MetricColumn& c : columns)
                row.append(columnValue(c, p));
            row.append(p.extended.goodput.slo.toText());
            const bool atKnee = knee.kneePoints.contains(int(i));
            row.append(atKnee ? QStringLiteral("knee")
                              : (knee.beyondPoints.contains(int(i)) ? QStringLiteral("beyond") : QString()));
            row.append(atKnee && knee.repetitions > 1 ? QStringLiteral("%1/%2").arg(knee.agreeing).arg(knee.repetitions)
                                                      : QString());
            out += Csv::row(row);
        }
    }
    return out;
}

QStringList CsvExporter::requestsHeader()
{
    return {QStringLiteral("run_id"), QStringLiteral("point_index"), QStringLiteral("seq"), QStringLiteral("warmup"),
        QStringLiteral("success"), QStringLiteral("stream"), QStringLiteral("scheduled_ms"), QStringLiteral("sent_ms"),
        QStringLiteral("headers_ms"), QStringLiteral("first_choices_ms"), QStringLiteral("first_content_ms"),
        QStringLiteral("completed_ms"), QStringLiteral("end_ms"), QStringLiteral("ttft_ms"),
        QStringLiteral("latency_s"), QStringLiteral("tpot_ms"), QStringLiteral("prompt_tokens"),
        QStringLiteral("completion_tokens"), QStringLiteral("cached_tokens"), QStringLiteral("token_source"),
        QStringLiteral("http_status"), QStringLiteral("error_class"), QStringLiteral("error_message"),
        QStringLiteral("bytes"), QStringLiteral("response_id"), QStringLiteral("retries"),
        QStringLiteral("event_count"), QStringLiteral("event_offsets_ms"), QStringLiteral("event_flags"),
        QStringLiteral("event_tokens"), QStringLiteral("conversation_id"), QStringLiteral("turn_index"),
        QStringLiteral("request_id")};
}

QByteArray CsvExporter::requestsCsv(const RunData& run)
{
    QByteArray out = Csv::row(requestsHeader());
    for (const PointResult& p : run.points) {
        for (const RequestRecord& r : p.records) {
            QStringList offsets;
            QStringList flags;
            QStringList eventTokens; // empty when no event's token delta is known; -1 for an unknown one
            offsets.reserve(r.eventNs.size());
            for (qsizetype i = 0; i < r.eventNs.size(); ++i) {
                offsets.append(nsToMs(r.eventNs.at(i) - r.sentNs));
                flags.append(QString::number(r.eventFlags.at(i)));
                if (i < r.eventTokens.size())
                    eventTokens.append(QString::number(r.eventTokens.at(i)));
            }
            const bool ok = r.success;
            out += Csv::row({run.id, QString::number(p.index), QString::number(r.seq), QString::number(int(r.warmup)),
                QString::number(int(r.success)), QString::number(int(r.stream)), nsToMs(r.scheduledNs),
                nsToMs(r.sentNs), optNs(r.headersNs), optNs(r.firstChoicesNs()), optNs(r.firstContentNs()),
                optNs(r.completedNs()), optNs(r.endNs), ok ? num(r.ttftS() * 1000.0) : QString(),
                ok ? num(r.latencyS()) : QString(), ok ? num(r.tpotS() * 1000.0) : QString(), tokens(r.promptTokens),
                tokens(r.completionTokens), tokens(r.cachedTokens), tokenSourceName(r.tokenSource),
                r.httpStatus != 0 ? QString::number(r.httpStatus) : QString(),
                r.errorClass == ErrorClass::None ? QString() : errorClassName(r.errorClass), r.errorMessage,
                QString::number(r.bytesReceived), QString::fromUtf8(r.responseId), QString::number(r.retries),
                QString::number(r.eventNs.size()), offsets.join(u' '), flags.join(u' '), eventTokens.join(u' '),
                r.conversationId >= 0 ? QString::number(r.conversationId) : QString(), // --multi-turn only
                r.turnIndex >= 0 ? QString::number(r.turnIndex) : QString(), r.requestId});
        }
    }
    return out;
}

QByteArray CsvExporter::percentilesCsv(const RunData& run)
{
    // The union of the metric columns of every point, in first-seen order.
    QStringList metrics;
    for (const PointResult& p : run.points) {
        for (const QString& m : p.percentiles.metrics) {
            if (!metrics.contains(m))
                metrics.append(m);
        }
    }
    QStringList header{QStringLiteral("run_id"), QStringLiteral("point_index"), QStringLiteral("parallel"),
        QStringLiteral("number"), QStringLiteral("rate_req_s"), QStringLiteral("percentile")};
    for (const QString& m : metrics)
        header.append(columnFor(m));
    QByteArray out = Csv::row(header);
    for (const PointResult& p : run.points) {
        for (const QString& label : p.percentiles.labels) {
            QStringList row{run.id, QString::number(p.index), QString::number(p.point.parallel),
                QString::number(p.point.number), num(p.point.rate), label};
            for (const QString& m : metrics)
                row.append(num(p.percentiles.value(m, label)));
            out += Csv::row(row);
        }
    }
    return out;
}

namespace {

// The search of an SLA auto-tune run replayed from its stored probes; nullopt for any other run.
std::optional<SlaTuner> storedTuner(const RunData& run)
{
    if (run.configJson.isEmpty())
        return std::nullopt;
    ConfigErrors errors;
    auto tuner = SlaTuner::replay(RunConfig::fromJson(run.configJson, &errors), run.points);
    if (!tuner || tuner->probedValues().isEmpty())
        return std::nullopt;
    return tuner;
}

QString verdictName(SlaTuner::Verdict v)
{
    return v == SlaTuner::Verdict::Pass ? QStringLiteral("pass")
        : v == SlaTuner::Verdict::Fail  ? QStringLiteral("fail")
                                        : QStringLiteral("pending");
}

QString joined(const QList<int>& values)
{
    QStringList out;
    for (int v : values)
        out.append(QString::number(v));
    return out.join(u' ');
}

} // namespace

QByteArray CsvExporter::slaProbesCsv(const RunData& run)
{
    const std::optional<SlaTuner> tuner = storedTuner(run);
    if (!tuner)
        return {};
    QByteArray out = Csv::row({QStringLiteral("run_id"), QStringLiteral("variable"), QStringLiteral("value"),
        QStringLiteral("group"), QStringLiteral("criteria"), QStringLiteral("runs"), QStringLiteral("success_pct"),
        QStringLiteral("criterion"), QStringLiteral("unit"), QStringLiteral("mean"), QStringLiteral("ci_low"),
        QStringLiteral("ci_high"), QStringLiteral("confidence"), QStringLiteral("holds"), QStringLiteral("straddles"),
        QStringLiteral("verdict"), QStringLiteral("sure"), QStringLiteral("requests_failed")});
    const auto& groups = tuner->settings().groups;
    for (const SlaTuner::ValueOutcome& v : tuner->values()) {
        for (qsizetype gi = 0; gi < v.groups.size(); ++gi) {
            const SlaTuner::GroupVerdict& g = v.groups.at(gi);
            for (const SlaTuner::CriterionStat& c : g.criteria) {
                const SlaCriterion& k = c.criterion;
                out += Csv::row({run.id, tuner->settings().variable, QString::number(v.value),
                    QString::number(gi + 1), gi < groups.size() ? groups.at(gi).toText() : QString(),
                    QString::number(v.runs), num(v.successPct), k.toText(), k.displayUnit(),
                    num(k.displayValue(c.stats.mean)), num(k.displayValue(c.stats.ciLow)),
                    num(k.displayValue(c.stats.ciHigh)), num(c.stats.confidence),
                    c.holds ? QStringLiteral("true") : QStringLiteral("false"),
                    c.straddles ? QStringLiteral("true") : QStringLiteral("false"), verdictName(g.verdict),
                    g.sure ? QStringLiteral("true") : QStringLiteral("false"),
                    g.requestsFailed ? QStringLiteral("true") : QStringLiteral("false")});
            }
        }
    }
    return out;
}

QByteArray CsvExporter::slaSummaryCsv(const RunData& run)
{
    const std::optional<SlaTuner> tuner = storedTuner(run);
    if (!tuner)
        return {};
    QByteArray out = Csv::row({QStringLiteral("run_id"), QStringLiteral("group"), QStringLiteral("criteria"),
        QStringLiteral("variable"), QStringLiteral("finished"), QStringLiteral("answer"), QStringLiteral("best_metric"),
        QStringLiteral("result"), QStringLiteral("sure"), QStringLiteral("unsure_values"),
        QStringLiteral("failed_at_lower"), QStringLiteral("reached_upper"), QStringLiteral("search_path")});
    const QList<SlaTuner::GroupOutcome> outcomes = tuner->outcomes();
    for (qsizetype gi = 0; gi < outcomes.size(); ++gi) {
        const SlaTuner::GroupOutcome& o = outcomes.at(gi);
        const SlaCriterion& first = o.group.criteria.constFirst();
        auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
        out += Csv::row({run.id, QString::number(gi + 1), o.group.toText(), tuner->settings().variable,
            flag(o.finished), o.value ? QString::number(*o.value) : QString(),
            o.group.isOptimisation() ? num(first.displayValue(o.metric)) : QString(), o.text(), flag(o.sure),
            joined(o.unsureValues), flag(o.failedAtLower), flag(o.reachedUpper), joined(o.path)});
    }
    return out;
}

bool CsvExporter::exportRun(const RunData& run, const QString& dir, QStringList* written, QString* error)
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = Tr::tr("cannot create the folder '%1'; check the path and its permissions").arg(dir);
        return false;
    }
    QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("points.csv"), pointsCsv({run})},
        {QStringLiteral("requests.csv"), requestsCsv(run)},
        {QStringLiteral("percentiles.csv"), percentilesCsv(run)},
    };
    if (const QByteArray probes = slaProbesCsv(run); !probes.isEmpty())
        files << QPair{QStringLiteral("sla_probes.csv"), probes} << QPair{QStringLiteral("sla_summary.csv"), slaSummaryCsv(run)};
    for (const auto& [name, data] : files) {
        const QString path = QDir(dir).filePath(name);
        if (!OutputWriter::writeFile(path, data, error))
            return false;
        if (written)
            written->append(path);
    }
    return true;
}

} // namespace tl
