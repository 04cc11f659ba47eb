#include "model/runpoint.h"

namespace tl {

QString RunPoint::name() const
{
    if (parallel < 0) {
        QString r = QString::number(rate, 'g', 15);
        if (!r.contains(u'.') && !r.contains(u'e'))
            r += QStringLiteral(".0");
        return QStringLiteral("rate_%1_number_%2").arg(r).arg(number);
    }
    return QStringLiteral("parallel_%1_number_%2").arg(parallel).arg(number);
}

} // namespace tl
