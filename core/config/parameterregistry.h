#pragma once

#include "config/configerror.h"
#include "config/parameter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tl {

struct RunConfig;

// Every run parameter, declared once (core/config/parameterregistry.cpp). The CLI parser and `run --help`,
// benchmark_args.json, per-field validation, the config diff, "copy as command", shell completions,
// docs/PARAMETERS.md and the setup form are generated from this list: adding a parameter is one entry there
// plus its RunConfig field.
class ParameterRegistry final {
public:
    static const QList<Parameter>& all();
    static QList<ParameterGroup> groups();
    static QString groupName(ParameterGroup group);
    // The entry a flag names: any of its flags, aliases or its --no- form (nullptr: none).
    static const Parameter* byFlag(const QString& flag);
    static const Parameter* byKey(const QString& key);
    // The parameter's form label in the application's language (Parameter::label translated).
    static QString label(const Parameter& p);
    // The English label derived from a key or flag: "max_tokens" -> "Max tokens", "--api-key" -> "API key".
    static QString derivedLabel(const QString& keyOrFlag);
    // The labels as marked for translation in core/config/parameterlabels.cpp (generated; see tst_parameterlabels).
    static QStringList translatableLabels();

    // The value that command-line words give (`negative`: the --no- form was given); null with `error` set when
    // the words are not of the parameter's type or out of its range.
    static nlohmann::json valueFromWords(const Parameter& p, const QStringList& words, bool negative, QString* error);
    // The words after the flag that give `value` back (see toCommandLine in CommandLine); secrets masked unless
    // includeSecrets, the headers `secretHeaders` names (the config's --secret-headers) among them.
    static QStringList wordsFromValue(const Parameter& p, const nlohmann::json& value, bool includeSecrets = false,
        const QStringList& secretHeaders = {});
    // A value as the diff, docs and tooltips show it ("(none)" when unset), secrets masked.
    static QString displayValue(
        const Parameter& p, const nlohmann::json& value, const QStringList& secretHeaders = {});
    // The default: the field's value in a default-constructed RunConfig.
    static nlohmann::json defaultValue(const Parameter& p);

    // Rules of each field alone (finite numbers, ranges, choices, non-empty lists and the entry's own check); every
    // error names the canonical flag. RunConfig::validate() adds the rules between fields.
    static ConfigErrors validateFields(const RunConfig& config);

    // benchmark_args.json (EvalScope's keys; secrets masked unless includeSecrets).
    static QByteArray toJson(const RunConfig& config, bool includeSecrets);
    static RunConfig fromJson(const QByteArray& data, ConfigErrors* errors);

    // One parameter that differs between two configurations, with its values as displayed.
    struct Difference {
        const Parameter* parameter = nullptr;
        QString before;
        QString after;
    };
    static QList<Difference> configDiff(const RunConfig& a, const RunConfig& b);
    // The parameters that decide what is asked of the server (prompts, their lengths, output length, stream mode,
    // API, tokenizer, multi-turn): two runs that differ in one measure different workloads, and a comparison of them
    // says so (RunComparison::notComparable). Declared once, as a list of keys in parameterregistry.cpp.
    static bool definesWorkload(const Parameter& p);
};

} // namespace tl
