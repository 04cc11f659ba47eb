#pragma once

#include "config/configerror.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace tl {

class RequestFactory;

// The test request EvalScope sends before a run: one "hello" prompt with the run's own generation parameters.
// Any failure becomes one ConfigError naming --url (or --api-key / --model for 401/404) with the fix.
// Not part of any measurement, so it may run on the caller's thread.
class ConnectionTest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)

public:
    ConnectionTest(std::shared_ptr<const RequestFactory> factory, double timeoutS, QObject* parent = nullptr);
    ~ConnectionTest() override;

    void start();
    void cancel();

Q_SIGNALS:
    void succeeded();
    void failed(tl::ConfigError error);

private:
    void onFinished();

    std::shared_ptr<const RequestFactory> m_factory;
    double m_timeoutS;
    QNetworkAccessManager* m_nam = nullptr;
    QNetworkReply* m_reply = nullptr;
    QTimer* m_timer = nullptr;
    bool m_timedOut = false;
};

} // namespace tl
