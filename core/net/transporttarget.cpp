#include "net/transporttarget.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace tl {

namespace {

// http_proxy, https_proxy and no_proxy from the environment, as EvalScope's aiohttp session (trust_env) uses them.
class EnvironmentProxyFactory final : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        return QNetworkProxyFactory::systemProxyForQuery(query);
    }
};

} // namespace

void TransportTarget::configureManager(QNetworkAccessManager* manager) const
{
    manager->setAutoDeleteReplies(false);
    manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (useEnvironmentProxy)
        manager->setProxyFactory(new EnvironmentProxyFactory); // the manager owns it
    else
        manager->setProxy(QNetworkProxy::NoProxy);
}

} // namespace tl
