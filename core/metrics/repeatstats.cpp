#include "metrics/repeatstats.h"

#include "config/runconfig.h"
#include "metrics/metriccatalogue.h"

#include <cmath>

namespace tl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the incomplete beta function (modified Lentz).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (std::abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + aa * d;
        d = 1.0 / (std::abs(d) < tiny ? tiny : d);
        c = 1.0 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + aa * d;
        d = 1.0 / (std::abs(d) < tiny ? tiny : d);
        c = 1.0 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < 1e-15)
            break;
    }
    return h;
}

// The regularised incomplete beta function I_x(a, b).
double incompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double front
        = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

// P(T <= t) for Student's t with `dof` degrees of freedom.
double studentTCdf(double t, int dof)
{
    const double v = dof;
    const double tail = 0.5 * incompleteBeta(v / 2.0, 0.5, v / (v + t * t));
    return t >= 0 ? 1.0 - tail : tail;
}

} // namespace

double studentTQuantile(double p, int dof)
{
    if (dof < 1 || !(p > 0 && p < 1))
        return kNaN;
    if (p < 0.5)
        return -studentTQuantile(1.0 - p, dof);
    double lo = 0;
    double hi = 1;
    while (studentTCdf(hi, dof) < p && hi < 1e12)
        hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = (lo + hi) / 2;
        (studentTCdf(mid, dof) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

RepeatStats repeatStats(const QVector<double>& values, double confidence)
{
    RepeatStats s;
    s.confidence = confidence;
    QVector<double> finite;
    for (double v : values) {
        if (std::isfinite(v))
            finite.append(v);
    }
    s.n = int(finite.size());
    if (s.n == 0)
        return s;
    double sum = 0;
    for (double v : finite)
        sum += v;
    s.mean = sum / s.n;
    if (s.n < 2)
        return s;
    double squares = 0;
    for (double v : finite)
        squares += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(squares / (s.n - 1));
    s.cv = s.mean != 0 ? s.sd / std::abs(s.mean) : kNaN;
    const double half = studentTQuantile(0.5 + confidence / 2.0, s.n - 1) * s.sd / std::sqrt(double(s.n));
    s.ciLow = s.mean - half;
    s.ciHigh = s.mean + half;
    return s;
}

QList<RepeatGroup> repeatGroups(const QList<PointResult>& points, int numRuns, double confidence)
{
    numRuns = std::max(1, numRuns);
    QList<const MetricDef*> scalars;
    for (const MetricTable table : {MetricTable::Summary, MetricTable::Extended}) {
        for (const MetricDef* m : MetricCatalogue::inTable(table)) {
            if (m->field && m->format != MetricFormat::Text)
                scalars.append(m);
        }
    }
    QList<RepeatGroup> groups;
    for (qsizetype first = 0; first < points.size(); first += numRuns) {
        RepeatGroup g;
        g.point = points.at(first).point;
        QList<const PointResult*> measured;
        for (qsizetype i = first; i < std::min(points.size(), first + numRuns); ++i) {
            g.pointIndices.append(int(i));
            if (points.at(i).hasSummary)
                measured.append(&points.at(i));
        }
        auto add = [&](const QString& key, auto value) {
            QVector<double> values;
            for (const PointResult* p : std::as_const(measured))
                values.append(value(*p));
            g.metrics.append({key, repeatStats(values, confidence)});
        };
        for (const MetricDef* m : std::as_const(scalars))
            add(m->keyString(), [m](const PointResult& p) { return MetricCatalogue::value(*m, p); });
        for (const MetricId id : {MetricId::Ttft, MetricId::Latency}) {
            const MetricDef& m = MetricCatalogue::get(id);
            for (const char* label : {"50%", "99%"}) {
                add(QStringLiteral("%1 p%2").arg(m.keyString(), QString::fromLatin1(label).chopped(1)),
                    [&m, label](const PointResult& p) {
                        return MetricCatalogue::value(m, p, QString::fromLatin1(label));
                    });
            }
        }
        groups.append(g);
    }
    return groups;
}

QList<RepeatGroup> repeatGroups(const RunData& run)
{
    ConfigErrors errors;
    const RunConfig config = RunConfig::fromJson(run.configJson, &errors);
    const bool known = !run.configJson.isEmpty();
    return repeatGroups(run.points, known ? config.numRuns : 1, known ? config.confidenceLevel : 0.95);
}

} // namespace tl
