#include "engine/modellistfetcher.h"

#include "util/tr.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace tl {

namespace {

constexpr qint64 kMaxBytes = 4 * 1024 * 1024; // a model list is small; more is not one

} // namespace

ModelListFetcher::ModelListFetcher(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
}

ModelListFetcher::~ModelListFetcher()
{
    cancel();
}

QUrl ModelListFetcher::modelsUrl(const QUrl& endpoint)
{
    QUrl models = endpoint;
    const QString path = models.path();
    const qsizetype v1 = path.indexOf(u"/v1/");
    models.setPath((v1 >= 0 ? path.left(v1) : QString()) + QStringLiteral("/v1/models"));
    models.setQuery(QString());
    models.setFragment(QString());
    return models;
}

QStringList ModelListFetcher::parseModelIds(const QByteArray& body, QString* error)
{
    const nlohmann::json j = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("data") || !j["data"].is_array()) {
        if (error)
            *error = Tr::tr("the answer is no model list (no \"data\" array)");
        return {};
    }
    QStringList ids;
    for (const nlohmann::json& model : j["data"]) {
        if (model.is_object() && model.contains("id") && model["id"].is_string()) {
            const QString id = QString::fromStdString(model["id"].get<std::string>());
            if (!id.isEmpty() && !ids.contains(id))
                ids << id;
        }
    }
    return ids;
}

void ModelListFetcher::fetch(const QUrl& endpoint, const QString& apiKey, const Options& options)
{
    cancel();
    QNetworkRequest request(modelsUrl(endpoint));
    request.setTransferTimeout(options.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    for (const auto& [name, value] : options.headers)
        request.setRawHeader(name.toUtf8(), value.toUtf8());
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    m_nam->setProxy(
        options.noProxy ? QNetworkProxy(QNetworkProxy::NoProxy) : QNetworkProxy(QNetworkProxy::DefaultProxy));
    m_reply = m_nam->get(request);
    QNetworkReply* reply = m_reply;
    if (options.insecure)
        connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void ModelListFetcher::cancel()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ModelListFetcher::onFinished(QNetworkReply* reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString url = reply->url().toString();
    if (status == 0) {
        Q_EMIT failed(Tr::tr("%1 could not be reached: %2").arg(url, reply->errorString()));
        return;
    }
    const QByteArray body = reply->readAll();
    if (status != 200) {
        Q_EMIT failed(Tr::tr("%1 answered HTTP %2").arg(url).arg(status));
        return;
    }
    QString error;
    const QStringList ids = parseModelIds(body, &error);
    if (!error.isEmpty()) {
        Q_EMIT failed(url + QStringLiteral(": ") + error);
        return;
    }
    Q_EMIT modelsFetched(ids);
}

} // namespace tl
