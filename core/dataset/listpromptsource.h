#pragma once

#include "dataset/promptsource.h"

#include <QList>

namespace tl {

// A fixed list of items cycled by request index: --prompt, the built-in questions, speed_benchmark(_long).
class ListPromptSource final : public PromptSource {
public:
    ListPromptSource(std::shared_ptr<const DatasetOptions> options, QList<PromptItem> items);
    qsizetype size() const { return m_items.size(); }

protected:
    PromptItem itemAt(qint64 seq) const override { return m_items.at(qsizetype(seq % m_items.size())); }

private:
    QList<PromptItem> m_items;
};

} // namespace tl
