#pragma once

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

} // namespace tl

Q_DECLARE_METATYPE(tl::RunPoint)
