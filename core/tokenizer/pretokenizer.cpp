#include "tokenizer/pretokenizer.h"

#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

namespace tl {

namespace {

using namespace unicode;

// The regexes exactly as they appear (after JSON unescaping) in the tokenizer.json files of the
// model families we support.
constexpr std::string_view kGpt2Regex = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Regex
    = R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kLlama3Regex
    = R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kDeepSeekDigitsRegex = R"(\p{N}{1,3})";
constexpr std::string_view kDeepSeekCjkRegex = "[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+";
// DeepSeek V3's tokenizer.json writes its main pattern with JSON "\r\n" escapes, so the regex holds a real
// CR and LF inside its classes; copies re-typed with the regex escapes \r \n mean the same and are accepted too.
constexpr std::string_view kDeepSeekMainRegex
    = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| "
      "?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";
constexpr std::string_view kDeepSeekMainEscapedRegex
    = R"([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

struct CodePoint {
    uint32_t offset;
    char32_t cp;
    uint8_t flags;
};

bool has(const CodePoint& c, uint8_t flags)
{
    return (c.flags & flags) != 0;
}

size_t runOf(const CodePoint* cps, size_t n, size_t j, uint8_t flags)
{
    while (j < n && has(cps[j], flags))
        ++j;
    return j;
}

// Characters in none of \s \p{L} \p{N}: [^\s\p{L}\p{N}]. Unassigned and control characters have no
// flags and belong here too.
bool isOther(const CodePoint& c)
{
    return !has(c, kSpace | kLetter | kNumber);
}

size_t runOfOther(const CodePoint* cps, size_t n, size_t j)
{
    while (j < n && isOther(cps[j]))
        ++j;
    return j;
}

// 's|'t|'re|'ve|'m|'ll|'d, optionally case-insensitive (Unicode simple case folding: ſ folds to s).
size_t matchContraction(const CodePoint* cps, size_t n, size_t i, bool caseInsensitive)
{
    if (cps[i].cp != '\'' || i + 1 >= n)
        return i;
    const auto fold = [caseInsensitive](char32_t c) -> char32_t {
        if (!caseInsensitive)
            return c;
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        if (c == 0x017F)
            return 's';
        return c;
    };
    const char32_t a = fold(cps[i + 1].cp);
    if (a == 's' || a == 't' || a == 'm' || a == 'd')
        return i + 2;
    if (i + 2 < n) {
        const char32_t b = fold(cps[i + 2].cp);
        if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
            return i + 3;
    }
    return i;
}

// \s*[\r\n]+ , then \s+(?!\S) , then \s+ , from a whitespace character at i.
size_t matchWhitespace(const CodePoint* cps, size_t n, size_t i, bool newlineAlternative)
{
    const size_t end = runOf(cps, n, i, kSpace);
    if (newlineAlternative) {
        // Backtracking \s* leaves the last newline of the run to [\r\n]+, which then cannot extend.
        for (size_t k = end; k > i; --k) {
            if (has(cps[k - 1], kNewline))
                return k;
        }
    }
    if (end == n || end - 1 == i)
        return end;
    return end - 1;
}

size_t matchGpt2(const CodePoint* cps, size_t n, size_t i)
{
    if (const size_t e = matchContraction(cps, n, i, false); e != i)
        return e;
    const CodePoint& c = cps[i];
    if (c.cp == ' ' && i + 1 < n) {
        const CodePoint& next = cps[i + 1];
        if (has(next, kLetter))
            return runOf(cps, n, i + 1, kLetter);
        if (has(next, kNumber))
            return runOf(cps, n, i + 1, kNumber);
        if (isOther(next))
            return runOfOther(cps, n, i + 1);
    }
    if (has(c, kLetter))
        return runOf(cps, n, i, kLetter);
    if (has(c, kNumber))
        return runOf(cps, n, i, kNumber);
    if (isOther(c))
        return runOfOther(cps, n, i);
    return matchWhitespace(cps, n, i, false);
}

size_t matchLlama3(const CodePoint* cps, size_t n, size_t i, size_t maxDigits)
{
    if (const size_t e = matchContraction(cps, n, i, true); e != i)
        return e;
    const CodePoint& c = cps[i];
    // [^\r\n\p{L}\p{N}]?\p{L}+
    if (has(c, kLetter))
        return runOf(cps, n, i, kLetter);
    if (!has(c, kNewline | kNumber) && i + 1 < n && has(cps[i + 1], kLetter))
        return runOf(cps, n, i + 1, kLetter);
    // \p{N}{1,3}
    if (has(c, kNumber)) {
        size_t j = i + 1;
        while (j < n && j - i < maxDigits && has(cps[j], kNumber))
            ++j;
        return j;
    }
    // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
    if (c.cp == ' ' && i + 1 < n && isOther(cps[i + 1]))
        return runOf(cps, n, runOfOther(cps, n, i + 1), kNewline);
    if (isOther(c))
        return runOf(cps, n, runOfOther(cps, n, i), kNewline);
    return matchWhitespace(cps, n, i, true);
}

bool isAsciiPunct(char32_t c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool isAsciiLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Returns i when nothing matches at i (the character is left to the gap between matches).
size_t matchDeepSeekMain(const CodePoint* cps, size_t n, size_t i)
{
    const CodePoint& c = cps[i];
    if (isAsciiPunct(c.cp) && i + 1 < n && isAsciiLetter(cps[i + 1].cp)) {
        size_t j = i + 1;
        while (j < n && isAsciiLetter(cps[j].cp))
            ++j;
        return j;
    }
    // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
    if (has(c, kLetter | kMark))
        return runOf(cps, n, i, kLetter | kMark);
    if (!has(c, kNewline | kLetter | kPunct | kSymbol) && i + 1 < n && has(cps[i + 1], kLetter | kMark))
        return runOf(cps, n, i + 1, kLetter | kMark);
    // ' ?[\p{P}\p{S}]+[\r\n]*'
    if (c.cp == ' ' && i + 1 < n && has(cps[i + 1], kPunct | kSymbol))
        return runOf(cps, n, runOf(cps, n, i + 1, kPunct | kSymbol), kNewline);
    if (has(c, kPunct | kSymbol))
        return runOf(cps, n, runOf(cps, n, i, kPunct | kSymbol), kNewline);
    if (has(c, kSpace))
        return matchWhitespace(cps, n, i, true);
    return i;
}

bool isDeepSeekCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3040 && c <= 0x30FF);
}

size_t matchAt(PreTokenizer::Pattern pattern, const CodePoint* cps, size_t n, size_t i, char32_t metaspace)
{
    using P = PreTokenizer::Pattern;
    switch (pattern) {
    case P::Gpt2:
        return matchGpt2(cps, n, i);
    case P::Qwen2:
        return matchLlama3(cps, n, i, 1);
    case P::Llama3:
        return matchLlama3(cps, n, i, 3);
    case P::DeepSeekDigits:
        if (!has(cps[i], kNumber))
            return i;
        return std::min(runOf(cps, n, i, kNumber), i + 3);
    case P::DeepSeekCjk: {
        size_t j = i;
        while (j < n && isDeepSeekCjk(cps[j].cp))
            ++j;
        return j;
    }
    case P::DeepSeekMain:
        return matchDeepSeekMain(cps, n, i);
    case P::Digits:
        return has(cps[i], kNumber) ? runOf(cps, n, i, kNumber) : i;
    case P::IndividualDigits:
        return has(cps[i], kNumber) ? i + 1 : i;
    case P::MetaspaceSplit: {
        // MergedWithNext: every replacement character starts a new word.
        size_t j = i + 1;
        while (j < n && cps[j].cp != metaspace)
            ++j;
        return j;
    }
    }
    return i;
}

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

PreTokenizer::~PreTokenizer() = default;

bool PreTokenizer::patternForRegex(std::string_view regex, Pattern* pattern)
{
    const std::pair<std::string_view, Pattern> known[] = {
        {kGpt2Regex, Pattern::Gpt2},
        {kQwen2Regex, Pattern::Qwen2},
        {kLlama3Regex, Pattern::Llama3},
        {kDeepSeekDigitsRegex, Pattern::DeepSeekDigits},
        {kDeepSeekCjkRegex, Pattern::DeepSeekCjk},
        {kDeepSeekMainRegex, Pattern::DeepSeekMain},
        {kDeepSeekMainEscapedRegex, Pattern::DeepSeekMain},
    };
    for (const auto& [text, p] : known) {
        if (regex == text) {
            *pattern = p;
            return true;
        }
    }
    return false;
}

std::unique_ptr<PreTokenizer> PreTokenizer::fromJson(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<PreTokenizer> pre(new PreTokenizer());
    if (json.is_null())
        return pre;
    if (!json.is_object() || !json.contains("type")) {
        *error = QStringLiteral("pre_tokenizer must be null or an object with a \"type\"");
        return nullptr;
    }
    if (json["type"] == "Sequence") {
        const auto& steps = json.value("pretokenizers", nlohmann::json());
        if (!steps.is_array()) {
            *error = QStringLiteral("pre_tokenizer.pretokenizers must be an array");
            return nullptr;
        }
        bool first = true;
        for (const auto& step : steps) {
            if (!pre->addStep(step, first, error))
                return nullptr;
            first = false;
        }
        return pre;
    }
    if (!pre->addStep(json, true, error))
        return nullptr;
    return pre;
}

bool PreTokenizer::addStep(const nlohmann::json& step, bool first, QString* error)
{
    const std::string type = step.is_object() ? step.value("type", std::string()) : std::string();
    if (type == "ByteLevel") {
        m_byteLevel = true;
        if (step.value("add_prefix_space", false)) {
            if (!first) {
                *error = QStringLiteral(
                    "pre_tokenizer: ByteLevel with add_prefix_space after another step is not supported");
                return false;
            }
            m_prefixSpace = true;
        }
        if (step.value("use_regex", true))
            m_patterns.push_back(Pattern::Gpt2);
        return true;
    }
    if (type == "Split") {
        const auto& pattern = step.value("pattern", nlohmann::json());
        const std::string behavior = step.value("behavior", std::string());
        if (step.value("invert", false) || behavior != "Isolated") {
            *error
                = QStringLiteral("pre_tokenizer: Split with behavior \"%1\"%2 is not supported (only Isolated)")
                      .arg(fromStd(behavior), step.value("invert", false) ? QStringLiteral(" and invert") : QString());
            return false;
        }
        Pattern p{};
        if (!pattern.is_object() || !pattern.contains("Regex") || !pattern["Regex"].is_string()
            || !patternForRegex(pattern["Regex"].get_ref<const std::string&>(), &p)) {
            *error = QStringLiteral("pre_tokenizer: Split pattern %1 is not one of the known patterns "
                                    "(GPT-2, Qwen2/3, Llama 3, DeepSeek V3); see docs/TOKENIZER.md")
                         .arg(fromStd(pattern.dump()));
            return false;
        }
        m_patterns.push_back(p);
        return true;
    }
    if (type == "Digits") {
        m_patterns.push_back(step.value("individual_digits", false) ? Pattern::IndividualDigits : Pattern::Digits);
        return true;
    }
    if (type == "Metaspace") {
        if (!first) {
            *error = QStringLiteral("pre_tokenizer: Metaspace after another step is not supported");
            return false;
        }
        m_hasMetaspace = true;
        m_metaspace = step.value("replacement", std::string("\u2581"));
        int len = 0;
        if (m_metaspace.empty()
            || (unicode::decodeUtf8(m_metaspace, 0, &len), static_cast<size_t>(len) != m_metaspace.size())) {
            *error = QStringLiteral("pre_tokenizer: Metaspace replacement must be one character");
            return false;
        }
        const std::string scheme = step.value("prepend_scheme", std::string());
        if (scheme == "always")
            m_prepend = Prepend::Always;
        else if (scheme == "first")
            m_prepend = Prepend::First;
        else if (scheme == "never")
            m_prepend = Prepend::Never;
        else if (scheme.empty())
            m_prepend = step.value("add_prefix_space", true) ? Prepend::Always : Prepend::Never;
        else {
            *error = QStringLiteral("pre_tokenizer: Metaspace prepend_scheme \"%1\" is unknown").arg(fromStd(scheme));
            return false;
        }
        if (step.value("split", true))
            m_patterns.push_back(Pattern::MetaspaceSplit);
        return true;
    }
    *error = QStringLiteral("pre_tokenizer type \"%1\" is not supported (supported: ByteLevel, Split with a known "
                            "pattern, Digits, Metaspace, Sequence)")
                 .arg(fromStd(type));
    return false;
}

std::string_view PreTokenizer::prepare(std::string_view piece, bool atStart, std::string& scratch) const
{
    if (m_prefixSpace && !piece.empty() && piece.front() != ' ') {
        scratch.assign(1, ' ');
        scratch.append(piece);
        return scratch;
    }
    if (!m_hasMetaspace)
        return piece;
    scratch.clear();
    const bool startsWithSpace = !piece.empty() && piece.front() == ' ';
    const bool startsWithReplacement = piece.substr(0, m_metaspace.size()) == m_metaspace;
    if ((m_prepend == Prepend::Always || (m_prepend == Prepend::First && atStart)) && !startsWithSpace
        && !startsWithReplacement)
        scratch = m_metaspace;
    for (const char c : piece) {
        if (c == ' ')
            scratch += m_metaspace;
        else
            scratch.push_back(c);
    }
    return scratch;
}

void PreTokenizer::split(std::string_view text, std::vector<Range>& words) const
{
    words.clear();
    if (text.empty())
        return;
    if (m_patterns.empty()) {
        words.emplace_back(0, static_cast<uint32_t>(text.size()));
        return;
    }
    thread_local std::vector<CodePoint> cps;
    thread_local std::vector<Range> current;
    cps.clear();
    for (size_t pos = 0; pos < text.size();) {
        int len = 0;
        const char32_t cp = unicode::decodeUtf8(text, pos, &len);
        cps.push_back(CodePoint{static_cast<uint32_t>(pos), cp, unicode::charFlags(cp)});
        pos += static_cast<size_t>(len);
    }
    const size_t total = cps.size();
    cps.push_back(CodePoint{static_cast<uint32_t>(text.size()), 0, 0}); // sentinel for offsets
    int len = 0;
    const char32_t metaspace = m_hasMetaspace ? unicode::decodeUtf8(m_metaspace, 0, &len) : 0;

    // Ranges here are code point indices; each step re-splits every range of the previous one, like
    // Hugging Face's Sequence of Isolated splits.
    current.assign(1, Range(0, static_cast<uint32_t>(total)));
    for (const Pattern pattern : m_patterns) {
        words.clear();
        for (const Range& range : current) {
            const CodePoint* base = cps.data() + range.first;
            const size_t n = range.second - range.first;
            size_t gap = 0;
            size_t i = 0;
            while (i < n) {
                const size_t end = matchAt(pattern, base, n, i, metaspace);
                if (end == i) {
                    ++i;
                    continue;
                }
                if (gap < i)
                    words.emplace_back(range.first + gap, range.first + i);
                words.emplace_back(range.first + i, range.first + end);
                i = end;
                gap = end;
            }
            if (gap < n)
                words.emplace_back(range.first + gap, range.first + n);
        }
        current.swap(words);
    }
    words.clear();
    for (const Range& range : current)
        words.emplace_back(cps[range.first].offset, cps[range.second].offset);
}

} // namespace tl
