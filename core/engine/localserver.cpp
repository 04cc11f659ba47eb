#include "engine/localserver.h"

#include "config/commandline.h"
#include "util/tr.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace tl {

LocalServer::LocalServer(QObject* parent)
    : QObject(parent)
{
}

LocalServer::~LocalServer()
{
    stop();
}

QStringList LocalServer::command(const RunConfig& config, QStringList* warnings)
{
    const QString port = QString::number(config.port);
    if (config.localServerCommand.trimmed().isEmpty()) {
        // EvalScope's local_vllm command (utils/local_server.py), on the loopback interface only.
        if (!config.attnImplementation.isEmpty() && warnings)
            warnings->append(Tr::tr("--attn-implementation: vLLM's server has no such option; it is not passed on "
                                    "(name it in --local-server-command with {attn_implementation})"));
        return {QStringLiteral("python3"), QStringLiteral("-m"), QStringLiteral("vllm.entrypoints.openai.api_server"),
            QStringLiteral("--model"), config.model, QStringLiteral("--served-model-name"), config.model,
            QStringLiteral("--max-model-len"), QStringLiteral("32768"), QStringLiteral("--gpu-memory-utilization"),
            QStringLiteral("0.9"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), port,
            QStringLiteral("--trust-remote-code"), QStringLiteral("--disable-log-requests"),
            QStringLiteral("--disable-log-stats")};
    }
    QStringList words;
    QString error;
    if (!CommandLine::split(config.localServerCommand, &words, &error))
        return {};
    bool hasPort = false;
    bool hasAttn = false;
    for (QString& w : words) {
        hasPort = hasPort || w.contains(QStringLiteral("{port}"));
        hasAttn = hasAttn || w.contains(QStringLiteral("{attn_implementation}"));
        w.replace(QStringLiteral("{model}"), config.model);
        w.replace(QStringLiteral("{port}"), port);
        w.replace(QStringLiteral("{attn_implementation}"), config.attnImplementation);
    }
    if (!hasPort)
        words << QStringLiteral("--port") << port;
    if (!hasAttn && !config.attnImplementation.isEmpty())
        words << QStringLiteral("--attn-implementation") << config.attnImplementation;
    return words;
}

bool LocalServer::start(const RunConfig& config, const QString& logPath, QString* error)
{
    stop();
    const QStringList words = command(config);
    if (words.isEmpty()) {
        if (error)
            *error = Tr::tr("--local-server-command: cannot read the command");
        return false;
    }
    m_logPath = logPath;
    m_stopping = false;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logPath, QIODevice::Append);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // As EvalScope starts vLLM.
    env.insert(QStringLiteral("VLLM_ALLOW_LONG_MAX_MODEL_LEN"), QStringLiteral("1"));
    env.insert(QStringLiteral("VLLM_WORKER_MULTIPROC_METHOD"), QStringLiteral("spawn"));
    m_process->setProcessEnvironment(env);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (m_stopping)
            return;
        Q_EMIT exitedEarly(code,
            status == QProcess::CrashExit
                ? Tr::tr("the local server crashed; its output is in %1").arg(m_logPath)
                : Tr::tr("the local server exited with code %1; its output is in %2").arg(code).arg(m_logPath));
    });
    m_process->start(words.first(), words.mid(1));
    if (!m_process->waitForStarted(30000)) {
        if (error)
            *error = Tr::tr("--local-server-command: cannot start '%1': %2")
                         .arg(words.first(), m_process->errorString());
        m_stopping = true;
        delete m_process;
        m_process = nullptr;
        return false;
    }
    return true;
}

void LocalServer::stop(int graceMs)
{
    if (!m_process)
        return;
    m_stopping = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: vLLM shuts its engine down
        if (!m_process->waitForFinished(graceMs)) {
            m_process->kill(); // SIGKILL
            m_process->waitForFinished(5000);
        }
    }
    delete m_process;
    m_process = nullptr;
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 LocalServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace tl
