#pragma once

#include <QByteArray>
#include <QString>

namespace tl {

// What a run row holds when it is created.
struct RunInfo {
    QString id;
    QString name;
    QByteArray configJson;
    QString model;
    QString url;
    QString api;
    qint64 monotonicAnchorNs = 0; // request timestamps are stored relative to this
    qint64 createdMs = 0; // wall clock (ms since the epoch) at the anchor
};

} // namespace tl
