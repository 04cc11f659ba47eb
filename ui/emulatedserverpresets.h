#pragma once

#include "sim/simconfig.h"

#include <QStringList>

namespace tl {

// The emulated servers Run ▸ Start Built-in Server offers: the demo's plain model, the shipped serving-model
// presets (fast-gpu, slow-cpu) and "faults", the demo model with a few percent of seeded failures of several kinds
// so the failure counters and error lists have something to show.
class EmulatedServerPresets final {
public:
    static QStringList names(); // "demo", "fast-gpu", "slow-cpu", "faults"
    // The server's config for `name`; false with a message for an unknown name.
    static bool config(const QString& name, SimConfig* config, QString* error);
};

} // namespace tl
