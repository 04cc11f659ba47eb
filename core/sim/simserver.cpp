#include "sim/simserver.h"

#include "sim/simacceptor.h"
#include "sim/simarrival.h"
#include "sim/simengine.h"
#include "sim/simtracefile.h"
#include "sim/simworker.h"

#include <QDebug>
#include <QHostAddress>
#include <QHostInfo>
#include <QThread>

#include <utility>

namespace tl {

namespace {

// Enough for thousands of clients connecting at once at the start of a run; the kernel caps it anyway.
constexpr int ListenBacklog = 4096;

QHostAddress resolveHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return {QHostAddress::LocalHost};
    QHostAddress address;
    if (address.setAddress(host))
        return address;
    const QHostInfo info = QHostInfo::fromName(host);
    return info.addresses().isEmpty() ? QHostAddress() : info.addresses().constFirst();
}

} // namespace

SimServer::SimServer(SimConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

SimServer::~SimServer()
{
    stop();
}

bool SimServer::start(QString* error)
{
    if (m_acceptor)
        return true;
    const QHostAddress address = resolveHost(m_config.host);
    if (address.isNull()) {
        if (error != nullptr)
            *error = tr("Cannot listen on %1: not an IP address or a known host name").arg(m_config.host);
        return false;
    }

    auto acceptor = std::make_unique<SimAcceptor>();
    acceptor->setListenBacklogSize(ListenBacklog);
    if (!acceptor->listen(address, m_config.port)) {
        if (error != nullptr) {
            *error = tr("Cannot listen on %1 port %2: %3")
                         .arg(m_config.host)
                         .arg(m_config.port)
                         .arg(acceptor->errorString());
        }
        return false;
    }
    m_port = acceptor->serverPort();
    m_engine = std::make_unique<SimEngine>(m_config);
    // The trace's arrived_ns: the kernel's receive stamps, asked for on the listener so that the accepted sockets
    // inherit them and the host's stamping is on before the first request arrives (sim/simarrival.h).
    if (m_engine->tracing())
        simarrival::enable(static_cast<int>(acceptor->socketDescriptor()));
    if (!m_config.traceOut.isEmpty()) {
        auto traceFile = std::make_unique<SimTraceFile>();
        QString why;
        if (!traceFile->open(m_config.traceOut, &why)) {
            if (error)
                *error = tr("Cannot write the trace to %1: %2").arg(m_config.traceOut, why);
            return false;
        }
        m_traceFile = std::move(traceFile);
        m_engine->setTraceFile(m_traceFile.get());
    }

    // Connections accepted from here on wait in this thread's event queue until start() has returned,
    // so the workers are ready before the first one is dispatched.
    const int threadCount = m_config.threads > 0 ? m_config.threads : std::max(1, QThread::idealThreadCount());
    for (int i = 0; i < threadCount; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("tl-sim-%1").arg(i));
        auto* worker = new SimWorker(m_config, m_engine.get(), &m_served);
        worker->moveToThread(thread.get());
        connect(thread.get(), &QThread::started, worker, &SimWorker::initialise);
        connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
    connect(acceptor.get(), &SimAcceptor::connectionAccepted, this, &SimServer::dispatch);
    m_acceptor = std::move(acceptor);
    return true;
}

void SimServer::stop()
{
    if (m_acceptor) {
        m_acceptor->close();
        m_acceptor.reset();
    }
    // Blocking, and queued behind every connection already handed over, so no descriptor is left unadopted
    // in a queue when the thread quits.
    for (SimWorker* worker : m_workers)
        QMetaObject::invokeMethod(worker, &SimWorker::shutdown, Qt::BlockingQueuedConnection);
    for (const auto& thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    const bool wasRunning = !m_threads.empty();
    m_workers.clear(); // deleted on QThread::finished, before wait() returned
    m_threads.clear();
    m_nextWorker = 0;
    if (wasRunning && m_traceFile) {
        m_engine->setTraceFile(nullptr);
        QString error;
        if (!m_traceFile->close(&error))
            qWarning().noquote() << tr("Cannot write the trace to %1: %2").arg(m_config.traceOut, error);
        m_traceFile.reset();
    }
}

int SimServer::runningRequests() const
{
    return m_engine ? m_engine->running() : 0;
}

int SimServer::waitingRequests() const
{
    return m_engine ? m_engine->waiting() : 0;
}

std::vector<SimTraceRecord> SimServer::traceRecords() const
{
    return m_engine ? m_engine->traces() : std::vector<SimTraceRecord>{};
}

qint64 SimServer::workerCpuNs() const
{
    qint64 total = 0;
    for (SimWorker* worker : m_workers) {
        qint64 ns = 0;
        QMetaObject::invokeMethod(
            worker, [worker, &ns] { ns = worker->threadCpuNs(); }, Qt::BlockingQueuedConnection);
        total += ns;
    }
    return total;
}

QUrl SimServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    // A wildcard bind address is not something a client can connect to; loopback reaches it.
    QHostAddress address(m_config.host);
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(m_config.host);
    url.setPort(m_port);
    return url;
}

void SimServer::dispatch(qintptr descriptor)
{
    SimWorker* worker = m_workers[m_nextWorker];
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->addConnection(descriptor); }, Qt::QueuedConnection);
}

} // namespace tl
