#include "metrics/extendedmetrics.h"

#include "metrics/metriccatalogue.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>


namespace tl {

QString tokenDeltaSource(const ExtendedMetrics& m)
{
    if (m.chunkedRequests == 0)
        return QStringLiteral("none");
    if (m.exactTokenRequests == m.chunkedRequests)
        return QStringLiteral("server");
    return m.exactTokenRequests == 0 ? QStringLiteral("even spread") : QStringLiteral("mixed");
}

QByteArray extendedMetricsToJson(const ExtendedMetrics& m)
{
    PointResult r;
    r.extended = m;
    nlohmann::ordered_json j;
    for (const MetricDef* metric : MetricCatalogue::inTable(MetricTable::Extended)) {
        if (metric->id == MetricId::TokenDeltas) {
            j[metric->key] = jsonutil::toStd(tokenDeltaSource(m));
        } else if (metric->id == MetricId::GoodputSlo) {
            j[metric->key] = jsonutil::toStd(m.goodput.slo.toText());
        } else if (metric->id == MetricId::ErrorsByClass) {
            nlohmann::ordered_json errors = nlohmann::ordered_json::object();
            for (const auto& [cls, count] : m.errorsByClass)
                errors[jsonutil::toStd(cls)] = count;
            j[metric->key] = std::move(errors);
        } else {
            j[metric->key] = scalar(*metric, MetricCatalogue::value(*metric, r));
        }
    }
    j[MetricCatalogue::kExtendedPercentilesKey] = percentileRows(m.percentiles, 3);
    return jsonutil::dumpOrdered(j, 4);
}

} // namespace tl
