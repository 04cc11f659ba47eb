#include "sim/simpreset.h"

#include "sim/simconfig.h"
#include "sim/simpresetdata.h"

#include <nlohmann/json.hpp>

#include <QFile>

#include <cmath>

namespace tl::SimPreset {

using nlohmann::json;

QStringList builtinNames()
{
    return {QStringLiteral("fast-gpu"), QStringLiteral("slow-cpu")};
}

QByteArray builtinJson(const QString& name)
{
    if (name == QLatin1String("fast-gpu"))
        return SimPresetData::FastGpu.toByteArray();
    if (name == QLatin1String("slow-cpu"))
        return SimPresetData::SlowCpu.toByteArray();
    return {};
}

bool apply(const QString& nameOrPath, SimConfig* config, QString* error)
{
    QByteArray bytes = builtinJson(nameOrPath);
    if (bytes.isEmpty()) {
        QFile file(nameOrPath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("'%1' is neither a shipped preset (%2) nor a readable JSON file: %3")
                         .arg(nameOrPath, builtinNames().join(QStringLiteral(", ")), file.errorString());
            return false;
        }
        bytes = file.readAll();
    }
    if (!applyJson(bytes, config, error)) {
        *error = QStringLiteral("preset '%1': %2").arg(nameOrPath, *error);
        return false;
    }
    return true;
}

bool applyJson(const QByteArray& bytes, SimConfig* config, QString* error)
{
    const json preset = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (preset.is_discarded() || !preset.is_object()) {
        *error = QStringLiteral("not a JSON object");
        return false;
    }
    SimConfig c = *config;
    for (auto item = preset.begin(); item != preset.end(); ++item) {
        const std::string& key = item.key();
        const json& value = item.value();
        const QString name = QString::fromStdString(key);
        const auto bad = [&](const char* expected) {
            *error = QStringLiteral("\"%1\" must be %2").arg(name, QLatin1String(expected));
            return false;
        };
        const auto number = [&](double min, double* out) {
            if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < min)
                return false;
            *out = value.get<double>();
            return true;
        };
        const auto integer = [&](int min, int* out) {
            if (!value.is_number_integer() || value.get<qint64>() < min || value.get<qint64>() > 1'000'000)
                return false;
            *out = value.get<int>();
            return true;
        };
        if (key == "max-num-seqs") {
            if (!integer(1, &c.maxNumSeqs))
                return bad("a whole number of at least 1");
        } else if (key == "prefill-tok-per-s") {
            if (!number(0, &c.prefillTokPerS))
                return bad("a non-negative number");
        } else if (key == "decode-base-ms") {
            if (!number(0, &c.decodeBaseMs))
                return bad("a non-negative number");
        } else if (key == "decode-per-seq-ms") {
            if (!number(0, &c.decodePerSeqMs))
                return bad("a non-negative number");
        } else if (key == "ttft-ms") {
            if (!number(0, &c.ttftMs))
                return bad("a non-negative number");
        } else if (key == "itl-ms") {
            if (!number(0, &c.itlMs))
                return bad("a non-negative number");
        } else if (key == "output-tokens") {
            if (!integer(1, &c.defaultOutputTokens))
                return bad("a whole number of at least 1");
        } else if (key == "tokens-per-chunk") {
            if (!integer(1, &c.tokensPerChunk))
                return bad("a whole number of at least 1");
        } else if (key == "output-len-dist") {
            if (!value.is_string())
                return bad("a string");
            if (!SimLengthDistribution::parse(
                    QString::fromStdString(value.get<std::string>()), &c.outputLengths, error))
                return false;
        } else if (key == "prefix-cache") {
            if (!value.is_boolean())
                return bad("true or false");
            c.prefixCache = value.get<bool>();
        } else if (key == "seed") {
            if (!value.is_number_unsigned())
                return bad("a non-negative whole number");
            c.seed = value.get<quint64>();
        } else if (key != "description") { // "description" is for people
            *error = QStringLiteral("unknown key \"%1\"").arg(name);
            return false;
        }
    }
    *config = c;
    return true;
}

} // namespace tl::SimPreset
