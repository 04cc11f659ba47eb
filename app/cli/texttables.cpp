#include "cli/texttables.h"

#include "metrics/extendedmetrics.h"
#include "metrics/metriccatalogue.h"
#include "metrics/saturation.h"
#include "metrics/slatuner.h"

#include <algorithm>
#include <cmath>

namespace tl::TextTables {

namespace {

QString num(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', decimals);
}

} // namespace

QString table(const QString& title, const QStringList& header, const QList<QStringList>& rows)
{
    QList<qsizetype> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c)
        widths[c] = header.at(c).size();
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    auto line = [&](QChar fill) -> QString {
        QString s = QStringLiteral("+");
        for (qsizetype w : widths)
            s += QString(w + 2, fill) + u'+';
        return s + u'\n';
    };
    auto format = [&](const QStringList& row) -> QString {
        QString s = QStringLiteral("|");
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = row.value(c);
            s += u' ' + (c == 0 ? cell.leftJustified(widths[c]) : cell.rightJustified(widths[c]))
                + QStringLiteral(" |");
        }
        return s + u'\n';
    };
    QString out = title.isEmpty() ? QString() : title + u'\n';
    out += line(u'-') + format(header) + line(u'=');
    for (const QStringList& row : rows)
        out += format(row);
    out += line(u'-');
    return out;
}

namespace {

const MetricDef& def(MetricId id)
{
    return MetricCatalogue::get(id);
}

// A scalar metric of the point as the tables show it.
QString shown(MetricId id, const PointResult& r)
{
    const MetricDef& m = def(id);
    const double v = MetricCatalogue::value(m, r);
    return m.format == MetricFormat::Integer && std::isfinite(v) ? QString::number(qint64(v)) : num(v, m.decimals);
}

// The metric's name, with its unit when it is one of time or rate (counts read plainly).
QString nameWithUnit(const MetricDef& m)
{
    static const QStringList units{
        QStringLiteral("ms"), QStringLiteral("s"), QStringLiteral("req/s"), QStringLiteral("tok/s")};
    return units.contains(m.unitString()) ? QStringLiteral("%1 (%2)").arg(m.nameString(), m.unitString())
                                          : m.nameString();
}

} // namespace

QString pointSummary(const PointResult& r)
{
    const Summary& s = r.summary;
    auto row = [&r](MetricId id) { return QStringList{def(id).keyString(), shown(id, r)}; };
    QList<QStringList> rows = {
        row(MetricId::TestDuration),
        // Open loop (--rate, trace replay) has no concurrency cap: EvalScope's files say -1, the table says so.
        s.concurrency < 0 ? QStringList{def(MetricId::Concurrency).keyString(), QStringLiteral("open loop")}
                          : row(MetricId::Concurrency),
        {def(MetricId::RequestRate).keyString(),
            s.rate < 0 ? QStringLiteral("unpaced") : shown(MetricId::RequestRate, r)},
        {QStringLiteral("Requests (total / success / failed)"),
            QStringLiteral("%1 / %2 / %3").arg(s.totalRequests).arg(s.successRequests).arg(s.failedRequests)},
        row(MetricId::ReqThroughput),
        row(MetricId::OutputThroughput),
        row(MetricId::TotalThroughput),
        row(MetricId::AvgLatency),
        row(MetricId::AvgTtft),
        row(MetricId::AvgTpot),
        row(MetricId::AvgItl),
        row(MetricId::AvgInputTokens),
        row(MetricId::AvgOutputTokens),
    };
    if (!s.llm)
        rows.append(row(MetricId::InputThroughput));
    for (const auto& [cls, count] : r.extended.errorsByClass)
        rows.append({QStringLiteral("Failed: %1").arg(cls), QString::number(count)});
    const QString title = QStringLiteral("Benchmarking summary: %1%2")
                              .arg(r.point.name(), r.stopped ? QStringLiteral(" (stopped early)") : QString());
    // What each class of failure said (its first message), under the table: too long for a cell.
    QString examples;
    for (const auto& [cls, message] : r.extended.errorMessages) {
        if (!message.isEmpty())
            examples += QStringLiteral("  %1, e.g.: %2\n").arg(cls, message.simplified());
    }
    return table(title, {QStringLiteral("Metric"), QStringLiteral("Value")}, rows) + examples;
}

QString pointPercentiles(const PointResult& r)
{
    const PercentileTable& t = r.percentiles;
    if (r.summary.successRequests == 0)
        return QStringLiteral("Percentile results: no successful request\n");
    QStringList header{QStringLiteral("Metric")};
    header += t.labels;
    QList<QStringList> rows;
    for (qsizetype m = 0; m < t.metrics.size(); ++m) {
        QStringList row{t.metrics.at(m)};
        const MetricDef* metric = MetricCatalogue::find(MetricTable::Percentiles, t.metrics.at(m));
        const int decimals = metric ? metric->decimals : 2; // an imported column the catalogue lacks
        for (double v : t.values.at(m))
            row.append(num(v, decimals));
        rows.append(row);
    }
    return table(QStringLiteral("Percentile results: %1").arg(r.point.name()), header, rows);
}

QString pointExtended(const PointResult& r)
{
    const ExtendedMetrics& m = r.extended;
    // The average and its distribution's p50 and p99, with the column's decimals.
    auto row = [&r](MetricId avg, MetricId column) {
        const MetricDef& c = def(column);
        auto p = [&](const char* label) {
            return num(MetricCatalogue::value(c, r, QString::fromLatin1(label)), c.decimals);
        };
        return QStringList{nameWithUnit(def(avg)), shown(avg, r), p("50%"), p("99%")};
    };
    QList<QStringList> rows = {
        row(MetricId::AvgTtftContent, MetricId::TtftContent),
        row(MetricId::AvgTpotExclFirst, MetricId::TpotExclFirst),
        row(MetricId::AvgNtpot, MetricId::Ntpot),
        row(MetricId::AvgItlChunk, MetricId::ItlChunk),
        row(MetricId::AvgItlToken, MetricId::ItlToken),
        row(MetricId::AvgScheduleLag, MetricId::ScheduleLag),
        row(MetricId::AvgLatencyFromSchedule, MetricId::LatencyFromSchedule),
        row(MetricId::AvgChunksPerRequest, MetricId::ChunksPerRequest),
        row(MetricId::AvgTokensPerChunk, MetricId::TokensPerChunk),
        {def(MetricId::TokenDeltas).nameString(), tokenDeltaSource(m),
            QStringLiteral("%1/%2 req.").arg(m.exactTokenRequests).arg(m.chunkedRequests), QString()},
        {QStringLiteral("Concurrency: mean / peak"), shown(MetricId::MeanConcurrency, r),
            shown(MetricId::PeakConcurrency, r), QString()},
        {QStringLiteral("Arrival rate: achieved / target (req/s)"), shown(MetricId::AchievedRate, r),
            m.targetRate < 0 ? QStringLiteral("unpaced") : shown(MetricId::TargetRate, r), QString()},
        {nameWithUnit(def(MetricId::PeakOutputThroughput)), shown(MetricId::PeakOutputThroughput, r), QString(),
            QString()},
    };
    if (m.retriedRequests > 0)
        rows.append(
            {def(MetricId::RetriedRequests).nameString(), shown(MetricId::RetriedRequests, r), QString(), QString()});
    if (!m.goodput.slo.isEmpty()) {
        rows.append({QStringLiteral("Goodput (req/s), SLO %1").arg(m.goodput.slo.toText()), shown(MetricId::Goodput, r),
            QStringLiteral("%1/%2 good").arg(m.goodput.goodRequests).arg(m.goodput.totalRequests), QString()});
        for (const MetricId id :
            {MetricId::SloTtftAttainment, MetricId::SloTpotAttainment, MetricId::SloE2elAttainment}) {
            if (std::isfinite(MetricCatalogue::value(def(id), r)))
                rows.append({nameWithUnit(def(id)), shown(id, r), QString(), QString()});
        }
    }
    QString out = table(QStringLiteral("Throughline metrics: %1").arg(r.point.name()),
        {QStringLiteral("Metric"), QStringLiteral("avg"), QStringLiteral("p50"), QStringLiteral("p99")}, rows);
    if (r.harness.verdict != HarnessHealth::Verdict::Unknown)
        out += QStringLiteral("Harness health: %1 (%2)\n").arg(harnessVerdictName(r.harness.verdict), r.harness.reason);
    return out;
}

QString overview(const QList<PointResult>& results, int numRuns, double confidence)
{
    const bool goodput = std::any_of(
        results.begin(), results.end(), [](const PointResult& r) { return !r.extended.goodput.slo.isEmpty(); });
    QList<QStringList> rows;
    for (const PointResult& r : results) {
        const Summary& s = r.summary;
        const double success = s.totalRequests ? 100.0 * s.successRequests / s.totalRequests : 0.0;
        rows.append({s.concurrency < 0 ? QStringLiteral("-") : QString::number(s.concurrency),
            s.rate < 0 ? QStringLiteral("INF") : num(s.rate, 2), QString::number(s.totalRequests),
            num(s.reqThroughput, 2), num(s.outputThroughput, 2), num(success, 1) + u'%'});
        if (goodput)
            rows.last().append(num(r.extended.goodput.goodput, 2));
    }
    QStringList header{QStringLiteral("Conc."), QStringLiteral("Rate"), QStringLiteral("Num"), QStringLiteral("RPS"),
        QStringLiteral("Gen/s"), QStringLiteral("Success")};
    if (goodput)
        header.append(QStringLiteral("Goodput"));
    QString out = table(QStringLiteral("Performance Overview"), header, rows);
    if (results.size() > std::max(1, numRuns)) {
        const SaturationPoint knee = findSaturation(results, numRuns, confidence);
        out += knee.found ? QStringLiteral("Saturation point: %1 (%2)\n")
                                .arg(results.at(knee.index).point.name(), knee.reason)
                          : QStringLiteral("Saturation point: none found (%1)\n").arg(knee.reason);
        if (!knee.uncertainty.isEmpty())
            out += QStringLiteral("Saturation over %1 repetitions: %2\n").arg(knee.repetitions).arg(knee.uncertainty);
        if (knee.goodputPeakIndex >= 0)
            out += QStringLiteral("Goodput peaks at %1\n").arg(results.at(knee.goodputPeakIndex).point.name());
    }
    return out;
}

QString goodput(const QList<PointResult>& results)
{
    QList<QStringList> rows;
    QString slo;
    for (const PointResult& r : results) {
        const GoodputResult& g = r.extended.goodput;
        slo = g.slo.toText();
        rows.append({r.point.name(), QStringLiteral("%1/%2").arg(g.goodRequests).arg(g.totalRequests),
            shown(MetricId::Goodput, r), shown(MetricId::SloTtftAttainment, r), shown(MetricId::SloTpotAttainment, r),
            shown(MetricId::SloE2elAttainment, r)});
    }
    return table(QStringLiteral("Goodput, SLO %1 (ms)").arg(slo),
        {QStringLiteral("Point"), QStringLiteral("Good/total"), QStringLiteral("Goodput (req/s)"),
            QStringLiteral("TTFT ok %"), QStringLiteral("TPOT ok %"), QStringLiteral("E2EL ok %")},
        rows);
}

QString perRequest(const QList<PointResult>& results)
{
    QList<QStringList> rows;
    for (const PointResult& r : results) {
        const QString load = r.point.parallel < 0 ? QStringLiteral("R=%1").arg(r.point.rate)
                                                  : QStringLiteral("P=%1").arg(r.point.parallel);
        // The column's key names the row; the average is the summary's.
        auto cells = [&](MetricId avg, MetricId column) {
            const MetricDef& c = def(column);
            auto p = [&](const char* label) {
                return num(MetricCatalogue::value(c, r, QString::fromLatin1(label)), c.decimals);
            };
            return QStringList{load + u' ' + c.keyString(), num(MetricCatalogue::value(def(avg), r), c.decimals),
                p("50%"), p("99%"), p("max")};
        };
        rows.append(cells(MetricId::AvgTtft, MetricId::Ttft));
        rows.append(cells(MetricId::AvgItl, MetricId::Itl));
        rows.append(cells(MetricId::AvgTpot, MetricId::Tpot));
        rows.append(cells(MetricId::AvgLatency, MetricId::Latency));
    }
    return table(QStringLiteral("Per-Request Metrics"),
        {QStringLiteral("Metric"), QStringLiteral("avg"), QStringLiteral("p50"), QStringLiteral("p99"),
            QStringLiteral("max")},
        rows);
}

QString repeats(const QList<RepeatGroup>& groups)
{
    if (groups.isEmpty())
        return {};
    QList<QStringList> rows;
    int runs = 0;
    double confidence = 0.95;
    for (const RepeatGroup& g : groups) {
        runs = std::max(runs, int(g.pointIndices.size()));
        for (const MetricId id : {MetricId::ReqThroughput, MetricId::OutputThroughput, MetricId::AvgLatency,
                 MetricId::AvgTtft, MetricId::AvgTpot, MetricId::Goodput}) {
            const MetricDef& m = def(id);
            const RepeatStats s = g.stats(m.keyString());
            if (s.n == 0)
                continue; // e.g. goodput without SLOs
            confidence = s.confidence;
            const int d = m.decimals + 1;
            rows.append({g.point.name(), nameWithUnit(m), QString::number(s.n), num(s.mean, d), num(s.sd, d),
                std::isfinite(s.cv) ? num(100.0 * s.cv, 1) + u'%' : QStringLiteral("-"),
                std::isfinite(s.ciLow) ? QStringLiteral("[%1, %2]").arg(num(s.ciLow, d), num(s.ciHigh, d))
                                       : QStringLiteral("-")});
        }
    }
    return table(QStringLiteral("Repeat runs: %1 per point, %2% confidence intervals (Student t)")
                     .arg(runs)
                     .arg(confidence * 100.0, 0, 'g', 4),
        {QStringLiteral("Point"), QStringLiteral("Metric"), QStringLiteral("n"), QStringLiteral("mean"),
            QStringLiteral("sd"), QStringLiteral("CV"), QStringLiteral("CI")},
        rows);
}

QString slaProbes(const SlaTuner& tuner)
{
    QList<QStringList> rows;
    const auto& groups = tuner.settings().groups;
    for (const SlaTuner::ValueOutcome& v : tuner.values()) {
        for (qsizetype gi = 0; gi < v.groups.size(); ++gi) {
            const SlaTuner::GroupVerdict& g = v.groups.at(gi);
            rows.append({QStringLiteral("%1 %2").arg(tuner.settings().variable).arg(v.value),
                groups.size() > 1 ? QString::number(gi + 1) : QString(), QString::number(v.runs),
                num(v.successPct, 1) + u'%', g.criteriaText(), g.verdictText()});
        }
    }
    return table(QStringLiteral("SLA probes: mean [%1% confidence interval] over each value's runs; ~ = the interval "
                                "straddles the threshold")
                     .arg(tuner.settings().confidence * 100.0, 0, 'g', 4),
        {QStringLiteral("Probe"), QStringLiteral("Group"), QStringLiteral("Runs"), QStringLiteral("Success"),
            QStringLiteral("Criteria"), QStringLiteral("Verdict")},
        rows);
}

QString slaSummary(const SlaTuner& tuner)
{
    QList<QStringList> rows;
    const QString variable = tuner.settings().variable;
    for (const SlaTuner::GroupOutcome& o : tuner.outcomes()) {
        QString result;
        const SlaCriterion& first = o.group.criteria.first();
        if (!o.finished)
            result = QStringLiteral("not finished (stopped)");
        else if (!o.value)
            result = o.group.isOptimisation()
                ? QStringLiteral("None (no probe succeeded in full)")
                : QStringLiteral("None (failed at lower bound %1)").arg(tuner.settings().lower);
        else if (o.group.isOptimisation())
            result = QStringLiteral("Best %1: %2 %3 at %4 %5")
                         .arg(first.metric, num(first.displayValue(o.metric), 4), first.displayUnit(), variable)
                         .arg(*o.value);
        else
            result = QStringLiteral("Max satisfied: %1 %2%3")
                         .arg(variable)
                         .arg(*o.value)
                         .arg(o.reachedUpper ? QStringLiteral(" (the upper bound)") : QString());
        QString sure;
        if (o.finished) {
            sure = o.sure ? QStringLiteral("sure") : QStringLiteral("unsure");
            if (!o.unsureValues.isEmpty()) {
                QStringList values;
                for (int v : o.unsureValues)
                    values.append(QString::number(v));
                sure += QStringLiteral(" (judged on the mean at %1)").arg(values.join(QStringLiteral(", ")));
            }
        }
        QStringList path;
        for (int v : o.path)
            path.append(QString::number(v));
        rows.append({o.group.toText(), result, sure, path.join(QStringLiteral(" > "))});
    }
    return table(QStringLiteral("SLA auto-tune summary (%1 points run, %2 per value)")
                     .arg(tuner.pointsRun())
                     .arg(tuner.settings().numRuns),
        {QStringLiteral("Criteria"), QStringLiteral("Result"), QStringLiteral("Confidence"),
            QStringLiteral("Search path")},
        rows);
}

} // namespace tl::TextTables
