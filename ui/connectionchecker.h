#pragma once

#include "config/configerror.h"
#include "config/runconfig.h"

#include <QElapsedTimer>
#include <QObject>

namespace tl {

class ConnectionTest;

// Run ▸ Test Connection: the run's own connection test (one "hello" request with the form's parameters, then
// /v1/models) without starting a run. Reports reachability for the status bar and the round-trip time.
class ConnectionChecker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionChecker)

public:
    explicit ConnectionChecker(QObject* parent = nullptr);
    ~ConnectionChecker() override;

    // Returns the problems instead of starting when the config is not valid; a test in progress is cancelled first.
    ConfigErrors start(const RunConfig& config);
    bool isRunning() const { return m_test != nullptr; }

Q_SIGNALS:
    void started();
    // `error` is empty on success; `elapsedMs` covers the test request and the models query.
    void finished(bool ok, double elapsedMs, const tl::ConfigError& error);

private:
    void done(bool ok, const ConfigError& error);

    ConnectionTest* m_test = nullptr;
    QElapsedTimer m_clock;
};

} // namespace tl
