#include "dataset/listpromptsource.h"

namespace tl {

ListPromptSource::ListPromptSource(std::shared_ptr<const DatasetOptions> options, QList<PromptItem> items)
    : PromptSource(std::move(options))
    , m_items(std::move(items))
{
    Q_ASSERT(!m_items.isEmpty());
}

} // namespace tl
