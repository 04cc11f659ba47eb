#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace tl {

// The decoder of tokenizer.json, turning token strings back into text exactly as Hugging Face does:
// ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, WordPiece and Sequence. Invalid UTF-8 left over at
// the end becomes U+FFFD per maximal invalid subpart, like Rust's from_utf8_lossy.
class TokenDecoder final {
public:
    // json may be null: tokens are then joined with spaces, as Hugging Face does without a decoder.
    static std::unique_ptr<TokenDecoder> fromJson(const nlohmann::json& json, QString* error);
    ~TokenDecoder();

    std::string decode(std::vector<std::string> tokens) const;

private:
    enum class Kind { ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, WordPiece };
    struct Step {
        Kind kind;
        std::string a; // Replace: pattern; Strip: content; Metaspace: replacement
        std::string b; // Replace: content
        size_t start = 0; // Strip
        size_t stop = 0;
        bool prepend = false; // Metaspace: a prefix was added at encode time; WordPiece: cleanup
    };

    TokenDecoder() = default;
    bool addStep(const nlohmann::json& step, QString* error);

    std::vector<Step> m_steps;
    bool m_null = false;
};

} // namespace tl
