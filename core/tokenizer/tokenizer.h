#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tl {

class AddedTokens;
class TokenModel;
class ChatTemplate;
class TextNormalizer;
class PreTokenizer;
class TokenDecoder;

// A Hugging Face tokenizer (tokenizer.json) reimplemented exactly for the model kinds that serve
// today's LLMs: byte-level BPE (GPT-2, Qwen2/3, Llama 3, DeepSeek) and SentencePiece-style BPE with
// byte fallback (Llama 2, Mistral); WordPiece (BERT) and Unigram (T5, XLM-R) for embedding and rerank
// models. Prompt lengths are only comparable when counted the way the server counts them, so anything
// that cannot be reproduced exactly is refused at load time rather than approximated. Immutable and safe to use from
// any number of threads after load().
class Tokenizer final {
public:
    // path: a model folder (tokenizer.json [+ tokenizer_config.json]) or a tokenizer.json file.
    // nullptr + *error (one line naming the file and the problem) on failure.
    static std::shared_ptr<const Tokenizer> load(const QString& path, QString* error);

    // Builds a tokenizer from already parsed JSON; used by load() and by tests that feed variants.
    // config may be null (no tokenizer_config.json). source names the file in error messages.
    static std::shared_ptr<const Tokenizer> fromJson(
        const nlohmann::json& tokenizerJson, const nlohmann::json& config, const QString& source, QString* error);

    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    std::vector<int32_t> encode(std::string_view utf8, bool addSpecialTokens = false) const;
    // A sequence pair as a cross-encoder (rerank) model's server tokenizes query and document: with special
    // tokens, the post-processor's pair template ([CLS] A [SEP] B [SEP] for BERT, <s> A </s></s> B </s> for
    // RoBERTa/XLM-R, TemplateProcessing's "pair"). Empty when addSpecialTokens and !hasPairTemplate().
    std::vector<int32_t> encodePair(std::string_view first, std::string_view second, bool addSpecialTokens) const;
    // False when the post-processor's pair form is not known (a TemplateProcessing without "pair", or two
    // processors that both add tokens): encodePair() with special tokens then refuses.
    bool hasPairTemplate() const;
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens = false) const;
    qsizetype count(std::string_view utf8) const; // == encode(utf8).size()
    int32_t vocabSize() const; // including added tokens
    bool isSpecial(int32_t id) const; // an added/special token
    bool isByteFallback(int32_t id) const; // <0xNN> pieces
    const ChatTemplate* chatTemplate() const; // nullptr when tokenizer_config.json has none

    // The token's string as stored in the vocabulary (byte-level alphabet, "▁" etc.); empty if unknown.
    std::string idToToken(int32_t id) const;
    // The vocabulary id of a token string, or -1.
    int32_t tokenToId(std::string_view token) const;

private:
    // fromJson() without the guard against members of the wrong type.
    static std::shared_ptr<const Tokenizer> build(
        const nlohmann::json& tokenizerJson, const nlohmann::json& config, const QString& source, QString* error);
    Tokenizer();
    void encodeInto(std::string_view utf8, std::vector<int32_t>& out) const;
    void encodePiece(std::string_view piece, bool atStart, std::vector<int32_t>& out) const;

    std::unique_ptr<AddedTokens> m_added;
    std::unique_ptr<TextNormalizer> m_normalizer;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unique_ptr<TokenModel> m_model; // BpeModel, WordPieceModel or UnigramModel
    std::unique_ptr<TokenDecoder> m_decoder;
    std::unique_ptr<ChatTemplate> m_chatTemplate;
    std::vector<int32_t> m_prefixIds; // post-processor's template before the sequence ($A)
    std::vector<int32_t> m_suffixIds; // and after it
    std::vector<int32_t> m_pairTemplate; // special ids; -1 and -2 stand for the first and second sequence
    bool m_pairKnown = true; // false: the pair form cannot be reproduced
    int32_t m_vocabSize = 0;
};

} // namespace tl
