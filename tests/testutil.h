#pragma once

// Small helpers shared by the test executables (header-only: tests never compile library sources again).

#include <QHostAddress>
#include <QTcpServer>

namespace tl::test {

// A loopback port with nothing listening on it (bound, noted, closed).
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace tl::test
