#include "tokenizer/textnormalizer.h"

#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

namespace tl {

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
    *error = QStringLiteral("normalizer type \"%1\" is not supported (supported: NFC, NFD, NFKC, NFKD, Prepend, "
                            "Replace of a string, Strip, Sequence)")
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
        }
        buffer.swap(next);
        current = buffer;
    }
    return current;
}

} // namespace tl
