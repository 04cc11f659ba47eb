#include "engine/connectiontest.h"

#include "config/secretmask.h"
#include "engine/requestfactory.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace tl {

ConnectionTest::ConnectionTest(std::shared_ptr<const RequestFactory> factory, double timeoutS, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_timeoutS(timeoutS)
    , m_nam(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ConnectionTest::attempt);
    m_factory->configureManager(m_nam);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

ConnectionTest::~ConnectionTest() = default;

namespace {

// The test's body with a small max_tokens (and min_tokens no larger): the answer shows the endpoint works without a
// whole generation at the run's length.
QByteArray withSmallAnswer(const QByteArray& body, int maxTokens)
{
    auto j = nlohmann::ordered_json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (!j.is_object())
        return body;
    bool capped = false;
    for (const char* key : {"max_tokens", "max_completion_tokens", "max_output_tokens"}) {
        if (j.contains(key)) {
            j[key] = key == std::string_view("max_output_tokens") ? std::max(maxTokens, 16) : maxTokens;
            capped = true;
        }
    }
    if (!capped)
        j["max_tokens"] = maxTokens;
    if (j.contains("min_tokens"))
        j["min_tokens"] = std::min<qint64>(maxTokens, j["min_tokens"].is_number_integer() ? j["min_tokens"].get<qint64>() : 0);
    return jsonutil::dumpOrdered(j);
}

} // namespace

void ConnectionTest::start()
{
    m_clock.start();
    m_attempts = 0;
    m_lastNotUpStatus = -1;
    attempt();
}

void ConnectionTest::attempt()
{
    ++m_attempts;
    m_timedOut = false;
    // A trace's first record rather than "hello": its bodies name the served model, --model may be absent.
    const bool trace = m_factory->prompts().arrivalSchedule() != nullptr;
    const QByteArray body = withSmallAnswer(
        trace ? m_factory->prepare(0).body : m_factory->bodyForPrompt(QStringLiteral("hello")), kMaxTokens);
    m_reply = m_nam->post(m_factory->networkRequest(), body);
    m_reply->setReadBufferSize(kKeptBytes); // Qt stops reading when the test has not taken the data yet
    m_answer.clear();
    m_answerBytes = 0;
    m_tooLarge = false;
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { takeData(m_reply); });
    connect(m_reply, &QNetworkReply::finished, this, &ConnectionTest::onFinished);
    // What is left of the whole test's time (each attempt gets the rest, at most 600 s).
    const qint64 left = qint64(m_timeoutS * 1000) - m_clock.elapsed();
    m_timer->start(int(std::clamp<qint64>(left, 1, 600000)));
}

bool ConnectionTest::retryLater(int status, QNetworkReply* reply)
{
    const QNetworkReply::NetworkError e = reply->error();
    const bool notUp = status >= 500
        || (status == 0
            && (e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::RemoteHostClosedError));
    if (!notUp || m_tooLarge || m_timedOut || m_retryIntervalMs < 0)
        return false;
    if (double(m_clock.elapsed() + m_retryIntervalMs) / 1000.0 >= m_timeoutS)
        return false; // no time for another attempt: this one's failure is the answer
    const QString why = status != 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
    Q_EMIT retrying(m_attempts, SecretMask::maskText(why, m_factory->secrets()), m_retryIntervalMs);
    m_retryTimer->start(m_retryIntervalMs);
    return true;
}

void ConnectionTest::fail(ConfigError error)
{
    error.message = SecretMask::maskText(error.message, m_factory->secrets());
    Q_EMIT failed(error);
}

void ConnectionTest::cancel()
{
    m_timer->stop();
    m_retryTimer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void ConnectionTest::takeData(QNetworkReply* reply)
{
    // The answer is read as it comes and only its beginning kept: a server that answers the test with a gigabyte
    // (or without end) costs kKeptBytes, and the test fails once the answer passes the run's response limit.
    while (reply != nullptr && reply->isOpen() && !m_tooLarge) {
        const QByteArray data = reply->read(kKeptBytes); // in pieces: the limit is checked between them
        if (data.isEmpty())
            return;
        m_answerBytes += data.size();
        if (m_answer.size() < kKeptBytes)
            m_answer.append(data.left(kKeptBytes - m_answer.size()));
        if (m_answerBytes > m_limits.maxResponseBytes) {
            m_tooLarge = true;
            reply->abort(); // finished() follows, at once
        }
    }
}

void ConnectionTest::onFinished()
{
    m_timer->stop();
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    takeData(reply);
    // Messages name the endpoint without its credentials: they reach the terminal, logs and the GUI.
    const QString url = SecretMask::maskUrl(m_factory->url().toString(), m_factory->secretHeaders());
    const QString where = m_factory->url().adjusted(QUrl::RemoveUserInfo).authority();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString errorString = reply->errorString();
    // Masked before it is cut: a key the server echoes across the cut would otherwise leave its beginning.
    const QString body = SecretMask::maskText(QString::fromUtf8(m_answer), m_factory->secrets()).left(600).trimmed();

    if (m_tooLarge) {
        fail({QStringLiteral("--url"),
            Tr::tr("the test request to %1 got an answer (HTTP %2) larger than %3 bytes; the server does not "
                   "answer as an OpenAI-compatible endpoint should")
                .arg(url)
                .arg(status)
                .arg(m_limits.maxResponseBytes)});
        return;
    }

    if (retryLater(status, reply)) {
        m_lastNotUpStatus = status;
        m_lastNotUpError = int(netError);
        m_lastNotUpErrorString = errorString;
        return;
    }
    if (m_timedOut) {
        // A retry cut by the timeout (the server still starting, or a slow machine) also says what the attempts
        // before it got: "connection refused" all along reads differently from a server that never answers.
        QString before;
        if (m_lastNotUpStatus > 0)
            before = Tr::tr(" (the attempts before it: HTTP %1)").arg(m_lastNotUpStatus);
        else if (m_lastNotUpStatus == 0)
            before = m_lastNotUpError == int(QNetworkReply::ConnectionRefusedError)
                ? Tr::tr(" (the attempts before it: connection refused)")
                : Tr::tr(" (the attempts before it: %1)").arg(m_lastNotUpErrorString);
        fail({QStringLiteral("--url"),
            Tr::tr("the test request to %1 got no complete answer within %2 s%3; check that the server is up "
                   "and not overloaded, raise --total-timeout, or skip the test with --no-test-connection")
                .arg(url, QString::number(std::min(m_timeoutS, 600.0)), before)}); // one arg(): a URL may hold "%3"
        return;
    }
    if (status == 200 && netError == QNetworkReply::NoError) {
        for (const auto& [name, value] : reply->rawHeaderPairs())
            m_fingerprint.serverHeaders.append({QString::fromLatin1(name),
                SecretMask::maskText(QString::fromLatin1(value), m_factory->secrets())}); // a server may echo them
        askModels();
        return;
    }
    if (status == 401 || status == 403) {
        fail({QStringLiteral("--api-key"),
            Tr::tr("%1 refused the test request with HTTP %2 (%3); pass a valid --api-key")
                .arg(url)
                .arg(status)
                .arg(body)});
        return;
    }
    if (status == 404) {
        fail({QStringLiteral("--url"),
            Tr::tr("%1 answered HTTP 404 (%2); check the endpoint path (e.g. /v1/chat/completions) and "
                   "that --model names a model the server serves")
                .arg(url, body)});
        return;
    }
    if (status != 0) {
        fail({QStringLiteral("--url"),
            Tr::tr("the test request to %1 failed with HTTP %2: %3").arg(url).arg(status).arg(body)});
        return;
    }
    switch (netError) {
    case QNetworkReply::ConnectionRefusedError:
        fail({QStringLiteral("--url"),
            Tr::tr("nothing is listening at %1 (connection refused); start the server or fix the host/port "
                   "in --url")
                .arg(where)});
        return;
    case QNetworkReply::SslHandshakeFailedError:
        fail({QStringLiteral("--url"),
            Tr::tr("the TLS handshake with %1 failed (%2); trust the server's CA with --ca-cert FILE.pem, or skip "
                   "verification with --insecure")
                .arg(where, errorString)});
        return;
    case QNetworkReply::HostNotFoundError:
        fail({QStringLiteral("--url"),
            Tr::tr("host '%1' not found; check the host name in --url").arg(m_factory->url().host())});
        return;
    default:
        fail({QStringLiteral("--url"),
            Tr::tr("cannot reach %1: %2")
                .arg(url, errorString)});
        return;
    }
}

void ConnectionTest::askModels()
{
    // /v1/models beside the endpoint: everything up to the /v1 (or the path's first segment) plus /v1/models.
    QUrl models = m_factory->url();
    const QString path = models.path();
    const qsizetype v1 = path.indexOf(u"/v1/");
    models.setPath((v1 >= 0 ? path.left(v1) : QString()) + QStringLiteral("/v1/models"));
    models.setQuery(QString());
    m_fingerprint.modelsUrl = SecretMask::maskUrl(models.toString()); // stored with the run
    m_fingerprint.capturedMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkRequest request = m_factory->networkRequest();
    request.setUrl(models);
    m_reply = m_nam->get(request);
    m_reply->setReadBufferSize(kKeptBytes);
    m_answer.clear();
    m_answerBytes = 0;
    m_tooLarge = false;
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { takeData(m_reply); });
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        m_timer->stop();
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        takeData(reply);
        m_fingerprint.modelsHttpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // An answer past the limit is dropped: its beginning is no list of models.
        // Stored with the run: a server that echoes the request's credentials has them masked there too.
        m_fingerprint.modelsBody = m_tooLarge ? QByteArray() : m_answer;
        for (const QString& secret : m_factory->secrets())
            m_fingerprint.modelsBody.replace(secret.toUtf8(), SecretMask::mask().toUtf8());
        Q_EMIT succeeded(); // a server without /v1/models is still a server to benchmark
    });
    m_timedOut = false;
    m_timer->disconnect(this);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_reply)
            m_reply->abort(); // finishes with status 0: no fingerprint, the run goes on
    });
    m_timer->start(5000);
}

} // namespace tl
