#pragma once

#include <QTcpServer>

namespace tl {

// Listening socket of the emulated server. It only accepts: each descriptor is handed on through
// connectionAccepted() so that the QTcpSocket can be created on the worker thread that will serve it
// (a QTcpSocket created here would belong to the accepting thread).
class SimAcceptor final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimAcceptor)

public:
    explicit SimAcceptor(QObject* parent = nullptr);
    ~SimAcceptor() override;

signals:
    void connectionAccepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace tl
