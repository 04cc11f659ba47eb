#include "dataset/datasetdownloader.h"

#include "util/tr.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace tl {

DatasetDownloader::DatasetDownloader(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
}

DatasetDownloader::~DatasetDownloader()
{
    const QSignalBlocker quiet(this); // no finished() from a half-destroyed object
    cancel();
}

void DatasetDownloader::start(const QUrl& url, const QString& target, int attempts)
{
    auto refuse = [this](const QString& error) {
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT finished(false, error); }, Qt::QueuedConnection);
    };
    if (m_running) {
        refuse(Tr::tr("a download of %1 is already running").arg(m_url.toString()));
        return;
    }
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        refuse(Tr::tr("cannot create the folder of '%1'").arg(target));
        return;
    }
    m_part.setFileName(target + QStringLiteral(".part"));
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Append)) {
        refuse(Tr::tr("cannot write '%1': %2").arg(m_part.fileName(), m_part.errorString()));
        return;
    }
    m_url = url;
    m_target = target;
    m_attemptsLeft = std::max(1, attempts);
    m_cancelled = false;
    m_running = true;
    m_progressAtMs = 0;
    // The first GET starts from the event loop too, so that finished() can never come before start() returned.
    QMetaObject::invokeMethod(this, &DatasetDownloader::fetch, Qt::QueuedConnection);
}

void DatasetDownloader::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // the reply finishes at once: onReplyFinished() ends the download
    if (!m_running)
        return;
    if (m_reply) { // no finished() from the aborted reply: end it here
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finishCancelled();
}

void DatasetDownloader::finishCancelled()
{
    m_part.flush();
    finish(false,
        Tr::tr("the download of %1 was cancelled; the %2 bytes received so far are kept and resume next time")
            .arg(m_url.toString())
            .arg(m_part.size()));
}

void DatasetDownloader::fetch()
{
    if (!m_running || m_cancelled || m_reply)
        return; // cancelled, or a queued start of an earlier download that was cancelled and restarted
    --m_attemptsLeft;
    m_have = m_part.size();
    m_total = -1;
    m_headersSeen = false;
    m_writeFailed = false;
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("throughline/" THROUGHLINE_VERSION));
    request.setTransferTimeout(60000); // a stalled transfer fails and is resumed by the next attempt
    if (m_have > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_have) + '-');
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &DatasetDownloader::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &DatasetDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DatasetDownloader::onReplyFinished);
}

void DatasetDownloader::onMetaData()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_headersSeen || (status != 200 && status != 206))
        return;
    m_headersSeen = true;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (status == 206) {
        m_total = m_have + length.toLongLong();
    } else {
        // The server sent the whole file (it ignored or did not get a Range): start over.
        m_part.resize(0);
        m_part.seek(0);
        m_total = length.isValid() ? length.toLongLong() : -1;
    }
}

void DatasetDownloader::onReadyRead()
{
    if (!m_headersSeen || m_writeFailed)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_part.write(chunk) != chunk.size()) {
        m_writeFailed = true;
        m_reply->abort();
        return;
    }
    reportProgress(false);
}

void DatasetDownloader::reportProgress(bool force)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!force && now - m_progressAtMs < 50)
        return;
    m_progressAtMs = now;
    Q_EMIT progressed(m_part.size(), m_total);
}

DatasetDownloader::Outcome DatasetDownloader::outcome(QString* error)
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_writeFailed) {
        *error = Tr::tr("cannot write '%1': %2").arg(m_part.fileName(), m_part.errorString());
        return Outcome::Fail;
    }
    if (m_headersSeen)
        m_part.write(m_reply->readAll());
    m_part.flush();
    if (status == 416 && m_have > 0) {
        // Our .part is not a prefix the server recognises (the file changed): download it again.
        m_part.resize(0);
        return Outcome::Retry;
    }
    if (status == 404) {
        *error = Tr::tr("%1 answered 404 Not Found: the dataset file is not there (check the dataset name, or "
                        "download it yourself and pass --dataset-path)")
                     .arg(m_url.toString());
        return Outcome::Fail;
    }
    if (status >= 400) {
        *error = Tr::tr("%1 answered HTTP %2 %3")
                     .arg(m_url.toString())
                     .arg(status)
                     .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        return (status >= 500 || status == 429) ? Outcome::Retry : Outcome::Fail;
    }
    if (m_reply->error() != QNetworkReply::NoError || (m_total >= 0 && m_part.size() < m_total)) {
        *error = Tr::tr("downloading %1 stopped after %2 bytes: %3")
                     .arg(m_url.toString())
                     .arg(m_part.size())
                     .arg(m_reply->errorString());
        return m_headersSeen || m_reply->error() != QNetworkReply::ConnectionRefusedError ? Outcome::Retry
                                                                                          : Outcome::Fail;
    }
    return Outcome::Done;
}

void DatasetDownloader::onReplyFinished()
{
    QString error;
    const Outcome result = m_cancelled ? Outcome::Fail : outcome(&error);
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
    if (m_cancelled) {
        finishCancelled();
        return;
    }
    switch (result) {
    case Outcome::Done:
        reportProgress(true);
        m_part.close();
        QFile::remove(m_target);
        if (!QFile::rename(m_part.fileName(), m_target)) {
            finish(false, Tr::tr("cannot rename '%1' to '%2'").arg(m_part.fileName(), m_target));
            return;
        }
        finish(true, QString());
        return;
    case Outcome::Fail:
        if (m_part.size() == 0)
            m_part.remove();
        finish(false, error);
        return;
    case Outcome::Retry:
        if (m_attemptsLeft > 0)
            fetch();
        else
            finish(false, error);
        return;
    }
}

void DatasetDownloader::finish(bool ok, const QString& error)
{
    if (m_part.isOpen())
        m_part.close();
    m_running = false;
    Q_EMIT finished(ok, error);
}

bool DatasetDownloader::download(
    const QUrl& url, const QString& target, const Progress& progress, QString* error, int attempts)
{
    DatasetDownloader downloader;
    QEventLoop loop;
    bool ok = false;
    if (progress)
        connect(&downloader, &DatasetDownloader::progressed, &loop, progress);
    connect(&downloader, &DatasetDownloader::finished, &loop, [&](bool done, const QString& message) {
        ok = done;
        *error = message;
        loop.quit();
    });
    downloader.start(url, target, attempts);
    loop.exec();
    return ok;
}

} // namespace tl
