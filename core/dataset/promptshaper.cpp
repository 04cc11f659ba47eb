#include "dataset/promptshaper.h"

#include "dataset/tokenconvergence.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <QFile>

namespace tl {

namespace {

std::string toStd(const QString& s)
{
    return s.toStdString();
}

std::string contentOf(const nlohmann::json& message)
{
    const auto it = message.find("content");
    return (it != message.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

} // namespace

PromptShaper::PromptShaper(std::shared_ptr<const DatasetOptions> options)
    : m_options(std::move(options))
{
}

std::shared_ptr<const PromptShaper> PromptShaper::create(std::shared_ptr<const DatasetOptions> options,
                                                         QString* error)
{
    std::shared_ptr<PromptShaper> shaper(new PromptShaper(std::move(options)));
    const DatasetOptions& o = *shaper->m_options;
    if (!o.prefixFile.isEmpty() && o.tokenizer) {
        QFile f(o.prefixFile);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("cannot read prefix_file '%1': %2").arg(o.prefixFile, f.errorString());
            return nullptr;
        }
        const QByteArray data = f.readAll();
        shaper->m_prefixPool = o.tokenizer->encode(std::string_view(data.constData(), size_t(data.size())), false);
        if (shaper->m_prefixPool.empty()) {
            *error = Tr::tr("prefix_file '%1' holds no text to pad prompts with").arg(o.prefixFile);
            return nullptr;
        }
    }
    return shaper;
}

qsizetype PromptShaper::promptLength(const QString& text) const
{
    const DatasetOptions& o = *m_options;
    if (!o.tokenizer) {
        // Characters as Python counts them: code points, not UTF-16 units.
        qsizetype n = 0;
        for (const QChar c : text)
            n += c.isLowSurrogate() ? 0 : 1;
        return n;
    }
    const std::string utf8 = toStd(text);
    if (o.chat) {
        if (const ChatTemplate* tmpl = o.tokenizer->chatTemplate()) {
            QString error;
            const nlohmann::json messages = nlohmann::json::array({{{"role", "user"}, {"content", utf8}}});
            if (const auto rendered = tmpl->render(messages, true, &error))
                return o.tokenizer->count(*rendered);
        }
    }
    return static_cast<qsizetype>(o.tokenizer->encode(utf8, true).size());
}

bool PromptShaper::fitToTarget(std::string& text, QString* dropReason) const
{
    const DatasetOptions& o = *m_options;
    const auto target = static_cast<size_t>(*o.targetInputLen);
    std::vector<int32_t> ids = o.tokenizer->encode(text, false);
    if (ids.size() > target) {
        ids.resize(target);
        text = o.tokenizer->decode(ids, true);
    } else if (ids.size() < target && o.dropShort) {
        *dropReason = Tr::tr("target_input_len %1 with input_len_mode drop (shorter prompts)").arg(target);
        return false;
    }
    return true;
}

std::string PromptShaper::prefixOfLength(qsizetype tokens) const
{
    std::vector<int32_t> ids;
    ids.reserve(size_t(tokens));
    size_t next = 0;
    auto filler = [this, &next]() { return m_prefixPool[next++ % m_prefixPool.size()]; };
    while (qsizetype(ids.size()) < tokens)
        ids.push_back(filler());
    return convergeToLength(*m_options->tokenizer, std::move(ids), tokens, filler).text;
}

PromptItem PromptShaper::wrap(const std::string& prefix, nlohmann::json messages) const
{
    const DatasetOptions& o = *m_options;
    PromptItem item;
    if (!o.chat) {
        // A plain prompt string: the (last) user message, with the prefix in front of it.
        item.text = QString::fromStdString(prefix + contentOf(messages.back()));
        return item;
    }
    if (!prefix.empty()) {
        if (o.prefixAsSystem)
            messages.insert(messages.begin(), nlohmann::json{{"role", "system"}, {"content", prefix}});
        else
            messages.front()["content"] = prefix + contentOf(messages.front());
    }
    if (messages.size() == 1) {
        item.text = QString::fromStdString(contentOf(messages.front()));
        return item;
    }
    item.kind = PromptItem::Kind::Messages;
    item.messages = jsonutil::dump(messages);
    return item;
}

std::optional<PromptItem> PromptShaper::shapeText(const QString& text, QString* dropReason) const
{
    const DatasetOptions& o = *m_options;
    std::string utf8 = toStd(text);
    std::string prefix;
    if (lengthControl()) {
        if (!fitToTarget(utf8, dropReason))
            return std::nullopt;
        if (!m_prefixPool.empty()) {
            const qsizetype budget = *o.targetInputLen - o.tokenizer->count(utf8);
            if (budget > 0)
                prefix = prefixOfLength(budget);
        }
    } else {
        const qsizetype n = promptLength(text);
        if (n < o.minPromptLength) {
            *dropReason = Tr::tr("--min-prompt-length %1").arg(o.minPromptLength);
            return std::nullopt;
        }
        if (n > o.maxPromptLength) {
            *dropReason = Tr::tr("--max-prompt-length %1").arg(o.maxPromptLength);
            return std::nullopt;
        }
    }
    return wrap(prefix, nlohmann::json::array({{{"role", "user"}, {"content", utf8}}}));
}

std::optional<PromptItem> PromptShaper::shapeConversation(nlohmann::json messages, QString* dropReason) const
{
    const DatasetOptions& o = *m_options;
    std::string prefix;
    if (lengthControl()) {
        if (!m_prefixPool.empty()) {
            // With a prefix the whole conversation is budgeted: longer ones are dropped, shorter ones padded.
            qsizetype total = 0;
            for (const auto& m : messages)
                total += o.tokenizer->count(contentOf(m));
            if (total > *o.targetInputLen) {
                *dropReason = Tr::tr("target_input_len %1 (conversations longer than the target)").arg(
                    *o.targetInputLen);
                return std::nullopt;
            }
            if (total < *o.targetInputLen)
                prefix = prefixOfLength(*o.targetInputLen - total);
        } else {
            std::string last = contentOf(messages.back());
            if (!fitToTarget(last, dropReason))
                return std::nullopt;
            messages.back()["content"] = last;
        }
    } else {
        const qsizetype n = promptLength(QString::fromStdString(contentOf(messages.back())));
        if (n < o.minPromptLength) {
            *dropReason = Tr::tr("--min-prompt-length %1").arg(o.minPromptLength);
            return std::nullopt;
        }
        if (n > o.maxPromptLength) {
            *dropReason = Tr::tr("--max-prompt-length %1").arg(o.maxPromptLength);
            return std::nullopt;
        }
    }
    return wrap(prefix, std::move(messages));
}

} // namespace tl
