#pragma once

#include "config/configerror.h"
#include "engine/responselimits.h"
#include "model/endpointfingerprint.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace tl {

class RequestFactory;

// The test request EvalScope sends before a run: one "hello" prompt with the run's own generation parameters.
// Any failure becomes one ConfigError naming --url (or --api-key / --model for 401/404) with the fix.
// On success it also asks the server's /v1/models and keeps the test answer's headers: the endpoint's fingerprint,
// stored with the run. Not part of any measurement, so it may run on the caller's thread.
class ConnectionTest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)

public:
    ConnectionTest(std::shared_ptr<const RequestFactory> factory, double timeoutS, QObject* parent = nullptr);
    ~ConnectionTest() override;

    void setResponseLimits(const ResponseLimits& limits) { m_limits = limits; }
    // While the server is still starting (HTTP 5xx, connection refused or closed) the test is sent again every
    // kRetryIntervalMs, as EvalScope's is, until the timeout (--total-timeout) has passed. Tests shorten it.
    static constexpr int kRetryIntervalMs = 10000;
    void setRetryIntervalMs(int ms) { m_retryIntervalMs = ms; }
    // One request and its answer, no retries (the workbench's Test Connection).
    void setSingleAttempt() { m_retryIntervalMs = -1; }
    // The max_tokens the test asks for: enough for an answer, not a whole generation at the run's length.
    static constexpr int kMaxTokens = 4;
    void start();
    void cancel();
    // What the server said about itself (valid once succeeded() was emitted).
    const EndpointFingerprint& fingerprint() const { return m_fingerprint; }

Q_SIGNALS:
    void succeeded();
    void failed(tl::ConfigError error);
    // The attempt `attempt` (1, 2, ...) failed for `why` and the test is sent again in `inMs`.
    void retrying(int attempt, const QString& why, int inMs);

private:
    void attempt();
    void onFinished();
    // The server is not up yet (5xx, refused, closed before an answer): sent again when time is left.
    bool retryLater(int status, QNetworkReply* reply);
    void askModels(); // then emits succeeded()
    // Emits failed() with the run's credentials masked: a hostile server may echo the key in its answer.
    void fail(ConfigError error);
    // Keeps the first kKeptBytes of the reply's answer and counts the rest; aborts the reply past the limit.
    void takeData(QNetworkReply* reply);
    static constexpr qsizetype kKeptBytes = 64 * 1024;

    std::shared_ptr<const RequestFactory> m_factory;
    double m_timeoutS;
    QNetworkAccessManager* m_nam = nullptr;
    QNetworkReply* m_reply = nullptr;
    QTimer* m_timer = nullptr;
    bool m_timedOut = false;
    QTimer* m_retryTimer = nullptr;
    int m_retryIntervalMs = kRetryIntervalMs;
    int m_attempts = 0;
    QElapsedTimer m_clock; // since start()
    ResponseLimits m_limits;
    QByteArray m_answer; // the first kKeptBytes of the current reply's answer
    qint64 m_answerBytes = 0; // all of it so far
    bool m_tooLarge = false;
    // The last attempt that found the server not up (refused, closed, 5xx), when it was retried: named when a later
    // attempt is cut by the timeout. Status -1: none; 0: a network error.
    int m_lastNotUpStatus = -1;
    int m_lastNotUpError = 0; // QNetworkReply::NetworkError
    QString m_lastNotUpErrorString;
    EndpointFingerprint m_fingerprint;
};

} // namespace tl
