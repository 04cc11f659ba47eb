#pragma once

#include <QStringList>

namespace tl::SimCommandLine {

// Parses the emulated server's flags (`arguments` starts with the program name), starts the server, prints
// "throughline-sim listening on http://HOST:PORT" and serves until SIGINT/SIGTERM. Returns the exit code
// (2 for a bad flag, 1 when the server cannot start). Needs a QCoreApplication; runs its event loop.
int run(const QStringList& arguments);

} // namespace tl::SimCommandLine
