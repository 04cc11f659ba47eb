#include "config/parameterdef.h"

namespace tl::registrydef {

void addDatasetParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    using W = WidgetKind;
    // --- Dataset ---
    r << Def("prompt", {"--prompt"}, G::Dataset)
             .field(&RunConfig::prompt)
             .nullWhenEmpty()
             .metavar("TEXT")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Fixed prompt for every request (takes priority over --dataset); '@FILE' reads a file."))
             .example({QStringLiteral("Say hello")})
             .bad({QStringLiteral("@/nonexistent/prompt.txt")})
             .check([](const RunConfig& c) {
                 return c.prompt.startsWith(u'@') && !QFileInfo(c.prompt.mid(1)).isFile()
                     ? Tr::tr("'%1' does not exist; '@FILE' reads the prompt from FILE").arg(c.prompt.mid(1))
                     : QString();
             });
    r << Def("dataset", {"--dataset"}, G::Dataset)
             .field(&RunConfig::dataset)
             .metavar("NAME")
             .choices(kDatasets)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Prompt source (docs/DATASETS.md): builtin (default: 40 short questions), openqa, longalpaca, "
                 "share_gpt_zh, share_gpt_en (downloaded from the hub, or --dataset-path), line_by_line, custom, "
                 "embedding, embedding_batch, rerank (a local file), random, random_embedding, "
                 "random_embedding_batch, random_rerank, random_vl (need --tokenizer-path), flickr8k, "
                 "kontext_bench (image and text), speed_benchmark, speed_benchmark_long; with --multi-turn: "
                 "random_multi_turn, share_gpt_zh_multi_turn, share_gpt_en_multi_turn, custom_multi_turn, swe_smith, "
                 "trie_agentic_coding, trie_code_qa, trie_office_work; with --open-loop: "
                 "workload_trace (a JSONL production trace, replayed on its timeline)."))
             .example({QStringLiteral("speed_benchmark")});
    r << Def("dataset_path", {"--dataset-path"}, G::Dataset)
             .field(&RunConfig::datasetPath)
             .nullWhenEmpty()
             .metavar("PATH")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Local dataset file, or the folder holding the dataset's files (offline use; implies "
                 "--data-source local)."))
             .bad({QStringLiteral("/nonexistent/data.jsonl")})
             .check([](const RunConfig& c) {
                 return !c.datasetPath.isEmpty() && !QFileInfo::exists(c.datasetPath)
                     ? Tr::tr("'%1' does not exist; give a dataset file or the folder holding it").arg(c.datasetPath)
                     : QString();
             });
    r << Def("data_source", {"--data-source"}, G::Dataset)
             .field(&RunConfig::dataSource)
             .nullWhenEmpty()
             .metavar("HUB")
             .choices({QStringLiteral("modelscope"), QStringLiteral("huggingface"), QStringLiteral("local")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Where hub datasets come from: modelscope (default), huggingface, or local (--dataset-path only)."))
             .example({QStringLiteral("huggingface")});
    r << jsonText(Def("dataset_args", {"--dataset-args"}, G::Dataset)
                      .metavar("JSON")
                      .help(QT_TRANSLATE_NOOP("Throughline",
                          "Length control for openqa, longalpaca, line_by_line, share_gpt_*: "
                          "{\"target_input_len\": N, \"input_len_mode\": \"cap\"|\"drop\", \"prefix_file\": FILE, "
                          "\"prefix_role\": \"system\"|\"user\"}. workload_trace: {\"speed\": S, \"model_override\": NAME, "
                          "\"model_mapping\": {FROM: TO}, \"match_output_length\": true}."))
                      .bad({QStringLiteral("[1]")})
                      .example({QStringLiteral("{\"input_len_mode\":\"drop\"}")}),
        &RunConfig::datasetArgs, false);
    r << Def("dataset_cache", {"--dataset-cache"}, G::Dataset)
             .field(&RunConfig::datasetCache)
             .nullWhenEmpty()
             .metavar("DIR")
             .widget(W::FolderPicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Hub download cache (default $THROUGHLINE_DATASET_CACHE or ~/.cache/throughline/datasets)."))
             .example({QStringLiteral("/tmp/datasets")});
    r << Def("tokenizer_path", {"--tokenizer-path"}, G::Dataset)
             .field(&RunConfig::tokenizerPath)
             .nullWhenEmpty()
             .metavar("PATH")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Hugging Face model folder or tokenizer.json: counts prompt lengths in tokens and feeds random "
                 "datasets."))
             .bad({QStringLiteral("/nonexistent/tokenizer.json")})
             .check([](const RunConfig& c) {
                 return !c.tokenizerPath.isEmpty() && !QFileInfo::exists(c.tokenizerPath)
                     ? Tr::tr("'%1' does not exist; give a model folder or its tokenizer.json").arg(c.tokenizerPath)
                     : QString();
             });
    r << Def("prefix_length", {"--prefix-length"}, G::Dataset)
             .field(&RunConfig::prefixLength)
             .metavar("N")
             .unit("tokens")
             .min(0)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "random: a shared random prefix of N tokens on every prompt (prefix-cache testing)."))
             .example({QStringLiteral("16")});
    r << Def("min_prompt_length", {"--min-prompt-length"}, G::Dataset)
             .field(&RunConfig::minPromptLength)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Drop prompts shorter than N (tokens with --tokenizer-path, else characters); random: the lower "
                 "bound."))
             .example({QStringLiteral("10")});
    r << Def("max_prompt_length", {"--max-prompt-length"}, G::Dataset)
             .field(&RunConfig::maxPromptLength)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Drop prompts longer than N (default 131072); random: the upper bound of the sampled length."))
             .example({QStringLiteral("4096")});
    r << Def("tokenize_prompt", {"--tokenize-prompt"}, G::Dataset)
             .field(&RunConfig::tokenizePrompt)
             .help(QT_TRANSLATE_NOOP(
                 "Throughline", "Send prompts as token ids to /v1/completions (needs --tokenizer-path)."));
    r << Def("dataset_offset", {"--dataset-offset"}, G::Dataset)
             .field(&RunConfig::datasetOffset)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "random: token-window offset; advanced by each point's --number so prompts never repeat."))
             .example({QStringLiteral("100")});
    r << Def("query_template", {"--query-template"}, G::Dataset)
             .field(&RunConfig::queryTemplate)
             .nullWhenEmpty()
             .metavar("JSON")
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Request body template, inline or '@FILE.json': the dataset's prompt replaces its "
                 "messages/prompt, then the run's parameters overwrite its keys."))
             .example({QStringLiteral("{\"top_p\":0.9}")})
             .bad({QStringLiteral("[1]")})
             .check([](const RunConfig& c) {
                 if (c.queryTemplate.isEmpty() || !c.queryTemplateJson().isEmpty())
                     return QString();
                 if (c.queryTemplate.startsWith(u'@') && !QFileInfo(c.queryTemplate.mid(1)).isFile())
                     return Tr::tr("cannot read '%1'").arg(c.queryTemplate.mid(1));
                 return Tr::tr("must be a JSON object (inline or @FILE.json), e.g. '{\"messages\": [], \"top_p\": "
                               "0.9}'");
             });
    r << Def("image_width", {"--image-width"}, G::Dataset)
             .field(&RunConfig::imageWidth)
             .metavar("PX")
             .unit("px")
             .min(1)
             .max(kMaxImageSide)
             .help(QT_TRANSLATE_NOOP("Throughline", "random_vl: width of the generated images."))
             .example({QStringLiteral("448")});
    r << Def("image_height", {"--image-height"}, G::Dataset)
             .field(&RunConfig::imageHeight)
             .metavar("PX")
             .unit("px")
             .min(1)
             .max(kMaxImageSide)
             .help(QT_TRANSLATE_NOOP("Throughline", "random_vl: height of the generated images."))
             .example({QStringLiteral("448")});
    r << Def("image_format", {"--image-format"}, G::Dataset)
             .field(&RunConfig::imageFormat)
             .metavar("MODE")
             .choices({QStringLiteral("RGB"), QStringLiteral("RGBA"), QStringLiteral("L"), QStringLiteral("LA"),
                 QStringLiteral("1")})
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "random_vl: colour mode of the generated images (PIL's mode, as EvalScope's); always encoded as PNG."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "EvalScope passes this to PIL's Image.new as the colour mode and always writes PNG; Throughline writes "
                 "the same modes (1 as 8-bit black and white)."))
             .example({QStringLiteral("RGBA")});
    r << Def("image_num", {"--image-num"}, G::Dataset)
             .field(&RunConfig::imageNum)
             .metavar("N")
             .min(1)
             .max(64)
             .help(QT_TRANSLATE_NOOP("Throughline", "random_vl: images per request."))
             .example({QStringLiteral("2")});
    r << Def("image_patch_size", {"--image-patch-size"}, G::Dataset)
             .field(&RunConfig::imagePatchSize)
             .metavar("PX")
             .unit("px")
             .min(1)
             .max(kMaxImageSide)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Image datasets: an image counts ceil(w/PX)*ceil(h/PX) input tokens when the server sends no usage."))
             .example({QStringLiteral("14")});
}

} // namespace tl::registrydef
