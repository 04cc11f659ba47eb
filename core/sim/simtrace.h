#pragma once

#include "sim/simfault.h"

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <utility>
#include <vector>

namespace tl {

// Ground truth of one completion request as the emulated server wrote it: monotonic nanoseconds
// (CLOCK_MONOTONIC, shared by every process on the host) taken right after each write was handed to the
// kernel, so a client on the same host can compute its own measurement error exactly.
struct SimTraceRecord {
    QByteArray id; // the response id ("chatcmpl-…", "cmpl-…", "resp_…")
    qint64 receivedNs = 0; // the request was parsed
    // The kernel received the packet that carried the request's first bytes (SO_TIMESTAMPNS on loopback or the
    // network, converted to the monotonic clock; sim/simarrival.h): before the server woke up to read it. 0 where
    // the kernel gave no stamp (not Linux, stamping unavailable): receivedNs is then the best there is.
    qint64 arrivedNs = 0;
    qint64 headersNs = 0; // the status line and headers were written (0: never)
    std::vector<qint64> chunkNs; // each token chunk (one entry per SSE event that carries tokens)
    std::vector<qint64> plannedNs; // when each of those chunks was due, for the server's own schedule error
    qint64 endNs = 0; // the last byte of the response was written, or the connection was cut
    int promptTokens = 0;
    int completionTokens = 0; // tokens actually sent
    int cachedTokens = 0;
    int status = 200;
    SimFaultKind fault = SimFaultKind::None;
    QByteArray requestBody; // the request as received, with SimConfig::traceBodies only (not in toJsonLine())
    // Its header fields (names in lower case), with SimConfig::traceBodies only (not in toJsonLine()).
    QList<std::pair<QByteArray, QByteArray>> requestHeaders;

    // {"id":…,"received_ns":…,"arrived_ns":…,"headers_ns":…,"chunk_ns":[…],"planned_ns":[…],"end_ns":…,
    //  "prompt_tokens":…,"completion_tokens":…,"cached_tokens":…,"status":…,"fault":…} without a newline.
    QByteArray toJsonLine() const;
};

} // namespace tl
