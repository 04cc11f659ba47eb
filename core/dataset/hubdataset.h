#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace tl {

// Where EvalScope's hub datasets live: the repository on ModelScope and Hugging Face and the file read from it,
// the file's download URL on each hub, and its place in the local cache.
struct HubDataset {
    QString modelscopeId; // e.g. AI-ModelScope/HC3-Chinese
    QString huggingfaceId; // empty when the dataset is only on ModelScope
    QString file; // e.g. open_qa.jsonl

    // The hub entry of `dataset` (openqa, longalpaca, share_gpt_*, flickr8k, kontext_bench, swe_smith, trie_*);
    // nullopt for other datasets.
    static std::optional<HubDataset> forDataset(const QString& dataset);

    // The file's URL on `hub` ("modelscope" or "huggingface"); an empty URL when the dataset is not on that hub.
    // ModelScope: <endpoint>/api/v1/datasets/<id>/repo?Revision=master&FilePath=<file>, endpoint from
    // $THROUGHLINE_MODELSCOPE_ENDPOINT, else https://$MODELSCOPE_DOMAIN, else https://www.modelscope.cn.
    // Hugging Face: <endpoint>/datasets/<id>/resolve/main/<file>, endpoint from $HF_ENDPOINT or
    // https://huggingface.co.
    QUrl url(const QString& hub) const;

    // The cache root: `configured`, else $THROUGHLINE_DATASET_CACHE, else ~/.cache/throughline/datasets.
    static QString cacheRoot(const QString& configured);
    // <root>/<hub>/<repository id>/<file>.
    QString cachePath(const QString& root, const QString& hub) const;
};

} // namespace tl
