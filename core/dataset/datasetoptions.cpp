#include "dataset/datasetoptions.h"

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QRandomGenerator>

namespace tl {

std::optional<DatasetOptions> DatasetOptions::fromConfig(const RunConfig& config, ConfigError* error)
{
    DatasetOptions o;
    if (!config.tokenizerPath.isEmpty()) {
        QString loadError;
        o.tokenizer = Tokenizer::load(config.tokenizerPath, &loadError);
        if (!o.tokenizer) {
            *error = ConfigError{QStringLiteral("--tokenizer-path"), loadError};
            return std::nullopt;
        }
    }
    o.chat = config.effectiveApplyChatTemplate();
    o.tokenizePrompt = config.tokenizePrompt;
    o.minPromptLength = config.minPromptLength;
    o.maxPromptLength = config.maxPromptLength;
    o.prefixLength = config.prefixLength;
    o.datasetOffset = config.datasetOffset;
    o.seeded = config.seed.has_value();
    o.seed = config.seed ? quint64(*config.seed) : QRandomGenerator::global()->generate64();
    o.imageWidth = config.imageWidth;
    o.imageHeight = config.imageHeight;
    o.imageFormat = config.imageFormat;
    o.imageNum = config.imageNum;
    o.imagePatchSize = config.imagePatchSize;
    if (config.maxTokensUpper)
        o.maxTokensRange = std::make_pair(config.maxTokens, *config.maxTokensUpper);

    const auto args = nlohmann::json::parse(config.datasetArgs.cbegin(), config.datasetArgs.cend(), nullptr, false);
    if (args.is_object()) {
        if (const auto it = args.find("target_input_len"); it != args.end() && it->is_number_integer())
            o.targetInputLen = it->get<int>();
        o.dropShort = args.value("input_len_mode", std::string("cap")) == "drop";
        if (const auto it = args.find("prefix_file"); it != args.end() && it->is_string())
            o.prefixFile = jsonutil::toQString(*it);
        o.prefixAsSystem = args.value("prefix_role", std::string("system")) == "system";
    }
    const auto extra = nlohmann::json::parse(config.extraArgs.cbegin(), config.extraArgs.cend(), nullptr, false);
    if (extra.is_object()) {
        if (const auto it = extra.find("batch_size"); it != extra.end() && it->is_number_integer())
            o.batchSize = std::max(1, it->get<int>());
        if (const auto it = extra.find("num_documents"); it != extra.end() && it->is_number_integer())
            o.numDocuments = std::max(1, it->get<int>());
        if (const auto it = extra.find("document_length_ratio"); it != extra.end() && it->is_number())
            o.documentLengthRatio = it->get<double>();
    }
    return o;
}

} // namespace tl
