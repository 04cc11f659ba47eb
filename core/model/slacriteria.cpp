#include "model/slacriteria.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

#include <cmath>

namespace tl {

namespace {

using Json = nlohmann::json;

const QStringList kTimeMetrics = {QStringLiteral("avg_latency"), QStringLiteral("p50_latency"),
    QStringLiteral("p90_latency"), QStringLiteral("p99_latency"), QStringLiteral("avg_ttft"),
    QStringLiteral("p50_ttft"), QStringLiteral("p90_ttft"), QStringLiteral("p99_ttft"), QStringLiteral("avg_tpot"),
    QStringLiteral("p50_tpot"), QStringLiteral("p90_tpot"), QStringLiteral("p99_tpot")};

bool isLatency(const QString& metric)
{
    return metric.endsWith(QLatin1String("_latency"));
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

// One value: "<=2", "< 500ms", "≥ 10", "max". Returns the error text, empty when read.
QString readCondition(const QString& metric, const QString& text, SlaCriterion* out)
{
    QString t = text.trimmed();
    t.replace(QChar(0x2264), QStringLiteral("<=")); // ≤
    t.replace(QChar(0x2265), QStringLiteral(">=")); // ≥
    t.replace(QChar(0x2267), QStringLiteral(">=")); // ≧
    const QString lower = t.toLower();
    if (lower == u"max" || lower == u"min") {
        out->op = lower == u"max" ? SlaCriterion::Op::Max : SlaCriterion::Op::Min;
        return {};
    }
    static const QRegularExpression re(
        QStringLiteral(R"(^(<=|>=|<|>)\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-zA-Z]*)$)"));
    const QRegularExpressionMatch m = re.match(t);
    const QString example = SlaCriterion::isTimeMetric(metric)
        ? (isLatency(metric) ? QStringLiteral("\"<=2s\"") : QStringLiteral("\"<=500ms\""))
        : QStringLiteral("\">=10\"");
    if (!m.hasMatch())
        return Tr::tr("%1: '%2' is not a condition; give <=, <, >= or > and a number, e.g. %3, or \"max\"/\"min\"")
            .arg(metric, text, example);
    const QString op = m.captured(1);
    out->op = op == u"<=" ? SlaCriterion::Op::Le
        : op == u"<"      ? SlaCriterion::Op::Lt
        : op == u">="     ? SlaCriterion::Op::Ge
                          : SlaCriterion::Op::Gt;
    double value = m.captured(2).toDouble();
    const QString unit = m.captured(3).toLower();
    if (SlaCriterion::isTimeMetric(metric)) {
        if (unit == u"ms")
            value /= 1000.0;
        else if (unit == u"s")
            ; // seconds already
        else if (unit.isEmpty())
            value = isLatency(metric) ? value : value / 1000.0; // EvalScope: latency in s, TTFT/TPOT in ms
        else
            return Tr::tr("%1: unit '%2' is not ms or s, e.g. %3").arg(metric, m.captured(3), example);
    } else if (!unit.isEmpty()) {
        return Tr::tr("%1: takes a plain number (%2), not '%3', e.g. %4")
            .arg(metric,
                metric == u"rps" ? QStringLiteral("requests per second") : QStringLiteral("output tokens per second"),
                m.captured(3), example);
    }
    if (!std::isfinite(value))
        return Tr::tr("%1: '%2' is not a finite number").arg(metric, text);
    out->threshold = value;
    return {};
}

} // namespace

bool SlaCriterion::isTimeMetric(const QString& metric)
{
    return kTimeMetrics.contains(metric);
}

QStringList SlaCriterion::metricNames()
{
    return kTimeMetrics + QStringList{QStringLiteral("rps"), QStringLiteral("tps")};
}

bool SlaCriterion::holds(double value) const
{
    if (!std::isfinite(value))
        return false;
    switch (op) {
    case Op::Le:
        return value <= threshold;
    case Op::Lt:
        return value < threshold;
    case Op::Ge:
        return value >= threshold;
    case Op::Gt:
        return value > threshold;
    case Op::Max:
    case Op::Min:
        return true;
    }
    return false;
}

double SlaCriterion::displayValue(double canonical) const
{
    return isTime() && !isLatency(metric) ? canonical * 1000.0 : canonical;
}

QString SlaCriterion::displayUnit() const
{
    if (isTime())
        return isLatency(metric) ? QStringLiteral("s") : QStringLiteral("ms");
    return metric == u"rps" ? QStringLiteral("req/s") : QStringLiteral("tok/s");
}

QString SlaCriterion::toText() const
{
    switch (op) {
    case Op::Max:
        return metric + QStringLiteral(" max");
    case Op::Min:
        return metric + QStringLiteral(" min");
    default:
        break;
    }
    const char* sign = op == Op::Le ? "<=" : op == Op::Lt ? "<" : op == Op::Ge ? ">=" : ">";
    return QStringLiteral("%1 %2 %3 %4")
        .arg(metric, QLatin1String(sign), number(displayValue(threshold)), displayUnit());
}

QString SlaGroup::toText() const
{
    QStringList parts;
    for (const SlaCriterion& c : criteria)
        parts.append(c.toText());
    return parts.join(QStringLiteral(" and "));
}

std::optional<QList<SlaGroup>> parseSlaParams(const QByteArray& json, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString example = QStringLiteral("'[{\"p99_latency\": \"<=2s\", \"avg_ttft\": \"<=500ms\"}]'");
    if (json.trimmed().isEmpty())
        return fail(Tr::tr("give the SLA criteria, e.g. %1").arg(example));
    if (jsonutil::tooDeep(json))
        return fail(Tr::tr("nests deeper than %1 levels").arg(jsonutil::kMaxDepth));
    const Json parsed = Json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array()))
        return fail(Tr::tr("is not a JSON object or list of objects, e.g. %1").arg(example));
    const Json items = parsed.is_array() ? parsed : Json::array({parsed});
    if (items.empty())
        return fail(Tr::tr("gives no criteria group, e.g. %1").arg(example));
    QList<SlaGroup> groups;
    for (const Json& item : items) {
        if (!item.is_object() || item.empty())
            return fail(Tr::tr("each group must be a non-empty JSON object, e.g. %1").arg(example));
        SlaGroup group;
        for (auto it = item.begin(); it != item.end(); ++it) {
            SlaCriterion c;
            c.metric = QString::fromStdString(it.key());
            if (!SlaCriterion::metricNames().contains(c.metric))
                return fail(Tr::tr("'%1' is not an SLA metric; use one of %2")
                                .arg(c.metric, SlaCriterion::metricNames().join(QStringLiteral(", "))));
            QString text;
            if (it.value().is_string())
                text = jsonutil::toQString(it.value());
            else
                return fail(Tr::tr("%1: the condition must be a string such as \"<=2s\" or \"max\"").arg(c.metric));
            if (const QString e = readCondition(c.metric, text, &c); !e.isEmpty())
                return fail(e);
            group.criteria.append(c);
        }
        groups.append(group);
    }
    int optimisations = 0;
    for (const SlaGroup& g : groups) {
        for (const SlaCriterion& c : g.criteria)
            optimisations += c.isOptimisation() ? 1 : 0;
    }
    if (optimisations > 0 && (groups.size() != 1 || groups.first().criteria.size() != 1 || optimisations != 1))
        return fail(Tr::tr("\"max\"/\"min\" must be the only condition of the only group, e.g. '{\"tps\": \"max\"}'"));
    return groups;
}

} // namespace tl
