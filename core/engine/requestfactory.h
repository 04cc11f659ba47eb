#pragma once

#include "api/apiplugin.h"
#include "dataset/promptsource.h"
#include "engine/promptprefetcher.h"
#include "net/transport.h"
#include "net/transporttarget.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace tl {
class Tokenizer;
}

#include <memory>

namespace tl {

struct RunConfig;

// Turns a request index into the HTTP request and body to send. Immutable and shared by all worker threads; a
// factory made by withPrefetch() takes its bodies from a look-ahead producer thread (PromptPrefetcher).
class RequestFactory final {
public:
    RequestFactory(const RunConfig& config, std::shared_ptr<const PromptSource> prompts);

    QNetworkRequest networkRequest() const { return m_target.request; }
    // The URL, headers, TLS and proxy settings the transports send with.
    const TransportTarget& target() const { return m_target; }
    // The body of request `seq`; `promptTokens` (optional) gets the dataset's own count of the prompt (-1: none).
    // Ready-built by the prefetcher when there is one, else built now. A null QByteArray when the dataset failed
    // at or before this request (a malformed line met during the run): send nothing, the run is failing.
    // `headers` (optional) gets the request's own header fields (workload_trace), to send besides the run's.
    QByteArray bodyFor(qint64 seq, qint64* promptTokens = nullptr, RequestHeaders* headers = nullptr) const;
    // Request `seq` whole (body, the dataset's prompt count, own headers, trace request id), as bodyFor takes it.
    PreparedRequest take(qint64 seq) const;
    // Builds request `seq` on the calling thread: what bodyFor gives without a prefetcher, with the failure.
    PreparedRequest prepare(qint64 seq) const;
    // The same requests, their bodies built ahead by a producer thread of their own for the requests
    // [options.first, options.first + options.count) (see PromptPrefetcher). The producer stops when prefetcher()
    // is stopped or the last copy of the returned factory goes.
    std::shared_ptr<const RequestFactory> withPrefetch(PromptPrefetcher::Options options) const;
    // The look-ahead producer of a factory made by withPrefetch(); null otherwise.
    const std::shared_ptr<PromptPrefetcher>& prefetcher() const { return m_prefetcher; }
    // --tokenizer-path's tokenizer (null without one): counts tokens when the server reports no usage.
    const Tokenizer* tokenizer() const;
    QByteArray bodyForPrompt(const QString& text) const;
    // --multi-turn: bodyFor(i) / prepare(i) give conversation i (ConversationSource::encode), not a request body;
    // the worker sends its turns with bodyForTurn (`history`: the messages so far, a JSON array).
    bool multiTurn() const { return m_multiTurn; }
    QByteArray bodyForTurn(const QByteArray& history, std::optional<int> maxTokens, qint64 seq,
        qint64* promptTokens = nullptr) const;
    // The same requests with the prompts of a sweep point whose --dataset-offset is `datasetOffset` (no prefetcher).
    std::shared_ptr<const RequestFactory> forDatasetOffset(qint64 datasetOffset) const;
    // Sets up a manager of a worker thread the way the run asks: proxies from the environment (unless --no-proxy).
    void configureManager(QNetworkAccessManager* manager) const { m_target.configureManager(manager); }
    const ApiPlugin& api() const { return *m_api; }
    QUrl url() const { return m_target.request.url(); }
    const PromptSource& prompts() const { return *m_prompts; }
    // The run's credentials (RunConfig::secretValues()): masked in whatever the server's answers put into messages.
    const QStringList& secrets() const { return m_secrets; }
    // The headers the user marked secret (--secret-headers): query items so named are masked in printed URLs too.
    const QStringList& secretHeaders() const { return m_secretHeaders; }

private:
    RequestHeaders ownHeaders(const PromptItem& item) const;

    std::shared_ptr<const ApiPlugin> m_api;
    std::shared_ptr<const PromptSource> m_prompts;
    std::shared_ptr<PromptPrefetcher> m_prefetcher;
    TransportTarget m_target;
    bool m_multiTurn = false;
    QStringList m_secrets;
    QStringList m_secretHeaders;
};

// The transport --transport asks for with this run's URL and proxy settings (see Transport::chooseKind).
std::optional<Transport::Kind> chooseTransport(const RunConfig& config, QString* why = nullptr);

} // namespace tl
