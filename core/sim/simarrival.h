#pragma once

#include <QtGlobal>

#include <cstddef>
#include <sys/types.h>

namespace tl::simarrival {

// The kernel's arrival time of what the emulated server reads: the software receive stamp Linux puts on each
// incoming packet (SO_TIMESTAMPNS, taken when loopback or the network driver hands the packet to the stack, before
// the server's event loop has woken up). On TCP, recvmsg() delivers one stamp per call: that of the last segment the
// call consumed. Elsewhere, or where the kernel gives none, there is no stamp and callers fall back to the read time.

// Asks for receive stamps on `fd` (a listening socket passes it on to the sockets it accepts; set it on the
// listener early, as the kernel turns stamping on for the whole host a moment after the first request).
// False where unsupported.
bool enable(int fd);

// read() that also returns the receive stamp of the bytes read (CLOCK_REALTIME nanoseconds, 0: none).
ssize_t receive(int fd, char* buffer, std::size_t size, qint64* stampRealtimeNs);

// A CLOCK_REALTIME stamp on the monotonic clock (tl::monotonicNs()). Both clocks are read back to back
// (monotonic, realtime, monotonic) and the realtime reading is placed at the middle of the two monotonic ones,
// so the error is at most half the window (tens of nanoseconds; a window over 20 µs, a preemption, is read
// again, up to three times, keeping the narrowest). The two clocks only drift apart when the wall clock is
// stepped (settimeofday, an NTP step), not when NTP slews it, so a step between the packet and the conversion is
// the one case that is off (by the step). 0 stays 0.
qint64 toMonotonicNs(qint64 realtimeNs);

} // namespace tl::simarrival
