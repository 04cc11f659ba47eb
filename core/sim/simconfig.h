#pragma once

#include <QString>
#include <QtGlobal>

namespace tl {

// Everything the emulated model server needs to know: where to listen and how fast to "generate".
// A plain value so the GUI, the CLI and the tests can build one without the command-line parser.
struct SimConfig {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0 = pick a free port
    double ttftMs = 100.0; // time from request received to first token
    double itlMs = 20.0; // gap between tokens
    int defaultOutputTokens = 64; // output length when the client does not set ignore_eos (capped by max_tokens)
    int threads = 0; // event-loop threads; 0 = QThread::idealThreadCount()
    QString modelName = QStringLiteral("throughline-sim"); // reported by /v1/models; requests for any model are served
    QString apiKey; // empty = no auth; else "Authorization: Bearer <key>" required (401 otherwise)
    bool verbose = false;
};

} // namespace tl
