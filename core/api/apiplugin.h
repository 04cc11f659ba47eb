#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace tl {

struct RunConfig;

// What one response event (a streamed chunk) or a whole non-streamed body says, reduced to what metrics need.
struct ParsedEvent {
    bool valid = true;      // the JSON parsed
    bool hasChoices = false; // non-empty `choices`: EvalScope's TTFT/ITL event (the role-only chunk counts)
    bool hasContent = false; // non-empty generated text (content, reasoning_content or text)
    qsizetype contentChars = 0;
    bool hasUsage = false;
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 cachedTokens = -1;
    QByteArray id; // the answer's "id" (chatcmpl-…), when it has one: ties a record to the server's logs
    // The generated text (delta/message content, or completions' text; not reasoning), only when the plugin was
    // asked to collect it: the client tokenizer counts it when the server reports no usage.
    QByteArray text;
    // --multi-turn: the reply as the next turn's history carries it (content + reasoning_content, as EvalScope's
    // generated_text); empty otherwise.
    QByteArray reply;
    bool isError = false; // an {"error": ...} object in place of a chunk
    QString errorMessage;
};

// One request's input as a dataset yields it (core/dataset/). `kind` says which fields carry it; the run's
// ApiPlugin turns it into a body. Plain values: copied across threads freely.
struct PromptItem {
    enum class Kind {
        Text, // `text`: chat APIs send it as one user message, completions as "prompt": "text"
        Messages, // `messages`: a JSON array of OpenAI message objects, sent verbatim as "messages"
        Body, // `body`: a whole JSON request body; the CLI parameters only fill the keys it lacks
        TokenIds, // `tokenIds`: the prompt as token ids, sent as "prompt": [ids] (--tokenize-prompt)
        Embedding, // `inputs`: texts to embed; "input": "text" for one, "input": [..] when `batch`
        Rerank, // `query` and `documents`: "query": "...", "documents": [..]
    };

    QString text; // Text (first member so PromptItem{text} still works)
    Kind kind = Kind::Text;
    QByteArray messages; // Messages: UTF-8 JSON array text, e.g. [{"role":"user","content":"hi"}]
    QByteArray body; // Body: UTF-8 JSON object text
    QList<qint32> tokenIds; // TokenIds
    QStringList inputs; // Embedding: one text per request (embedding, random_embedding) or a batch
    bool batch = false; // Embedding: true for the *_batch datasets: always send "input" as a list
    QString query; // Rerank
    QStringList documents; // Rerank: at least one
    std::optional<int> maxTokens; // per-request max_tokens (--max-tokens MIN MAX); overrides --max-tokens
    qint64 promptTokens = -1; // the client tokenizer's count of the prompt when the dataset measured it; -1 unknown
    // workload_trace: the record's own header fields, sent with this request besides the run's (which win)
    QList<QPair<QByteArray, QByteArray>> headers;
    QString requestId; // workload_trace: the record's own request_id (empty when it has none), stored with the request
};

// Builds request bodies for one API type and parses its responses. One instance per run, shared read-only by
// every worker thread: all methods are const and thread-safe.
class ApiPlugin {
public:
    virtual ~ApiPlugin();
    ApiPlugin(const ApiPlugin&) = delete;
    ApiPlugin& operator=(const ApiPlugin&) = delete;

    virtual QByteArray buildBody(const PromptItem& prompt) const = 0;
    virtual ParsedEvent parseStreamEvent(QByteArrayView data) const = 0;
    virtual ParsedEvent parseBody(QByteArrayView body) const = 0;
    virtual bool streaming() const = 0;

    // The plugin for config.api (validated beforehand).
    static std::unique_ptr<ApiPlugin> create(const RunConfig& config);

protected:
    ApiPlugin() = default;
};

} // namespace tl
