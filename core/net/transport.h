#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class QObject;
class QUrl;

namespace tl {

struct TransportTarget;

// How a request ended at the HTTP level (the worker turns it into the record's ErrorClass).
enum class TransportError {
    None,
    ConnectionRefused,
    HostNotFound,
    RemoteClosed, // the server closed (or reset) the connection before the response ended
    // The server closed a reused kept-alive connection before a single byte of the answer: nothing was answered,
    // so the request may be sent again once on a fresh connection (the lean transport; Qt resends such requests
    // itself, invisibly).
    StaleConnection,
    Timeout,
    Tls,
    Aborted, // Transport::abort()
    Protocol, // not parseable as HTTP/1.x
    ClientResources, // this process could not open a socket: out of file descriptors (EMFILE, ENFILE) or buffers
    Other,
};

// The worker's side of a transport: called on the worker's thread, in order, for the request of `slot`:
// responseHead once (unless the request failed before any head), responseData any number of times,
// responseEnd exactly once. `nowNs` is the monotonic time at which the bytes were read. Inside responseEnd the
// listener may send the slot's next request.
// Header fields one request adds to the run's (workload_trace records' own headers), already filtered: no
// hop-by-hop field and none the run sets itself (RequestFactory::prepare).
using RequestHeaders = QList<QPair<QByteArray, QByteArray>>;

class TransportListener {
public:
    virtual void responseHead(int slot, int status, QByteArrayView reason, QByteArrayView contentType, qint64 nowNs)
        = 0;
    virtual void responseData(int slot, QByteArrayView data, qint64 nowNs) = 0;
    virtual void responseEnd(int slot, TransportError error, const QString& message, qint64 nowNs) = 0;
    // The transport itself sent the slot's request again on a new connection, after the server closed the reused
    // kept-alive connection it went out on before answering (the qt transport: Qt's HTTP channel resends such a
    // request by itself). Called before the answer's head; the request is then still going on.
    virtual void requestResent(int slot) = 0;

protected:
    ~TransportListener() = default;
};

// Carries a worker's requests: one request at a time per slot (slots are small dense integers), created and used
// on the worker's thread. Two implementations behind this interface: `qt` (QNetworkAccessManager: HTTPS, proxies,
// any URL Qt handles) and `lean` (plain HTTP/1.1 on the worker's own non-blocking sockets, one epoll set per
// thread, one keep-alive connection per slot: less CPU and memory per stream, and timestamps taken at the read).
class Transport {
public:
    enum class Kind { Qt, Lean };

    virtual ~Transport() = default;
    // Sends `body` (POST to the run's URL with the run's headers, plus `headers`) for `slot`. A slot's previous
    // request has ended.
    virtual void send(int slot, const QByteArray& body, const RequestHeaders& headers = {}) = 0;
    // Ends the slot's request now: responseEnd(slot, Aborted) is called before this returns.
    virtual void abort(int slot) = 0;

    static std::unique_ptr<Transport> create(
        Kind kind, const TransportTarget& target, TransportListener& listener, QObject* parent);
    static QString kindName(Kind kind);
    // The kind `asked` (--transport) names for `url` (auto: lean for plain http:// without a proxy from the
    // environment, else qt); nothing, with the reason in `why`, when it names no kind or the lean transport cannot
    // carry the URL. Asked when a run starts, since the environment's proxies may change between runs.
    static std::optional<Kind> chooseKind(const QString& asked, const QUrl& url, bool noProxy, QString* why = nullptr);
};

} // namespace tl
