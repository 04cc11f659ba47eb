#include "engine/requestfactory.h"

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QSslConfiguration>
#include <QSslSocket>

namespace tl {

RequestFactory::RequestFactory(const RunConfig& config, std::shared_ptr<const PromptSource> prompts)
    : m_api(ApiPlugin::create(config))
    , m_prompts(std::move(prompts))
    , m_multiTurn(config.multiTurn)
    , m_secrets(config.secretValues())
    , m_secretHeaders(config.secretHeaders)
{
    m_target.request.setUrl(QUrl(config.resolvedUrl()));
    m_target.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    m_target.request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("throughline/" THROUGHLINE_VERSION));
    if (const QString key = config.effectiveApiKey(); !key.isEmpty())
        m_target.request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    for (const auto& [key, value] : config.headers)
        m_target.request.setRawHeader(key.toUtf8(), value.toUtf8());
    // No compressed answers unless the user asks (--headers Accept-Encoding=gzip): Qt would otherwise ask for gzip
    // and inflate it, the lean transport never does, and a compressed answer nobody asked for is a failure
    // (malformed_response) on both.
    if (!m_target.request.hasRawHeader("Accept-Encoding"))
        m_target.request.setRawHeader("Accept-Encoding", "identity");
    // HTTP/1.1 keep-alive like the Python clients; no HTTP/2 multiplexing, no cache, no cookies.
    m_target.request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    m_target.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_target.request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    m_target.request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    m_target.request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    m_target.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_target.request.setTransferTimeout(0);
    if (m_target.request.url().scheme() == u"https" && (config.insecure || !config.caCert.isEmpty())) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration(); // the system's CA certificates
        if (config.insecure)
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!config.caCert.isEmpty())
            tls.addCaCertificates(config.caCert, QSsl::Pem); // validated beforehand: the file exists
        m_target.request.setSslConfiguration(tls);
    }
    m_target.useEnvironmentProxy = !config.noProxy;
}

PreparedRequest RequestFactory::take(qint64 seq) const
{
    return m_prefetcher ? m_prefetcher->take(seq) : prepare(seq);
}

QByteArray RequestFactory::bodyFor(qint64 seq, qint64* promptTokens, RequestHeaders* headers) const
{
    PreparedRequest request = take(seq);
    if (promptTokens)
        *promptTokens = request.promptTokens;
    if (headers)
        *headers = std::move(request.headers);
    return std::move(request.body);
}

PreparedRequest RequestFactory::prepare(qint64 seq) const
{
    const PromptItem item = m_prompts->at(seq);
    ConfigError failure = m_prompts->failureAt(seq);
    if (!failure.message.isEmpty())
        return PreparedRequest{QByteArray(), -1, std::move(failure)};
    if (m_multiTurn) // the conversation itself; its turns' bodies are built as the replies come
        return PreparedRequest{item.body, -1, {}};
    return PreparedRequest{m_api->buildBody(item), item.promptTokens, {}, ownHeaders(item), item.requestId};
}

RequestHeaders RequestFactory::ownHeaders(const PromptItem& item) const
{
    // Hop-by-hop fields and those that describe the body or the connection are the transport's to set (RFC 9110
    // 7.6.1); a field the run sets itself (--headers, the API key, the content type) wins over the record's.
    static const QList<QByteArray> kDropped = {"connection", "keep-alive", "proxy-connection", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
        "accept-encoding"};
    RequestHeaders out;
    for (const auto& [name, value] : item.headers) {
        const QByteArray lower = name.toLower();
        if (kDropped.contains(lower) || m_target.request.hasRawHeader(name))
            continue;
        out.append({name, value});
    }
    return out;
}

QByteArray RequestFactory::bodyForTurn(
    const QByteArray& history, std::optional<int> maxTokens, qint64 seq, qint64* promptTokens) const
{
    PromptItem item;
    item.kind = PromptItem::Kind::Messages;
    item.messages = history;
    item.maxTokens = maxTokens; // the turn's own max_tokens wins over --max-tokens (and its range)
    item = m_prompts->prepare(std::move(item), seq);
    if (promptTokens)
        *promptTokens = item.promptTokens;
    return m_api->buildBody(item);
}

std::shared_ptr<const RequestFactory> RequestFactory::withPrefetch(PromptPrefetcher::Options options) const
{
    auto plain = std::make_shared<RequestFactory>(*this);
    plain->m_prefetcher.reset(); // the producer builds with a factory that has none
    auto copy = std::make_shared<RequestFactory>(*plain);
    copy->m_prefetcher
        = std::make_shared<PromptPrefetcher>([plain](qint64 seq) { return plain->prepare(seq); }, std::move(options));
    return copy;
}

const Tokenizer* RequestFactory::tokenizer() const
{
    return m_prompts->options().tokenizer.get();
}

std::shared_ptr<const RequestFactory> RequestFactory::forDatasetOffset(qint64 datasetOffset) const
{
    auto copy = std::make_shared<RequestFactory>(*this);
    copy->m_prompts = m_prompts->withDatasetOffset(datasetOffset);
    copy->m_prefetcher.reset();
    return copy;
}

QByteArray RequestFactory::bodyForPrompt(const QString& text) const
{
    return m_api->buildBody(m_prompts->prepare(PromptItem{text})); // --tokenize-prompt applies to it too
}

std::optional<Transport::Kind> chooseTransport(const RunConfig& config, QString* why)
{
    return Transport::chooseKind(config.transport, QUrl(config.resolvedUrl()), config.noProxy, why);
}

} // namespace tl
