#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

class QRegularExpression;

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tl {

// The pre_tokenizer of tokenizer.json: cuts normalized text into the words the model encodes one by
// one. The patterns real tokenizers use most (GPT-2, Qwen2/3, Llama 3, DeepSeek V3) are recognised by their exact
// text and run as hand-written matchers over a per-code-point property table (exact, and an order of magnitude
// faster than a regex engine); any other Split pattern runs on PCRE2 (QRegularExpression with Unicode
// properties, Oniguruma's \w rewritten to its Unicode definition), with every Split behaviour (Isolated, Removed,
// MergedWithPrevious, MergedWithNext, Contiguous) and invert, as Hugging Face's SplitDelimiterBehavior does.
// Whitespace, WhitespaceSplit, Punctuation, BertPreTokenizer and CharDelimiterSplit are supported too. A pattern
// PCRE2 cannot compile, or a construct whose meaning differs between the engines (\h, \W in a class), is refused
// at load time with the reason.
class PreTokenizer final {
public:
    using Range = std::pair<uint32_t, uint32_t>; // byte offsets [first, second) into the prepared text

    // json may be null (no pre-tokenizer: the whole text is one word).
    static std::unique_ptr<PreTokenizer> fromJson(const nlohmann::json& json, QString* error);
    ~PreTokenizer();

    // True when a ByteLevel step maps bytes to GPT-2's alphabet before the model sees them.
    bool byteLevel() const { return m_byteLevel; }

    // Applies the text-rewriting steps (ByteLevel's prefix space, Metaspace's replacement and prefix).
    // atStart: the piece begins the input (Metaspace's prepend_scheme "first"). May return a view of scratch.
    std::string_view prepare(std::string_view piece, bool atStart, std::string& scratch) const;
    // Splits prepared text into words.
    void split(std::string_view text, std::vector<Range>& words) const;

    // A Metaspace that follows other steps (T5's and XLM-R's WhitespaceSplit then Metaspace) rewrites each word
    // on its own: spaces become the replacement, the replacement is prepended ("always") unless the word starts
    // with it, and with split the word is cut before every replacement. wordMetaspace() tells whether to call
    // metaspaceWord(), which writes the rewritten word to scratch and its pieces (ranges into scratch) to pieces.
    bool wordMetaspace() const { return m_wordMetaspace; }
    void metaspaceWord(std::string_view word, std::string& scratch, std::vector<Range>& pieces) const;

    enum class Pattern : uint8_t {
        Gpt2,
        Qwen2, // Llama 3's pattern with single digits
        Llama3,
        DeepSeekDigits, // \p{N}{1,3} on its own
        DeepSeekCjk,
        DeepSeekMain,
        Digits,
        IndividualDigits,
        MetaspaceSplit,
    };
    // Which hand-written matcher implements a Split regex, or false when none does.
    static bool patternForRegex(std::string_view regex, Pattern* pattern);

    // Hugging Face's SplitDelimiterBehavior.
    enum class Behavior : uint8_t { Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous };

    // A Split regex (Oniguruma syntax, as tokenizer.json writes it) as a PCRE2 pattern with the same meaning, or
    // empty + *error when it holds a construct the engines read differently. For tests and the general path.
    static QString pcrePattern(std::string_view oniguruma, QString* error);
    // A pre-tokenizer that runs every Split pattern on the general (regex) path, even known ones: the tests check
    // the hand-written matchers against it.
    static std::unique_ptr<PreTokenizer> fromJsonGeneral(const nlohmann::json& json, QString* error);

    struct Step;

private:
    PreTokenizer();
    bool fromJsonInto(const nlohmann::json& json, QString* error);
    bool addStep(const nlohmann::json& step, bool first, QString* error);

    void splitStep(const Step& step, const void* cps, const std::vector<Range>& in, std::vector<Range>& out) const;

    std::vector<Step> m_steps;
    bool m_generalOnly = false; // fromJsonGeneral(): no hand-written matchers
    std::string m_metaspace; // replacement (usually "▁") when a Metaspace step is present
    enum class Prepend : uint8_t { Never, First, Always } m_prepend = Prepend::Never;
    bool m_hasMetaspace = false;
    bool m_wordMetaspace = false; // a Metaspace as the last step after others (metaspaceWord())
    bool m_wordMetaspaceSplit = true;
    bool m_prefixSpace = false; // ByteLevel add_prefix_space
    bool m_byteLevel = false;
};

} // namespace tl
