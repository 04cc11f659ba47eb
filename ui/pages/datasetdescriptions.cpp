#include "pages/datasetdescriptions.h"

namespace tl {

QString DatasetDescriptions::describe(const QString& dataset)
{
    const QString d = dataset.isEmpty() ? QStringLiteral("builtin") : dataset;
    if (d == u"builtin")
        return tr("40 short questions shipped with Throughline; nothing to download.");
    if (d == u"openqa")
        return tr("HC3-Chinese open_qa questions, from the hub or --dataset-path.");
    if (d == u"longalpaca")
        return tr("LongAlpaca-12k instructions (long prompts), from the hub or a local JSON/JSONL file.");
    if (d == u"share_gpt_zh" || d == u"share_gpt_en")
        return tr("ShareGPT conversations, each sent as one request ending with its last user turn.");
    if (d == u"line_by_line")
        return tr("A text file: each line a prompt, a JSON array of messages, or a whole request body.");
    if (d == u"custom")
        return tr("A text file (--dataset-path): each non-blank line is a prompt.");
    if (d == u"speed_benchmark" || d == u"speed_benchmark_long")
        return tr("Synthetic prompts of fixed lengths (up to 30k tokens; long: 129k) on /v1/completions.");
    if (d == u"random")
        return tr("Random tokens of exact lengths (--min/--max-prompt-length); needs --tokenizer-path.");
    if (d == u"embedding" || d == u"embed" || d == u"embedding_batch")
        return tr("Texts for an embedding endpoint from --dataset-path (.txt, .jsonl or .json), one or a batch "
                  "per request.");
    if (d == u"random_embedding" || d == u"random_embedding_batch")
        return tr("Random texts for an embedding endpoint; needs a tokenizer.");
    if (d == u"rerank")
        return tr("Query and documents records for a rerank endpoint, from --dataset-path.");
    if (d == u"random_rerank")
        return tr("A random query and documents for a rerank endpoint; needs a tokenizer.");
    if (d == u"random_vl")
        return tr("Random text plus generated PNG images (--image-*) in one chat message; needs a tokenizer.");
    if (d == u"flickr8k")
        return tr("Flickr8k photos with their captions, from the hub's WebDataset shard or a local folder.");
    if (d == u"kontext_bench")
        return tr("Kontext-Bench images with their editing instructions, from the hub's Parquet files (its test "
                  "split) or a local Parquet file or folder.");
    if (d == u"random_multi_turn")
        return tr("--multi-turn: conversations of random-token turns (--min/--max-turns); needs a tokenizer.");
    if (d == u"share_gpt_zh_multi_turn" || d == u"share_gpt_en_multi_turn")
        return tr("--multi-turn: ShareGPT conversations, one turn per human message, the model's replies as history.");
    if (d == u"custom_multi_turn")
        return tr("--multi-turn: a JSONL file (--dataset-path), each line a JSON array of messages, split into turns "
                  "at assistant messages.");
    if (d == u"swe_smith")
        return tr("--multi-turn: SWE-smith agentic sessions, from a pre-built JSON or built from trajectories (the "
                  "hub's Parquet file, or a local Parquet or JSONL file; the live build needs a tokenizer).");
    if (d.startsWith(u"trie_"))
        return tr("--multi-turn: agentic sessions replayed by their lengths (synthetic turns, tool-call latencies, "
                  "per-turn max_tokens), from the hub or --dataset-path; needs a tokenizer.");
    if (d == u"workload_trace")
        return tr("--open-loop: a production trace (JSONL of body, timestamp, headers) replayed on its own timeline "
                  "(--dataset-path).");
    return {};
}

} // namespace tl
