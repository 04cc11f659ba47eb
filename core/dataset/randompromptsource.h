#pragma once

#include "dataset/promptsource.h"

#include <cstdint>
#include <vector>

namespace tl {

// EvalScope's synthetic token datasets (§4.2, §4.4), deterministic per (--seed, --dataset-offset, request index):
// - random: a contiguous window of the vocabulary without special and byte-fallback tokens at a random offset,
//   after a --prefix-length prefix shared by every request, its length drawn from the prompt-length range (less
//   the chat template's own tokens), converged by decode/re-encode to exactly that many tokens; or the ids
//   themselves with --tokenize-prompt.
// - random_embedding(_batch): i.i.d. tokens of the base vocabulary without special tokens, one text (or
//   batch_size texts) per request.
// - random_rerank: a query and num_documents documents document_length_ratio times its length.
// - random_vl: random's text, then --image-num PNG images (ImageSynth) as image_url data URLs in one user message
//   (§4.3); its token count adds ceil(w/p)*ceil(h/p) per image to the text's.
// Stateless per request, so at() needs no lock.
class RandomPromptSource final : public PromptSource {
public:
    enum class Mode { Text, Embedding, EmbeddingBatch, Rerank, VisionLanguage };

    // nullptr + *error (naming the flag) when the tokenizer leaves no usable vocabulary or the length range is
    // empty once the chat template is subtracted.
    static std::shared_ptr<const RandomPromptSource> create(Mode mode, std::shared_ptr<const DatasetOptions> options,
                                                            QString* error);

    std::shared_ptr<const PromptSource> withDatasetOffset(qint64 datasetOffset) const override;

    // The request's prompt ids before convergence (prefix + window), for tests.
    std::vector<int32_t> tokenIdsFor(qint64 seq) const;
    qsizetype templateLength() const { return m_vocab->templateLen; }
    const std::vector<int32_t>& prefixIds() const { return m_vocab->prefix; }

protected:
    PromptItem itemAt(qint64 seq) const override;

private:
    struct Vocabulary {
        std::vector<int32_t> allowed; // random: no special, no byte fallback
        std::vector<int32_t> plain; // embedding/rerank: base vocabulary without special tokens
        std::vector<int32_t> prefix;
        qsizetype templateLen = 0;
        qint64 lo = 0; // random: length range [lo, hi)
        qint64 hi = 1;
    };
    RandomPromptSource(Mode mode, std::shared_ptr<const DatasetOptions> options,
                       std::shared_ptr<const Vocabulary> vocab, qint64 datasetOffset);
    QString iidText(quint64 seed, qint64 length) const;
    void addImages(PromptItem& item, qint64 seq) const;

    Mode m_mode;
    std::shared_ptr<const Vocabulary> m_vocab;
    qint64 m_datasetOffset = 0;
};

} // namespace tl
