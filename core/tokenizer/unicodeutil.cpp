#include "tokenizer/unicodeutil.h"

#include <QChar>

#include <array>

namespace tl::unicode {

namespace {

uint8_t categoryFlags(QChar::Category category)
{
    switch (category) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return kLetter;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return kNumber;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return kMark;
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
        return kPunct;
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return kSymbol;
    default:
        return 0;
    }
}

std::array<uint8_t, 128> makeAsciiFlags()
{
    std::array<uint8_t, 128> table{};
    for (char32_t c = 0; c < 128; ++c) {
        uint8_t flags = categoryFlags(QChar::category(c));
        if (isWhitespace(c))
            flags |= kSpace;
        if (c == '\r' || c == '\n')
            flags |= kNewline;
        table[c] = flags;
    }
    return table;
}

// Length of a well-formed sequence starting at bytes[pos], or the length of its maximal invalid
// subpart negated (Unicode's "U+FFFD substitution of maximal subparts", which Rust follows).
int sequenceLength(std::string_view bytes, size_t pos)
{
    const auto b0 = static_cast<unsigned char>(bytes[pos]);
    if (b0 < 0x80)
        return 1;
    int need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    for (int k = 1; k <= need; ++k) {
        if (pos + static_cast<size_t>(k) >= bytes.size())
            return -k;
        const auto b = static_cast<unsigned char>(bytes[pos + static_cast<size_t>(k)]);
        const unsigned char low = k == 1 ? lo : 0x80;
        const unsigned char high = k == 1 ? hi : 0xBF;
        if (b < low || b > high)
            return -k;
    }
    return need + 1;
}

} // namespace

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isWhitespace(char32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
        || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

uint8_t charFlags(char32_t cp)
{
    static const std::array<uint8_t, 128> ascii = makeAsciiFlags();
    if (cp < 0x80)
        return ascii[cp];
    if (cp >= 0x4E00 && cp <= 0x9FFF) // CJK Unified Ideographs, the bulk of Chinese text
        return kLetter;
    uint8_t flags = categoryFlags(QChar::category(cp));
    if (isWhitespace(cp))
        flags |= kSpace;
    return flags;
}

bool isValidUtf8(std::string_view text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const int len = sequenceLength(text, pos);
        if (len < 0)
            return false;
        pos += static_cast<size_t>(len);
    }
    return true;
}

std::string fromUtf8Lossy(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    size_t pos = 0;
    while (pos < bytes.size()) {
        const int len = sequenceLength(bytes, pos);
        if (len > 0) {
            out.append(bytes.substr(pos, static_cast<size_t>(len)));
            pos += static_cast<size_t>(len);
        } else {
            out.append("\xEF\xBF\xBD");
            pos += static_cast<size_t>(-len);
        }
    }
    return out;
}

} // namespace tl::unicode
