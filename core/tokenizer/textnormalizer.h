#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tl {

struct Charsmap; // a Precompiled normalizer's SentencePiece charsmap

// The normalizer of tokenizer.json: Unicode normalization forms, Prepend, Replace of a literal string,
// Strip, Lowercase, BertNormalizer, StripAccents, Precompiled (SentencePiece's compiled charsmap), and
// Sequence of these; of regex Replace only " {2,}" (SentencePiece converters' run of spaces). Anything else
// (Nmt, other regex Replace) is refused at load time because approximating it would change counts.
class TextNormalizer final {
public:
    // json may be null (identity).
    static std::unique_ptr<TextNormalizer> fromJson(const nlohmann::json& json, QString* error);
    ~TextNormalizer();

    bool isIdentity() const { return m_steps.empty(); }
    // Returns the normalized text: in itself when nothing changed, else a view of buffer.
    std::string_view apply(std::string_view in, std::string& buffer) const;

private:
    enum class Kind {
        Nfc,
        Nfd,
        Nfkc,
        Nfkd,
        Prepend,
        Replace,
        ReplaceSpaceRuns,
        Strip,
        Lowercase,
        StripAccents,
        Bert,
        Precompiled
    };
    struct Step {
        Kind kind;
        std::string a; // Prepend: text; Replace: pattern
        std::string b; // Replace, ReplaceSpaceRuns: content
        bool left = false; // Strip
        bool right = false;
        bool cleanText = false; // Bert
        bool chineseChars = false;
        bool stripAccents = false;
        bool lowercase = false;
        std::shared_ptr<const Charsmap> charsmap; // Precompiled
    };

    TextNormalizer() = default;
    bool addStep(const nlohmann::json& step, QString* error);

    std::vector<Step> m_steps;
};

} // namespace tl
