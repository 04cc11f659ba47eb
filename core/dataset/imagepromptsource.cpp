#include "dataset/imagepromptsource.h"

#include "dataset/parquetreader.h"
#include "util/imagecodec.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QTemporaryFile>

namespace tl {

namespace {

constexpr qint64 kMaxTextBytes = 1 << 20; // a caption or instruction; longer ones are cut
constexpr qint64 kMaxImageBytes = 64LL << 20; // one image sent as a data URL
constexpr qint64 kProbeBytes = 65536; // headers (JPEG's SOF may follow EXIF data) sit in the first 64 KiB

const QStringList kImageSuffixes = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
    QStringLiteral("webp"), QStringLiteral("gif")};
const QStringList kTextSuffixes = {QStringLiteral("txt"), QStringLiteral("caption"), QStringLiteral("instruction"),
    QStringLiteral("instruction.txt"), QStringLiteral("caption.txt")};

QString defaultText()
{
    return QStringLiteral("Describe the image");
}

QByteArray readAt(const QString& file, qint64 offset, qint64 size, QString* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read '%1': %2").arg(file, f.errorString());
        return {};
    }
    if (offset > 0 && !f.seek(offset)) {
        *error = Tr::tr("cannot read '%1': %2").arg(file, f.errorString());
        return {};
    }
    QByteArray data = size >= 0 ? f.read(size) : f.readAll();
    if (size >= 0 && data.size() != size)
        *error = Tr::tr("'%1' is cut short").arg(file);
    return data;
}

// Octal number field of a tar header (NUL/space terminated); -1 when it is not one.
qint64 octal(const char* p, int n)
{
    qint64 v = 0;
    int i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\0'))
        ++i;
    bool any = false;
    for (; i < n && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (v > (std::numeric_limits<qint64>::max() >> 3))
            return -1;
        v = v * 8 + (p[i] - '0');
        any = true;
    }
    return any ? v : -1;
}

// The WebDataset key and field of a member path: "dir/0001.jpg" -> ("dir/0001", "jpg"); the key ends at the first
// dot of the file name.
std::pair<QString, QString> splitKey(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype dot = path.indexOf(u'.', slash + 1);
    if (dot < 0)
        return {path, QString()};
    return {path.left(dot), path.mid(dot + 1).toLower()};
}

bool probeSample(ImagePromptSource::Sample& s)
{
    QString ignored;
    const QByteArray head = readAt(s.file, s.offset < 0 ? 0 : s.offset,
                                   s.offset < 0 ? std::min(kProbeBytes, QFileInfo(s.file).size())
                                                : std::min(kProbeBytes, s.size),
                                   &ignored);
    const auto info = imagecodec::probe(head);
    if (!info)
        return false;
    s.width = info->width;
    s.height = info->height;
    s.mime = info->mime;
    return true;
}

} // namespace

ImagePromptSource::ImagePromptSource(std::shared_ptr<const DatasetOptions> options, QList<Sample> samples)
    : PromptSource(std::move(options))
    , m_samples(std::move(samples))
{
}

bool ImagePromptSource::readTar(const QString& path, QList<Sample>* samples, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read '%1': %2").arg(path, f.errorString());
        return false;
    }
    struct Entry {
        qint64 offset = -1;
        qint64 size = 0;
        QString text;
        bool hasText = false;
    };
    QMap<QString, Entry> byKey; // sorted by key, as the shard's order usually is
    QString longName;
    const qint64 total = f.size();
    qint64 pos = 0;
    while (pos + 512 <= total) {
        f.seek(pos);
        const QByteArray h = f.read(512);
        if (h.size() != 512)
            break;
        if (h.count('\0') == 512)
            break; // end of archive
        const qint64 size = octal(h.constData() + 124, 12);
        if (size < 0 || pos + 512 + size > total) {
            *error = Tr::tr("'%1' is not a readable tar archive (bad header at byte %2)").arg(path).arg(pos);
            return false;
        }
        const char type = h[156];
        const qint64 data = pos + 512;
        QString name = longName;
        longName.clear();
        if (name.isEmpty()) {
            name = QString::fromUtf8(h.constData(), qsizetype(qstrnlen(h.constData(), 100)));
            if (h.mid(257, 5) == "ustar") {
                const QString prefix = QString::fromUtf8(h.constData() + 345, qsizetype(qstrnlen(h.constData() + 345, 155)));
                if (!prefix.isEmpty())
                    name = prefix + u'/' + name;
            }
        }
        if (type == 'L' || type == 'x') {
            const QByteArray meta = f.read(std::min(size, qint64(65536)));
            if (type == 'L') {
                longName = QString::fromUtf8(meta.constData(), qsizetype(qstrnlen(meta.constData(), meta.size())));
            } else {
                for (const QByteArray& record : meta.split('\n')) { // "LEN path=VALUE"
                    const qsizetype eq = record.indexOf(" path=");
                    if (eq >= 0)
                        longName = QString::fromUtf8(record.mid(eq + 6));
                }
            }
        } else if (type == '0' || type == '\0') {
            const auto [key, field] = splitKey(name);
            if (kImageSuffixes.contains(field)) {
                Entry& e = byKey[key];
                e.offset = data;
                e.size = size;
            } else if (kTextSuffixes.contains(field)) {
                Entry& e = byKey[key];
                e.text = QString::fromUtf8(f.read(std::min(size, kMaxTextBytes))).trimmed();
                e.hasText = true;
            }
        }
        pos = data + (size + 511) / 512 * 512;
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it->offset < 0)
            continue;
        samples->append(Sample{path, it->offset, it->size, it->hasText ? it->text : defaultText()});
    }
    return true;
}

bool ImagePromptSource::readFolder(const QString& path, QList<Sample>* samples, QString* error)
{
    const QDir dir(path);
    const QString metadata = dir.filePath(QStringLiteral("metadata.jsonl"));
    if (QFileInfo(metadata).isFile()) {
        QFile f(metadata);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("cannot read '%1': %2").arg(metadata, f.errorString());
            return false;
        }
        qint64 line = 0;
        while (!f.atEnd()) {
            const QByteArray text = f.readLine(kMaxTextBytes * 4).trimmed();
            ++line;
            if (text.isEmpty())
                continue;
            if (jsonutil::tooDeep(text)) {
                *error = Tr::tr("%1:%2: nests too deeply").arg(metadata).arg(line);
                return false;
            }
            const auto j = nlohmann::json::parse(text.cbegin(), text.cend(), nullptr, false);
            QString file;
            QString caption;
            if (j.is_object()) {
                for (const char* key : {"file_name", "image", "file"})
                    if (file.isEmpty())
                        file = jsonutil::toQString(jsonutil::stringOf(j, key));
                for (const char* key : {"instruction", "text", "caption", "txt"})
                    if (caption.isEmpty())
                        caption = jsonutil::toQString(jsonutil::stringOf(j, key));
            }
            if (file.isEmpty() || QDir::isAbsolutePath(file) || file.contains(QStringLiteral(".."))) {
                *error = Tr::tr("%1:%2: needs \"file_name\", an image path inside the folder").arg(metadata).arg(line);
                return false;
            }
            samples->append(Sample{dir.filePath(file), -1, QFileInfo(dir.filePath(file)).size(),
                caption.isEmpty() ? defaultText() : caption.left(int(kMaxTextBytes))});
        }
        return true;
    }
    QStringList filters;
    for (const QString& suffix : kImageSuffixes)
        filters << QStringLiteral("*.") + suffix << QStringLiteral("*.") + suffix.toUpper();
    const QStringList images = dir.entryList(filters, QDir::Files, QDir::Name);
    for (const QString& image : images) {
        const QString stem = splitKey(image).first;
        QString caption;
        for (const QString& suffix : kTextSuffixes) {
            const QString candidate = dir.filePath(stem + u'.' + suffix);
            if (QFileInfo(candidate).isFile()) {
                QString ignored;
                caption = QString::fromUtf8(readAt(candidate, 0, std::min(kMaxTextBytes, QFileInfo(candidate).size()),
                                                   &ignored))
                              .trimmed();
                break;
            }
        }
        samples->append(Sample{dir.filePath(image), -1, QFileInfo(dir.filePath(image)).size(),
            caption.isEmpty() ? defaultText() : caption});
    }
    return true;
}

bool ImagePromptSource::readParquet(const QString& path, const QString& extractDir, QList<Sample>* samples,
    std::shared_ptr<QTemporaryFile>* extracted, QString* error)
{
    ParquetReader reader;
    if (!reader.open(path, error))
        return false;
    const QStringList columns = reader.columns();
    const QString imageColumn = QStringLiteral("image");
    if (!columns.contains(imageColumn)) {
        *error = Tr::tr("'%1' has no \"image\" column (it has: %2)").arg(path, columns.join(QStringLiteral(", ")));
        return false;
    }
    QString textColumn;
    for (const char* name : {"instruction", "text", "caption", "prompt"}) {
        if (textColumn.isEmpty() && columns.contains(QLatin1String(name)))
            textColumn = QLatin1String(name);
    }
    reader.select({imageColumn, textColumn});
    const QString dir = extractDir.isEmpty() ? QDir::tempPath() : extractDir;
    QDir().mkpath(dir);
    auto file = std::make_shared<QTemporaryFile>(QDir(dir).filePath(QStringLiteral("images-XXXXXX.bin")));
    if (!file->open()) {
        *error = Tr::tr("cannot write the images of '%1' into '%2': %3").arg(path, dir, file->errorString());
        return false;
    }
    const std::string image = imageColumn.toStdString();
    const std::string text = textColumn.toStdString();
    QString message;
    while (const std::optional<nlohmann::json> row = reader.next(&message)) {
        const nlohmann::json& value = jsonutil::member(*row, image.c_str());
        const nlohmann::json& bytes = value.is_binary() ? value : jsonutil::member(value, "bytes");
        Sample s{file->fileName(), file->pos(), 0, defaultText()};
        if (bytes.is_binary() && qint64(bytes.get_binary().size()) <= kMaxImageBytes) {
            const auto& b = bytes.get_binary();
            s.size = qint64(b.size());
            if (file->write(reinterpret_cast<const char*>(b.data()), s.size) != s.size) {
                *error = Tr::tr("cannot write the images of '%1' into '%2': %3").arg(path, dir, file->errorString());
                return false;
            }
        }
        if (!text.empty()) {
            const QString caption = jsonutil::toQString(jsonutil::stringOf(*row, text.c_str())).trimmed();
            if (!caption.isEmpty())
                s.text = caption.left(int(kMaxTextBytes));
        }
        samples->append(std::move(s)); // a row without image bytes is skipped with the unreadable ones
    }
    if (!message.isEmpty()) {
        *error = message;
        return false;
    }
    if (!file->flush()) {
        *error = Tr::tr("cannot write the images of '%1' into '%2': %3").arg(path, dir, file->errorString());
        return false;
    }
    file->close(); // the file stays until the source is destroyed
    *extracted = std::move(file);
    return true;
}

std::shared_ptr<const ImagePromptSource> ImagePromptSource::open(const QString& path,
    std::shared_ptr<const DatasetOptions> options, QString* error, const QString& extractDir)
{
    return open(QStringList{path}, std::move(options), error, extractDir);
}

std::shared_ptr<const ImagePromptSource> ImagePromptSource::open(const QStringList& paths,
    std::shared_ptr<const DatasetOptions> options, QString* error, const QString& extractDir)
{
    QList<Sample> samples;
    QList<std::shared_ptr<QTemporaryFile>> extractedFiles;
    const QString path = paths.join(QStringLiteral(", ")); // for messages
    const QFileInfo info(paths.value(0));
    if (paths.isEmpty()) {
        *error = Tr::tr("no dataset file given");
        return nullptr;
    }
    for (const QString& p : paths) {
        const QFileInfo pInfo(p);
        bool parquet = false;
        if (pInfo.isFile()) {
            QFile f(p);
            parquet = f.open(QIODevice::ReadOnly) && ParquetReader::looksLikeParquet(f.read(4));
        }
        if (paths.size() > 1 && !parquet) {
            *error = Tr::tr("'%1' is not a Parquet file; several files are read only as the Parquet shards of a split")
                         .arg(p);
            return nullptr;
        }
        std::shared_ptr<QTemporaryFile> extracted;
        const bool ok = pInfo.isDir() ? readFolder(p, &samples, error)
            : parquet                 ? readParquet(p, extractDir, &samples, &extracted, error)
                                      : readTar(p, &samples, error);
        if (!ok)
            return nullptr;
        if (extracted)
            extractedFiles.append(std::move(extracted));
    }
    QList<Sample> usable;
    qsizetype skipped = 0;
    for (Sample& s : samples) {
        if (s.size > kMaxImageBytes || !probeSample(s)) {
            ++skipped;
            continue;
        }
        usable.append(std::move(s));
    }
    if (skipped > 0)
        qWarning("dataset: skipped %lld of %lld images in %s that are not readable PNG, JPEG, GIF or WebP files "
                 "under 64 MiB",
                 qlonglong(skipped), qlonglong(samples.size()), qPrintable(path));
    if (usable.isEmpty()) {
        *error = info.isDir()
            ? Tr::tr("'%1' holds no readable images (PNG, JPEG, GIF or WebP, with a NAME.txt text or a "
                     "metadata.jsonl)")
                  .arg(path)
            : Tr::tr("'%1' holds no readable images; give a WebDataset .tar shard, a Parquet file or a folder of "
                     "images")
                  .arg(path);
        return nullptr;
    }
    auto source = std::shared_ptr<ImagePromptSource>(new ImagePromptSource(std::move(options), std::move(usable)));
    source->m_extracted = std::move(extractedFiles);
    return source;
}

ConfigError ImagePromptSource::failureAt(qint64) const
{
    const std::lock_guard lock(m_failureLock);
    return m_failure;
}

PromptItem ImagePromptSource::itemAt(qint64 seq) const
{
    const DatasetOptions& o = *m_options;
    const Sample& s = m_samples.at(qsizetype(seq % m_samples.size()));
    QString readError;
    const QByteArray bytes = readAt(s.file, s.offset < 0 ? 0 : s.offset, s.size, &readError);
    if (!readError.isEmpty()) {
        const std::lock_guard lock(m_failureLock);
        if (m_failure.message.isEmpty())
            m_failure = ConfigError{QStringLiteral("--dataset-path"), readError};
    }
    PromptItem item;
    if (o.tokenizer) {
        PromptItem text{s.text};
        item.promptTokens = countTokens(o, text);
        if (item.promptTokens >= 0)
            item.promptTokens += imagecodec::patchTokens(s.width, s.height, o.imagePatchSize);
    }
    nlohmann::ordered_json content = nlohmann::ordered_json::array();
    content.push_back({{"type", "text"}, {"text", s.text.toStdString()}});
    const std::string url = std::string("data:") + s.mime + ";base64," + bytes.toBase64().toStdString();
    content.push_back({{"type", "image_url"}, {"image_url", {{"url", url}}}});
    item.kind = PromptItem::Kind::Messages;
    item.messages = QByteArray::fromStdString(
        nlohmann::ordered_json::array({{{"role", "user"}, {"content", std::move(content)}}}).dump());
    return item;
}

} // namespace tl
