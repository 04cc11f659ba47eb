#include "demo/demo.h"

#include <QDir>
#include <QStandardPaths>

namespace tl::Demo {

SimConfig simConfig()
{
    SimConfig c;
    c.ttftMs = 80.0;
    c.itlMs = 15.0;
    return c;
}

RunConfig runConfig(const QUrl& simBaseUrl, const QString& projectPath)
{
    RunConfig c;
    c.url = simBaseUrl.toString() + QStringLiteral("/v1/chat/completions");
    c.model = QStringLiteral("throughline-sim");
    c.parallel = {1, 4, 16};
    c.number = {10, 40, 160};
    c.maxTokens = 32;
    c.extraArgs = QByteArrayLiteral(R"({"ignore_eos": true})");
    c.sleepInterval = 1;
    c.name = QStringLiteral("demo");
    c.project = projectPath;
    c.writeOutputs = false;
    return c;
}

QString defaultProjectPath()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    const QString dir = base + QStringLiteral("/Throughline");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/demo.tlproj");
}

} // namespace tl::Demo
