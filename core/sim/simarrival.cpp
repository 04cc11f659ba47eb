#include "sim/simarrival.h"

#include <array>
#include <cstring>
#include <ctime>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace tl::simarrival {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts{};
    ::clock_gettime(clock, &ts);
    return qint64{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

bool enable(int fd)
{
#if defined(Q_OS_LINUX) && defined(SO_TIMESTAMPNS)
    const int one = 1;
    return ::setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) == 0;
#else
    Q_UNUSED(fd);
    return false;
#endif
}

ssize_t receive(int fd, char* buffer, std::size_t size, qint64* stampRealtimeNs)
{
    *stampRealtimeNs = 0;
#if defined(Q_OS_LINUX) && defined(SCM_TIMESTAMPNS)
    iovec io{buffer, size};
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(timespec))> control;
    msghdr message{};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    const ssize_t n = ::recvmsg(fd, &message, 0);
    if (n > 0) {
        for (cmsghdr* h = CMSG_FIRSTHDR(&message); h != nullptr; h = CMSG_NXTHDR(&message, h)) {
            if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_TIMESTAMPNS
                && h->cmsg_len >= CMSG_LEN(sizeof(timespec))) {
                timespec ts{};
                std::memcpy(&ts, CMSG_DATA(h), sizeof ts);
                *stampRealtimeNs = qint64{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
            }
        }
    }
    return n;
#else
    return ::read(fd, buffer, size);
#endif
}

qint64 toMonotonicNs(qint64 realtimeNs)
{
    if (realtimeNs == 0)
        return 0;
    constexpr qint64 MaxWindowNs = 20'000;
    qint64 bestWindow = -1;
    qint64 offset = 0; // realtime − monotonic
    for (int attempt = 0; attempt < 3; ++attempt) {
        const qint64 before = clockNs(CLOCK_MONOTONIC);
        const qint64 real = clockNs(CLOCK_REALTIME);
        const qint64 after = clockNs(CLOCK_MONOTONIC);
        const qint64 window = after - before;
        if (bestWindow < 0 || window < bestWindow) {
            bestWindow = window;
            offset = real - (before + window / 2);
        }
        if (window <= MaxWindowNs)
            break;
    }
    return realtimeNs - offset;
}

} // namespace tl::simarrival
