#pragma once

#include "model/pointresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tl {

// A whole run as one value: what a run controller begins a run with (RunSink::beginRun), what ProjectReader lists
// (runs(), points empty) and loads (loadRun(), every point with its requests), what an import produces and an
// export consumes.
struct RunData {
    QString id;
    QString name;
    // running, finished, stopped, failed, or interrupted: marked running but its writer process is gone (same
    // host) or the row has not been touched for 30 s (the writer touches it every 5 s while it lives).
    QString status;
    QString toolVersion;
    QString model;
    QString url;
    QString api;
    qint64 createdMs = 0; // wall clock (ms since the epoch) at the anchor
    qint64 updatedMs = 0; // when the row was last written
    QByteArray configJson; // RunConfig::toJson() keys (EvalScope's benchmark_args.json)
    qint64 monotonicAnchorNs = 0; // stored request times are relative to this (tl::monotonicNs() at the run start)
    QByteArray fingerprintJson; // EndpointFingerprint::toJson(); empty = none captured
    QString source = QStringLiteral("throughline"); // throughline | evalscope | vllm | throughline-json
    QString sourcePath;
    QStringList importNotes; // what an imported source lacked, one line each
    QString notes;
    QStringList tags;
    int pointCount = 0; // as stored (a listing holds no points)
    qint64 requestCount = 0;
    QList<PointResult> points;

    QDateTime created() const { return QDateTime::fromMSecsSinceEpoch(createdMs); }
    QDateTime updated() const { return QDateTime::fromMSecsSinceEpoch(updatedMs); }
};

} // namespace tl
