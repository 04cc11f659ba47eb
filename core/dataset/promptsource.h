#pragma once

#include "api/apiplugin.h"
#include "config/configerror.h"
#include "dataset/datasetoptions.h"

#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tl {

struct RunConfig;

// The prompts of a run, by request index. Sources yield items lazily (a file source holds a bounded window of
// parsed items, never the whole file) and cycle when the dataset is shorter than the run, as EvalScope re-uses
// its items. Thread-safe: every worker thread calls at() with the indices it claims (roughly increasing).
class PromptSource : public std::enable_shared_from_this<PromptSource> {
public:
    // Progress of a hub download: bytes received and the total (-1 while unknown).
    using Progress = std::function<void(qint64 received, qint64 total)>;

    virtual ~PromptSource();
    PromptSource(const PromptSource&) = delete;
    PromptSource& operator=(const PromptSource&) = delete;

    // A hub dataset's file to fetch before load() can read it.
    struct Download {
        QUrl url;
        QString target; // its place in the cache
        // A split dataset (kontext_bench, swe_smith) whose files the hub's listing names: `url` is the listing's
        // first request and `target` the dataset's cache folder; load() resolves and downloads them
        // (HubResolver::resolve(), then DatasetDownloader per file).
        bool listing = false;
    };
    // The file load() would download first (blocking) for `config`: a hub dataset not in the cache yet; nullopt
    // when load() downloads nothing. A GUI fetches it with DatasetDownloader::start() (progress, cancel) first,
    // or, for a `listing`, lets load() resolve it.
    static std::optional<Download> pendingDownload(const RunConfig& config);

    // The source config selects: --prompt, or --dataset (downloading hub datasets into the cache when needed).
    // nullptr + *error naming the flag, and for files the file and line, when none can be loaded.
    static std::shared_ptr<const PromptSource> load(const RunConfig& config, ConfigError* error,
                                                    const Progress& progress = {});

    // The item for request `seq` of a run point (0-based, warmup requests first), with the run's per-request
    // settings applied (a --max-tokens range, --tokenize-prompt).
    PromptItem at(qint64 seq) const { return prepare(itemAt(seq), seq); }
    // `item` with the run's per-request settings applied; `seq` draws the --max-tokens range.
    PromptItem prepare(PromptItem item, qint64 seq = 0) const;

    // Why request `seq` must not be sent, once at() has been asked for it: a malformed record (or a file that
    // cannot be read further) met during the run, past the records load() validated, fails that request and every
    // later one; the message names the file, the line and the fix. Empty when nothing failed. Thread-safe.
    virtual ConfigError failureAt(qint64 seq) const;

    // The source for a sweep point whose --dataset-offset is `datasetOffset` (EvalScope advances it by each
    // point's --number so random prompts never repeat). Sources that do not use the offset return themselves.
    virtual std::shared_ptr<const PromptSource> withDatasetOffset(qint64 datasetOffset) const;

    // A dataset that brings its own arrival times (workload_trace): request i's offset in ns from the first
    // request's send time; nullptr when the run's --rate/--parallel schedule the requests.
    virtual const std::vector<qint64>* arrivalSchedule() const { return nullptr; }

    const DatasetOptions& options() const { return *m_options; }

    // The file a dataset reads: --dataset-path (a file, or a folder holding the hub file), else the cached hub copy,
    // downloaded first when missing. Empty + *error naming the flag when there is none.
    static QString datasetFile(const RunConfig& config, const Progress& progress, ConfigError* error);
    // All the files: a split dataset that reads every shard (kontext_bench) has several.
    static QStringList datasetFiles(const RunConfig& config, const Progress& progress, ConfigError* error);

    // The built-in set: short open questions, like EvalScope's default openqa prompts.
    static QStringList builtinPrompts();

protected:
    explicit PromptSource(std::shared_ptr<const DatasetOptions> options);
    // The client tokenizer's count of `item`'s prompt as prepare() counts it; -1 when it cannot be counted.
    static qint64 countTokens(const DatasetOptions& options, const PromptItem& item);
    virtual PromptItem itemAt(qint64 seq) const = 0;

    std::shared_ptr<const DatasetOptions> m_options;
};

} // namespace tl
