#include "apikeystore.h"

#ifdef THROUGHLINE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace tl {

namespace {

#ifdef THROUGHLINE_HAVE_KEYCHAIN
const QString kService = QStringLiteral("io.github.throughline.Throughline");
const QString kEntry = QStringLiteral("api-key");
#endif

} // namespace

ApiKeyStore::ApiKeyStore(bool enabled, QObject* parent)
    : QObject(parent)
    , m_enabled(enabled && available())
{
}

ApiKeyStore::~ApiKeyStore() = default;

bool ApiKeyStore::available()
{
#ifdef THROUGHLINE_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString ApiKeyStore::note() const
{
    if (!available())
        return tr("This build of Throughline has no desktop keychain support: the key is never stored, so type it "
                  "again after a restart.");
    if (!m_enabled)
        return tr("The key is not remembered in this window.");
    return tr("The key is remembered in the desktop keychain once a run starts with it, never in a file.");
}

void ApiKeyStore::reportFailure(const QString& message)
{
    if (m_failureReported)
        return;
    m_failureReported = true;
    Q_EMIT failed(message);
}

void ApiKeyStore::load()
{
    if (!m_enabled)
        return;
#ifdef THROUGHLINE_HAVE_KEYCHAIN
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(kEntry);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError) {
            m_stored = job->textData();
            if (!m_stored.isEmpty())
                Q_EMIT keyLoaded(m_stored);
        } else if (job->error() != QKeychain::EntryNotFound) {
            reportFailure(job->errorString());
        }
    });
    job->start();
#endif
}

void ApiKeyStore::remember(const QString& key)
{
    if (!m_enabled || key.isEmpty() || key.startsWith(QStringLiteral("***")) || key == m_stored)
        return;
#ifdef THROUGHLINE_HAVE_KEYCHAIN
    m_stored = key;
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(kEntry);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError) {
            m_stored.clear();
            reportFailure(job->errorString());
        }
    });
    job->start();
#endif
}

} // namespace tl
