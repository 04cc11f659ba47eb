#pragma once

#include "config/configerror.h"

#include <QByteArray>

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace tl {

// One request body ready to send, as RequestFactory::prepare builds it.
struct PreparedRequest {
    QByteArray body; // null when the dataset failed at this request (`error` says why)
    qint64 promptTokens = -1; // the dataset's own count of the prompt; -1 none
    ConfigError error; // set when the dataset failed at or before this request: it must not be sent
    QList<QPair<QByteArray, QByteArray>> headers; // the request's own header fields (workload_trace), filtered
    QString requestId; // the trace record's request_id (workload_trace); empty otherwise

    bool failed() const { return body.isNull(); }
};

// Builds the request bodies of one run phase ahead of the worker threads, on one producer thread of its own, so
// that producing a prompt (a random prompt's decode/re-encode convergence, parsing a file's lines) never runs on
// a load-generating thread between two of its timestamps. It builds requests [first, first + count) in order,
// never more than `lookahead` past the highest one taken nor more than `maxBytes` of bodies held; take() hands
// out a ready body and forgets it, or builds it on the caller's thread when the producer has not got there (a
// miss, counted). The first failed request stops the producer and calls `onFailure` once; it and every later
// request come back failed. Thread-safe: every worker thread takes the requests it claims, in any order.
class PromptPrefetcher final {
public:
    using Build = std::function<PreparedRequest(qint64 seq)>;
    using FailureHandler = std::function<void(const ConfigError& error)>;

    struct Options {
        qint64 first = 0;
        qint64 count = 0;
        int lookahead = kMinLookahead;
        qint64 maxBytes = kDefaultMaxBytes;
        // Called once, on the thread that met the failure (the producer's, or a worker's on a miss).
        FailureHandler onFailure;
    };
    struct Stats {
        qint64 built = 0; // bodies the producer built
        qint64 hits = 0; // taken ready (or while the producer was finishing it)
        qint64 misses = 0; // built by take() on the caller's thread
        qint64 held = 0; // ready, not taken yet
        qint64 heldBytes = 0;
        qint64 peakHeld = 0;
        qint64 peakHeldBytes = 0;
    };

    static constexpr int kMinLookahead = 256;
    static constexpr int kMaxLookahead = 16384;
    static constexpr qint64 kDefaultMaxBytes = 64LL << 20;

    // Requests to build ahead for `inFlight` concurrent requests: twice that, at least kMinLookahead.
    static int lookaheadFor(qint64 inFlight);

    // Starts the producer thread.
    PromptPrefetcher(Build build, Options options);
    ~PromptPrefetcher(); // stop()
    PromptPrefetcher(const PromptPrefetcher&) = delete;
    PromptPrefetcher& operator=(const PromptPrefetcher&) = delete;

    PreparedRequest take(qint64 seq);
    // Ends the producer (after the body it is building) and joins it; take() builds on the caller's thread after.
    void stop();
    bool producerRunning() const;
    Stats stats() const;

private:
    void produce();
    bool mayProduce() const; // under m_mutex
    // Under m_mutex: records a failed request; true when the failure handler is still to be called (once).
    bool noteFailure(qint64 seq, const ConfigError& error);
    void report(const ConfigError& error) const; // calls the failure handler, outside m_mutex

    const Build m_build;
    const Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // the producer: room to build, or stop
    std::condition_variable m_ready; // take(): the body being built is ready
    std::map<qint64, PreparedRequest> m_bodies;
    qint64 m_next = 0; // the next request the producer builds
    qint64 m_building = -1; // the request the producer is building now
    qint64 m_highestTaken = -1;
    qint64 m_failedFrom = -1; // the lowest request that failed; -1 none
    ConfigError m_failure;
    bool m_failureReported = false;
    bool m_stopping = false;
    bool m_producerDone = false;
    Stats m_stats;
    std::mutex m_joinMutex; // stop() may run on two threads (the run controller, the last owner's destructor)
    std::thread m_thread; // last: started once the members above exist
};

} // namespace tl
