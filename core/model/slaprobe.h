#pragma once

#include <QString>

namespace tl {

// The SLA auto-tune probe a run point measured (--sla-auto-tune): the searched variable's value and which repetition
// of it this point is (0-based). Stored with the point (result_json "slaProbe"), so a stored tuning run can be
// replayed and charted.
struct SlaProbe {
    QString variable; // "parallel" or "rate"; empty: the point is not a probe
    int value = 0;
    int repetition = 0;

    bool isValid() const { return !variable.isEmpty(); }
    // EvalScope's folder of the probe's run: sla_<var>_<value>_run_<repetition>.
    QString dirName() const { return QStringLiteral("sla_%1_%2_run_%3").arg(variable).arg(value).arg(repetition); }
    friend bool operator==(const SlaProbe&, const SlaProbe&) = default;
};

} // namespace tl
