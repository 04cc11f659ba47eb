#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace tl {

// One point of a sweep: the load level and the request count of one independent run.
struct RunPoint {
    int parallel = 1; // closed loop: maximum requests in flight; -1 = open loop (no cap)
    int number = 1; // requests in this point
    double rate = -1.0; // -1 = unpaced

    // EvalScope's directory name for the point: parallel_<P>_number_<N>, or rate_<R>_number_<N> in open loop
    // (R printed as Python prints a float: 5.0, 2.5).
    QString name() const;
    friend bool operator==(const RunPoint&, const RunPoint&) = default;
};

// The folder of point `index` of `sweep`: its name(), with "_2", "_3"... appended when earlier points of the same
// sweep have the same name (--parallel 1 1 --number 2 2), which EvalScope writes into one folder, the second
// overwriting the first.
QString sweepPointDirName(const QList<RunPoint>& sweep, int index);

} // namespace tl

Q_DECLARE_METATYPE(tl::RunPoint)
