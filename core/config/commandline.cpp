#include "config/commandline.h"

#include "config/cliparser.h"
#include "config/parameterregistry.h"
#include "util/tr.h"

#include <QRegularExpression>

namespace tl {

namespace {

bool looksLikeFlag(const QString& word)
{
    static const QRegularExpression number(QStringLiteral("^-\\d+(\\.\\d*)?([eE][-+]?\\d+)?$"));
    return word.startsWith(u'-') && word != u"-" && !number.match(word).hasMatch();
}

} // namespace

QString CommandLine::quote(const QString& word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString out = word;
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

bool CommandLine::split(const QString& line, QStringList* words, QString* error)
{
    words->clear();
    QString current;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line.at(i);
        if (quote == Quote::Single) {
            if (ch == u'\'')
                quote = Quote::None;
            else
                current += ch;
            continue;
        }
        if (quote == Quote::Double) {
            if (ch == u'"') {
                quote = Quote::None;
            } else if (ch == u'\\' && i + 1 < line.size() && QStringLiteral("\"\\$`\n").contains(line.at(i + 1))) {
                if (line.at(i + 1) != u'\n')
                    current += line.at(i + 1);
                ++i;
            } else {
                current += ch;
            }
            continue;
        }
        if (ch == u'\\') {
            if (i + 1 < line.size()) {
                if (line.at(i + 1) != u'\n') { // a line continuation joins the lines
                    current += line.at(i + 1);
                    inWord = true;
                }
                ++i;
            }
            continue;
        }
        if (ch == u'\'' || ch == u'"') {
            quote = ch == u'\'' ? Quote::Single : Quote::Double;
            inWord = true;
            continue;
        }
        if (ch.isSpace()) {
            if (inWord)
                words->append(current);
            current.clear();
            inWord = false;
            continue;
        }
        current += ch;
        inWord = true;
    }
    if (quote != Quote::None) {
        *error = Tr::tr("unterminated %1 quote").arg(quote == Quote::Single ? u'\'' : u'"');
        return false;
    }
    if (inWord)
        words->append(current);
    return true;
}

QStringList CommandLine::toArguments(const RunConfig& config, bool includeSecrets)
{
    QStringList out;
    for (const Parameter& p : ParameterRegistry::all()) {
        if (!p.isSupported())
            continue;
        const nlohmann::json value = p.get(config);
        if (value == ParameterRegistry::defaultValue(p))
            continue;
        if (p.type == ParameterType::Bool) {
            if (value.is_null())
                continue; // back to "auto" (an unset optional flag): the default already says it
            const bool on = value.get<bool>();
            if (on == p.flagSets)
                out.append(p.flag());
            else if (!p.negativeFlag.isEmpty())
                out.append(p.negativeFlag);
            continue;
        }
        const QStringList words = ParameterRegistry::wordsFromValue(p, value, includeSecrets, config.secretHeaders);
        if (words.isEmpty())
            continue; // an optional value back to unset: nothing to say
        if (p.type == ParameterType::String && words.size() == 1 && words.first().startsWith(u'-')) {
            out.append(p.flag() + u'=' + words.first()); // a value that looks like a flag
            continue;
        }
        out.append(p.flag());
        out.append(words);
    }
    return out;
}

QString CommandLine::toCommandLine(const RunConfig& config, bool includeSecrets)
{
    QStringList words{QStringLiteral("throughline-cli"), QStringLiteral("run")};
    for (const QString& w : toArguments(config, includeSecrets))
        words.append(quote(w));
    return words.join(u' ');
}

QString CommandLine::Conversion::command() const
{
    return toCommandLine(config, true);
}

CommandLine::Conversion CommandLine::convert(const QString& line)
{
    Conversion result;
    QStringList words;
    QString error;
    if (!split(line, &words, &error)) {
        result.errors.append(ConfigError{QString(), error});
        return result;
    }
    // Leading program words: evalscope perf, throughline-cli run (with a path or not), python -m evalscope.
    static const QStringList programs = {QStringLiteral("evalscope"), QStringLiteral("perf"),
        QStringLiteral("throughline-cli"), QStringLiteral("run"), QStringLiteral("python"), QStringLiteral("python3"),
        QStringLiteral("-m"), QStringLiteral("evalscope.cli.cli")};
    while (!words.isEmpty() && programs.contains(words.first().section(u'/', -1)))
        words.removeFirst();
    if (words.isEmpty() || !looksLikeFlag(words.first())) {
        result.errors.append(ConfigError{QString(),
            Tr::tr("not a benchmark command: give 'evalscope perf --flag value …' or 'throughline-cli run …'")});
        return result;
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString word = words.at(i);
        if (!looksLikeFlag(word)) {
            result.errors.append(ConfigError{word, Tr::tr("unexpected argument; options start with --")});
            continue;
        }
        const QString name = word.section(u'=', 0, 0);
        const Parameter* p = ParameterRegistry::byFlag(name);
        QStringList group{word};
        while (
            (!p || p->takesValue()) && !word.contains(u'=') && i + 1 < words.size() && !looksLikeFlag(words.at(i + 1)))
            group.append(words.at(++i));
        if (name == u"--config") {
            result.unmapped.append(name + QStringLiteral(": ") + Tr::tr("a file of this machine; give its flags"));
        } else if (!p) {
            result.unmapped.append(name + QStringLiteral(": ") + Tr::tr("not an option Throughline knows"));
        } else if (!p->isSupported()) {
            result.unmapped.append(name + QStringLiteral(": ") + Tr::tr(p->reason));
        } else {
            result.arguments.append(group);
        }
    }
    const CliParser::Result parsed = CliParser::parseArguments(result.arguments);
    result.config = parsed.config;
    result.errors += parsed.errors;
    return result;
}

} // namespace tl
