#include "util/deadlinetimer.h"

#include "util/monoclock.h"

#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <type_traits>

#ifdef Q_OS_LINUX
#include <ctime>
#include <sys/timerfd.h>
#include <unistd.h>
#endif

namespace tl {

DeadlineTimer::DeadlineTimer(QObject* parent)
    : QObject(parent)
{
#ifdef Q_OS_LINUX
    // monotonicNs() reads std::chrono::steady_clock, which is CLOCK_MONOTONIC with libstdc++ and libc++.
    static_assert(std::chrono::steady_clock::is_steady);
    m_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &DeadlineTimer::fire);
        return;
    }
#endif
    m_fallback = new QTimer(this);
    m_fallback->setSingleShot(true);
    // The default coarse timer may fire up to 5% early or late; send times and token times are ground truth.
    m_fallback->setTimerType(Qt::PreciseTimer);
    connect(m_fallback, &QTimer::timeout, this, &DeadlineTimer::fire);
}

DeadlineTimer::~DeadlineTimer()
{
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        delete m_notifier; // before its descriptor goes
        ::close(m_fd);
    }
#endif
}

void DeadlineTimer::armAt(qint64 deadlineNs)
{
    m_armed = true;
    m_armedNs = deadlineNs;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        // An all-zero it_value would disarm the timer: a deadline in the past becomes 1 ns, long gone.
        const qint64 ns = std::max<qint64>(deadlineNs, 1);
        itimerspec spec{};
        spec.it_value.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        spec.it_value.tv_nsec = static_cast<long>(ns % 1'000'000'000);
        ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr);
        return;
    }
#endif
    const qint64 delayNs = deadlineNs - monotonicNs();
    // QTimer counts whole milliseconds: rounding up means nothing fires before its deadline. Long
    // waits are cut to an hour and simply re-armed then.
    const qint64 ms = delayNs <= 0 ? 0 : std::min<qint64>((delayNs + 999'999) / 1'000'000, 3'600'000);
    m_fallback->start(static_cast<int>(ms));
}

void DeadlineTimer::stop()
{
    m_armed = false;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        const itimerspec spec{};
        ::timerfd_settime(m_fd, 0, &spec, nullptr);
        return;
    }
#endif
    m_fallback->stop();
}

void DeadlineTimer::fire()
{
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        quint64 expirations = 0;
        if (::read(m_fd, &expirations, sizeof expirations) != static_cast<ssize_t>(sizeof expirations))
            return; // spurious: re-armed or stopped since the notifier saw it
    }
#endif
    m_armed = false;
    emit timeout();
}

} // namespace tl
