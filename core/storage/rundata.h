#pragma once

#include "config/runconfig.h"
#include "model/requestrecord.h"
#include "metrics/summary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tl {

// One run point with everything measured in it. Request times are relative to the run's anchor (ns).
struct PointData {
    int index = 0;
    RunPoint point;
    QString status; // running, completed, stopped, interrupted
    bool hasSummary = false;
    Summary summary;
    PercentileTable percentiles;
    QList<RequestRecord> records;
};

// A whole run as one value: what import produces, export consumes, and ProjectReader::loadRun() returns.
struct RunData {
    QString id;
    QString name;
    QString status;
    QString toolVersion;
    QString model;
    QString url;
    QString api;
    qint64 createdMs = 0; // wall clock at the anchor
    QByteArray configJson; // RunConfig::toJson() keys (EvalScope's benchmark_args.json)
    QByteArray fingerprintJson; // EndpointFingerprint::toJson(); empty = none captured
    QString source = QStringLiteral("throughline"); // throughline | evalscope | vllm | throughline-json
    QString sourcePath;
    QStringList importNotes; // what an imported source lacked, one line each
    QString notes;
    QStringList tags;
    QList<PointData> points;
};

// A request of another tool rebuilt from what such tools keep: the send time, TTFT, the ITL list and the latency
// (seconds). Every chunk becomes an event with choices and content at send + TTFT + the running sum of the ITLs;
// when the latency ends after the last chunk, one more event without choices (the usage chunk) marks the end, so
// EvalScope's TTFT, ITL, TPOT and latency come out as the source had them. Non-stream: no events, end = latency.
RequestRecord recordFromTimings(
    int seq, qint64 sentNs, bool stream, double ttftS, const QVector<double>& itlS, double latencyS);

// Recomputes a point's summary and percentiles from its records (EvalScope's formulas) for a run of the API family
// `api`. When the source gave no per-request send times, `durationS` replaces the test duration and the rates that
// divide by it.
void recomputeMetrics(PointData& point, RunConfig::ApiKind api, std::optional<double> durationS = std::nullopt);

} // namespace tl
