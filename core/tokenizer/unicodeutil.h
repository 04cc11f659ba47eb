#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// UTF-8 and Unicode helpers shared by the tokenizer's stages. Character classes follow Oniguruma's
// Unicode semantics, the regex engine Hugging Face tokenizers uses for pre-tokenizer patterns.
namespace tl::unicode {

// Properties the pre-tokenizer patterns test, as bits: one lookup per code point serves every pattern.
enum CharFlag : uint8_t {
    kLetter = 1, // \p{L}
    kNumber = 2, // \p{N}
    kMark = 4, // \p{M}
    kPunct = 8, // \p{P}
    kSymbol = 16, // \p{S}
    kSpace = 32, // \s
    kNewline = 64, // \r or \n
};

// Decodes the code point at text[pos] (meant for valid UTF-8) and sets *len to its byte length. A sequence cut
// short by the end of `text` is one U+FFFD of length 1: template and message text is not always valid UTF-8, and
// reading past the end was a heap overflow (found by fuzz_chattemplate).
inline char32_t decodeUtf8(std::string_view text, size_t pos, int* len)
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        *len = 1;
        return b0;
    }
    const size_t need = b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4);
    if (text.size() - pos < need) {
        *len = 1;
        return 0xFFFD;
    }
    if (b0 < 0xE0) {
        *len = 2;
        return (char32_t(b0 & 0x1F) << 6) | (static_cast<unsigned char>(text[pos + 1]) & 0x3F);
    }
    if (b0 < 0xF0) {
        *len = 3;
        return (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(text[pos + 1]) & 0x3F) << 6)
            | (static_cast<unsigned char>(text[pos + 2]) & 0x3F);
    }
    *len = 4;
    return (char32_t(b0 & 0x07) << 18) | (char32_t(static_cast<unsigned char>(text[pos + 1]) & 0x3F) << 12)
        | (char32_t(static_cast<unsigned char>(text[pos + 2]) & 0x3F) << 6)
        | (static_cast<unsigned char>(text[pos + 3]) & 0x3F);
}

void appendUtf8(std::string& out, char32_t cp);

// Oniguruma's \s with Unicode: the White_Space property.
bool isWhitespace(char32_t cp);
uint8_t charFlags(char32_t cp);

// True when text is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool isValidUtf8(std::string_view text);
// Rust's String::from_utf8_lossy: each maximal invalid subpart becomes one U+FFFD.
std::string fromUtf8Lossy(std::string_view bytes);

} // namespace tl::unicode
