// The per-mode record parsers behind RecordParser::create (EvalScope's dataset plugins, §4 of the reference).
#include "dataset/recordparser.h"

#include "util/jsonutil.h"
#include "util/tr.h"

#include <QFileInfo>

namespace tl {

RecordParser::~RecordParser() = default;

namespace {

using Result = RecordParser::Result;
using Verdict = RecordParser::Result::Verdict;

Result error(const QString& message)
{
    return Result{Verdict::Error, {}, message};
}

Result fromShaped(std::optional<PromptItem> item, const QString& reason)
{
    if (!item)
        return Result{Verdict::Dropped, {}, reason};
    return Result{Verdict::Item, std::move(*item), {}};
}

// A record nested deeper than jsonutil::kMaxDepth is refused like one that is not JSON: copying or dumping it
// would recurse once per level.
nlohmann::json parseJson(const QByteArray& record)
{
    if (jsonutil::tooDeep(record))
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(record.cbegin(), record.cend(), nullptr, false);
}

// Base of the parsers that run prompts through the length policy.
class ShapedParser : public RecordParser {
public:
    explicit ShapedParser(std::shared_ptr<const PromptShaper> shaper)
        : m_shaper(std::move(shaper))
    {
    }

protected:
    Result shapeText(const QString& text) const
    {
        QString reason;
        return fromShaped(m_shaper->shapeText(text, &reason), reason);
    }
    std::shared_ptr<const PromptShaper> m_shaper;
};

// openqa (open_qa.jsonl: "question") and longalpaca (a JSON array or JSONL of objects: "instruction").
class FieldParser final : public ShapedParser {
public:
    FieldParser(std::shared_ptr<const PromptShaper> shaper, const char* field, bool jsonArray)
        : ShapedParser(std::move(shaper))
        , m_field(field)
        , m_jsonArray(jsonArray)
    {
    }
    bool acceptsJsonArray() const override { return m_jsonArray; }
    Result parse(const QByteArray& record) const override
    {
        const auto j = parseJson(record);
        if (j.is_discarded() || !j.is_object())
            return error(Tr::tr("expected a JSON object with a \"%1\" string").arg(QLatin1StringView(m_field)));
        const auto it = j.find(m_field);
        if (it == j.end() || !it->is_string())
            return error(Tr::tr("the object has no \"%1\" string").arg(QLatin1StringView(m_field)));
        return shapeText(jsonutil::toQString(*it).trimmed());
    }

private:
    const char* m_field;
    bool m_jsonArray;
};

// custom: every line is one prompt.
class PlainParser final : public ShapedParser {
public:
    using ShapedParser::ShapedParser;
    Result parse(const QByteArray& record) const override { return shapeText(QString::fromUtf8(record.trimmed())); }
};

// line_by_line: a JSON array line is a message list sent verbatim, a JSON object line a whole request body,
// anything else a plain prompt.
class LineByLineParser final : public ShapedParser {
public:
    using ShapedParser::ShapedParser;
    Result parse(const QByteArray& record) const override
    {
        const QByteArray line = record.trimmed();
        if (line.startsWith('[') || line.startsWith('{')) {
            const auto j = parseJson(line);
            if (j.is_array() || j.is_object()) {
                if (m_shaper->lengthControl())
                    return error(Tr::tr("JSON lines cannot be fitted to target_input_len; use plain-text lines or "
                                        "drop target_input_len from --dataset-args"));
                Result r;
                if (j.is_array()) {
                    for (const auto& m : j) {
                        if (!m.is_object() || !m.contains("role"))
                            return error(Tr::tr("a JSON array line must hold message objects with a \"role\""));
                    }
                    r.item.kind = PromptItem::Kind::Messages;
                    r.item.messages = line;
                } else {
                    r.item.kind = PromptItem::Kind::Body;
                    r.item.body = line;
                }
                return r;
            }
        }
        return shapeText(QString::fromUtf8(line));
    }
};

// share_gpt_zh / share_gpt_en (swift/sharegpt common_*_70k.jsonl): {"conversation": [{"human","assistant"}...]}
// becomes one request carrying the history: user/assistant interleaved, ending with the last user turn.
class ShareGptParser final : public ShapedParser {
public:
    using ShapedParser::ShapedParser;
    Result parse(const QByteArray& record) const override
    {
        const auto j = parseJson(record);
        if (j.is_discarded() || !j.is_object() || !j.contains("conversation") || !j["conversation"].is_array())
            return error(Tr::tr("expected a JSON object with a \"conversation\" array of {\"human\", \"assistant\"}"));
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& turn : j["conversation"]) {
            if (!turn.is_object())
                return error(Tr::tr("each \"conversation\" entry must be an object with \"human\" and \"assistant\""));
            for (const char* key : {"human", "assistant"}) {
                const auto it = turn.find(key);
                if (it != turn.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
                    messages.push_back({{"role", key[0] == 'h' ? "user" : "assistant"}, {"content", *it}});
            }
        }
        while (!messages.empty() && messages.back()["role"] == "assistant")
            messages.erase(messages.size() - 1);
        if (messages.empty())
            return Result{Verdict::Dropped, {}, Tr::tr("conversations without a human turn")};
        QString reason;
        return fromShaped(m_shaper->shapeConversation(std::move(messages), &reason), reason);
    }
};

// embedding / embedding_batch: .txt one text per line; .json/.jsonl strings or objects with text, input,
// sentence or content. Filtered by --min/--max-prompt-length.
class EmbeddingParser final : public RecordParser {
public:
    EmbeddingParser(std::shared_ptr<const PromptShaper> shaper, bool json)
        : m_shaper(std::move(shaper))
        , m_json(json)
    {
    }
    bool acceptsJsonArray() const override { return m_json; }
    Result parse(const QByteArray& record) const override
    {
        QString text;
        if (!m_json) {
            text = QString::fromUtf8(record.trimmed());
        } else {
            const auto j = parseJson(record);
            if (j.is_string()) {
                text = jsonutil::toQString(j);
            } else if (j.is_object()) {
                for (const char* key : {"text", "input", "sentence", "content"}) {
                    if (const auto it = j.find(key); it != j.end() && it->is_string()) {
                        text = jsonutil::toQString(*it);
                        break;
                    }
                }
                if (text.isNull())
                    return error(Tr::tr("the object has none of \"text\", \"input\", \"sentence\", \"content\""));
            } else {
                return error(Tr::tr("expected a JSON string or an object with a \"text\" string"));
            }
        }
        const DatasetOptions& o = *m_shaper->options();
        const qsizetype n = m_shaper->promptLength(text);
        if (n < o.minPromptLength)
            return Result{Verdict::Dropped, {}, Tr::tr("--min-prompt-length %1").arg(o.minPromptLength)};
        if (n > o.maxPromptLength)
            return Result{Verdict::Dropped, {}, Tr::tr("--max-prompt-length %1").arg(o.maxPromptLength)};
        Result r;
        r.item.kind = PromptItem::Kind::Embedding;
        r.item.inputs = QStringList{text};
        return r;
    }

private:
    std::shared_ptr<const PromptShaper> m_shaper;
    bool m_json;
};

// rerank: JSON records with "query" and "documents" (or "passages"/"texts"); incomplete ones are dropped.
class RerankParser final : public RecordParser {
public:
    bool acceptsJsonArray() const override { return true; }
    Result parse(const QByteArray& record) const override
    {
        const auto j = parseJson(record);
        if (j.is_discarded() || !j.is_object())
            return error(Tr::tr("expected a JSON object with \"query\" and \"documents\""));
        Result r;
        r.item.kind = PromptItem::Kind::Rerank;
        if (const auto q = j.find("query"); q != j.end() && q->is_string())
            r.item.query = jsonutil::toQString(*q);
        for (const char* key : {"documents", "passages", "texts"}) {
            const auto d = j.find(key);
            if (d == j.end())
                continue;
            if (d->is_string())
                r.item.documents.append(jsonutil::toQString(*d));
            else if (d->is_array()) {
                for (const auto& doc : *d) {
                    if (doc.is_string())
                        r.item.documents.append(jsonutil::toQString(doc));
                    else if (doc.is_object() && doc.contains("text") && doc["text"].is_string())
                        r.item.documents.append(jsonutil::toQString(doc["text"]));
                }
            }
            break;
        }
        if (r.item.query.isEmpty() || r.item.documents.isEmpty())
            return Result{Verdict::Dropped, {}, Tr::tr("records without a query or documents")};
        return r;
    }
};

} // namespace

std::unique_ptr<RecordParser> RecordParser::create(const QString& dataset, const QString& path,
                                                   std::shared_ptr<const PromptShaper> shaper)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool jsonFile = suffix == u"json" || suffix == u"jsonl";
    if (dataset == u"openqa")
        return std::make_unique<FieldParser>(std::move(shaper), "question", false);
    if (dataset == u"longalpaca")
        return std::make_unique<FieldParser>(std::move(shaper), "instruction", true);
    if (dataset == u"custom")
        return std::make_unique<PlainParser>(std::move(shaper));
    if (dataset == u"line_by_line")
        return std::make_unique<LineByLineParser>(std::move(shaper));
    if (dataset.startsWith(u"share_gpt"))
        return std::make_unique<ShareGptParser>(std::move(shaper));
    if (dataset.startsWith(u"embed"))
        return std::make_unique<EmbeddingParser>(std::move(shaper), jsonFile);
    if (dataset == u"rerank")
        return std::make_unique<RerankParser>();
    return nullptr;
}

} // namespace tl
