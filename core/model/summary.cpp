#include "model/summary.h"

#include <limits>

namespace tl {

double PercentileTable::value(const QString& metric, const QString& label) const
{
    const qsizetype m = metrics.indexOf(metric);
    const qsizetype l = labels.indexOf(label);
    if (m < 0 || l < 0 || m >= values.size() || l >= values.at(m).size())
        return std::numeric_limits<double>::quiet_NaN();
    return values.at(m).at(l);
}

} // namespace tl
