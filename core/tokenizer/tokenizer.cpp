#include "tokenizer/tokenizer.h"

#include "tokenizer/addedtokens.h"
#include "tokenizer/bpemodel.h"
#include "tokenizer/chattemplate.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/textnormalizer.h"
#include "tokenizer/tokendecoder.h"
#include "tokenizer/unicodeutil.h"
#include "tokenizer/unigrammodel.h"
#include "tokenizer/wordpiecemodel.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tl {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Reads and parses a JSON file with nlohmann/json, which keeps a leading U+FEFF inside strings
// (QJsonDocument drops it and would corrupt vocabulary keys).
bool readJson(const QString& path, nlohmann::json* out, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (jsonutil::tooDeep(bytes)) { // a Sequence of Sequences 60,000 deep would overflow the stack on the way
        *error = QStringLiteral("%1: nested deeper than %2 levels").arg(path).arg(jsonutil::kMaxDepth);
        return false;
    }
    try {
        *out = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::parse_error& e) {
        *error = QStringLiteral("%1: invalid JSON at byte %2").arg(path).arg(e.byte);
        return false;
    }
    return true;
}

// tokenizer_config.json writes tokens either as a string or as an AddedToken object.
std::string configToken(const nlohmann::json& config, const char* key)
{
    if (!config.is_object())
        return {};
    const auto it = config.find(key);
    if (it == config.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string())
        return (*it)["content"].get<std::string>();
    return {};
}

// The pair template: special ids, and these two stand-ins for the sequences.
constexpr int32_t kSequenceA = -1;
constexpr int32_t kSequenceB = -2;

// Sets a post-processor's pair template, or marks it unknown when a second processor adds one too.
void setPair(std::vector<int32_t> items, std::vector<int32_t>* pair, bool* pairKnown)
{
    if (!pair->empty() || !*pairKnown) {
        *pairKnown = false;
        pair->clear();
        return;
    }
    *pair = std::move(items);
}

// Appends the ids a post-processor adds around the sequence ($A) to prefix/suffix, and sets its pair template.
bool postProcessor(const nlohmann::json& json, const AddedTokens& added, const TokenModel& model,
    std::vector<int32_t>* prefix, std::vector<int32_t>* suffix, std::vector<int32_t>* pair, bool* pairKnown,
    QString* error)
{
    if (json.is_null())
        return true;
    const std::string type = json.is_object() ? json.value("type", std::string()) : std::string();
    const auto idOf = [&](const nlohmann::json& pair, int32_t* id) {
        // RobertaProcessing/BertProcessing give [token, id].
        if (!pair.is_array() || pair.size() != 2 || !pair[1].is_number_integer() || pair[1].get<int64_t>() < 0
            || pair[1].get<int64_t>() > kMaxTokenId)
            return false;
        *id = int32_t(pair[1].get<int64_t>());
        return true;
    };
    if (type == "ByteLevel")
        return true; // only adjusts offsets
    if (type == "Sequence") {
        for (const auto& step : json.value("processors", nlohmann::json::array())) {
            if (!postProcessor(step, added, model, prefix, suffix, pair, pairKnown, error))
                return false;
        }
        return true;
    }
    if (type == "RobertaProcessing" || type == "BertProcessing") {
        int32_t cls = -1;
        int32_t sep = -1;
        if (!idOf(json.value("cls", nlohmann::json()), &cls) || !idOf(json.value("sep", nlohmann::json()), &sep)) {
            *error = QStringLiteral("post_processor.cls/sep must be [token, id]");
            return false;
        }
        prefix->push_back(cls);
        suffix->push_back(sep);
        // BERT: [CLS] A [SEP] B [SEP]; RoBERTa/XLM-R: <s> A </s> </s> B </s>.
        if (type == "BertProcessing")
            setPair({cls, kSequenceA, sep, kSequenceB, sep}, pair, pairKnown);
        else
            setPair({cls, kSequenceA, sep, sep, kSequenceB, sep}, pair, pairKnown);
        return true;
    }
    if (type == "TemplateProcessing") {
        const auto& single = json.value("single", nlohmann::json());
        const auto& specials = json.value("special_tokens", nlohmann::json::object());
        if (!single.is_array()) {
            *error = QStringLiteral("post_processor.single must be an array");
            return false;
        }
        bool afterSequence = false;
        for (const auto& item : single) {
            if (item.contains("Sequence")) {
                if (item["Sequence"].value("id", std::string()) != "A" || afterSequence) {
                    *error = QStringLiteral("post_processor.single must hold the sequence $A exactly once");
                    return false;
                }
                afterSequence = true;
                continue;
            }
            const std::string name
                = item.contains("SpecialToken") ? item["SpecialToken"].value("id", std::string()) : std::string();
            const auto special = specials.find(name);
            if (name.empty() || special == specials.end() || !special->contains("ids")
                || !(*special)["ids"].is_array()) {
                *error = QStringLiteral("post_processor.single names special token \"%1\" missing from special_tokens")
                             .arg(fromStd(name));
                return false;
            }
            for (const auto& id : (*special)["ids"]) {
                if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > kMaxTokenId) {
                    *error = QStringLiteral("post_processor.special_tokens[\"%1\"].ids must be integers from 0 to %2")
                                 .arg(fromStd(name))
                                 .arg(kMaxTokenId);
                    return false;
                }
                (afterSequence ? suffix : prefix)->push_back(int32_t(id.get<int64_t>()));
            }
        }
        // The pair template: $A and $B (or $ with another id) and special tokens, as written.
        const auto& pairItems = json.value("pair", nlohmann::json());
        std::vector<int32_t> items;
        bool ok = pairItems.is_array();
        for (const auto& item : ok ? pairItems : nlohmann::json::array()) {
            if (item.contains("Sequence")) {
                const std::string id = item["Sequence"].value("id", std::string());
                if (id != "A" && id != "B") {
                    ok = false;
                    break;
                }
                items.push_back(id == "A" ? kSequenceA : kSequenceB);
                continue;
            }
            const std::string name
                = item.contains("SpecialToken") ? item["SpecialToken"].value("id", std::string()) : std::string();
            const auto special = specials.find(name);
            if (name.empty() || special == specials.end() || !special->contains("ids")
                || !(*special)["ids"].is_array()) {
                ok = false;
                break;
            }
            for (const auto& id : (*special)["ids"]) {
                if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > kMaxTokenId) {
                    ok = false;
                    break;
                }
                items.push_back(int32_t(id.get<int64_t>()));
            }
        }
        if (ok)
            setPair(std::move(items), pair, pairKnown);
        else
            *pairKnown = false;
        return true;
    }
    Q_UNUSED(added);
    Q_UNUSED(model);
    *error = QStringLiteral("post_processor type \"%1\" is not supported (supported: TemplateProcessing, ByteLevel, "
                            "RobertaProcessing, BertProcessing, Sequence)")
                 .arg(fromStd(type));
    return false;
}

} // namespace

Tokenizer::Tokenizer() = default;
Tokenizer::~Tokenizer() = default;

std::shared_ptr<const Tokenizer> Tokenizer::load(const QString& path, QString* error)
{
    const QFileInfo info(path);
    QString tokenizerPath = path;
    QString configPath;
    if (info.isDir()) {
        tokenizerPath = QDir(path).filePath(QStringLiteral("tokenizer.json"));
        if (!QFileInfo::exists(tokenizerPath)) {
            *error = QStringLiteral(
                "%1: no tokenizer.json in this folder (only Hugging Face tokenizer.json files are supported)")
                         .arg(path);
            return nullptr;
        }
    } else if (!info.exists()) {
        *error = QStringLiteral("%1: no such file or folder").arg(path);
        return nullptr;
    }
    configPath = QFileInfo(tokenizerPath).dir().filePath(QStringLiteral("tokenizer_config.json"));

    nlohmann::json tokenizerJson;
    if (!readJson(tokenizerPath, &tokenizerJson, error))
        return nullptr;
    nlohmann::json config;
    if (QFileInfo::exists(configPath) && !readJson(configPath, &config, error))
        return nullptr;
    QString detail;
    auto tokenizer = fromJson(tokenizerJson, config, tokenizerPath, &detail);
    if (!tokenizer)
        *error = detail;
    return tokenizer;
}

std::shared_ptr<const Tokenizer> Tokenizer::fromJson(
    const nlohmann::json& json, const nlohmann::json& config, const QString& source, QString* error)
{
    // The readers below use nlohmann's value() and get(), which throw type_error on a member of the wrong type
    // (a "type": 5, a "pretokenizers": "x"): a damaged or hostile file is refused with the reason instead.
    try {
        return build(json, config, source, error);
    } catch (const nlohmann::json::exception& e) {
        *error
            = QStringLiteral("%1: a member has the wrong type or value (%2)").arg(source, QString::fromUtf8(e.what()));
        return nullptr;
    }
}

std::shared_ptr<const Tokenizer> Tokenizer::build(
    const nlohmann::json& json, const nlohmann::json& config, const QString& source, QString* error)
{
    const auto fail = [&](const QString& what) {
        *error = QStringLiteral("%1: %2").arg(source, what);
        return nullptr;
    };
    if (!json.is_object())
        return fail(QStringLiteral("not a tokenizer.json (expected a JSON object)"));
    const auto model = json.find("model");
    if (model == json.end() || !model->is_object())
        return fail(QStringLiteral("no \"model\" object"));
    const std::string modelType = model->value("type", std::string(model->contains("merges") ? "BPE" : ""));
    if (modelType != "BPE" && modelType != "WordPiece" && modelType != "Unigram") {
        return fail(QStringLiteral("model type \"%1\" is not supported (supported: BPE, WordPiece, Unigram)")
                        .arg(fromStd(modelType)));
    }

    std::shared_ptr<Tokenizer> tokenizer(new Tokenizer());
    QString what;
    tokenizer->m_added = AddedTokens::fromJson(json.value("added_tokens", nlohmann::json()), &what);
    if (tokenizer->m_added)
        tokenizer->m_normalizer = TextNormalizer::fromJson(json.value("normalizer", nlohmann::json()), &what);
    if (tokenizer->m_normalizer)
        tokenizer->m_preTokenizer = PreTokenizer::fromJson(json.value("pre_tokenizer", nlohmann::json()), &what);
    if (tokenizer->m_preTokenizer) {
        if (modelType == "WordPiece")
            tokenizer->m_model = WordPieceModel::fromJson(*model, &what);
        else if (modelType == "Unigram")
            tokenizer->m_model = UnigramModel::fromJson(*model, &what);
        else
            tokenizer->m_model = BpeModel::fromJson(*model, tokenizer->m_preTokenizer->byteLevel(), &what);
    }
    if (tokenizer->m_model)
        tokenizer->m_decoder = TokenDecoder::fromJson(json.value("decoder", nlohmann::json()), &what);
    if (!tokenizer->m_decoder)
        return fail(what);
    if (!postProcessor(json.value("post_processor", nlohmann::json()), *tokenizer->m_added, *tokenizer->m_model,
            &tokenizer->m_prefixIds, &tokenizer->m_suffixIds, &tokenizer->m_pairTemplate, &tokenizer->m_pairKnown,
            &what))
        return fail(what);
    tokenizer->m_vocabSize = std::max(tokenizer->m_model->maxId(), tokenizer->m_added->maxId()) + 1;

    if (config.is_object() && config.contains("chat_template")) {
        std::string source;
        const auto& chat = config["chat_template"];
        if (chat.is_string()) {
            source = chat.get<std::string>();
        } else if (chat.is_array()) {
            // Named templates: the one called "default" is what apply_chat_template uses.
            for (const auto& entry : chat) {
                if (entry.is_object() && entry.value("name", std::string()) == "default")
                    source = entry.value("template", std::string());
            }
        }
        if (!source.empty()) {
            QString templateError;
            tokenizer->m_chatTemplate = ChatTemplate::create(
                source, configToken(config, "bos_token"), configToken(config, "eos_token"), &templateError);
            if (!tokenizer->m_chatTemplate) {
                *error = QStringLiteral("tokenizer_config.json: chat_template: %1").arg(templateError);
                return nullptr;
            }
        }
    }
    return tokenizer;
}

void Tokenizer::encodePiece(std::string_view piece, bool atStart, std::vector<int32_t>& out) const
{
    thread_local std::vector<PreTokenizer::Range> words;
    std::string scratch;
    const std::string_view text = m_preTokenizer->prepare(piece, atStart, scratch);
    m_preTokenizer->split(text, words);
    if (m_preTokenizer->wordMetaspace()) {
        thread_local std::vector<PreTokenizer::Range> pieces;
        std::string word;
        for (const auto& [begin, end] : words) {
            m_preTokenizer->metaspaceWord(text.substr(begin, end - begin), word, pieces);
            for (const auto& [pieceBegin, pieceEnd] : pieces)
                m_model->encodeWord(std::string_view(word).substr(pieceBegin, pieceEnd - pieceBegin), out);
        }
        return;
    }
    for (const auto& [begin, end] : words)
        m_model->encodeWord(text.substr(begin, end - begin), out);
}

void Tokenizer::encodeInto(std::string_view input, std::vector<int32_t>& out) const
{
    std::string sanitized;
    if (!unicode::isValidUtf8(input)) {
        sanitized = unicode::fromUtf8Lossy(input);
        input = sanitized;
    }
    std::vector<AddedTokens::Segment> raw;
    std::vector<AddedTokens::Segment> normalizedSegments;
    std::string buffer;
    m_added->split(input, false, raw);
    for (const auto& segment : raw) {
        if (segment.id >= 0) {
            out.push_back(segment.id);
            continue;
        }
        const std::string_view normalized
            = m_normalizer->apply(input.substr(segment.begin, segment.end - segment.begin), buffer);
        if (!m_added->hasNormalized()) {
            encodePiece(normalized, segment.begin == 0, out);
            continue;
        }
        m_added->split(normalized, true, normalizedSegments);
        for (const auto& inner : normalizedSegments) {
            if (inner.id >= 0)
                out.push_back(inner.id);
            else
                encodePiece(normalized.substr(inner.begin, inner.end - inner.begin),
                    segment.begin == 0 && inner.begin == 0, out);
        }
    }
}

std::vector<int32_t> Tokenizer::encode(std::string_view utf8, bool addSpecialTokens) const
{
    std::vector<int32_t> ids;
    ids.reserve(utf8.size() / 3 + 4);
    if (addSpecialTokens)
        ids = m_prefixIds;
    encodeInto(utf8, ids);
    if (addSpecialTokens)
        ids.insert(ids.end(), m_suffixIds.begin(), m_suffixIds.end());
    return ids;
}

std::vector<int32_t> Tokenizer::encodePair(std::string_view first, std::string_view second, bool addSpecialTokens) const
{
    std::vector<int32_t> ids;
    if (!addSpecialTokens || (m_pairKnown && m_pairTemplate.empty())) {
        encodeInto(first, ids);
        encodeInto(second, ids);
        return ids;
    }
    if (!m_pairKnown)
        return ids;
    for (const int32_t item : m_pairTemplate) {
        if (item == kSequenceA)
            encodeInto(first, ids);
        else if (item == kSequenceB)
            encodeInto(second, ids);
        else
            ids.push_back(item);
    }
    return ids;
}

bool Tokenizer::hasPairTemplate() const
{
    return m_pairKnown;
}

qsizetype Tokenizer::count(std::string_view utf8) const
{
    thread_local std::vector<int32_t> ids;
    ids.clear();
    encodeInto(utf8, ids);
    return static_cast<qsizetype>(ids.size());
}

std::string Tokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const
{
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (const int32_t id : ids) {
        if (const AddedTokens::Token* added = m_added->byId(id)) {
            if (!(skipSpecialTokens && added->special))
                tokens.push_back(added->content);
            continue;
        }
        const std::string& token = m_model->idToToken(id);
        if (!token.empty())
            tokens.push_back(token);
    }
    return m_decoder->decode(std::move(tokens));
}

int32_t Tokenizer::vocabSize() const
{
    return m_vocabSize;
}

bool Tokenizer::isSpecial(int32_t id) const
{
    return m_added->byId(id) != nullptr;
}

bool Tokenizer::isByteFallback(int32_t id) const
{
    return m_model->isByteFallback(id);
}

const ChatTemplate* Tokenizer::chatTemplate() const
{
    return m_chatTemplate.get();
}

std::string Tokenizer::idToToken(int32_t id) const
{
    if (const AddedTokens::Token* added = m_added->byId(id))
        return added->content;
    return m_model->idToToken(id);
}

int32_t Tokenizer::tokenToId(std::string_view token) const
{
    if (const AddedTokens::Token* added = m_added->byContent(token))
        return added->id;
    return m_model->tokenToId(token);
}

} // namespace tl
