#include "dataset/datasetdownloader.h"

#include "util/tr.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace tl {

namespace {

enum class Outcome { Done, Retry, Fail };

// One GET, appending to `part` from its current size. Done when the body ended at the advertised size.
Outcome fetchOnce(QNetworkAccessManager& nam, const QUrl& url, QFile& part, const DatasetDownloader::Progress& progress,
                  QString* error)
{
    const qint64 have = part.size();
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("throughline/" THROUGHLINE_VERSION));
    request.setTransferTimeout(60000); // a stalled transfer fails and is resumed by the next attempt
    if (have > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QEventLoop loop;
    qint64 total = -1;
    bool headersSeen = false;
    bool writeFailed = false;
    auto onHeaders = [&]() {
        if (headersSeen)
            return;
        headersSeen = true;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (status == 206) {
            total = have + length;
        } else {
            // The server sent the whole file (it ignored or did not get a Range): start over.
            part.resize(0);
            part.seek(0);
            total = reply->header(QNetworkRequest::ContentLengthHeader).isValid() ? length : -1;
        }
    };
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&]() {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 206)
            onHeaders();
    });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&]() {
        if (!headersSeen)
            return;
        const QByteArray chunk = reply->readAll();
        if (part.write(chunk) != chunk.size()) {
            writeFailed = true;
            reply->abort();
            return;
        }
        if (progress)
            progress(part.size(), total);
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (writeFailed) {
        *error = Tr::tr("cannot write '%1': %2").arg(part.fileName(), part.errorString());
        return Outcome::Fail;
    }
    if (headersSeen) {
        const QByteArray rest = reply->readAll();
        part.write(rest);
    }
    part.flush();
    if (status == 416 && have > 0) {
        // Our .part is not a prefix the server recognises (the file changed): download it again.
        part.resize(0);
        return Outcome::Retry;
    }
    if (status == 404) {
        *error = Tr::tr("%1 answered 404 Not Found: the dataset file is not there (check the dataset name, or "
                        "download it yourself and pass --dataset-path)")
                     .arg(url.toString());
        return Outcome::Fail;
    }
    if (status >= 400) {
        *error = Tr::tr("%1 answered HTTP %2 %3")
                     .arg(url.toString())
                     .arg(status)
                     .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        return (status >= 500 || status == 429) ? Outcome::Retry : Outcome::Fail;
    }
    if (reply->error() != QNetworkReply::NoError || (total >= 0 && part.size() < total)) {
        *error = Tr::tr("downloading %1 stopped after %2 bytes: %3")
                     .arg(url.toString())
                     .arg(part.size())
                     .arg(reply->errorString());
        return headersSeen || reply->error() != QNetworkReply::ConnectionRefusedError ? Outcome::Retry
                                                                                       : Outcome::Fail;
    }
    return Outcome::Done;
}

} // namespace

bool DatasetDownloader::download(const QUrl& url, const QString& target, const Progress& progress, QString* error,
                                 int attempts)
{
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        *error = Tr::tr("cannot create the folder of '%1'").arg(target);
        return false;
    }
    QFile part(target + QStringLiteral(".part"));
    if (!part.open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error = Tr::tr("cannot write '%1': %2").arg(part.fileName(), part.errorString());
        return false;
    }
    QNetworkAccessManager nam;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        switch (fetchOnce(nam, url, part, progress, error)) {
        case Outcome::Done: {
            part.close();
            QFile::remove(target);
            if (!QFile::rename(part.fileName(), target)) {
                *error = Tr::tr("cannot rename '%1' to '%2'").arg(part.fileName(), target);
                return false;
            }
            error->clear();
            return true;
        }
        case Outcome::Fail:
            if (part.size() == 0)
                part.remove();
            return false;
        case Outcome::Retry:
            break;
        }
    }
    return false;
}

} // namespace tl
