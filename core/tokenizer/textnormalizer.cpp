#include "tokenizer/textnormalizer.h"

#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QTextBoundaryFinder>

#include <optional>

namespace tl {

// SentencePiece's precompiled_charsmap as tokenizers' spm_precompiled reads it: a little-endian u32 byte size,
// a Darts double-array trie of that many bytes (u32 units), then the replacement strings, each ended by NUL.
struct Charsmap {
    std::vector<uint32_t> units;
    std::string normalized;

    // The replacement of the shortest key that is a prefix of chunk (spm_precompiled's transform takes the first
    // result of common_prefix_search), or nothing.
    std::optional<std::string_view> transform(std::string_view chunk) const
    {
        if (units.empty())
            return std::nullopt;
        const auto offset = [](uint32_t u) { return size_t((u >> 10) << ((u & 0x200u) >> 6)); };
        size_t pos = offset(units[0]);
        for (const char ch : chunk) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == 0)
                return std::nullopt;
            pos ^= c;
            if (pos >= units.size())
                return std::nullopt;
            const uint32_t u = units[pos];
            if ((u & 0x800000FFu) != c)
                return std::nullopt;
            pos ^= offset(u);
            if ((u >> 8) & 1u) {
                if (pos >= units.size())
                    return std::nullopt;
                const size_t start = units[pos] & 0x7FFFFFFFu;
                if (start > normalized.size())
                    return std::nullopt;
                const size_t end = normalized.find('\0', start);
                return std::string_view(normalized)
                    .substr(start, (end == std::string::npos ? normalized.size() : end) - start);
            }
        }
        return std::nullopt;
    }
};

namespace {

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// True when no code point of text can change under canonical composition or decomposition: below
// U+0300 nothing composes or decomposes, and the CJK, kana and Hangul syllable blocks hold only
// characters that are stable and never combine with what follows (their combining marks lie outside).
bool trivialForCanonical(std::string_view text)
{
    for (size_t pos = 0; pos < text.size();) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b < 0xCC) {
            ++pos;
            continue;
        }
        int len = 0;
        const char32_t cp = unicode::decodeUtf8(text, pos, &len);
        pos += static_cast<size_t>(len);
        const bool stable = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x3000 && cp <= 0x3029)
            || (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0xAC00 && cp <= 0xD7A3);
        if (!stable)
            return false;
    }
    return true;
}

// Decomposition and compatibility mappings reach far beyond the blocks above: only ASCII is skipped.
bool trivialForCompatibility(std::string_view text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// QString::fromUtf8 drops a leading U+FEFF, which Hugging Face keeps (and encodes), so decode by hand.
QString toQString(std::string_view utf8)
{
    QString out;
    out.reserve(static_cast<qsizetype>(utf8.size()));
    for (size_t pos = 0; pos < utf8.size();) {
        int len = 0;
        const char32_t cp = unicode::decodeUtf8(utf8, pos, &len);
        pos += static_cast<size_t>(len);
        if (QChar::requiresSurrogates(cp)) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(static_cast<char16_t>(cp)));
        }
    }
    return out;
}

bool isStripSpace(char32_t cp)
{
    return unicode::isWhitespace(cp);
}

// Rust's char::to_lowercase, one code point at a time as tokenizers' NormalizedString::lowercase does (so
// no final-sigma rule): the simple mapping, plus the one unconditional multi-character lowercase of
// SpecialCasing.txt (U+0130 becomes "i" and U+0307).
void appendLower(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    if (cp == 0x130) {
        out.append("i\xCC\x87");
        return;
    }
    unicode::appendUtf8(out, QChar::toLower(static_cast<char32_t>(cp)));
}

void lowercase(std::string_view in, std::string& out)
{
    out.clear();
    out.reserve(in.size());
    for (size_t pos = 0; pos < in.size();) {
        int len = 0;
        const char32_t cp = unicode::decodeUtf8(in, pos, &len);
        pos += static_cast<size_t>(len);
        appendLower(out, cp);
    }
}

// Every nonspacing mark (Mn) removed, after NFD when decompose is set: BertNormalizer's strip_accents
// decomposes first; the StripAccents normalizer only removes (tokenizer.json puts an NFD before it).
void stripAccents(std::string_view in, std::string& out, bool decompose = true)
{
    if (trivialForCompatibility(in)) {
        out.assign(in);
        return;
    }
    const QString nfd = decompose ? toQString(in).normalized(QString::NormalizationForm_D) : toQString(in);
    out.clear();
    out.reserve(in.size());
    for (qsizetype i = 0; i < nfd.size(); ++i) {
        char32_t cp = nfd.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < nfd.size() && nfd.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(nfd.at(i), nfd.at(i + 1));
            ++i;
        }
        if (QChar::category(cp) != QChar::Mark_NonSpacing)
            unicode::appendUtf8(out, cp);
    }
}

// BertNormalizer's is_chinese_char: the CJK Unified Ideographs blocks and extensions, and the compatibility
// ideographs, with tokenizers' ranges exactly: Extension E is taken from U+2B920 on (Google's BERT and the
// JavaScript port start it at U+2B820), so U+2B820..U+2B91F is not padded.
bool isChineseChar(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// BertNormalizer's is_control: general category C* (Cc, Cf, Cs, Co, Cn) except tab, LF and CR.
bool isBertControl(char32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return false;
    if (cp < 0x80)
        return cp < 0x20 || cp == 0x7F;
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

// tokenizers' BertNormalizer::normalize: clean_text, handle_chinese_chars, strip_accents (defaulting to
// lowercase), lowercase, in this order.
void bertNormalize(std::string_view in, bool cleanText, bool chineseChars, bool strip, bool lower, std::string& out)
{
    if (trivialForCompatibility(in)) {
        // ASCII: no accents, no CJK; the controls (C0 but tab, LF, CR; DEL) go, tab/LF/CR become spaces.
        out.clear();
        out.reserve(in.size());
        for (const char ch : in) {
            const auto c = static_cast<unsigned char>(ch);
            if (cleanText) {
                if (c == '\t' || c == '\n' || c == '\r') {
                    out.push_back(' ');
                    continue;
                }
                if (c < 0x20 || c == 0x7F)
                    continue;
            }
            out.push_back(static_cast<char>(lower && c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return;
    }
    std::string work;
    work.reserve(in.size() + 8);
    for (size_t pos = 0; pos < in.size();) {
        int len = 0;
        const char32_t cp = unicode::decodeUtf8(in, pos, &len);
        const std::string_view bytes = in.substr(pos, static_cast<size_t>(len));
        pos += static_cast<size_t>(len);
        if (cleanText) {
            if (cp == 0 || cp == 0xFFFD || isBertControl(cp))
                continue;
            if (cp == '\t' || cp == '\n' || cp == '\r' || unicode::isWhitespace(cp)) {
                work.push_back(' ');
                continue;
            }
        }
        if (chineseChars && isChineseChar(cp)) {
            work.push_back(' ');
            work.append(bytes);
            work.push_back(' ');
            continue;
        }
        work.append(bytes);
    }
    if (strip) {
        std::string stripped;
        stripAccents(work, stripped);
        work.swap(stripped);
    }
    if (lower)
        lowercase(work, out);
    else
        out.swap(work);
}

// tokenizers' Precompiled normalizer: each extended grapheme cluster shorter than 6 bytes is replaced whole
// when the charsmap has a rule for it, else each of its characters is replaced by its rule or kept.
void precompiled(const Charsmap& map, std::string_view in, std::string& out)
{
    out.clear();
    out.reserve(in.size());
    const QString text = toQString(in);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype begin = 0;
    std::string grapheme;
    while (begin < text.size()) {
        qsizetype end = finder.toNextBoundary();
        if (end <= begin)
            end = text.size();
        const QByteArray utf8 = QStringView(text).sliced(begin, end - begin).toUtf8();
        grapheme.assign(utf8.constData(), static_cast<size_t>(utf8.size()));
        begin = end;
        if (grapheme.size() < 6) {
            if (const auto norm = map.transform(grapheme)) {
                out.append(*norm);
                continue;
            }
        }
        for (size_t pos = 0; pos < grapheme.size();) {
            int len = 0;
            unicode::decodeUtf8(grapheme, pos, &len);
            const std::string_view c = std::string_view(grapheme).substr(pos, static_cast<size_t>(len));
            pos += static_cast<size_t>(len);
            if (const auto norm = map.transform(c))
                out.append(*norm);
            else
                out.append(c);
        }
    }
}

std::shared_ptr<const Charsmap> parseCharsmap(const std::string& base64, QString* error)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        QByteArray(base64.data(), static_cast<qsizetype>(base64.size())), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray& bytes = decoded.decoded;
    const auto bad = [&](const char* why) {
        *error = QStringLiteral("normalizer: Precompiled precompiled_charsmap %1").arg(QLatin1String(why));
        return nullptr;
    };
    if (!decoded || bytes.size() < 4)
        return bad("is not base64 of a SentencePiece charsmap");
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const size_t trieSize = size_t(p[0]) | (size_t(p[1]) << 8) | (size_t(p[2]) << 16) | (size_t(p[3]) << 24);
    if (trieSize % 4 != 0 || trieSize > size_t(bytes.size()) - 4)
        return bad("has a trie size that does not fit");
    auto map = std::make_shared<Charsmap>();
    map->units.resize(trieSize / 4);
    for (size_t i = 0; i < map->units.size(); ++i) {
        const unsigned char* u = p + 4 + 4 * i;
        map->units[i] = uint32_t(u[0]) | (uint32_t(u[1]) << 8) | (uint32_t(u[2]) << 16) | (uint32_t(u[3]) << 24);
    }
    map->normalized.assign(bytes.constData() + 4 + trieSize, static_cast<size_t>(bytes.size()) - 4 - trieSize);
    if (!unicode::isValidUtf8(map->normalized))
        return bad("has replacement text that is not UTF-8");
    return map;
}

} // namespace

TextNormalizer::~TextNormalizer() = default;

std::unique_ptr<TextNormalizer> TextNormalizer::fromJson(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<TextNormalizer> normalizer(new TextNormalizer());
    if (json.is_null())
        return normalizer;
    if (!normalizer->addStep(json, error))
        return nullptr;
    return normalizer;
}

bool TextNormalizer::addStep(const nlohmann::json& step, QString* error)
{
    const std::string type = step.is_object() ? step.value("type", std::string()) : std::string();
    if (type == "Sequence") {
        const auto& steps = step.value("normalizers", nlohmann::json());
        if (!steps.is_array()) {
            *error = QStringLiteral("normalizer.normalizers must be an array");
            return false;
        }
        for (const auto& s : steps) {
            if (!addStep(s, error))
                return false;
        }
        return true;
    }
    if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
        const Kind kind = type == "NFC" ? Kind::Nfc
            : type == "NFD"             ? Kind::Nfd
            : type == "NFKC"            ? Kind::Nfkc
                                        : Kind::Nfkd;
        m_steps.push_back(Step{kind, {}, {}});
        return true;
    }
    if (type == "Prepend") {
        m_steps.push_back(Step{Kind::Prepend, step.value("prepend", std::string()), {}});
        return true;
    }
    if (type == "Replace") {
        const auto& pattern = step.value("pattern", nlohmann::json());
        // transformers' SpmConverter writes Replace(Regex(" {2,}"), "\u2581"): every run of two or more spaces.
        if (pattern.is_object() && pattern.contains("Regex") && pattern["Regex"].is_string()
            && pattern["Regex"].get_ref<const std::string&>() == " {2,}") {
            m_steps.push_back(Step{Kind::ReplaceSpaceRuns, {}, step.value("content", std::string())});
            return true;
        }
        if (!pattern.is_object() || !pattern.contains("String") || !pattern["String"].is_string()
            || pattern["String"].get_ref<const std::string&>().empty()) {
            *error = QStringLiteral("normalizer: Replace with pattern %1 is not supported (only a literal String)")
                         .arg(fromStd(pattern.dump()));
            return false;
        }
        m_steps.push_back(
            Step{Kind::Replace, pattern["String"].get<std::string>(), step.value("content", std::string())});
        return true;
    }
    if (type == "Strip") {
        Step s{Kind::Strip, {}, {}};
        s.left = step.value("strip_left", true);
        s.right = step.value("strip_right", true);
        m_steps.push_back(s);
        return true;
    }
    if (type == "Lowercase") {
        m_steps.push_back(Step{Kind::Lowercase, {}, {}});
        return true;
    }
    if (type == "StripAccents") {
        m_steps.push_back(Step{Kind::StripAccents, {}, {}});
        return true;
    }
    if (type == "Precompiled") {
        const auto& charsmap = step.value("precompiled_charsmap", nlohmann::json());
        if (!charsmap.is_string()) {
            *error = QStringLiteral("normalizer: Precompiled needs a precompiled_charsmap string");
            return false;
        }
        Step s{Kind::Precompiled, {}, {}};
        // An empty charsmap is the identity (tokenizers' Precompiled::from gives a trie with no keys).
        if (!charsmap.get_ref<const std::string&>().empty()) {
            s.charsmap = parseCharsmap(charsmap.get<std::string>(), error);
            if (!s.charsmap)
                return false;
        }
        m_steps.push_back(s);
        return true;
    }
    if (type == "BertNormalizer") {
        const auto flag = [&](const char* key, bool fallback, bool* out) {
            const auto it = step.find(key);
            if (it == step.end() || it->is_null()) {
                *out = fallback;
                return true;
            }
            if (!it->is_boolean()) {
                *error = QStringLiteral("normalizer.%1 must be true, false or null").arg(QLatin1String(key));
                return false;
            }
            *out = it->get<bool>();
            return true;
        };
        Step s{Kind::Bert, {}, {}};
        if (!flag("clean_text", true, &s.cleanText) || !flag("handle_chinese_chars", true, &s.chineseChars)
            || !flag("lowercase", true, &s.lowercase) || !flag("strip_accents", s.lowercase, &s.stripAccents))
            return false;
        m_steps.push_back(s);
        return true;
    }
    *error
        = QStringLiteral("normalizer type \"%1\" is not supported (supported: NFC, NFD, NFKC, NFKD, Prepend, "
                         "Replace of a string, Strip, Lowercase, StripAccents, BertNormalizer, Precompiled, Sequence)")
              .arg(fromStd(type));
    return false;
}

std::string_view TextNormalizer::apply(std::string_view in, std::string& buffer) const
{
    std::string_view current = in;
    std::string next;
    for (const Step& step : m_steps) {
        switch (step.kind) {
        case Kind::Nfc:
        case Kind::Nfd:
        case Kind::Nfkc:
        case Kind::Nfkd: {
            const bool compat = step.kind == Kind::Nfkc || step.kind == Kind::Nfkd;
            const bool decompose = step.kind == Kind::Nfd || step.kind == Kind::Nfkd;
            if (compat || decompose ? trivialForCompatibility(current) : trivialForCanonical(current))
                continue;
            const QString::NormalizationForm form = step.kind == Kind::Nfc ? QString::NormalizationForm_C
                : step.kind == Kind::Nfd                                   ? QString::NormalizationForm_D
                : step.kind == Kind::Nfkc                                  ? QString::NormalizationForm_KC
                                                                           : QString::NormalizationForm_KD;
            const QByteArray utf8 = toQString(current).normalized(form).toUtf8();
            next.assign(utf8.constData(), static_cast<size_t>(utf8.size()));
            break;
        }
        case Kind::Prepend:
            // Like Hugging Face, an empty piece stays empty.
            if (current.empty())
                continue;
            next = step.a;
            next.append(current);
            break;
        case Kind::Replace: {
            if (current.find(step.a) == std::string_view::npos)
                continue;
            next.clear();
            size_t pos = 0;
            for (size_t hit = current.find(step.a); hit != std::string_view::npos; hit = current.find(step.a, pos)) {
                next.append(current.substr(pos, hit - pos));
                next.append(step.b);
                pos = hit + step.a.size();
            }
            next.append(current.substr(pos));
            break;
        }
        case Kind::ReplaceSpaceRuns: {
            if (current.find("  ") == std::string_view::npos)
                continue;
            next.clear();
            for (size_t pos = 0; pos < current.size();) {
                size_t run = 0;
                while (pos + run < current.size() && current[pos + run] == ' ')
                    ++run;
                if (run >= 2) {
                    next.append(step.b);
                    pos += run;
                } else if (run == 1) {
                    next.push_back(' ');
                    ++pos;
                } else {
                    next.push_back(current[pos++]);
                }
            }
            break;
        }
        case Kind::Strip: {
            size_t begin = 0;
            size_t end = current.size();
            if (step.left) {
                while (begin < end) {
                    int len = 0;
                    if (!isStripSpace(unicode::decodeUtf8(current, begin, &len)))
                        break;
                    begin += static_cast<size_t>(len);
                }
            }
            if (step.right) {
                while (end > begin) {
                    size_t start = end - 1;
                    while (start > begin && (static_cast<unsigned char>(current[start]) & 0xC0) == 0x80)
                        --start;
                    int len = 0;
                    if (!isStripSpace(unicode::decodeUtf8(current, start, &len)))
                        break;
                    end = start;
                }
            }
            if (begin == 0 && end == current.size())
                continue;
            next.assign(current.substr(begin, end - begin));
            break;
        }
        case Kind::Lowercase:
            lowercase(current, next);
            break;
        case Kind::StripAccents:
            if (trivialForCompatibility(current))
                continue;
            stripAccents(current, next, false);
            break;
        case Kind::Bert:
            bertNormalize(current, step.cleanText, step.chineseChars, step.stripAccents, step.lowercase, next);
            break;
        case Kind::Precompiled:
            if (!step.charsmap || current.empty())
                continue;
            precompiled(*step.charsmap, current, next);
            break;
        }
        buffer.swap(next);
        current = buffer;
    }
    return current;
}

} // namespace tl
