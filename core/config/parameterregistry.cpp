#include "config/parameterregistry.h"

#include "config/parameterdef.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tl {

using nlohmann::json;
using namespace registrydef;

namespace {

QList<Parameter> buildRegistry()
{
    QList<Parameter> r;
    addTargetParameters(r);
    addLoadParameters(r);
    addDatasetParameters(r);
    addGenerationParameters(r);
    addMultiTurnParameters(r);
    addSlaParameters(r);
    addCapacityParameters(r);
    addOutputParameters(r);
    addAdvancedParameters(r);
    for (Parameter& p : r) {
        if (p.label.isEmpty())
            p.label = ParameterRegistry::derivedLabel(p.key ? QString::fromLatin1(p.key) : p.flag());
    }
    return r;
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

// The range rule of a numeric parameter as the fix to quote: "from 1 to 65535", ">= 0", "> 0".
QString rangeText(const Parameter& p)
{
    if (p.minimum && p.maximum)
        return Tr::tr("from %1 to %2").arg(number(*p.minimum), number(*p.maximum));
    if (p.minimum)
        return (p.minimumExclusive ? QStringLiteral("> ") : QStringLiteral(">= ")) + number(*p.minimum);
    if (p.maximum)
        return QStringLiteral("<= ") + number(*p.maximum);
    return {};
}

QString rangeError(const Parameter& p, double v)
{
    const bool whole = p.type == ParameterType::Int || p.type == ParameterType::Int64
        || p.type == ParameterType::IntList || p.type == ParameterType::IntRange;
    const QString what = whole ? Tr::tr("a whole number") : Tr::tr("a number");
    if (p.isList())
        return Tr::tr("every value must be %1 %2 (got %3)").arg(what, rangeText(p), number(v));
    return Tr::tr("must be %1 %2 (got %3)").arg(what, rangeText(p), number(v));
}

bool inRange(const Parameter& p, double v)
{
    if (p.minimum && (p.minimumExclusive ? !(v > *p.minimum) : !(v >= *p.minimum)))
        return false;
    return !(p.maximum && v > *p.maximum);
}

// One command-line word as a number of the parameter's type: whole numbers within the type's range, finite
// numbers; out-of-range values are refused here, before they can wrap in a narrower field.
json numberFromWord(const Parameter& p, const QString& word, QString* error)
{
    const bool whole = p.type == ParameterType::Int || p.type == ParameterType::IntList
        || p.type == ParameterType::IntRange || p.type == ParameterType::Int64;
    if (whole) {
        const bool narrow = p.type != ParameterType::Int64;
        const qint64 low = narrow ? std::numeric_limits<int>::min() : std::numeric_limits<qint64>::min();
        const qint64 high = narrow ? std::numeric_limits<int>::max() : std::numeric_limits<qint64>::max();
        bool ok = false;
        const qint64 v = word.toLongLong(&ok);
        bool isNumber = false;
        const double d = word.toDouble(&isNumber);
        const bool integral = ok || (isNumber && std::isfinite(d) && d == std::floor(d));
        if (!integral) {
            *error = Tr::tr("'%1' is not a whole number").arg(word);
            return nullptr;
        }
        if (!ok || v < low || v > high) {
            const double from = p.minimum ? std::max(*p.minimum, double(low)) : double(low);
            const double to = p.maximum ? std::min(*p.maximum, double(high)) : double(high);
            const QString range = Tr::tr("from %1 to %2").arg(number(from), number(to));
            *error = Tr::tr("'%1' is out of range; give a whole number %2").arg(word, range);
            return nullptr;
        }
        return v;
    }
    bool ok = false;
    const double v = word.toDouble(&ok);
    if (!ok) {
        *error = Tr::tr("'%1' is not a number").arg(word);
        return nullptr;
    }
    if (!std::isfinite(v)) {
        *error = Tr::tr("'%1' is not a finite number; give a number %2")
                     .arg(word, rangeText(p).isEmpty() ? Tr::tr("such as 1.5") : rangeText(p));
        return nullptr;
    }
    return v;
}

} // namespace

const QList<Parameter>& ParameterRegistry::all()
{
    static const QList<Parameter> registry = buildRegistry();
    return registry;
}

QList<ParameterGroup> ParameterRegistry::groups()
{
    return {ParameterGroup::Target, ParameterGroup::Load, ParameterGroup::Dataset, ParameterGroup::Generation,
        ParameterGroup::MultiTurn, ParameterGroup::Sla, ParameterGroup::Output, ParameterGroup::Advanced};
}

QString ParameterRegistry::groupName(ParameterGroup group)
{
    switch (group) {
    case ParameterGroup::Target:
        return Tr::tr("Target");
    case ParameterGroup::Load:
        return Tr::tr("Load");
    case ParameterGroup::Dataset:
        return Tr::tr("Dataset");
    case ParameterGroup::Generation:
        return Tr::tr("Generation");
    case ParameterGroup::MultiTurn:
        return Tr::tr("Multi-turn");
    case ParameterGroup::Sla:
        return Tr::tr("SLA");
    case ParameterGroup::Output:
        return Tr::tr("Output");
    case ParameterGroup::Advanced:
        return Tr::tr("Advanced");
    }
    return {};
}

const Parameter* ParameterRegistry::byFlag(const QString& flag)
{
    for (const Parameter& p : all()) {
        if (p.flags.contains(flag) || (!p.negativeFlag.isEmpty() && p.negativeFlag == flag))
            return &p;
    }
    return nullptr;
}

QString ParameterRegistry::label(const Parameter& p)
{
    return QCoreApplication::translate("ParameterLabel", p.label.toUtf8().constData());
}

QString ParameterRegistry::derivedLabel(const QString& keyOrFlag)
{
    QString text = keyOrFlag.startsWith(QLatin1String("--")) ? keyOrFlag.mid(2) : keyOrFlag;
    QStringList words = text.split(QRegularExpression(QStringLiteral("[_-]")), Qt::SkipEmptyParts);
    static const QStringList upper = {QStringLiteral("api"), QStringLiteral("url"), QStringLiteral("ca"),
        QStringLiteral("sla"), QStringLiteral("n"), QStringLiteral("tls"), QStringLiteral("http"),
        QStringLiteral("json"), QStringLiteral("id")};
    for (QString& w : words) {
        if (upper.contains(w))
            w = w.toUpper();
    }
    text = words.join(u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

const Parameter* ParameterRegistry::byKey(const QString& key)
{
    for (const Parameter& p : all()) {
        if (p.key != nullptr && key == QLatin1StringView(p.key))
            return &p;
    }
    return nullptr;
}

json ParameterRegistry::valueFromWords(const Parameter& p, const QStringList& words, bool negative, QString* error)
{
    switch (p.type) {
    case ParameterType::Bool:
        return negative ? !p.flagSets : p.flagSets;
    case ParameterType::String:
    case ParameterType::Json:
        return jsonutil::toStd(words.value(0));
    case ParameterType::Int:
    case ParameterType::Int64:
    case ParameterType::Double:
        return numberFromWord(p, words.value(0), error);
    case ParameterType::IntList:
    case ParameterType::DoubleList:
    case ParameterType::IntRange: {
        json out = json::array();
        for (const QString& w : words) {
            json v = numberFromWord(p, w, error);
            if (v.is_null()) {
                if (p.type != ParameterType::DoubleList && error->contains(QStringLiteral("not a whole number")))
                    *error += Tr::tr(" (give a list as separate words: 1 4 16)");
                return nullptr;
            }
            out.push_back(v);
        }
        if (p.type == ParameterType::IntRange && out.size() == 1)
            return out[0];
        return out;
    }
    case ParameterType::StringList:
    case ParameterType::KeyValueList: {
        json out = json::array();
        for (const QString& w : words)
            out.push_back(jsonutil::toStd(w));
        return out;
    }
    }
    return nullptr;
}

QStringList ParameterRegistry::wordsFromValue(
    const Parameter& p, const json& value, bool includeSecrets, const QStringList& secretHeaders)
{
    QStringList out;
    auto word = [](const json& v) {
        if (v.is_string())
            return jsonutil::toQString(v);
        if (v.is_number_float())
            return number(v.get<double>());
        return QString::fromUtf8(jsonutil::dump(v));
    };
    if (value.is_null())
        return out;
    if (p.secret && !includeSecrets)
        return {QString::fromLatin1(kMask)};
    if (p.key != nullptr && std::string_view(p.key) == "url" && value.is_string() && !includeSecrets)
        return {SecretMask::maskUrl(jsonutil::toQString(value), secretHeaders)};
    switch (p.type) {
    case ParameterType::Bool:
        return out; // the flag itself says it
    case ParameterType::Json:
        return {word(value)}; // one word, a list too (--sla-params '[{...}, {...}]')
    case ParameterType::KeyValueList:
        for (const json& pair : value) {
            const QString k = word(pair[0]);
            out.append(k + u'='
                + (isSecretHeader(k, secretHeaders) && !includeSecrets ? QString::fromLatin1(kMask) : word(pair[1])));
        }
        return out;
    default:
        break;
    }
    if (value.is_array()) {
        for (const json& v : value)
            out.append(word(v));
    } else {
        out.append(word(value));
    }
    return out;
}

QString ParameterRegistry::displayValue(const Parameter& p, const json& value, const QStringList& secretHeaders)
{
    if (value.is_null())
        return Tr::tr("(none)");
    if (p.type == ParameterType::Bool)
        return value.get<bool>() ? Tr::tr("on") : Tr::tr("off");
    if (p.secret)
        return QString::fromLatin1(kMask);
    const QString words = wordsFromValue(p, value, false, secretHeaders).join(u' ');
    return words.isEmpty() ? Tr::tr("(empty)") : words;
}

json ParameterRegistry::defaultValue(const Parameter& p)
{
    static const RunConfig defaults;
    return p.get(defaults);
}

ConfigErrors ParameterRegistry::validateFields(const RunConfig& config)
{
    ConfigErrors errors;
    for (const Parameter& p : all()) {
        if (!p.isSupported())
            continue;
        const json v = p.get(config);
        QString message;
        const bool numeric = p.type == ParameterType::Int || p.type == ParameterType::Int64
            || p.type == ParameterType::Double || p.type == ParameterType::IntList
            || p.type == ParameterType::DoubleList || p.type == ParameterType::IntRange;
        if (p.nonEmpty && (!v.is_array() || v.empty())) {
            message = Tr::tr("needs at least one value, e.g. %1 %2")
                          .arg(p.flag(), p.example.isEmpty() ? QStringLiteral("1") : p.example.join(u' '));
        } else if (numeric && !v.is_null()) {
            const json items = v.is_array() ? v : json::array({v});
            for (const json& item : items) {
                const double d = item.get<double>();
                if (!std::isfinite(d)) {
                    message = Tr::tr("must be a finite number");
                    break;
                }
                if (!inRange(p, d)) {
                    message = rangeError(p, d);
                    break;
                }
            }
        } else if (p.type == ParameterType::String && p.strictChoices && !p.choices.isEmpty() && v.is_string()) {
            const QString s = jsonutil::toQString(v);
            if (!p.choices.contains(s))
                message = Tr::tr("unknown value '%1'; choose one of: %2").arg(s, p.choices.join(u", "));
        }
        if (message.isEmpty() && p.check)
            message = p.check(config);
        if (!message.isEmpty())
            errors.append(ConfigError{p.flag(), message});
    }
    return errors;
}

QByteArray ParameterRegistry::toJson(const RunConfig& config, bool includeSecrets)
{
    json j = json::object();
    for (const Parameter& p : all()) {
        if (p.key == nullptr || !p.isSupported())
            continue;
        j[p.key] = p.save ? p.save(config, includeSecrets) : p.get(config);
    }
    return jsonutil::dump(j, 4);
}

RunConfig ParameterRegistry::fromJson(const QByteArray& data, ConfigErrors* errors)
{
    RunConfig c;
    const json j = jsonutil::tooDeep(data) ? json() : json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (errors)
            errors->append(ConfigError{QString(), Tr::tr("the run configuration is not a JSON object")});
        return c;
    }
    // Keys this version does not know (EvalScope's multi-turn, SLA and tracker settings among them) are left
    // alone: a saved EvalScope configuration still loads.
    for (const Parameter& p : all()) {
        if (p.key == nullptr || !p.isSupported())
            continue;
        const auto it = j.find(p.key);
        if (it == j.end() || it->is_null())
            continue;
        const QString problem = p.set(c, *it);
        if (!problem.isEmpty() && errors)
            errors->append(
                ConfigError{p.flag(), Tr::tr("has the wrong type in the saved configuration: %1").arg(problem)});
    }
    return c;
}

QList<ParameterRegistry::Difference> ParameterRegistry::configDiff(const RunConfig& a, const RunConfig& b)
{
    QList<Difference> out;
    const QStringList secretHeaders = a.secretHeaders + b.secretHeaders; // a header secret in either run
    for (const Parameter& p : all()) {
        if (!p.isSupported())
            continue;
        const json va = p.get(a);
        const json vb = p.get(b);
        if (va != vb)
            out.append(Difference{&p, displayValue(p, va, secretHeaders), displayValue(p, vb, secretHeaders)});
    }
    return out;
}

bool ParameterRegistry::definesWorkload(const Parameter& p)
{
    // Not the load (parallel, number, rate: points are matched by it), nor the target (comparing two servers or
    // models on one workload is the point of a comparison), nor output and harness settings.
    static const QStringList keys{QStringLiteral("api"), QStringLiteral("prompt"), QStringLiteral("dataset"),
        QStringLiteral("dataset_path"), QStringLiteral("dataset_args"), QStringLiteral("dataset_offset"),
        QStringLiteral("tokenizer_path"), QStringLiteral("prefix_length"), QStringLiteral("min_prompt_length"),
        QStringLiteral("max_prompt_length"), QStringLiteral("query_template"), QStringLiteral("apply_chat_template"),
        QStringLiteral("max_tokens"), QStringLiteral("min_tokens"), QStringLiteral("stop"),
        QStringLiteral("stop_token_ids"), QStringLiteral("n_choices"), QStringLiteral("extra_args"),
        QStringLiteral("stream"), QStringLiteral("multi_turn"), QStringLiteral("min_turns"),
        QStringLiteral("max_turns"), QStringLiteral("multi_turn_args")};
    return p.key && keys.contains(QLatin1String(p.key));
}

} // namespace tl
