#pragma once

#include <QString>
#include <QUrl>

#include <functional>

namespace tl {

// Downloads one file over HTTP(S) into place: the bytes go to `<target>.part`, an interrupted transfer resumes
// with an HTTP Range request from what the .part holds (in this call or a later one), and the file is renamed
// to `target` only once complete. Blocks the calling thread on a local event loop (it owns its
// QNetworkAccessManager), reporting progress as bytes arrive.
class DatasetDownloader final {
public:
    using Progress = std::function<void(qint64 received, qint64 total)>;

    // Tries up to `attempts` connections. false + *error naming the URL and the HTTP status or network error.
    static bool download(const QUrl& url, const QString& target, const Progress& progress, QString* error,
                         int attempts = 5);
};

} // namespace tl
