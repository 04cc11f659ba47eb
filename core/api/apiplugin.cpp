#include "api/apiplugin.h"

#include "api/embeddingapi.h"
#include "api/openaiapi.h"
#include "api/responsesapi.h"
#include "config/runconfig.h"

namespace tl {

ApiPlugin::~ApiPlugin() = default;

std::unique_ptr<ApiPlugin> ApiPlugin::create(const RunConfig& config)
{
    switch (config.apiKind()) {
    case RunConfig::ApiKind::Responses:
        return std::make_unique<ResponsesApi>(config);
    case RunConfig::ApiKind::Embedding:
        return std::make_unique<EmbeddingApi>(config, EmbeddingApi::Kind::Embedding);
    case RunConfig::ApiKind::Rerank:
        return std::make_unique<EmbeddingApi>(config, EmbeddingApi::Kind::Rerank);
    case RunConfig::ApiKind::Chat:
        break;
    }
    return std::make_unique<OpenAiApi>(config);
}

} // namespace tl
