#pragma once

#include "net/transport.h"
#include "net/transporttarget.h"

#include <QObject>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace tl {

// The `qt` transport: QNetworkAccessManager, at most 6 requests per manager (Qt 6.4's fixed HTTP/1.1 connection
// limit per host, so no request ever queues inside Qt): slot k uses manager k / 6, created on first use. Handles
// HTTPS (system CAs, --insecure, --ca-cert), proxies from the environment and anything else Qt's HTTP stack does;
// each manager runs its HTTP on a thread of its own, and bytes reach the worker through a queued signal.
class QnamTransport final : public QObject, public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamTransport)

public:
    QnamTransport(const TransportTarget& target, TransportListener& listener, QObject* parent);
    ~QnamTransport() override;

    static constexpr int kRequestsPerManager = 6;
    // Per reply: what Qt may hold until the worker reads it (once Qt's HTTP thread has it), and the size of the
    // pieces handed to the listener.
    static constexpr qint64 kReadBufferBytes = 256 * 1024;

    void send(int slot, const QByteArray& body, const RequestHeaders& headers = {}) override;
    void abort(int slot) override;

private:
    QNetworkAccessManager* managerFor(int slot);
    void deliverHead(int slot);
    void deliverData(int slot);
    void onFinished(int slot);
    void release(int slot);

    TransportTarget m_target; // a copy: the transport may outlive the factory that made it
    TransportListener& m_listener;
    std::vector<QNetworkAccessManager*> m_managers;
    std::vector<QNetworkReply*> m_replies; // per slot; null when idle
    std::vector<char> m_headDelivered;
};

} // namespace tl
