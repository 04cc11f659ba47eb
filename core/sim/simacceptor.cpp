#include "sim/simacceptor.h"

namespace tl {

SimAcceptor::SimAcceptor(QObject* parent)
    : QTcpServer(parent)
{
}

SimAcceptor::~SimAcceptor() = default;

void SimAcceptor::incomingConnection(qintptr descriptor)
{
    emit connectionAccepted(descriptor);
}

} // namespace tl
