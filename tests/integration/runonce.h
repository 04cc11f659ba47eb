#pragma once

// Runs one configuration to its end through a RunController and returns its first point (empty when the
// configuration was refused, with the reason logged, or the run did not end within the timeout).
// Header-only, for the integration tests.

#include "engine/runcontroller.h"

#include <QDebug>
#include <QSignalSpy>

namespace tl::test {

// A small run against a scripted server on 127.0.0.1:`port` (one request at a time, no connection test, nothing
// written): the base of the transport and hostile-server tests.
inline RunConfig scriptedServerConfig(
    quint16 port, const QString& transport, int number, const QString& host = QStringLiteral("127.0.0.1"))
{
    RunConfig c;
    c.url = QStringLiteral("http://%1:%2/v1/chat/completions").arg(host).arg(port);
    c.model = QStringLiteral("m");
    c.maxTokens = 4;
    c.parallel = {1};
    c.number = {number};
    c.sleepInterval = 0;
    c.writeOutputs = false;
    c.noTestConnection = true;
    c.readTimeout = 5;
    c.transport = transport;
    return c;
}

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
