#include "dataset/hubresolver.h"

#include "dataset/hubdataset.h"
#include "dataset/hublisting.h"
#include "util/tr.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace tl {

namespace {

constexpr int kAttempts = 3;
constexpr int kModelScopePageSize = 100; // HubApi.get_dataset_files' default

struct Response {
    int status = 0;
    QByteArray body;
    QByteArray link; // the Link header
    QString error; // a network error, or a body over the bound; empty when the server answered
};

// One GET, its body bounded by hublisting::kMaxPageBytes.
Response getOnce(QNetworkAccessManager& nam, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("throughline/" THROUGHLINE_VERSION));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    Response response;
    bool tooLarge = false;
    QNetworkReply* reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        response.body += reply->read(hublisting::kMaxPageBytes + 1 - response.body.size());
        if (response.body.size() > hublisting::kMaxPageBytes && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (!tooLarge)
        response.body += reply->read(hublisting::kMaxPageBytes + 1 - response.body.size());
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.link = reply->rawHeader("Link");
    if (tooLarge || response.body.size() > hublisting::kMaxPageBytes)
        response.error = Tr::tr("the listing is larger than %1 MiB").arg(hublisting::kMaxPageBytes / (1024 * 1024));
    else if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.error = reply->errorString();
    reply->deleteLater();
    return response;
}

// A GET tried up to kAttempts times on a network error, 5xx or 429 (1 s, then 2 s apart); false + *error naming
// the URL and what went wrong, also for any other status than 200.
bool get(QNetworkAccessManager& nam, const QUrl& url, Response* out, QString* error)
{
    for (int attempt = 1;; ++attempt) {
        *out = getOnce(nam, url);
        const bool transient = (!out->error.isEmpty() && out->status == 0) || out->status >= 500 || out->status == 429;
        if (out->error.isEmpty() && out->status == 200)
            return true;
        if (!transient || attempt == kAttempts) {
            if (!out->error.isEmpty())
                *error = Tr::tr("%1: %2").arg(url.toString(), out->error);
            else if (out->status == 404)
                *error = Tr::tr("%1 answered 404 Not Found (check the dataset name, or download its files yourself "
                                "and pass --dataset-path)")
                             .arg(url.toString());
            else
                *error = Tr::tr("%1 answered HTTP %2").arg(url.toString()).arg(out->status);
            return false;
        }
        QEventLoop wait;
        QTimer::singleShot(1000 * attempt, &wait, &QEventLoop::quit);
        wait.exec();
    }
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    const int defaultPort = a.scheme() == u"https" ? 443 : 80; // https://h/ and https://h:443/ are one origin
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(defaultPort) == b.port(defaultPort);
}

// One page of a listing added to what the pages before it gave; false past hublisting::kMaxEntries in all.
bool addPage(const hublisting::Page& page, QStringList* files, int* skipped, int* entries, QString* error)
{
    files->append(page.files);
    *skipped += page.skipped;
    *entries += page.entries;
    if (*entries > hublisting::kMaxEntries) {
        *error = Tr::tr("the listing has more than %1 entries").arg(hublisting::kMaxEntries);
        return false;
    }
    return true;
}

// Every file path Hugging Face's tree lists, following the Link header's rel="next" pages.
bool listHuggingFace(
    QNetworkAccessManager& nam, const HubDataset& hub, QStringList* files, int* skipped, QString* where, QString* error)
{
    const QUrl first = hub.listingUrl(QStringLiteral("huggingface"));
    QUrl url = first;
    int entries = 0;
    for (int page = 1;; ++page) {
        *where = url.toString();
        Response response;
        if (!get(nam, url, &response, error))
            return false;
        hublisting::Page parsed;
        if (!hublisting::parseHuggingFace(response.body, &parsed, error))
            return false;
        if (!addPage(parsed, files, skipped, &entries, error))
            return false;
        const QString next = hublisting::nextLink(response.link);
        if (next.isEmpty())
            return true;
        const QUrl nextUrl = url.resolved(QUrl(next));
        if (!nextUrl.isValid() || !sameOrigin(nextUrl, first)) {
            *error = Tr::tr("its next page is on another server (%1)").arg(nextUrl.toString().left(200));
            return false;
        }
        if (page >= hublisting::kMaxPages) {
            *error = Tr::tr("the listing has more than %1 pages").arg(hublisting::kMaxPages);
            return false;
        }
        url = nextUrl;
    }
}

// Every file path ModelScope's tree lists: the dataset's id from its information, then the tree page by page until
// a page comes back short.
bool listModelScope(
    QNetworkAccessManager& nam, const HubDataset& hub, QStringList* files, int* skipped, QString* where, QString* error)
{
    const QUrl info = hub.listingUrl(QStringLiteral("modelscope"));
    *where = info.toString();
    Response response;
    if (!get(nam, info, &response, error))
        return false;
    const QString id = hublisting::parseModelScopeId(response.body, error);
    if (id.isEmpty())
        return false;
    int entries = 0;
    for (int page = 1;; ++page) {
        const QUrl url = hub.modelScopeTreeUrl(id, page, kModelScopePageSize);
        *where = url.toString();
        if (!get(nam, url, &response, error))
            return false;
        hublisting::Page parsed;
        if (!hublisting::parseModelScope(response.body, &parsed, error))
            return false;
        if (!addPage(parsed, files, skipped, &entries, error))
            return false;
        if (parsed.entries < kModelScopePageSize)
            return true;
        if (page >= hublisting::kMaxPages) {
            *error = Tr::tr("the listing has more than %1 pages").arg(hublisting::kMaxPages);
            return false;
        }
    }
}

} // namespace

QStringList HubResolver::resolve(const HubDataset& hub, const QString& source, const QString& dataset, QString* error)
{
    const bool hf = source == u"huggingface";
    const QString hubName = hf ? QStringLiteral("Hugging Face") : QStringLiteral("ModelScope");
    const QString id = hf ? hub.huggingfaceId : hub.modelscopeId;
    if (hub.split.isEmpty() || !hub.isOn(source)) {
        *error = Tr::tr("dataset '%1' is not a split of a %2 repository").arg(dataset, hubName);
        return {};
    }
    QNetworkAccessManager nam;
    QStringList files;
    int skipped = 0;
    QString where;
    QString why;
    const bool listed = hf ? listHuggingFace(nam, hub, &files, &skipped, &where, &why)
                           : listModelScope(nam, hub, &files, &skipped, &where, &why);
    if (!listed) {
        *error = Tr::tr("dataset '%1': cannot list %2's files of %3 (%4): %5").arg(dataset, hubName, id, where, why);
        return {};
    }
    QStringList chosen = hublisting::splitFiles(files, hub.split);
    if (chosen.isEmpty()) {
        QStringList shown = files.mid(0, 5);
        if (files.size() > shown.size())
            shown.append(Tr::tr("%n more", nullptr, int(files.size() - shown.size())));
        *error = Tr::tr("dataset '%1': %2's listing of %3 names no Parquet file of the %4 split (looked for "
                        "data/%4-NNNNN-of-NNNNN.parquet, <config>/%4-NNNNN-of-NNNNN.parquet, %4/*.parquet, "
                        "%4.parquet; it lists %5 file(s)%6%7)")
                     .arg(dataset, hubName, id, hub.split)
                     .arg(files.size())
                     .arg(shown.isEmpty() ? QString() : QStringLiteral(": ") + shown.join(QStringLiteral(", ")))
                     .arg(skipped > 0 ? Tr::tr(", and %n malformed entry(s)", nullptr, skipped) : QString());
        return {};
    }
    if (!hub.allShards)
        chosen = chosen.mid(0, 1);
    return chosen;
}

} // namespace tl
