#pragma once

#include "api/apiplugin.h"
#include "config/configerror.h"

#include <QList>

#include <memory>

namespace tl {

struct RunConfig;

// The prompts of a run, cycled by request index. Loaded once before the run; read-only and thread-safe after.
// (Lazy streaming of large files and the hub datasets arrive with the dataset work; see docs.)
class PromptSource final {
public:
    // Loads the prompts config selects: --prompt, or the --dataset (builtin, line_by_line, openqa).
    // Returns nullptr and fills `error` (naming the field and, for files, the line) when none can be loaded.
    static std::shared_ptr<const PromptSource> load(const RunConfig& config, ConfigError* error);

    qsizetype size() const { return m_items.size(); }
    const PromptItem& at(qsizetype index) const { return m_items.at(index % m_items.size()); }

    // The built-in set: short open questions, like EvalScope's default openqa prompts.
    static QStringList builtinPrompts();

private:
    QList<PromptItem> m_items;
};

} // namespace tl
