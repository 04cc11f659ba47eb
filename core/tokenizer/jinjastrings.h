#pragma once

#include "tokenizer/jinjavalue.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace tl::jinja {

// Python's str methods on UTF-8 text, by code point where Python counts code points (strip, split, title,
// indexing and slicing).

std::u32string toU32(const std::string& s);
std::string fromU32(const std::u32string& s);
// str.isspace() as str.split() and str.strip() use it.
bool isPySpace(char32_t c);

// str.strip/lstrip/rstrip: `chars` a string of code points to remove, or null for whitespace.
std::string strip(const std::string& s, const Value& chars, bool left, bool right);
// str.split(sep, maxsplit): `sep` a string, or null for runs of whitespace; maxSplit < 0: no limit.
Value split(const std::string& s, const Value& sep, int64_t maxSplit);
// str.replace(from, to, count); count < 0: every occurrence.
std::string replaceAll(const std::string& s, const std::string& from, const std::string& to, int64_t count);
// str.upper() / str.lower().
std::string caseMap(const std::string& s, bool upper);
// str.title(), or with onlyFirst the first code point alone upper-cased (str.capitalize() after lower()).
std::string title(const std::string& s, bool onlyFirst);

// A Python index: negative counts from the end.
int64_t normalizeIndex(int64_t i, int64_t size);

// Python slice semantics for lists and (code point) strings.
template <typename Seq> Seq sliceSeq(const Seq& seq, const Value& start, const Value& stop, const Value& step)
{
    const auto n = static_cast<int64_t>(seq.size());
    const int64_t st = step.is_null() ? 1 : asInt(step);
    if (st == 0)
        throw std::runtime_error("slice step cannot be zero");
    const auto clamp = [&](const Value& v, int64_t dflt) {
        if (v.is_null())
            return dflt;
        int64_t i = asInt(v);
        if (i < 0)
            i += n;
        if (st > 0)
            return std::clamp<int64_t>(i, 0, n);
        return std::clamp<int64_t>(i, -1, n - 1);
    };
    const int64_t b = clamp(start, st > 0 ? 0 : n - 1);
    const int64_t e = clamp(stop, st > 0 ? n : -1);
    Seq out{};
    for (int64_t i = b; st > 0 ? i < e : i > e; i += st)
        out.push_back(seq[static_cast<size_t>(i)]);
    return out;
}

} // namespace tl::jinja
