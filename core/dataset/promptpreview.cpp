#include "dataset/promptpreview.h"

#include "config/runconfig.h"
#include "dataset/promptsource.h"
#include "util/tr.h"

#include <QStringList>

namespace tl {

namespace {

constexpr qsizetype kShownChars = 200;

QString describe(const PromptItem& item)
{
    QString text;
    switch (item.kind) {
    case PromptItem::Kind::Text:
        text = item.text;
        break;
    case PromptItem::Kind::Messages:
        text = QString::fromUtf8(item.messages);
        break;
    case PromptItem::Kind::Body:
        text = QString::fromUtf8(item.body);
        break;
    case PromptItem::Kind::TokenIds:
        text = item.text.isEmpty() ? Tr::tr("(%n token id(s))", nullptr, int(item.tokenIds.size())) : item.text;
        break;
    case PromptItem::Kind::Embedding:
        text = item.inputs.join(QStringLiteral(" | "));
        break;
    case PromptItem::Kind::Rerank:
        text = item.query + QStringLiteral(" → ") + item.documents.join(QStringLiteral(" | "));
        break;
    }
    text = text.simplified();
    return text.size() > kShownChars ? text.left(kShownChars - 1) + QStringLiteral("…") : text;
}

} // namespace

PromptPreview PromptPreview::compute(const RunConfig& config, int count)
{
    PromptPreview preview;
    if (auto download = PromptSource::pendingDownload(config)) {
        preview.error = {QStringLiteral("--dataset"),
            Tr::tr("the dataset is not downloaded yet (%1); a run downloads it").arg(download->url.toString())};
        return preview;
    }
    const std::shared_ptr<const PromptSource> source = PromptSource::load(config, &preview.error);
    if (!source)
        return preview;
    for (int i = 0; i < count; ++i) {
        const PromptItem item = source->at(i);
        if (!source->failureAt(i).message.isEmpty())
            break;
        preview.rows.append({describe(item), item.promptTokens});
    }
    return preview;
}

} // namespace tl
