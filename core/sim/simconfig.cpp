#include "sim/simconfig.h"

#include <cmath>

namespace tl {

bool SimLengthDistribution::parse(const QString& text, SimLengthDistribution* out, QString* error)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const QString kind = parts.value(0).trimmed().toLower();
    SimLengthDistribution result;
    const auto number = [&](int i, double* value) {
        bool ok = false;
        *value = parts.value(i).toDouble(&ok);
        return ok && std::isfinite(*value);
    };
    if (kind == QLatin1String("fixed") && parts.size() == 1) {
        *out = result;
        return true;
    }
    if (kind == QLatin1String("uniform") && parts.size() == 3 && number(1, &result.a) && number(2, &result.b)
        && result.a >= 1 && result.b >= result.a) {
        result.kind = Kind::Uniform;
        *out = result;
        return true;
    }
    if (kind == QLatin1String("normal") && parts.size() == 3 && number(1, &result.a) && number(2, &result.b)
        && result.a >= 1 && result.b >= 0) {
        result.kind = Kind::Normal;
        *out = result;
        return true;
    }
    *error = QStringLiteral("expected fixed, uniform:MIN:MAX (1 <= MIN <= MAX) or normal:MEAN:STD (MEAN >= 1, "
                            "STD >= 0), got '%1'")
                 .arg(text);
    return false;
}

QString SimLengthDistribution::toString() const
{
    switch (kind) {
    case Kind::Fixed:
        return QStringLiteral("fixed");
    case Kind::Uniform:
        return QStringLiteral("uniform:%1:%2").arg(a).arg(b);
    case Kind::Normal:
        return QStringLiteral("normal:%1:%2").arg(a).arg(b);
    }
    return {};
}

} // namespace tl
