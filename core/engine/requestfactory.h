#pragma once

#include "api/apiplugin.h"
#include "dataset/promptsource.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QUrl>

#include <memory>

namespace tl {

struct RunConfig;

// Turns a request index into the HTTP request and body to send. Immutable and shared by all worker threads.
class RequestFactory final {
public:
    RequestFactory(const RunConfig& config, std::shared_ptr<const PromptSource> prompts);

    QNetworkRequest networkRequest() const { return m_request; }
    QByteArray bodyFor(qint64 seq) const;
    QByteArray bodyForPrompt(const QString& text) const;
    const ApiPlugin& api() const { return *m_api; }
    QUrl url() const { return m_request.url(); }

private:
    std::unique_ptr<ApiPlugin> m_api;
    std::shared_ptr<const PromptSource> m_prompts;
    QNetworkRequest m_request;
};

} // namespace tl
