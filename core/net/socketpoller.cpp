#include "net/socketpoller.h"

#include "util/monoclock.h"

#include <QSocketNotifier>

#include <array>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/epoll.h>
#include <unistd.h>
#endif

namespace tl {

SocketPoller::SocketPoller(Callback callback, QObject* parent)
    : QObject(parent)
    , m_callback(std::move(callback))
{
#ifdef Q_OS_LINUX
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd >= 0) {
        m_epollNotifier = new QSocketNotifier(m_epollFd, QSocketNotifier::Read, this);
        connect(m_epollNotifier, &QSocketNotifier::activated, this, &SocketPoller::dispatch);
    }
#endif
}

SocketPoller::~SocketPoller()
{
    for (auto& [fd, n] : m_notifiers) {
        delete n.read;
        delete n.write;
    }
#ifdef Q_OS_LINUX
    if (m_epollFd >= 0) {
        delete m_epollNotifier;
        ::close(m_epollFd);
    }
#endif
}

void SocketPoller::add(int fd, quint64 id)
{
#ifdef Q_OS_LINUX
    if (m_epollFd >= 0) {
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u64 = id;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);
        return;
    }
#endif
    Notifiers& n = m_notifiers[fd];
    n.read = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(n.read, &QSocketNotifier::activated, this, [this, id] {
        m_readyNs = monotonicNs();
        m_callback(id, true, false);
    });
}

void SocketPoller::setWriteInterest(int fd, quint64 id, bool on)
{
#ifdef Q_OS_LINUX
    if (m_epollFd >= 0) {
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP | (on ? EPOLLOUT : 0U);
        event.data.u64 = id;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event);
        return;
    }
#endif
    Notifiers& n = m_notifiers[fd];
    if (n.write == nullptr) {
        n.write = new QSocketNotifier(fd, QSocketNotifier::Write, this);
        connect(n.write, &QSocketNotifier::activated, this, [this, id] { m_callback(id, false, true); });
    }
    n.write->setEnabled(on);
}

void SocketPoller::remove(int fd)
{
#ifdef Q_OS_LINUX
    if (m_epollFd >= 0) {
        ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
        return;
    }
#endif
    const auto it = m_notifiers.find(fd);
    if (it == m_notifiers.end())
        return;
    // Deleted later: remove() may be called from inside one of their activated() signals.
    if (it->second.read != nullptr) {
        it->second.read->setEnabled(false);
        it->second.read->deleteLater();
    }
    if (it->second.write != nullptr) {
        it->second.write->setEnabled(false);
        it->second.write->deleteLater();
    }
    m_notifiers.erase(it);
}

void SocketPoller::dispatch()
{
#ifdef Q_OS_LINUX
    std::array<epoll_event, 256> events{};
    for (;;) {
        const int n = ::epoll_wait(m_epollFd, events.data(), static_cast<int>(events.size()), 0);
        m_readyNs = monotonicNs();
        for (int i = 0; i < n; ++i) {
            const epoll_event& e = events[static_cast<std::size_t>(i)];
            m_callback(
                e.data.u64, (e.events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0, (e.events & EPOLLOUT) != 0);
        }
        if (n < static_cast<int>(events.size()))
            return;
    }
#endif
}

} // namespace tl
