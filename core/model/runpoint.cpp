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

QString sweepPointDirName(const QList<RunPoint>& sweep, int index)
{
    if (index < 0 || index >= sweep.size())
        return QString();
    const QString name = sweep.at(index).name();
    int same = 0;
    for (int i = 0; i < index; ++i)
        same += sweep.at(i).name() == name ? 1 : 0;
    return same == 0 ? name : name + u'_' + QString::number(same + 1);
}

} // namespace tl
