#include "engine/requestfactory.h"

#include "config/runconfig.h"

namespace tl {

RequestFactory::RequestFactory(const RunConfig& config, std::shared_ptr<const PromptSource> prompts)
    : m_api(ApiPlugin::create(config))
    , m_prompts(std::move(prompts))
{
    m_request.setUrl(QUrl(config.resolvedUrl()));
    m_request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    m_request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("throughline/" THROUGHLINE_VERSION));
    if (!config.apiKey.isEmpty())
        m_request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
    for (const auto& [key, value] : config.headers)
        m_request.setRawHeader(key.toUtf8(), value.toUtf8());
    // HTTP/1.1 keep-alive like the Python clients; no HTTP/2 multiplexing, no cache, no cookies.
    m_request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    m_request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    m_request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    m_request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    m_request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_request.setTransferTimeout(0);
}

QByteArray RequestFactory::bodyFor(qint64 seq) const
{
    return m_api->buildBody(m_prompts->at(seq));
}

QByteArray RequestFactory::bodyForPrompt(const QString& text) const
{
    return m_api->buildBody(PromptItem{text});
}

} // namespace tl
