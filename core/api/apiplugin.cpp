#include "api/apiplugin.h"

#include "api/openaiapi.h"
#include "config/runconfig.h"

namespace tl {

ApiPlugin::~ApiPlugin() = default;

std::unique_ptr<ApiPlugin> ApiPlugin::create(const RunConfig& config)
{
    return std::make_unique<OpenAiApi>(config);
}

} // namespace tl
