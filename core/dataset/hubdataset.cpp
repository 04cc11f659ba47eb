#include "dataset/hubdataset.h"

#include <QDir>
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
    // Parquet files (core/dataset/parquetreader). kontext_bench's test split is one file; swe_smith's `tool` split is
    // eight shards of about 3,000 trajectories each, of which the first is downloaded.
    if (dataset == u"kontext_bench") {
        return HubDataset{QStringLiteral("black-forest-labs/kontext-bench"),
            QStringLiteral("black-forest-labs/kontext-bench"), QStringLiteral("data/test-00000-of-00001.parquet")};
    }
    if (dataset == u"swe_smith") {
        return HubDataset{QStringLiteral("SWE-bench/SWE-smith-trajectories"),
            QStringLiteral("SWE-bench/SWE-smith-trajectories"), QStringLiteral("data/tool-00000-of-00008.parquet")};
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

QUrl HubDataset::url(const QString& hub) const
{
    auto endpoint = [](const char* var, const QString& fallback) {
        QString e = qEnvironmentVariable(var);
        while (e.endsWith(u'/'))
            e.chop(1);
        return e.isEmpty() ? fallback : e;
    };
    if (hub == u"huggingface") {
        if (huggingfaceId.isEmpty())
            return {};
        return QUrl(endpoint("HF_ENDPOINT", QStringLiteral("https://huggingface.co")) + QStringLiteral("/datasets/")
                    + huggingfaceId + QStringLiteral("/resolve/main/") + file);
    }
    QString base = endpoint("THROUGHLINE_MODELSCOPE_ENDPOINT", QString());
    if (base.isEmpty()) {
        const QString domain = endpoint("MODELSCOPE_DOMAIN", QStringLiteral("www.modelscope.cn"));
        base = domain.contains(u"://") ? domain : QStringLiteral("https://") + domain;
    }
    QUrl u(base + QStringLiteral("/api/v1/datasets/") + modelscopeId + QStringLiteral("/repo"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("Revision"), QStringLiteral("master"));
    query.addQueryItem(QStringLiteral("FilePath"), file);
    u.setQuery(query);
    return u;
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

QString HubDataset::cachePath(const QString& root, const QString& hub) const
{
    const QString id = hub == u"huggingface" ? huggingfaceId : modelscopeId;
    return root + u'/' + hub + u'/' + id + u'/' + file;
}

} // namespace tl
