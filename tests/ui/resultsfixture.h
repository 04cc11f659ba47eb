#pragma once

// A stored run for the results page tests: a two-point sweep against the in-process emulated server with faults
// injected (every 5th completion request answered 429, every 7th reset mid-stream), written to a project file.
// Header-only.

#include "engine/runcontroller.h"
#include "sim/simserver.h"
#include "storage/projectstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tl::test {

struct StoredRun {
    QString path;
    QString runId;
    QList<PointResult> live;
};

inline bool storeFaultyRun(const QTemporaryDir& dir, StoredRun* out)
{
    SimConfig sim;
    sim.ttftMs = 15;
    sim.itlMs = 3;
    sim.threads = 2;
    sim.faults = {SimFaultRule{SimFaultKind::Http429, 0.0, 5}, SimFaultRule{SimFaultKind::ResetMidStream, 0.0, 7}};
    SimServer server(sim);
    QString error;
    if (!server.start(&error)) {
        qWarning("sim: %s", qPrintable(error));
        return false;
    }
    out->path = dir.filePath(QStringLiteral("results.tlproj"));
    auto store = ProjectStore::open(out->path, &error);
    if (!store) {
        qWarning("store: %s", qPrintable(error));
        return false;
    }
    RunConfig config;
    config.name = QStringLiteral("faulty sweep");
    config.url = server.baseUrl().toString() + QStringLiteral("/v1/chat/completions");
    config.model = QStringLiteral("throughline-sim");
    config.maxTokens = 8;
    config.extraArgs = R"({"ignore_eos": true})";
    config.sleepInterval = 0;
    config.writeOutputs = false;
    config.parallel = {2, 4};
    config.number = {10, 12};
    RunController controller;
    QSignalSpy finished(&controller, &RunController::runFinished);
    const ConfigErrors errors = controller.start(config, store.get());
    if (!errors.isEmpty()) {
        qWarning("run: %s", qPrintable(errors.first().toString()));
        return false;
    }
    if (!finished.wait(60000) || !store->flush(&error))
        return false;
    out->runId = controller.runId();
    out->live = controller.results();
    return true;
}

} // namespace tl::test
