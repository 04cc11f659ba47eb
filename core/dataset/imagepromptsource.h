#pragma once

#include "dataset/promptsource.h"

#include <QList>

#include <memory>
#include <mutex>

class QTemporaryFile;

namespace tl {

// flickr8k and kontext_bench (§4.3): one image and one text per request, sent as a user message with a text part
// and an image_url part (a base64 data URL of the image's own bytes and type). Samples are read from
// - a WebDataset shard (.tar, the hub's clip-benchmark/wds_flickr8k layout): members NAME.jpg/.png/.webp + NAME.txt
//   (kontext: NAME.txt or NAME.instruction.txt is the instruction);
// - a folder: images with a NAME.txt beside them, or a metadata.jsonl (Hugging Face's imagefolder layout) whose
//   lines name the image ("file_name" or "image") and the text ("text", "caption", "txt", "instruction");
// - a Parquet file (the hub's kontext_bench, Hugging Face's image datasets): an "image" column of {bytes, path}
//   structs (or plain bytes) and a text column ("instruction", "text", "caption" or "prompt"), read row group by row
//   group; the images are written once into one temporary file under `extractDir` (removed with the source).
// Load indexes the samples (names, offsets, texts); image bytes are read per request, so memory stays flat.
// Texts default to "Describe the image" (kontext_bench's default instruction) when a sample has none. An image
// counts ceil(w/p)*ceil(h/p) input tokens (--image-patch-size) on top of the text's, for servers without usage.
class ImagePromptSource final : public PromptSource {
public:
    struct Sample {
        QString file; // the image file, or the shard holding it
        qint64 offset = -1; // in a shard: the member's data offset; -1 for a plain file
        qint64 size = 0;
        QString text;
        int width = 0; // from the image's header, read at open
        int height = 0;
        const char* mime = "";
    };

    // nullptr + *error (naming the file and the fix) when nothing usable is found.
    // `extractDir`: where a Parquet file's images are written (default: the system's temporary folder).
    static std::shared_ptr<const ImagePromptSource> open(const QString& path,
        std::shared_ptr<const DatasetOptions> options, QString* error, const QString& extractDir = QString());
    // Several files read as one dataset, in order: the Parquet shards of a split (kontext_bench's hub copy), or
    // one path as open() takes it.
    static std::shared_ptr<const ImagePromptSource> open(const QStringList& paths,
        std::shared_ptr<const DatasetOptions> options, QString* error, const QString& extractDir = QString());

    qsizetype size() const { return m_samples.size(); }
    ConfigError failureAt(qint64 seq) const override;

protected:
    PromptItem itemAt(qint64 seq) const override;

private:
    ImagePromptSource(std::shared_ptr<const DatasetOptions> options, QList<Sample> samples);
    static bool readTar(const QString& path, QList<Sample>* samples, QString* error);
    static bool readFolder(const QString& path, QList<Sample>* samples, QString* error);
    static bool readParquet(const QString& path, const QString& extractDir, QList<Sample>* samples,
        std::shared_ptr<QTemporaryFile>* extracted, QString* error);

    QList<Sample> m_samples;
    QList<std::shared_ptr<QTemporaryFile>> m_extracted; // the Parquet files' images, one file per Parquet file
    mutable std::mutex m_failureLock;
    mutable ConfigError m_failure;
};

} // namespace tl
