#include "cli/texttables.h"

#include "metrics/extendedmetrics.h"

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

QString pointSummary(const PointResult& r)
{
    const Summary& s = r.summary;
    QList<QStringList> rows = {
        {QStringLiteral("Test Duration (s)"), num(s.testDurationS, 3)},
        {QStringLiteral("Concurrency"), QString::number(s.concurrency)},
        {QStringLiteral("Request Rate (req/s)"), s.rate < 0 ? QStringLiteral("unpaced") : num(s.rate, 2)},
        {QStringLiteral("Requests (total / success / failed)"),
            QStringLiteral("%1 / %2 / %3").arg(s.totalRequests).arg(s.successRequests).arg(s.failedRequests)},
        {QStringLiteral("Req Throughput (req/s)"), num(s.reqThroughput, 2)},
        {QStringLiteral("Output Throughput (tok/s)"), num(s.outputThroughput, 2)},
        {QStringLiteral("Total Throughput (tok/s)"), num(s.totalThroughput, 2)},
        {QStringLiteral("Avg Latency (s)"), num(s.avgLatencyS, 3)},
        {QStringLiteral("Avg TTFT (ms)"), num(s.avgTtftMs, 2)},
        {QStringLiteral("Avg TPOT (ms)"), num(s.avgTpotMs, 2)},
        {QStringLiteral("Avg ITL (ms)"), num(s.avgItlMs, 2)},
        {QStringLiteral("Avg Input Tokens"), num(s.avgInputTokens, 1)},
        {QStringLiteral("Avg Output Tokens"), num(s.avgOutputTokens, 1)},
    };
    if (!s.llm)
        rows.append({QStringLiteral("Input Throughput (tok/s)"), num(s.inputThroughput, 2)});
    for (const auto& [cls, count] : r.extended.errorsByClass)
        rows.append({QStringLiteral("Failed: %1").arg(cls), QString::number(count)});
    const QString title = QStringLiteral("Benchmarking summary: %1%2")
                              .arg(r.point.name(), r.stopped ? QStringLiteral(" (stopped early)") : QString());
    return table(title, {QStringLiteral("Metric"), QStringLiteral("Value")}, rows);
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
        const bool tokens = t.metrics.at(m).endsWith(u"tokens");
        for (double v : t.values.at(m))
            row.append(num(v, tokens ? 0 : (t.metrics.at(m) == u"Latency (s)" ? 3 : 2)));
        rows.append(row);
    }
    return table(QStringLiteral("Percentile results: %1").arg(r.point.name()), header, rows);
}

QString pointExtended(const PointResult& r)
{
    const ExtendedMetrics& m = r.extended;
    const PercentileTable& t = m.percentiles;
    auto p = [&t](const QString& metric, const char* label, int decimals) {
        return num(t.value(metric, QString::fromLatin1(label)), decimals);
    };
    auto row = [&](const QString& name, double avg, const QString& metric, int decimals) {
        return QStringList{name, num(avg, decimals), p(metric, "50%", decimals), p(metric, "99%", decimals)};
    };
    QList<QStringList> rows = {
        row(QStringLiteral("TTFT to first content (ms)"), m.avgTtftContentMs, QStringLiteral("TTFT content (ms)"), 2),
        row(QStringLiteral("TPOT excl. first token (ms)"), m.avgTpotExclFirstMs, QStringLiteral("TPOT excl. first (ms)"),
            2),
        row(QStringLiteral("Normalised TPOT, E2E/out (ms)"), m.avgNormTpotMs, QStringLiteral("NTPOT (ms)"), 2),
        row(QStringLiteral("ITL per chunk (ms)"), m.avgItlChunkMs, QStringLiteral("ITL chunk (ms)"), 2),
        row(QStringLiteral("ITL per token (ms)"), m.avgItlTokenMs, QStringLiteral("ITL token (ms)"), 2),
        row(QStringLiteral("Schedule lag, sent - scheduled (ms)"), m.avgScheduleLagMs,
            QStringLiteral("Schedule lag (ms)"), 3),
        row(QStringLiteral("Latency from scheduled time (s)"), m.avgLatencyFromScheduleS,
            QStringLiteral("Latency from schedule (s)"), 3),
        row(QStringLiteral("Chunks per request"), m.avgChunksPerRequest, QStringLiteral("Chunks/request"), 1),
        row(QStringLiteral("Tokens per chunk"), m.avgTokensPerChunk, QStringLiteral("Tokens/chunk"), 2),
        {QStringLiteral("Token deltas (ITL/token, tokens/chunk)"), tokenDeltaSource(m),
            QStringLiteral("%1/%2 req.").arg(m.exactTokenRequests).arg(m.chunkedRequests), QString()},
        {QStringLiteral("Concurrency: mean / peak"), num(m.meanConcurrency, 2), QString::number(m.peakConcurrency),
            QString()},
        {QStringLiteral("Arrival rate: achieved / target (req/s)"), num(m.achievedRate, 2),
            m.targetRate < 0 ? QStringLiteral("unpaced") : num(m.targetRate, 2), QString()},
        {QStringLiteral("Peak 1-s output throughput (tok/s)"), num(m.peakOutputThroughput, 1), QString(), QString()},
    };
    if (m.retriedRequests > 0)
        rows.append({QStringLiteral("Resent after a stale connection"), QString::number(m.retriedRequests), QString(),
            QString()});
    return table(QStringLiteral("Throughline metrics: %1").arg(r.point.name()),
        {QStringLiteral("Metric"), QStringLiteral("avg"), QStringLiteral("p50"), QStringLiteral("p99")}, rows);
}

QString overview(const QList<PointResult>& results)
{
    QList<QStringList> rows;
    for (const PointResult& r : results) {
        const Summary& s = r.summary;
        const double success = s.totalRequests ? 100.0 * s.successRequests / s.totalRequests : 0.0;
        rows.append({s.concurrency < 0 ? QStringLiteral("-") : QString::number(s.concurrency),
            s.rate < 0 ? QStringLiteral("INF") : num(s.rate, 2), QString::number(s.totalRequests),
            num(s.reqThroughput, 2), num(s.outputThroughput, 2), num(success, 1) + u'%'});
    }
    return table(QStringLiteral("Performance Overview"),
        {QStringLiteral("Conc."), QStringLiteral("Rate"), QStringLiteral("Num"), QStringLiteral("RPS"),
            QStringLiteral("Gen/s"), QStringLiteral("Success")},
        rows);
}

QString perRequest(const QList<PointResult>& results)
{
    QList<QStringList> rows;
    for (const PointResult& r : results) {
        const PercentileTable& t = r.percentiles;
        const QString load = r.point.parallel < 0 ? QStringLiteral("R=%1").arg(r.point.rate)
                                                  : QStringLiteral("P=%1").arg(r.point.parallel);
        auto cells = [&](const QString& metric, double avg, int decimals) {
            return QStringList{load + u' ' + metric, num(avg, decimals),
                num(t.value(metric, QStringLiteral("50%")), decimals),
                num(t.value(metric, QStringLiteral("99%")), decimals),
                num(t.value(metric, QStringLiteral("max")), decimals)};
        };
        const Summary& s = r.summary;
        rows.append(cells(QStringLiteral("TTFT (ms)"), s.avgTtftMs, 2));
        rows.append(cells(QStringLiteral("ITL (ms)"), s.avgItlMs, 2));
        rows.append(cells(QStringLiteral("TPOT (ms)"), s.avgTpotMs, 2));
        rows.append(cells(QStringLiteral("Latency (s)"), s.avgLatencyS, 3));
    }
    return table(QStringLiteral("Per-Request Metrics"),
        {QStringLiteral("Metric"), QStringLiteral("avg"), QStringLiteral("p50"), QStringLiteral("p99"),
            QStringLiteral("max")},
        rows);
}

} // namespace tl::TextTables
