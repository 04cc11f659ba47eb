#pragma once

#include "model/endpointfingerprint.h"
#include "model/requestrecord.h"
#include "model/rundata.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tl {

// Where a run controller sends what it measures while a run goes on. The project store implements it; the
// application hands the store to the controller, so the engine and storage layers never include each other.
// Every call must return at once (the store queues them to its writer thread).
class RunSink {
public:
    virtual ~RunSink() = default;

    // The run's row: id, name, config, model, URL, API, monotonic anchor and creation time (points empty).
    virtual void beginRun(const RunData& info) = 0;
    // The server's description of itself (GET /v1/models and the response headers), once the engine asked.
    virtual void setFingerprint(const QString& runId, const EndpointFingerprint& fingerprint) = 0;
    virtual void beginPoint(const QString& runId, int index, int parallel, int number, double rate) = 0;
    virtual void writeRequests(const QString& runId, int pointIndex, const QList<RequestRecord>& records) = 0;
    // The point's result as the controller emits it (status, summary, percentiles, extended metrics, warmup count);
    // stored whole so that the run read back equals it.
    virtual void finishPoint(const QString& runId, const PointResult& result) = 0;
    virtual void finishRun(const QString& runId, const QString& status) = 0;

protected:
    RunSink() = default;
    RunSink(const RunSink&) = default;
    RunSink& operator=(const RunSink&) = default;
};

} // namespace tl
