#pragma once

#include <QFile>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tl {

// Downloads one file over HTTP(S) into place: the bytes go to `<target>.part`, an interrupted transfer resumes
// with an HTTP Range request from what the .part holds (in this download or a later one), and the file is renamed
// to `target` only once complete. Non-blocking: start() returns at once and the transfer runs on this object's
// thread's event loop, reporting progressed() as bytes arrive and finished() once; cancel() stops it and keeps
// the .part for a later resume. download() is the blocking form the CLI uses.
class DatasetDownloader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetDownloader)

public:
    using Progress = std::function<void(qint64 received, qint64 total)>;

    explicit DatasetDownloader(QObject* parent = nullptr);
    ~DatasetDownloader() override; // cancels a running download

    // Starts downloading `url` into `target`, trying up to `attempts` connections. finished() always follows
    // after start() has returned, also when it cannot start (a download is running, the folder is not writable).
    void start(const QUrl& url, const QString& target, int attempts = 5);
    // Stops the running download; finished(false, …) is emitted before cancel() returns. No-op when idle.
    void cancel();
    bool isRunning() const { return m_running; }

    // Blocks the calling thread on a local event loop until the download ends. false + *error naming the URL and
    // the HTTP status or network error.
    static bool download(const QUrl& url, const QString& target, const Progress& progress, QString* error,
                         int attempts = 5);

Q_SIGNALS:
    // Bytes in the .part so far and the file's size (-1 while unknown); at most every 50 ms, and once at the end.
    void progressed(qint64 received, qint64 total);
    // The download ended: `ok`, or `error` naming the URL and what went wrong (or that it was cancelled).
    void finished(bool ok, const QString& error);

private:
    enum class Outcome { Done, Retry, Fail };
    void fetch(); // one GET, appending to the .part from its current size
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    Outcome outcome(QString* error); // what the finished reply means
    void finish(bool ok, const QString& error);
    void finishCancelled();
    void reportProgress(bool force);

    QNetworkAccessManager* m_nam = nullptr;
    QNetworkReply* m_reply = nullptr;
    QFile m_part;
    QUrl m_url;
    QString m_target;
    int m_attemptsLeft = 0;
    qint64 m_have = 0; // bytes the .part held when this GET started
    qint64 m_total = -1;
    qint64 m_progressAtMs = 0;
    bool m_running = false;
    bool m_headersSeen = false;
    bool m_writeFailed = false;
    bool m_cancelled = false;
};

} // namespace tl
