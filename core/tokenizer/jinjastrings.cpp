#include "tokenizer/jinjastrings.h"

#include "tokenizer/unicodeutil.h"

#include <QByteArray>
#include <QString>

namespace tl::jinja {

std::u32string toU32(const std::string& s)
{
    std::u32string out;
    for (size_t pos = 0; pos < s.size();) {
        int len = 0;
        out.push_back(unicode::decodeUtf8(s, pos, &len));
        pos += static_cast<size_t>(len);
    }
    return out;
}

std::string fromU32(const std::u32string& s)
{
    std::string out;
    for (const char32_t c : s)
        unicode::appendUtf8(out, c);
    return out;
}

bool isPySpace(char32_t c)
{
    return unicode::isWhitespace(c) || (c >= 0x1C && c <= 0x1F);
}

std::string strip(const std::string& s, const Value& chars, bool left, bool right)
{
    const std::u32string text = toU32(s);
    const std::u32string set = chars.is_string() ? toU32(chars.get<std::string>()) : std::u32string();
    const auto strippable
        = [&](char32_t c) { return chars.is_string() ? set.find(c) != std::u32string::npos : isPySpace(c); };
    size_t b = 0;
    size_t e = text.size();
    while (left && b < e && strippable(text[b]))
        ++b;
    while (right && e > b && strippable(text[e - 1]))
        --e;
    return fromU32(text.substr(b, e - b));
}

Value split(const std::string& s, const Value& sep, int64_t maxSplit)
{
    Value out = Value::array();
    if (sep.is_string()) {
        const std::string& d = sep.get_ref<const std::string&>();
        if (d.empty())
            throw std::runtime_error("split(): empty separator");
        size_t pos = 0;
        for (size_t hit = s.find(d);
             hit != std::string::npos && (maxSplit < 0 || static_cast<int64_t>(out.size()) < maxSplit);
             hit = s.find(d, pos)) {
            out.push_back(s.substr(pos, hit - pos));
            pos = hit + d.size();
        }
        out.push_back(s.substr(pos));
        return out;
    }
    // No separator: runs of whitespace separate, and leading/trailing whitespace yields nothing.
    const std::u32string text = toU32(s);
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isPySpace(text[i]))
            ++i;
        if (i >= text.size())
            break;
        if (maxSplit >= 0 && static_cast<int64_t>(out.size()) >= maxSplit) {
            std::u32string rest = text.substr(i);
            while (!rest.empty() && isPySpace(rest.back()))
                rest.pop_back();
            out.push_back(fromU32(rest));
            break;
        }
        size_t j = i;
        while (j < text.size() && !isPySpace(text[j]))
            ++j;
        out.push_back(fromU32(text.substr(i, j - i)));
        i = j;
    }
    return out;
}

std::string replaceAll(const std::string& s, const std::string& from, const std::string& to, int64_t count)
{
    if (from.empty())
        return s;
    std::string out;
    size_t pos = 0;
    int64_t n = 0;
    for (size_t hit = s.find(from); hit != std::string::npos && (count < 0 || n < count);
         hit = s.find(from, pos), ++n) {
        out.append(s, pos, hit - pos);
        out += to;
        pos = hit + from.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

std::string caseMap(const std::string& s, bool upper)
{
    const QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    const QByteArray b = (upper ? q.toUpper() : q.toLower()).toUtf8();
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

std::string title(const std::string& s, bool onlyFirst)
{
    const std::u32string t = toU32(s);
    std::string out;
    bool startOfWord = true;
    for (size_t i = 0; i < t.size(); ++i) {
        std::string c;
        unicode::appendUtf8(c, t[i]);
        const bool letter = (unicode::charFlags(t[i]) & (unicode::kLetter | unicode::kNumber)) != 0;
        out += caseMap(c, onlyFirst ? i == 0 : startOfWord);
        startOfWord = !letter;
    }
    return out;
}

int64_t normalizeIndex(int64_t i, int64_t size)
{
    return i < 0 ? i + size : i;
}

} // namespace tl::jinja
