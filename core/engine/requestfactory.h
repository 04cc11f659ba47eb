#pragma once

#include "api/apiplugin.h"
#include "dataset/promptsource.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;

namespace tl {
class Tokenizer;
}

#include <memory>

namespace tl {

struct RunConfig;

// Turns a request index into the HTTP request and body to send. Immutable and shared by all worker threads.
class RequestFactory final {
public:
    RequestFactory(const RunConfig& config, std::shared_ptr<const PromptSource> prompts);

    QNetworkRequest networkRequest() const { return m_request; }
    // The body of request `seq`; `promptTokens` (optional) gets the dataset's own count of the prompt (-1: none).
    QByteArray bodyFor(qint64 seq, qint64* promptTokens = nullptr) const;
    // --tokenizer-path's tokenizer (null without one): counts tokens when the server reports no usage.
    const Tokenizer* tokenizer() const;
    QByteArray bodyForPrompt(const QString& text) const;
    // The same requests with the prompts of a sweep point whose --dataset-offset is `datasetOffset`.
    std::shared_ptr<const RequestFactory> forDatasetOffset(qint64 datasetOffset) const;
    // Sets up a manager of a worker thread the way the run asks: proxies from the environment (unless --no-proxy).
    void configureManager(QNetworkAccessManager* manager) const;
    const ApiPlugin& api() const { return *m_api; }
    QUrl url() const { return m_request.url(); }

private:
    std::shared_ptr<const ApiPlugin> m_api;
    std::shared_ptr<const PromptSource> m_prompts;
    QNetworkRequest m_request;
    bool m_useEnvironmentProxy = true;
};

} // namespace tl
