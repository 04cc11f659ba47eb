#include "metrics/slatuner.h"

#include "metrics/repeatstats.h"
#include "util/tr.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {

namespace {

double percentile(const PointResult& r, const char* column, const QString& metric)
{
    const QString label = metric.left(metric.indexOf(u'_')).mid(1) + u'%'; // "p99_ttft" -> "99%"
    return r.percentiles.value(QString::fromLatin1(column), label);
}

double meanOf(const QVector<double>& v)
{
    double sum = 0;
    int n = 0;
    for (double x : v) {
        if (std::isfinite(x)) {
            sum += x;
            ++n;
        }
    }
    return n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

int doubled(int v, int upper)
{
    return v > upper / 2 ? upper : std::min(v * 2, upper);
}

} // namespace

SlaProbe SlaTuner::Probe::tag() const
{
    return SlaProbe{variable, value, repetition};
}

std::optional<SlaTuner::Settings> SlaTuner::settingsFor(const RunConfig& config, QString* error)
{
    auto fail = [error](const char* flag, const QString& message) {
        if (error)
            *error = QString::fromLatin1(flag) + QStringLiteral(": ") + message;
        return std::nullopt;
    };
    if (!config.slaAutoTune)
        return fail("--sla-auto-tune", Tr::tr("not given"));
    Settings s;
    QString parseError;
    const auto groups = parseSlaParams(config.slaParams, &parseError);
    if (!groups)
        return fail("--sla-params", parseError);
    s.groups = *groups;
    if (config.slaVariable != u"parallel" && config.slaVariable != u"rate")
        return fail("--sla-variable", Tr::tr("'%1' is not parallel or rate").arg(config.slaVariable));
    s.variable = config.slaVariable;
    if (config.slaLowerBound < 1)
        return fail("--sla-lower-bound", Tr::tr("must be at least 1 (got %1)").arg(config.slaLowerBound));
    if (config.slaUpperBound < config.slaLowerBound)
        return fail("--sla-upper-bound",
            Tr::tr("%1 is below --sla-lower-bound %2").arg(config.slaUpperBound).arg(config.slaLowerBound));
    s.lower = config.slaLowerBound;
    s.upper = config.slaUpperBound;
    if (config.slaNumRuns < 1)
        return fail("--sla-num-runs", Tr::tr("must be at least 1 (got %1)").arg(config.slaNumRuns));
    s.numRuns = config.slaNumRuns;
    s.confidence = config.confidenceLevel;
    s.multiplier = config.slaNumberMultiplier.value_or(2.0);
    if (!(s.multiplier > 0) || !std::isfinite(s.multiplier))
        return fail("--sla-number-multiplier", Tr::tr("must be above 0 (got %1)").arg(s.multiplier));
    s.fixedParallel = config.slaFixedParallel.value_or(s.upper);
    if (s.fixedParallel < 1)
        return fail("--sla-fixed-parallel", Tr::tr("must be at least 1 (got %1)").arg(s.fixedParallel));
    // EvalScope starts from --parallel (or --rate), cast to an integer and clamped to the bounds.
    double start = s.variable == u"parallel" ? (config.parallel.isEmpty() ? 1 : config.parallel.first())
                                             : (config.rate.isEmpty() ? -1.0 : config.rate.first());
    if (!std::isfinite(start))
        start = s.lower;
    s.start = int(std::clamp(std::trunc(start), double(s.lower), double(s.upper)));
    return s;
}

SlaTuner::SlaTuner(Settings settings)
    : m_settings(std::move(settings))
{
}

RunPoint SlaTuner::pointFor(int value) const
{
    const int number = std::max(1, int(std::lround(double(value) * m_settings.multiplier)));
    if (m_settings.variable == u"rate")
        return RunPoint{m_settings.fixedParallel, number, double(value)};
    return RunPoint{value, number, -1.0};
}

double SlaTuner::metricOf(const QString& metric, const PointResult& r)
{
    const Summary& s = r.summary;
    if (metric == u"avg_latency")
        return s.avgLatencyS;
    if (metric == u"avg_ttft")
        return s.avgTtftMs / 1000.0;
    if (metric == u"avg_tpot")
        return s.avgTpotMs / 1000.0;
    if (metric == u"rps")
        return s.reqThroughput;
    if (metric == u"tps")
        return s.outputThroughput;
    if (metric.endsWith(u"_latency"))
        return percentile(r, "Latency (s)", metric);
    if (metric.endsWith(u"_ttft"))
        return percentile(r, "TTFT (ms)", metric) / 1000.0;
    if (metric.endsWith(u"_tpot"))
        return percentile(r, "TPOT (ms)", metric) / 1000.0;
    return std::numeric_limits<double>::quiet_NaN();
}

void SlaTuner::addResult(int value, const PointResult& result)
{
    Run run;
    run.summary = result.summary;
    run.percentiles = result.percentiles;
    const int total = result.summary.totalRequests;
    run.successPct = total > 0 ? 100.0 * result.summary.successRequests / total : 0.0;
    // EvalScope: a probe fails unless every request succeeded; a stopped point never passes.
    run.allSucceeded = total > 0 && result.summary.successRequests == total && !result.stopped;
    if (!m_runs.contains(value))
        m_order.append(value);
    m_runs[value].append(run);
    ++m_pointsRun;
}

QVector<double> SlaTuner::samples(int value, const QString& metric) const
{
    QVector<double> out;
    for (const Run& run : m_runs.value(value)) {
        PointResult r;
        r.summary = run.summary;
        r.percentiles = run.percentiles;
        out.append(metricOf(metric, r));
    }
    return out;
}

SlaTuner::GroupVerdict SlaTuner::judge(const SlaGroup& group, int value) const
{
    GroupVerdict g;
    const QList<Run> runs = m_runs.value(value);
    const int n = int(runs.size());
    for (const SlaCriterion& c : group.criteria) {
        CriterionStat cs;
        cs.criterion = c;
        cs.stats = repeatStats(samples(value, c.metric), m_settings.confidence);
        cs.holds = c.holds(cs.stats.mean);
        cs.straddles = !c.isOptimisation() && std::isfinite(cs.stats.ciLow) && std::isfinite(cs.stats.ciHigh)
            && cs.stats.ciLow < c.threshold && c.threshold < cs.stats.ciHigh;
        g.criteria.append(cs);
    }
    if (n < m_settings.numRuns) {
        g.verdict = Verdict::Pending;
        return g;
    }
    for (const Run& run : runs)
        g.requestsFailed = g.requestsFailed || !run.allSucceeded;
    if (g.requestsFailed) {
        g.verdict = Verdict::Fail;
        return g;
    }
    bool clearFail = false;
    bool straddle = false;
    bool allHold = true;
    bool noInterval = false;
    for (const CriterionStat& cs : std::as_const(g.criteria)) {
        // With one run there is no interval: a miss is judged on that run alone, not as a clear one.
        clearFail = clearFail || (!cs.holds && !cs.straddles && (cs.criterion.isOptimisation() || cs.stats.n >= 2));
        straddle = straddle || cs.straddles;
        allHold = allHold && cs.holds;
        noInterval = noInterval || (!cs.criterion.isOptimisation() && cs.stats.n < 2);
    }
    if (clearFail) { // one criterion misses by more than its interval: no repetition can save the value
        g.verdict = Verdict::Fail;
        return g;
    }
    if (straddle && n < 2 * m_settings.numRuns) {
        g.verdict = Verdict::Pending;
        return g;
    }
    g.sure = !straddle && !noInterval;
    g.verdict = allHold ? Verdict::Pass : Verdict::Fail;
    return g;
}

SlaTuner::GroupOutcome SlaTuner::search(const SlaGroup& group, std::optional<int>* need) const
{
    return group.isOptimisation() ? searchOptimum(group, need) : searchConstraint(group, need);
}

SlaTuner::GroupOutcome SlaTuner::searchConstraint(const SlaGroup& group, std::optional<int>* need) const
{
    GroupOutcome out;
    out.group = group;
    auto check = [&](int v) -> std::optional<bool> {
        const GroupVerdict g = judge(group, v);
        if (g.verdict == Verdict::Pending) {
            *need = v;
            return std::nullopt;
        }
        if (!out.path.contains(v))
            out.path.append(v);
        if (!g.sure && !out.unsureValues.contains(v))
            out.unsureValues.append(v);
        return g.verdict == Verdict::Pass;
    };
    const int lower = m_settings.lower;
    const int upper = m_settings.upper;
    int cur = m_settings.start;
    int low = -1; // largest value seen to pass
    int high = -1; // smallest value seen to fail above it
    const auto first = check(cur);
    if (!first)
        return out;
    if (*first) {
        low = cur;
        while (cur < upper) {
            const int nxt = doubled(cur, upper);
            const auto r = check(nxt);
            if (!r)
                return out;
            if (!*r) {
                high = nxt;
                break;
            }
            low = cur = nxt;
        }
    } else {
        high = cur;
        while (cur > lower) {
            const int nxt = std::max(cur / 2, lower);
            const auto r = check(nxt);
            if (!r)
                return out;
            if (*r) {
                low = nxt;
                break;
            }
            high = cur = nxt;
        }
        if (low < 0) {
            out.finished = true;
            out.failedAtLower = true;
            out.sure = !out.unsureValues.contains(lower);
            return out;
        }
    }
    while (high > 0 && high - low > 1) {
        const int mid = low + (high - low) / 2;
        const auto r = check(mid);
        if (!r)
            return out;
        if (*r)
            low = mid;
        else
            high = mid;
    }
    out.finished = true;
    out.value = low;
    out.reachedUpper = high < 0;
    out.sure = !out.unsureValues.contains(low) && (high < 0 || !out.unsureValues.contains(high));
    return out;
}

SlaTuner::GroupOutcome SlaTuner::searchOptimum(const SlaGroup& group, std::optional<int>* need) const
{
    GroupOutcome out;
    out.group = group;
    const SlaCriterion& c = group.criteria.first();
    const bool maximise = c.op == SlaCriterion::Op::Max;
    const double worst = maximise ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    // A value with failed requests is no candidate: it counts as the worst metric.
    auto measure = [&](int v) -> std::optional<double> {
        const GroupVerdict g = judge(group, v);
        if (g.verdict == Verdict::Pending) {
            *need = v;
            return std::nullopt;
        }
        if (!out.path.contains(v))
            out.path.append(v);
        const double m = g.criteria.first().stats.mean;
        return g.verdict == Verdict::Pass && std::isfinite(m) ? m : worst;
    };
    auto better = [maximise](double a, double b) { return maximise ? a > b : a < b; };
    const int upper = m_settings.upper;
    int cur = m_settings.start;
    const auto first = measure(cur);
    if (!first)
        return out;
    int best = cur;
    double bestMetric = *first;
    int high = -1;
    while (cur < upper) {
        const int nxt = doubled(cur, upper);
        const auto m = measure(nxt);
        if (!m)
            return out;
        if (!better(*m, bestMetric)) {
            high = nxt;
            break;
        }
        best = cur = nxt;
        bestMetric = *m;
    }
    int low = best;
    while (high > 0 && high - low > 1) {
        const int mid = low + (high - low) / 2;
        const auto m = measure(mid);
        if (!m)
            return out;
        if (better(*m, bestMetric)) {
            best = low = mid;
            bestMetric = *m;
        } else {
            high = mid;
        }
    }
    out.finished = true;
    out.reachedUpper = high < 0;
    if (std::isfinite(bestMetric)) {
        out.value = best;
        out.metric = bestMetric;
    } else {
        out.failedAtLower = true; // no probe succeeded in full
    }
    // The optimum compares means; with one run per value there is no interval behind it.
    out.sure = m_settings.numRuns >= 2;
    return out;
}

std::optional<SlaTuner::Probe> SlaTuner::next() const
{
    for (const SlaGroup& g : m_settings.groups) {
        std::optional<int> need;
        const GroupOutcome o = search(g, &need);
        if (o.finished)
            continue;
        if (!need)
            return std::nullopt; // cannot happen: an unfinished search always names the value it needs
        Probe p;
        p.variable = m_settings.variable;
        p.value = *need;
        p.repetition = int(m_runs.value(*need).size());
        p.point = pointFor(*need);
        return p;
    }
    return std::nullopt;
}

QList<SlaTuner::GroupOutcome> SlaTuner::outcomes() const
{
    QList<GroupOutcome> out;
    for (const SlaGroup& g : m_settings.groups) {
        std::optional<int> need;
        out.append(search(g, &need));
    }
    return out;
}

QList<SlaTuner::ValueOutcome> SlaTuner::values() const
{
    QList<ValueOutcome> out;
    for (int v : m_order) {
        ValueOutcome o;
        o.value = v;
        const QList<Run> runs = m_runs.value(v);
        o.runs = int(runs.size());
        double pct = 0;
        for (const Run& r : runs)
            pct += r.successPct;
        o.successPct = runs.isEmpty() ? 0.0 : pct / double(runs.size());
        for (const SlaGroup& g : m_settings.groups)
            o.groups.append(judge(g, v));
        out.append(o);
    }
    return out;
}

Summary SlaTuner::averagedSummary(int value) const
{
    const QList<Run> runs = m_runs.value(value);
    Summary s;
    if (runs.isEmpty())
        return s;
    s = runs.first().summary;
    const double n = double(runs.size());
    auto avg = [&](auto member) {
        double sum = 0;
        for (const Run& r : runs)
            sum += double(r.summary.*member);
        return sum / n;
    };
    auto avgInt = [&](auto member) { return int(std::lround(avg(member))); };
    s.testDurationS = avg(&Summary::testDurationS);
    s.concurrency = avgInt(&Summary::concurrency);
    s.rate = avg(&Summary::rate);
    s.totalRequests = avgInt(&Summary::totalRequests);
    s.successRequests = avgInt(&Summary::successRequests);
    s.failedRequests = avgInt(&Summary::failedRequests);
    s.streamRequests = avgInt(&Summary::streamRequests);
    s.nonStreamRequests = avgInt(&Summary::nonStreamRequests);
    s.reqThroughput = avg(&Summary::reqThroughput);
    s.avgLatencyS = avg(&Summary::avgLatencyS);
    s.avgInputTokens = avg(&Summary::avgInputTokens);
    s.outputThroughput = avg(&Summary::outputThroughput);
    s.totalThroughput = avg(&Summary::totalThroughput);
    s.avgTtftMs = avg(&Summary::avgTtftMs);
    s.avgTpotMs = avg(&Summary::avgTpotMs);
    s.avgItlMs = avg(&Summary::avgItlMs);
    s.avgOutputTokens = avg(&Summary::avgOutputTokens);
    s.inputThroughput = avg(&Summary::inputThroughput);
    return s;
}

PercentileTable SlaTuner::averagedPercentiles(int value) const
{
    const QList<Run> runs = m_runs.value(value);
    PercentileTable t;
    if (runs.isEmpty())
        return t;
    t = runs.first().percentiles;
    for (qsizetype m = 0; m < t.metrics.size(); ++m) {
        for (qsizetype p = 0; p < t.labels.size(); ++p) {
            QVector<double> column;
            for (const Run& r : runs)
                column.append(r.percentiles.value(t.metrics.at(m), t.labels.at(p)));
            t.values[m][p] = meanOf(column);
        }
    }
    return t;
}

std::optional<SlaTuner> SlaTuner::replay(const RunConfig& config, const QList<PointResult>& points)
{
    const auto settings = settingsFor(config);
    if (!settings)
        return std::nullopt;
    SlaTuner tuner(*settings);
    for (const PointResult& p : points) {
        if (p.slaProbe.isValid() && p.hasSummary)
            tuner.addResult(p.slaProbe.value, p);
    }
    return tuner;
}

namespace {

QString criterionNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 4) : QStringLiteral("-");
}

} // namespace

QString SlaTuner::CriterionStat::text() const
{
    QString cell = QStringLiteral("%1 %2").arg(criterion.metric, criterionNumber(criterion.displayValue(stats.mean)));
    if (std::isfinite(stats.ciLow))
        cell += QStringLiteral(" [%1, %2]")
                    .arg(criterionNumber(criterion.displayValue(stats.ciLow)),
                        criterionNumber(criterion.displayValue(stats.ciHigh)));
    cell += u' ' + criterion.displayUnit();
    if (straddles)
        cell += QStringLiteral(" ~");
    return cell;
}

QString SlaTuner::GroupVerdict::criteriaText() const
{
    QStringList cells;
    for (const CriterionStat& c : criteria)
        cells.append(c.text());
    return cells.join(QStringLiteral("; "));
}

QString SlaTuner::GroupVerdict::verdictText() const
{
    QString text = verdict == Verdict::Pass ? QStringLiteral("pass")
        : verdict == Verdict::Fail          ? QStringLiteral("FAIL")
                                            : QStringLiteral("pending");
    if (requestsFailed)
        text += QStringLiteral(" (requests failed)");
    else if (verdict != Verdict::Pending && !sure)
        text += QStringLiteral(" (unsure)");
    return text;
}

QString SlaTuner::GroupOutcome::text() const
{
    if (!finished)
        return Tr::tr("searching");
    if (failedAtLower || !value)
        return Tr::tr("None (failed at the lower bound)");
    return QString::number(*value);
}

} // namespace tl
