#include "connectionchecker.h"

#include "dataset/promptsource.h"
#include "engine/connectiontest.h"
#include "engine/requestfactory.h"

namespace tl {

ConnectionChecker::ConnectionChecker(QObject* parent)
    : QObject(parent)
{
}

ConnectionChecker::~ConnectionChecker() = default;

ConfigErrors ConnectionChecker::start(const RunConfig& config)
{
    if (m_test) {
        m_test->cancel();
        m_test->deleteLater();
        m_test = nullptr;
    }
    ConfigErrors errors = config.validate();
    if (!errors.isEmpty())
        return errors;
    ConfigError promptError;
    auto prompts = PromptSource::load(config, &promptError);
    if (!prompts)
        return {promptError};
    auto factory = std::make_shared<const RequestFactory>(config, std::move(prompts));
    m_test = new ConnectionTest(factory, config.totalTimeout, this);
    m_test->setSingleAttempt(); // Test Connection sends one request; a run's test waits for a starting server
    connect(m_test, &ConnectionTest::succeeded, this, [this] { done(true, {}); });
    connect(m_test, &ConnectionTest::failed, this, [this](const ConfigError& error) { done(false, error); });
    m_clock.start();
    Q_EMIT started();
    m_test->start();
    return {};
}

void ConnectionChecker::done(bool ok, const ConfigError& error)
{
    if (m_test) {
        m_test->deleteLater();
        m_test = nullptr;
    }
    Q_EMIT finished(ok, double(m_clock.nsecsElapsed()) / 1e6, error);
}

} // namespace tl
