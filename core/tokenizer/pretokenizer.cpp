#include "tokenizer/pretokenizer.h"

#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

#include <algorithm>

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

struct PreTokenizer::Step {
    enum class Kind : uint8_t { Fast, Regex, Whitespace, Punctuation, Char };
    Kind kind = Kind::Fast;
    Pattern fast{};
    std::shared_ptr<const QRegularExpression> regex;
    char32_t ch = 0;
    Behavior behavior = Behavior::Isolated;
    bool invert = false;

    static Step fastStep(Pattern p) { return Step{Kind::Fast, p, nullptr, 0, Behavior::Isolated, false}; }
    static Step predicate(Kind k, Behavior b, char32_t c = 0) { return Step{k, {}, nullptr, c, b, false}; }
};

namespace {

// Rust's char::is_ascii_punctuation || char::is_punctuation (general category P*): BERT's and Punctuation's test.
bool isPunctuation(const CodePoint& c)
{
    return (c.cp < 0x80 && ((c.cp >= 0x21 && c.cp <= 0x2F) || (c.cp >= 0x3A && c.cp <= 0x40) || (c.cp >= 0x5B && c.cp <= 0x60)
                || (c.cp >= 0x7B && c.cp <= 0x7E)))
        || has(c, kPunct);
}

bool behaviorFromName(const std::string& name, PreTokenizer::Behavior* out)
{
    using B = PreTokenizer::Behavior;
    static const std::pair<const char*, B> names[] = {{"Isolated", B::Isolated}, {"Removed", B::Removed},
        {"MergedWithPrevious", B::MergedWithPrevious}, {"MergedWithNext", B::MergedWithNext},
        {"Contiguous", B::Contiguous}};
    for (const auto& [n, b] : names) {
        if (name == n) {
            *out = b;
            return true;
        }
    }
    return false;
}

// Oniguruma's \w with Unicode (Alphabetic, marks, decimal digits, connector punctuation, joiners); PCRE2's UCP \w
// is only \p{L}, \p{N} and _.
const char* const kOnigWord = "\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\x{200C}\\x{200D}";

} // namespace

PreTokenizer::PreTokenizer() = default;
PreTokenizer::~PreTokenizer() = default;

QString PreTokenizer::pcrePattern(std::string_view oniguruma, QString* error)
{
    const QString in = QString::fromUtf8(oniguruma.data(), qsizetype(oniguruma.size()));
    const QString word = QString::fromLatin1(kOnigWord);
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        if (c == u'\\' && i + 1 < in.size()) {
            const QChar n = in[i + 1];
            ++i;
            if (n == u'w') {
                out += inClass ? word : u'[' + word + u']';
            } else if (n == u'W') {
                if (inClass) {
                    *error = QStringLiteral("\\W inside a character class");
                    return {};
                }
                out += QStringLiteral("[^") + word + u']';
            } else if (n == u'h' || n == u'H') {
                *error = QStringLiteral("\\%1 (a hex digit in Oniguruma, horizontal space in PCRE)").arg(n);
                return {};
            } else {
                out += c;
                out += n;
            }
            continue;
        }
        if (!inClass && c == u'[') {
            inClass = true;
            out += c;
            // A ']' right after '[' or '[^' is a literal member.
            if (i + 1 < in.size() && in[i + 1] == u'^') {
                out += in[++i];
            }
            if (i + 1 < in.size() && in[i + 1] == u']')
                out += in[++i];
            continue;
        }
        if (inClass && c == u'[') {
            *error = QStringLiteral("a nested character class");
            return {};
        }
        if (inClass && c == u']')
            inClass = false;
        out += c;
    }
    return out;
}

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

std::unique_ptr<PreTokenizer> PreTokenizer::fromJsonGeneral(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<PreTokenizer> pre(new PreTokenizer());
    pre->m_generalOnly = true;
    return pre->fromJsonInto(json, error) ? std::move(pre) : nullptr;
}

std::unique_ptr<PreTokenizer> PreTokenizer::fromJson(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<PreTokenizer> pre(new PreTokenizer());
    return pre->fromJsonInto(json, error) ? std::move(pre) : nullptr;
}

bool PreTokenizer::fromJsonInto(const nlohmann::json& json, QString* error)
{
    if (json.is_null())
        return true;
    if (!json.is_object() || !json.contains("type")) {
        *error = QStringLiteral("pre_tokenizer must be null or an object with a \"type\"");
        return false;
    }
    if (json["type"] == "Sequence") {
        const auto& steps = json.value("pretokenizers", nlohmann::json());
        if (!steps.is_array()) {
            *error = QStringLiteral("pre_tokenizer.pretokenizers must be an array");
            return false;
        }
        bool first = true;
        for (const auto& step : steps) {
            if (!addStep(step, first, error))
                return false;
            first = false;
        }
        return true;
    }
    if (!addStep(json, true, error))
        return false;
    return true;
}

bool PreTokenizer::addStep(const nlohmann::json& step, bool first, QString* error)
{
    const std::string type = step.is_object() ? step.value("type", std::string()) : std::string();
    if (m_wordMetaspace) {
        *error = QStringLiteral("pre_tokenizer: a step after a Metaspace that follows another step is not supported");
        return false;
    }
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
            m_steps.push_back(Step::fastStep(Pattern::Gpt2));
        return true;
    }
    if (type == "Split") {
        const auto& pattern = step.value("pattern", nlohmann::json());
        Step s;
        if (!step.contains("behavior") || !step["behavior"].is_string()
            || !behaviorFromName(step["behavior"].get<std::string>(), &s.behavior)) {
            *error = QStringLiteral("pre_tokenizer: Split behavior %1 is unknown (Isolated, Removed, "
                                    "MergedWithPrevious, MergedWithNext, Contiguous)")
                         .arg(fromStd(step.value("behavior", nlohmann::json()).dump()));
            return false;
        }
        s.invert = step.value("invert", false) == true;
        const bool isRegex = pattern.is_object() && pattern.contains("Regex") && pattern["Regex"].is_string();
        const bool isString = pattern.is_object() && pattern.contains("String") && pattern["String"].is_string();
        if (!isRegex && !isString) {
            *error = QStringLiteral("pre_tokenizer: Split pattern must be {\"Regex\": ...} or {\"String\": ...}");
            return false;
        }
        const std::string& text = (isRegex ? pattern["Regex"] : pattern["String"]).get_ref<const std::string&>();
        Pattern p{};
        if (isRegex && !m_generalOnly && patternForRegex(text, &p)) {
            s.kind = Step::Kind::Fast;
            s.fast = p;
            m_steps.push_back(s);
            return true;
        }
        QString why;
        const QString source = isRegex
            ? pcrePattern(text, &why)
            : QRegularExpression::escape(QString::fromUtf8(text.data(), qsizetype(text.size())));
        if (source.isEmpty() && !why.isEmpty()) {
            *error = QStringLiteral("pre_tokenizer: Split pattern %1 cannot be reproduced exactly: %2")
                         .arg(fromStd(pattern.dump()), why);
            return false;
        }
        auto regex = std::make_shared<QRegularExpression>(source, QRegularExpression::UseUnicodePropertiesOption);
        if (!regex->isValid()) {
            *error = QStringLiteral("pre_tokenizer: Split pattern %1 is not a regex PCRE2 reads: %2")
                         .arg(fromStd(pattern.dump()), regex->errorString());
            return false;
        }
        regex->optimize();
        s.kind = Step::Kind::Regex;
        s.regex = std::move(regex);
        m_steps.push_back(s);
        return true;
    }
    if (type == "Whitespace") { // \w+|[^\w\s]+, inverted and removed: what is neither is dropped
        Step s;
        s.kind = Step::Kind::Regex;
        QString ignored;
        auto regex = std::make_shared<QRegularExpression>(
            pcrePattern(R"(\w+|[^\w\s]+)", &ignored), QRegularExpression::UseUnicodePropertiesOption);
        regex->optimize();
        s.regex = std::move(regex);
        s.behavior = Behavior::Removed;
        s.invert = true;
        m_steps.push_back(s);
        return true;
    }
    if (type == "WhitespaceSplit") {
        m_steps.push_back(Step::predicate(Step::Kind::Whitespace, Behavior::Removed));
        return true;
    }
    if (type == "BertPreTokenizer") {
        m_steps.push_back(Step::predicate(Step::Kind::Whitespace, Behavior::Removed));
        m_steps.push_back(Step::predicate(Step::Kind::Punctuation, Behavior::Isolated));
        return true;
    }
    if (type == "Punctuation") {
        Behavior b = Behavior::Isolated;
        if (step.contains("behavior")
            && !(step["behavior"].is_string() && behaviorFromName(step["behavior"].get<std::string>(), &b))) {
            *error = QStringLiteral("pre_tokenizer: Punctuation behavior is unknown");
            return false;
        }
        m_steps.push_back(Step::predicate(Step::Kind::Punctuation, b));
        return true;
    }
    if (type == "CharDelimiterSplit") {
        const std::string d = step.value("delimiter", std::string());
        int len = 0;
        if (d.empty() || (unicode::decodeUtf8(d, 0, &len), static_cast<size_t>(len) != d.size())) {
            *error = QStringLiteral("pre_tokenizer: CharDelimiterSplit delimiter must be one character");
            return false;
        }
        m_steps.push_back(Step::predicate(Step::Kind::Char, Behavior::Removed, unicode::decodeUtf8(d, 0, &len)));
        return true;
    }
    if (type == "Digits") {
        m_steps.push_back(Step::fastStep(step.value("individual_digits", false) ? Pattern::IndividualDigits : Pattern::Digits));
        return true;
    }
    if (type == "Metaspace" && !first) {
        // Only as the last step, word by word (metaspaceWord()). "first" would need each word's offset in the
        // original text, which a normalizer may have moved: refused rather than guessed.
        if (m_hasMetaspace || m_prefixSpace) {
            *error = QStringLiteral("pre_tokenizer: Metaspace after another step is only supported after "
                                    "steps that do not rewrite the text");
            return false;
        }
        m_metaspace = step.value("replacement", std::string("\u2581"));
        int len = 0;
        if (m_metaspace.empty()
            || (unicode::decodeUtf8(m_metaspace, 0, &len), static_cast<size_t>(len) != m_metaspace.size())) {
            *error = QStringLiteral("pre_tokenizer: Metaspace replacement must be one character");
            return false;
        }
        const std::string scheme = step.value("prepend_scheme", std::string());
        if (scheme == "always" || (scheme.empty() && step.value("add_prefix_space", true)))
            m_prepend = Prepend::Always;
        else if (scheme == "never" || scheme.empty())
            m_prepend = Prepend::Never;
        else {
            *error = QStringLiteral("pre_tokenizer: Metaspace prepend_scheme \"%1\" after another step is not "
                                    "supported (only \"always\" and \"never\")")
                         .arg(fromStd(scheme));
            return false;
        }
        m_wordMetaspace = true;
        m_wordMetaspaceSplit = step.value("split", true);
        return true;
    }
    if (type == "Metaspace") {
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
            m_steps.push_back(Step::fastStep(Pattern::MetaspaceSplit));
        return true;
    }
    *error = QStringLiteral("pre_tokenizer type \"%1\" is not supported (supported: ByteLevel, Split, Digits, "
                            "Metaspace, Whitespace, WhitespaceSplit, Punctuation, BertPreTokenizer, "
                            "CharDelimiterSplit, Sequence)")
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

void PreTokenizer::metaspaceWord(std::string_view word, std::string& scratch, std::vector<Range>& pieces) const
{
    scratch.clear();
    pieces.clear();
    if (word.empty())
        return;
    if (m_prepend == Prepend::Always && !word.starts_with(m_metaspace) && !word.starts_with(' '))
        scratch = m_metaspace;
    for (const char c : word) {
        if (c == ' ')
            scratch += m_metaspace;
        else
            scratch.push_back(c);
    }
    if (!m_wordMetaspaceSplit) {
        pieces.emplace_back(0, static_cast<uint32_t>(scratch.size()));
        return;
    }
    // Split on the replacement, MergedWithNext: every replacement starts a new piece.
    size_t begin = 0;
    for (size_t hit = scratch.find(m_metaspace, 1); hit != std::string::npos;
         hit = scratch.find(m_metaspace, hit + m_metaspace.size())) {
        pieces.emplace_back(static_cast<uint32_t>(begin), static_cast<uint32_t>(hit));
        begin = hit;
    }
    pieces.emplace_back(static_cast<uint32_t>(begin), static_cast<uint32_t>(scratch.size()));
}

void PreTokenizer::split(std::string_view text, std::vector<Range>& words) const
{
    words.clear();
    if (text.empty())
        return;
    if (m_steps.empty()) {
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

    // Ranges here are code point indices; each step re-splits every range of the previous one, like
    // Hugging Face's Sequence of splits.
    current.assign(1, Range(0, static_cast<uint32_t>(total)));
    for (const Step& step : m_steps) {
        words.clear();
        splitStep(step, cps.data(), current, words);
        current.swap(words);
    }
    words.clear();
    for (const Range& range : current)
        words.emplace_back(cps[range.first].offset, cps[range.second].offset);
}

namespace {

struct Piece {
    uint32_t first;
    uint32_t second;
    bool flag; // a match (before the behaviour is applied); "remove" after
};

// Oniguruma's find_iter over `subject` as Hugging Face's SysRegex runs it: an empty match right where the previous
// match ended is skipped by moving one character on (so a non-empty match starting there is not looked for).
void regexMatches(const QRegularExpression& re, const QString& subject, std::vector<std::pair<qsizetype, qsizetype>>& out)
{
    qsizetype lastEnd = 0;
    qsizetype lastMatchEnd = -1;
    const qsizetype n = subject.size();
    while (lastEnd <= n) {
        const QRegularExpressionMatch m = re.match(subject, lastEnd);
        if (!m.hasMatch())
            break;
        const qsizetype s = m.capturedStart(0);
        const qsizetype e = m.capturedEnd(0);
        if (s == e && lastMatchEnd == e) {
            lastEnd += (lastEnd < n && subject[lastEnd].isHighSurrogate() && lastEnd + 1 < n) ? 2 : 1;
            continue;
        }
        lastEnd = e;
        lastMatchEnd = e;
        out.emplace_back(s, e);
    }
}

// Hugging Face's NormalizedString::split: the alternating (piece, is_match) list, inverted when asked, folded by
// the behaviour; pieces flagged for removal and empty ones are dropped.
void applyBehavior(PreTokenizer::Behavior behavior, bool invert, std::vector<Piece>& pieces, uint32_t base,
    std::vector<PreTokenizer::Range>& out)
{
    using B = PreTokenizer::Behavior;
    if (invert) {
        for (Piece& p : pieces)
            p.flag = !p.flag;
    }
    thread_local std::vector<Piece> acc;
    acc.clear();
    switch (behavior) {
    case B::Isolated:
        for (const Piece& p : pieces)
            acc.push_back(Piece{p.first, p.second, false});
        break;
    case B::Removed:
        acc = pieces;
        break;
    case B::Contiguous: {
        bool previous = false;
        for (const Piece& p : pieces) {
            if (p.flag == previous && !acc.empty())
                acc.back().second = p.second;
            else
                acc.push_back(Piece{p.first, p.second, false});
            previous = p.flag;
        }
        break;
    }
    case B::MergedWithPrevious: {
        bool previous = false;
        for (const Piece& p : pieces) {
            if (p.flag && !previous && !acc.empty())
                acc.back().second = p.second;
            else
                acc.push_back(Piece{p.first, p.second, false});
            previous = p.flag;
        }
        break;
    }
    case B::MergedWithNext: {
        bool previous = false;
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
            if (it->flag && !previous && !acc.empty())
                acc.back().first = it->first;
            else
                acc.push_back(Piece{it->first, it->second, false});
            previous = it->flag;
        }
        std::reverse(acc.begin(), acc.end());
        break;
    }
    }
    for (const Piece& p : acc) {
        if (!p.flag && p.first < p.second)
            out.emplace_back(base + p.first, base + p.second);
    }
}

} // namespace

void PreTokenizer::splitStep(const Step& step, const void* cpsData, const std::vector<Range>& in,
    std::vector<Range>& out) const
{
    const auto* cps = static_cast<const CodePoint*>(cpsData);
    int len = 0;
    const char32_t metaspace = m_hasMetaspace ? unicode::decodeUtf8(m_metaspace, 0, &len) : 0;
    const bool fastIsolated = step.kind == Step::Kind::Fast && step.behavior == Behavior::Isolated && !step.invert;
    thread_local std::vector<Piece> pieces;
    thread_local std::vector<std::pair<qsizetype, qsizetype>> found;
    thread_local std::vector<uint32_t> unitToCp;
    for (const Range& range : in) {
        const CodePoint* base = cps + range.first;
        const size_t n = range.second - range.first;
        if (fastIsolated) {
            size_t gap = 0;
            size_t i = 0;
            while (i < n) {
                const size_t end = matchAt(step.fast, base, n, i, metaspace);
                if (end == i) {
                    ++i;
                    continue;
                }
                if (gap < i)
                    out.emplace_back(range.first + gap, range.first + i);
                out.emplace_back(range.first + i, range.first + end);
                i = end;
                gap = end;
            }
            if (gap < n)
                out.emplace_back(range.first + gap, range.first + n);
            continue;
        }
        // The matches as (start, end) code point indices, then the alternating piece list.
        pieces.clear();
        uint32_t prev = 0;
        const auto addMatch = [&](uint32_t s, uint32_t e) {
            if (prev != s)
                pieces.push_back(Piece{prev, s, false});
            pieces.push_back(Piece{s, e, true});
            prev = e;
        };
        switch (step.kind) {
        case Step::Kind::Fast:
            for (size_t i = 0; i < n;) {
                const size_t end = matchAt(step.fast, base, n, i, metaspace);
                if (end == i) {
                    ++i;
                    continue;
                }
                addMatch(uint32_t(i), uint32_t(end));
                i = end;
            }
            break;
        case Step::Kind::Regex: {
            QString subject;
            subject.reserve(qsizetype(n));
            unitToCp.clear();
            for (size_t k = 0; k < n; ++k) {
                const char32_t c = base[k].cp;
                if (c >= 0x10000) {
                    subject += QChar(QChar::highSurrogate(c));
                    subject += QChar(QChar::lowSurrogate(c));
                    unitToCp.push_back(uint32_t(k));
                    unitToCp.push_back(uint32_t(k));
                } else {
                    subject += QChar(char16_t(c));
                    unitToCp.push_back(uint32_t(k));
                }
            }
            unitToCp.push_back(uint32_t(n));
            found.clear();
            regexMatches(*step.regex, subject, found);
            for (const auto& [s, e] : found)
                addMatch(unitToCp[size_t(s)], unitToCp[size_t(e)]);
            break;
        }
        case Step::Kind::Whitespace:
        case Step::Kind::Punctuation:
        case Step::Kind::Char:
            for (size_t k = 0; k < n; ++k) {
                const CodePoint& c = base[k];
                const bool hit = step.kind == Step::Kind::Whitespace ? unicode::isWhitespace(c.cp)
                    : step.kind == Step::Kind::Punctuation           ? isPunctuation(c)
                                                                     : c.cp == step.ch;
                if (hit)
                    addMatch(uint32_t(k), uint32_t(k + 1));
            }
            break;
        }
        if (prev != n)
            pieces.push_back(Piece{prev, uint32_t(n), false});
        applyBehavior(step.behavior, step.invert, pieces, range.first, out);
    }
}

} // namespace tl
