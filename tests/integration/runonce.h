#pragma once

// Runs one configuration to its end through a RunController and returns its first point (empty when the
// configuration was refused, with the reason logged, or the run did not end within the timeout).
// Header-only, for the integration tests.

#include "engine/runcontroller.h"

#include <QDebug>
#include <QSignalSpy>

namespace tl::test {

inline PointResult runFirstPoint(const RunConfig& config, int timeoutMs = 30000)
{
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config);
    if (!errors.isEmpty()) {
        qWarning() << errors.first().toString();
        return {};
    }
    if (!finished.wait(timeoutMs) || controller.results().isEmpty())
        return {};
    return controller.results().constFirst();
}

} // namespace tl::test
