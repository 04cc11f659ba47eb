#pragma once

#include <QString>
#include <QStringList>

namespace tl {

struct HubDataset;

// Names the files of a split hub dataset (kontext_bench, swe_smith) from the hub's own listing of the repository
// instead of guessing them: Hugging Face's tree API (every page its Link header names), or ModelScope's dataset
// information (for its id) and then its tree API, page by page; the shapes and the choice of the split's Parquet
// files are in core/dataset/hublisting.h. Blocking: runs a local event loop, like DatasetDownloader::download().
// Bounded: 8 MiB a page, 100 pages, 10,000 entries, 30 s without data per request; 3 tries on a network error,
// an HTTP 5xx or 429.
class HubResolver {
public:
    // The paths in the repository to download for `hub` on `source` ("modelscope" or "huggingface"): the split's
    // Parquet files, sorted, the first only unless hub.allShards. Empty + *error, one line naming `dataset`, the hub
    // and what is wrong (the request that failed, or what the listing lacks), when there is none.
    static QStringList resolve(const HubDataset& hub, const QString& source, const QString& dataset, QString* error);
};

} // namespace tl
