#include "storage/runimporter.h"

#include "storage/evalscopeimporter.h"
#include "storage/runjson.h"
#include "storage/vllmimporter.h"
#include "util/tr.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace tl {

namespace {

std::optional<RunData> importRunJson(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("cannot read '%1': %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QString message;
    std::optional<RunData> run = RunJson::fromJson(f.readAll(), &message);
    if (!run) {
        if (error)
            *error = Tr::tr("'%1': %2").arg(path, message);
        return std::nullopt;
    }
    // A new id, so the same file can be imported into a project that already holds the run.
    const QString originalId = run->id;
    run->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (run->source.isEmpty() || run->source == u"throughline")
        run->source = QStringLiteral("throughline-json");
    run->sourcePath = QFileInfo(path).absoluteFilePath();
    run->importNotes.prepend(Tr::tr("imported from run %1 of an exported Throughline run").arg(originalId));
    if (run->status == u"running")
        run->status = QStringLiteral("interrupted");
    for (PointResult& p : run->points) {
        if (!p.records.isEmpty()) // the requests are the truth; the exported summary is only a copy
            recomputeMetrics(p, RunConfig::apiKindOf(run->api));
        if (p.status == u"running")
            p.status = QStringLiteral("interrupted");
    }
    return run;
}

} // namespace

std::optional<RunImporter::Format> RunImporter::formatFromName(const QString& name)
{
    if (name == u"auto")
        return Format::Auto;
    if (name == u"evalscope")
        return Format::EvalScope;
    if (name == u"vllm")
        return Format::Vllm;
    if (name == u"json")
        return Format::RunJson;
    return std::nullopt;
}

std::optional<RunData> RunImporter::import(const QString& path, Format format, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = Tr::tr("'%1' does not exist").arg(path);
        return std::nullopt;
    }
    if (format == Format::Auto) {
        if (info.isDir()) {
            format = Format::EvalScope;
        } else {
            QFile f(path);
            const QByteArray data = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            if (RunJson::looksLikeRunJson(data)) {
                format = Format::RunJson;
            } else if (VllmImporter::recognises(data)) {
                format = Format::Vllm;
            } else {
                if (error) {
                    *error = Tr::tr("'%1' is neither an EvalScope output folder, a vLLM bench serve result nor a "
                                    "Throughline run export; name the format with --format")
                                 .arg(path);
                }
                return std::nullopt;
            }
        }
    }
    switch (format) {
    case Format::EvalScope:
        return EvalScopeImporter::import(path, error);
    case Format::Vllm:
        return VllmImporter::import(path, error);
    case Format::RunJson:
        return importRunJson(path, error);
    case Format::Auto:
        break;
    }
    return std::nullopt;
}

} // namespace tl
