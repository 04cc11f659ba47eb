#include "storage/comparisonreport.h"

#include "metrics/metriccatalogue.h"
#include "storage/svgchart.h"

#include <QDateTime>
#include <QMap>

#include <cmath>

namespace tl {

namespace {

// Okabe–Ito: blue for the baseline, vermillion for the candidate (the GUI's comparison colours).
constexpr const char* kBaselineColour = "#0072B2";
constexpr const char* kCandidateColour = "#D55E00";

QString esc(const QString& s)
{
    return SvgChart::escape(s);
}

QString cell(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString signedCell(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return (v > 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
}

// The CSS class of a verdict's cell: the verdict's own name where it has a colour, "plain" otherwise.
QString verdictClass(Verdict v)
{
    return v == Verdict::Better || v == Verdict::Worse || v == Verdict::Different ? verdictName(v)
                                                                                  : QStringLiteral("plain");
}

constexpr const char* kCss = R"(
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1180px; color: #1d2433; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #d6dbe4; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #d6dbe4; padding: 3px 8px; text-align: right; }
th { background: #eef1f6; } td.l, th.l { text-align: left; }
td.better { color: #009E73; font-weight: 600; } td.worse { color: #D55E00; font-weight: 600; }
td.different { color: #0072B2; font-weight: 600; } td.plain { color: #5b6475; }
.warn li { color: #8a4b00; } .charts { display: flex; flex-wrap: wrap; gap: 12px; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; }
svg.chart { border: 1px solid #d6dbe4; background: #fff; }
svg .title { font-size: 13px; font-weight: 600; } svg .tick, svg .legend { font-size: 11px; fill: #444; }
svg .axis { font-size: 12px; fill: #222; } svg .grid { stroke: #e6e9ef; stroke-width: 1; }
)";

double loadValue(const RunPoint& p)
{
    return p.rate > 0 ? p.rate : double(p.parallel);
}

QString loadText(double v, bool rate)
{
    return rate ? QString::number(v, 'g', 6) + QStringLiteral(" req/s") : QString::number(v, 'g', 6);
}

// One chart of a metric of both runs against the load: the categories are every load either run tested.
QString sweepChart(const QString& title, const QString& unit, const MetricDef& metric, const QString& label,
    double scale, const RunData& baseline, const RunData& candidate, const QString& baseName, const QString& candName)
{
    bool rate = false;
    QMap<double, int> loads;
    for (const RunData* run : {&baseline, &candidate}) {
        for (const PointResult& p : run->points) {
            rate = rate || p.point.rate > 0;
            if (p.hasSummary)
                loads.insert(loadValue(p.point), 0);
        }
    }
    QStringList categories;
    int slot = 0;
    for (auto it = loads.begin(); it != loads.end(); ++it) {
        it.value() = slot++;
        categories.append(loadText(it.key(), rate));
    }
    SvgChart chart(title, rate ? QStringLiteral("request rate (req/s)") : QStringLiteral("parallel"), unit);
    chart.setCategories(categories);
    const auto series = [&](const RunData& run, const QString& name, const char* colour) {
        SvgChart::Series s{name, QString::fromLatin1(colour), QVector<double>(categories.size(), std::nan(""))};
        for (const PointResult& p : run.points) {
            if (p.hasSummary) // a repeated load: its last point
                s.values[loads.value(loadValue(p.point))] = MetricCatalogue::value(metric, p, label) * scale;
        }
        return s;
    };
    chart.addSeries(series(baseline, baseName, kBaselineColour));
    chart.addSeries(series(candidate, candName, kCandidateColour));
    return chart.toSvg();
}

QString runName(const RunComparison::RunInfo& r)
{
    return r.name.isEmpty() ? r.id.left(8) : r.name;
}

} // namespace

QByteArray ComparisonReport::render(
    const RunComparison& c, const RunData& baseline, const RunData& candidate, const QStringList& keys)
{
    const QString baseName = runName(c.baseline) + QStringLiteral(" (baseline)");
    const QString candName = runName(c.candidate) + QStringLiteral(" (candidate)");
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    h += esc(QStringLiteral("Throughline comparison: %1 vs %2").arg(runName(c.baseline), runName(c.candidate)));
    h += QStringLiteral("</title>\n<style>") + QString::fromLatin1(kCss)
        + QStringLiteral("</style>\n</head>\n<body>\n");
    h += QStringLiteral("<h1>") + esc(QStringLiteral("%1 against %2").arg(runName(c.candidate), runName(c.baseline)))
        + QStringLiteral("</h1>\n");

    h += QStringLiteral("<table>\n<tr><th class=\"l\"></th><th class=\"l\">Run</th><th class=\"l\">Id</th>"
                        "<th class=\"l\">Model</th><th class=\"l\">Endpoint</th><th class=\"l\">Started</th></tr>\n");
    const auto runRow = [&h](const QString& role, const char* colour, const RunData& run) {
        h += QStringLiteral("<tr><td class=\"l\"><span class=\"swatch\" style=\"background:%1\"></span>%2</td>")
                 .arg(QString::fromLatin1(colour), esc(role));
        for (const QString& v : {run.name, run.id, run.model, run.url,
                 QDateTime::fromMSecsSinceEpoch(run.createdMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))})
            h += QStringLiteral("<td class=\"l\">") + esc(v) + QStringLiteral("</td>");
        h += QStringLiteral("</tr>\n");
    };
    runRow(QStringLiteral("baseline"), kBaselineColour, baseline);
    runRow(QStringLiteral("candidate"), kCandidateColour, candidate);
    h += QStringLiteral("</table>\n");
    h += QStringLiteral("<p>Verdicts: a %1% bootstrap interval of candidate − baseline (%2 resamples, at most %3 "
                        "requests a side) from the stored requests; a change counts when the interval excludes 0 and "
                        "it is at least %4% of the baseline. Fewer than %5 samples a side is inconclusive.</p>\n")
             .arg(c.options.bootstrap.confidence * 100.0)
             .arg(c.options.bootstrap.resamples)
             .arg(c.options.bootstrap.maxSamples)
             .arg(c.options.minEffectPercent)
             .arg(c.options.minSamples);

    QStringList warnings = c.notComparable;
    if (c.points.isEmpty())
        warnings.append(QStringLiteral("no point of the same load in both runs: nothing compared"));
    if (!c.unmatchedBaseline.isEmpty())
        warnings.append(QStringLiteral("only in the baseline: ") + c.unmatchedBaseline.join(QStringLiteral(", ")));
    if (!c.unmatchedCandidate.isEmpty())
        warnings.append(QStringLiteral("only in the candidate: ") + c.unmatchedCandidate.join(QStringLiteral(", ")));
    if (!warnings.isEmpty()) {
        h += QStringLiteral("<h2>Warnings</h2>\n<ul class=\"warn\">\n");
        for (const QString& w : std::as_const(warnings))
            h += QStringLiteral("<li>") + esc(w) + QStringLiteral("</li>\n");
        h += QStringLiteral("</ul>\n");
    }

    h += QStringLiteral("<h2>Sweep</h2>\n<div class=\"charts\">\n");
    h += sweepChart(QStringLiteral("Output throughput"), QStringLiteral("tokens/s"),
        MetricCatalogue::get(MetricId::OutputThroughput), QString(), 1.0, baseline, candidate, baseName, candName);
    h += sweepChart(QStringLiteral("Time to first token p50"), QStringLiteral("ms"),
        MetricCatalogue::get(MetricId::Ttft), QStringLiteral("50%"), 1.0, baseline, candidate, baseName, candName);
    h += sweepChart(QStringLiteral("Time to first token p99"), QStringLiteral("ms"),
        MetricCatalogue::get(MetricId::Ttft), QStringLiteral("99%"), 1.0, baseline, candidate, baseName, candName);
    h += sweepChart(QStringLiteral("Average latency"), QStringLiteral("s"), MetricCatalogue::get(MetricId::AvgLatency),
        QString(), 1.0, baseline, candidate, baseName, candName);
    h += QStringLiteral("</div>\n");

    for (const PointComparison& pc : c.points) {
        h += QStringLiteral("<h2>%1</h2>\n")
                 .arg(esc(QStringLiteral("Point %1 (baseline point %2, candidate point %3)")
                              .arg(pc.load)
                              .arg(pc.baselineIndex + 1)
                              .arg(pc.candidateIndex + 1)));
        h += QStringLiteral("<table>\n<tr><th class=\"l\">Metric</th><th class=\"l\">Key</th><th>Baseline</th>"
                            "<th>Candidate</th><th>Change</th><th>Change %</th><th class=\"l\">Verdict</th></tr>\n");
        for (const MetricComparison& m : pc.metrics) {
            if (!keys.isEmpty() && !keys.contains(m.key))
                continue;
            const QString unit = m.metric->unitString();
            h += QStringLiteral("<tr><td class=\"l\" title=\"%1\">%2</td><td class=\"l\">%3</td>")
                     .arg(esc(m.metric->definitionString()),
                         esc(unit.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, unit)), esc(m.key));
            h += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td><td>%4</td>")
                     .arg(cell(m.baseline, m.metric->decimals), cell(m.candidate, m.metric->decimals),
                         signedCell(m.delta, m.metric->decimals), signedCell(m.deltaPercent, 1));
            h += QStringLiteral("<td class=\"l %1\" title=\"%2\">%3</td></tr>\n")
                     .arg(verdictClass(m.verdict), esc(m.reason), esc(verdictName(m.verdict)));
        }
        h += QStringLiteral("</table>\n");
    }

    h += QStringLiteral("<h2>Configuration differences</h2>\n");
    if (c.configDiff.isEmpty()) {
        h += QStringLiteral("<p>The same configuration.</p>\n");
    } else {
        h += QStringLiteral("<table>\n<tr><th class=\"l\">Parameter</th><th class=\"l\">Baseline</th>"
                            "<th class=\"l\">Candidate</th><th class=\"l\">Workload</th></tr>\n");
        for (const ParameterRegistry::Difference& d : c.configDiff) {
            const bool workload = ParameterRegistry::definesWorkload(*d.parameter);
            h += QStringLiteral("<tr><td class=\"l\">%1</td><td class=\"l\">%2</td><td class=\"l\">%3</td>"
                                "<td class=\"l%4\">%5</td></tr>\n")
                     .arg(esc(d.parameter->flag()), esc(d.before), esc(d.after),
                         workload ? QStringLiteral(" worse") : QString(),
                         workload ? QStringLiteral("defines the workload") : QString());
        }
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<p style=\"color:#5b6475\">Written by Throughline on %1.</p>\n</body>\n</html>\n")
             .arg(esc(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
    return h.toUtf8();
}

} // namespace tl
