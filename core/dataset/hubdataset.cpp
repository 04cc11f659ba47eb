#include "dataset/hubdataset.h"

#include "dataset/hublisting.h"
#include "util/tr.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QUrlQuery>

namespace tl {

std::optional<HubDataset> HubDataset::forDataset(const QString& dataset)
{
    if (dataset == u"openqa") {
        return HubDataset{QStringLiteral("AI-ModelScope/HC3-Chinese"), QStringLiteral("Hello-SimpleAI/HC3-Chinese"),
            QStringLiteral("open_qa.jsonl")};
    }
    if (dataset == u"longalpaca") {
        return HubDataset{QStringLiteral("AI-ModelScope/LongAlpaca-12k"), QStringLiteral("Yukang/LongAlpaca-12k"),
            QStringLiteral("LongAlpaca-12k.json")};
    }
    if (dataset == u"flickr8k") { // a WebDataset shard: NAME.jpg + NAME.txt members
        return HubDataset{QStringLiteral("clip-benchmark/wds_flickr8k"), QStringLiteral("clip-benchmark/wds_flickr8k"),
            QStringLiteral("test/0.tar")};
    }
    // Parquet files (core/dataset/parquetreader), named by the hub's listing (hublisting::splitFiles). EvalScope
    // reads kontext_bench's whole test split; swe_smith's `tool` split is eight shards of about 3,000 trajectories
    // each, of which the first is read (docs/DATASETS.md).
    if (dataset == u"kontext_bench") {
        HubDataset hub{QStringLiteral("black-forest-labs/kontext-bench"),
            QStringLiteral("black-forest-labs/kontext-bench"), QString(), QStringLiteral("test")};
        hub.allShards = true;
        return hub;
    }
    if (dataset == u"swe_smith") {
        return HubDataset{QStringLiteral("SWE-bench/SWE-smith-trajectories"),
            QStringLiteral("SWE-bench/SWE-smith-trajectories"), QString(), QStringLiteral("tool")};
    }
    if (dataset == u"share_gpt_zh" || dataset == u"share_gpt_zh_multi_turn")
        return HubDataset{QStringLiteral("swift/sharegpt"), QString(), QStringLiteral("common_zh_70k.jsonl")};
    if (dataset == u"share_gpt_en" || dataset == u"share_gpt_en_multi_turn")
        return HubDataset{QStringLiteral("swift/sharegpt"), QString(), QStringLiteral("common_en_70k.jsonl")};
    // EvalScope's copy of applied-compute/trie's traces, on ModelScope only.
    if (dataset == u"trie_agentic_coding")
        return HubDataset{QStringLiteral("evalscope/trie-workloads"), QString(), QStringLiteral("agentic_coding_8k.jsonl")};
    if (dataset == u"trie_code_qa")
        return HubDataset{QStringLiteral("evalscope/trie-workloads"), QString(), QStringLiteral("code_qa_8k.jsonl")};
    if (dataset == u"trie_office_work")
        return HubDataset{QStringLiteral("evalscope/trie-workloads"), QString(), QStringLiteral("office_work_8k.jsonl")};
    return std::nullopt;
}

namespace {

QString endpointOf(const char* var, const QString& fallback)
{
    QString e = qEnvironmentVariable(var);
    while (e.endsWith(u'/'))
        e.chop(1);
    return e.isEmpty() ? fallback : e;
}

QString huggingFaceEndpoint()
{
    return endpointOf("HF_ENDPOINT", QStringLiteral("https://huggingface.co"));
}

QString modelScopeEndpoint()
{
    QString base = endpointOf("THROUGHLINE_MODELSCOPE_ENDPOINT", QString());
    if (base.isEmpty()) {
        const QString domain = endpointOf("MODELSCOPE_DOMAIN", QStringLiteral("www.modelscope.cn"));
        base = domain.contains(u"://") ? domain : QStringLiteral("https://") + domain;
    }
    return base;
}

} // namespace

bool HubDataset::isOn(const QString& hub) const
{
    return hub == u"huggingface" ? !huggingfaceId.isEmpty() : !modelscopeId.isEmpty();
}

QUrl HubDataset::fileUrl(const QString& hub, const QString& path) const
{
    if (!isOn(hub))
        return {};
    if (hub == u"huggingface")
        return QUrl(huggingFaceEndpoint() + QStringLiteral("/datasets/") + huggingfaceId
            + QStringLiteral("/resolve/main/") + path);
    QUrl u(modelScopeEndpoint() + QStringLiteral("/api/v1/datasets/") + modelscopeId + QStringLiteral("/repo"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("Revision"), QStringLiteral("master"));
    query.addQueryItem(QStringLiteral("FilePath"), path);
    u.setQuery(query);
    return u;
}

QUrl HubDataset::url(const QString& hub) const
{
    return split.isEmpty() ? fileUrl(hub, file) : listingUrl(hub);
}

QUrl HubDataset::listingUrl(const QString& hub) const
{
    if (!isOn(hub))
        return {};
    if (hub == u"huggingface") {
        QUrl u(huggingFaceEndpoint() + QStringLiteral("/api/datasets/") + huggingfaceId + QStringLiteral("/tree/main"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("recursive"), QStringLiteral("true"));
        query.addQueryItem(QStringLiteral("expand"), QStringLiteral("false"));
        u.setQuery(query);
        return u;
    }
    return QUrl(modelScopeEndpoint() + QStringLiteral("/api/v1/datasets/") + modelscopeId);
}

QUrl HubDataset::modelScopeTreeUrl(const QString& datasetId, int page, int pageSize) const
{
    QUrl u(modelScopeEndpoint() + QStringLiteral("/api/v1/datasets/") + datasetId + QStringLiteral("/repo/tree"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("Revision"), QStringLiteral("master"));
    query.addQueryItem(QStringLiteral("Root"), QStringLiteral("/"));
    query.addQueryItem(QStringLiteral("Recursive"), QStringLiteral("True"));
    query.addQueryItem(QStringLiteral("PageNumber"), QString::number(page));
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(pageSize));
    u.setQuery(query);
    return u;
}

QStringList HubDataset::localFiles(const QString& dir) const
{
    constexpr int kMaxLocalEntries = 20000;
    const QDir root(dir);
    QStringList paths;
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    for (int n = 0; it.hasNext() && n < kMaxLocalEntries; ++n) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative.endsWith(QLatin1String(".part")) || relative.count(u'/') >= hublisting::kMaxPathDepth)
            continue;
        paths.append(relative);
    }
    if (split.isEmpty()) {
        const QString name = QFileInfo(file).fileName(); // the hub's file may sit in a subfolder
        if (paths.contains(file))
            return {file};
        for (const QString& p : std::as_const(paths)) {
            if (QFileInfo(p).fileName() == name)
                return {p};
        }
        return {};
    }
    QStringList chosen = hublisting::splitFiles(paths, split);
    if (chosen.isEmpty())
        return {};
    if (!allShards)
        return {chosen.first()};
    const int count = hublisting::shardCount(chosen.first());
    if (count > 0 && chosen.size() < count)
        return {}; // a shard is missing: not complete
    return chosen;
}

QString HubDataset::describe() const
{
    if (split.isEmpty())
        return file;
    return allShards ? Tr::tr("the Parquet files of the %1 split").arg(split)
                     : Tr::tr("the first Parquet file of the %1 split").arg(split);
}

QString HubDataset::cacheRoot(const QString& configured)
{
    if (!configured.isEmpty())
        return configured;
    const QString env = qEnvironmentVariable("THROUGHLINE_DATASET_CACHE");
    if (!env.isEmpty())
        return env;
    return QDir::homePath() + QStringLiteral("/.cache/throughline/datasets");
}

QString HubDataset::cacheDir(const QString& root, const QString& hub) const
{
    const QString id = hub == u"huggingface" ? huggingfaceId : modelscopeId;
    return root + u'/' + hub + u'/' + id;
}

QString HubDataset::cachePath(const QString& root, const QString& hub) const
{
    return cacheDir(root, hub) + u'/' + file;
}

} // namespace tl
