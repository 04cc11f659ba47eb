#include "emulatedserverpresets.h"

#include "demo/demo.h"
#include "sim/simfault.h"
#include "sim/simpreset.h"

#include <QCoreApplication>

namespace tl {

QStringList EmulatedServerPresets::names()
{
    return {QStringLiteral("demo"), QStringLiteral("fast-gpu"), QStringLiteral("slow-cpu"), QStringLiteral("faults")};
}

bool EmulatedServerPresets::config(const QString& name, SimConfig* config, QString* error)
{
    *config = Demo::simConfig();
    if (name == u"demo")
        return true;
    if (name == u"faults") {
        for (const char* rule : {"http-500:0.03", "http-429:0.02", "error-event:0.02", "reset-mid-stream:0.02"}) {
            SimFaultRule parsed;
            if (!SimFault::parseRule(QString::fromLatin1(rule), false, &parsed, error))
                return false;
            config->faults.append(parsed);
        }
        return true;
    }
    if (SimPreset::builtinNames().contains(name))
        return SimPreset::apply(name, config, error);
    if (error)
        *error
            = QCoreApplication::translate("tl::EmulatedServerPresets", "unknown emulated server preset: %1").arg(name);
    return false;
}

} // namespace tl
