#include "config/cliparser.h"

#include "config/parameterregistry.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace tl {

namespace {

bool looksLikeValue(const QString& word)
{
    static const QRegularExpression number(QStringLiteral("^-\\d+(\\.\\d*)?([eE][-+]?\\d+)?$"));
    return !word.startsWith(u'-') || number.match(word).hasMatch() || word == u"-";
}

// --config FILE: a saved configuration (benchmark_args.json, ours or EvalScope's, or an exported run's JSON with
// it under "config") becomes the base that the other flags then change, wherever --config stands.
bool loadConfigFile(const QString& path, RunConfig* config, ConfigErrors* errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(ConfigError{QStringLiteral("--config"),
            Tr::tr("cannot read '%1': %2; give a benchmark_args.json or an exported run JSON")
                .arg(path, file.errorString())});
        return false;
    }
    QByteArray data = file.readAll();
    if (jsonutil::tooDeep(data)) {
        errors->append(ConfigError{QStringLiteral("--config"),
            Tr::tr("'%1' nests arrays/objects deeper than %2 levels").arg(path).arg(jsonutil::kMaxDepth)});
        return false;
    }
    const auto j = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_object() && j.contains("config") && j["config"].is_object()) {
        const std::string inner = j["config"].dump();
        data = QByteArray(inner.data(), qsizetype(inner.size()));
    } else if (!j.is_object()) {
        errors->append(
            ConfigError{QStringLiteral("--config"), Tr::tr("'%1' is not a JSON object of run parameters").arg(path)});
        return false;
    }
    ConfigErrors local;
    const RunConfig loaded = RunConfig::fromJson(data, &local);
    for (ConfigError e : local) {
        e.message = Tr::tr("in '%1': %2 %3").arg(path, e.field, e.message);
        e.field = QStringLiteral("--config");
        errors->append(e);
    }
    if (!local.isEmpty())
        return false;
    *config = loaded;
    config->project.clear(); // where results go is this invocation's choice, not the saved run's
    return true;
}

// The words of a command line applied to `result.config`; `given` maps each canonical flag to the spelling the user
// gave (-n, --no-stream), so that validation names the flag as it was typed.
void parseWords(const QStringList& args, CliParser::Result& result, QHash<QString, QString>* given)
{
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--config")
            loadConfigFile(args.at(i + 1), &result.config, &result.errors);
        else if (args.at(i).startsWith(u"--config="))
            loadConfigFile(args.at(i).mid(9), &result.config, &result.errors);
    }
    if (!args.isEmpty() && args.constLast() == u"--config")
        result.errors.append(ConfigError{QStringLiteral("--config"), Tr::tr("needs a value (FILE.json)")});
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString word = args.at(i);
        if (word == u"--config") {
            ++i; // loaded above
            continue;
        }
        if (word.startsWith(u"--config="))
            continue;
        if (word == u"-h" || word == u"--help") {
            result.helpRequested = true;
            return;
        }
        QString inlineValue;
        bool hasInline = false;
        if (word.startsWith(u"--")) {
            const qsizetype eq = word.indexOf(u'=');
            if (eq > 0) {
                inlineValue = word.mid(eq + 1);
                word = word.left(eq);
                hasInline = true;
            }
        }
        const Parameter* p = ParameterRegistry::byFlag(word);
        if (!p) {
            result.errors.append(ConfigError{word,
                word.startsWith(u'-') ? Tr::tr("unknown option; see 'throughline-cli run --help'")
                                      : Tr::tr("unexpected argument; options start with --")});
            continue;
        }
        const bool negative = word == p->negativeFlag;
        QStringList values;
        if (!p->takesValue()) {
            if (hasInline) {
                result.errors.append(ConfigError{word, Tr::tr("takes no value")});
                continue;
            }
        } else if (hasInline) {
            values.append(inlineValue);
        } else {
            while (i + 1 < args.size() && looksLikeValue(args.at(i + 1))) {
                values.append(args.at(++i));
                if (!p->isList())
                    break;
            }
            if (values.isEmpty()) {
                result.errors.append(ConfigError{
                    word, Tr::tr("needs a value (%1)").arg(QString::fromLatin1(p->metavar ? p->metavar : "VALUE"))});
                continue;
            }
        }
        if (!p->isSupported()) {
            result.errors.append(ConfigError{word, Tr::tr(p->reason)});
            continue;
        }
        QString problem;
        nlohmann::json value = ParameterRegistry::valueFromWords(*p, values, negative, &problem);
        if (problem.isEmpty() && p->type == ParameterType::KeyValueList) {
            // --headers given twice adds to the first (and to --config's).
            nlohmann::json all = p->get(result.config);
            for (const auto& v : value)
                all.push_back(v);
            value = all;
        }
        if (problem.isEmpty())
            problem = p->set(result.config, value);
        if (!problem.isEmpty()) {
            result.errors.append(ConfigError{word, problem});
            continue;
        }
        if (given)
            given->insert(p->flag(), word);
        if (p->support == ParameterSupport::NoEffect) {
            result.warnings.append(ConfigError{word,
                Tr::tr("accepted for EvalScope compatibility; it has no effect in Throughline (%1)").arg(Tr::tr(p->reason))});
        }
    }
}

QString helpHead(const Parameter& p)
{
    QString head = QStringLiteral("  ") + p.flags.join(QStringLiteral(", "));
    if (!p.negativeFlag.isEmpty())
        head += QStringLiteral(", ") + p.negativeFlag;
    if (p.metavar != nullptr)
        head += u' ' + QString::fromLatin1(p.metavar);
    return head;
}

} // namespace

CliParser::Result CliParser::parseArguments(const QStringList& args, const RunConfig& defaults)
{
    Result result;
    result.config = defaults;
    parseWords(args, result, nullptr);
    return result;
}

CliParser::Result CliParser::parseRun(const QStringList& args, const RunConfig& defaults)
{
    Result result;
    result.config = defaults;
    QHash<QString, QString> given;
    parseWords(args, result, &given);
    if (result.helpRequested || !result.errors.isEmpty())
        return result;
    result.errors = result.config.validate();
    for (ConfigError& e : result.errors)
        e.field = given.value(e.field, e.field);
    // EvalScope's Responses API plugin ignores n > 1 with a warning; so does ResponsesApi (it never sends "n").
    if (result.config.nChoices && *result.config.nChoices > 1 && result.config.api.contains(u"respons")) {
        result.warnings.append(ConfigError{given.value(QStringLiteral("--n-choices"), QStringLiteral("--n-choices")),
            Tr::tr("the Responses API returns one answer per request: %1 is ignored").arg(*result.config.nChoices)});
    }
    return result;
}

QString CliParser::runHelp()
{
    QString out = Tr::tr("Usage: throughline-cli run --url URL --model NAME [options]\n\n"
                         "Runs a benchmark sweep (closed loop, or open loop with --open-loop) against an "
                         "OpenAI-compatible endpoint and prints, per run point, EvalScope's summary and percentile "
                         "tables and Throughline's own metrics (docs/METRICS.md). Flags follow EvalScope perf; "
                         "docs/PARAMETERS.md describes each one.\n");
    for (ParameterGroup group : ParameterRegistry::groups()) {
        out += u'\n' + ParameterRegistry::groupName(group) + QStringLiteral(":\n");
        for (const Parameter& p : ParameterRegistry::all()) {
            if (p.group != group)
                continue;
            QString text = Tr::tr(p.help);
            if (p.support == ParameterSupport::Unsupported)
                text += u' ' + Tr::tr("Not supported: %1.").arg(Tr::tr(p.reason));
            out += helpHead(p).leftJustified(34) + u' ' + text + u'\n';
        }
    }
    out += u'\n' + Tr::tr("Other:") + u'\n';
    out += QStringLiteral("  --config FILE.json").leftJustified(34) + u' '
        + Tr::tr("Start from a saved configuration (a benchmark_args.json, Throughline's or EvalScope's, or a "
                 "run exported with 'runs export --format json'); the other flags change it.")
        + u'\n';
    out += QStringLiteral("  -h, --help").leftJustified(34) + u' ' + Tr::tr("Show this help.") + u'\n';
    out += Tr::tr("\nExit codes: 0 success; 2 bad arguments; 3 the connection test failed; 4 every request failed; "
                  "1 another error (e.g. the project file cannot be written).\n");
    return out;
}

} // namespace tl
