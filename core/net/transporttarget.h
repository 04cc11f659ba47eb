#pragma once

#include <QNetworkRequest>

class QNetworkAccessManager;

namespace tl {

// Where a transport sends a run's requests and how: the URL with every header of the run (its TLS settings
// included), and whether proxies from the environment apply. Built once per run by the engine; a value, so the
// transports need nothing from the layers above them.
struct TransportTarget {
    QNetworkRequest request;
    bool useEnvironmentProxy = true; // http_proxy/https_proxy/no_proxy, unless --no-proxy

    // Sets up a manager of a worker thread the way the run asks: no redirects, replies kept until deleted, and
    // proxies from the environment (or none).
    void configureManager(QNetworkAccessManager* manager) const;
};

} // namespace tl
