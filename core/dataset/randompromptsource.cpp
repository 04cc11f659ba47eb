#include "dataset/randompromptsource.h"

#include "dataset/imagesynth.h"
#include "dataset/tokenconvergence.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "util/imagecodec.h"
#include "util/jsonutil.h"
#include "util/tr.h"

#include <random>

namespace tl {

namespace {

quint64 splitmix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Independent streams per (seed, offset, request, purpose) so any request can be generated on its own.
quint64 streamSeed(quint64 seed, qint64 datasetOffset, qint64 seq, quint64 purpose)
{
    return splitmix64(seed ^ splitmix64(quint64(datasetOffset) * 0x100000001B3ULL ^ splitmix64(quint64(seq) + purpose)));
}

qint64 uniform(std::mt19937_64& rng, qint64 lo, qint64 hiInclusive)
{
    return std::uniform_int_distribution<qint64>(lo, hiInclusive)(rng);
}

} // namespace

RandomPromptSource::RandomPromptSource(Mode mode, std::shared_ptr<const DatasetOptions> options,
                                       std::shared_ptr<const Vocabulary> vocab, qint64 datasetOffset)
    : PromptSource(std::move(options))
    , m_mode(mode)
    , m_vocab(std::move(vocab))
    , m_datasetOffset(datasetOffset)
{
}

std::shared_ptr<const RandomPromptSource> RandomPromptSource::create(Mode mode,
                                                                     std::shared_ptr<const DatasetOptions> options,
                                                                     QString* error)
{
    const DatasetOptions& o = *options;
    if (!o.tokenizer) {
        *error = Tr::tr("random datasets need --tokenizer-path");
        return nullptr;
    }
    const Tokenizer& tok = *o.tokenizer;
    auto vocab = std::make_shared<Vocabulary>();
    for (int32_t id = 0; id < tok.vocabSize(); ++id) {
        if (tok.isSpecial(id) || tok.idToToken(id).empty())
            continue;
        vocab->plain.push_back(id);
        if (!tok.isByteFallback(id))
            vocab->allowed.push_back(id);
    }
    if (vocab->allowed.empty()) {
        *error = Tr::tr("the tokenizer has no ordinary tokens to build random prompts from");
        return nullptr;
    }
    if (mode == Mode::VisionLanguage) {
        QString modeError;
        if (ImageSynth::channelsOf(o.imageFormat, &modeError) == 0) {
            *error = modeError;
            return nullptr;
        }
    }
    if (mode == Mode::Text || mode == Mode::VisionLanguage) {
        std::mt19937_64 rng(streamSeed(o.seed, 0, -1, 0x707265666978ULL)); // "prefix"
        for (int i = 0; i < o.prefixLength; ++i)
            vocab->prefix.push_back(vocab->allowed[size_t(uniform(rng, 0, qint64(vocab->allowed.size()) - 1))]);
        if (o.chat && !o.tokenizePrompt) {
            if (const ChatTemplate* tmpl = tok.chatTemplate()) {
                QString renderError;
                const auto rendered
                    = tmpl->render(nlohmann::json::array({{{"role", "user"}, {"content", ""}}}), true, &renderError);
                if (!rendered) {
                    *error = Tr::tr("cannot render the tokenizer's chat template to subtract its length: %1; pass "
                                    "--no-apply-chat-template or a tokenizer whose template renders")
                                 .arg(renderError);
                    return nullptr;
                }
                vocab->templateLen = tok.count(*rendered);
            } else {
                qWarning("dataset: the tokenizer has no chat template, so random prompt lengths leave out the "
                         "server's template tokens; pass --no-apply-chat-template to send plain prompts");
            }
        }
        vocab->lo = std::max<qint64>(0, o.minPromptLength - vocab->templateLen);
        vocab->hi = qint64(o.maxPromptLength) - vocab->templateLen + 1;
        if (vocab->hi <= vocab->lo) {
            *error = Tr::tr("--max-prompt-length %1 leaves no room for a prompt after the chat template's %2 tokens; "
                            "raise it")
                         .arg(o.maxPromptLength)
                         .arg(vocab->templateLen);
            return nullptr;
        }
    }
    return std::shared_ptr<const RandomPromptSource>(
        new RandomPromptSource(mode, std::move(options), std::move(vocab), o.datasetOffset));
}

std::shared_ptr<const PromptSource> RandomPromptSource::withDatasetOffset(qint64 datasetOffset) const
{
    return std::shared_ptr<const RandomPromptSource>(new RandomPromptSource(m_mode, m_options, m_vocab, datasetOffset));
}

std::vector<int32_t> RandomPromptSource::tokenIdsFor(qint64 seq) const
{
    const Vocabulary& v = *m_vocab;
    std::mt19937_64 rng(streamSeed(m_options->seed, m_datasetOffset, seq, 1));
    const qint64 length = uniform(rng, v.lo, v.hi - 1);
    const auto size = qint64(v.allowed.size());
    const qint64 offset = (uniform(rng, 0, size - 1) + m_datasetOffset) % size;
    std::vector<int32_t> ids = v.prefix;
    ids.reserve(ids.size() + size_t(length));
    for (qint64 k = 0; k < length; ++k)
        ids.push_back(v.allowed[size_t((offset + seq + k) % size)]);
    return ids;
}

QString RandomPromptSource::iidText(quint64 seed, qint64 length) const
{
    const std::vector<int32_t>& pool = m_vocab->plain;
    std::mt19937_64 rng(seed);
    auto pick = [&rng, &pool]() { return pool[size_t(uniform(rng, 0, qint64(pool.size()) - 1))]; };
    std::vector<int32_t> ids;
    ids.reserve(size_t(length));
    for (qint64 k = 0; k < length; ++k)
        ids.push_back(pick());
    return QString::fromStdString(convergeToLength(*m_options->tokenizer, std::move(ids), length, pick).text);
}

void RandomPromptSource::addImages(PromptItem& item, qint64 seq) const
{
    const DatasetOptions& o = *m_options;
    nlohmann::ordered_json content = nlohmann::ordered_json::array();
    content.push_back({{"type", "text"}, {"text", item.text.toStdString()}});
    std::mt19937_64 rng(streamSeed(o.seed, m_datasetOffset, seq, 4));
    for (int i = 0; i < o.imageNum; ++i) {
        const QByteArray png = ImageSynth::png(rng(), o.imageWidth, o.imageHeight, o.imageFormat);
        const std::string url = "data:image/png;base64," + png.toBase64().toStdString();
        content.push_back({{"type", "image_url"}, {"image_url", {{"url", url}}}});
    }
    item.kind = PromptItem::Kind::Messages;
    item.messages = QByteArray::fromStdString(
        nlohmann::ordered_json::array({{{"role", "user"}, {"content", std::move(content)}}}).dump());
    item.text.clear();
    item.promptTokens += qint64(o.imageNum) * imagecodec::patchTokens(o.imageWidth, o.imageHeight, o.imagePatchSize);
}

PromptItem RandomPromptSource::itemAt(qint64 seq) const
{
    const DatasetOptions& o = *m_options;
    PromptItem item;
    if (m_mode == Mode::Text || m_mode == Mode::VisionLanguage) {
        std::vector<int32_t> ids = tokenIdsFor(seq);
        if (o.tokenizePrompt && m_mode == Mode::Text) {
            item.kind = PromptItem::Kind::TokenIds;
            item.promptTokens = qint64(ids.size());
            item.tokenIds = QList<qint32>(ids.begin(), ids.end());
            return item;
        }
        const std::vector<int32_t>& allowed = m_vocab->allowed;
        std::mt19937_64 rng(streamSeed(o.seed, m_datasetOffset, seq, 2));
        auto filler = [&rng, &allowed]() { return allowed[size_t(uniform(rng, 0, qint64(allowed.size()) - 1))]; };
        const auto target = qsizetype(ids.size());
        const ConvergedText text = convergeToLength(*o.tokenizer, std::move(ids), target, filler);
        item.text = QString::fromStdString(text.text);
        item.promptTokens = text.tokens + m_vocab->templateLen;
        if (m_mode == Mode::VisionLanguage)
            addImages(item, seq);
        return item;
    }
    // Embedding and rerank lengths: U[max(1, min), max], inclusive.
    qint64 lo = std::max(1, std::min(o.minPromptLength, o.maxPromptLength));
    qint64 hi = std::max(lo, qint64(std::max(o.minPromptLength, o.maxPromptLength)));
    std::mt19937_64 rng(streamSeed(o.seed, m_datasetOffset, seq, 3));
    if (m_mode == Mode::Rerank) {
        item.kind = PromptItem::Kind::Rerank;
        const qint64 queryLen = uniform(rng, lo, hi);
        const qint64 docLen = std::max<qint64>(1, qint64(double(queryLen) * o.documentLengthRatio));
        item.query = iidText(rng(), queryLen);
        for (int d = 0; d < o.numDocuments; ++d)
            item.documents.append(iidText(rng(), docLen));
        return item;
    }
    item.kind = PromptItem::Kind::Embedding;
    item.batch = m_mode == Mode::EmbeddingBatch;
    const int count = item.batch ? o.batchSize : 1;
    for (int i = 0; i < count; ++i) {
        const quint64 textSeed = rng();
        const qint64 length = uniform(rng, lo, hi);
        item.inputs.append(iidText(textSeed, length));
    }
    return item;
}

} // namespace tl
