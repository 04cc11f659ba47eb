#include "cli/tokenizecommand.h"

#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QFile>

#include <optional>

namespace tl {

namespace {

struct Options {
    QString tokenizerPath;
    QString file;
    QString json;
    std::optional<QString> text;
    bool special = false;
    bool help = false;
};

// Parses the flags; returns an error line naming the flag, or an empty string.
QString parse(const QStringList& args, Options* o)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            inlineValue = true;
        }
        const auto takeValue = [&](QString* target) -> QString {
            if (inlineValue) {
                *target = value;
                return {};
            }
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(arg);
            *target = args.at(++i);
            return {};
        };
        QString problem;
        if (arg == u"-h" || arg == u"--help")
            o->help = true;
        else if (arg == u"--special")
            o->special = true;
        else if (arg == u"--tokenizer-path")
            problem = takeValue(&o->tokenizerPath);
        else if (arg == u"--file")
            problem = takeValue(&o->file);
        else if (arg == u"--json")
            problem = takeValue(&o->json);
        else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1 && arg != u"--")
            problem = QStringLiteral("%1: unknown option (see 'tokenize --help')").arg(arg);
        else if (o->text)
            problem = QStringLiteral("give one TEXT argument (quote it), or --file/--json");
        else
            o->text = arg == u"--" && i + 1 < args.size() ? args.at(++i) : arg;
        if (!problem.isEmpty())
            return problem;
    }
    if (o->help)
        return {};
    const int sources = (o->text ? 1 : 0) + (o->file.isEmpty() ? 0 : 1) + (o->json.isEmpty() ? 0 : 1);
    if (o->tokenizerPath.isEmpty())
        return QStringLiteral("--tokenizer-path is required (a Hugging Face model folder or a tokenizer.json)");
    if (sources != 1)
        return QStringLiteral("give exactly one of TEXT, --file F or --json F");
    return {};
}

std::string jsonLine(const std::vector<int32_t>& ids)
{
    std::string line = "{\"n\": " + std::to_string(ids.size()) + ", \"ids\": [";
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            line += ", ";
        line += std::to_string(ids[i]);
    }
    return line + "]}\n";
}

} // namespace

QString TokenizeCommand::help()
{
    return QStringLiteral(
        "Usage: throughline-cli tokenize --tokenizer-path P [--special] [--file F | --json F | TEXT]\n\n"
        "Prints one JSON line {\"n\": count, \"ids\": [...]} for TEXT, for each line of a text file, or for each\n"
        "string of a JSON array file, with the ids Hugging Face's tokenizers would give.\n\n"
        "  --tokenizer-path P  a Hugging Face model folder (tokenizer.json [+ tokenizer_config.json]) or a\n"
        "                      tokenizer.json file; BPE tokenizers only (see docs/TOKENIZER.md)\n"
        "  --special           add the special tokens the model adds around a prompt (e.g. BOS)\n"
        "  --file F            tokenize each line of F (UTF-8; the line break is not part of the line)\n"
        "  --json F            tokenize each string of the JSON array in F\n"
        "  -h, --help          this help\n\n"
        "Exit codes: 0 done, 2 bad arguments or unreadable tokenizer/input (one line naming the flag), 1 output "
        "failure.\n");
}

int TokenizeCommand::run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Options o;
    if (const QString problem = parse(args, &o); !problem.isEmpty()) {
        err << "error: " << problem << Qt::endl;
        return BadArguments;
    }
    if (o.help) {
        out << help();
        return Ok;
    }
    QString error;
    const auto tokenizer = Tokenizer::load(o.tokenizerPath, &error);
    if (!tokenizer) {
        err << "error: --tokenizer-path: " << error << Qt::endl;
        return BadArguments;
    }

    std::vector<std::string> texts;
    if (o.text) {
        texts.push_back(o.text->toStdString());
    } else {
        const QString& path = o.file.isEmpty() ? o.json : o.file;
        const char* flag = o.file.isEmpty() ? "--json" : "--file";
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "error: " << flag << ' ' << path << ": " << file.errorString() << Qt::endl;
            return BadArguments;
        }
        const QByteArray bytes = file.readAll();
        if (!o.file.isEmpty()) {
            qsizetype start = 0;
            while (start < bytes.size()) {
                qsizetype end = bytes.indexOf('\n', start);
                const qsizetype next = end < 0 ? bytes.size() : end + 1;
                if (end < 0)
                    end = bytes.size();
                if (end > start && bytes.at(end - 1) == '\r')
                    --end;
                texts.emplace_back(bytes.constData() + start, static_cast<size_t>(end - start));
                start = next;
            }
        } else {
            nlohmann::json array;
            try {
                array = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
            } catch (const nlohmann::json::parse_error& e) {
                err << "error: --json " << path << ": invalid JSON at byte " << e.byte << Qt::endl;
                return BadArguments;
            }
            if (!array.is_array()) {
                err << "error: --json " << path << ": expected a JSON array of strings" << Qt::endl;
                return BadArguments;
            }
            for (size_t i = 0; i < array.size(); ++i) {
                if (!array[i].is_string()) {
                    err << "error: --json " << path << ": item " << i << " is not a string" << Qt::endl;
                    return BadArguments;
                }
                texts.push_back(array[i].get<std::string>());
            }
        }
    }

    out.flush();
    for (const std::string& text : texts) {
        const std::string line = jsonLine(tokenizer->encode(text, o.special));
        out << QLatin1String(line.data(), static_cast<qsizetype>(line.size()));
    }
    out.flush();
    return out.status() == QTextStream::Ok ? Ok : Failed;
}

} // namespace tl
