#include "engine/runsnapshot.h"

namespace tl {

QString runStateName(RunState s)
{
    switch (s) {
    case RunState::Idle:
        return QStringLiteral("idle");
    case RunState::Testing:
        return QStringLiteral("testing");
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Sleeping:
        return QStringLiteral("sleeping");
    case RunState::Finished:
        return QStringLiteral("completed");
    case RunState::Stopped:
        return QStringLiteral("stopped");
    case RunState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("idle");
}

} // namespace tl
