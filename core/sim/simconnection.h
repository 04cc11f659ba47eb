#pragma once

#include "sim/simhttpparser.h"

#include <QtGlobal>

class QTcpSocket;

namespace tl {

// State of one client connection on a SimWorker thread. HTTP/1.1 answers in order, so a connection has
// at most one response in flight; requests pipelined behind it wait in the parser's buffer.
struct SimConnection {
    quint64 id = 0;
    QTcpSocket* socket = nullptr; // child of the worker; deleted with deleteLater() when the client goes
    SimHttpParser parser;
    quint64 activeStream = 0; // SimWorker stream id of the response in flight; 0 when idle
    bool keepAlive = true; // of the request being answered
    bool http10 = false;
    bool continueSent = false; // "100 Continue" already sent for the request whose body is awaited
    bool closing = false; // no more requests are read: closed by us or by the peer
};

} // namespace tl
