#pragma once

#include <QObject>
#include <QtGlobal>

#include <functional>
#include <unordered_map>

class QSocketNotifier;

namespace tl {

// Readiness of the sockets of one thread (a SimWorker's, a lean transport's). On Linux one epoll set watched by a single
// QSocketNotifier, so a wake-up costs the same with 10 connections or 5,000: Qt's own dispatchers poll()
// every registered descriptor on every wake-up, which at thousands of streams costs more than writing the
// tokens. Elsewhere a QSocketNotifier per descriptor. Level-triggered; create it on the thread that uses it.
class SocketPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketPoller)

public:
    // Called for each ready descriptor with its id; `readable` includes hang-ups and errors.
    using Callback = std::function<void(quint64 id, bool readable, bool writable)>;

    explicit SocketPoller(Callback callback, QObject* parent = nullptr);
    ~SocketPoller() override;

    void add(int fd, quint64 id);
    void setWriteInterest(int fd, quint64 id, bool on);
    void remove(int fd); // before the descriptor is closed
    // When the readiness being dispatched was collected (monotonic ns): every descriptor reported by one
    // epoll_wait() was ready by then, however long the callbacks before its own took.
    qint64 readyNs() const { return m_readyNs; }

private:
    void dispatch();

    Callback m_callback;
    qint64 m_readyNs = 0;
    int m_epollFd = -1;
    QSocketNotifier* m_epollNotifier = nullptr;
    struct Notifiers {
        QSocketNotifier* read = nullptr;
        QSocketNotifier* write = nullptr;
    };
    std::unordered_map<int, Notifiers> m_notifiers; // without epoll only
};

} // namespace tl
