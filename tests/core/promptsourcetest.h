#pragma once

// Loading a prompt source the way a run does, for the dataset tests (header-only).

#include "config/runconfig.h"
#include "dataset/promptsource.h"

#include <QtGlobal>

#include <memory>

namespace tl::test {

// Embedding and rerank datasets go with their API (RunConfig::validate() insists).
inline RunConfig withApi(RunConfig c)
{
    if (c.dataset.startsWith(u"embed") || c.dataset.startsWith(u"random_embedding"))
        c.api = QStringLiteral("openai_embedding");
    else if (c.dataset.endsWith(u"rerank"))
        c.api = QStringLiteral("openai_rerank");
    return c;
}

// The source `config` (given its dataset's API) selects, or null with the reason logged.
inline std::shared_ptr<const PromptSource> loadSource(const RunConfig& config)
{
    const RunConfig c = withApi(config);
    const ConfigErrors errors = c.validate();
    if (!errors.isEmpty()) {
        qWarning("%s", qPrintable(errors.first().toString()));
        return nullptr;
    }
    ConfigError error;
    auto source = PromptSource::load(c, &error);
    if (!source)
        qWarning("%s", qPrintable(error.toString()));
    return source;
}

} // namespace tl::test
