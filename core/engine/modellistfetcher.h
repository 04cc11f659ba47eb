#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace tl {

// Asks an OpenAI-compatible server which models it serves (GET /v1/models beside the endpoint) for the setup
// form's model drop-down. Asynchronous on the caller's thread: fetch() returns at once and one of modelsFetched()
// or failed() follows. A new fetch() abandons the one in flight.
class ModelListFetcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListFetcher)

public:
    explicit ModelListFetcher(QObject* parent = nullptr);
    ~ModelListFetcher() override;

    // How to reach the server: the run's --headers, --no-proxy and --insecure (a self-signed test server).
    struct Options {
        QList<QPair<QString, QString>> headers;
        bool noProxy = false;
        bool insecure = false;
        int timeoutMs = 5000;
    };

    // `endpoint` is the run's resolved URL (…/v1/chat/completions); the key, when not empty, goes as a bearer token.
    void fetch(const QUrl& endpoint, const QString& apiKey, const Options& options);
    void fetch(const QUrl& endpoint, const QString& apiKey) { fetch(endpoint, apiKey, Options()); }
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }

    // The /v1/models URL beside an endpoint: everything up to its /v1 (or the root) plus /v1/models.
    static QUrl modelsUrl(const QUrl& endpoint);
    // The ids of an OpenAI `{"data": [{"id": …}, …]}` answer, in order; `error` set when it is no such answer.
    static QStringList parseModelIds(const QByteArray& body, QString* error = nullptr);

Q_SIGNALS:
    void modelsFetched(const QStringList& ids);
    void failed(const QString& message);

private:
    void onFinished(QNetworkReply* reply);

    QNetworkAccessManager* m_nam = nullptr;
    QNetworkReply* m_reply = nullptr;
};

} // namespace tl
