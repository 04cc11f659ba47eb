#pragma once

#include "net/httpresponseparser.h"
#include "net/transport.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

struct sockaddr_storage;

namespace tl {

class SocketPoller;

// The `lean` transport: plain HTTP/1.1 on the worker thread's own non-blocking sockets. One keep-alive
// connection per slot (a closed-loop slot is a client connection, as in the Python clients), all watched by one
// epoll set, read into one buffer per thread and parsed in place: no thread, queue or copy between the socket and
// the worker, and every timestamp taken right after the read() that brought the bytes. http:// only, no proxy:
// Transport::chooseKind() falls back to `qt` for anything else.
class LeanTransport final : public QObject, public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeanTransport)

public:
    LeanTransport(const TransportTarget& target, TransportListener& listener, QObject* parent);
    ~LeanTransport() override;

    void send(int slot, const QByteArray& body, const RequestHeaders& headers = {}) override;
    void abort(int slot) override;

    // Why `url` needs the qt transport, or an empty string when the lean one can carry it.
    static QString unsupportedReason(const QUrl& url);

private:
    struct Connection;

    void resolve(const QUrl& url);
    Connection& connectionFor(int slot);
    bool openSocket(Connection& c); // starts a non-blocking connect to the next address; false when none is left
    void writeRequest(Connection& c);
    static bool peerClosed(const Connection& c); // an idle connection was closed by the server (or is unusable)
    void onReady(quint64 id, bool readable, bool writable);
    void onConnected(Connection& c);
    void readAvailable(Connection& c);
    void closeSocket(Connection& c);
    // Ends the slot's request: the connection is idle (or closed) before the listener hears of it.
    void finish(Connection& c, TransportError error, const QString& message, qint64 nowNs);
    // A failure found inside send(): reported from the event loop, so that a listener that sends again from
    // responseEnd() does not recurse once per request.
    void finishLater(Connection& c, TransportError error, const QString& message);

    TransportListener& m_listener;
    SocketPoller* m_poller = nullptr;
    QByteArray m_headPrefix; // request line and fixed header fields, up to "Content-Length: "
    bool m_closeEach = false; // --headers Connection=close: every connection closes after its answer
    std::vector<std::unique_ptr<sockaddr_storage>> m_addresses;
    std::vector<unsigned> m_addressLengths;
    QString m_resolveError;
    std::vector<std::unique_ptr<Connection>> m_connections; // per slot
    std::vector<char> m_readBuffer;
};

} // namespace tl
