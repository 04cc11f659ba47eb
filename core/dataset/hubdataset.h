#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tl {

// Where EvalScope's hub datasets live: the repository on ModelScope and Hugging Face and what is read from it (a
// fixed file, or a split's Parquet files chosen from the hub's own listing), the URLs on each hub, and the place in
// the local cache.
struct HubDataset {
    QString modelscopeId; // e.g. AI-ModelScope/HC3-Chinese
    QString huggingfaceId; // empty when the dataset is only on ModelScope
    QString file; // a fixed file, e.g. open_qa.jsonl; empty for a split dataset
    QString split; // non-empty: the split's Parquet files, named by the hub's listing (hublisting::splitFiles)
    bool allShards = false; // a split dataset reads every file of the split; else the first in sorted order

    // The hub entry of `dataset` (openqa, longalpaca, share_gpt_*, flickr8k, kontext_bench, swe_smith, trie_*);
    // nullopt for other datasets.
    static std::optional<HubDataset> forDataset(const QString& dataset);

    // Whether the dataset is on `hub` ("modelscope" or "huggingface").
    bool isOn(const QString& hub) const;
    // The file `path` (relative to the repository) on `hub`; an empty URL when the dataset is not on that hub.
    // ModelScope: <endpoint>/api/v1/datasets/<id>/repo?Revision=master&FilePath=<path>, endpoint from
    // $THROUGHLINE_MODELSCOPE_ENDPOINT, else https://$MODELSCOPE_DOMAIN, else https://www.modelscope.cn.
    // Hugging Face: <endpoint>/datasets/<id>/resolve/main/<path>, endpoint from $HF_ENDPOINT or https://huggingface.co.
    QUrl fileUrl(const QString& hub, const QString& path) const;
    // The fixed file's URL (fileUrl(hub, file)); for a split dataset the first request of its listing (listingUrl).
    QUrl url(const QString& hub) const;
    // The first request of the repository's listing: Hugging Face's tree,
    // <endpoint>/api/datasets/<id>/tree/main?recursive=true&expand=false (later pages follow its Link header);
    // ModelScope's dataset information <endpoint>/api/v1/datasets/<id>, whose Data.Id the tree takes
    // (modelScopeTreeUrl). Shapes: core/dataset/hublisting.h.
    QUrl listingUrl(const QString& hub) const;
    // Page `page` (1-based) of ModelScope's tree of the dataset whose numeric id is `datasetId`:
    // <endpoint>/api/v1/datasets/<datasetId>/repo/tree?Revision=master&Root=/&Recursive=True&PageNumber=<page>
    // &PageSize=<pageSize>, as modelscope's HubApi.get_dataset_files asks it.
    QUrl modelScopeTreeUrl(const QString& datasetId, int page, int pageSize) const;

    // The files of the dataset in the folder `dir` (a cache folder, or a --dataset-path folder), as paths relative
    // to it: the fixed file (at any depth), or the split's Parquet files chosen as from a listing (the first, or all
    // when allShards; all only when every shard its name counts, -NNNNN-of-NNNNN, is there). Empty when missing.
    // Reads at most 20,000 entries, 16 levels deep; skips .part files.
    QStringList localFiles(const QString& dir) const;
    // What the dataset reads, for messages: "open_qa.jsonl", "the first Parquet file of the tool split".
    QString describe() const;

    // The cache root: `configured`, else $THROUGHLINE_DATASET_CACHE, else ~/.cache/throughline/datasets.
    static QString cacheRoot(const QString& configured);
    // <root>/<hub>/<repository id>: where the dataset's files are cached, under their paths in the repository.
    QString cacheDir(const QString& root, const QString& hub) const;
    // <root>/<hub>/<repository id>/<file> (the fixed file).
    QString cachePath(const QString& root, const QString& hub) const;
};

} // namespace tl
