#pragma once

#include "config/runconfig.h"
#include "sim/simconfig.h"

#include <QUrl>

namespace tl {

// The first-run demo shared by `throughline --demo` and `throughline-cli demo`: the emulated server's timing and
// a short sweep aimed at it that draws a visible throughput curve in about 20 seconds.
namespace Demo {

SimConfig simConfig();
RunConfig runConfig(const QUrl& simBaseUrl, const QString& projectPath);
// Where the demo project lives unless told otherwise: <data dir>/Throughline/demo.tlproj.
QString defaultProjectPath();

} // namespace Demo

} // namespace tl
