#pragma once

#include "sim/simhttpparser.h"

#include <QByteArray>
#include <QtGlobal>

namespace tl {

// State of one client connection on a SimWorker thread. HTTP/1.1 answers in order, so a connection has
// at most one response in flight; requests pipelined behind it wait in the parser's buffer. The socket is
// a plain non-blocking descriptor: a write goes straight to the kernel, and only what the kernel did not
// take waits in `pending` for the socket to become writable.
struct SimConnection {
    quint64 id = 0;
    int fd = -1; // closed by SimWorker::removeConnection()
    SimHttpParser parser;
    QByteArray pending; // bytes the kernel has not taken yet
    quint64 activeStream = 0; // SimWorker stream id of the response in flight; 0 when idle
    bool keepAlive = true; // of the request being answered
    bool http10 = false;
    bool continueSent = false; // "100 Continue" already sent for the request whose body is awaited
    bool closing = false; // no more requests are read: closed by us or by the peer
    bool closeWhenFlushed = false; // close (FIN) once `pending` is empty
    bool dead = false; // the descriptor is gone or broken; removal is queued
    bool reset = false; // closed with a TCP reset (fault injection): no orderly shutdown
    quint64 served = 0; // responses finished on this connection
    // Kernel receive stamps (CLOCK_REALTIME ns, 0: none; sim/simarrival.h): of the read that carried the first bytes
    // of the request being parsed, and of the latest read (for a request pipelined behind another).
    qint64 arrivalRealtimeNs = 0;
    qint64 lastReadRealtimeNs = 0;
};

} // namespace tl
