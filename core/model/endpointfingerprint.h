#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tl {

// What a server said about itself when a run started: its /v1/models answer and the headers of its responses
// (server, version, model revision...). Stored with the run (runs.fingerprint_json) so results years later can be
// matched with the exact deployment. The engine captures it and hands it to ProjectStore::setFingerprint().
struct EndpointFingerprint {
    QString modelsUrl; // the /v1/models URL asked
    int modelsHttpStatus = 0; // 0 = not asked or no answer
    QByteArray modelsBody; // the answer as received (JSON text normally)
    QList<QPair<QString, QString>> serverHeaders; // response headers, in the order received
    qint64 capturedMs = 0; // wall clock when captured

    bool isEmpty() const { return modelsHttpStatus == 0 && modelsBody.isEmpty() && serverHeaders.isEmpty(); }
    // {"models_url", "models_status", "models" (parsed JSON, or a string when not JSON), "headers": [[k, v]...],
    //  "captured_ms"}
    QByteArray toJson() const;
    static EndpointFingerprint fromJson(const QByteArray& json);
};

} // namespace tl
