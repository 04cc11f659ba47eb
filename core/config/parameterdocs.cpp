#include "config/parameterdocs.h"

#include "config/parameterregistry.h"
#include "util/tr.h"

#include <QStringList>

namespace tl {

namespace {

// The subcommands of throughline-cli, for the first word's completion.
const QList<QPair<const char*, const char*>> kCommands = {
    {"run", "Benchmark an OpenAI-compatible endpoint"},
    {"demo", "Run a short sweep against the built-in emulated server"},
    {"sim", "Run the emulated model server"},
    {"runs", "List, show, export, import and delete the runs of a project"},
    {"report", "Write an HTML report of a run"},
    {"tokenize", "Print the token ids of texts"},
    {"convert", "Convert an evalscope perf command to throughline-cli run"},
    {"completion", "Print shell completions (bash, zsh, fish)"},
    {"docs", "Print generated documentation (parameters)"},
};

QString typeName(ParameterType type)
{
    switch (type) {
    case ParameterType::String:
        return QStringLiteral("string");
    case ParameterType::Int:
        return QStringLiteral("int");
    case ParameterType::Int64:
        return QStringLiteral("int64");
    case ParameterType::Double:
        return QStringLiteral("float");
    case ParameterType::Bool:
        return QStringLiteral("flag");
    case ParameterType::IntList:
        return QStringLiteral("list[int]");
    case ParameterType::DoubleList:
        return QStringLiteral("list[float]");
    case ParameterType::StringList:
        return QStringLiteral("list[str]");
    case ParameterType::IntRange:
        return QStringLiteral("int or MIN MAX");
    case ParameterType::Json:
        return QStringLiteral("JSON object");
    case ParameterType::KeyValueList:
        return QStringLiteral("list[KEY=VALUE]");
    }
    return {};
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

QString ruleText(const Parameter& p)
{
    QStringList parts;
    if (p.minimum && p.maximum)
        parts << QStringLiteral("%1 to %2").arg(number(*p.minimum), number(*p.maximum));
    else if (p.minimum)
        parts << (p.minimumExclusive ? QStringLiteral("> ") : QStringLiteral(">= ")) + number(*p.minimum);
    else if (p.maximum)
        parts << QStringLiteral("<= ") + number(*p.maximum);
    if (!p.choices.isEmpty())
        parts << QStringLiteral("one of: ") + p.choices.join(QStringLiteral(", "));
    return parts.join(QStringLiteral("; "));
}

QString flagsText(const Parameter& p)
{
    QStringList names;
    for (const QString& f : p.flags)
        names << u'`' + f + (p.metavar ? u' ' + QString::fromLatin1(p.metavar) : QString()) + u'`';
    if (!p.negativeFlag.isEmpty())
        names << u'`' + p.negativeFlag + u'`';
    return names.join(QStringLiteral(", "));
}

QString cell(QString text)
{
    return text.replace(u'|', QStringLiteral("\\|")).replace(u'\n', u' ');
}

// The first sentence of the help, short enough for a completion menu.
QString shortHelp(const Parameter& p)
{
    QString text = QString::fromUtf8(p.help);
    const qsizetype stop = text.indexOf(QStringLiteral(". "));
    if (stop > 0)
        text = text.left(stop + 1);
    if (text.size() > 90)
        text = text.left(87) + QStringLiteral("...");
    return text;
}

QStringList allFlags(const Parameter& p)
{
    QStringList out = p.flags;
    if (!p.negativeFlag.isEmpty())
        out << p.negativeFlag;
    return out;
}

QString commandWords()
{
    QStringList names;
    for (const auto& c : kCommands)
        names << QString::fromLatin1(c.first);
    return names.join(u' ');
}

QString bash()
{
    QStringList flags{QStringLiteral("--config"), QStringLiteral("--help")};
    QString cases;
    QStringList files{QStringLiteral("--config")};
    QStringList dirs;
    for (const Parameter& p : ParameterRegistry::all()) {
        flags << allFlags(p);
        if (p.widget == WidgetKind::FilePicker)
            files << p.flags;
        else if (p.widget == WidgetKind::FolderPicker)
            dirs << p.flags;
        else if (!p.choices.isEmpty())
            cases += QStringLiteral("    %1) COMPREPLY=( $(compgen -W \"%2\" -- \"${cur}\") ); return ;;\n")
                         .arg(p.flags.join(u'|'), p.choices.join(u' '));
    }
    cases += QStringLiteral("    %1) COMPREPLY=( $(compgen -f -- \"${cur}\") ); return ;;\n").arg(files.join(u'|'));
    cases += QStringLiteral("    %1) COMPREPLY=( $(compgen -d -- \"${cur}\") ); return ;;\n").arg(dirs.join(u'|'));
    return QStringLiteral("# bash completion for throughline-cli (generated: throughline-cli completion bash)\n"
                          "# Use: source <(throughline-cli completion bash)\n"
                          "_throughline_cli()\n"
                          "{\n"
                          "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                          "    if [[ ${COMP_CWORD} -eq 1 ]]; then\n"
                          "        COMPREPLY=( $(compgen -W \"%1\" -- \"${cur}\") )\n"
                          "        return\n"
                          "    fi\n"
                          "    case \"${COMP_WORDS[1]}\" in\n"
                          "    completion) COMPREPLY=( $(compgen -W \"bash zsh fish\" -- \"${cur}\") ); return ;;\n"
                          "    docs) COMPREPLY=( $(compgen -W \"parameters\" -- \"${cur}\") ); return ;;\n"
                          "    run) ;;\n"
                          "    *) COMPREPLY=( $(compgen -f -- \"${cur}\") ); return ;;\n"
                          "    esac\n"
                          "    case \"${prev}\" in\n"
                          "%2"
                          "    esac\n"
                          "    COMPREPLY=( $(compgen -W \"%3\" -- \"${cur}\") )\n"
                          "}\n"
                          "complete -o filenames -F _throughline_cli throughline-cli\n")
        .arg(commandWords(), cases, flags.join(u' '));
}

QString zshEscape(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'\'', QStringLiteral("'\\''"));
    text.replace(u'[', QStringLiteral("\\["));
    text.replace(u']', QStringLiteral("\\]"));
    text.replace(u':', QStringLiteral("\\:"));
    return text;
}

QString zsh()
{
    QString commands;
    for (const auto& c : kCommands)
        commands += QStringLiteral("        '%1:%2'\n")
                        .arg(QString::fromLatin1(c.first), zshEscape(QString::fromLatin1(c.second)));
    QString specs = QStringLiteral("        '--config[start from a saved configuration]:FILE:_files' \\\n"
                                   "        '(- *)--help[show the help]' \\\n");
    for (const Parameter& p : ParameterRegistry::all()) {
        QString action;
        if (p.takesValue()) {
            const QString meta = zshEscape(QString::fromLatin1(p.metavar ? p.metavar : "VALUE"));
            if (p.widget == WidgetKind::FilePicker)
                action = u':' + meta + QStringLiteral(":_files");
            else if (p.widget == WidgetKind::FolderPicker)
                action = u':' + meta + QStringLiteral(":_files -/");
            else if (!p.choices.isEmpty())
                action = u':' + meta + QStringLiteral(":(") + p.choices.join(u' ') + u')';
            else
                action = u':' + meta + u':';
        }
        for (const QString& f : allFlags(p)) {
            const QString repeat = p.isList() ? QStringLiteral("*") : QString();
            specs += QStringLiteral("        '%1%2[%3]%4' \\\n").arg(repeat, f, zshEscape(shortHelp(p)), action);
        }
    }
    specs.chop(3); // the last " \\\n"
    specs += u'\n';
    return QStringLiteral("#compdef throughline-cli\n"
                          "# zsh completion for throughline-cli (generated: throughline-cli completion zsh)\n"
                          "# Use: throughline-cli completion zsh > \"${fpath[1]}/_throughline-cli\"\n"
                          "_throughline_cli() {\n"
                          "    local -a commands\n"
                          "    commands=(\n"
                          "%1"
                          "    )\n"
                          "    if (( CURRENT == 2 )); then\n"
                          "        _describe 'command' commands\n"
                          "        return\n"
                          "    fi\n"
                          "    case ${words[2]} in\n"
                          "    completion) _values 'shell' bash zsh fish ;;\n"
                          "    docs) _values 'topic' parameters ;;\n"
                          "    run)\n"
                          "        shift words\n"
                          "        (( CURRENT-- ))\n"
                          "        _arguments -s \\\n"
                          "%2"
                          "        ;;\n"
                          "    *) _files ;;\n"
                          "    esac\n"
                          "}\n"
                          "_throughline_cli \"$@\"\n")
        .arg(commands, specs);
}

QString fishQuote(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + text + u'\'';
}

QString fish()
{
    QString out
        = QStringLiteral("# fish completion for throughline-cli (generated: throughline-cli completion fish)\n"
                         "# Use: throughline-cli completion fish > ~/.config/fish/completions/throughline-cli.fish\n"
                         "complete -c throughline-cli -f\n");
    for (const auto& c : kCommands) {
        out += QStringLiteral("complete -c throughline-cli -n __fish_use_subcommand -a %1 -d %2\n")
                   .arg(QString::fromLatin1(c.first), fishQuote(QString::fromLatin1(c.second)));
    }
    out += QStringLiteral("complete -c throughline-cli -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n"
                          "complete -c throughline-cli -n '__fish_seen_subcommand_from docs' -a parameters\n");
    const QString run = QStringLiteral("complete -c throughline-cli -n '__fish_seen_subcommand_from run'");
    out += run + QStringLiteral(" -l config -r -F -d 'Start from a saved configuration'\n");
    for (const Parameter& p : ParameterRegistry::all()) {
        QString action;
        if (p.takesValue()) {
            if (p.widget == WidgetKind::FilePicker)
                action = QStringLiteral(" -r -F");
            else if (p.widget == WidgetKind::FolderPicker)
                action = QStringLiteral(" -x -a '(__fish_complete_directories)'");
            else if (!p.choices.isEmpty())
                action = QStringLiteral(" -x -a ") + fishQuote(p.choices.join(u' '));
            else
                action = QStringLiteral(" -x");
        }
        for (const QString& f : allFlags(p)) {
            const QString option = f.startsWith(QStringLiteral("--")) ? QStringLiteral(" -l ") + f.mid(2)
                                                                      : QStringLiteral(" -s ") + f.mid(1);
            out += run + option + action + QStringLiteral(" -d ") + fishQuote(shortHelp(p)) + u'\n';
        }
    }
    return out;
}

} // namespace

QString ParameterDocs::markdown()
{
    QString out = QStringLiteral(
        "# Run parameters\n\n"
        "<!-- Generated from core/config/parameterregistry.cpp by `throughline-cli docs parameters > "
        "docs/PARAMETERS.md`; tst_parameterregistry fails when this file is stale. Do not edit by hand. -->\n\n"
        "Every parameter of `throughline-cli run` (EvalScope perf's flags), its key in `benchmark_args.json`, "
        "type, default and rule. Flags marked *not supported* are EvalScope's and are refused with the reason; "
        "*no effect* ones are accepted and saved for compatibility. \"Body\" marks values sent in every request "
        "body.\n");
    for (ParameterGroup group : ParameterRegistry::groups()) {
        out += QStringLiteral("\n## %1\n\n").arg(ParameterRegistry::groupName(group));
        out += QStringLiteral("| Flag | JSON key | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (const Parameter& p : ParameterRegistry::all()) {
            if (p.group != group)
                continue;
            QStringList text{QString::fromUtf8(p.help)};
            if (*p.definition)
                text << QString::fromUtf8(p.definition);
            if (const QString rule = ruleText(p); !rule.isEmpty())
                text << QStringLiteral("Valid: %1.").arg(rule);
            if (p.unit)
                text << QStringLiteral("Unit: %1.").arg(QString::fromLatin1(p.unit));
            if (p.inBody)
                text << QStringLiteral("Body.");
            if (p.support == ParameterSupport::Unsupported)
                text << QStringLiteral("**Not supported:** %1.").arg(QString::fromUtf8(p.reason));
            else if (p.support == ParameterSupport::NoEffect)
                text << QStringLiteral("*No effect:* %1.").arg(QString::fromUtf8(p.reason));
            const QString def = p.support == ParameterSupport::Unsupported
                ? QStringLiteral("—")
                : u'`' + ParameterRegistry::displayValue(p, ParameterRegistry::defaultValue(p)) + u'`';
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(cell(flagsText(p)), p.key ? u'`' + QString::fromLatin1(p.key) + u'`' : QStringLiteral("—"),
                           typeName(p.type), cell(def), cell(text.join(u' ')));
        }
    }
    out += QStringLiteral("\n`--config FILE.json` starts from a saved configuration (a `benchmark_args.json`, "
                          "Throughline's or EvalScope's, or an exported run); the other flags change it.\n");
    return out;
}

QStringList ParameterDocs::shells()
{
    return {QStringLiteral("bash"), QStringLiteral("zsh"), QStringLiteral("fish")};
}

QString ParameterDocs::completion(const QString& shell)
{
    if (shell == u"bash")
        return bash();
    if (shell == u"zsh")
        return zsh();
    if (shell == u"fish")
        return fish();
    return {};
}

} // namespace tl
