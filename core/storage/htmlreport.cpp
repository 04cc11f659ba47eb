#include "storage/htmlreport.h"

#include "metrics/metriccatalogue.h"
#include "config/runconfig.h"
#include "metrics/saturation.h"
#include "metrics/slatuner.h"
#include "storage/svgchart.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

#include <cmath>

namespace tl {

namespace {

QString esc(const QString& s)
{
    return SvgChart::escape(s);
}

QString fmt(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString loadLabel(const RunPoint& p)
{
    return p.parallel < 0 ? QString::number(p.rate, 'g', 6) + QStringLiteral(" req/s") : QString::number(p.parallel);
}

// An SLA auto-tune run's search replayed from its stored probes: the answer per criteria group, then every value
// probed with each criterion's mean and interval (the CLI's two tables).
QString slaSection(const RunData& run)
{
    if (run.configJson.isEmpty())
        return {};
    ConfigErrors errors;
    const auto tuner = SlaTuner::replay(RunConfig::fromJson(run.configJson, &errors), run.points);
    if (!tuner || tuner->probedValues().isEmpty())
        return {};
    const QString variable = tuner->settings().variable;
    QString h = QStringLiteral("<h2>SLA auto-tune</h2>\n<table>\n<tr><th class=\"l\">Criteria</th><th class=\"l\">"
                               "Result</th><th class=\"l\">Confidence</th><th class=\"l\">Search path</th></tr>\n");
    for (const SlaTuner::GroupOutcome& o : tuner->outcomes()) {
        QStringList path;
        for (int v : o.path)
            path.append(QString::number(v));
        QString sure = !o.finished ? QString() : (o.sure ? QStringLiteral("sure") : QStringLiteral("unsure"));
        if (o.finished && !o.unsureValues.isEmpty()) {
            QStringList values;
            for (int v : o.unsureValues)
                values.append(QString::number(v));
            sure += QStringLiteral(" (judged on the mean at %1)").arg(values.join(QStringLiteral(", ")));
        }
        h += QStringLiteral("<tr><td class=\"l\">") + esc(o.group.toText()) + QStringLiteral("</td><td class=\"l\">")
            + esc(o.text()) + QStringLiteral("</td><td class=\"l\">") + esc(sure) + QStringLiteral("</td><td class=\"l\">")
            + esc(path.join(QStringLiteral(" > "))) + QStringLiteral("</td></tr>\n");
    }
    h += QStringLiteral("</table>\n<h3>Probes: mean [%1% confidence interval] over each value's runs; ~ = the interval "
                        "straddles the threshold</h3>\n<table>\n<tr><th class=\"l\">Probe</th><th>Group</th>"
                        "<th>Runs</th><th>Success</th><th class=\"l\">Criteria</th><th class=\"l\">Verdict</th></tr>\n")
             .arg(tuner->settings().confidence * 100.0, 0, 'g', 4);
    const qsizetype groupCount = tuner->settings().groups.size();
    for (const SlaTuner::ValueOutcome& v : tuner->values()) {
        for (qsizetype gi = 0; gi < v.groups.size(); ++gi) {
            const SlaTuner::GroupVerdict& g = v.groups.at(gi);
            h += QStringLiteral("<tr><td class=\"l\">%1 %2</td><td>%3</td><td>%4</td><td>%5%</td><td class=\"l\">")
                     .arg(esc(variable))
                     .arg(v.value)
                     .arg(groupCount > 1 ? QString::number(gi + 1) : QString())
                     .arg(v.runs)
                     .arg(fmt(v.successPct, 1))
                + esc(g.criteriaText()) + QStringLiteral("</td><td class=\"l\">") + esc(g.verdictText())
                + QStringLiteral("</td></tr>\n");
        }
    }
    return h + QStringLiteral("</table>\n");
}

constexpr const char* kCss = R"(
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1180px; color: #1d2433; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #d6dbe4; }
h3 { font-size: 1em; margin-top: 1.2em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #d6dbe4; padding: 3px 8px; text-align: right; }
th { background: #eef1f6; } td.l, th.l { text-align: left; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; } dt { color: #5b6475; }
.notes li { color: #8a4b00; } .charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg.chart { border: 1px solid #d6dbe4; background: #fff; }
svg .title { font-size: 13px; font-weight: 600; } svg .tick, svg .legend { font-size: 11px; fill: #444; }
svg .axis { font-size: 12px; fill: #222; } svg .grid { stroke: #e6e9ef; stroke-width: 1; }
pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
)";

} // namespace

QByteArray HtmlReport::render(const RunData& run)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    h += esc(QStringLiteral("Throughline report: ") + run.name) + QStringLiteral("</title>\n<style>");
    h += QString::fromLatin1(kCss) + QStringLiteral("</style>\n</head>\n<body>\n");
    h += QStringLiteral("<h1>") + esc(run.name) + QStringLiteral("</h1>\n<dl>\n");
    auto item = [&h](const QString& key, const QString& value) {
        if (!value.isEmpty())
            h += QStringLiteral("<dt>") + esc(key) + QStringLiteral("</dt><dd>") + esc(value)
                + QStringLiteral("</dd>\n");
    };
    item(QStringLiteral("Run"), run.id);
    item(QStringLiteral("Model"), run.model);
    item(QStringLiteral("Endpoint"), run.url);
    item(QStringLiteral("API"), run.api);
    item(QStringLiteral("Started"),
        QDateTime::fromMSecsSinceEpoch(run.createdMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")));
    item(QStringLiteral("Status"), run.status);
    item(QStringLiteral("Source"),
        run.sourcePath.isEmpty() ? run.source : QString(run.source + QStringLiteral(" ") + run.sourcePath));
    item(QStringLiteral("Written by"), run.toolVersion);
    item(QStringLiteral("Tags"), run.tags.join(QStringLiteral(", ")));
    item(QStringLiteral("Notes"), run.notes);
    h += QStringLiteral("</dl>\n");
    if (!run.importNotes.isEmpty()) {
        h += QStringLiteral("<h3>What the imported source lacked</h3>\n<ul class=\"notes\">\n");
        for (const QString& n : run.importNotes)
            h += QStringLiteral("<li>") + esc(n) + QStringLiteral("</li>\n");
        h += QStringLiteral("</ul>\n");
    }

    const bool openLoop = !run.points.isEmpty() && run.points.first().point.parallel < 0;
    const QString loadName = openLoop ? QStringLiteral("Rate (req/s)") : QStringLiteral("Concurrency");

    // Summary table: the catalogue's keys head the columns, its definitions are their tooltips.
    struct Column {
        MetricId metric;
        const char* label; // a percentile column's point, else nullptr
    };
    QList<Column> columns = {{MetricId::TotalRequests, nullptr}, {MetricId::SuccessRequests, nullptr},
        {MetricId::FailedRequests, nullptr}, {MetricId::TestDuration, nullptr}, {MetricId::ReqThroughput, nullptr},
        {MetricId::OutputThroughput, nullptr}, {MetricId::TotalThroughput, nullptr}, {MetricId::AvgLatency, nullptr},
        {MetricId::AvgTtft, nullptr}, {MetricId::Ttft, "99%"}, {MetricId::AvgTpot, nullptr},
        {MetricId::AvgItl, nullptr}, {MetricId::AvgInputTokens, nullptr}, {MetricId::AvgOutputTokens, nullptr}};
    QString slo; // the goodput SLOs of the run, when it had some: their columns follow
    for (const PointResult& p : run.points) {
        if (!p.extended.goodput.slo.isEmpty())
            slo = p.extended.goodput.slo.toText();
    }
    if (!slo.isEmpty())
        columns << Column{MetricId::Goodput, nullptr} << Column{MetricId::SloTtftAttainment, nullptr}
                << Column{MetricId::SloTpotAttainment, nullptr} << Column{MetricId::SloE2elAttainment, nullptr};
    h += QStringLiteral("<h2>Summary</h2>\n<table>\n<tr><th>") + esc(loadName) + QStringLiteral("</th>");
    for (const Column& c : columns) {
        const MetricDef& m = MetricCatalogue::get(c.metric);
        const QString title = c.label
            ? QStringLiteral("P%1 %2").arg(QString::fromLatin1(c.label).chopped(1), m.keyString())
            : m.keyString();
        h += QStringLiteral("<th title=\"") + esc(m.definitionString()) + QStringLiteral("\">") + esc(title)
            + QStringLiteral("</th>");
    }
    h += QStringLiteral("<th class=\"l\">Status</th></tr>\n");
    for (const PointResult& p : run.points) {
        h += QStringLiteral("<tr><td>") + esc(loadLabel(p.point)) + QStringLiteral("</td>");
        if (p.hasSummary) {
            for (const Column& c : columns) {
                const MetricDef& m = MetricCatalogue::get(c.metric);
                const double v = MetricCatalogue::value(m, p, c.label ? QString::fromLatin1(c.label) : QString());
                h += QStringLiteral("<td>")
                    + (m.format == MetricFormat::Integer ? QString::number(qint64(v)) : fmt(v, m.decimals))
                    + QStringLiteral("</td>");
            }
        } else {
            h += QStringLiteral("<td colspan=\"%1\" class=\"l\">no summary</td>").arg(columns.size());
        }
        h += QStringLiteral("<td class=\"l\">") + esc(p.status) + QStringLiteral("</td></tr>\n");
    }
    h += QStringLiteral("</table>\n");
    if (!slo.isEmpty())
        h += QStringLiteral("<p>Goodput SLOs (ms): ") + esc(slo) + QStringLiteral("</p>\n");
    if (run.points.size() > 1) {
        const SaturationPoint knee = findSaturation(run);
        h += QStringLiteral("<p>Saturation point: ")
            + esc(knee.found ? QStringLiteral("%1 %2 (%3)").arg(loadName, loadLabel(run.points.at(knee.index).point),
                                   knee.reason)
                             : knee.reason)
            + QStringLiteral("</p>\n");
        if (!knee.uncertainty.isEmpty())
            h += QStringLiteral("<p>Saturation over %1 repetitions: ").arg(knee.repetitions) + esc(knee.uncertainty)
                + QStringLiteral("</p>\n");
    }
    h += slaSection(run);

    // Sweep charts.
    QStringList categories;
    for (const PointResult& p : run.points)
        categories.append(loadLabel(p.point));
    auto series = [&run](const QString& name, const QString& color, auto value) {
        SvgChart::Series s{name, color, {}};
        for (const PointResult& p : run.points)
            s.values.append(p.hasSummary ? value(p) : std::nan(""));
        return s;
    };
    auto pct = [](MetricId metric, const QString& label) {
        return [metric, label](
                   const PointResult& p) { return MetricCatalogue::value(MetricCatalogue::get(metric), p, label); };
    };
    h += QStringLiteral("<h2>Sweep</h2>\n<div class=\"charts\">\n");
    SvgChart tokens(QStringLiteral("Token throughput"), loadName, QStringLiteral("tokens/s"));
    tokens.setCategories(categories);
    tokens.addSeries(series(QStringLiteral("output tok/s"), QStringLiteral("#1f77b4"),
        [](const PointResult& p) { return p.summary.outputThroughput; }));
    tokens.addSeries(series(QStringLiteral("total tok/s"), QStringLiteral("#ff7f0e"),
        [](const PointResult& p) { return p.summary.totalThroughput; }));
    h += tokens.toSvg();
    SvgChart requests(QStringLiteral("Request throughput"), loadName, QStringLiteral("requests/s"));
    requests.setCategories(categories);
    requests.addSeries(series(QStringLiteral("req/s"), QStringLiteral("#2ca02c"),
        [](const PointResult& p) { return p.summary.reqThroughput; }));
    h += requests.toSvg();
    SvgChart ttft(QStringLiteral("Time to first token percentiles"), loadName, QStringLiteral("ms"));
    ttft.setCategories(categories);
    ttft.addSeries(
        series(QStringLiteral("p50"), QStringLiteral("#1f77b4"), pct(MetricId::Ttft, QStringLiteral("50%"))));
    ttft.addSeries(
        series(QStringLiteral("p90"), QStringLiteral("#9467bd"), pct(MetricId::Ttft, QStringLiteral("90%"))));
    ttft.addSeries(
        series(QStringLiteral("p99"), QStringLiteral("#d62728"), pct(MetricId::Ttft, QStringLiteral("99%"))));
    h += ttft.toSvg();
    SvgChart latency(QStringLiteral("Request latency percentiles"), loadName, QStringLiteral("s"));
    latency.setCategories(categories);
    latency.addSeries(
        series(QStringLiteral("p50"), QStringLiteral("#1f77b4"), pct(MetricId::Latency, QStringLiteral("50%"))));
    latency.addSeries(
        series(QStringLiteral("p90"), QStringLiteral("#9467bd"), pct(MetricId::Latency, QStringLiteral("90%"))));
    latency.addSeries(
        series(QStringLiteral("p99"), QStringLiteral("#d62728"), pct(MetricId::Latency, QStringLiteral("99%"))));
    h += latency.toSvg();
    SvgChart itl(QStringLiteral("Inter-token latency and TPOT percentiles"), loadName, QStringLiteral("ms"));
    itl.setCategories(categories);
    itl.addSeries(
        series(QStringLiteral("ITL p50"), QStringLiteral("#17becf"), pct(MetricId::Itl, QStringLiteral("50%"))));
    itl.addSeries(
        series(QStringLiteral("ITL p99"), QStringLiteral("#8c564b"), pct(MetricId::Itl, QStringLiteral("99%"))));
    itl.addSeries(
        series(QStringLiteral("TPOT p50"), QStringLiteral("#bcbd22"), pct(MetricId::Tpot, QStringLiteral("50%"))));
    h += itl.toSvg();
    h += QStringLiteral("</div>\n");

    // Percentile tables, transposed as EvalScope prints them: metrics as rows, percentiles as columns.
    h += QStringLiteral("<h2>Percentiles</h2>\n");
    for (const PointResult& p : run.points) {
        h += QStringLiteral("<h3>")
            + esc(loadName + QStringLiteral(" ") + loadLabel(p.point)
                + QStringLiteral(", %1 requests").arg(p.point.number))
            + QStringLiteral("</h3>\n");
        const PercentileTable& t = p.percentiles;
        if (t.metrics.isEmpty()) {
            h += QStringLiteral("<p>No successful request, no percentiles.</p>\n");
            continue;
        }
        h += QStringLiteral("<table>\n<tr><th class=\"l\">Metric</th>");
        for (const QString& label : t.labels)
            h += QStringLiteral("<th>") + esc(label) + QStringLiteral("</th>");
        h += QStringLiteral("</tr>\n");
        for (const QString& metric : t.metrics) {
            h += QStringLiteral("<tr><td class=\"l\">") + esc(metric) + QStringLiteral("</td>");
            for (const QString& label : t.labels)
                h += QStringLiteral("<td>") + fmt(t.value(metric, label), 2) + QStringLiteral("</td>");
            h += QStringLiteral("</tr>\n");
        }
        h += QStringLiteral("</table>\n");
    }

    // Configuration, pretty-printed.
    h += QStringLiteral("<h2>Configuration</h2>\n<pre>");
    const auto config = nlohmann::ordered_json::parse(run.configJson.cbegin(), run.configJson.cend(), nullptr, false);
    h += esc(config.is_discarded() ? QString::fromUtf8(run.configJson)
                                   : QString::fromUtf8(jsonutil::dumpOrdered(config, 2)));
    h += QStringLiteral("</pre>\n");
    if (!run.fingerprintJson.isEmpty()) {
        const auto fp
            = nlohmann::ordered_json::parse(run.fingerprintJson.cbegin(), run.fingerprintJson.cend(), nullptr, false);
        h += QStringLiteral("<h3>Endpoint fingerprint</h3>\n<pre>");
        h += esc(fp.is_discarded() ? QString::fromUtf8(run.fingerprintJson)
                                   : QString::fromUtf8(jsonutil::dumpOrdered(fp, 2)));
        h += QStringLiteral("</pre>\n");
    }
    h += QStringLiteral(
        "<p><small>Written by Throughline " THROUGHLINE_VERSION " on %1.</small></p>\n</body>\n</html>\n")
             .arg(QDateTime::currentDateTime().toString(Qt::ISODate));
    return h.toUtf8();
}

} // namespace tl
