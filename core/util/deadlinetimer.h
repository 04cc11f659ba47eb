#pragma once

#include <QObject>
#include <QtGlobal>

class QSocketNotifier;
class QTimer;

namespace tl {

// A one-shot timer armed to an absolute deadline on the monotonic clock (util/monoclock.h). On Linux a
// timerfd with CLOCK_MONOTONIC and TFD_TIMER_ABSTIME watched by a QSocketNotifier: nanosecond resolution,
// and no rounding to whole milliseconds as QTimer does. Elsewhere a Qt::PreciseTimer rounded up to the
// next millisecond, so it never fires early. Create it on the thread that uses it.
class DeadlineTimer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineTimer)

public:
    explicit DeadlineTimer(QObject* parent = nullptr);
    ~DeadlineTimer() override;

    void armAt(qint64 deadlineNs); // re-arming replaces the previous deadline
    void stop();
    bool isArmed() const { return m_armed; }
    qint64 armedForNs() const { return m_armedNs; }
    bool usesTimerFd() const { return m_fd >= 0; }

signals:
    void timeout();

private:
    void fire();

    int m_fd = -1;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_fallback = nullptr;
    qint64 m_armedNs = 0;
    bool m_armed = false;
};

} // namespace tl
