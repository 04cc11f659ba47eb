#include "tokenizer/tokendecoder.h"

#include "tokenizer/bpemodel.h"
#include "tokenizer/unicodeutil.h"

#include <nlohmann/json.hpp>

#include <array>

namespace tl {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// The inverse of BpeModel::byteToChar for the 256 stand-ins (all below U+0144); -1 elsewhere.
const std::array<int16_t, 0x144>& charToByte()
{
    static const std::array<int16_t, 0x144> table = [] {
        std::array<int16_t, 0x144> t{};
        t.fill(-1);
        for (int b = 0; b < 256; ++b)
            t[BpeModel::byteToChar(static_cast<uint8_t>(b))] = static_cast<int16_t>(b);
        return t;
    }();
    return table;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to)
{
    if (from.empty())
        return;
    std::string out;
    size_t pos = 0;
    for (size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, pos)) {
        out.append(s, pos, hit - pos);
        out.append(to);
        pos = hit + from.size();
    }
    if (pos == 0)
        return;
    out.append(s, pos, std::string::npos);
    s.swap(out);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Splits a UTF-8 string into code points (as strings) for the per-character decoders.
std::vector<std::string_view> chars(std::string_view s)
{
    std::vector<std::string_view> out;
    for (size_t pos = 0; pos < s.size();) {
        const auto b = static_cast<unsigned char>(s[pos]);
        const size_t len = std::min<size_t>(b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, s.size() - pos);
        out.push_back(s.substr(pos, len));
        pos += len;
    }
    return out;
}

} // namespace

TokenDecoder::~TokenDecoder() = default;

std::unique_ptr<TokenDecoder> TokenDecoder::fromJson(const nlohmann::json& json, QString* error)
{
    std::unique_ptr<TokenDecoder> decoder(new TokenDecoder());
    if (json.is_null()) {
        decoder->m_null = true;
        return decoder;
    }
    if (!decoder->addStep(json, error))
        return nullptr;
    return decoder;
}

bool TokenDecoder::addStep(const nlohmann::json& step, QString* error)
{
    const std::string type = step.is_object() ? step.value("type", std::string()) : std::string();
    if (type == "Sequence") {
        const auto& steps = step.value("decoders", nlohmann::json());
        if (!steps.is_array()) {
            *error = QStringLiteral("decoder.decoders must be an array");
            return false;
        }
        for (const auto& s : steps) {
            if (!addStep(s, error))
                return false;
        }
        return true;
    }
    if (type == "ByteLevel") {
        m_steps.push_back(Step{Kind::ByteLevel, {}, {}});
        return true;
    }
    if (type == "ByteFallback") {
        m_steps.push_back(Step{Kind::ByteFallback, {}, {}});
        return true;
    }
    if (type == "Fuse") {
        m_steps.push_back(Step{Kind::Fuse, {}, {}});
        return true;
    }
    if (type == "Replace") {
        const auto& pattern = step.value("pattern", nlohmann::json());
        if (!pattern.is_object() || !pattern.contains("String") || !pattern["String"].is_string()) {
            *error = QStringLiteral("decoder: Replace with pattern %1 is not supported (only a literal String)")
                         .arg(fromStd(pattern.dump()));
            return false;
        }
        m_steps.push_back(
            Step{Kind::Replace, pattern["String"].get<std::string>(), step.value("content", std::string())});
        return true;
    }
    if (type == "Strip") {
        Step s{Kind::Strip, step.value("content", std::string(" ")), {}};
        s.start = step.value("start", size_t(0));
        s.stop = step.value("stop", size_t(0));
        m_steps.push_back(s);
        return true;
    }
    if (type == "Metaspace") {
        Step s{Kind::Metaspace, step.value("replacement", std::string("\u2581")), {}};
        const std::string scheme = step.value("prepend_scheme", std::string());
        s.prepend = scheme.empty() ? step.value("add_prefix_space", true) : scheme != "never";
        m_steps.push_back(s);
        return true;
    }
    if (type == "WordPiece") {
        Step s{Kind::WordPiece, step.value("prefix", std::string("##")), {}};
        s.prepend = step.value("cleanup", true);
        m_steps.push_back(s);
        return true;
    }
    *error = QStringLiteral("decoder type \"%1\" is not supported (supported: ByteLevel, Metaspace, Replace, "
                            "ByteFallback, Fuse, Strip, WordPiece, Sequence)")
                 .arg(fromStd(type));
    return false;
}

std::string TokenDecoder::decode(std::vector<std::string> tokens) const
{
    if (m_null) {
        std::string joined;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (i > 0)
                joined.push_back(' ');
            joined += tokens[i];
        }
        return unicode::fromUtf8Lossy(joined);
    }
    for (const Step& step : m_steps) {
        switch (step.kind) {
        case Kind::ByteLevel: {
            // A token with a character outside the byte alphabet passes through as its own UTF-8.
            const auto& table = charToByte();
            std::string bytes;
            for (const std::string& token : tokens) {
                const size_t mark = bytes.size();
                bool mapped = true;
                for (size_t pos = 0; pos < token.size() && mapped;) {
                    int len = 0;
                    const char32_t cp = unicode::decodeUtf8(token, pos, &len);
                    pos += static_cast<size_t>(len);
                    if (cp < table.size() && table[cp] >= 0)
                        bytes.push_back(static_cast<char>(table[cp]));
                    else
                        mapped = false;
                }
                if (!mapped) {
                    bytes.resize(mark);
                    bytes += token;
                }
            }
            tokens.assign(1, unicode::fromUtf8Lossy(bytes));
            break;
        }
        case Kind::Replace:
            for (std::string& token : tokens)
                replaceAll(token, step.a, step.b);
            break;
        case Kind::ByteFallback: {
            std::vector<std::string> out;
            std::string pending;
            size_t pendingCount = 0;
            const auto flush = [&] {
                if (pendingCount == 0)
                    return;
                if (unicode::isValidUtf8(pending)) {
                    out.push_back(pending);
                } else {
                    for (size_t i = 0; i < pendingCount; ++i)
                        out.emplace_back("\xEF\xBF\xBD");
                }
                pending.clear();
                pendingCount = 0;
            };
            for (std::string& token : tokens) {
                const int hi
                    = token.size() == 6 && token.starts_with("<0x") && token.ends_with('>') ? hexValue(token[3]) : -1;
                const int lo = hi >= 0 ? hexValue(token[4]) : -1;
                if (lo >= 0) {
                    pending.push_back(static_cast<char>(hi * 16 + lo));
                    ++pendingCount;
                } else {
                    flush();
                    out.push_back(std::move(token));
                }
            }
            flush();
            tokens.swap(out);
            break;
        }
        case Kind::Fuse: {
            std::string joined;
            for (const std::string& token : tokens)
                joined += token;
            tokens.assign(1, std::move(joined));
            break;
        }
        case Kind::Strip:
            for (std::string& token : tokens) {
                const std::vector<std::string_view> cs = chars(token);
                size_t startCut = 0;
                while (startCut < step.start && startCut < cs.size() && cs[startCut] == step.a)
                    ++startCut;
                size_t stopCut = 0;
                while (stopCut < step.stop && stopCut < cs.size() - startCut && cs[cs.size() - 1 - stopCut] == step.a)
                    ++stopCut;
                std::string stripped;
                for (size_t i = startCut; i < cs.size() - stopCut; ++i)
                    stripped.append(cs[i]);
                token.swap(stripped);
            }
            break;
        case Kind::WordPiece:
            // tokenizers' decoders/wordpiece.rs: a continuation loses its prefix, any other token after the
            // first gets a space; cleanup then runs on each token on its own.
            for (size_t i = 0; i < tokens.size(); ++i) {
                std::string& token = tokens[i];
                if (i != 0) {
                    if (!step.a.empty() && token.starts_with(step.a))
                        token.erase(0, step.a.size());
                    else
                        token.insert(0, 1, ' ');
                }
                if (step.prepend) {
                    static const char* const kCleanup[][2]
                        = {{" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
                            {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
                    for (const auto& [from, to] : kCleanup)
                        replaceAll(token, from, to);
                }
            }
            break;
        case Kind::Metaspace:
            for (size_t i = 0; i < tokens.size(); ++i) {
                std::string out;
                for (const std::string_view c : chars(tokens[i])) {
                    if (c != step.a)
                        out.append(c);
                    else if (i != 0 || !step.prepend)
                        out.push_back(' ');
                }
                tokens[i].swap(out);
            }
            break;
        }
    }
    std::string text;
    for (const std::string& token : tokens)
        text += token;
    return unicode::fromUtf8Lossy(text);
}

} // namespace tl
